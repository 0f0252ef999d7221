//! `stdtrack add-unit`: a new enterprise or other organisation.

use anyhow::Result;

use super::unit_checks::{checked_codes, ensure_unique};
use super::{Ctx, enum_arg, opt_text_arg, text_arg};
use crate::cli::UnitArgs;
use crate::core::model::UnitKind;
use crate::core::records::{ToJson, Unit};
use crate::store::UnitRow;

pub fn run(a: UnitArgs, ctx: &Ctx) -> Result<()> {
    let name = text_arg("--name", &a.name)?;
    let kind = match &a.kind {
        Some(k) => enum_arg::<UnitKind>("--kind", k)?,
        None => UnitKind::Enterprise,
    };
    let (uscc, org_code, warnings) = checked_codes(a.uscc.as_deref(), a.org_code.as_deref(), a.allow_bad_check)?;
    let mut unit = Unit {
        id: 0,
        name,
        uscc,
        org_code,
        kind,
        industry: opt_text_arg("--industry", a.industry.as_ref())?,
        location: opt_text_arg("--location", a.location.as_ref())?,
    };
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let key = ensure_unique(tx.read(), &unit)?;
    warnings.iter().for_each(|w| ctx.warn(w));
    unit.id = tx.insert_unit(&UnitRow { unit: &unit, name_key: &key, batch_id: None })?;
    let after = unit.to_json();
    tx.audit("insert", "unit", Some(unit.id), None, Some(&after.clone().into()))?;
    ctx.finish(tx, &after, "units")
}
