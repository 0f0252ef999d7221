//! `stdtrack completions SHELL` and `stdtrack man`: need no database.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

pub fn run(a: CompletionsArgs) -> Result<()> {
    let mut cmd = Cli::command();
    clap_complete::generate(a.shell, &mut cmd, "stdtrack", &mut std::io::stdout());
    Ok(())
}

/// `stdtrack man`: the manual page, made from the same clap definitions as --help.
pub fn man() -> Result<()> {
    let page = clap_mangen::Man::new(Cli::command());
    let mut out = Vec::new();
    page.render(&mut out)?;
    std::io::Write::write_all(&mut std::io::stdout().lock(), &out)?;
    Ok(())
}
