//! Record commands through the real binary: what is stored, what is refused (exit 1, one
//! sentence naming the field, database unchanged), unit resolution, the audit log.

mod common;

use common::Env;
use serde_json::{Value, json};

#[test]
fn no_database_means_exit_1_and_no_file() {
    let env = Env::empty();
    let e = env.fails(&["list", "units"], 1);
    assert!(e.contains("stdtrack init"), "{e}");
    let e = env.fails(&["add-unit", "--name", "x"], 1);
    assert!(e.contains("no database"), "{e}");
    assert!(!env.db.exists(), "a command other than init created the file");
    // completions need no database
    let out = env.ok(&["completions", "bash"]);
    assert!(out.contains("stdtrack"));
    let man = env.ok(&["man"]);
    assert!(man.contains(".TH stdtrack"), "{man}");
    assert!(!env.db.exists());
}

#[test]
fn init_is_idempotent_and_seeds_the_plan() {
    let env = Env::new();
    let again = env.json(&["init"]);
    assert_eq!(again["created"], false);
    assert_eq!(again["plan"], "jlp-2012");
    let targets = env.json(&["list", "targets"]);
    let codes: Vec<&str> = targets.as_array().unwrap().iter().map(|t| t["code"].as_str().unwrap()).collect();
    assert_eq!(codes.len(), 10);
    assert_eq!(codes[0], "national-standards");
    assert_eq!(targets[5]["target_min"], 2);
    assert_eq!(targets[5]["target_max"], 3);
    let rules = env.json(&["list", "rules"]);
    let amounts: Vec<(String, i64)> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["code"].as_str().unwrap().to_string(), r["amount_yuan"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        amounts,
        vec![
            ("municipal-project".into(), 50000),
            ("lead-national".into(), 300000),
            ("lead-international".into(), 500000),
            ("cn-innovation-award".into(), 100000),
            ("cq-innovation-award".into(), 50000),
        ]
    );
    let ms = env.json(&["list", "milestones"]);
    assert_eq!(ms.as_array().unwrap().len(), 25);
}

#[test]
fn a_database_from_a_newer_release_is_refused_untouched() {
    let env = Env::new();
    {
        let conn = rusqlite::Connection::open(&env.db).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let bytes = std::fs::read(&env.db).unwrap();
    let e = env.fails(&["list", "units"], 1);
    assert!(e.contains("newer"), "{e}");
    assert_eq!(std::fs::read(&env.db).unwrap(), bytes);
    assert!(!env.path("test.db-wal").exists(), "refusing must not switch the file to WAL");
}

#[test]
fn units_are_stored_normalised_and_names_verbatim() {
    let env = Env::new();
    let u = env.json(&[
        "add-unit",
        "--name",
        "重庆某（集团）有限公司",
        "--uscc",
        "９１５００１０７１８６２６５９６２p",
        "--industry",
        "铝加工",
    ]);
    assert_eq!(u["id"], 1);
    assert_eq!(u["uscc"], "91500107186265962P");
    assert_eq!(u["kind"], "enterprise");
    let sql = "x'); DROP TABLE unit;--";
    let v = env.json(&["add-unit", "--name", sql, "--kind", "other", "--org-code", "002518057"]);
    assert_eq!(v["name"], sql);
    assert_eq!(v["org_code"], "00251805-7");
    let units = env.json(&["list", "units"]);
    assert_eq!(units.as_array().unwrap().len(), 2);
    assert_eq!(units[1]["name"], sql);
}

#[test]
fn bad_values_are_refused_naming_the_field_and_nothing_is_written() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲公司", "--uscc", "91110000600037341L"]);
    let before = env.snapshot();
    let cases: &[(&[&str], &str)] = &[
        (&["add-unit", "--name", "乙", "--uscc", "91110000600037341N"], "--uscc"),
        (&["add-unit", "--name", "乙", "--uscc", "1.21200004013591E+17"], "text"),
        (&["add-unit", "--name", "乙", "--org-code", "00251805-8"], "--org-code"),
        (&["add-unit", "--name", "乙", "--kind", "company"], "--kind"),
        (&["add-unit", "--name", "  "], "--name"),
        (&["add-unit", "--name", "甲公司 "], "exists already"),
        (&["add-unit", "--name", "丙", "--uscc", "91110000600037341L"], "belongs to unit"),
        (&["add-unit", "--name", "丙", "--org-code", "60003734-1"], "belongs to unit"),
        (&["add-unit", "--name", "丙", "--uscc", "121200004013590816", "--org-code", "00251805-7"], "does not match"),
        (
            &[
                "add-standard",
                "--title",
                "t",
                "--action",
                "formulate",
                "--number",
                "GB/T 1-2013",
                "--level",
                "industry",
                "--lead",
                "1",
            ],
            "contradicts",
        ),
        (
            &["add-standard", "--title", "t", "--action", "formulate", "--number", "XX/T 1-2013", "--lead", "1"],
            "--number",
        ),
        (
            &["add-standard", "--title", "t", "--action", "formulate", "--number", "Q/JLP 1-2013", "--lead", "1"],
            "add-filing",
        ),
        (&["add-standard", "--title", "t", "--action", "make", "--level", "national", "--lead", "1"], "--action"),
        (&["add-standard", "--title", "t", "--action", "formulate", "--level", "national"], "--lead"),
        (
            &[
                "add-standard",
                "--title",
                "t",
                "--action",
                "formulate",
                "--level",
                "national",
                "--lead",
                "1",
                "--participant",
                "1",
            ],
            "both",
        ),
        (
            &[
                "add-standard",
                "--title",
                "t",
                "--action",
                "formulate",
                "--level",
                "national",
                "--lead",
                "1",
                "--status",
                "published",
            ],
            "--published",
        ),
        (
            &[
                "add-standard",
                "--title",
                "t",
                "--action",
                "formulate",
                "--level",
                "national",
                "--lead",
                "1",
                "--status",
                "drafting",
                "--published",
                "2013-01-01",
            ],
            "drafting",
        ),
        (
            &[
                "add-standard",
                "--title",
                "t",
                "--action",
                "formulate",
                "--level",
                "national",
                "--lead",
                "1",
                "--published",
                "2013-02-30",
            ],
            "2013-02-30",
        ),
        (
            &["add-standard", "--title", "t", "--action", "formulate", "--level", "national", "--lead", "乙公司"],
            "--lead",
        ),
        (
            &[
                "add-filing",
                "--unit",
                "1",
                "--number",
                "GB/T 1-2013",
                "--title",
                "t",
                "--filing-no",
                "1",
                "--filed",
                "2013-01-01",
            ],
            "enterprise standard",
        ),
        (
            &[
                "add-filing",
                "--unit",
                "1",
                "--number",
                "Q/JLP 1-2013",
                "--title",
                "t",
                "--filing-no",
                "1",
                "--filed",
                "2013-13-01",
            ],
            "--filed",
        ),
        (
            &[
                "add-review",
                "--unit",
                "1",
                "--number",
                "Q/JLP 1-2013",
                "--reviewed",
                "2013-01-01",
                "--outcome",
                "maybe",
            ],
            "--outcome",
        ),
        (&["add-award", "--unit", "1", "--kind", "gold", "--awarded", "2013-01-01"], "--kind"),
        (
            &["add-committee", "--unit", "1", "--committee", "SAC/TC 1", "--role", "chair", "--since", "2013-01-01"],
            "--role",
        ),
        (&["add-meeting", "--held", "sometime"], "--held"),
        (&["set-milestone", "no-such", "--status", "done"], "no milestone"),
        (&["set-milestone", "info-platform", "--status", "finished"], "--status"),
        (&["set-milestone", "info-platform", "--status", "done"], "--on"),
        (&["set-milestone", "info-platform", "--note", "x"], "--status"),
        (&["set-milestone", "info-platform", "--recurring", "monthly"], "--recurring"),
        (&["update-unit", "99", "--name", "x"], "no unit"),
        (&["void", "award", "1", "--reason", "x"], "no award"),
    ];
    for (args, needle) in cases {
        // A word outside an option's fixed set is a usage error (issue 8), as clap's own are;
        // every other bad value is a refusal.
        let word =
            args.iter().any(|a| ["company", "make", "maybe", "gold", "chair", "finished", "monthly"].contains(a));
        let e = env.fails(args, if word { 2 } else { 1 });
        assert!(e.contains(needle), "{args:?}: expected '{needle}' in: {e}");
        assert_eq!(e.trim().lines().count(), 1, "{args:?}: one sentence, got: {e}");
    }
    assert_eq!(env.snapshot(), before, "a refused command wrote something");
}

#[test]
fn a_bad_check_character_can_be_accepted_with_a_warning() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["add-unit", "--name", "闽试点", "--uscc", "91350211M00013FA1N", "--allow-bad-check"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("warning"), "{err}");
    let units = env.json(&["list", "units"]);
    assert_eq!(units[0]["uscc"], "91350211M00013FA1N");
}

#[test]
fn units_resolve_by_uscc_org_code_id_and_normalised_name() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "重庆某（集团）有限公司", "--uscc", "91110000600037341L"]);
    env.ok(&["add-unit", "--name", "重庆铝业有限公司", "--org-code", "00251805-7"]);
    for (i, unit) in
        ["91110000600037341l", "60003734-1", "600037341", "#1", "1", "重庆某(集团) 有限公司"].iter().enumerate()
    {
        let m = env.json(&["add-meeting", "--held", "2013-01-01"]);
        // A project like a live one (same name and date) would be refused as a duplicate.
        let name = format!("p{i}");
        let p = env.json(&["add-project", "--unit", unit, "--name", &name, "--passed", "2013-01-01"]);
        assert_eq!(p["unit_id"], 1, "{unit}");
        assert!(m["id"].as_i64().is_some());
    }
    let p = env.json(&["add-project", "--unit", "002518057", "--name", "q", "--passed", "2013-01-01"]);
    assert_eq!(p["unit_id"], 2);
    let e = env.fails(&["add-project", "--unit", "重庆铝业", "--name", "r", "--passed", "2013-01-01"], 1);
    assert!(e.contains("did you mean") && e.contains("重庆铝业有限公司"), "{e}");
}

#[test]
fn standards_derive_level_and_update_replaces_participants() {
    let env = Env::new();
    for n in ["甲", "乙", "丙"] {
        env.ok(&["add-unit", "--name", n]);
    }
    let s = env.json(&[
        "add-standard",
        "--number",
        "gb/t1.1—2020",
        "--title",
        "标准化工作导则",
        "--action",
        "revise",
        "--published",
        "2015-03-31",
        "--lead",
        "甲",
        "--participant",
        "乙",
    ]);
    assert_eq!(s["number"], "GB/T 1.1-2020");
    assert_eq!(s["level"], "national");
    assert_eq!(s["status"], "published");
    assert_eq!(s["lead"], "甲");
    assert_eq!(s["participants"], json!(["乙"]));
    let e = env.fails(
        &[
            "add-standard",
            "--number",
            "GB/T 1.1-2020",
            "--title",
            "x",
            "--action",
            "revise",
            "--level",
            "national",
            "--participant",
            "丙",
        ],
        1,
    );
    assert!(e.contains("#1"), "{e}");
    let d = env.json(&[
        "add-standard",
        "--title",
        "地方标准",
        "--action",
        "formulate",
        "--level",
        "local",
        "--participant",
        "丙",
    ]);
    assert_eq!(d["status"], "drafting");
    assert_eq!(d["published_on"], Value::Null);

    let u = env.json(&["update-standard", "GB/T 1.1-2020", "--participant", "丙", "--participant", "乙", "--no-lead"]);
    assert_eq!(u["lead"], Value::Null);
    assert_eq!(u["participants"], json!(["丙", "乙"]));
    let u = env.json(&["update-standard", "2", "--number", "DB50/T 576-2014", "--published", "2014-05-01"]);
    assert_eq!(u["level"], "local");
    assert_eq!(u["status"], "published");
    assert_eq!(u["published_on"], "2014-05-01");
    let e = env.fails(&["update-standard", "2", "--participant", "甲", "--lead", "甲"], 1);
    assert!(e.contains("both"), "{e}");
    let audit = env.json(&["list", "audit"]);
    let last = audit.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "update");
    assert_eq!(last["record_kind"], "standard");
    assert_eq!(last["before"]["status"], "drafting");
    assert_eq!(last["after"]["number"], "DB50/T 576-2014");
}

#[test]
fn every_write_is_audited_with_before_and_after() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲", "--industry", "铝加工"]);
    env.ok(&["update-unit", "甲", "--location", "西彭"]);
    env.ok(&["set-milestone", "info-platform", "--status", "done", "--done", "2013-03-01", "--note", "已上线"]);
    let audit = env.json(&["list", "audit"]);
    let a = audit.as_array().unwrap();
    assert_eq!(a.len(), 3);
    assert_eq!(a[0]["action"], "insert");
    assert_eq!(a[0]["after"]["name"], "甲");
    assert_eq!(a[1]["before"]["location"], Value::Null);
    assert_eq!(a[1]["after"]["location"], "西彭");
    assert!(a[1]["command"].as_str().unwrap().contains("update-unit"));
    assert_eq!(a[2]["after"]["done_on"], "2013-03-01");
    let ms = env.json(&["list", "milestones"]);
    assert_eq!(ms[0]["status"], "done");
    assert_eq!(ms[0]["note"], "已上线");
}

#[test]
fn lists_filter_by_date_and_unit_and_write_every_format() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲"]);
    env.ok(&["add-unit", "--name", "乙"]);
    env.ok(&[
        "add-filing",
        "--unit",
        "甲",
        "--number",
        "Q/JLP 001-2013",
        "--title",
        "=SUM(A1)",
        "--filing-no",
        "F1",
        "--filed",
        "2013/5/1",
    ]);
    env.ok(&[
        "add-filing",
        "--unit",
        "乙",
        "--number",
        "Q/JLP 002-2013",
        "--title",
        "b",
        "--filing-no",
        "F2",
        "--filed",
        "2013年6月1日",
    ]);
    env.ok(&[
        "add-filing",
        "--unit",
        "甲",
        "--number",
        "Q/JLP 003-2014",
        "--title",
        "c",
        "--filing-no",
        "F3",
        "--filed",
        "20140101",
    ]);
    let all = env.json(&["list", "filings"]);
    assert_eq!(all.as_array().unwrap().len(), 3);
    assert_eq!(all[0]["filed_on"], "2013-05-01");
    assert_eq!(all[1]["filed_on"], "2013-06-01");
    let some = env.json(&["list", "filings", "--from", "2013-05-02", "--to", "2014-01-01"]);
    assert_eq!(some.as_array().unwrap().len(), 2);
    let mine = env.json(&["list", "filings", "--unit", "甲"]);
    assert_eq!(mine.as_array().unwrap().len(), 2);
    let e = env.fails(
        &[
            "add-filing",
            "--unit",
            "乙",
            "--number",
            "Q/JLP 009-2013",
            "--title",
            "x",
            "--filing-no",
            "F1",
            "--filed",
            "2013-01-01",
        ],
        1,
    );
    assert!(e.contains("F1"), "{e}");

    let csv = env.ok(&["list", "filings", "--format", "csv"]);
    assert!(csv.starts_with("id,unit,unit_id,number,title,filing_no,filed_on"), "{csv}");
    assert!(csv.contains(",=SUM(A1),"), "plain CSV keeps text as it is: {csv}");
    let excel = env.ok(&["list", "filings", "--format", "csv", "--excel"]);
    assert!(excel.starts_with('\u{feff}'), "Excel CSV starts with a BOM");
    assert!(excel.contains(",'=SUM(A1),"), "a formula-like cell is made text: {excel}");
    let md = env.ok(&["list", "filings", "--format", "markdown"]);
    assert!(md.lines().nth(1).unwrap().starts_with("|---|"), "{md}");
    let table = env.ok(&["list", "filings"]);
    assert!(table.contains("Q/JLP 002-2013"));
    let zh = env.ok(&["list", "filings", "--lang", "zh"]);
    assert!(zh.contains("备案号"), "{zh}");
    let e = env.fails(&["list", "filings", "--format", "xlsx"], 2);
    assert!(e.contains("--out"), "a workbook needs a file: {e}");
    let page = env.ok(&["list", "filings", "--format", "html"]);
    assert!(page.contains("Q/JLP 002-2013") && page.starts_with("<!DOCTYPE html>"), "a list is a page too");
    let e = env.fails(&["add-meeting", "--held", "2014-01-01", "--format", "html"], 2);
    assert!(e.contains("table, json, csv, markdown"), "{e}");
    env.fails(&["list", "filings", "--excel"], 2);
}

#[test]
fn reports_go_to_out_whole() {
    let env = Env::new();
    let out = env.path("progress.md");
    let printed = env.ok(&["progress", "--as-of", "2013-12-31", "--format", "markdown"]);
    let quiet = env.ok(&["progress", "--as-of", "2013-12-31", "--format", "markdown", "--out", out.to_str().unwrap()]);
    assert_eq!(quiet, "", "with --out nothing goes to standard output");
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text, printed, "the file holds exactly the report");
    assert!(text.starts_with("# ") && text.contains("538"), "{text}");
    // Nothing but the database files and the report is left in the folder (no temp files).
    let mut names: Vec<String> =
        std::fs::read_dir(env.dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.retain(|n| !n.starts_with("test.db"));
    assert_eq!(names, vec!["progress.md".to_string()]);
}

#[test]
fn a_write_whose_output_cannot_be_made_stores_nothing() {
    let env = Env::new();
    let before = env.snapshot();
    let e = env.fails(&["add-meeting", "--held", "2013-02-01", "--format", "html"], 2);
    assert!(e.contains("table, json, csv, markdown"), "{e}");
    let e = env.fails(&["add-meeting", "--held", "2013-02-01", "--out", "/nonexistent/dir/x.txt"], 1);
    assert!(e.contains("/nonexistent/dir"), "{e}");
    env.fails(&["add-unit", "--name", "甲", "--format", "xlsx"], 2);
    assert_eq!(env.snapshot(), before);
    // The same command with a writable --out stores the record and writes it there.
    let out = env.path("m.json");
    env.ok(&["add-meeting", "--held", "2013-02-01", "--format", "json", "--out", out.to_str().unwrap()]);
    let m: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(m["held_on"], "2013-02-01");
    // init with a format it cannot write creates no file.
    let fresh = Env::empty();
    fresh.fails(&["init", "--format", "html"], 2);
    assert!(!fresh.db.exists());
}

#[test]
fn init_takes_an_empty_file_as_new_and_refuses_a_foreign_one() {
    let env = Env::empty();
    std::fs::write(&env.db, b"").unwrap();
    assert_eq!(env.json(&["init"])["created"], true);
    let foreign = Env::empty();
    std::fs::write(&foreign.db, b"not a database, a clerk's notes").unwrap();
    let e = foreign.fails(&["init"], 1);
    assert!(e.contains("test.db"), "{e}");
    assert_eq!(std::fs::read(&foreign.db).unwrap(), b"not a database, a clerk's notes");
}

#[test]
fn a_uscc_finds_a_unit_recorded_with_only_its_organisation_code() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "老企业", "--org-code", "00251805-7"]);
    // 915001070025180575 carries 00251805-7 at positions 9-17.
    let p = env.json(&["add-project", "--unit", "915001070025180575", "--name", "p", "--passed", "2014-01-01"]);
    assert_eq!(p["unit"], "老企业");
    // --allow-bad-check relaxes the check character only, never the pair's agreement.
    let e = env.fails(
        &["add-unit", "--name", "Z", "--uscc", "91350211M00013FA1N", "--org-code", "00251809-X", "--allow-bad-check"],
        1,
    );
    assert!(e.contains("does not match"), "{e}");
}

#[test]
fn award_calc_ranges_exclude_one_another() {
    let env = Env::new();
    for args in [
        &["award-calc", "--year", "2013", "--quarter", "2013Q1"][..],
        &["award-calc", "--from", "2013-01-01", "--year", "2013"][..],
        &["award-calc", "--to", "2013-01-01", "--quarter", "2013Q1"][..],
    ] {
        let e = env.fails(args, 2);
        assert!(e.contains("cannot be used with"), "{args:?}: {e}");
    }
    let e = env.fails(&["award-calc", "--from", "2014-01-01", "--to", "2013-01-01"], 1);
    assert!(e.contains("after"), "{e}");
    let e = env.fails(&["list", "filings", "--from", "2014-01-01", "--to", "2013-01-01"], 1);
    assert!(e.contains("after"), "{e}");
}

#[test]
fn update_standard_reads_status_words_in_any_case() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲"]);
    env.ok(&[
        "add-standard",
        "--number",
        "GB/T 2-2013",
        "--title",
        "t",
        "--action",
        "formulate",
        "--published",
        "2013-04-12",
        "--lead",
        "甲",
    ]);
    let u = env.json(&["update-standard", "GB/T 2-2013", "--status", "DRAFTING"]);
    assert_eq!(u["status"], "drafting");
    assert_eq!(u["published_on"], Value::Null);
    let u = env.json(&["update-standard", "1", "--status", "Abolished", "--published", "2013-05-01"]);
    assert_eq!(u["status"], "abolished");
    assert_eq!(u["published_on"], "2013-05-01");
    let u = env.json(&["update-standard", "1", "--published", "2013-06-01"]);
    assert_eq!(u["status"], "abolished", "a new date keeps the status");
}

#[test]
fn a_busy_database_is_refused_after_the_timeout_and_nothing_is_written() {
    let env = Env::new();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let out = env.cmd().env("STDTRACK_BUSY_TIMEOUT", "0.3").args(["add-unit", "--name", "甲"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("busy"), "{err}");
    conn.execute_batch("ROLLBACK").unwrap();
    assert_eq!(env.json(&["list", "units"]).as_array().unwrap().len(), 0);
    // Readers are not blocked by a writer (WAL).
    conn.execute_batch("BEGIN IMMEDIATE; INSERT INTO meeting (held_on) VALUES ('2013-01-01');").unwrap();
    assert_eq!(env.json(&["list", "meetings"]).as_array().unwrap().len(), 0);
    conn.execute_batch("COMMIT").unwrap();
    assert_eq!(env.json(&["list", "meetings"]).as_array().unwrap().len(), 1);
}

#[test]
fn concurrent_writers_all_land() {
    let env = Env::new();
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let mut c = env.cmd();
            c.args(["add-meeting", "--held", "2013-01-01", "--title", &format!("m{i}")]);
            std::thread::spawn(move || c.output().unwrap().status.success())
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap());
    }
    assert_eq!(env.json(&["list", "meetings"]).as_array().unwrap().len(), 8);
    assert_eq!(env.json(&["list", "audit"]).as_array().unwrap().len(), 8);
}

#[test]
fn a_reader_that_leaves_early_is_a_quiet_exit_0() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let env = Env::new();
    {
        let conn = rusqlite::Connection::open(&env.db).unwrap();
        conn.execute_batch(
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 50000)
             INSERT INTO meeting (held_on, title) SELECT '2013-01-01', 'm' || i FROM c;",
        )
        .unwrap();
    }
    for format in ["csv", "json", "table"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("stdtrack"))
            .env_clear()
            .args(["--db", env.db.to_str().unwrap(), "--today", common::TODAY, "list", "meetings", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        assert!(!first.is_empty());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stderr.is_empty(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn a_voided_record_keeps_its_number_without_blocking_the_corrected_one() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲"]);
    env.ok(&[
        "add-filing",
        "--unit",
        "甲",
        "--number",
        "Q/JLP 001-2013",
        "--title",
        "错",
        "--filing-no",
        "F1",
        "--filed",
        "2013-05-01",
    ]);
    env.fails(
        &[
            "add-filing",
            "--unit",
            "甲",
            "--number",
            "Q/JLP 001-2013",
            "--title",
            "对",
            "--filing-no",
            "F1",
            "--filed",
            "2013-05-01",
        ],
        1,
    );
    env.ok(&["void", "filing", "1", "--reason", "标题录错"]);
    let f = env.json(&[
        "add-filing",
        "--unit",
        "甲",
        "--number",
        "Q/JLP 001-2013",
        "--title",
        "对",
        "--filing-no",
        "F1",
        "--filed",
        "2013-05-01",
    ]);
    assert_eq!(f["id"], 2);
    env.ok(&[
        "add-standard",
        "--number",
        "GB/T 9-2013",
        "--title",
        "t",
        "--action",
        "formulate",
        "--level",
        "national",
        "--lead",
        "甲",
    ]);
    env.ok(&["void", "standard", "1", "--reason", "重复"]);
    let s =
        env.json(&["add-standard", "--number", "GB/T 9-2013", "--title", "t", "--action", "formulate", "--lead", "甲"]);
    assert_eq!(s["id"], 2);
    let p = env.json(&["progress", "--as-of", "2015-12-31"]);
    assert_eq!(p["targets"][3]["actual"], 1, "one live filing counts");
}
