//! The command line parses as clerks type it, and its help is complete in both languages.

use clap::{CommandFactory, Parser};

use super::*;
use crate::render::Lang;

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
        ("付款", VoidKind::Payment),
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

// ----- help in both languages -----

/// The commands whose help must end with examples.
const MAIN_COMMANDS: &[&str] = &[
    "init",
    "add-unit",
    "update-unit",
    "add-standard",
    "update-standard",
    "add-filing",
    "add-review",
    "add-award",
    "add-project",
    "add-committee",
    "add-meeting",
    "set-milestone",
    "void",
    "update-filing",
    "update-review",
    "update-award",
    "update-project",
    "update-committee",
    "update-meeting",
    "undo-import",
    "merge-units",
    "history",
    "check",
    "list",
    "progress",
    "award-calc",
    "record-payment",
    "set-rule",
    "quarterly-report",
    "annual-report",
    "show",
    "due-reviews",
    "set-budget",
    "budget-plan",
    "set-plan",
    "import",
    "backup",
];

const LANGS: [Lang; 2] = [Lang::En, Lang::Zh];

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every command under `cmd`, itself first, with its path ("stdtrack help add-filing").
fn walk<'a>(cmd: &'a clap::Command, path: String, out: &mut Vec<(String, &'a clap::Command)>) {
    for sub in cmd.get_subcommands() {
        walk(sub, format!("{path} {}", sub.get_name()), out);
    }
    out.insert(0, (path, cmd));
}

fn commands(cmd: &clap::Command) -> Vec<(String, &clap::Command)> {
    let mut out = Vec::new();
    walk(cmd, "stdtrack".to_string(), &mut out);
    out
}

fn sub<'a>(cmd: &'a clap::Command, name: &str) -> &'a clap::Command {
    match cmd.find_subcommand(name) {
        Some(s) => s,
        None => panic!("no subcommand {name}"),
    }
}

/// What `stdtrack [NAME] --help` prints.
fn long_help(lang: Lang, name: Option<&str>) -> String {
    let mut args = vec!["stdtrack"];
    args.extend(name);
    args.push("--help");
    match command(lang).try_get_matches_from(&args) {
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => e.render().to_string(),
        Err(e) => panic!("{args:?}: {e}"),
        Ok(_) => panic!("{args:?} parsed"),
    }
}

fn text(s: Option<&clap::builder::StyledStr>) -> String {
    s.map(|s| s.to_string()).unwrap_or_default()
}

#[test]
fn every_command_and_argument_has_help_in_both_languages() {
    let en = command(Lang::En);
    let zh = command(Lang::Zh);
    let en_commands = commands(&en);
    let english = |path: &str| en_commands.iter().find(|(p, _)| p == path).map(|(_, c)| *c);
    let mut missing = Vec::new();
    for (lang, cmd) in [(Lang::En, &en), (Lang::Zh, &zh)] {
        for (path, c) in commands(cmd) {
            // The English help names Chinese terms too, so the Chinese must also differ from it.
            let en_c = english(&path);
            let about = text(c.get_about());
            if about.trim().is_empty() {
                missing.push(format!("{lang:?} {path}: no about"));
            } else if lang == Lang::Zh && (!has_cjk(&about) || en_c.is_some_and(|e| text(e.get_about()) == about)) {
                missing.push(format!("{lang:?} {path}: about not in Chinese: {about}"));
            }
            let long = text(c.get_long_about());
            if lang == Lang::Zh
                && !long.is_empty()
                && (!has_cjk(&long) || en_c.is_some_and(|e| text(e.get_long_about()) == long))
            {
                missing.push(format!("{lang:?} {path}: long_about not in Chinese: {long}"));
            }
            for arg in c.get_arguments() {
                let id = arg.get_id();
                let help = text(arg.get_help());
                let en_help =
                    en_c.and_then(|e| e.get_arguments().find(|a| a.get_id() == id)).map(|a| text(a.get_help()));
                if help.trim().is_empty() {
                    missing.push(format!("{lang:?} {path} {id}: no help"));
                } else if lang == Lang::Zh && (!has_cjk(&help) || en_help.as_deref() == Some(help.as_str())) {
                    missing.push(format!("{lang:?} {path} {id}: help not in Chinese: {help}"));
                }
                if lang == Lang::Zh && arg.get_long_help().is_some() {
                    missing.push(format!("{lang:?} {path} {id}: long help left in English"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "add the help (doc comments; zh.rs for Chinese):\n{}", missing.join("\n"));
}

#[test]
fn chinese_table_names_only_real_commands_and_arguments() {
    let cmd = Cli::command();
    let mut unknown = Vec::new();
    for help in zh::WORDS.commands_help {
        let c = if help.command.is_empty() { Some(&cmd) } else { cmd.find_subcommand(help.command) };
        let Some(c) = c else {
            unknown.push(format!("command '{}'", help.command));
            continue;
        };
        for (id, _) in help.args {
            if !c.get_arguments().any(|a| a.get_id() == id && !a.is_global_set()) {
                unknown.push(format!("{} argument '{id}'", help.command));
            }
        }
    }
    for (id, _) in zh::WORDS.global_args {
        if !cmd.get_arguments().any(|a| a.get_id() == id && a.is_global_set()) {
            unknown.push(format!("global argument '{id}'"));
        }
    }
    for table in [zh::WORDS.command_examples, en::EXAMPLES] {
        for (name, _) in table {
            if !name.is_empty() && cmd.find_subcommand(name).is_none() {
                unknown.push(format!("examples of '{name}'"));
            }
        }
    }
    assert!(unknown.is_empty(), "zh.rs/en.rs name what the command line lacks:\n{}", unknown.join("\n"));
}

#[test]
fn main_commands_end_with_examples_in_their_language() {
    for (lang, heading) in [(Lang::En, "Examples:"), (Lang::Zh, "示例:")] {
        let cmd = command(lang);
        for name in MAIN_COMMANDS {
            let after = sub(&cmd, name).get_after_help().map(|s| s.to_string()).unwrap_or_default();
            assert!(after.starts_with(heading), "{lang:?} {name}: {after}");
            assert!(after.contains(&format!("stdtrack {name}")), "{lang:?} {name}: {after}");
            let help = long_help(lang, Some(name));
            assert!(help.trim_end().ends_with(after.lines().last().unwrap_or_default()), "{lang:?} {name}:\n{help}");
            if lang == Lang::Zh {
                assert!(after.lines().filter(|l| l.trim_start().starts_with('#')).all(has_cjk), "{name}: {after}");
            }
        }
    }
}

/// Splits an example line as a shell would: words, "quoted words", and no `> file`.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    match words.iter().position(|w| w == ">") {
        Some(i) => words[..i].to_vec(),
        None => words,
    }
}

#[test]
fn examples_parse() {
    for (lang, table) in [(Lang::En, en::EXAMPLES), (Lang::Zh, zh::WORDS.command_examples)] {
        for (_, examples) in table {
            for (_, line) in *examples {
                let words = shell_words(line);
                assert_eq!(words.first().map(String::as_str), Some("stdtrack"), "{line}");
                match command(lang).try_get_matches_from(&words) {
                    Ok(m) => {
                        if let Err(e) = <Cli as clap::FromArgMatches>::from_arg_matches(&m) {
                            panic!("{line}: {e}");
                        }
                    }
                    Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => {}
                    Err(e) => panic!("{lang:?} example does not parse: {line}\n{e}"),
                }
            }
        }
    }
}

#[test]
fn chinese_help_states_what_clap_notes_would() {
    let cmd = command(Lang::Zh);
    let mut lacking = Vec::new();
    for (path, c) in commands(&cmd) {
        // A flag's default ("false") and values are never shown.
        for arg in c.get_arguments().filter(|a| a.get_action().takes_values()) {
            let help = arg.get_help().map(|s| s.to_string()).unwrap_or_default();
            let mut say = |what: String| {
                if !help.contains(&what) {
                    lacking.push(format!("{path} {}: says nothing of {what}", arg.get_id()));
                }
            };
            for d in arg.get_default_values() {
                say(d.to_string_lossy().into_owned());
                say("默认".to_string());
            }
            if let Some(env) = arg.get_env() {
                say(env.to_string_lossy().into_owned());
            }
            // Values hidden on purpose (--format: each command names its own) are not owed.
            let values = if arg.is_hide_possible_values_set() { Vec::new() } else { arg.get_possible_values() };
            for v in values.iter().filter(|v| !v.is_hide_set()) {
                say(v.get_name().to_string());
            }
        }
    }
    assert!(lacking.is_empty(), "the Chinese help hides clap's notes, so it must say them:\n{}", lacking.join("\n"));
}

#[test]
fn chinese_help_renders_in_chinese() {
    let top = long_help(Lang::Zh, None);
    for words in ["技术标准战略工作台账", "用法:", "命令:", "选项:", "全局选项:", "示例:", "登记一项企业标准备案"]
    {
        assert!(top.contains(words), "no {words} in:\n{top}");
    }
    assert!(top.contains("显示版本号") && top.contains("显示全部命令的说明"), "{top}");

    let filing = long_help(Lang::Zh, Some("add-filing"));
    for words in ["登记一项企业标准备案", "用法: stdtrack add-filing", "备案日期，如 2013-05-01", "全局选项:", "示例:"]
    {
        assert!(filing.contains(words), "no {words} in:\n{filing}");
    }
    // The command's own options first, then the global ones.
    let own = filing.find("\n选项:").unwrap_or(usize::MAX);
    let global = filing.find("全局选项:").unwrap_or(0);
    let unit = filing.find("\n      --unit").unwrap_or(usize::MAX);
    let db = filing.find("--db").unwrap_or(0);
    assert!(own < unit && unit < global && global < db, "{filing}");

    // No English clap words anywhere, in any command's help.
    let mut cmd = command(Lang::Zh);
    let mut helps = vec![cmd.render_long_help().to_string(), cmd.render_help().to_string()];
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        if let Some(s) = cmd.find_subcommand_mut(&name) {
            helps.push(s.render_long_help().to_string());
            helps.push(s.render_help().to_string());
        }
    }
    for help in helps {
        for english in [
            "Usage:",
            "Commands:",
            "Options:",
            "Arguments:",
            "Examples:",
            "Print help",
            "Print version",
            "Print this message",
            "[default:",
            "[env:",
            "[possible values:",
        ] {
            assert!(!help.contains(english), "'{english}' in:\n{help}");
        }
    }
}

#[test]
fn english_help_lists_global_options_apart() {
    let help = long_help(Lang::En, Some("add-unit"));
    let own = help.find("\nOptions:").unwrap_or(usize::MAX);
    let name = help.find("\n      --name").unwrap_or(usize::MAX);
    let global = help.find("Global options:").unwrap_or(0);
    let db = help.find("--db").unwrap_or(0);
    assert!(own < name && name < global && global < db, "{help}");
    assert!(help.contains("Examples:\n  # record an enterprise\n  stdtrack add-unit --name"), "{help}");
}

#[test]
fn clap_finds_nothing_wrong_in_either_language() {
    Cli::command().debug_assert();
    for lang in LANGS {
        command(lang).debug_assert();
    }
}

#[test]
fn the_chinese_command_parses_as_the_english_one() {
    let line = ["stdtrack", "--format", "json", "list", "备案", "--from", "2014-01-01"];
    for lang in LANGS {
        let m = match command(lang).try_get_matches_from(line) {
            Ok(m) => m,
            Err(e) => panic!("{lang:?}: {e}"),
        };
        let cli = match <Cli as clap::FromArgMatches>::from_arg_matches(&m) {
            Ok(cli) => cli,
            Err(e) => panic!("{lang:?}: {e}"),
        };
        assert_eq!(cli.global.format, Format::Json);
        match cli.command {
            Command::List(a) => {
                assert_eq!(a.kind, ListKind::Filings);
                assert_eq!(a.from.as_deref(), Some("2014-01-01"));
            }
            other => panic!("{other:?}"),
        }
    }
    // `help add-filing`, -h and -V still answer, in Chinese.
    let err = |args: &[&str]| match command(Lang::Zh).try_get_matches_from(args) {
        Ok(_) => panic!("{args:?} parsed"),
        Err(e) => e,
    };
    let e = err(&["stdtrack", "help", "add-filing"]);
    assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp);
    assert!(e.render().to_string().contains("登记一项企业标准备案"));
    let e = err(&["stdtrack", "add-filing", "-h"]);
    assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp);
    assert!(e.render().to_string().contains("备案号"));
    assert_eq!(err(&["stdtrack", "-V"]).kind(), clap::error::ErrorKind::DisplayVersion);
}

#[test]
fn completions_and_the_man_page_come_from_either_language() {
    for lang in LANGS {
        let mut cmd = command(lang);
        let mut script = Vec::new();
        clap_complete::generate(clap_complete::Shell::Bash, &mut cmd, "stdtrack", &mut script);
        let script = String::from_utf8_lossy(&script);
        assert!(script.contains("add-filing") && script.contains("--filing-no"), "{lang:?}");

        let mut page = Vec::new();
        if let Err(e) = clap_mangen::Man::new(command(lang)).render(&mut page) {
            panic!("{lang:?}: {e}");
        }
        let page = String::from_utf8_lossy(&page);
        let about = if lang == Lang::Zh { "技术标准战略工作台账" } else { "standards strategy" };
        assert!(page.contains(about), "{lang:?}:\n{page}");
    }
}
