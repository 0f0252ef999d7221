//! Issue 11, corrections and reports that reproduce, through the real binary: dates that
//! cannot be true, voided payments, money as of a date, updates, undone imports, merged
//! units, one record's history, `check`, and finalized quarters.

mod common;

use common::Env;
use serde_json::{Value, json};

/// One enterprise leading one national standard published 2013-03-15
/// (`lead-national:standard:1`, 300000 yuan), and a second enterprise.
fn district() -> Env {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲公司", "--uscc", "91110000600037341L"]);
    env.ok(&["add-unit", "--name", "乙公司"]);
    env.ok(&[
        "add-standard",
        "--number",
        "GB/T 50001-2013",
        "--title",
        "甲",
        "--action",
        "formulate",
        "--published",
        "2013-03-15",
        "--lead",
        "甲公司",
    ]);
    env
}

const KEY: &str = "lead-national:standard:1";

fn filing(env: &Env, unit: &str, no: &str, filed: &str) -> Value {
    let number = format!("Q/JLP {no}-2013");
    env.json(&[
        "add-filing",
        "--unit",
        unit,
        "--number",
        &number,
        "--title",
        "企业标准",
        "--filing-no",
        no,
        "--filed",
        filed,
    ])
}

fn target(progress: &Value, code: &str) -> i64 {
    let t = progress["targets"].as_array().unwrap().iter().find(|t| t["code"] == code).unwrap();
    t["actual"].as_i64().unwrap()
}

fn outstanding(calc: &Value, key: &str) -> Option<i64> {
    calc["entitlements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"] == key)
        .map(|e| e["outstanding_yuan"].as_i64().unwrap())
}

// ----- dates that cannot be true -----

#[test]
fn a_future_filing_and_an_early_payment_are_refused() {
    let env = district();
    let before = env.snapshot();
    let e = env.fails(
        &[
            "add-filing",
            "--unit",
            "甲公司",
            "--number",
            "Q/JLP 1-2031",
            "--title",
            "t",
            "--filing-no",
            "F1",
            "--filed",
            "2031-01-01",
        ],
        1,
    );
    assert!(e.contains("--filed 2031-01-01 is after today (2016-06-01)"), "{e}");
    for args in [
        &[
            "add-review",
            "--unit",
            "甲公司",
            "--number",
            "Q/JLP 1-2013",
            "--reviewed",
            "2016-06-02",
            "--outcome",
            "confirm",
        ][..],
        &["add-award", "--unit", "甲公司", "--kind", "cq-product", "--awarded", "2017-01-01"],
        &["add-project", "--unit", "甲公司", "--name", "p", "--passed", "2017-01-01"],
        &["add-committee", "--unit", "甲公司", "--committee", "SAC/TC 1", "--role", "member", "--since", "2017-01-01"],
        &["add-meeting", "--held", "2017-01-01"],
        &["update-standard", "1", "--published", "2017-01-01"],
        &["record-payment", KEY, "--paid", "2017-01-01"],
    ] {
        let e = env.fails(args, 1);
        assert!(e.contains("is after today (2016-06-01)"), "{args:?}: {e}");
    }
    let e = env.fails(&["record-payment", KEY, "--paid", "2013-03-14"], 1);
    assert!(e.contains("--paid 2013-03-14 is before 2013-03-15"), "{e}");
    assert_eq!(env.snapshot(), before, "nothing was written");
    // Today itself is a true date.
    env.ok(&["record-payment", KEY, "--paid", "2013-03-15", "--amount", "1000"]);
    filing(&env, "甲公司", "F2", common::TODAY);
}

#[test]
fn an_import_refuses_a_row_dated_after_today_naming_its_column() {
    let env = Env::new();
    let file = env.path("filings.csv");
    std::fs::write(
        &file,
        "enterprise,standard_no,title,filing_no,filed_on\n甲,Q/JLP 1-2013,t,F1,2013-05-01\n甲,Q/JLP 2-2013,t,F2,2031-05-01\n",
    )
    .unwrap();
    let e = env.fails(&["import", "filings", file.to_str().unwrap()], 1);
    assert!(e.contains("line 3, column filed_on: 2031-05-01 is after today"), "{e}");
    assert_eq!(env.json(&["list", "filings"]), json!([]));
}

// ----- payments and money as of a date -----

#[test]
fn a_voided_payment_leaves_the_entitlement_outstanding_again() {
    let env = district();
    let p = env.json(&["record-payment", KEY, "--paid", "2014-02-01"]);
    assert_eq!(p["amount_yuan"], 300000);
    assert_eq!(outstanding(&env.json(&["award-calc"]), KEY), Some(0));
    let v = env.json(&["void", "payment", "1", "--reason", "付款日期录错"]);
    assert_eq!(v["voided"], "付款日期录错");
    let calc = env.json(&["award-calc"]);
    assert_eq!(outstanding(&calc, KEY), Some(300000));
    assert_eq!(calc["totals"]["paid_yuan"], 0);
    assert_eq!(calc["totals"]["overpaid_yuan"], 0);
    let list = env.json(&["list", "payments"]);
    assert_eq!(list[0]["voided"], "付款日期录错", "kept, with its reason");
    let q = env.json(&["quarterly-report", "--quarter", "2014Q1"]);
    assert_eq!(q["outstanding_yuan"], 300000);
    assert_eq!(q["paid_in_quarter_yuan"], 0);
    // Paid again with the right date: the voided one does not count against the amount.
    env.ok(&["record-payment", KEY, "--paid", "2014-03-01"]);
    assert_eq!(outstanding(&env.json(&["award-calc"]), KEY), Some(0));
    env.fails(&["void", "payment", "1", "--reason", "again"], 1);
    // A refund stays a refund: its payment cannot go while the refund remains.
    env.ok(&["record-payment", KEY, "--paid", "2014-04-01", "--amount", "-100000"]);
    let e = env.fails(&["void", "payment", "2", "--reason", "x"], 1);
    assert!(e.contains("void the refund that goes with it first"), "{e}");
    env.ok(&["void", "payment", "3", "--reason", "退款录错"]);
    env.ok(&["void", "payment", "2", "--reason", "x"]);
}

#[test]
fn award_calc_counts_payments_as_of_a_date() {
    let env = district();
    env.ok(&["record-payment", KEY, "--paid", "2014-05-01"]);
    let now = env.json(&["award-calc", "--year", "2013", "--outstanding"]);
    assert_eq!(now["as_of"], common::TODAY);
    assert_eq!(now["entitlements"], json!([]), "paid in 2014: nothing is outstanding today");
    let then = env.json(&["award-calc", "--year", "2013", "--outstanding", "--as-of", "2013-12-31"]);
    assert_eq!(then["as_of"], "2013-12-31");
    assert_eq!(outstanding(&then, KEY), Some(300000), "unpaid at the end of 2013");
    assert_eq!(then["totals"]["paid_yuan"], 0);
    // Every format says the date.
    let table = env.ok(&["award-calc", "--year", "2013", "--as-of", "2013-12-31"]);
    assert!(table.contains("2013-12-31"), "{table}");
    let csv = env.ok(&["award-calc", "--year", "2013", "--as-of", "2013-12-31", "--format", "csv"]);
    assert!(csv.contains("as_of") && csv.contains("2013-12-31"), "{csv}");
    // Nothing is owed before it is earned.
    let early = env.json(&["award-calc", "--as-of", "2013-01-01"]);
    assert_eq!(early["entitlements"], json!([]));
}

// ----- undoing an import, and history -----

const FILINGS: &str = "enterprise,standard_no,title,filing_no,filed_on\n\
    新公司,Q/JLP 001-2013,t1,F1,2013-05-01\n\
    新公司,Q/JLP 002-2013,t2,F2,2013-06-01\n\
    甲公司,Q/JLP 003-2013,t3,F3,2014-02-01\n";

fn import(env: &Env, name: &str, content: &str) -> Value {
    let file = env.path(name);
    std::fs::write(&file, content).unwrap();
    env.json(&["import", "filings", file.to_str().unwrap()])
}

#[test]
fn an_undone_import_moves_the_figures_back_and_its_reason_is_in_the_history() {
    let env = district();
    let first = import(&env, "filings.csv", FILINGS);
    assert_eq!(
        (first["added"].as_i64(), first["units_created"].as_i64(), first["batch"].as_i64()),
        (Some(3), Some(1), Some(1))
    );
    assert_eq!(target(&env.json(&["progress", "--as-of", "2015-12-31"]), "enterprise-filings"), 3);
    let batches = env.json(&["list", "batches"]);
    let b = &batches[0];
    for field in
        ["id", "file", "sha256", "at", "user", "added", "skipped", "rejected", "units_created", "undone", "undo_reason"]
    {
        assert!(b.get(field).is_some(), "list batches lacks {field}: {b}");
    }
    let sha = b["sha256"].as_str().unwrap();
    assert!(sha.len() == 64 && sha.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()), "{sha}");
    assert_eq!((b["added"].as_i64(), b["undone"].as_bool(), b["undo_reason"].is_null()), (Some(3), Some(false), true));

    // A record outside the batch uses the unit it created: the undo names it.
    let own = filing(&env, "新公司", "F9", "2014-03-01");
    let e = env.fails(&["undo-import", "1", "--reason", "导错了文件"], 1);
    assert!(e.contains(&format!("filing #{}", own["id"])) && e.contains("新公司"), "{e}");
    env.ok(&["void", "filing", &own["id"].to_string(), "--reason", "录错"]);

    let before = env.json(&["list", "filings"]);
    env.ok(&["undo-import", "1", "--reason", "导错了文件"]);
    let p = env.json(&["progress", "--as-of", "2015-12-31"]);
    assert_eq!(target(&p, "enterprise-filings"), 0, "the batch's filings no longer count");
    let b = &env.json(&["list", "batches"])[0];
    assert_eq!((b["undone"].as_bool(), b["undo_reason"].as_str()), (Some(true), Some("导错了文件")));
    let after = env.json(&["list", "filings"]);
    assert_eq!(after.as_array().unwrap().len(), before.as_array().unwrap().len(), "kept, not erased");
    assert!(after.as_array().unwrap().iter().filter(|f| f["batch"] == 1).all(|f| f["voided"] == "导错了文件"));
    let units = env.json(&["list", "units"]);
    let new = units.as_array().unwrap().iter().find(|u| u["name"] == "新公司").unwrap();
    assert_eq!(new["voided"], "导错了文件");
    env.fails(&["undo-import", "1", "--reason", "again"], 1);

    // The reason is on every record the undo voided, and on the batch.
    let h = env.json(&["history", "filing", "1"]);
    let actions: Vec<&str> = h.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["import", "undo-import"]);
    assert_eq!(h[1]["reason"], "导错了文件");
    assert_eq!(h[1]["changes"], json!([{"field": "voided", "before": null, "after": "导错了文件"}]));
    let h = env.json(&["history", "batch", "1"]);
    assert_eq!(h.as_array().unwrap().last().unwrap()["reason"], "导错了文件");
    let h = env.json(&["history", "unit", &new["id"].to_string()]);
    assert_eq!(h.as_array().unwrap().last().unwrap()["reason"], "导错了文件");
    let table = env.ok(&["history", "batch", "1"]);
    assert!(table.contains("导错了文件") && !table.contains("{\""), "no raw JSON in the table: {table}");

    // The same file again: imported again, the clerk's replacement.
    let again = import(&env, "filings.csv", FILINGS);
    assert_eq!((again["added"].as_i64(), again["units_created"].as_i64()), (Some(3), Some(1)));
    assert_eq!(target(&env.json(&["progress", "--as-of", "2015-12-31"]), "enterprise-filings"), 3);
}

#[test]
fn a_row_voided_on_its_own_stays_voided_when_its_file_comes_again() {
    let env = district();
    import(&env, "filings.csv", FILINGS);
    env.ok(&["void", "filing", "2", "--reason", "重复备案"]);
    let again = import(&env, "filings.csv", FILINGS);
    assert_eq!((again["added"].as_i64(), again["skipped"].as_i64()), (Some(0), Some(3)));
    assert_eq!(target(&env.json(&["progress", "--as-of", "2015-12-31"]), "enterprise-filings"), 2);
}

#[test]
fn a_corrected_filing_shows_before_and_after() {
    let env = district();
    let f = filing(&env, "甲公司", "F1", "2013-05-01");
    let id = f["id"].to_string();
    assert_eq!(target(&env.json(&["progress", "--as-of", "2013-05-31"]), "enterprise-filings"), 1);
    let u = env.json(&["update-filing", &id, "--filed", "2013-06-15", "--reason", "备案日期录错"]);
    assert_eq!(u["filed_on"], "2013-06-15");
    assert_eq!(target(&env.json(&["progress", "--as-of", "2013-05-31"]), "enterprise-filings"), 0, "moved a day count");
    assert_eq!(target(&env.json(&["progress", "--as-of", "2013-06-30"]), "enterprise-filings"), 1);
    let h = env.json(&["history", "filing", &id]);
    assert_eq!(h.as_array().unwrap().len(), 2);
    assert_eq!(h[1]["action"], "update");
    assert_eq!(h[1]["reason"], "备案日期录错");
    assert_eq!(h[1]["changes"], json!([{"field": "filed_on", "before": "2013-05-01", "after": "2013-06-15"}]));
    for key in ["at", "user", "command"] {
        assert!(h[1][key].is_string(), "{key}: {h}");
    }
    let table = env.ok(&["history", "filing", &id]);
    assert!(table.contains("2013-05-01") && table.contains("2013-06-15") && table.contains("备案日期录错"), "{table}");
    // Only the fields given change; none at all is a usage error; a voided one stays as it was.
    let other = env.json(&["update-filing", &id, "--title", "新名称"]);
    assert_eq!((other["filed_on"].as_str(), other["title"].as_str()), (Some("2013-06-15"), Some("新名称")));
    env.fails(&["update-filing", &id], 2);
    filing(&env, "甲公司", "F2", "2013-07-01");
    let e = env.fails(&["update-filing", &id, "--filing-no", "F2"], 1);
    assert!(e.contains("F2"), "{e}");
    env.ok(&["void", "filing", &id, "--reason", "x"]);
    env.fails(&["update-filing", &id, "--title", "y"], 1);
    // The other corrections, one field each.
    env.ok(&[
        "add-review",
        "--unit",
        "甲公司",
        "--number",
        "Q/JLP 1-2013",
        "--reviewed",
        "2014-01-01",
        "--outcome",
        "confirm",
    ]);
    assert_eq!(env.json(&["update-review", "1", "--outcome", "revise"])["outcome"], "revise");
    env.ok(&["add-award", "--unit", "甲公司", "--kind", "cq-product", "--awarded", "2014-01-01"]);
    assert_eq!(env.json(&["update-award", "1", "--unit", "乙公司", "--reason", "单位录错"])["unit"], "乙公司");
    env.ok(&["add-project", "--unit", "甲公司", "--name", "p", "--passed", "2014-01-01"]);
    assert_eq!(env.json(&["update-project", "1", "--passed", "2014-02-01"])["passed_on"], "2014-02-01");
    env.ok(&[
        "add-committee",
        "--unit",
        "甲公司",
        "--committee",
        "SAC/TC 1",
        "--role",
        "member",
        "--since",
        "2014-01-01",
    ]);
    assert_eq!(env.json(&["update-committee", "1", "--role", "secretariat"])["role"], "secretariat");
    env.ok(&["add-meeting", "--held", "2014-01-01"]);
    assert_eq!(env.json(&["update-meeting", "1", "--held", "2014-01-02"])["held_on"], "2014-01-02");
    let h = env.json(&["history", "award", "1"]);
    assert_eq!(
        h[1]["changes"],
        json!([{"field": "unit", "before": "甲公司", "after": "乙公司"}, {"field": "unit_id", "before": 1, "after": 2}])
    );
}

// ----- merging duplicate units -----

#[test]
fn a_merge_fixes_a_distinct_enterprise_count() {
    let env = district();
    env.ok(&["add-unit", "--name", "重庆甲（集团）有限公司", "--org-code", "00251805-7"]);
    for unit in ["甲公司", "重庆甲（集团）有限公司", "乙公司"] {
        env.ok(&["add-award", "--unit", unit, "--kind", "cq-product", "--awarded", "2014-01-01"]);
    }
    env.ok(&[
        "add-standard",
        "--number",
        "GB/T 50002-2013",
        "--title",
        "乙",
        "--action",
        "revise",
        "--published",
        "2013-04-01",
        "--lead",
        "乙公司",
        "--participant",
        "3",
    ]);
    env.ok(&["record-payment", KEY, "--paid", "2014-01-01", "--amount", "100000"]);
    let p = env.json(&["progress", "--as-of", "2015-12-31"]);
    assert_eq!(target(&p, "cq-product-award-enterprises"), 3);
    let e = env.fails(&["merge-units", "甲公司", "甲公司", "--reason", "x"], 1);
    assert!(e.contains("both units"), "{e}");
    let e = env.fails(&["merge-units", "甲公司", "重庆甲（集团）有限公司", "--reason", "x"], 1);
    assert!(e.contains("organisation code"), "different codes: two units: {e}");
    env.ok(&["update-unit", "3", "--org-code", ""]);

    let m = env.json(&["merge-units", "甲公司", "重庆甲（集团）有限公司", "--reason", "同一企业重复登记"]);
    assert_eq!(m["id"], 1);
    let p = env.json(&["progress", "--as-of", "2015-12-31"]);
    assert_eq!(target(&p, "cq-product-award-enterprises"), 2, "the merged unit counts once");
    assert_eq!(target(&p, "cq-product-awards"), 3, "every award still counts");
    let units = env.json(&["list", "units"]);
    assert_eq!(units[2]["voided"], "同一企业重复登记");
    assert_eq!(units[2]["merged_into"], 1);
    let awards = env.json(&["list", "awards", "--unit", "甲公司"]);
    assert_eq!(awards.as_array().unwrap().len(), 2, "the duplicate's award moved");
    let s = env.json(&["list", "standards"]);
    assert_eq!(s[1]["participants"], json!(["甲公司"]));
    // The duplicate is found by no one now, and says where it went.
    let e = env.fails(
        &["add-award", "--unit", "重庆甲（集团）有限公司", "--kind", "cq-product", "--awarded", "2014-01-01"],
        1,
    );
    assert!(e.contains("merged into") && e.contains("甲公司"), "{e}");
    // Its history and the moved award's show the merge and its reason.
    let h = env.json(&["history", "unit", "3"]);
    assert_eq!(h.as_array().unwrap().last().unwrap()["reason"], "同一企业重复登记");
    let h = env.json(&["history", "award", "2"]);
    let last = h.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "merge");
    assert!(
        last["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["field"] == "unit_id" && c["before"] == 3 && c["after"] == 1)
    );
}

// ----- check -----

/// `check --format json` on a database file: exit code and what it printed.
fn check_on(env: &Env, db: &std::path::Path) -> (Option<i32>, Value, String) {
    let out = env.cmd().args(["--db", db.to_str().unwrap(), "check", "--format", "json"]).output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code(), json, String::from_utf8_lossy(&out.stderr).to_string())
}

fn kinds(problems: &Value) -> Vec<String> {
    problems["problems"].as_array().unwrap().iter().map(|p| p["kind"].as_str().unwrap().to_string()).collect()
}

fn sql(env: &Env, statements: &str) {
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch(statements).unwrap();
}

#[test]
fn check_finds_nothing_in_a_sound_database_and_each_domain_problem_in_a_faulty_one() {
    let env = district();
    let table = env.ok(&["check"]);
    assert!(table.contains("no problems"), "{table}");
    let zh = env.cmd().args(["check", "--lang", "zh"]).output().unwrap();
    assert!(String::from_utf8_lossy(&zh.stdout).contains("未发现问题"));
    assert_eq!(env.json(&["check"])["problems"], json!([]));

    env.ok(&["add-unit", "--name", "重庆丙有限责任公司"]);
    env.ok(&["add-unit", "--name", "丙（集团）有限公司"]);
    env.ok(&["add-award", "--unit", "乙公司", "--kind", "cq-innovation", "--awarded", "2014-01-01"]);
    filing(&env, "甲公司", "F1", "2014-01-01");
    env.ok(&["record-payment", KEY, "--paid", "2014-01-01"]);
    env.ok(&[
        "add-standard",
        "--number",
        "GB/T 50002-2013",
        "--title",
        "乙",
        "--action",
        "revise",
        "--published",
        "2013-04-01",
        "--lead",
        "乙公司",
    ]);
    env.ok(&["void", "standard", "1", "--reason", "录错"]);
    sql(
        &env,
        "PRAGMA foreign_keys = OFF;
         INSERT INTO payment (key, unit_id, amount_yuan, paid_on) VALUES ('cq-innovation-award:award:1', 2, 50000, '2013-06-01');
         UPDATE filing SET filed_on = '2031-01-01' WHERE id = 1;
         UPDATE unit SET uscc = '91110000600037341N' WHERE id = 1;
         DELETE FROM standard_unit WHERE standard_id = 2;
         INSERT INTO payment (key, unit_id, amount_yuan, paid_on) VALUES ('municipal-project:project:9', 2, 20000000000, '2014-01-01');
         INSERT INTO award (unit_id, kind, awarded_on) VALUES (99, 'cq-product', '2014-01-01');",
    );
    let (code, found, err) = check_on(&env, &env.db);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("problems found"), "{err}");
    let got = kinds(&found);
    for kind in [
        "overpaid",
        "paid-before-event",
        "future-date",
        "day-count",
        "duplicate-unit",
        "bad-code",
        "standard-without-unit",
        "amount-too-large",
        "foreign-key",
    ] {
        assert!(got.iter().any(|k| k == kind), "no {kind} in {found}");
    }
    let dup = found["problems"].as_array().unwrap().iter().find(|p| p["kind"] == "duplicate-unit").unwrap();
    assert_eq!(dup["record"], "unit:4");
    assert!(dup["detail"].as_str().unwrap().contains("重庆丙有限责任公司"), "{dup}");
    // One line per problem in the table.
    let out = env.cmd().args(["check"]).output().unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    assert_eq!(table.lines().filter(|l| l.contains("unit:4")).count(), 1, "{table}");
    // A duplicate merged away is no longer a problem.
    env.ok(&["merge-units", "3", "4", "--reason", "同一企业"]);
    let (_, found, _) = check_on(&env, &env.db);
    assert!(!kinds(&found).contains(&"duplicate-unit".to_string()), "{found}");
}

#[test]
fn check_catches_a_corrupted_copy() {
    let env = district();
    for i in 0..40 {
        filing(&env, "甲公司", &format!("F{i}"), "2014-01-01");
    }
    let copy = env.path("copy.db");
    std::fs::copy(&env.db, &copy).unwrap();
    let mut bytes = std::fs::read(&copy).unwrap();
    let len = bytes.len();
    for b in &mut bytes[len / 2..len / 2 + 4096] {
        *b = 0x5A;
    }
    std::fs::write(&copy, &bytes).unwrap();
    let (code, found, err) = check_on(&env, &copy);
    assert_eq!(code, Some(1), "{err} {found}");
    assert!(kinds(&found).contains(&"integrity".to_string()), "{found} {err}");
    let (code, found, _) = check_on(&env, &env.db);
    assert_eq!((code, found["problems"].clone()), (Some(0), json!([])), "the original is sound");
}

// ----- finalized quarters -----

fn quarter_target(q: &Value, code: &str, field: &str) -> Value {
    q["targets"].as_array().unwrap().iter().find(|t| t["code"] == code).unwrap()[field].clone()
}

#[test]
fn a_finalized_quarter_reproduces_after_a_late_filing_and_names_the_change() {
    let env = district();
    filing(&env, "甲公司", "F1", "2014-10-10");
    let plain = env.json(&["quarterly-report", "--quarter", "2014Q4"]);
    assert_eq!(plain["finalized"], false);
    let e = env.fails(&["quarterly-report", "--quarter", "2016Q2", "--finalize"], 1);
    assert!(e.contains("ends on 2016-06-30"), "{e}");

    let stored = env.json(&["quarterly-report", "--quarter", "2014Q4", "--finalize"]);
    assert_eq!(stored["finalized"], true);
    assert!(stored["finalized_at"].is_string());
    assert_eq!(stored["changed_since_finalized"], json!([]));
    assert_eq!(quarter_target(&stored, "enterprise-filings", "actual"), 1);
    let again = env.json(&["quarterly-report", "--quarter", "2014Q4"]);
    assert_eq!(again["changed_since_finalized"], json!([]), "nothing changed yet");

    // A filing of 2014-11-01 entered late, and a payment in the quarter.
    filing(&env, "甲公司", "F2", "2014-11-01");
    env.ok(&["record-payment", KEY, "--paid", "2014-12-01", "--amount", "100000"]);
    let q = env.json(&["quarterly-report", "--quarter", "2014Q4"]);
    assert_eq!(q["finalized"], true);
    assert_eq!(q["finalized_at"], stored["finalized_at"]);
    assert_eq!(quarter_target(&q, "enterprise-filings", "actual"), 1, "the figures as finalized");
    assert_eq!(q["outstanding_yuan"], stored["outstanding_yuan"]);
    let changes = q["changed_since_finalized"].as_array().unwrap();
    let change = |figure: &str| changes.iter().find(|c| c["figure"] == figure).cloned();
    assert_eq!(
        change("targets.enterprise-filings.actual"),
        Some(json!({"figure": "targets.enterprise-filings.actual", "old": 1, "new": 2}))
    );
    assert_eq!(change("outstanding_yuan"), Some(json!({"figure": "outstanding_yuan", "old": 300000, "new": 200000})));
    let table = env.ok(&["quarterly-report", "--quarter", "2014Q4"]);
    assert!(table.contains("targets.enterprise-filings.actual"), "{table}");

    let now = env.json(&["quarterly-report", "--quarter", "2014Q4", "--recompute"]);
    assert_eq!(now["recomputed"], true);
    assert_eq!(now["as_of"], "2014-12-31", "still as of the quarter's end");
    assert_eq!(quarter_target(&now, "enterprise-filings", "actual"), 2);

    // Finalizing twice needs a reason, and keeps both.
    let e = env.fails(&["quarterly-report", "--quarter", "2014Q4", "--finalize"], 1);
    assert!(e.contains("--reason"), "{e}");
    env.ok(&["quarterly-report", "--quarter", "2014Q4", "--finalize", "--reason", "补录备案后重新上报"]);
    let q = env.json(&["quarterly-report", "--quarter", "2014Q4"]);
    assert_eq!(quarter_target(&q, "enterprise-filings", "actual"), 2);
    assert_eq!(q["changed_since_finalized"], json!([]));
    assert_eq!(q["finalizations"].as_array().unwrap().len(), 2);
    assert_eq!(q["finalize_reason"], "补录备案后重新上报");
    for format in ["csv", "markdown", "html"] {
        env.ok(&["quarterly-report", "--quarter", "2014Q4", "--format", format]);
    }
}

#[test]
fn a_correction_cannot_move_an_event_after_its_payment() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲公司"]);
    env.ok(&["add-award", "--unit", "1", "--kind", "cq-innovation", "--awarded", "2014-06-30"]);
    env.ok(&["record-payment", "cq-innovation-award:award:1", "--paid", "2014-07-01"]);
    let before = env.snapshot();
    let e = env.fails(&["update-award", "1", "--awarded", "2014-08-01"], 1);
    assert!(e.contains("cq-innovation-award:award:1") && e.contains("2014-07-01"), "{e}");
    assert_eq!(env.snapshot(), before, "the award keeps its date");
    // Any other correction of it still goes through.
    let x = env.json(&["update-award", "1", "--grade", "一等奖"]);
    assert_eq!(x["awarded_on"], "2014-06-30");
}
