//! `stdtrack void KIND ID --reason R`: a correction. The record stays, with its reason, and
//! never counts again; a payment against it shows as an overpayment.

use anyhow::Result;
use serde_json::json;

use super::{Ctx, id_arg, text_arg};
use crate::cli::{VoidArgs, VoidKind};
use crate::core::records::Object;
use crate::error::{Msg, refuse};
use crate::store::RecordKind;

pub fn run(a: VoidArgs, ctx: &Ctx) -> Result<()> {
    let reason = text_arg("--reason", &a.reason)?;
    let id = id_arg("ID", &a.id)?;
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
    let what = kind.table().to_string();
    match tx.read().void_state(kind, id)? {
        None => return Err(refuse(Msg::RecordNotFound { kind: what, id })),
        Some(Some(reason)) => return Err(refuse(Msg::AlreadyVoided { kind: what, id, reason })),
        Some(None) => {}
    }
    tx.void(kind, id, &reason)?;
    let after = json!({ "void_reason": reason });
    tx.audit("void", kind.table(), Some(id), None, Some(&after))?;
    let mut o = Object::new();
    o.insert("record_kind".into(), json!(kind.table()));
    o.insert("record_id".into(), json!(id));
    o.insert("voided".into(), json!(reason));
    ctx.finish(tx, &o, "void")
}
