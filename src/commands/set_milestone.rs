//! `stdtrack set-milestone CODE [--status S [--on DATE] [--note T]] [--owner O]
//! [--recurring yearly|none]`: a qualitative task's dated status change, owner or recurrence.
//!
//! A status is a dated change kept in `milestone_change` (issue 11), so reports as of a date
//! read the history, never today's state; the milestone row keeps the latest status only as
//! a cache for `list milestones`. `done` needs its date; another status given no date is
//! dated today, and the clerk is told so.

use anyhow::Result;
use serde_json::json;

use super::{Ctx, enum_arg, opt_event_date_arg, opt_text_arg};
use crate::cli::MilestoneArgs;
use crate::core::model::{MilestoneChange, MilestoneStatus, Recurrence};
use crate::core::progress::latest_change;
use crate::core::records::ToJson;
use crate::error::{Msg, V, refuse};

pub fn run(a: MilestoneArgs, ctx: &Ctx) -> Result<()> {
    let code = a.code.trim().to_string();
    let status = a.status.as_deref().map(|s| enum_arg::<MilestoneStatus>("--status", s)).transpose()?;
    // A status dated after today is not yet true: refused, like every other event's date.
    let on = opt_event_date_arg("--on", a.on.as_ref(), ctx.today)?;
    let recurring = a.recurring.as_deref().map(|r| enum_arg::<Recurrence>("--recurring", r)).transpose()?;
    let owner = opt_text_arg("--owner", a.owner.as_ref())?;
    if a.owner.is_some() && owner.is_none() {
        return Err(refuse(Msg::Empty { field: "--owner".into() }));
    }
    let note = opt_text_arg("--note", a.note.as_ref())?;
    if status.is_none() {
        if let Some(field) = [(a.on.is_some(), "--on"), (a.note.is_some(), "--note")].iter().find(|(g, _)| *g) {
            return Err(refuse(Msg::GoesWith { option: field.1.into(), with: "--status".into() }));
        }
        if owner.is_none() && recurring.is_none() {
            return Err(refuse(Msg::NothingToSet {
                command: "set-milestone".into(),
                options: vec!["--status".into(), "--owner".into(), "--recurring".into()],
            }));
        }
    }

    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let all = read.milestones()?;
    // A task by its code or its name as listed, in either language.
    let key = crate::core::ids::name_key(&code);
    let by_name = |m: &&crate::core::model::MilestoneFact| {
        m.code == code || [&m.label_zh, &m.label_en].iter().any(|n| crate::core::ids::name_key(n) == key)
    };
    let before = all.iter().find(by_name).cloned().ok_or_else(|| {
        refuse(Msg::MilestoneNotFound {
            value: V::from(code.as_str()),
            codes: all.iter().map(|m| m.code.clone()).collect(),
        })
    })?;
    let code = before.code.clone();
    let change_on = match (status, on) {
        (Some(MilestoneStatus::Done), None) => return Err(refuse(Msg::DoneNeedsDate { code })),
        (Some(_), Some(d)) => Some(d),
        (Some(_), None) => Some(ctx.today),
        (None, _) => None,
    };
    let mut m = before.clone();
    let mut change = None;
    if let (Some(status), Some(on)) = (status, change_on) {
        let mut c = MilestoneChange { id: 0, milestone: code.clone(), status, on, note };
        c.id = tx.insert_milestone_change(&c)?;
        // The row keeps the latest status of the whole history as a cache.
        let changes = read.milestone_changes()?;
        if let Some(latest) = latest_change(&code, &changes, chrono::NaiveDate::MAX) {
            m.status = latest.status;
            m.done_on = (latest.status == MilestoneStatus::Done).then_some(latest.on);
            m.note = latest.note.clone();
        }
        change = Some(c);
    }
    if let Some(o) = owner {
        m.owner = o;
    }
    if let Some(r) = recurring {
        m.recurring = r;
    }
    tx.update_milestone(&m)?;
    let mut after = m.to_json();
    if let Some(c) = &change {
        after.insert("change_status".into(), json!(c.status.as_str()));
        after.insert("change_on".into(), json!(c.on.to_string()));
    }
    tx.audit("update", "milestone", None, Some(&before.to_json().into()), Some(&after.clone().into()))?;
    ctx.finish(tx, &after, "milestones")?;
    if let (Some(c), None) = (&change, on) {
        ctx.warn(&Msg::StatusDatedToday { code, status: c.status, date: c.on });
    }
    Ok(())
}
