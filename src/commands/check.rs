//! `stdtrack check`: what is wrong with the database. SQLite's `integrity_check` and
//! `foreign_key_check`, the per-day tables against the rows, and the records that cannot be
//! right: overpaid entitlements, payments before their event, records dated after today,
//! probable duplicate units among live ones, codes that fail their check, standards with no
//! district unit, amounts beyond any subsidy. Exit 0 and "no problems", or exit 1 and one
//! line per problem. A damaged file is a problem found, not a failure of the command.

use anyhow::Result;
use serde_json::{Value, json};

use super::Ctx;
use crate::core::check::{self, Finding, Issue, PaymentLine};
use crate::core::rewards::{award_calc_as_of, entitlements};
use crate::error::{Msg, problem_of, refuse};
use crate::render::doc::{Cell, Column, Doc, Section};
use crate::render::{Lang, labels, messages};
use crate::store::{ListFilter, Reader};

/// Whether an error is SQLite finding the file damaged.
fn damaged(e: &anyhow::Error) -> bool {
    matches!(problem_of(e).map(|p| &p.msg), Some(Msg::Damaged { .. }))
}

fn integrity(detail: impl Into<String>) -> Finding {
    Finding::new("database", Issue::Integrity { detail: detail.into() })
}

/// The records that cannot be right.
fn domain(read: Reader<'_>, today: crate::core::model::Date) -> Result<Vec<Finding>> {
    let mut found = Vec::new();
    let units = read.live_units()?;
    found.extend(check::duplicate_units(&units));
    found.extend(check::bad_codes(&units));
    found.extend(check::future_dates(&read.dated_after(today)?, today));
    let facts = read.facts()?;
    let all = entitlements(&read.rules()?, &facts.standards, &facts.awards, &read.live_projects()?);
    let payments = read.payments(&ListFilter::default())?;
    let funds: Vec<String> = read.funds()?.into_iter().map(|f| f.code).collect();
    // Amounts too large to add up are found below, one by one.
    if let Ok(calc) = award_calc_as_of(&all, &payments, None, None, None, &funds, false, None) {
        found.extend(check::overpaid(&calc.overpayments));
    }
    let lines: Vec<PaymentLine> = payments
        .iter()
        .map(|p| PaymentLine { id: p.id, key: p.key.clone(), amount_yuan: p.amount_yuan, paid_on: p.paid_on })
        .collect();
    found.extend(check::paid_before_event(&lines, &all));
    found.extend(
        read.standards_without_unit()?
            .into_iter()
            .map(|id| Finding::new(format!("standard:{id}"), Issue::StandardWithoutUnit)),
    );
    found.extend(check::amounts_too_large(&read.stored_amounts()?));
    Ok(found)
}

/// Everything wrong, SQLite's findings first. A file too damaged to read is one finding.
fn examine(ctx: &Ctx) -> Result<Vec<Finding>> {
    let store = match ctx.open_read() {
        Ok(s) => s,
        Err(e) if damaged(&e) => return Ok(vec![integrity("")]),
        Err(e) => return Err(e),
    };
    let read = store.read();
    let files = match read.file_checks() {
        Ok(f) => f,
        Err(e) if damaged(&e) => return Ok(vec![integrity("")]),
        Err(e) => return Err(e),
    };
    let mut found: Vec<Finding> = files.integrity.iter().map(integrity).collect();
    found.extend(files.foreign_keys);
    found.extend(files.day_counts);
    match domain(read, ctx.today) {
        Ok(more) => found.extend(more),
        Err(e) if damaged(&e) || !found.is_empty() => {
            found.push(integrity(format!("reading the records failed: {e:#}")))
        }
        Err(e) => return Err(e),
    }
    Ok(found)
}

fn doc(found: &[Finding], today: crate::core::model::Date, lang: Lang) -> Doc {
    let problems: Vec<Value> = found
        .iter()
        .map(|f| json!({"kind": f.issue.kind(), "record": f.record, "detail": messages::finding(lang, &f.issue)}))
        .collect();
    let json = json!({ "as_of": today.to_string(), "problems": problems });
    let mut doc = Doc::new(lang, lang.pick("数据库检查", "Database check"), json);
    if found.is_empty() {
        doc.subtitle = Some(messages::text(&Msg::NoProblems, lang));
        return doc;
    }
    let mut s = Section::new(
        "problems",
        lang.pick("发现的问题", "Problems"),
        vec![
            Column::new("kind", labels::field("kind", lang)),
            Column::new("record", labels::field("record", lang)),
            Column::new("detail", labels::field("detail", lang)),
        ],
    );
    for f in found {
        s.push(vec![
            Cell::word(f.issue.kind(), labels::check_kind(f.issue.kind(), lang)),
            Cell::code(f.record.clone()),
            Cell::text(messages::finding(lang, &f.issue)),
        ]);
    }
    doc.sections.push(s);
    doc
}

pub fn run(ctx: &Ctx) -> Result<()> {
    ctx.require_format("check", crate::cli::formats_of("check"))?;
    let found = examine(ctx)?;
    ctx.emit_doc("check", &doc(&found, ctx.today, ctx.lang))?;
    if found.is_empty() { Ok(()) } else { Err(refuse(Msg::ProblemsFound { count: found.len() })) }
}
