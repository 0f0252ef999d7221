//! The CSV import on any bytes, as filings, reviews and units, checked and rolled back
//! (`dry_run`) on an in-memory database: an import may refuse a file, never panic.
#![no_main]

use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use stdtrack::error::Msg;
use stdtrack::import::{self, EncodingChoice, Events, ImportKind, Options, Staged};
use stdtrack::render::Lang;
use stdtrack::store::{AuditCtx, Store};

struct Quiet;

impl Events for Quiet {
    fn start(&mut self, _total_bytes: u64) {}
    fn progress(&mut self, _done_bytes: u64) {}
    fn warning(&mut self, _msg: &Msg) {}
    fn row_error(&mut self, _msg: &Msg) {}
}

/// A dry run never stages a rejects file; should one be asked for, it goes nowhere.
struct Nowhere;

impl std::io::Write for Nowhere {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Staged for Nowhere {
    fn sync(&mut self) -> anyhow::Result<()> {
        Ok(())
    }
    fn persist(self: Box<Self>) -> anyhow::Result<()> {
        Ok(())
    }
}

fn dir() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"))
}

/// One database for all runs: every run is a dry run, rolled back, so each starts from the
/// same freshly initialised store (a new store per run halved the runs per second).
fn store() -> &'static Mutex<Store> {
    static STORE: OnceLock<Mutex<Store>> = OnceLock::new();
    STORE.get_or_init(|| Mutex::new(Store::in_memory().expect("in-memory store")))
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options; the rest is the file.
    let Some((&flags, body)) = data.split_first() else { return };
    let file = dir().path().join("in.csv");
    std::fs::write(&file, body).expect("write the input");
    let encoding = match flags & 3 {
        0 => EncodingChoice::Auto,
        1 => EncodingChoice::Utf8,
        2 => EncodingChoice::Gb18030,
        _ => EncodingChoice::Utf16,
    };
    let audit = AuditCtx { at: "2016-06-01T00:00:00+08:00".into(), os_user: "fuzz".into(), command: "fuzz".into() };
    let mut store = store().lock().expect("store lock");
    for kind in [ImportKind::Filings, ImportKind::Reviews, ImportKind::Units] {
        let opts = Options {
            kind,
            file: file.clone(),
            encoding,
            skip_invalid: flags & 4 != 0,
            rejects: dir().path().join("in.csv.rejects.csv"),
            dry_run: true,
            allow_bad_check: flags & 8 != 0,
            lang: if flags & 16 != 0 { Lang::En } else { Lang::Zh },
            sheet: None,
            new_units: flags & 32 != 0,
            today: chrono::NaiveDate::from_ymd_opt(2016, 6, 1).expect("a date"),
            sha256: None,
        };
        let _ = import::run(&mut store, &audit, &opts, &mut Quiet, &|_| Ok(Box::new(Nowhere)));
    }
});
