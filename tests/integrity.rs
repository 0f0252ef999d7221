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

/// Writes behind the tool's back, as a hand edit or an old release could have.
fn sql(env: &Env, statements: &str) {
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch(statements).unwrap();
}

#[test]
fn stored_amounts_too_large_to_add_up_stop_the_report_instead_of_wrapping() {
    let env = one_entitlement();
    // Two payments of i64::MAX/2+1: each fits, their sum does not (a wrapping sum gave a
    // negative total; debug builds panicked with exit 101).
    let half = i64::MAX / 2 + 1;
    sql(
        &env,
        &format!(
            "INSERT INTO payment (key, unit_id, amount_yuan, paid_on) VALUES
             ('unknown:project:1', 1, {half}, '2013-05-01'), ('unknown:project:2', 1, {half}, '2013-05-02');"
        ),
    );
    for args in [&["quarterly-report", "--quarter", "2013Q2"][..], &["award-calc"], &["award-calc", "--year", "2013"]] {
        let e = env.fails(args, 1);
        assert!(e.contains("too large to add up") && e.contains("stdtrack check"), "{args:?}: {e}");
    }
    // On one key the net paid itself does not fit: no payment can be checked against it.
    sql(
        &env,
        &format!(
            "INSERT INTO payment (key, unit_id, amount_yuan, paid_on) VALUES
         ('{KEY}', 1, {half}, '2013-05-01'), ('{KEY}', 1, {half}, '2013-05-02');"
        ),
    );
    let before = raw_payments(&env);
    for amount in ["-1", "1"] {
        let e = env.fails(&["record-payment", KEY, "--paid", "2013-06-01", "--amount", amount], 1);
        assert!(e.contains("too large to add up"), "{amount}: {e}");
    }
    let e = env.fails(&["record-payment", KEY, "--paid", "2013-06-01"], 1);
    assert!(e.contains("too large to add up"), "{e}");
    assert_eq!(raw_payments(&env), before);
}

/// The payment table as stored, read without the tool.
fn raw_payments(env: &Env) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let mut st = conn.prepare("SELECT key, amount_yuan FROM payment ORDER BY id").unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn stored_counts_too_large_to_add_up_stop_the_report_instead_of_wrapping() {
    let env = one_entitlement();
    let max = i64::MAX;
    sql(&env, &format!("INSERT INTO filing_day (day, n) VALUES ('2013-05-01', {max}), ('2013-05-02', {max});"));
    for args in [&["progress"][..], &["quarterly-report", "--quarter", "2013Q2"]] {
        let e = env.fails(args, 1);
        assert!(e.contains("too large to add up") && e.contains("stdtrack check"), "{args:?}: {e}");
    }
}

#[test]
fn years_and_times_out_of_range_are_refused() {
    let env = one_entitlement();
    for year in ["99999", "1899", "2101", "-1"] {
        let e = env.fails(&["award-calc", &format!("--year={year}")], 1);
        assert!(e.contains("--year") && e.contains("1900") && e.contains("2100"), "{year}: {e}");
    }
    let y = env.json(&["award-calc", "--year", "2013"]);
    assert_eq!(y["totals"]["amount_yuan"], 300000);
    assert_eq!((y["from"].as_str(), y["to"].as_str()), (Some("2013-01-01"), Some("2013-12-31")));
    env.json(&["award-calc", "--year", "2100"]);
    // A date with an impossible time is a slip somewhere in the value, not a date to keep.
    let e = env.fails(&["award-calc", "--from", "2013-05-01T25:00"], 1);
    assert!(e.contains("--from"), "{e}");
    let before = env.snapshot();
    let e = env.fails(&["add-meeting", "--held", "2013-05-01 12:60"], 1);
    assert!(e.contains("--held"), "{e}");
    assert_eq!(env.snapshot(), before);
    env.ok(&["add-meeting", "--held", "2013-05-01 23:59"]);
}

#[test]
fn a_negative_schema_version_is_not_a_stdtrack_database_and_no_panic() {
    // -1 reached the migration list as index usize::MAX: a panic, exit 101. SQLite keeps
    // user_version in 32 bits (i32::MIN is the lowest it holds; i64::MIN is stored as 0):
    // all of them must be refusals.
    for version in [-1, i64::from(i32::MIN), i64::MIN] {
        let env = Env::new();
        {
            let conn = rusqlite::Connection::open(&env.db).unwrap();
            conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
            conn.pragma_update(None, "user_version", version).unwrap();
        }
        let bytes = std::fs::read(&env.db).unwrap();
        for args in [&["list", "units"][..], &["progress"], &["add-unit", "--name", "x"], &["init"]] {
            let e = env.fails(args, 1);
            assert!(e.contains("is not a stdtrack database"), "{version} {args:?}: {e}");
        }
        assert_eq!(std::fs::read(&env.db).unwrap(), bytes, "{version}: the file was changed");
    }
}
