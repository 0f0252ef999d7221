//! Issue 12, the office's other questions, and the dated milestones of issue 11: each test
//! asserts the figures a clerk would give the leading group.

mod common;

use common::Env;
use serde_json::{Value, json};

/// Runs in Chinese (the harness's commands are English) and insists on exit 0.
fn zh(env: &Env, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stdtrack"))
        .env_clear()
        .current_dir(env.dir.path())
        .args(["--db", env.db.to_str().unwrap(), "--today", common::TODAY, "--lang", "zh"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn target<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["targets"].as_array().unwrap().iter().find(|t| t["code"] == code).unwrap_or_else(|| panic!("{code}"))
}

fn milestone<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["milestones"].as_array().unwrap().iter().find(|m| m["code"] == code).unwrap_or_else(|| panic!("{code}"))
}

fn standard(env: &Env, number: &str, published: &str, lead: &str) -> Value {
    env.json(&[
        "add-standard",
        "--number",
        number,
        "--title",
        "标准",
        "--action",
        "formulate",
        "--published",
        published,
        "--lead",
        lead,
    ])
}

// ----- A. milestones with a dated history -----

#[test]
fn a_2013_milestone_set_today_shows_done_in_2013q1_and_not_in_2012q4() {
    let env = Env::new();
    // Set today (2016-06-01), dated back to when it happened.
    let m = env.json(&["set-milestone", "info-platform", "--status", "done", "--on", "2013-03-01", "--note", "已上线"]);
    assert_eq!((m["status"].as_str(), m["change_on"].as_str()), (Some("done"), Some("2013-03-01")));

    let q1 = env.json(&["quarterly-report", "--quarter", "2013Q1"]);
    let m = milestone(&q1, "info-platform");
    assert_eq!(
        (m["status"].as_str(), m["done_on"].as_str(), m["note"].as_str()),
        (Some("done"), Some("2013-03-01"), Some("已上线"))
    );
    let q4 = env.json(&["quarterly-report", "--quarter", "2012Q4"]);
    let m = milestone(&q4, "info-platform");
    assert_eq!((m["status"].as_str(), m["done_on"].clone()), (Some("not-started"), Value::Null));
    // progress as of a date reads the same history.
    assert_eq!(milestone(&env.json(&["progress", "--as-of", "2013-02-28"]), "info-platform")["status"], "not-started");
    assert_eq!(milestone(&env.json(&["progress", "--as-of", "2013-03-01"]), "info-platform")["status"], "done");

    // A status set today without a date is dated today, says so, and changes no past report.
    let out = env.run(&["set-milestone", "early-warning", "--status", "in-progress"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("dated today (2016-06-01)"), "{err}");
    let q = env.json(&["quarterly-report", "--quarter", "2016Q1"]);
    assert_eq!(milestone(&q, "early-warning")["status"], "not-started");
    assert_eq!(milestone(&env.json(&["progress"]), "early-warning")["status"], "in-progress");

    // A status dated after today is refused, as every event's date is.
    env.fails(&["set-milestone", "five-year-plan", "--status", "in-progress", "--on", "2016-06-02"], 1);
    // done needs its date; --done is another name for --on.
    let e = env.fails(&["set-milestone", "five-year-plan", "--status", "done"], 1);
    assert!(e.contains("--on"), "{e}");
    env.ok(&["set-milestone", "five-year-plan", "--status", "done", "--done", "2012-12-20"]);
    assert_eq!(milestone(&env.json(&["progress", "--as-of", "2012-12-31"]), "five-year-plan")["done_on"], "2012-12-20");
    // The milestone row keeps the latest status: a change dated earlier than the last one
    // is history, not the status now.
    env.ok(&["set-milestone", "info-platform", "--status", "in-progress", "--on", "2012-10-01"]);
    let list = env.json(&["list", "milestones"]);
    let row = list.as_array().unwrap().iter().find(|m| m["code"] == "info-platform").unwrap();
    assert_eq!((row["status"].as_str(), row["done_on"].as_str()), (Some("done"), Some("2013-03-01")));
    assert_eq!(milestone(&env.json(&["progress", "--as-of", "2012-12-31"]), "info-platform")["status"], "in-progress");
}

// ----- recurring duties -----

#[test]
fn a_recurring_duty_missed_in_one_year_shows_as_missed() {
    let env = Env::new();
    env.ok(&["set-milestone", "publicity-events", "--status", "done", "--on", "2012-10-14", "--note", "世界标准日"]);
    env.ok(&["set-milestone", "publicity-events", "--status", "已完成", "--on", "2013-05-20", "--note", "科技周"]);
    // 2014: nothing.
    env.ok(&["set-milestone", "publicity-events", "--status", "done", "--on", "2015-10-14"]);
    let p = env.json(&["progress", "--as-of", "2015-06-30"]);
    let m = milestone(&p, "publicity-events");
    assert_eq!(m["recurring"], "yearly");
    assert_eq!(
        m["years"],
        json!([
            {"year": 2012, "status": "done", "done_on": "2012-10-14", "note": "世界标准日"},
            {"year": 2013, "status": "done", "done_on": "2013-05-20", "note": "科技周"},
            {"year": 2014, "status": "missed", "done_on": null, "note": null},
            {"year": 2015, "status": "open", "done_on": null, "note": null},
        ])
    );
    // Not done for ever: in 2015 before its date the duty is still to do.
    assert_eq!(m["status"], "in-progress");
    let p = env.json(&["progress", "--as-of", "2015-12-31"]);
    let m = milestone(&p, "publicity-events");
    assert_eq!((m["status"].as_str(), m["years"][3]["status"].as_str()), (Some("done"), Some("done")));
    // The training network never held: every year missed, this one open.
    let now = env.json(&["progress"]);
    let t = milestone(&now, "training-network");
    let years: Vec<&str> = t["years"].as_array().unwrap().iter().map(|y| y["status"].as_str().unwrap()).collect();
    assert_eq!(years, ["missed", "missed", "missed", "missed", "open"]);
    // The quarterly report shows the years as of its end.
    let q = env.json(&["quarterly-report", "--quarter", "2014Q4"]);
    assert_eq!(milestone(&q, "publicity-events")["years"][2]["status"], "missed");
    assert!(env.ok(&["quarterly-report", "--quarter", "2014Q4"]).contains("Yearly duties"));

    // A one-off task has no years; a task made yearly has.
    assert_eq!(milestone(&env.json(&["progress"]), "info-platform")["years"], Value::Null);
    env.ok(&["set-milestone", "promotion-meeting", "--recurring", "每年"]);
    assert_eq!(milestone(&env.json(&["progress"]), "promotion-meeting")["years"].as_array().unwrap().len(), 5);
    env.ok(&["set-milestone", "promotion-meeting", "--recurring", "none"]);
    assert_eq!(milestone(&env.json(&["progress"]), "promotion-meeting")["years"], Value::Null);
}

// ----- one unit at a glance -----

#[test]
fn a_units_totals_are_award_calcs() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲铝业有限公司", "--industry", "铝加工"]);
    env.ok(&["add-unit", "--name", "乙公司"]);
    standard(&env, "GB/T 50001-2013", "2013-03-15", "甲铝业有限公司");
    env.ok(&[
        "add-standard",
        "--number",
        "YS/T 50002-2014",
        "--title",
        "行标",
        "--action",
        "revise",
        "--published",
        "2014-04-01",
        "--lead",
        "乙公司",
        "--participant",
        "甲铝业有限公司",
    ]);
    env.ok(&[
        "add-filing",
        "--unit",
        "1",
        "--number",
        "Q/JLA 1-2013",
        "--title",
        "企标",
        "--filing-no",
        "F1",
        "--filed",
        "2013-06-01",
    ]);
    env.ok(&[
        "add-review",
        "--unit",
        "1",
        "--number",
        "Q/JLA 1-2013",
        "--reviewed",
        "2015-06-01",
        "--outcome",
        "confirm",
    ]);
    env.ok(&["add-award", "--unit", "1", "--kind", "cq-innovation", "--awarded", "2014-06-30"]);
    env.ok(&["add-project", "--unit", "1", "--name", "试点", "--passed", "2014-08-01"]);
    env.ok(&[
        "add-committee",
        "--unit",
        "1",
        "--committee",
        "SAC/TC 243/SC 1",
        "--role",
        "secretariat",
        "--since",
        "2014-01-10",
    ]);
    env.ok(&["record-payment", "lead-national:standard:1", "--paid", "2014-01-10", "--amount", "100000"]);
    env.ok(&["record-payment", "municipal-project:project:1", "--paid", "2015-01-10"]);
    // Another unit's record is not this one's.
    env.ok(&["add-award", "--unit", "2", "--kind", "cq-innovation", "--awarded", "2014-06-30"]);

    let v = env.json(&["show", "unit", "甲铝业有限公司"]);
    assert_eq!(v["unit"], env.json(&["list", "units"])[0]);
    let roles: Vec<(&str, &str)> = v["standards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["number"].as_str().unwrap(), s["role"].as_str().unwrap()))
        .collect();
    assert_eq!(roles, [("GB/T 50001-2013", "lead"), ("YS/T 50002-2014", "participant")]);
    assert_eq!(v["standards"][0]["title"], "标准");
    for (key, n) in [("filings", 1), ("reviews", 1), ("awards", 1), ("projects", 1), ("seats", 1), ("payments", 2)] {
        assert_eq!(v[key].as_array().unwrap().len(), n, "{key}");
    }
    assert_eq!(v["filings"][0], env.json(&["list", "filings"])[0]);
    assert_eq!(
        v["targets"],
        json!([
            "national-standards",
            "industry-standards",
            "enterprise-filings",
            "enterprise-reviews",
            "participating-enterprises",
            "committee-enterprises"
        ])
    );
    // 300000 + 50000 + 50000 granted; 100000 + 50000 paid.
    assert_eq!(
        (&v["totals"]["amount_yuan"], &v["totals"]["paid_yuan"], &v["totals"]["outstanding_yuan"]),
        (&json!(400000), &json!(150000), &json!(250000))
    );
    let calc = env.json(&["award-calc", "--unit", "1"]);
    for k in ["amount_yuan", "paid_yuan", "outstanding_yuan"] {
        assert_eq!(v["totals"][k], calc["totals"][k], "{k}");
    }
    assert_eq!(v["entitlements"], calc["entitlements"]);
    // Every format, in both languages.
    for format in ["table", "csv", "markdown", "html"] {
        let out = env.ok(&["show", "unit", "1", "--format", format]);
        assert!(out.contains("甲铝业有限公司") && out.contains("GB/T 50001-2013"), "{format}");
    }
    let xlsx = env.path("unit.xlsx");
    env.ok(&["show", "unit", "1", "--format", "xlsx", "--out", xlsx.to_str().unwrap()]);
    assert!(zh(&env, &["show", "单位", "1"]).contains("计入的指标"));
    env.fails(&["show", "unit", "丙"], 1);
}

// ----- review reminders -----

#[test]
fn reviews_fall_due_three_years_on_across_leap_years_and_after_a_revise_review() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲公司"]);
    env.ok(&["add-unit", "--name", "乙公司"]);
    let filing = |unit: &str, n: &str, on: &str| {
        env.ok(&[
            "add-filing",
            "--unit",
            unit,
            "--number",
            n,
            "--title",
            "企标",
            "--filing-no",
            &format!("F-{n}"),
            "--filed",
            on,
        ]);
    };
    filing("甲公司", "Q/JA 1-2012", "2012-02-29"); // due 2015-02-28
    filing("甲公司", "Q/JA 2-2012", "2012-05-10"); // revised 2014-03-01: due 2017-03-01
    filing("甲公司", "Q/JA 3-2012", "2012-06-01"); // abolished 2015-05-01: never due
    filing("乙公司", "Q/JB 1-2011", "2011-03-01"); // before the plan: due 2014-03-01 all the same
    filing("乙公司", "Q/JB 2-2013", "2013-08-15"); // due 2016-08-15, within 90 days of 2016-06-01
    env.ok(&[
        "add-review",
        "--unit",
        "甲公司",
        "--number",
        "Q/JA 2-2012",
        "--reviewed",
        "2014-03-01",
        "--outcome",
        "修订",
    ]);
    env.ok(&[
        "add-review",
        "--unit",
        "甲公司",
        "--number",
        "Q/JA 3-2012",
        "--reviewed",
        "2015-05-01",
        "--outcome",
        "废止",
    ]);
    // The same number reviewed by another unit does not restart 乙's cycle.
    env.ok(&[
        "add-review",
        "--unit",
        "甲公司",
        "--number",
        "Q/JB 1-2011",
        "--reviewed",
        "2013-01-01",
        "--outcome",
        "confirm",
    ]);

    let due = env.json(&["due-reviews"]);
    let rows: Vec<(&str, &str, &str, bool)> = due
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["number"].as_str().unwrap(),
                r["last_event_on"].as_str().unwrap(),
                r["due_on"].as_str().unwrap(),
                r["overdue"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Q/JB 1-2011", "2011-03-01", "2014-03-01", true),
            ("Q/JA 1-2012", "2012-02-29", "2015-02-28", true),
            ("Q/JB 2-2013", "2013-08-15", "2016-08-15", false),
        ]
    );
    let first = &due[0];
    for k in ["unit", "unit_id", "number", "title", "filing_no", "last_event_on", "due_on", "overdue"] {
        assert!(first.get(k).is_some(), "{k}");
    }
    let filings = env.json(&["list", "filings", "--unit", "乙公司"]);
    assert_eq!((first["unit"].as_str(), &first["filing_no"]), (Some("乙公司"), &filings[0]["filing_no"]));
    // Within 0 days: the overdue ones only; within a year the revised one too.
    assert_eq!(env.json(&["due-reviews", "--within", "0"]).as_array().unwrap().len(), 2);
    let year = env.json(&["due-reviews", "--within", "365"]);
    let revised = year.as_array().unwrap().iter().find(|r| r["number"] == "Q/JA 2-2012").unwrap();
    assert_eq!(
        (revised["last_event_on"].as_str(), revised["due_on"].as_str()),
        (Some("2014-03-01"), Some("2017-03-01"))
    );
    // As of an earlier day: 28 February 2015 is due, not yet overdue.
    let then = env.json(&["due-reviews", "--as-of", "2015-02-28", "--within", "0"]);
    let leap = then.as_array().unwrap().iter().find(|r| r["number"] == "Q/JA 1-2012").unwrap();
    assert_eq!(leap["overdue"], false);
    // The quarterly report counts what is overdue at the quarter's end.
    assert_eq!(env.json(&["quarterly-report", "--quarter", "2014Q4"])["overdue_reviews"], 1);
    // 2015Q1: the leap-day filing too (due 2015-02-28); 2015Q2: still two, the standard
    // abolished on 2015-05-01 (due 2015-06-01 otherwise) not among them.
    assert_eq!(env.json(&["quarterly-report", "--quarter", "2015Q1"])["overdue_reviews"], 2);
    assert_eq!(env.json(&["quarterly-report", "--quarter", "2015Q2"])["overdue_reviews"], 2);
    assert_eq!(env.json(&["quarterly-report", "--quarter", "2013Q4"])["overdue_reviews"], 0);
    assert!(env.ok(&["due-reviews"]).contains("Q/JA 1-2012"));
    env.fails(&["due-reviews", "--within", "-5"], 2);
}

// ----- budgets -----

#[test]
fn budget_remainders_and_the_over_budget_warning() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲公司"]);
    standard(&env, "GB/T 50001-2014", "2014-03-15", "甲公司"); // 300000, industry fund
    env.ok(&["add-award", "--unit", "甲公司", "--kind", "cn-innovation", "--awarded", "2014-05-01"]); // 100000
    env.ok(&["add-project", "--unit", "甲公司", "--name", "试点", "--passed", "2014-09-01"]); // 50000
    env.ok(&["add-project", "--unit", "甲公司", "--name", "试点二", "--passed", "2013-09-01"]); // 50000 (2013)
    env.ok(&["record-payment", "municipal-project:project:2", "--paid", "2014-02-01"]);
    env.ok(&["record-payment", "lead-national:standard:1", "--paid", "2014-12-01", "--amount", "200000"]);

    env.ok(&["set-budget", "industry-fund", "2014", "300000"]);
    // A later call replaces it, and the audit log keeps both.
    let b = env.json(&["set-budget", "区产业发展专项资金", "2014", "350,000"]);
    assert_eq!((b["amount_yuan"].as_i64(), b["previous_yuan"].as_i64()), (Some(350000), Some(300000)));
    env.ok(&["set-budget", "district-finance", "2014", "200000"]);
    let audit = env.json(&["list", "audit"]);
    assert_eq!(audit.as_array().unwrap().iter().filter(|a| a["record_kind"] == "budget").count(), 3);

    let calc = env.json(&["award-calc", "--year", "2014"]);
    assert_eq!(
        calc["budgets"],
        json!({
            "district-finance": {"budget_yuan": 200000, "entitled_yuan": 50000, "paid_yuan": 50000,
                                 "remaining_yuan": 150000, "over_budget": false},
            "industry-fund": {"budget_yuan": 350000, "entitled_yuan": 400000, "paid_yuan": 200000,
                              "remaining_yuan": -50000, "over_budget": true},
        })
    );
    let table = env.ok(&["award-calc", "--year", "2014"]);
    assert!(
        table.contains("warning: District industry development fund entitlements of 2014, 400000 yuan, pass its budget of 350000 yuan by 50000 yuan"),
        "{table}"
    );
    assert!(!table.contains("District finance entitlements"), "{table}");
    assert!(zh(&env, &["award-calc", "--year", "2014"]).contains("超出当年预算 350000 元"));
    // No budget for a year: none to pass.
    let calc = env.json(&["award-calc", "--year", "2013"]);
    assert_eq!(calc["budgets"]["district-finance"]["budget_yuan"], Value::Null);
    assert_eq!(calc["budgets"]["district-finance"]["over_budget"], false);
    assert!(!env.ok(&["award-calc", "--year", "2013"]).contains("warning"));

    // Bad budgets are refused, naming the field.
    assert!(env.fails(&["set-budget", "no-fund", "2014", "1"], 1).contains("no-fund"));
    env.fails(&["set-budget", "industry-fund", "3000", "1"], 1);
    env.fails(&["set-budget", "industry-fund", "2014", "1.5"], 1);

    // Next year's need: what is owed, plus a lead reward for a standard being drafted.
    env.ok(&["add-standard", "--title", "起草中", "--action", "formulate", "--level", "national", "--lead", "甲公司"]);
    let plan = env.json(&["budget-plan", "--year", "2017"]);
    // Owed: 100000 of the lead, the award 100000, project 1 50000.
    assert_eq!(plan["by_fund"]["industry-fund"]["outstanding_yuan"], 200000);
    assert_eq!(plan["by_fund"]["industry-fund"]["drafting_yuan"], 300000);
    assert_eq!(plan["by_fund"]["district-finance"]["total_yuan"], 50000);
    let items = plan["items"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    assert!(items.iter().any(|i| i["source"] == "drafting-lead" && i["amount_yuan"] == 300000));
    assert_eq!(plan["total_yuan"], 550000);
}

// ----- readings as data -----

#[test]
fn per_enterprise_and_per_record_lead_rewards_on_the_same_records() {
    let records = |env: &Env| {
        env.ok(&["add-unit", "--name", "甲公司"]);
        env.ok(&["add-unit", "--name", "乙公司"]);
        standard(env, "GB/T 50001-2013", "2013-03-15", "甲公司");
        standard(env, "GB/T 50002-2014", "2014-05-01", "甲公司");
        standard(env, "GB/T 50003-2014", "2014-06-01", "乙公司");
    };
    let per_record = Env::new();
    records(&per_record);
    let calc = per_record.json(&["award-calc"]);
    let keys: Vec<&str> = calc["entitlements"].as_array().unwrap().iter().map(|e| e["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["lead-national:standard:1", "lead-national:standard:2", "lead-national:standard:3"]);
    assert_eq!(calc["totals"]["amount_yuan"], 900000);

    let per_enterprise = Env::new();
    records(&per_enterprise);
    let v = per_enterprise.json(&["set-rule", "lead-national", "--per", "enterprise", "--from", "2012-07-13"]);
    // The amount and fund stay the previous version's.
    assert_eq!((v["amount_yuan"].as_i64(), v["per"].as_str()), (Some(300000), Some("enterprise")));
    let calc = per_enterprise.json(&["award-calc"]);
    let got: Vec<(&str, &str, i64)> = calc["entitlements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["key"].as_str().unwrap(), e["event_date"].as_str().unwrap(), e["amount_yuan"].as_i64().unwrap()))
        .collect();
    // Once per enterprise: 甲 at its first qualifying event, 乙 at its own.
    assert_eq!(got, [("lead-national:unit:1", "2013-03-15", 300000), ("lead-national:unit:2", "2014-06-01", 300000)]);
    assert_eq!(calc["totals"]["amount_yuan"], 600000);
    // The key takes payments like any other.
    per_enterprise.ok(&["record-payment", "lead-national:unit:1", "--paid", "2014-01-01"]);
    assert_eq!(per_enterprise.json(&["award-calc", "--unit", "1"])["totals"]["outstanding_yuan"], 0);
    // Back to per record from 2015: a 2015 standard of 甲 earns on its own again.
    per_enterprise.ok(&["set-rule", "lead-national", "--per", "按项", "--from", "2015-01-01"]);
    standard(&per_enterprise, "GB/T 50004-2015", "2015-02-01", "甲公司");
    let calc = per_enterprise.json(&["award-calc", "--year", "2015"]);
    assert_eq!(calc["entitlements"][0]["key"], "lead-national:standard:4");
    let rules = per_enterprise.json(&["list", "rules"]);
    let pers: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["code"] == "lead-national")
        .map(|r| r["per"].as_str().unwrap())
        .collect();
    assert_eq!(pers, ["record", "enterprise", "record"]);
}

#[test]
fn a_db11_standard_is_not_counted_and_listed_until_the_office_says_so() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲公司"]);
    standard(&env, "DB50/T 500-2014", "2014-03-01", "甲公司");
    standard(&env, "DB11/T 123-2014", "2014-04-01", "甲公司");
    env.ok(&[
        "add-committee",
        "--unit",
        "甲公司",
        "--committee",
        "ISO/TC 79/WG 1",
        "--role",
        "convenor",
        "--since",
        "2014-02-01",
    ]);
    env.ok(&[
        "add-committee",
        "--unit",
        "甲公司",
        "--committee",
        "SAC/TC 243/SC 1",
        "--role",
        "member",
        "--since",
        "2014-02-01",
    ]);
    let p = env.json(&["progress", "--as-of", "2015-12-31"]);
    assert_eq!(target(&p, "local-standards")["actual"], 1);
    assert_eq!(target(&p, "committee-enterprises")["actual"], 0);
    assert_eq!(
        p["not_counted"],
        json!([
            {"kind": "standard", "id": 2, "record": "DB11/T 123-2014", "reason": "local-prefix"},
            {"kind": "committee_seat", "id": 1, "record": "ISO/TC 79/WG 1 甲公司", "reason": "not-national-committee"},
        ])
    );
    assert!(env.ok(&["progress", "--as-of", "2015-12-31"]).contains("DB11/T 123-2014"));
    // The office overrules a reading; it is audited, and the figures follow.
    let s = env.json(&["set-plan", "local-prefixes", "DB50,DB11"]);
    assert_eq!((s["value"].clone(), s["previous"].clone()), (json!(["DB50", "DB11"]), json!(["DB50"])));
    env.ok(&["set-plan", "national-committees", "SAC", "ISO"]);
    let p = env.json(&["progress", "--as-of", "2015-12-31"]);
    assert_eq!(target(&p, "local-standards")["actual"], 2);
    assert_eq!(target(&p, "committee-enterprises")["actual"], 1);
    assert_eq!(p["not_counted"], json!([]));
    let audit = env.json(&["list", "audit"]);
    let settings: Vec<&Value> =
        audit.as_array().unwrap().iter().filter(|a| a["record_kind"] == "plan_setting").collect();
    assert_eq!(settings.len(), 2);
    assert_eq!(settings[0]["before"]["value"], json!(["DB50"]));
    let listed = env.json(&["list", "settings"]);
    assert_eq!(listed[0]["value"], json!(["DB50", "DB11"]));
    // Back to the notice's reading.
    env.ok(&["set-plan", "地方标准前缀", "DB50"]);
    assert_eq!(target(&env.json(&["progress", "--as-of", "2015-12-31"]), "local-standards")["actual"], 1);
    assert!(env.fails(&["set-plan", "local-prefixes", "50"], 1).contains("DB50"));
    env.fails(&["set-plan", "no-such", "x"], 2);
}

// ----- duplicates -----

#[test]
fn a_duplicate_award_or_project_is_refused_naming_the_live_one() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲公司"]);
    env.ok(&["add-unit", "--name", "乙公司"]);
    env.ok(&["add-award", "--unit", "甲公司", "--kind", "cq-innovation", "--awarded", "2014-06-30"]);
    let before = env.snapshot();
    let e = env.fails(&["add-award", "--unit", "1", "--kind", "重庆市标准创新贡献奖", "--awarded", "2014-06-30"], 1);
    assert!(e.contains("#1") && e.contains("--duplicate-ok"), "{e}");
    env.ok(&["add-project", "--unit", "甲公司", "--name", "市级标准化试点", "--passed", "2014-06-08"]);
    let e = env.fails(&["add-project", "--unit", "乙公司", "--name", "市级标准化试点 ", "--passed", "2014-06-08"], 1);
    assert!(e.contains("#1"), "{e}");
    let calc = env.json(&["award-calc"]);
    assert_eq!(calc["totals"]["amount_yuan"], 100000, "nothing earned twice");
    assert_ne!(before, env.snapshot(), "the project was recorded");

    // Another kind, another date or another name is no duplicate.
    env.ok(&["add-award", "--unit", "1", "--kind", "cq-product", "--awarded", "2014-06-30"]);
    env.ok(&["add-project", "--unit", "乙公司", "--name", "市级标准化试点", "--passed", "2014-06-09"]);
    // A voided one is no longer live.
    env.ok(&["void", "award", "1", "--reason", "录错"]);
    env.ok(&["add-award", "--unit", "1", "--kind", "cq-innovation", "--awarded", "2014-06-30"]);
    // Insisting needs a reason, kept in the audit log.
    env.fails(&["add-award", "--unit", "1", "--kind", "cq-innovation", "--awarded", "2014-06-30", "--duplicate-ok"], 2);
    let a = env.json(&[
        "add-award",
        "--unit",
        "1",
        "--kind",
        "cq-innovation",
        "--awarded",
        "2014-06-30",
        "--duplicate-ok",
        "--reason",
        "两个项目分别获奖",
    ]);
    let audit = env.json(&["list", "audit"]);
    let entry =
        audit.as_array().unwrap().iter().find(|x| x["record_kind"] == "award" && x["record_id"] == a["id"]).unwrap();
    assert_eq!(entry["after"]["reason"], "两个项目分别获奖");
    env.ok(&[
        "add-project",
        "--unit",
        "乙公司",
        "--name",
        "市级标准化试点",
        "--passed",
        "2014-06-08",
        "--duplicate-ok",
        "--reason",
        "两个单位各一个",
    ]);

    // A correction that makes a record the twin of a live one is refused the same way.
    let b = env.json(&["add-award", "--unit", "乙公司", "--kind", "cn-innovation", "--awarded", "2015-01-05"]);
    let id = b["id"].to_string();
    let e =
        env.fails(&["update-award", &id, "--unit", "甲公司", "--kind", "cq-innovation", "--awarded", "2014-06-30"], 1);
    assert!(e.contains("--duplicate-ok"), "{e}");
    // Its other fields can be corrected all the same, and --duplicate-ok insists.
    env.ok(&["update-award", &id, "--grade", "一等奖"]);
    env.ok(&[
        "update-award",
        &id,
        "--unit",
        "甲公司",
        "--kind",
        "cq-innovation",
        "--awarded",
        "2014-06-30",
        "--duplicate-ok",
        "--reason",
        "确为另一奖项",
    ]);
    let e = env.fails(&["update-project", "2", "--passed", "2014-06-08"], 1);
    assert!(e.contains("#1"), "{e}");
}

// ----- adoption -----

#[test]
fn adoption_is_read_from_the_number_or_given_and_counted() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲公司"]);
    let s = standard(&env, "GB/T 19001-2013/ISO 9001:2008", "2013-06-01", "甲公司");
    assert_eq!((s["adopts"].as_str(), s["adoption_degree"].as_str()), (Some("ISO 9001:2008"), Some("IDT")));
    let s = env.json(&[
        "add-standard",
        "--number",
        "GB/T 6892-2015",
        "--title",
        "型材",
        "--action",
        "revise",
        "--published",
        "2015-09-11",
        "--participant",
        "甲公司",
        "--adopts",
        "iso 6362-1:2012",
        "--degree",
        "修改采用",
    ]);
    assert_eq!((s["adopts"].as_str(), s["adoption_degree"].as_str()), (Some("ISO 6362-1:2012"), Some("MOD")));
    standard(&env, "GB/T 3190-2014", "2014-06-01", "甲公司");
    let adopted = env.json(&["list", "standards", "--adopted"]);
    assert_eq!(adopted.as_array().unwrap().len(), 2);
    env.fails(&["list", "filings", "--adopted"], 1);
    assert_eq!(env.json(&["progress", "--as-of", "2015-12-31"])["adopted_standards"], 2);
    assert_eq!(env.json(&["progress", "--as-of", "2014-12-31"])["adopted_standards"], 1);
    let q = env.json(&["quarterly-report", "--quarter", "2015Q3"]);
    assert_eq!((q["adopted_standards"].as_i64(), q["adopted_in_quarter"].as_i64()), (Some(2), Some(1)));
    // Updated: a degree alone, then removed.
    let u = env.json(&["update-standard", "GB/T 6892-2015", "--degree", "NEQ"]);
    assert_eq!(u["adoption_degree"], "NEQ");
    let u = env.json(&["update-standard", "GB/T 6892-2015", "--adopts", ""]);
    assert_eq!((u["adopts"].clone(), u["adoption_degree"].clone()), (Value::Null, Value::Null));
    let e = env.fails(&["update-standard", "GB/T 3190-2014", "--degree", "MOD"], 1);
    assert!(e.contains("--adopts"), "{e}");
    let u = env.json(&["update-standard", "GB/T 3190-2014", "--number", "GB/T 3190-2014/ISO 209:2007"]);
    assert_eq!(u["adopts"], "ISO 209:2007");
}

// ----- by owner, by industry -----

#[test]
fn tasks_by_owner_and_figures_by_industry() {
    let env = Env::new();
    let p = env.json(&["progress", "--by-owner"]);
    let owners = p["owners"].as_array().unwrap();
    let under = |owner: &str| -> Vec<String> {
        owners.iter().find(|o| o["owner"] == owner).unwrap_or_else(|| panic!("{owner}"))["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(under("区质监局").contains(&"early-warning".to_string()));
    assert_eq!(under("区外经贸委"), ["early-warning"]);
    assert!(under("区科委").contains(&"training-network".to_string()));
    assert!(env.json(&["progress"]).get("owners").is_none());
    assert!(zh(&env, &["progress", "--by-owner"]).contains("区外经贸委 的任务"));

    env.ok(&["add-unit", "--name", "甲铝业", "--industry", "铝加工"]);
    env.ok(&["add-unit", "--name", "乙汽车", "--industry", "汽摩制造"]);
    env.ok(&["add-unit", "--name", "丙物流", "--industry", "现代物流"]);
    env.ok(&["add-unit", "--name", "丁公司"]);
    standard(&env, "GB/T 50001-2013", "2013-03-15", "甲铝业");
    env.ok(&[
        "add-standard",
        "--number",
        "QC/T 50002-2014",
        "--title",
        "汽车",
        "--action",
        "formulate",
        "--published",
        "2014-03-15",
        "--lead",
        "乙汽车",
        "--participant",
        "甲铝业",
    ]);
    for (i, unit) in ["甲铝业", "甲铝业", "乙汽车", "丙物流", "丁公司"].iter().enumerate() {
        let n = format!("Q/X {i}-2014");
        env.ok(&[
            "add-filing",
            "--unit",
            unit,
            "--number",
            &n,
            "--title",
            "企标",
            "--filing-no",
            &n,
            "--filed",
            "2014-05-01",
        ]);
    }
    env.ok(&["add-award", "--unit", "丙物流", "--kind", "cq-product", "--awarded", "2014-06-01"]);
    let p = env.json(&["progress", "--by-industry", "--as-of", "2015-12-31"]);
    let split = &p["by_industry"];
    assert_eq!(split["enterprise-filings"], json!({"铝加工": 2, "汽摩制造": 1, "装备制造": 0, "其他": 2}));
    assert_eq!(split["national-standards"], json!({"铝加工": 1, "汽摩制造": 0, "装备制造": 0, "其他": 0}));
    assert_eq!(split["industry-standards"], json!({"铝加工": 0, "汽摩制造": 1, "装备制造": 0, "其他": 0}));
    assert_eq!(split["participating-enterprises"], json!({"铝加工": 1, "汽摩制造": 1, "装备制造": 0, "其他": 0}));
    assert_eq!(split["cq-product-awards"], json!({"铝加工": 0, "汽摩制造": 0, "装备制造": 0, "其他": 1}));
    // Each split adds up to its target's actual.
    for t in p["targets"].as_array().unwrap() {
        let sum: i64 =
            split[t["code"].as_str().unwrap()].as_object().unwrap().values().map(|v| v.as_i64().unwrap()).sum();
        assert_eq!(sum, t["actual"].as_i64().unwrap(), "{}", t["code"]);
    }
    // The focus industries are a plan setting.
    env.ok(&["set-plan", "focus-industries", "铝加工", "现代物流"]);
    let p = env.json(&["progress", "--by-industry", "--as-of", "2015-12-31"]);
    assert_eq!(p["by_industry"]["enterprise-filings"], json!({"铝加工": 2, "现代物流": 1, "其他": 2}));
}

// ----- the yearly summary -----

#[test]
fn an_annual_reports_totals_equal_the_sum_of_its_quarters() {
    let env = Env::new();
    for line in std::fs::read_to_string("tests/data/worked-example.sh").unwrap().lines() {
        if let Some(rest) = line.strip_prefix("stdtrack ") {
            let words = common::shell_words(rest);
            let args: Vec<&str> = words.iter().map(String::as_str).collect();
            env.ok(&args);
        }
    }
    env.ok(&["record-payment", "municipal-project:project:1", "--paid", "2014-07-01"]);
    env.ok(&["record-payment", "cq-innovation-award:award:5", "--paid", "2014-12-20", "--amount", "20000"]);
    env.ok(&["set-budget", "industry-fund", "2014", "80000"]);
    env.ok(&["set-milestone", "publicity-events", "--status", "done", "--on", "2014-10-14"]);

    let year = env.json(&["annual-report", "--year", "2014"]);
    assert_eq!(year["year"], 2014);
    let quarters: Vec<Value> = ["2014Q1", "2014Q2", "2014Q3", "2014Q4"]
        .iter()
        .map(|q| env.json(&["quarterly-report", "--quarter", q]))
        .collect();
    let sum = |f: &dyn Fn(&Value) -> i64| quarters.iter().map(f).sum::<i64>();
    assert_eq!(year["arising_yuan"].as_i64().unwrap(), sum(&|q| q["arising_yuan"].as_i64().unwrap()));
    assert_eq!(year["paid_in_year_yuan"].as_i64().unwrap(), sum(&|q| q["paid_in_quarter_yuan"].as_i64().unwrap()));
    assert_eq!(
        year["meetings_held"].as_i64().unwrap(),
        sum(&|q| q["meetings_in_quarter"].as_array().unwrap().len() as i64)
    );
    for t in year["targets"].as_array().unwrap() {
        let code = t["code"].as_str().unwrap();
        let in_quarters = sum(&|q| target(q, code)["in_quarter"].as_i64().unwrap());
        assert_eq!(t["in_year"].as_i64().unwrap(), in_quarters, "{code}");
        assert_eq!(t["actual"], target(&quarters[3], code)["actual"], "{code} at the year's end");
    }
    // The worked example's 2014: 150000 arising, 70000 paid, four meetings, 7 filings.
    assert_eq!((year["arising_yuan"].as_i64(), year["paid_in_year_yuan"].as_i64()), (Some(150000), Some(70000)));
    assert_eq!(year["meetings_held"], 4);
    assert_eq!(target(&year, "enterprise-filings")["in_year"], 7);
    assert_eq!(year["budgets"]["industry-fund"]["entitled_yuan"], 100000);
    assert_eq!(year["budgets"]["industry-fund"]["over_budget"], true);
    assert_eq!(milestone(&year, "publicity-events")["years"][2]["status"], "done");
    // The quarters it lists agree with the quarterly reports.
    assert_eq!(
        year["quarters"][3]["in_quarter"]["enterprise-filings"],
        target(&quarters[3], "enterprise-filings")["in_quarter"]
    );
    // Every format; a year not begun is refused.
    for format in ["table", "csv", "markdown", "html", "xlsx"] {
        let out = env.path(&format!("2014.{format}"));
        env.ok(&["annual-report", "--year", "2014", "--format", format, "--out", out.to_str().unwrap()]);
        assert!(std::fs::metadata(&out).unwrap().len() > 500, "{format}");
    }
    let e = env.fails(&["annual-report", "--year", "2017"], 1);
    assert!(e.contains("2017"), "{e}");
    // A year not over is reported as it stands today.
    assert_eq!(env.json(&["annual-report", "--year", "2016"])["as_of"], "2016-06-01");
}

#[test]
fn every_new_report_renders_in_every_format_and_language() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲公司", "--industry", "铝加工"]);
    env.ok(&[
        "add-filing",
        "--unit",
        "1",
        "--number",
        "Q/JA 1-2012",
        "--title",
        "企标",
        "--filing-no",
        "F1",
        "--filed",
        "2012-08-01",
    ]);
    let reports: &[&[&str]] = &[
        &["due-reviews"],
        &["budget-plan", "--year", "2017"],
        &["annual-report", "--year", "2015"],
        &["show", "unit", "1"],
        &["progress", "--by-owner", "--by-industry"],
        &["award-calc", "--year", "2015"],
    ];
    for report in reports {
        for lang in ["zh", "en"] {
            for format in ["table", "json", "csv", "markdown", "html", "xlsx"] {
                let out = env.path(&format!("{}-{lang}.{format}", report[0]));
                let mut args: Vec<&str> = report.to_vec();
                args.extend(["--format", format, "--out", out.to_str().unwrap()]);
                if lang == "zh" {
                    zh(&env, &args);
                } else {
                    env.ok(&args);
                }
                assert!(std::fs::metadata(&out).unwrap().len() > 50, "{args:?}");
            }
        }
    }
}
