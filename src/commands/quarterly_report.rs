//! `stdtrack quarterly-report [--quarter 2013Q2|last|current]`: the leading group's report.

use anyhow::{Result, anyhow, bail};

use super::Ctx;
use super::award_calc::names;
use crate::cli::{Format, QuarterArgs};
use crate::core::quarter::Quarter;
use crate::core::report::{QuarterInputs, quarterly_report};
use crate::render::reports::write_quarterly;
use crate::store::ListFilter;

pub fn run(a: QuarterArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("quarterly-report", &[Format::Table, Format::Json, Format::Csv, Format::Markdown])?;
    let quarter = Quarter::parse(&a.quarter, ctx.today).map_err(|e| anyhow!("--quarter: {e}"))?;
    if quarter.start() > ctx.today {
        bail!("--quarter {quarter} has not begun on {} (today); there is nothing to report yet", ctx.today);
    }
    let mut store = ctx.open()?;
    let snapshot = store.snapshot()?;
    let read = snapshot.read();
    let plan = read.plan()?;
    let funds: Vec<String> = read.funds()?.into_iter().map(|f| f.code).collect();
    let inputs = QuarterInputs {
        plan: &plan,
        targets: &read.targets(&plan.code)?,
        facts: &read.facts()?,
        milestones: &read.milestones()?,
        projects: &read.live_projects()?,
        rules: &read.rules()?,
        payments: &read.payments(&ListFilter::default())?,
        funds: &funds,
    };
    let report = quarterly_report(&inputs, quarter, ctx.today)?;
    let names = names(read)?;
    let style = ctx.style();
    ctx.emit(|out| write_quarterly(out, &report, &names, style))
}
