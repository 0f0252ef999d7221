//! `stdtrack quarterly-report [--quarter 2013Q2|last|current]`: the leading group's report.

use anyhow::Result;

use super::Ctx;
use super::award_calc::names;
use crate::cli::QuarterArgs;
use crate::core::quarter::Quarter;
use crate::core::report::{QuarterInputs, quarterly_report};
use crate::error::{Msg, refuse};
use crate::render::reports::quarterly_doc;
use crate::store::ListFilter;

pub fn run(a: QuarterArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("quarterly-report", super::REPORT_FORMATS)?;
    let quarter =
        Quarter::parse(&a.quarter, ctx.today).map_err(|err| refuse(Msg::Quarter { field: "--quarter".into(), err }))?;
    if quarter.start() > ctx.today {
        return Err(refuse(Msg::QuarterNotBegun { quarter: quarter.to_string(), today: ctx.today }));
    }
    let mut store = ctx.open_read()?;
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
    let report = quarterly_report(&inputs, quarter, ctx.today).map_err(crate::error::overflow)?;
    let names = names(read)?;
    ctx.emit_doc("quarterly-report", &quarterly_doc(&report, &names, ctx.lang))
}
