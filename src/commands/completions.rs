//! `stdtrack completions SHELL`: a completion script; needs no database.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

pub fn run(a: CompletionsArgs) -> Result<()> {
    let mut cmd = Cli::command();
    clap_complete::generate(a.shell, &mut cmd, "stdtrack", &mut std::io::stdout());
    Ok(())
}
