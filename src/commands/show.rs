//! `stdtrack show unit UNIT`: one unit at a glance (issue 12): its details; the standards it
//! leads or takes part in; its filings, reviews, awards, projects and committee seats; the
//! targets it counts toward; what it is entitled to, what it was paid and what is owed, with
//! the totals `award-calc --unit` gives. Voided records are left out (`list` shows them).

use anyhow::Result;
use serde_json::json;

use super::award_calc::names;
use super::{Ctx, resolve_unit};
use crate::cli::{ShowArgs, ShowKind};
use crate::core::progress::{UnitDates, unit_targets};
use crate::core::records::{Object, ToJson};
use crate::core::rewards::{award_calc_as_of, entitlements};
use crate::render::reports::{UnitView, unit_doc};
use crate::store::ListFilter;

fn live<T: ToJson>(items: Vec<crate::core::records::Recorded<T>>) -> Vec<Object> {
    items.into_iter().filter(|r| r.void_reason.is_none()).map(|r| r.to_json()).collect()
}

pub fn run(a: ShowArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("show", super::REPORT_FORMATS)?;
    let ShowKind::Unit = a.kind;
    let mut store = ctx.open_read()?;
    let snapshot = store.snapshot()?;
    let read = snapshot.read();
    let unit = resolve_unit(read, "UNIT", &a.unit)?;
    let mine = ListFilter { unit_id: Some(unit.id), ..ListFilter::default() };

    let standards: Vec<Object> = read
        .standards(&mine)?
        .into_iter()
        .filter(|r| r.void_reason.is_none())
        .map(|r| {
            let s = r.record;
            let role = if s.lead.as_ref().is_some_and(|l| l.id == unit.id) { "lead" } else { "participant" };
            let mut o = s.to_json();
            o.insert("role".into(), json!(role));
            o
        })
        .collect();
    let filings = read.filings(&mine)?;
    let reviews = read.reviews(&mine)?;
    let dates = UnitDates {
        filings: filings.iter().filter(|r| r.void_reason.is_none()).map(|r| r.record.filed_on).collect(),
        reviews: reviews.iter().filter(|r| r.void_reason.is_none()).map(|r| r.record.reviewed_on).collect(),
    };
    let plan = read.plan()?;
    let facts = read.facts()?;
    let defs = read.targets(&plan.code)?;
    let targets = unit_targets(&defs, &facts, &plan, ctx.today, unit.id, &dates)
        .into_iter()
        .filter_map(|code| defs.iter().find(|t| t.code == code))
        .map(|t| (t.code.clone(), t.label_zh.clone(), t.label_en.clone()))
        .collect();
    let all = entitlements(&read.rules()?, &facts.standards, &facts.awards, &read.live_projects()?);
    let funds: Vec<String> = read.funds()?.into_iter().map(|f| f.code).collect();
    let payments = read.payments(&ListFilter::default())?;
    // As award-calc --unit computes it (all time, as of today), so the totals agree to the yuan.
    let calc = award_calc_as_of(&all, &payments, None, None, Some(ctx.today), &funds, false, Some(unit.id))
        .map_err(crate::error::overflow)?;
    let (contact, phone) = read.unit_contact(unit.id)?;

    let view = UnitView {
        // As `list units` gives it.
        unit: read.unit_record(unit.id)?.unwrap_or_else(|| unit.to_json()),
        contact,
        phone,
        standards,
        filings: live(filings),
        reviews: live(reviews),
        awards: live(read.awards(&mine)?),
        projects: live(read.projects(&mine)?),
        seats: live(read.seats(&mine)?),
        payments: read.payments(&mine)?.iter().map(ToJson::to_json).collect(),
        targets,
        calc,
        as_of: ctx.today,
    };
    let names = names(read)?;
    ctx.emit_doc("show", &unit_doc(&view, &names, ctx.lang))
}
