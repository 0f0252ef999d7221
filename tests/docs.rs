//! The reference in docs/reference.md is checked against the clap definitions, so it cannot
//! drift: the part between the GENERATED markers is made here from `cli::command`, and this
//! test fails when the file differs. `STDTRACK_BLESS=1 cargo test --test docs` rewrites it.
//! The README and docs/ never send a reader outside the project.

use std::fs;

use stdtrack::cli::{command, formats_of};
use stdtrack::render::Lang;

const BEGIN: &str = "<!-- BEGIN GENERATED from the clap definitions by tests/docs.rs; STDTRACK_BLESS=1 cargo test --test docs rewrites it -->";
const END: &str = "<!-- END GENERATED -->";

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn arg_rows(cmd: &clap::Command, global: bool) -> Vec<String> {
    let mut rows = Vec::new();
    for a in cmd.get_arguments() {
        let id = a.get_id().as_str();
        if matches!(id, "help" | "version") || a.is_global_set() != global || a.is_hide_set() {
            continue;
        }
        let name = match a.get_long() {
            Some(l) => format!("`--{l}`"),
            None => format!(
                "`{}`",
                a.get_value_names().and_then(|v| v.first()).map_or(id.to_uppercase(), |v| v.to_string())
            ),
        };
        let takes = a.get_num_args().is_some_and(|n| n.takes_values());
        let value = if a.get_long().is_some() && takes {
            a.get_value_names().and_then(|v| v.first()).map_or(String::new(), |v| format!("`{v}`"))
        } else {
            String::new()
        };
        let mut help = a.get_long_help().or(a.get_help()).map(|h| h.to_string()).unwrap_or_default();
        if !help.is_empty() && !help.ends_with(['.', ')', '。']) {
            help.push('.');
        }
        let defaults: Vec<String> = a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
        if !defaults.is_empty() && takes {
            help.push_str(&format!(" Default: `{}`.", defaults.join(",")));
        }
        if let Some(env) = a.get_env() {
            help.push_str(&format!(" Environment: `{}`.", env.to_string_lossy()));
        }
        let required = if a.is_required_set() { "yes" } else { "" };
        rows.push(format!("| {name} | {value} | {required} | {} |", cell(help.trim())));
    }
    rows
}

/// The generated part: global options, then every command with its arguments and formats.
fn generated() -> String {
    let mut root = command(Lang::En);
    let mut out = String::new();
    out.push_str("### Global options\n\nAccepted before or after any command.\n\n");
    out.push_str("| option | value | required | meaning |\n|---|---|---|---|\n");
    for r in arg_rows(&root, true) {
        out.push_str(&r);
        out.push('\n');
    }
    let mut subs: Vec<(usize, String)> = root
        .get_subcommands()
        .map(|s| (s.get_display_order(), s.get_name().to_string()))
        .filter(|(_, n)| n != "help")
        .collect();
    subs.sort();
    let names: Vec<String> = subs.into_iter().map(|(_, n)| n).collect();
    out.push_str("\n### Commands\n\n");
    for n in &names {
        out.push_str(&format!("- [`{n}`](#stdtrack-{n})\n"));
    }
    for n in &names {
        let sc = root.find_subcommand_mut(n).expect("subcommand");
        let about = sc.get_long_about().or(sc.get_about()).map(|s| s.to_string()).unwrap_or_default();
        let usage = sc.render_usage().to_string();
        let usage = usage.trim().trim_start_matches("Usage:").trim().to_string();
        out.push_str(&format!("\n### stdtrack {n}\n\n{}\n\n```\n{usage}\n```\n", about.trim()));
        let rows = arg_rows(sc, false);
        if !rows.is_empty() {
            out.push_str("\n| argument | value | required | meaning |\n|---|---|---|---|\n");
            for r in rows {
                out.push_str(&r);
                out.push('\n');
            }
        }
        let formats: Vec<&str> = formats_of(n).iter().map(|f| f.as_str()).collect();
        if !formats.is_empty() {
            out.push_str(&format!("\nFormats: {}.\n", formats.join(", ")));
        }
    }
    out
}

#[test]
fn the_reference_matches_the_clap_definitions() {
    let path = "docs/reference.md";
    let text = fs::read_to_string(path).expect("docs/reference.md");
    let (head, rest) = text.split_once(BEGIN).expect("the BEGIN marker");
    let (_, tail) = rest.split_once(END).expect("the END marker");
    let fresh = format!("{head}{BEGIN}\n\n{}\n{END}{tail}", generated());
    if std::env::var_os("STDTRACK_BLESS").is_some() {
        fs::write(path, &fresh).unwrap();
        return;
    }
    assert!(
        fresh == text,
        "docs/reference.md is out of date with the clap definitions: run STDTRACK_BLESS=1 cargo test --test docs"
    );
}

const MSG_BEGIN: &str = "<!-- BEGIN GENERATED 提示一览 from src/render/messages/examples.rs by tests/docs.rs -->";
const MSG_END: &str = "<!-- END GENERATED -->";

/// Every message the tool can give, in Chinese, as the manual lists them.
fn messages_list() -> String {
    let mut seen = std::collections::BTreeSet::new();
    let mut out = String::new();
    for m in stdtrack::render::messages::examples::examples() {
        let text = stdtrack::render::messages::text(&m, Lang::Zh);
        if seen.insert(text.clone()) {
            out.push_str(&format!("- {}\n", text.replace('\n', " ")));
        }
    }
    out
}

#[test]
fn the_manual_lists_every_message() {
    let path = "docs/使用手册.md";
    let text = fs::read_to_string(path).expect(path);
    let (head, rest) = text.split_once(MSG_BEGIN).expect("the BEGIN marker");
    let (_, tail) = rest.split_once(MSG_END).expect("the END marker");
    let fresh = format!("{head}{MSG_BEGIN}\n\n{}\n{MSG_END}{tail}", messages_list());
    if std::env::var_os("STDTRACK_BLESS").is_some() {
        fs::write(path, &fresh).unwrap();
        return;
    }
    assert!(fresh == text, "the manual's list of messages is out of date: run STDTRACK_BLESS=1 cargo test --test docs");
}

#[test]
fn the_docs_never_send_a_reader_outside_the_project() {
    for f in ["README.md", "docs/reference.md", "docs/使用手册.md", "docs/domain.md"] {
        let text = fs::read_to_string(f).unwrap_or_else(|_| panic!("{f} is missing"));
        assert!(!text.contains("../shared"), "{f} points to ../shared");
    }
}
