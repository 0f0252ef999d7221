//! Parse, resolve --db/--today/--lang, call `commands::run`, and turn the outcome into one
//! message on stderr and the exit code its kind decides (`error::Kind::exit_code`).

use std::io::Write;
use std::process::ExitCode;

use chrono::{FixedOffset, Utc};
use clap::FromArgMatches;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use stdtrack::cli::Cli;
use stdtrack::commands::{self, Ctx};
use stdtrack::core::ids;
use stdtrack::error::{Kind, Msg, V, problem_of, refuse, usage};
use stdtrack::render::{Lang, messages};
use stdtrack::store::AuditCtx;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language is needed before parsing, for the help pages and clap's own errors.
    let lang = Lang::resolve(lang_arg(&args).as_deref(), &env_lang).unwrap_or(Lang::Zh);
    let matches = stdtrack::cli::command(lang).try_get_matches_from(&args);
    let cli = match matches.and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e, lang),
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err((e, lang)) => report(&e, lang),
    }
}

/// The environment variable, if set and not empty.
fn env_lang(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// `--lang X` or `--lang=X` as typed (the last one, as clap takes it), before clap has
/// parsed anything.
fn lang_arg(args: &[std::ffi::OsString]) -> Option<String> {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    let mut found = None;
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            found = it.next().map(|v| v.into_owned());
        } else if let Some(v) = a.strip_prefix("--lang=") {
            found = Some(v.to_string());
        }
    }
    found
}

/// Help and version go to stdout (exit 0); usage errors to stderr (exit 2), in Chinese when
/// that is the reader's language.
fn clap_exit(e: &clap::Error, lang: Lang) -> ExitCode {
    if !e.use_stderr() {
        // Help or the version, which a full disk or a closed pipe can still refuse.
        use std::io::IsTerminal;
        let text = if std::io::stdout().is_terminal() { e.render().ansi().to_string() } else { e.render().to_string() };
        let printed = std::io::stdout().lock().write_all(text.as_bytes());
        return if printed.is_ok() { ExitCode::SUCCESS } else { ExitCode::from(1) };
    }
    let text = match lang {
        Lang::Zh => clap_error_zh(e),
        Lang::En => e.render().to_string(),
    };
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    if !text.ends_with('\n') {
        let _ = err.write_all(b"\n");
    }
    ExitCode::from(Kind::Usage.exit_code())
}

/// clap's usage errors, said in Chinese (clap has no translations of its own).
fn clap_error_zh(e: &clap::Error) -> String {
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join("、"),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = ctx(ContextKind::InvalidArg);
    let value = ctx(ContextKind::InvalidValue);
    let valid = ctx(ContextKind::ValidValue);
    let suggested = ctx(ContextKind::SuggestedArg) + &ctx(ContextKind::SuggestedSubcommand);
    let mut line = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} 需要一个值"),
        ErrorKind::InvalidValue => format!("{arg} 的值「{value}」不可用；可用的值：{valid}"),
        ErrorKind::UnknownArgument => format!("不认识的选项「{arg}」"),
        ErrorKind::InvalidSubcommand => format!("不认识的命令「{}」", ctx(ContextKind::InvalidSubcommand)),
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "请给出一个命令，如 stdtrack progress".to_string()
        }
        ErrorKind::ArgumentConflict => {
            let other = ctx(ContextKind::PriorArg);
            format!("{arg} 不能与 {other} 同时使用")
        }
        ErrorKind::NoEquals => format!("{arg} 的值需要用 = 连接"),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => format!("{arg} 的值个数不对"),
        ErrorKind::ValueValidation => format!("{arg} 的值「{value}」不可用"),
        _ => format!("命令行有误：{}", e.render().to_string().lines().next().unwrap_or_default()),
    };
    if !suggested.is_empty() {
        line.push_str(&format!("；您是不是要用「{suggested}」？"));
    }
    format!("stdtrack：{line}\n运行 `stdtrack --help`（或 `stdtrack 命令 --help`）查看用法。\n")
}

/// Prints the failure as one sentence and returns the exit code its kind decides.
fn report(e: &anyhow::Error, lang: Lang) -> ExitCode {
    let (kind, text) = match problem_of(e) {
        Some(p) => (p.kind, messages::text(&p.msg, lang)),
        // `stdtrack list filings | head`: the reader left; nothing is wrong.
        None if is_broken_pipe(e) => return ExitCode::SUCCESS,
        None => (Kind::Internal, messages::text(&Msg::Internal { detail: format!("{e:#}") }, lang)),
    };
    let line = format!("{}{text}\n", messages::error_prefix(lang));
    // A stderr that cannot be written changes nothing: the exit code still tells.
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
    ExitCode::from(kind.exit_code())
}

/// The reader of our output went away: the error may come wrapped by the CSV or JSON writer.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe))
            || c.downcast_ref::<serde_json::Error>().is_some_and(|e| e.io_error_kind() == Some(BrokenPipe))
    })
}

fn run(cli: Cli) -> Result<u8, (anyhow::Error, Lang)> {
    let g = cli.global;
    let lang = match Lang::resolve(g.lang.as_deref(), &env_lang) {
        Ok(l) => l,
        Err(value) => return Err((usage(Msg::Lang { value: V::from(value) }), Lang::Zh)),
    };
    let fail = |e: anyhow::Error| (e, lang);
    // The clock is read here, once: China Standard Time, UTC+8.
    let now = Utc::now();
    let cst = FixedOffset::east_opt(8 * 3600).ok_or_else(|| fail(anyhow::anyhow!("bad time zone offset")))?;
    let today = match &g.today {
        Some(t) => ids::parse_date(t)
            .map_err(|err| fail(refuse(Msg::Date { field: "--today".into(), value: V::from(t.as_str()), err })))?,
        None => now.with_timezone(&cst).date_naive(),
    };
    if g.excel && g.format != stdtrack::cli::Format::Csv {
        return Err(fail(usage(Msg::ExcelNeedsCsv)));
    }
    let width = table_width(g.out.is_some());
    let ctx = Ctx {
        db: g.db,
        format: g.format,
        lang,
        today,
        out: g.out,
        excel: g.excel,
        width,
        // Audit times in China Standard Time, so `list audit --from/--to` dates are the office's.
        audit: AuditCtx {
            at: now.with_timezone(&cst).to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            os_user: os_user(),
            command: command_line(),
        },
    };
    commands::run(cli.command, &ctx).map_err(fail)
}

/// How wide terminal tables may be: `COLUMNS` when set, the terminal's own width when
/// standard output is a terminal (0), else no limit (a file or a pipe gets whole lines).
fn table_width(to_file: bool) -> Option<u16> {
    use std::io::IsTerminal;
    if to_file {
        return None;
    }
    if let Some(cols) = env_lang("COLUMNS").and_then(|c| c.trim().parse::<u16>().ok()).filter(|c| *c >= 20) {
        return Some(cols);
    }
    std::io::stdout().is_terminal().then_some(0)
}

fn os_user() -> String {
    whoami::username().ok().filter(|u| !u.is_empty()).unwrap_or_else(|| "unknown".to_string())
}

/// The command line as typed, arguments with spaces or quotes quoted, for the audit log.
fn command_line() -> String {
    std::env::args_os()
        .enumerate()
        .map(|(i, a)| {
            let a = if i == 0 { "stdtrack".to_string() } else { a.to_string_lossy().into_owned() };
            if a.is_empty() || a.contains([' ', '\'', '"', '\t', '\n']) {
                format!("'{}'", a.replace('\'', "'\\''"))
            } else {
                a
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
