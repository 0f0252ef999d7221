use super::Ctx;
use anyhow::{Result, bail};
pub fn run(_a: crate::cli::ImportArgs, _ctx: &Ctx) -> Result<()> {
    bail!("not built yet")
}
