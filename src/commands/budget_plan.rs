//! `stdtrack budget-plan --year Y`: what each fund will need in a year: what is owed today,
//! plus a lead reward for each standard being drafted with a district enterprise as lead.

use anyhow::Result;

use super::Ctx;
use super::award_calc::names;
use crate::cli::BudgetPlanArgs;
use crate::core::budget::budget_plan;
use crate::core::rewards::{award_calc, entitlements};
use crate::render::reports::budget_plan_doc;
use crate::store::ListFilter;

pub fn run(a: BudgetPlanArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("budget-plan", super::REPORT_FORMATS)?;
    super::year_arg("--year", a.year)?;
    let mut store = ctx.open_read()?;
    let snapshot = store.snapshot()?;
    let read = snapshot.read();
    let facts = read.facts()?;
    let rules = read.rules()?;
    let all = entitlements(&rules, &facts.standards, &facts.awards, &read.live_projects()?);
    let payments = read.payments(&ListFilter::default())?;
    let funds: Vec<String> = read.funds()?.into_iter().map(|f| f.code).collect();
    // What is owed as of today: entitlements so far, payments so far.
    let owed =
        award_calc(&all, &payments, None, Some(ctx.today), &funds, true, None).map_err(crate::error::overflow)?;
    let plan = budget_plan(&owed.entitlements, &all, &facts.standards, &rules, &funds, a.year)
        .map_err(crate::error::overflow)?;
    let names = names(read)?;
    let budgets = read.budgets(a.year)?;
    ctx.emit_doc("budget-plan", &budget_plan_doc(&plan, &budgets, ctx.today, &names, ctx.lang))
}
