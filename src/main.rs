//! Parse, resolve --db/--today/--lang, call `commands::run`, map errors to exit codes.

use std::process::ExitCode;

use chrono::{FixedOffset, Utc};
use clap::Parser;

use stdtrack::cli::Cli;
use stdtrack::commands::{self, Ctx, EXIT_USAGE, UsageError};
use stdtrack::core::ids;
use stdtrack::render::Lang;
use stdtrack::store::AuditCtx;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                // `stdtrack list filings | head`: the reader left; nothing is wrong.
                return ExitCode::SUCCESS;
            }
            eprintln!("stdtrack: {e:#}");
            ExitCode::from(if e.downcast_ref::<UsageError>().is_some() { EXIT_USAGE } else { 1 })
        }
    }
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

fn run(cli: Cli) -> anyhow::Result<u8> {
    let g = cli.global;
    // The clock is read here, once: China Standard Time, UTC+8.
    let now = Utc::now();
    let cst = FixedOffset::east_opt(8 * 3600).ok_or_else(|| anyhow::anyhow!("bad time zone offset"))?;
    let today = match &g.today {
        Some(t) => ids::parse_date(t).map_err(|e| anyhow::anyhow!("--today: {e}"))?,
        None => now.with_timezone(&cst).date_naive(),
    };
    let lang = Lang::resolve(g.lang.as_deref(), std::env::var("LANG").ok().as_deref()).map_err(anyhow::Error::msg)?;
    if g.excel && g.format != stdtrack::cli::Format::Csv {
        return Err(UsageError("--excel goes with --format csv".into()).into());
    }
    let ctx = Ctx {
        db: g.db,
        format: g.format,
        lang,
        today,
        out: g.out,
        excel: g.excel,
        // Audit times in China Standard Time, so `list audit --from/--to` dates are the office's.
        audit: AuditCtx {
            at: now.with_timezone(&cst).to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            os_user: os_user(),
            command: command_line(),
        },
    };
    commands::run(cli.command, &ctx)
}

fn os_user() -> String {
    whoami::username().ok().filter(|u| !u.is_empty()).unwrap_or_else(|| "unknown".to_string())
}

/// The command line as typed, arguments with spaces or quotes quoted, for the audit log.
fn command_line() -> String {
    std::env::args()
        .enumerate()
        .map(|(i, a)| {
            let a = if i == 0 { "stdtrack".to_string() } else { a };
            if a.is_empty() || a.contains([' ', '\'', '"', '\t', '\n']) {
                format!("'{}'", a.replace('\'', "'\\''"))
            } else {
                a
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
