//! `stdtrack list KIND`: the records of one kind, filtered by date and unit.

use anyhow::Result;
use serde_json::json;

use super::{Ctx, opt_date_arg, resolve_unit};
use clap::ValueEnum;

use chrono::Datelike;

use crate::cli::{ListArgs, ListKind};
use crate::core::model::PlanSetting;
use crate::core::records::{Object, ToJson};
use crate::error::{Msg, refuse};
use crate::render::ObjectStream;
use crate::store::{ListFilter, Reader};

pub fn run(a: ListArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("list", super::LIST_FORMATS)?;
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
    let store = ctx.open_read()?;
    let read = store.read();
    let unit_id = a.unit.as_deref().map(|u| resolve_unit(read, "--unit", u).map(|u| u.id)).transpose()?;
    if a.adopted && a.kind != ListKind::Standards {
        return Err(refuse(Msg::GoesWith { option: "--adopted".into(), with: "list standards".into() }));
    }
    let filter = ListFilter { from, to, unit_id };
    let style = ctx.style();
    let names = match a.kind {
        ListKind::Rules | ListKind::Payments | ListKind::Budgets => super::award_calc::names(read)?,
        _ => Default::default(),
    };
    let what = a.kind.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default();
    ctx.emit(|out| {
        let mut stream = ObjectStream::new(out, style, &what, &names);
        match a.kind {
            // The two tables that reach a million rows go straight from SQLite to the output.
            ListKind::Filings => read.each_filing(&filter, |r| stream.push(&r.to_json()))?,
            ListKind::Reviews => read.each_review(&filter, |r| stream.push(&r.to_json()))?,
            ListKind::Standards if a.adopted => {
                for r in read.standards(&filter)?.iter().filter(|r| r.record.adoption.is_some()) {
                    stream.push(&r.to_json())?;
                }
            }
            kind => {
                for o in objects(read, kind, &filter)? {
                    stream.push(&o)?;
                }
            }
        }
        stream.finish()
    })
}

fn all<T: ToJson>(items: Vec<T>) -> Vec<Object> {
    items.iter().map(ToJson::to_json).collect()
}

fn objects(read: Reader<'_>, kind: ListKind, f: &ListFilter) -> Result<Vec<Object>> {
    Ok(match kind {
        ListKind::Units => read
            .unit_records()?
            .into_iter()
            .filter(|u| f.unit_id.is_none_or(|id| u.get("id").and_then(|v| v.as_i64()) == Some(id)))
            .collect(),
        ListKind::Batches => read.batches()?.iter().map(|b| b.to_json()).collect(),
        ListKind::Standards => all(read.standards(f)?),
        ListKind::Filings => all(read.filings(f)?),
        ListKind::Reviews => all(read.reviews(f)?),
        ListKind::Awards => all(read.awards(f)?),
        ListKind::Projects => all(read.projects(f)?),
        ListKind::Committees => all(read.seats(f)?),
        ListKind::Meetings => all(read.meetings(f)?),
        ListKind::Milestones => all(read.milestones()?),
        ListKind::Payments => all(read.payment_records(f, None)?),
        ListKind::Targets => {
            let plan = read.plan()?;
            read.targets(&plan.code)?
                .into_iter()
                .map(|t| {
                    let o = json!({
                        "code": t.code, "label_zh": t.label_zh, "label_en": t.label_en,
                        "measure": t.measure.kind().as_str(), "param": t.measure.param(),
                        "target_min": t.min, "target_max": t.max,
                    });
                    o.as_object().cloned().unwrap_or_default()
                })
                .collect()
        }
        ListKind::Rules => {
            let mut rows = Vec::new();
            for r in read.rules()? {
                for v in &r.versions {
                    let o = json!({
                        "code": r.code, "label_zh": r.label_zh, "label_en": r.label_en,
                        "amount_yuan": v.amount_yuan, "effective_from": v.from.to_string(),
                        "effective_to": v.to.map(|d| d.to_string()), "fund": v.fund, "per": v.per.as_str(),
                    });
                    rows.push(o.as_object().cloned().unwrap_or_default());
                }
            }
            rows
        }
        ListKind::Budgets => read
            .all_budgets()?
            .into_iter()
            .filter(|(_, year, _)| {
                // A date range keeps the budgets of the years it touches.
                f.from.is_none_or(|d| d.year() <= *year) && f.to.is_none_or(|d| *year <= d.year())
            })
            .map(|(fund, year, amount)| {
                json!({"fund": fund, "year": year, "amount_yuan": amount}).as_object().cloned().unwrap_or_default()
            })
            .collect(),
        ListKind::Settings => {
            let plan = read.plan()?;
            let readings = read.readings()?;
            PlanSetting::ALL
                .iter()
                .map(|k| {
                    json!({"plan": plan.code, "key": k.as_str(), "value": readings.get(*k)})
                        .as_object()
                        .cloned()
                        .unwrap_or_default()
                })
                .collect()
        }
        ListKind::Audit => {
            let from = f.from.map(|d| d.to_string());
            let to = f.to.map(|d| d.to_string());
            all(read.audit_entries(from.as_deref(), to.as_deref())?)
        }
    })
}
