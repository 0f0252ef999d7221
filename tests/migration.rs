//! Issue 11: a version-1 database, made with the first release's schema.sql, upgrades in
//! place after a copy beside it, record for record, to the same shape a fresh file has.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::Env;
use rusqlite::Connection;

/// A version-1 file with one record of each kind that matters to the upgrade.
fn version_1(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(&std::fs::read_to_string("tests/data/schema-v1.sql").unwrap()).unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 1;
         INSERT INTO unit (id, name, name_key, uscc, kind) VALUES (1, '重庆某铝业有限公司', '重庆某铝业有限公司', '91110000600037341L', 'enterprise');
         INSERT INTO filing (unit_id, number, title, filing_no, filed_on) VALUES (1, 'Q/JLP 001-2013', '铝型材', '50107-00001', '2013-05-01');
         INSERT INTO filing_day VALUES ('2013-05-01', 1);
         INSERT INTO award (unit_id, kind, awarded_on) VALUES (1, 'cq-innovation', '2014-06-30');
         INSERT INTO payment (key, unit_id, amount_yuan, paid_on, voucher) VALUES ('cq-innovation-award:award:1', 1, 50000, '2014-08-01', '记-1');
         UPDATE milestone SET status = 'done', done_on = '2013-03-01' WHERE code = 'info-platform';
         UPDATE milestone SET status = 'in-progress' WHERE code = 'early-warning';",
    )
    .unwrap();
}

fn shape(path: &Path) -> BTreeMap<String, Vec<(String, String, bool, Option<String>, bool)>> {
    let conn = Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out = BTreeMap::new();
    for t in tables {
        let cols = conn
            .prepare(&format!("PRAGMA table_xinfo(\"{t}\")"))
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(1)?, r.get(2)?, r.get::<_, i64>(3)? != 0, r.get(4)?, r.get::<_, i64>(5)? != 0))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        out.insert(t, cols);
    }
    let indexes: Vec<(String, String)> = conn
        .prepare(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    out.insert("(indexes)".into(), indexes.into_iter().map(|(n, t)| (n, t, false, None, false)).collect());
    out
}

#[test]
fn a_version_1_file_upgrades_record_for_record() {
    let env = Env::empty();
    version_1(&env.db);
    // A command that only reads refuses, naming the upgrade.
    let e = env.fails(&["list", "units"], 1);
    assert!(e.contains("stdtrack migrate"), "{e}");
    let up = env.json(&["migrate"]);
    assert_eq!(up["upgraded"], true);
    assert_eq!(up["from_version"], 1);
    assert_eq!(up["schema_version"], 2);
    let backup = env.path("test.db.v1.bak");
    assert!(backup.exists(), "the file as it was is kept beside it");
    let bak = Connection::open(&backup).unwrap();
    assert_eq!(bak.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(), 1);
    // Every record is there, with the new fields empty.
    let filings = env.json(&["list", "filings"]);
    assert_eq!(filings.as_array().unwrap().len(), 1);
    assert_eq!(filings[0]["filing_no"], "50107-00001");
    assert_eq!(env.json(&["list", "payments"])[0]["amount_yuan"], 50000);
    assert_eq!(env.json(&["award-calc"])["totals"]["paid_yuan"], 50000);
    let p = env.json(&["progress", "--as-of", "2013-12-31"]);
    assert_eq!(p["targets"][3]["actual"], 1, "the per-day counts came through");
    // Each stored milestone status became one dated change.
    let conn = Connection::open(&env.db).unwrap();
    let changes: Vec<(String, String, String)> = conn
        .prepare("SELECT milestone, status, on_date FROM milestone_change ORDER BY milestone")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        changes,
        vec![
            ("early-warning".into(), "in-progress".into(), "2012-07-12".into()),
            ("info-platform".into(), "done".into(), "2013-03-01".into()),
        ]
    );
    // Migrating again does nothing.
    assert_eq!(env.json(&["migrate"])["upgraded"], false);
    // The upgraded file has the shape of a fresh one.
    let fresh = Env::new();
    assert_eq!(shape(&env.db), shape(&fresh.db));
}

#[test]
fn a_write_command_upgrades_an_older_file_after_copying_it() {
    let env = Env::empty();
    version_1(&env.db);
    let out = env.run(&["add-meeting", "--held", "2014-01-10"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("upgraded"), "the clerk is told");
    assert!(env.path("test.db.v1.bak").exists());
    assert_eq!(env.json(&["list", "meetings"]).as_array().unwrap().len(), 1);
}
