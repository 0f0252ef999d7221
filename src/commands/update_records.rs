//! `stdtrack update-filing|update-review|update-award|update-project|update-committee|
//! update-meeting ID`: correct a record. Each takes the fields of its `add-` command; only
//! the fields given change, the same checks as when adding apply to the result, and the
//! audit keeps the record before and after with the reason given. A voided record is not
//! corrected (it stays as it was voided).

use anyhow::Result;

use super::add_filing::enterprise_number;
use super::{
    Ctx, enum_arg, id_arg, live_record, opt_event_date_arg, opt_text_arg, resolve_unit, text_arg, unit_in, usage,
    with_reason,
};
use crate::cli::{
    UpdateAwardArgs, UpdateCommitteeArgs, UpdateFilingArgs, UpdateMeetingArgs, UpdateProjectArgs, UpdateReviewArgs,
};
use crate::core::ids;
use crate::core::model::{AwardKind, Outcome, SeatRole, UnitRef};
use crate::core::records::{Object, ToJson, Unit, UnitCodes};
use crate::core::standards::same_project;
use crate::error::{Msg, refuse};
use crate::store::{Reader, Store, Tx};

/// Refuses an update that changes nothing (exit 2): it would only clutter the history.
fn something(command: &str, given: &[bool]) -> Result<()> {
    if given.iter().any(|g| *g) { Ok(()) } else { Err(usage(Msg::NothingToUpdate { command: command.into() })) }
}

/// The unit named by --unit, found before the write begins (see `resolve_unit`).
fn unit_before(store: &Store, unit: Option<&str>) -> Result<Option<Unit>> {
    unit.map(|u| resolve_unit(store.read(), "--unit", u)).transpose()
}

/// The unit again inside the transaction, as records refer to it.
fn unit_now(read: Reader<'_>, unit: &Option<Unit>) -> Result<Option<UnitRef>> {
    unit.as_ref().map(|u| unit_in(read, "--unit", u).map(|u| u.as_ref())).transpose()
}

/// Audits the correction and prints the record as it now stands.
#[allow(clippy::too_many_arguments)]
fn done(
    ctx: &Ctx,
    tx: Tx<'_>,
    kind: &str,
    id: i64,
    before: &Object,
    after: &Object,
    reason: Option<&str>,
    what: &str,
) -> Result<()> {
    tx.audit("update", kind, Some(id), Some(&before.clone().into()), Some(&with_reason(after, reason)))?;
    ctx.finish(tx, after, what)
}

fn filing_no_arg(raw: &str) -> Result<String> {
    let no = ids::normalize_code(raw);
    if no.is_empty() {
        return Err(refuse(Msg::Empty { field: "--filing-no".into() }));
    }
    Ok(no)
}

pub fn filing(a: UpdateFilingArgs, ctx: &Ctx) -> Result<()> {
    let id = id_arg("ID", &a.id)?;
    let number = a.number.as_deref().map(|n| enterprise_number("--number", n)).transpose()?;
    let title = a.title.as_deref().map(|t| text_arg("--title", t)).transpose()?;
    let filing_no = a.filing_no.as_deref().map(filing_no_arg).transpose()?;
    let filed = opt_event_date_arg("--filed", a.filed.as_ref(), ctx.today)?;
    let reason = opt_text_arg("--reason", a.reason.as_ref())?;
    something(
        "update-filing",
        &[a.unit.is_some(), number.is_some(), title.is_some(), filing_no.is_some(), filed.is_some()],
    )?;
    let mut store = ctx.open()?;
    let unit = unit_before(&store, a.unit.as_deref())?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let before = live_record(read.filing(id)?, "filing", id)?;
    let mut f = before.record.clone();
    // A filing lists its unit's codes: another unit brings its own.
    if let Some(u) = unit.as_ref().map(|u| unit_in(read, "--unit", u)).transpose()? {
        f.codes = UnitCodes::of(&u);
        f.unit = u.as_ref();
    }
    if let Some(n) = number {
        f.number = n;
    }
    if let Some(t) = title {
        f.title = t;
    }
    if let Some(d) = filed {
        f.filed_on = d;
    }
    if let Some(no) = filing_no {
        if let Some((other, ..)) = read.filing_by_no(&no)?.filter(|(other, ..)| *other != id) {
            return Err(refuse(Msg::FilingNoTaken { filing_no: no, id: other }));
        }
        f.filing_no = no;
    }
    tx.update_filing(&before, &f)?;
    let (old, new) = (before.record.to_json(), f.to_json());
    done(ctx, tx, "filing", id, &old, &new, reason.as_deref(), "filings")
}

pub fn review(a: UpdateReviewArgs, ctx: &Ctx) -> Result<()> {
    let id = id_arg("ID", &a.id)?;
    let number = a.number.as_deref().map(|n| enterprise_number("--number", n)).transpose()?;
    let reviewed = opt_event_date_arg("--reviewed", a.reviewed.as_ref(), ctx.today)?;
    let outcome = a.outcome.as_deref().map(|o| enum_arg::<Outcome>("--outcome", o)).transpose()?;
    let reason = opt_text_arg("--reason", a.reason.as_ref())?;
    something(
        "update-review",
        &[a.unit.is_some(), number.is_some(), reviewed.is_some(), outcome.is_some(), a.filing_no.is_some()],
    )?;
    let mut store = ctx.open()?;
    let unit = unit_before(&store, a.unit.as_deref())?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let before = live_record(read.review(id)?, "review", id)?;
    let mut r = before.record.clone();
    if let Some(u) = unit.as_ref().map(|u| unit_in(read, "--unit", u)).transpose()? {
        r.codes = UnitCodes::of(&u);
        r.unit = u.as_ref();
    }
    if let Some(n) = number {
        r.number = n;
    }
    if let Some(d) = reviewed {
        r.reviewed_on = d;
    }
    if let Some(o) = outcome {
        r.outcome = o;
    }
    // An empty --filing-no "" clears it.
    if let Some(no) = &a.filing_no {
        r.filing_no = Some(ids::normalize_code(no)).filter(|s| !s.is_empty());
    }
    if let Some(other) = read.review_exists(r.unit.id, &r.number, r.reviewed_on)?.filter(|other| *other != id) {
        return Err(refuse(Msg::ReviewExists { number: r.number, unit: r.unit.name, on: r.reviewed_on, id: other }));
    }
    tx.update_review(&before, &r)?;
    let (old, new) = (before.record.to_json(), r.to_json());
    done(ctx, tx, "review", id, &old, &new, reason.as_deref(), "reviews")
}

pub fn award(a: UpdateAwardArgs, ctx: &Ctx) -> Result<()> {
    let id = id_arg("ID", &a.id)?;
    let kind = a.kind.as_deref().map(|k| enum_arg::<AwardKind>("--kind", k)).transpose()?;
    let awarded = opt_event_date_arg("--awarded", a.awarded.as_ref(), ctx.today)?;
    let grade = opt_text_arg("--grade", a.grade.as_ref())?;
    let title = opt_text_arg("--title", a.title.as_ref())?;
    let reason = opt_text_arg("--reason", a.reason.as_ref())?;
    something(
        "update-award",
        &[a.unit.is_some(), kind.is_some(), awarded.is_some(), a.grade.is_some(), a.title.is_some()],
    )?;
    let mut store = ctx.open()?;
    let unit = unit_before(&store, a.unit.as_deref())?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let early = super::payments_before_events(read)?;
    let before = live_record(read.award(id)?, "award", id)?;
    let mut x = before.record.clone();
    if let Some(u) = unit_now(read, &unit)? {
        x.unit = u;
    }
    if let Some(k) = kind {
        x.kind = k;
    }
    if let Some(d) = awarded {
        x.awarded_on = d;
    }
    if a.grade.is_some() {
        x.grade = grade;
    }
    if a.title.is_some() {
        x.title = title;
    }
    // Corrected into the same award as a live one, it would earn twice (issue 12).
    let moved =
        (x.unit.id, x.kind, x.awarded_on) != (before.record.unit.id, before.record.kind, before.record.awarded_on);
    if moved
        && !a.duplicate_ok
        && let Some(other) = read.award_like(x.unit.id, x.kind, x.awarded_on, id)?
    {
        return Err(refuse(Msg::DuplicateAward { id: other, unit: x.unit.name, kind: x.kind, on: x.awarded_on }));
    }
    tx.update_award(&x)?;
    let (old, new) = (before.record.to_json(), x.to_json());
    super::no_new_payment_before_its_event(tx.read(), &early)?;
    done(ctx, tx, "award", id, &old, &new, reason.as_deref(), "awards")
}

pub fn project(a: UpdateProjectArgs, ctx: &Ctx) -> Result<()> {
    let id = id_arg("ID", &a.id)?;
    let name = a.name.as_deref().map(|n| text_arg("--name", n)).transpose()?;
    let passed = opt_event_date_arg("--passed", a.passed.as_ref(), ctx.today)?;
    let reason = opt_text_arg("--reason", a.reason.as_ref())?;
    something("update-project", &[a.unit.is_some(), name.is_some(), passed.is_some()])?;
    let mut store = ctx.open()?;
    let unit = unit_before(&store, a.unit.as_deref())?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let early = super::payments_before_events(read)?;
    let before = live_record(read.project(id)?, "project", id)?;
    let mut p = before.record.clone();
    if let Some(u) = unit_now(read, &unit)? {
        p.unit = u;
    }
    if let Some(n) = name {
        p.name = n;
    }
    if let Some(d) = passed {
        p.passed_on = d;
    }
    // Corrected into the same project as a live one, it would earn twice (issue 12).
    let moved = !same_project(&p.name, &before.record.name) || p.passed_on != before.record.passed_on;
    if moved && !a.duplicate_ok {
        let same_day = read.projects_passed_on(p.passed_on)?;
        if let Some((other, stored, of)) =
            same_day.into_iter().find(|(other, n, _)| *other != id && same_project(n, &p.name))
        {
            return Err(refuse(Msg::DuplicateProject { id: other, name: stored, unit: of, on: p.passed_on }));
        }
    }
    tx.update_project(&p)?;
    let (old, new) = (before.record.to_json(), p.to_json());
    super::no_new_payment_before_its_event(tx.read(), &early)?;
    done(ctx, tx, "project", id, &old, &new, reason.as_deref(), "projects")
}

pub fn committee(a: UpdateCommitteeArgs, ctx: &Ctx) -> Result<()> {
    let id = id_arg("ID", &a.id)?;
    let committee =
        a.committee.as_deref().map(|c| text_arg("--committee", &ids::to_halfwidth(c).to_uppercase())).transpose()?;
    let role = a.role.as_deref().map(|r| enum_arg::<SeatRole>("--role", r)).transpose()?;
    let since = opt_event_date_arg("--since", a.since.as_ref(), ctx.today)?;
    let name = opt_text_arg("--name", a.name.as_ref())?;
    let reason = opt_text_arg("--reason", a.reason.as_ref())?;
    something(
        "update-committee",
        &[a.unit.is_some(), committee.is_some(), role.is_some(), since.is_some(), a.name.is_some()],
    )?;
    let mut store = ctx.open()?;
    let unit = unit_before(&store, a.unit.as_deref())?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let before = live_record(read.seat(id)?, "committee_seat", id)?;
    let mut s = before.record.clone();
    if let Some(u) = unit_now(read, &unit)? {
        s.fact.unit = u;
    }
    if let Some(c) = committee {
        s.fact.committee = c;
    }
    if let Some(r) = role {
        s.fact.role = r;
    }
    if let Some(d) = since {
        s.fact.since = d;
    }
    if a.name.is_some() {
        s.name = name;
    }
    tx.update_seat(&s)?;
    let (old, new) = (before.record.to_json(), s.to_json());
    done(ctx, tx, "committee_seat", id, &old, &new, reason.as_deref(), "committees")
}

pub fn meeting(a: UpdateMeetingArgs, ctx: &Ctx) -> Result<()> {
    let id = id_arg("ID", &a.id)?;
    let held = opt_event_date_arg("--held", a.held.as_ref(), ctx.today)?;
    let title = opt_text_arg("--title", a.title.as_ref())?;
    let notes = opt_text_arg("--notes", a.notes.as_ref())?;
    let reason = opt_text_arg("--reason", a.reason.as_ref())?;
    something("update-meeting", &[held.is_some(), a.title.is_some(), a.notes.is_some()])?;
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let before = live_record(tx.read().meeting(id)?, "meeting", id)?;
    let mut m = before.record.clone();
    if let Some(d) = held {
        m.held_on = d;
    }
    if a.title.is_some() {
        m.title = title;
    }
    if a.notes.is_some() {
        m.notes = notes;
    }
    tx.update_meeting(&m)?;
    let (old, new) = (before.record.to_json(), m.to_json());
    done(ctx, tx, "meeting", id, &old, &new, reason.as_deref(), "meetings")
}
