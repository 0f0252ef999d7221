//! `stdtrack void KIND ID --reason R`: a correction. The record stays, with its reason, and
//! never counts again; a payment against it shows as an overpayment.

use anyhow::{Result, anyhow, bail};
use serde_json::json;

use super::{Ctx, text_arg};
use crate::cli::{VoidArgs, VoidKind};
use crate::core::records::Object;
use crate::store::RecordKind;

pub fn run(a: VoidArgs, ctx: &Ctx) -> Result<()> {
    let reason = text_arg("--reason", &a.reason)?;
    let id: i64 =
        a.id.trim().trim_start_matches('#').parse().map_err(|_| anyhow!("ID: '{}' is not a record id", a.id))?;
    let kind = match a.kind {
        VoidKind::Standard => RecordKind::Standard,
        VoidKind::Filing => RecordKind::Filing,
        VoidKind::Review => RecordKind::Review,
        VoidKind::Award => RecordKind::Award,
        VoidKind::Project => RecordKind::Project,
        VoidKind::Committee => RecordKind::Seat,
        VoidKind::Meeting => RecordKind::Meeting,
    };
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    match tx.read().void_state(kind, id)? {
        None => bail!("there is no {} #{id}", kind.table().replace('_', " ")),
        Some(Some(r)) => bail!("{} #{id} is voided already ({r})", kind.table().replace('_', " ")),
        Some(None) => {}
    }
    tx.void(kind, id, &reason)?;
    let after = json!({ "void_reason": reason });
    tx.audit("void", kind.table(), Some(id), None, Some(&after))?;
    let mut o = Object::new();
    o.insert("record_kind".into(), json!(kind.table()));
    o.insert("record_id".into(), json!(id));
    o.insert("voided".into(), json!(reason));
    ctx.finish(tx, &o)
}
