use anyhow::Result;
pub fn run(_a: crate::cli::MergeUnitsArgs, _ctx: &super::Ctx) -> Result<()> {
    Ok(())
}
