//! `stdtrack progress [--as-of DATE]`: where each target stands.

use anyhow::Result;

use super::{Ctx, opt_date_arg};
use crate::cli::ProgressArgs;
use crate::core::report::progress_report;
use crate::render::reports::progress_doc;

pub fn run(a: ProgressArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("progress", super::REPORT_FORMATS)?;
    let as_of = opt_date_arg("--as-of", a.as_of.as_ref())?.unwrap_or(ctx.today);
    let mut store = ctx.open_read()?;
    let snapshot = store.snapshot()?;
    let read = snapshot.read();
    let plan = read.plan()?;
    let report = progress_report(&plan, &read.targets(&plan.code)?, &read.facts()?, &read.milestones()?, as_of)
        .map_err(crate::error::overflow)?;
    ctx.emit_doc("progress", &progress_doc(&report, ctx.lang))
}
