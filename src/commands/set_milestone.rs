//! `stdtrack set-milestone CODE`: a qualitative task's status, owner or note.

use anyhow::Result;

use super::{Ctx, enum_arg, opt_date_arg, opt_text_arg};
use crate::cli::MilestoneArgs;
use crate::core::model::MilestoneStatus;
use crate::core::records::ToJson;
use crate::error::{Msg, V, refuse};

pub fn run(a: MilestoneArgs, ctx: &Ctx) -> Result<()> {
    let status = enum_arg::<MilestoneStatus>("--status", &a.status)?;
    let done = opt_date_arg("--done", a.done.as_ref())?;
    let done_on = match (status, done) {
        (MilestoneStatus::Done, d) => Some(d.unwrap_or(ctx.today)),
        (_, Some(d)) => {
            return Err(refuse(Msg::Needs {
                field: "--done".into(),
                value: V(d.to_string()),
                needs: "--status done".into(),
            }));
        }
        (_, None) => None,
    };
    let owner = opt_text_arg("--owner", a.owner.as_ref())?;
    if a.owner.is_some() && owner.is_none() {
        return Err(refuse(Msg::Empty { field: "--owner".into() }));
    }
    let note = opt_text_arg("--note", a.note.as_ref())?;
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let all = tx.read().milestones()?;
    let code = a.code.trim();
    let before = all.iter().find(|m| m.code == code).cloned().ok_or_else(|| {
        refuse(Msg::MilestoneNotFound { value: V::from(code), codes: all.iter().map(|m| m.code.clone()).collect() })
    })?;
    let mut m = before.clone();
    m.status = status;
    m.done_on = done_on;
    if let Some(o) = owner {
        m.owner = o;
    }
    if a.note.is_some() {
        m.note = note;
    }
    tx.update_milestone(&m)?;
    let after = m.to_json();
    tx.audit("update", "milestone", None, Some(&before.to_json().into()), Some(&after.clone().into()))?;
    ctx.finish(tx, &after, "milestones")
}
