//! The schema version check on any `i64`: `version_verdict` never panics, and opening a
//! database whose `user_version` is that value (as SQLite stores it: 32 bits) either
//! succeeds for the current version or is refused, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use stdtrack::store::{SCHEMA_VERSION, Store, VersionVerdict, version_verdict};

fn dir() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"))
}

fuzz_target!(|v: i64| {
    let verdict = version_verdict(v);
    match verdict {
        VersionVerdict::NotStdtrack => assert!(v <= 0),
        VersionVerdict::Older(o) => assert!(o == v && (1..SCHEMA_VERSION).contains(&v)),
        VersionVerdict::Current => assert_eq!(v, SCHEMA_VERSION),
        VersionVerdict::Newer(n) => assert!(n == v && v > SCHEMA_VERSION),
    }

    let path = dir().path().join("v.db");
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.clone().into_os_string();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
    let stored: i64 = {
        let conn = rusqlite::Connection::open(&path).expect("create");
        conn.pragma_update(None, "user_version", v).expect("set user_version");
        conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("read user_version")
    };
    let opened = Store::open(&path);
    match version_verdict(stored) {
        VersionVerdict::Current => assert!(opened.is_ok(), "{v} stored as {stored}: {:?}", opened.err()),
        VersionVerdict::Older(_) => {}
        VersionVerdict::NotStdtrack | VersionVerdict::Newer(_) => {
            let e = opened.err().map(|e| e.to_string()).unwrap_or_default();
            assert!(e.contains("not a stdtrack database") || e.contains("newer stdtrack"), "{v}: {e}");
        }
    }
});
