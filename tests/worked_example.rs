//! Replays shared/WORKED-EXAMPLE.md into a fresh database and asserts every figure it gives.

mod common;

use common::{Env, shell_words};
use serde_json::Value;

fn example() -> Env {
    let env = Env::new();
    let script = include_str!("data/worked-example.sh");
    for line in script.lines().filter(|l| l.starts_with("stdtrack ")) {
        let words = shell_words(line);
        let args: Vec<&str> = words[1..].iter().map(String::as_str).collect();
        env.ok(&args);
    }
    env
}

/// (code, actual, expected, needed_now, projected, percent, status, stretch_met)
type Row = (&'static str, i64, &'static str, i64, i64, &'static str, &'static str, bool);

fn assert_targets(report: &Value, rows: &[Row]) {
    let targets = report["targets"].as_array().expect("targets");
    assert_eq!(targets.len(), rows.len());
    for (t, r) in targets.iter().zip(rows) {
        let code = r.0;
        assert_eq!(t["code"], r.0);
        assert_eq!(t["actual"], r.1, "{code} actual");
        assert_eq!(t["expected"].to_string(), r.2, "{code} expected");
        assert_eq!(t["needed_now"], r.3, "{code} needed_now");
        assert_eq!(t["projected"], r.4, "{code} projected");
        assert_eq!(t["percent"].to_string(), r.5, "{code} percent");
        assert_eq!(t["status"], r.6, "{code} status");
        assert_eq!(t["stretch_met"], r.7, "{code} stretch_met");
    }
}

#[test]
fn worked_example_figures() {
    let env = example();

    // progress --as-of 2013-12-31
    let p = env.json(&["progress", "--as-of", "2013-12-31"]);
    assert_eq!(p["elapsed_days"], 538);
    assert_eq!(p["total_days"], 1268);
    assert_eq!(p["plan"], "jlp-2012");
    assert_eq!(p["meetings"]["quarters_due"], 6);
    assert_eq!(p["meetings"]["quarters_held"], 2);
    assert_eq!(p["meetings"]["missing"], serde_json::json!(["2012Q3", "2013Q1", "2013Q2", "2013Q3"]));
    assert_targets(
        &p,
        &[
            ("national-standards", 1, "5.5", 6, 2, "7.7", "behind", false),
            ("industry-standards", 1, "8.5", 9, 2, "5.0", "behind", false),
            ("local-standards", 0, "9.8", 10, 0, "0.0", "behind", false),
            ("enterprise-filings", 3, "67.9", 68, 7, "1.9", "behind", false),
            ("enterprise-reviews", 1, "17.0", 17, 2, "2.5", "behind", false),
            ("participating-enterprises", 2, "0.8", 1, 4, "100.0", "met", false),
            ("committee-enterprises", 0, "0.8", 1, 0, "0.0", "behind", false),
            ("cn-innovation-award-enterprises", 0, "0.4", 1, 0, "0.0", "behind", false),
            ("cq-product-award-enterprises", 0, "1.3", 2, 0, "0.0", "behind", false),
            ("cq-product-awards", 0, "3.4", 4, 0, "0.0", "behind", false),
        ],
    );

    // progress --as-of 2015-12-31
    let p = env.json(&["progress", "--as-of", "2015-12-31"]);
    assert_eq!(p["elapsed_days"], 1268);
    assert_eq!(p["meetings"]["quarters_due"], 14);
    assert_eq!(p["meetings"]["quarters_held"], 3);
    assert_eq!(
        p["meetings"]["missing"],
        serde_json::json!([
            "2012Q3", "2013Q1", "2013Q2", "2013Q3", "2014Q1", "2014Q2", "2014Q3", "2015Q1", "2015Q2", "2015Q3",
            "2015Q4"
        ])
    );
    assert_targets(
        &p,
        &[
            ("national-standards", 1, "13.0", 13, 1, "7.7", "missed", false),
            ("industry-standards", 1, "20.0", 20, 1, "5.0", "missed", false),
            ("local-standards", 0, "23.0", 23, 0, "0.0", "missed", false),
            ("enterprise-filings", 10, "160.0", 160, 10, "6.3", "missed", false),
            ("enterprise-reviews", 6, "40.0", 40, 6, "15.0", "missed", false),
            ("participating-enterprises", 2, "2.0", 2, 2, "100.0", "met", false),
            ("committee-enterprises", 1, "2.0", 2, 1, "50.0", "missed", false),
            ("cn-innovation-award-enterprises", 0, "1.0", 1, 0, "0.0", "missed", false),
            ("cq-product-award-enterprises", 1, "3.0", 3, 1, "33.3", "missed", false),
            ("cq-product-awards", 1, "8.0", 8, 1, "12.5", "missed", false),
        ],
    );

    // award-calc
    let a = env.json(&["award-calc"]);
    let got: Vec<(String, String, i64, String)> = a["entitlements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["key"].as_str().unwrap().to_string(),
                e["event_date"].as_str().unwrap().to_string(),
                e["amount_yuan"].as_i64().unwrap(),
                e["fund"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("municipal-project:project:4", "2012-08-11", 50000, "district-finance"),
        ("municipal-project:project:3", "2013-08-29", 50000, "district-finance"),
        ("cq-innovation-award:award:5", "2014-05-17", 50000, "industry-fund"),
        ("municipal-project:project:1", "2014-06-08", 50000, "district-finance"),
        ("cq-innovation-award:award:1", "2014-06-30", 50000, "industry-fund"),
        ("lead-international:standard:6", "2016-04-09", 500000, "industry-fund"),
    ];
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0.as_str(), g.1.as_str(), g.2, g.3.as_str()), w);
    }
    assert_eq!(a["totals"]["amount_yuan"], 750000);
    assert_eq!(a["totals"]["paid_yuan"], 0);
    assert_eq!(a["totals"]["outstanding_yuan"], 750000);
    assert_eq!(a["totals"]["by_fund"]["district-finance"], 150000);
    assert_eq!(a["totals"]["by_fund"]["industry-fund"], 600000);

    // quarterly-report --quarter 2014Q4
    let q = env.json(&["quarterly-report", "--quarter", "2014Q4"]);
    assert_eq!(q["quarter"], "2014Q4");
    assert_eq!(q["start"], "2014-10-01");
    assert_eq!(q["end"], "2014-12-31");
    let want = [
        ("national-standards", 0, 1),
        ("industry-standards", 0, 1),
        ("local-standards", 0, 0),
        ("enterprise-filings", 3, 10),
        ("enterprise-reviews", 2, 4),
        ("participating-enterprises", 0, 2),
        ("committee-enterprises", 0, 0),
        ("cn-innovation-award-enterprises", 0, 0),
        ("cq-product-award-enterprises", 0, 1),
        ("cq-product-awards", 0, 1),
    ];
    let targets = q["targets"].as_array().unwrap();
    assert_eq!(targets.len(), want.len());
    for (t, w) in targets.iter().zip(want) {
        assert_eq!((t["code"].as_str().unwrap(), t["in_quarter"].as_i64().unwrap(), t["actual"].as_i64().unwrap()), w);
    }
    assert_eq!(q["arising_yuan"], 0);
    assert_eq!(q["outstanding_yuan"], 250000);
    assert_eq!(q["meeting_held"], true);
    assert_eq!(q["activity"]["filings"], 3);
    assert_eq!(q["activity"]["reviews"], 2);
}

#[test]
fn worked_example_tables_show_the_same_figures() {
    let env = example();
    let table = env.ok(&["progress", "--as-of", "2013-12-31"]);
    assert!(table.contains("538 of 1268 days"), "{table}");
    assert!(table.contains("67.9"), "{table}");
    let md = env.ok(&["award-calc", "--format", "markdown"]);
    assert!(md.contains("| lead-international:standard:6 |"), "{md}");
    assert!(md.contains("750000 yuan (75 x 10k yuan)"), "{md}");
    // CSV: one table, the section first; a script picks the targets' rows and reads by name.
    let csv = env.ok(&["quarterly-report", "--quarter", "2014Q4", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let filings = rows.iter().find(|r| &r[0] == "targets" && &r[at("code")] == "enterprise-filings").unwrap();
    let got: Vec<&str> = [
        "actual",
        "in_quarter",
        "target_min",
        "expected",
        "needed_now",
        "projected",
        "percent",
        "status",
        "target_max",
        "stretch_met",
    ]
    .iter()
    .map(|c| &filings[at(c)])
    .collect();
    assert_eq!(got, ["10", "3", "160", "113.9", "114", "14", "6.3", "behind", "", "false"]);
    let sections: std::collections::BTreeSet<&str> = rows.iter().map(|r| &r[0]).collect();
    for s in ["headline", "targets", "activity", "milestones", "meetings"] {
        assert!(sections.contains(s), "section {s} missing from the CSV: {sections:?}");
    }
}
