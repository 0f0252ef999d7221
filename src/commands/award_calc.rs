//! `stdtrack award-calc`: what the reward policy grants in a range, paid and outstanding.

use anyhow::{Result, anyhow, bail};

use super::{Ctx, opt_date_arg, resolve_unit};
use crate::cli::{AwardCalcArgs, Format};
use crate::core::ids::{YEAR_MAX, YEAR_MIN, check_year};
use crate::core::model::Date;
use crate::core::quarter::Quarter;
use crate::core::rewards::{award_calc, entitlements};
use crate::render::reports::{Names, write_award_calc};
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
        // chrono would take 99999 and print +99999-01-01: the office's years are bounded.
        let y = check_year(y)
            .map_err(|_| anyhow!("--year {y} is out of range: give a year from {YEAR_MIN} to {YEAR_MAX}"))?;
        let from = Date::from_ymd_opt(y, 1, 1).ok_or_else(|| anyhow!("--year {y} is out of range"))?;
        let to = Date::from_ymd_opt(y, 12, 31).ok_or_else(|| anyhow!("--year {y} is out of range"))?;
        return Ok((Some(from), Some(to)));
    }
    if let Some(q) = &a.quarter {
        let q = Quarter::parse(q, today).map_err(|e| anyhow!("--quarter: {e}"))?;
        return Ok((Some(q.start()), Some(q.end())));
    }
    let from = opt_date_arg("--from", a.from.as_ref())?;
    let to = opt_date_arg("--to", a.to.as_ref())?;
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            bail!("--from {f} is after --to {t}");
        }
    }
    Ok((from, to))
}

pub fn run(a: AwardCalcArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("award-calc", &[Format::Table, Format::Json, Format::Csv, Format::Markdown])?;
    let (from, to) = range(&a, ctx.today)?;
    let mut store = ctx.open()?;
    let snapshot = store.snapshot()?;
    let read = snapshot.read();
    let unit_id = a.unit.as_deref().map(|u| resolve_unit(read, "--unit", u).map(|u| u.id)).transpose()?;
    let facts = read.facts()?;
    let all = entitlements(&read.rules()?, &facts.standards, &facts.awards, &read.live_projects()?);
    let payments = read.payments(&ListFilter::default())?;
    let funds: Vec<String> = read.funds()?.into_iter().map(|f| f.code).collect();
    let calc = award_calc(&all, &payments, from, to, &funds, a.outstanding, unit_id)?;
    let names = names(read)?;
    let style = ctx.style();
    ctx.emit(|out| write_award_calc(out, &calc, &names, style))
}
