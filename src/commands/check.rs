use anyhow::Result;
pub fn run(_ctx: &super::Ctx) -> Result<()> {
    Ok(())
}
