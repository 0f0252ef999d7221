//! The per-day tables progress reads (filing_day, review_day) always agree with the rows.

mod common;

use common::Env;

fn agree(env: &Env) {
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    for (summary, rows) in [
        (
            "SELECT day, n FROM filing_day WHERE n > 0 ORDER BY day",
            "SELECT filed_on, count(*) FROM filing WHERE void_reason IS NULL GROUP BY filed_on ORDER BY filed_on",
        ),
        (
            "SELECT day, n FROM review_day WHERE n > 0 ORDER BY day",
            "SELECT reviewed_on, count(*) FROM review WHERE void_reason IS NULL GROUP BY reviewed_on ORDER BY reviewed_on",
        ),
    ] {
        let read = |sql: &str| -> Vec<(String, i64)> {
            let mut st = conn.prepare(sql).unwrap();
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
        };
        assert_eq!(read(summary), read(rows), "{summary}");
    }
}

#[test]
fn per_day_counts_follow_adds_and_voids() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲"]);
    for (i, day) in ["2013-01-05", "2013-01-05", "2013-02-01", "2014-03-03"].iter().enumerate() {
        let no = format!("F{i}");
        let number = format!("Q/JLP {i:03}-2013");
        env.ok(&[
            "add-filing",
            "--unit",
            "甲",
            "--number",
            &number,
            "--title",
            "t",
            "--filing-no",
            &no,
            "--filed",
            day,
        ]);
        env.ok(&["add-review", "--unit", "甲", "--number", &number, "--reviewed", day, "--outcome", "confirm"]);
    }
    agree(&env);
    let p = env.json(&["progress", "--as-of", "2015-12-31"]);
    assert_eq!(p["targets"][3]["actual"], 4);
    env.ok(&["void", "filing", "1", "--reason", "重复"]);
    env.ok(&["void", "review", "4", "--reason", "错录"]);
    env.fails(&["void", "filing", "1", "--reason", "again"], 1);
    agree(&env);
    let p = env.json(&["progress", "--as-of", "2015-12-31"]);
    assert_eq!(p["targets"][3]["actual"], 3, "a voided filing no longer counts");
    assert_eq!(p["targets"][4]["actual"], 3, "a voided review no longer counts");
}
