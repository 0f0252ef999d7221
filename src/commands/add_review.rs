//! `stdtrack add-review`: a periodic review (复审) of an enterprise standard.

use anyhow::Result;

use super::add_filing::enterprise_number;
use super::{Ctx, enum_arg, event_date_arg, resolve_unit};
use crate::cli::ReviewArgs;
use crate::core::ids;
use crate::core::model::Outcome;
use crate::core::records::{Review, ToJson};
use crate::error::{Msg, refuse};

pub fn run(a: ReviewArgs, ctx: &Ctx) -> Result<()> {
    let number = enterprise_number("--number", &a.number)?;
    let reviewed_on = event_date_arg("--reviewed", &a.reviewed, ctx.today)?;
    let outcome = enum_arg::<Outcome>("--outcome", &a.outcome)?;
    let filing_no = a.filing_no.as_deref().map(ids::normalize_code).filter(|s| !s.is_empty());
    let mut store = ctx.open()?;
    let unit = resolve_unit(store.read(), "--unit", &a.unit)?;
    let tx = store.begin(&ctx.audit)?;
    if let Some(id) = tx.read().review_exists(unit.id, &number, reviewed_on)? {
        return Err(refuse(Msg::ReviewExists { number, unit: unit.name, on: reviewed_on, id }));
    }
    let mut r = Review { id: 0, unit: unit.as_ref(), number, filing_no, reviewed_on, outcome, batch_id: None };
    r.id = tx.insert_review(&r)?;
    let after = r.to_json();
    tx.audit("insert", "review", Some(r.id), None, Some(&after.clone().into()))?;
    ctx.finish(tx, &after, "reviews")
}
