//! `stdtrack progress [--as-of DATE] [--by-owner] [--by-industry]`: where each target stands,
//! the tasks (each department's own list with `--by-owner`) and the meetings; with
//! `--by-industry`, every target split by the focus industries.

use anyhow::Result;

use super::{Ctx, opt_date_arg};
use crate::cli::ProgressArgs;
use crate::core::progress::{self, by_industry, by_owner};
use crate::core::report::{ProgressInputs, progress_report};
use crate::render::reports::progress_doc;

pub fn run(a: ProgressArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("progress", super::REPORT_FORMATS)?;
    let as_of = opt_date_arg("--as-of", a.as_of.as_ref())?.unwrap_or(ctx.today);
    let mut store = ctx.open_read()?;
    let snapshot = store.snapshot()?;
    let read = snapshot.read();
    let plan = read.plan()?;
    let targets = read.targets(&plan.code)?;
    let facts = read.facts()?;
    let inputs = ProgressInputs {
        plan: &plan,
        targets: &targets,
        facts: &facts,
        milestones: &read.milestones()?,
        changes: &read.milestone_changes()?,
    };
    let mut report = progress_report(&inputs, as_of).map_err(crate::error::overflow)?;
    if a.by_owner {
        report.owners = Some(by_owner(&report.milestones));
    }
    if a.by_industry {
        let (from, to) = (plan.start, progress::window_end(&plan, as_of));
        let industries = read.unit_industries()?;
        let industry_of = |id: i64| industries.get(&id).cloned().flatten();
        let (filings, reviews) = if from <= to {
            (read.filings_by_industry(from, to)?, read.reviews_by_industry(from, to)?)
        } else {
            (Vec::new(), Vec::new())
        };
        report.by_industry = Some(
            by_industry(&targets, &facts, &plan, as_of, &industry_of, &filings, &reviews)
                .map_err(crate::error::overflow)?,
        );
    }
    ctx.emit_doc("progress", &progress_doc(&report, ctx.lang))
}
