//! `stdtrack award-calc`: what the reward policy grants in a range, paid and outstanding.

use anyhow::Result;

use super::{Ctx, opt_date_arg, resolve_unit, year_arg};
use crate::cli::AwardCalcArgs;
use crate::core::budget::fund_budgets;
use crate::core::model::Date;
use crate::core::quarter::Quarter;
use crate::core::rewards::{award_calc_as_of, entitlements};
use crate::error::{Msg, refuse};
use crate::render::reports::{Names, add_budgets, award_calc_doc};
use crate::store::{ListFilter, Reader};

/// The rule and fund labels the renderers show.
pub fn names(read: Reader<'_>) -> Result<Names> {
    Ok(Names {
        rules: read.rules()?.into_iter().map(|r| (r.code, r.label_zh, r.label_en)).collect(),
        funds: read.funds()?.into_iter().map(|f| (f.code, f.label_zh, f.label_en)).collect(),
    })
}

fn range(a: &AwardCalcArgs, today: Date) -> Result<(Option<Date>, Option<Date>)> {
    if let Some(y) = a.year {
        let (from, to) = year_arg("--year", y)?;
        return Ok((Some(from), Some(to)));
    }
    if let Some(q) = &a.quarter {
        let q = Quarter::parse(q, today).map_err(|err| refuse(Msg::Quarter { field: "--quarter".into(), err }))?;
        return Ok((Some(q.start()), Some(q.end())));
    }
    let from = opt_date_arg("--from", a.from.as_ref())?;
    let to = opt_date_arg("--to", a.to.as_ref())?;
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(refuse(Msg::FromAfterTo {
                from_field: "--from".into(),
                from: f,
                to_field: "--to".into(),
                to: t,
            }));
        }
    }
    Ok((from, to))
}

pub fn run(a: AwardCalcArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("award-calc", super::REPORT_FORMATS)?;
    let (from, to) = range(&a, ctx.today)?;
    let as_of = opt_date_arg("--as-of", a.as_of.as_ref())?.unwrap_or(ctx.today);
    let mut store = ctx.open_read()?;
    let snapshot = store.snapshot()?;
    let read = snapshot.read();
    let unit_id = a.unit.as_deref().map(|u| resolve_unit(read, "--unit", u).map(|u| u.id)).transpose()?;
    let facts = read.facts()?;
    let all = entitlements(&read.rules()?, &facts.standards, &facts.awards, &read.live_projects()?);
    let payments = read.payments(&ListFilter::default())?;
    let outstanding = a.outstanding;
    let funds: Vec<String> = read.funds()?.into_iter().map(|f| f.code).collect();
    let calc = award_calc_as_of(&all, &payments, from, to, Some(as_of), &funds, outstanding, unit_id)
        .map_err(crate::error::overflow)?;
    let names = names(read)?;
    let mut doc = award_calc_doc(&calc, &names, ctx.lang);
    // A year's view also holds each fund's budget against what the year entitles and paid
    // (as of the same date as the rest).
    if let Some(year) = a.year {
        let rules = read.rules()?;
        let entitled: Vec<_> = all.iter().filter(|e| e.event_date <= as_of).cloned().collect();
        let paid: Vec<_> = payments.iter().filter(|p| p.paid_on <= as_of).cloned().collect();
        let budgets = fund_budgets(&entitled, &paid, &rules, &funds, &read.budgets(year)?, year)
            .map_err(crate::error::overflow)?;
        add_budgets(&mut doc, year, &budgets, &names, ctx.lang);
    }
    ctx.emit_doc("award-calc", &doc)
}
