//! `stdtrack update-unit UNIT`: change a unit's name, codes, kind, industry or location.

use anyhow::Result;

use super::unit_checks::{checked_codes, codes_agree, ensure_unique};
use super::{Ctx, enum_arg, opt_text_arg, resolve_unit, text_arg};
use crate::cli::UpdateUnitArgs;
use crate::core::model::UnitKind;
use crate::core::records::ToJson;
use crate::store::UnitRow;

pub fn run(a: UpdateUnitArgs, ctx: &Ctx) -> Result<()> {
    let name = a.name.as_deref().map(|n| text_arg("--name", n)).transpose()?;
    let kind = a.kind.as_deref().map(|k| enum_arg::<UnitKind>("--kind", k)).transpose()?;
    let (uscc, org_code, warnings) = checked_codes(a.uscc.as_deref(), a.org_code.as_deref(), a.allow_bad_check)?;
    let mut store = ctx.open()?;
    let before = resolve_unit(store.read(), "UNIT", &a.unit)?;
    let tx = store.begin(&ctx.audit)?;
    let before = super::unit_in(tx.read(), "UNIT", &before)?;
    let mut unit = before.clone();
    if let Some(n) = name {
        unit.name = n;
    }
    if let Some(k) = kind {
        unit.kind = k;
    }
    // An empty --uscc "" or --org-code "" clears the code.
    if a.uscc.is_some() {
        unit.uscc = uscc;
    }
    if a.org_code.is_some() {
        unit.org_code = org_code;
    }
    if a.industry.is_some() {
        unit.industry = opt_text_arg("--industry", a.industry.as_ref())?;
    }
    if a.location.is_some() {
        unit.location = opt_text_arg("--location", a.location.as_ref())?;
    }
    // The pair must still agree when only one side changed.
    if a.uscc.is_some() || a.org_code.is_some() {
        codes_agree(unit.uscc.as_deref(), unit.org_code.as_deref())?;
    }
    let key = ensure_unique(tx.read(), &unit)?;
    warnings.iter().for_each(|w| ctx.warn(w));
    tx.update_unit(&UnitRow { unit: &unit, name_key: &key, batch_id: None })?;
    let after = unit.to_json();
    let reason = opt_text_arg("--reason", a.reason.as_ref())?;
    let image = super::with_reason(&after, reason.as_deref());
    tx.audit("update", "unit", Some(unit.id), Some(&before.to_json().into()), Some(&image))?;
    ctx.finish(tx, &after, "units")
}
