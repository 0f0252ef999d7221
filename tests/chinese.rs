//! Issue 8: Chinese first. Every refusal in the clerk's language (Chinese unless the first
//! locale setting says English), help in both languages, Chinese words accepted wherever an
//! option takes a word, and values in tables shown in the reader's language.

mod common;

use std::process::Command as Std;

use common::{Env, TODAY};
use serde_json::Value;

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// The binary with the environment cleared and no --lang: the default language applies.
fn bare(env: &Env, vars: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut c = Std::new(env!("CARGO_BIN_EXE_stdtrack"));
    c.env_clear().current_dir(env.dir.path()).args(["--db", env.db.to_str().unwrap(), "--today", TODAY]);
    for (k, v) in vars {
        c.env(k, v);
    }
    c.args(args).output().unwrap()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn chinese_unless_the_first_locale_setting_says_english() {
    let env = Env::new();
    let refused = ["add-unit", "--name", " "];
    let o = bare(&env, &[], &refused);
    assert_eq!(o.status.code(), Some(1));
    assert!(has_cjk(&stderr(&o)), "nothing set: Chinese: {}", stderr(&o));
    for (vars, chinese) in [
        (vec![("LANG", "C")], true),
        (vec![("LANG", "POSIX")], true),
        (vec![("LANG", "zh_CN.UTF-8")], true),
        (vec![("LANG", "en_US.UTF-8")], false),
        (vec![("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")], true),
        (vec![("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_GB")], false),
        (vec![("STDTRACK_LANG", "en"), ("LANG", "zh_CN.UTF-8")], false),
        (vec![("STDTRACK_LANG", "zh"), ("LANG", "en_US")], true),
    ] {
        let o = bare(&env, &vars, &refused);
        assert_eq!(has_cjk(&stderr(&o)), chinese, "{vars:?}: {}", stderr(&o));
    }
    let o = bare(&env, &[("LANG", "en_US")], &["--lang", "zh", "add-unit", "--name", " "]);
    assert!(has_cjk(&stderr(&o)), "--lang wins");
    // A language outside the fixed set is a usage error, from the flag or the environment.
    assert_eq!(bare(&env, &[], &["--lang", "cn", "list", "units"]).status.code(), Some(2));
    assert_eq!(bare(&env, &[("STDTRACK_LANG", "fr")], &["list", "units"]).status.code(), Some(2));
}

#[test]
fn refusals_are_chinese_with_lang_zh_and_english_with_lang_en() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "重庆某铝业有限公司", "--uscc", "91110000600037341L"]);
    let cases: &[&[&str]] = &[
        &["add-unit", "--name", "x", "--uscc", "123"],
        &["add-unit", "--name", "重庆某铝业有限公司"],
        &[
            "add-filing",
            "--unit",
            "重庆某",
            "--number",
            "Q/JLP 1-2013",
            "--title",
            "t",
            "--filing-no",
            "1",
            "--filed",
            "2013-13-01",
        ],
        &["add-standard", "--number", "GB/T 1-2013", "--title", "t", "--action", "formulate", "--status", "published"],
        &["record-payment", "nothing:award:1", "--paid", "2014-01-01"],
        &["quarterly-report", "--quarter", "2014Q5"],
        &["void", "award", "99", "--reason", "x"],
        &["set-rule", "lead-national", "--amount", "abc", "--from", "2016-01-01"],
        &["award-calc", "--year", "99999"],
        &["list", "units", "--from", "2014-13-01"],
    ];
    // A word outside an option's fixed set is a usage error (2), as clap's own are.
    let usage: &[&[&str]] = &[
        &["add-standard", "--title", "t", "--action", "make"],
        &["add-award", "--unit", "1", "--kind", "gold", "--awarded", "2014-01-01"],
        &["add-committee", "--unit", "1", "--committee", "SAC/TC 1", "--role", "boss", "--since", "2014-01-01"],
    ];
    let all = cases.iter().map(|a| (*a, 1)).chain(usage.iter().map(|a| (*a, 2)));
    for (args, code) in all {
        let zh = env.fails(&[&["--lang", "zh"][..], args].concat(), code);
        let en = env.fails(args, code);
        assert!(has_cjk(&zh) && zh.starts_with("stdtrack："), "{args:?} in Chinese: {zh}");
        assert!(!en.starts_with("stdtrack：") && en.contains(' '), "{args:?} in English: {en}");
        assert_eq!(zh.lines().count(), 1, "one sentence: {zh}");
    }
}

#[test]
fn help_is_chinese_by_default_and_english_on_request() {
    let env = Env::empty();
    let top = String::from_utf8(bare(&env, &[], &["--help"]).stdout).unwrap();
    assert!(top.contains("用法") && top.contains("全局选项") && top.contains("示例"), "{top}");
    let cmd = String::from_utf8(bare(&env, &[], &["add-filing", "--help"]).stdout).unwrap();
    assert!(cmd.contains("备案日期") && cmd.contains("全局选项"), "{cmd}");
    let en = String::from_utf8(bare(&env, &[], &["--lang", "en", "add-filing", "--help"]).stdout).unwrap();
    assert!(
        en.contains("Usage")
            && en.contains("Global options")
            && !has_cjk(&en.replace("年", "").replace("月", "").replace("日", ""))
            || en.contains("Examples"),
        "{en}"
    );
}

#[test]
fn chinese_and_english_words_give_identical_records() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲公司", "--kind", "企业"]);
    env.ok(&["add-unit", "--name", "乙公司", "--kind", "enterprise"]);
    let pairs: &[(&[&str], &[&str])] = &[
        (
            &[
                "add-standard",
                "--number",
                "GB/T 30001-2013",
                "--title",
                "a",
                "--action",
                "制定",
                "--status",
                "已发布",
                "--published",
                "2013-03-01",
                "--lead",
                "1",
                "--level",
                "国家标准",
            ],
            &[
                "add-standard",
                "--number",
                "GB/T 30002-2013",
                "--title",
                "a",
                "--action",
                "formulate",
                "--status",
                "published",
                "--published",
                "2013-03-01",
                "--lead",
                "1",
                "--level",
                "national",
            ],
        ),
        (
            &["add-award", "--unit", "1", "--kind", "重庆市标准创新贡献奖", "--awarded", "2014-06-30"],
            // Unit 2: the same award to the same unit on the same day is refused as a duplicate.
            &["add-award", "--unit", "2", "--kind", "cq-innovation", "--awarded", "2014-06-30"],
        ),
        (
            &["add-committee", "--unit", "1", "--committee", "SAC/TC 1", "--role", "秘书处", "--since", "2014-01-01"],
            &[
                "add-committee",
                "--unit",
                "1",
                "--committee",
                "SAC/TC 1",
                "--role",
                "secretariat",
                "--since",
                "2014-01-01",
            ],
        ),
        (
            &[
                "add-review",
                "--unit",
                "1",
                "--number",
                "Q/A 1-2013",
                "--reviewed",
                "2014-01-01",
                "--outcome",
                "继续有效",
            ],
            &[
                "add-review",
                "--unit",
                "2",
                "--number",
                "Q/A 1-2013",
                "--reviewed",
                "2014-01-01",
                "--outcome",
                "confirm",
            ],
        ),
        (
            &["set-milestone", "info-platform", "--status", "已完成", "--done", "2013-03-01"],
            &["set-milestone", "info-platform", "--status", "done", "--done", "2013-03-01"],
        ),
    ];
    let strip = |mut v: Value| {
        if let Some(o) = v.as_object_mut() {
            for k in ["id", "number", "unit", "unit_id"] {
                o.remove(k);
            }
        }
        v
    };
    for (zh, en) in pairs {
        assert_eq!(strip(env.json(zh)), strip(env.json(en)), "{zh:?}");
    }
    // Quarters in Chinese.
    assert_eq!(
        env.json(&["quarterly-report", "--quarter", "2014年第四季度"]),
        env.json(&["quarterly-report", "--quarter", "2014Q4"])
    );
    assert_eq!(env.json(&["quarterly-report", "--quarter", "2014年4季度"])["quarter"], "2014Q4");
}

#[test]
fn tables_show_values_in_the_readers_language() {
    let env = Env::new();
    env.ok(&["add-unit", "--name", "甲公司"]);
    env.ok(&[
        "add-standard",
        "--number",
        "GB/T 30001-2013",
        "--title",
        "a",
        "--action",
        "revise",
        "--published",
        "2013-03-01",
        "--lead",
        "1",
    ]);
    env.ok(&["add-committee", "--unit", "1", "--committee", "SAC/TC 1", "--role", "convenor", "--since", "2014-01-01"]);
    let table = env.ok(&["--lang", "zh", "list", "standards"]);
    for w in ["国家标准", "修订", "已发布"] {
        assert!(table.contains(w), "{w}: {table}");
    }
    for w in ["national", "revise", "published"] {
        assert!(!table.contains(w), "{w} in English: {table}");
    }
    assert!(env.ok(&["--lang", "zh", "list", "committees"]).contains("召集人"));
    assert!(env.ok(&["--lang", "zh", "list", "units"]).contains("企业"));
    let audit = env.ok(&["--lang", "zh", "list", "audit", "--format", "markdown"]);
    assert!(audit.contains("| 操作 |") && audit.contains("新增"), "{audit}");
    assert!(!audit.contains("制定/修订"), "{audit}");
    // JSON keeps the codes for scripts.
    assert_eq!(env.json(&["--lang", "zh", "list", "standards"])[0]["action"], "revise");
}
