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
