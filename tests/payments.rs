//! A district of our own with payments, a refund and a rule change: award-calc totals
//! overall, by fund and by year; record-payment's refusals; overpayments after corrections.

mod common;

use common::Env;
use serde_json::Value;

fn district() -> Env {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲公司", "--uscc", "91110000600037341L"]);
    env.ok(&["add-unit", "--name", "乙公司", "--org-code", "00251805-7"]);
    env.ok(&["add-unit", "--name", "丙研究院", "--kind", "institution"]);
    // 1: a national standard led by an enterprise: 300000 under the seed rule.
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
    // 2: a revision earns nothing.
    env.ok(&[
        "add-standard",
        "--number",
        "GB/T 50002-2013",
        "--title",
        "乙",
        "--action",
        "revise",
        "--published",
        "2013-05-01",
        "--lead",
        "乙公司",
    ]);
    // Project of an institution: 50000 (projects pay any kind of unit).
    env.ok(&["add-project", "--unit", "丙研究院", "--name", "项目", "--passed", "2013-06-01"]);
    // cn-innovation to an enterprise: 100000; to an institution: nothing.
    env.ok(&["add-award", "--unit", "乙公司", "--kind", "cn-innovation", "--awarded", "2014-02-01"]);
    env.ok(&["add-award", "--unit", "丙研究院", "--kind", "cn-innovation", "--awarded", "2014-03-01"]);
    // From 2014 leading a national standard earns 400000.
    env.ok(&["set-rule", "lead-national", "--amount", "400000", "--from", "2014-01-01"]);
    env.ok(&[
        "add-standard",
        "--number",
        "GB/T 50003-2014",
        "--title",
        "丙",
        "--action",
        "formulate",
        "--published",
        "2014-01-01",
        "--lead",
        "甲公司",
    ]);
    env
}

fn amounts(calc: &Value) -> Vec<(String, i64)> {
    calc["entitlements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["key"].as_str().unwrap().to_string(), e["amount_yuan"].as_i64().unwrap()))
        .collect()
}

#[test]
fn rule_change_payments_refund_and_totals() {
    let env = district();
    let calc = env.json(&["award-calc"]);
    assert_eq!(
        amounts(&calc),
        vec![
            ("lead-national:standard:1".to_string(), 300000),
            ("municipal-project:project:1".to_string(), 50000),
            ("lead-national:standard:3".to_string(), 400000),
            ("cn-innovation-award:award:1".to_string(), 100000),
        ]
    );

    // Paid in full, then part, a refund of that part, then in full.
    env.ok(&["record-payment", "lead-national:standard:1", "--paid", "2013-06-01", "--voucher", "记-001"]);
    env.ok(&["record-payment", "municipal-project:project:1", "--paid", "2013-07-01", "--amount", "20000"]);
    env.ok(&["record-payment", "municipal-project:project:1", "--paid", "2013-08-01", "--amount", "-20000"]);
    let p = env.json(&["record-payment", "municipal-project:project:1", "--paid", "2014-01-10"]);
    assert_eq!(p["amount_yuan"], 50000, "the default amount is what is outstanding");
    assert_eq!(p["unit"], "丙研究院", "the default payee is the entitlement's unit");

    let calc = env.json(&["award-calc"]);
    let t = &calc["totals"];
    assert_eq!(t["amount_yuan"], 850000);
    assert_eq!(t["paid_yuan"], 350000);
    assert_eq!(t["outstanding_yuan"], 500000);
    assert_eq!(t["by_fund"]["district-finance"], 50000);
    assert_eq!(t["by_fund"]["industry-fund"], 800000);
    assert_eq!(t["by_year"]["2013"], 350000);
    assert_eq!(t["by_year"]["2014"], 500000);
    assert_eq!(t["overpaid_yuan"], 0);

    // A year: its entitlements, paid as of today (issue 11; the 2014-01-10 payment counts)...
    let y = env.json(&["award-calc", "--year", "2013"]);
    assert_eq!(y["from"], "2013-01-01");
    assert_eq!(y["as_of"], common::TODAY);
    assert_eq!(y["totals"]["amount_yuan"], 350000);
    assert_eq!(y["totals"]["paid_yuan"], 350000);
    assert_eq!(y["totals"]["outstanding_yuan"], 0);
    // ...and as they stood at the year's end, when the 2014-01-10 payment was not made yet.
    let y = env.json(&["award-calc", "--year", "2013", "--as-of", "2013-12-31"]);
    assert_eq!(y["as_of"], "2013-12-31");
    assert_eq!(y["totals"]["paid_yuan"], 300000);
    assert_eq!(y["totals"]["outstanding_yuan"], 50000);

    let q = env.json(&["award-calc", "--quarter", "2014Q1"]);
    assert_eq!(q["totals"]["amount_yuan"], 500000);

    let open = env.json(&["award-calc", "--outstanding"]);
    assert_eq!(
        amounts(&open),
        vec![("lead-national:standard:3".to_string(), 400000), ("cn-innovation-award:award:1".to_string(), 100000)]
    );
    assert_eq!(open["totals"]["outstanding_yuan"], 500000);

    let mine = env.json(&["award-calc", "--unit", "甲公司"]);
    assert_eq!(mine["totals"]["amount_yuan"], 700000);
    assert_eq!(mine["totals"]["paid_yuan"], 300000);
}

#[test]
fn record_payment_refusals_leave_the_database_unchanged() {
    let env = district();
    env.ok(&["record-payment", "lead-national:standard:1", "--paid", "2013-06-01", "--amount", "100000"]);
    let before = env.snapshot();
    let e = env.fails(&["record-payment", "lead-national:standard:2", "--paid", "2013-06-01"], 1);
    assert!(e.contains("lead-national:standard:2"), "{e}");
    let e = env.fails(&["record-payment", "lead-national:standard:1", "--paid", "2013-06-01", "--payee", "乙公司"], 1);
    assert!(e.contains("not payable"), "{e}");
    let e = env.fails(&["record-payment", "lead-national:standard:1", "--paid", "2013-06-01", "--amount", "200001"], 1);
    assert!(e.contains("300000"), "{e}");
    let e =
        env.fails(&["record-payment", "lead-national:standard:1", "--paid", "2013-06-01", "--amount", "-100001"], 1);
    assert!(e.contains("below zero"), "{e}");
    let e = env.fails(&["record-payment", "lead-national:standard:1", "--paid", "2013-02-30"], 1);
    assert!(e.contains("--paid"), "{e}");
    let e = env.fails(&["record-payment", "lead-national:standard:1", "--paid", "2013-06-01", "--amount", "1e5"], 1);
    assert!(e.contains("--amount"), "{e}");
    assert_eq!(env.snapshot(), before);
    // The remaining 200000 is exactly allowed.
    let p = env.json(&["record-payment", "lead-national:standard:1", "--paid", "2013-07-01"]);
    assert_eq!(p["amount_yuan"], 200000);
    env.fails(&["record-payment", "lead-national:standard:1", "--paid", "2013-07-02"], 1);
}

#[test]
fn corrections_turn_payments_into_overpayments() {
    let env = district();
    env.ok(&["record-payment", "lead-national:standard:1", "--paid", "2013-06-01"]);
    env.ok(&["record-payment", "cn-innovation-award:award:1", "--paid", "2014-03-01"]);

    // The lead changes after payment: the money paid to 甲 is an overpayment; 乙 is owed.
    env.ok(&["update-standard", "GB/T 50001-2013", "--lead", "乙公司"]);
    // The award is voided as a correction: its payment is an overpayment too.
    env.ok(&["void", "award", "1", "--reason", "录入错误"]);

    let calc = env.json(&["award-calc"]);
    let over: Vec<(String, String, i64, String)> = calc["overpayments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["key"].as_str().unwrap().to_string(),
                o["unit"].as_str().unwrap().to_string(),
                o["amount_yuan"].as_i64().unwrap(),
                o["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        over,
        vec![
            ("cn-innovation-award:award:1".into(), "乙公司".into(), 100000, "no-entitlement".into()),
            ("lead-national:standard:1".into(), "甲公司".into(), 300000, "payee-changed".into()),
        ]
    );
    assert_eq!(calc["totals"]["overpaid_yuan"], 400000);
    let lead =
        calc["entitlements"].as_array().unwrap().iter().find(|e| e["key"] == "lead-national:standard:1").unwrap();
    assert_eq!(lead["unit"], "乙公司");
    assert_eq!(lead["paid_yuan"], 0);
    assert_eq!(lead["outstanding_yuan"], 300000);
    // The voided award is still listed, with its reason.
    let awards = env.json(&["list", "awards"]);
    assert_eq!(awards[0]["voided"], "录入错误");
}

#[test]
fn set_rule_refuses_a_start_not_after_the_latest_version() {
    let env = district();
    let before = env.snapshot();
    let e = env.fails(&["set-rule", "lead-national", "--amount", "1", "--from", "2014-01-01"], 1);
    assert!(e.contains("2014-01-01"), "{e}");
    let e = env.fails(&["set-rule", "no-such-rule", "--amount", "1", "--from", "2015-01-01"], 1);
    assert!(e.contains("no-such-rule") && e.contains("lead-national"), "{e}");
    let e = env.fails(&["set-rule", "lead-national", "--amount", "-5", "--from", "2015-01-01"], 1);
    assert!(e.contains("--amount"), "{e}");
    assert_eq!(env.snapshot(), before);
    let rules = env.json(&["list", "rules"]);
    let versions: Vec<(i64, String, Value)> = rules
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["code"] == "lead-national")
        .map(|r| {
            (
                r["amount_yuan"].as_i64().unwrap(),
                r["effective_from"].as_str().unwrap().into(),
                r["effective_to"].clone(),
            )
        })
        .collect();
    assert_eq!(
        versions,
        vec![
            (300000, "2012-07-12".to_string(), Value::from("2013-12-31")),
            (400000, "2014-01-01".to_string(), Value::Null),
        ]
    );
}

#[test]
fn quarterly_report_money_and_activity() {
    let env = district();
    env.ok(&["record-payment", "lead-national:standard:1", "--paid", "2013-06-01"]);
    env.ok(&["add-meeting", "--held", "2014-03-20", "--title", "一季度联席会议"]);
    let q = env.json(&["quarterly-report", "--quarter", "2014Q1"]);
    // Arising: the 2014 standard (400000) and the award to 乙 (100000).
    assert_eq!(q["arising_yuan"], 500000);
    assert_eq!(q["entitlements_arising"].as_array().unwrap().len(), 2);
    // Outstanding at quarter end: 850000 granted up to 2014-03-31, 300000 paid.
    assert_eq!(q["outstanding_yuan"], 550000);
    assert_eq!(q["meeting_held"], true);
    assert_eq!(q["activity"]["standards"].as_array().unwrap().len(), 1);
    assert_eq!(q["activity"]["awards"].as_array().unwrap().len(), 2);
    let national = q["targets"].as_array().unwrap().iter().find(|t| t["code"] == "national-standards").unwrap();
    assert_eq!(national["in_quarter"], 1);
    assert_eq!(national["actual"], 3);
    assert_eq!(q["paid_in_quarter_yuan"], 0);
    // The payment of 2013-06-01 is in 2013Q2's report, with its voucher.
    let q2 = env.json(&["quarterly-report", "--quarter", "2013Q2"]);
    assert_eq!(q2["paid_in_quarter_yuan"], 300000);
    assert_eq!(q2["payments"][0]["key"], "lead-national:standard:1");
    let md = env.ok(&["quarterly-report", "--quarter", "2013Q2", "--format", "markdown"]);
    assert!(
        md.contains("## Payments this quarter")
            && md.lines().any(|l| l.starts_with("| 2013-06-01 |") && l.ends_with("| lead-national:standard:1 |")),
        "{md}"
    );
}

#[test]
fn quarterly_outstanding_never_nets_one_units_overpayment_against_another() {
    let env = district();
    env.ok(&["record-payment", "lead-national:standard:1", "--paid", "2013-06-01"]);
    // The lead moves to 乙: 300000 paid to 甲 is an overpayment, and 乙 is owed 300000.
    env.ok(&["update-standard", "1", "--lead", "乙公司"]);
    let q = env.json(&["quarterly-report", "--quarter", "2014Q1"]);
    let calc = env.json(&["award-calc", "--to", "2014-03-31"]);
    assert_eq!(calc["totals"]["outstanding_yuan"], 850000);
    assert_eq!(calc["totals"]["overpaid_yuan"], 300000);
    assert_eq!(q["outstanding_yuan"], 850000);
}

#[test]
fn a_quarter_is_reported_as_it_stands_today_and_not_before_it_begins() {
    let env = district();
    let out = env
        .cmd_on("2014-02-15")
        .args(["quarterly-report", "--quarter", "current", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let q: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(q["quarter"], "2014Q1");
    assert_eq!(q["as_of"], "2014-02-15");
    // The standard of 2014-01-01 and the award of 2014-02-01 have arisen; the award of 03-01 not yet.
    assert_eq!(q["arising_yuan"], 500000);
    assert_eq!(q["activity"]["awards"].as_array().unwrap().len(), 1);
    let out = env.cmd_on("2014-02-15").args(["quarterly-report", "--quarter", "2014Q3"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has not begun"));
}
