//! `stdtrack add-award`: a standard innovation or product award to a unit. An award with the
//! same unit, kind and date as a live one is refused, naming it (it would earn twice);
//! `--duplicate-ok --reason` records it all the same, the reason kept in the audit log.

use anyhow::Result;
use serde_json::json;

use super::{Ctx, enum_arg, event_date_arg, opt_text_arg, resolve_unit};
use crate::cli::AwardArgs;
use crate::core::model::{AwardFact, AwardKind};
use crate::core::records::ToJson;
use crate::error::{Msg, refuse};

pub fn run(a: AwardArgs, ctx: &Ctx) -> Result<()> {
    let kind = enum_arg::<AwardKind>("--kind", &a.kind)?;
    let awarded_on = event_date_arg("--awarded", &a.awarded, ctx.today)?;
    let reason = super::duplicate_reason(a.duplicate_ok, a.reason.as_ref())?;
    let mut store = ctx.open()?;
    let unit = resolve_unit(store.read(), "--unit", &a.unit)?;
    let tx = store.begin(&ctx.audit)?;
    if reason.is_none()
        && let Some(id) = tx.read().award_like(unit.id, kind, awarded_on, 0)?
    {
        return Err(refuse(Msg::DuplicateAward { id, unit: unit.name.clone(), kind, on: awarded_on }));
    }
    let mut award = AwardFact {
        id: 0,
        unit: unit.as_ref(),
        kind,
        awarded_on,
        grade: opt_text_arg("--grade", a.grade.as_ref())?,
        title: opt_text_arg("--title", a.title.as_ref())?,
    };
    award.id = tx.insert_award(&award)?;
    let after = award.to_json();
    let mut audited = after.clone();
    if let Some(r) = reason {
        audited.insert("reason".into(), json!(r));
    }
    tx.audit("insert", "award", Some(award.id), None, Some(&audited.into()))?;
    ctx.finish(tx, &after, "awards")
}
