//! The command line parses as clerks type it, and its help is complete in both languages.

use clap::Parser;

use super::*;

fn parse(line: &str) -> Cli {
    match Cli::try_parse_from(line.split_whitespace()) {
        Ok(cli) => cli,
        Err(e) => panic!("{line}: {e}"),
    }
}

#[test]
fn record_kinds_take_chinese_words() {
    let list = |line: &str| match parse(line).command {
        Command::List(a) => a.kind,
        other => panic!("{line}: parsed as {other:?}"),
    };
    let words = [
        ("单位", ListKind::Units),
        ("标准", ListKind::Standards),
        ("备案", ListKind::Filings),
        ("复审", ListKind::Reviews),
        ("获奖", ListKind::Awards),
        ("项目", ListKind::Projects),
        ("委员会", ListKind::Committees),
        ("会议", ListKind::Meetings),
        ("任务", ListKind::Milestones),
        ("付款", ListKind::Payments),
        ("指标", ListKind::Targets),
        ("规则", ListKind::Rules),
        ("审计", ListKind::Audit),
        ("日志", ListKind::Audit),
        ("filings", ListKind::Filings),
    ];
    for (word, kind) in words {
        assert_eq!(list(&format!("stdtrack list {word}")), kind, "{word}");
    }

    let void = |line: &str| match parse(line).command {
        Command::Void(a) => a.kind,
        other => panic!("{line}: parsed as {other:?}"),
    };
    let words = [
        ("标准", VoidKind::Standard),
        ("备案", VoidKind::Filing),
        ("复审", VoidKind::Review),
        ("获奖", VoidKind::Award),
        ("项目", VoidKind::Project),
        ("委员会", VoidKind::Committee),
        ("会议", VoidKind::Meeting),
        ("award", VoidKind::Award),
    ];
    for (word, kind) in words {
        assert_eq!(void(&format!("stdtrack void {word} 3 --reason 重复录入")), kind, "{word}");
    }

    let import = |line: &str| match parse(line).command {
        Command::Import(a) => a.kind,
        other => panic!("{line}: parsed as {other:?}"),
    };
    for (word, kind) in [("备案", ImportKind::Filings), ("复审", ImportKind::Reviews), ("单位", ImportKind::Units)]
    {
        assert_eq!(import(&format!("stdtrack import {word} 备案登记表.csv")), kind, "{word}");
    }
}

#[test]
fn format_values_stay_english() {
    assert!(Cli::try_parse_from(["stdtrack", "list", "备案", "--format", "表格"]).is_err());
    assert_eq!(parse("stdtrack list 备案 --format csv").global.format, Format::Csv);
}
