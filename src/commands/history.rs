use anyhow::Result;
pub fn run(_a: crate::cli::HistoryArgs, _ctx: &super::Ctx) -> Result<()> {
    Ok(())
}
