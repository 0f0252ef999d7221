use anyhow::Result;
pub fn run(_a: crate::cli::UndoImportArgs, _ctx: &super::Ctx) -> Result<()> {
    Ok(())
}
