//! `stdtrack merge-units KEEP DUPLICATE --reason R`: one unit entered twice becomes one.
//! Every record of the duplicate moves to the unit kept; the duplicate is voided with the
//! reason and points to the unit kept (`merged_into`), so distinct-enterprise targets count
//! the unit once. Codes the kept unit lacks are taken from the duplicate; units holding
//! different codes are two units and are refused. Each record moved is audited, so its
//! history shows the move.

use anyhow::Result;
use serde_json::{Value, json};

use super::{Ctx, resolve_unit, text_arg, unit_in, with_reason};
use crate::cli::MergeUnitsArgs;
use crate::core::ids;
use crate::core::records::{Object, ToJson};
use crate::error::{Msg, UnitName, refuse};
use crate::store::{ListFilter, Reader};

/// The image of a record, for the audit of its move (None: not a record kind listed here).
fn image(read: Reader<'_>, kind: &str, id: i64) -> Result<Option<Object>> {
    Ok(match kind {
        "standard" => read.standard(id)?.map(|r| r.record.to_json()),
        "filing" => read.filing(id)?.map(|r| r.record.to_json()),
        "review" => read.review(id)?.map(|r| r.record.to_json()),
        "award" => read.award(id)?.map(|r| r.record.to_json()),
        "project" => read.project(id)?.map(|r| r.record.to_json()),
        "committee_seat" => read.seat(id)?.map(|r| r.record.to_json()),
        "payment" => {
            read.payment_records(&ListFilter::default(), Some(id))?.into_iter().next().map(|r| r.record.to_json())
        }
        _ => None,
    })
}

/// The one code of a kind the merged unit holds: the kept unit's, else the duplicate's;
/// two different ones mean two units.
fn one_code(field: &str, keep: Option<String>, dup: Option<String>) -> Result<Option<String>> {
    match (keep, dup) {
        (Some(k), Some(d)) if k != d => {
            Err(refuse(Msg::MergeCodesDiffer { field: field.into(), keep: k, duplicate: d }))
        }
        (k, d) => Ok(k.or(d)),
    }
}

pub fn run(a: MergeUnitsArgs, ctx: &Ctx) -> Result<()> {
    let reason = text_arg("--reason", &a.reason)?;
    let mut store = ctx.open()?;
    let keep = resolve_unit(store.read(), "KEEP", &a.keep)?;
    let dup = resolve_unit(store.read(), "DUPLICATE", &a.duplicate)?;
    if keep.id == dup.id {
        return Err(refuse(Msg::MergeSame { unit: UnitName { id: keep.id, name: keep.name } }));
    }
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let keep = unit_in(read, "KEEP", &keep)?;
    let dup = unit_in(read, "DUPLICATE", &dup)?;
    // One unit answers to one USCC and one organisation code (also the one inside its USCC).
    let uscc = one_code("uscc", keep.uscc.clone(), dup.uscc.clone())?;
    let org_of = |u: &crate::core::records::Unit| {
        u.org_code.clone().or_else(|| u.uscc.as_deref().and_then(ids::org_code_in_uscc))
    };
    one_code("org_code", org_of(&keep), org_of(&dup))?;
    // Every code of the two agrees (checked above), so the pair stored agrees too.
    let org_code = keep.org_code.clone().or(dup.org_code.clone());
    if let Some((review, other)) = tx.merge_review_clash(keep.id, dup.id)? {
        return Err(refuse(Msg::MergeSameReview { review, other }));
    }
    let keep_before = read.unit_record(keep.id)?.unwrap_or_default();
    let dup_before = read.unit_record(dup.id)?.unwrap_or_default();
    let moved = tx.records_of_unit(dup.id)?;
    let mut befores = Vec::new();
    for (kind, id) in &moved {
        befores.push(image(read, kind, *id)?);
    }
    tx.merge_units(keep.id, dup.id, &reason, (uscc.as_deref(), org_code.as_deref()))?;
    for ((kind, id), before) in moved.iter().zip(befores) {
        let after = image(read, kind, *id)?;
        let before = before.map(Value::Object);
        tx.audit(
            "merge",
            kind,
            Some(*id),
            before.as_ref(),
            Some(&with_reason(&after.unwrap_or_default(), Some(&reason))),
        )?;
    }
    let dup_after = read.unit_record(dup.id)?.unwrap_or_default();
    tx.audit(
        "merge",
        "unit",
        Some(dup.id),
        Some(&Value::Object(dup_before)),
        Some(&with_reason(&dup_after, Some(&reason))),
    )?;
    let mut keep_after = read.unit_record(keep.id)?.unwrap_or_default();
    tx.audit(
        "merge",
        "unit",
        Some(keep.id),
        Some(&Value::Object(keep_before)),
        Some(&with_reason(&keep_after, Some(&reason))),
    )?;
    keep_after.insert("merged".into(), json!({ "unit_id": dup.id, "unit": dup.name, "records_moved": moved.len() }));
    ctx.finish(tx, &keep_after, "units")
}
