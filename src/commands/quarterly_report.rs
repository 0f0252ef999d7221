//! `stdtrack quarterly-report [--quarter 2013Q2|last|current] [--finalize [--reason R]]
//! [--recompute]`: the leading group's report. A finalized quarter shows the figures as
//! submitted and what today's records would change in them (`finalize`).

use anyhow::Result;

use super::{Ctx, finalize, opt_text_arg};
use crate::cli::QuarterArgs;
use crate::core::model::{Date, Facts, MilestoneChange, MilestoneFact, Payment, Plan, ProjectFact, RuleDef, TargetDef};
use crate::core::quarter::Quarter;
use crate::core::report::QuarterInputs;
use crate::core::reviews::{self, LatestFiling, LatestReview};
use crate::error::{Msg, refuse};
use crate::store::{ListFilter, Reader};

/// Everything a report over a period reads, loaded once from one snapshot: the quarterly
/// report's and the annual report's inputs.
#[derive(Debug)]
pub struct Loaded {
    pub plan: Plan,
    pub targets: Vec<TargetDef>,
    pub facts: Facts,
    pub milestones: Vec<MilestoneFact>,
    pub projects: Vec<ProjectFact>,
    pub rules: Vec<RuleDef>,
    pub payments: Vec<Payment>,
    pub funds: Vec<String>,
    pub changes: Vec<MilestoneChange>,
    pub latest_filings: Vec<LatestFiling>,
    pub latest_reviews: Vec<LatestReview>,
}

impl Loaded {
    /// Reads the inputs, with what the review reminders need as of `as_of`.
    pub fn read(read: Reader<'_>, as_of: Date) -> Result<Loaded> {
        let plan = read.plan()?;
        let latest_filings = read.latest_filings(as_of, reviews::cutoff(as_of))?;
        // Without a filing old enough to be due, no review matters to the reminders.
        let latest_reviews = if latest_filings.is_empty() { Vec::new() } else { read.latest_reviews(as_of)? };
        Ok(Loaded {
            targets: read.targets(&plan.code)?,
            facts: read.facts()?,
            milestones: read.milestones()?,
            projects: read.live_projects()?,
            rules: read.rules()?,
            payments: read.payments(&ListFilter::default())?,
            funds: read.funds()?.into_iter().map(|f| f.code).collect(),
            changes: read.milestone_changes()?,
            latest_filings,
            latest_reviews,
            plan,
        })
    }

    pub fn inputs(&self) -> QuarterInputs<'_> {
        QuarterInputs {
            plan: &self.plan,
            targets: &self.targets,
            facts: &self.facts,
            milestones: &self.milestones,
            projects: &self.projects,
            rules: &self.rules,
            payments: &self.payments,
            funds: &self.funds,
            changes: &self.changes,
            latest_filings: &self.latest_filings,
            latest_reviews: &self.latest_reviews,
        }
    }
}

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
