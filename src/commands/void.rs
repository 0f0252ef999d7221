//! `stdtrack void KIND ID --reason R`: a correction. The record stays, with its reason, and
//! never counts again; a payment against it shows as an overpayment.

use anyhow::Result;
use serde_json::json;

use super::{Ctx, id_arg, text_arg};
use crate::cli::{VoidArgs, VoidKind};
use crate::core::records::Object;
use crate::error::{Msg, refuse};
use crate::store::{ListFilter, Reader, RecordKind};

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
        VoidKind::Payment => RecordKind::Payment,
    };
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let what = kind.table().to_string();
    match tx.read().void_state(kind, id)? {
        None => return Err(refuse(Msg::RecordNotFound { kind: what, id })),
        Some(Some(reason)) => return Err(refuse(Msg::AlreadyVoided { kind: what, id, reason })),
        Some(None) => {}
    }
    if kind == RecordKind::Payment {
        payment_can_go(tx.read(), id)?;
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

/// A payment entered by mistake may go unless a refund of it remains: the payee's net on the
/// key would then fall below zero, a refund of money never paid.
fn payment_can_go(read: Reader<'_>, id: i64) -> Result<()> {
    let Some(p) = read.payment_records(&ListFilter::default(), Some(id))?.into_iter().next() else {
        return Ok(());
    };
    let p = p.record;
    let rest = read
        .payments(&ListFilter { unit_id: Some(p.unit_id), ..Default::default() })?
        .into_iter()
        .filter(|o| o.key == p.key && o.id != p.id)
        .map(|o| o.amount_yuan);
    let net = crate::core::money::sum(rest).map_err(crate::error::overflow)?;
    if net < 0 {
        return Err(refuse(Msg::VoidLeavesNegative { id, key: p.key, net_yuan: net }));
    }
    Ok(())
}
