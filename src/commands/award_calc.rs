use super::Ctx;
use anyhow::{Result, bail};
pub fn run(_a: crate::cli::AwardCalcArgs, _ctx: &Ctx) -> Result<()> {
    bail!("not built yet")
}
