//! `stdtrack completions SHELL` and `stdtrack man`: need no database.

use std::io::Write;

use anyhow::Result;

use super::Ctx;
use crate::cli::CompletionsArgs;

pub fn run(a: CompletionsArgs, ctx: &Ctx) -> Result<()> {
    let mut cmd = crate::cli::command(ctx.lang);
    // Made in memory first: clap_complete panics on an output it cannot write.
    let mut out = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "stdtrack", &mut out);
    write_stdout(&out)
}

/// `stdtrack man`: the manual page, made from the same clap definitions as --help.
pub fn man(ctx: &Ctx) -> Result<()> {
    let page = clap_mangen::Man::new(crate::cli::command(ctx.lang));
    let mut out = Vec::new();
    page.render(&mut out)?;
    write_stdout(&out)
}

/// A completion script or a man page cut short is no script at all: any failure to write it,
/// a closed pipe included, is exit 1 (issue 7), unlike a list a reader stops reading.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|e| crate::error::refuse(crate::error::Msg::StdoutFailed { detail: e.into() }))
}
