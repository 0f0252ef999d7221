//! Issue 7, "nothing may destroy or falsify the record", through the real binary: amounts
//! beyond any subsidy are refused, stored figures too large to add up stop a report rather
//! than print a wrong total, out-of-range years and schema versions are refusals (exit 1),
//! never a panic (exit 101).

mod common;

use common::Env;

/// One enterprise leading one national standard: `lead-national:standard:1`, 300000 yuan.
fn one_entitlement() -> Env {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲公司", "--uscc", "91110000600037341L"]);
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

#[test]
fn amounts_above_ten_billion_yuan_are_refused_with_their_own_message() {
    let env = one_entitlement();
    let before = env.snapshot();
    for amount in ["99999999999", "10000000001", "9223372036854775807", "-99999999999"] {
        let e = env.fails(&["record-payment", KEY, "--paid", "2013-06-01", "--amount", amount], 1);
        assert!(e.contains("--amount") && e.contains("more than 10,000,000,000 yuan"), "{amount}: {e}");
        let e = env.fails(&["set-rule", "lead-national", "--amount", amount, "--from", "2015-01-01"], 1);
        assert!(e.contains("--amount") && e.contains("more than 10,000,000,000 yuan"), "{amount}: {e}");
    }
    let e = env.fails(&["set-rule", "lead-national", "--amount", "99999999999", "--from", "2015-01-01"], 1);
    assert!(
        e.contains("--amount: 99999999999 is more than 10,000,000,000 yuan, the most one rule or payment may be"),
        "{e}"
    );
    // The old messages stand for what is not a whole number.
    let e = env.fails(&["record-payment", KEY, "--paid", "2013-06-01", "--amount", "3.5"], 1);
    assert!(e.contains("--amount: '3.5' is not a whole number of yuan (e.g. 300000, or -50000 for a refund)"), "{e}");
    let e = env.fails(&["set-rule", "lead-national", "--amount", "-5", "--from", "2015-01-01"], 1);
    assert!(e.contains("--amount: '-5' is not a whole number of yuan, 0 or more"), "{e}");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn amounts_are_read_as_clerks_type_them() {
    let env = one_entitlement();
    let p = env.json(&["record-payment", KEY, "--paid", "2013-06-01", "--amount", "１００，０００元"]);
    assert_eq!(p["amount_yuan"], 100000);
    let p = env.json(&["record-payment", KEY, "--paid", "2013-07-01", "--amount", "－２０，０００"]);
    assert_eq!(p["amount_yuan"], -20000);
    env.ok(&["set-rule", "lead-national", "--amount", "10,000,000,000", "--from", "2015-01-01"]);
    let rules = env.json(&["list", "rules"]);
    let latest = rules.as_array().unwrap().iter().rfind(|r| r["code"] == "lead-national").unwrap().clone();
    assert_eq!(
        (latest["amount_yuan"].as_i64(), latest["effective_from"].as_str()),
        (Some(10_000_000_000), Some("2015-01-01"))
    );
}
