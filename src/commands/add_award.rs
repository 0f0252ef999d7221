//! `stdtrack add-award`: a standard innovation or product award to a unit.

use anyhow::Result;

use super::{Ctx, enum_arg, event_date_arg, opt_text_arg, resolve_unit};
use crate::cli::AwardArgs;
use crate::core::model::{AwardFact, AwardKind};
use crate::core::records::ToJson;

pub fn run(a: AwardArgs, ctx: &Ctx) -> Result<()> {
    let kind = enum_arg::<AwardKind>("--kind", &a.kind)?;
    let awarded_on = event_date_arg("--awarded", &a.awarded, ctx.today)?;
    let mut store = ctx.open()?;
    let unit = resolve_unit(store.read(), "--unit", &a.unit)?;
    let tx = store.begin(&ctx.audit)?;
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
    tx.audit("insert", "award", Some(award.id), None, Some(&after.clone().into()))?;
    ctx.finish(tx, &after, "awards")
}
