//! `stdtrack annual-report --year Y`: the yearly summary for the leading group, built from
//! the same inputs as the quarterly report, so its figures are the sum of its quarters'.

use anyhow::Result;

use super::Ctx;
use super::award_calc::names;
use super::quarterly_report::Loaded;
use crate::cli::AnnualArgs;
use crate::core::report::annual_report;
use crate::error::{Msg, refuse};
use crate::render::reports::annual_doc;

pub fn run(a: AnnualArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("annual-report", super::REPORT_FORMATS)?;
    let (start, end) = super::year_arg("--year", a.year)?;
    if start > ctx.today {
        return Err(refuse(Msg::YearNotBegun { year: a.year, today: ctx.today }));
    }
    let mut store = ctx.open_read()?;
    let snapshot = store.snapshot()?;
    let read = snapshot.read();
    let loaded = Loaded::read(read, end.min(ctx.today))?;
    let budgets = read.budgets(a.year)?;
    let report = annual_report(&loaded.inputs(), &budgets, a.year, ctx.today).map_err(crate::error::overflow)?;
    let names = names(read)?;
    ctx.emit_doc("annual-report", &annual_doc(&report, &names, ctx.lang))
}
