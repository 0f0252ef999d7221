//! `stdtrack undo-import BATCH --reason R`: the clerk's decision to take a whole import back.
//! Every record the batch added that is still live, and every unit it created, is voided and
//! kept with the reason; the per-day counts go back; the batch is marked undone. Refused,
//! naming the record, while a live record outside the batch uses a unit the batch created.
//! The same file can then be imported again.

use anyhow::Result;
use serde_json::{Value, json};

use super::{Ctx, id_arg, text_arg};
use crate::cli::UndoImportArgs;
use crate::error::{Msg, UnitName, refuse};

pub fn run(a: UndoImportArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("undo-import", crate::cli::formats_of("undo-import"))?;
    let id = id_arg("BATCH", &a.batch)?;
    let reason = text_arg("--reason", &a.reason)?;
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let batch = read.batch(id)?.ok_or_else(|| refuse(Msg::RecordNotFound { kind: "batch".into(), id }))?;
    if let (Some(at), Some(why)) = (&batch.undone_at, &batch.undo_reason) {
        return Err(refuse(Msg::BatchUndone { id, at: at.clone(), reason: why.clone() }));
    }
    if let Some((kind, record, unit_id)) = read.undo_blocker(id)? {
        let name = read.unit(unit_id)?.map(|u| u.name).unwrap_or_default();
        return Err(refuse(Msg::UndoBlocked { batch: id, kind, id: record, unit: UnitName { id: unit_id, name } }));
    }
    let before = batch.to_json();
    let (undone, released) = tx.undo_batch(id, &reason)?;
    for unit in &released {
        let after = tx.unit_record(unit.id)?.unwrap_or_default();
        let after = super::with_reason(&after, Some(&reason));
        tx.audit("undo-import", "unit", Some(unit.id), Some(&Value::Object(unit.before.clone())), Some(&after))?;
    }
    let mut after = read.batch(id)?.map(|b| b.to_json()).unwrap_or_default();
    after.insert(
        "voided".into(),
        json!({ "filings": undone.filings, "reviews": undone.reviews, "units": undone.units }),
    );
    tx.audit(
        "undo-import",
        "import_batch",
        Some(id),
        Some(&Value::Object(before)),
        Some(&super::with_reason(&after, Some(&reason))),
    )?;
    ctx.finish(tx, &after, "batches")
}
