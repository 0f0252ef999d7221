//! `stdtrack set-milestone CODE`: a qualitative task's status, owner or note.

use anyhow::{Result, anyhow, bail};

use super::{Ctx, enum_arg, opt_date_arg, opt_text_arg};
use crate::cli::MilestoneArgs;
use crate::core::model::MilestoneStatus;
use crate::core::records::ToJson;

pub fn run(a: MilestoneArgs, ctx: &Ctx) -> Result<()> {
    let status = enum_arg::<MilestoneStatus>("--status", &a.status)?;
    let done = opt_date_arg("--done", a.done.as_ref())?;
    let done_on = match (status, done) {
        (MilestoneStatus::Done, d) => Some(d.unwrap_or(ctx.today)),
        (_, Some(d)) => bail!("--done {d} goes with --status done"),
        (_, None) => None,
    };
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let all = tx.read().milestones()?;
    let code = a.code.trim();
    let before = all.iter().find(|m| m.code == code).cloned().ok_or_else(|| {
        anyhow!(
            "no milestone has code '{code}'; the codes are {}",
            all.iter().map(|m| m.code.as_str()).collect::<Vec<_>>().join(", ")
        )
    })?;
    let mut m = before.clone();
    m.status = status;
    m.done_on = done_on;
    if let Some(o) = &a.owner {
        m.owner = opt_text_arg(Some(o)).ok_or_else(|| anyhow!("--owner is empty"))?;
    }
    if a.note.is_some() {
        m.note = opt_text_arg(a.note.as_ref());
    }
    tx.update_milestone(&m)?;
    let after = m.to_json();
    tx.audit("update", "milestone", None, Some(&before.to_json().into()), Some(&after.clone().into()))?;
    ctx.finish(tx, &after)
}
