//! `stdtrack quarterly-report [--quarter 2013Q2|last|current] [--finalize [--reason R]]
//! [--recompute]`: the leading group's report. A finalized quarter shows the figures as
//! submitted and what today's records would change in them (`finalize`).

use anyhow::Result;

use super::{Ctx, finalize, opt_text_arg};
use crate::cli::QuarterArgs;
use crate::core::quarter::Quarter;
use crate::error::{Msg, refuse};

pub fn run(a: QuarterArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("quarterly-report", super::REPORT_FORMATS)?;
    let quarter =
        Quarter::parse(&a.quarter, ctx.today).map_err(|err| refuse(Msg::Quarter { field: "--quarter".into(), err }))?;
    if quarter.start() > ctx.today {
        return Err(refuse(Msg::QuarterNotBegun { quarter: quarter.to_string(), today: ctx.today }));
    }
    if a.finalize {
        let reason = opt_text_arg("--reason", a.reason.as_ref())?;
        return finalize::finalize(quarter, reason, ctx);
    }
    let mut store = ctx.open_read()?;
    let snapshot = store.snapshot()?;
    let doc = finalize::show(snapshot.read(), quarter, ctx, a.recompute)?;
    ctx.emit_doc("quarterly-report", &doc)
}
