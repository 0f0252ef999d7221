//! `stdtrack record-payment KEY --paid DATE`: money paid (or refunded) against an entitlement.

use anyhow::Result;

use super::{Ctx, event_date_arg, opt_text_arg, resolve_unit, yuan_arg};
use crate::cli::PaymentArgs;
use crate::core::model::Payment;
use crate::core::records::ToJson;
use crate::core::rewards::{check_payment, entitlements};
use crate::error::{Msg, V, refuse};
use crate::store::ListFilter;

pub fn run(a: PaymentArgs, ctx: &Ctx) -> Result<()> {
    let paid_on = event_date_arg("--paid", &a.paid, ctx.today)?;
    let amount = a.amount.as_deref().map(|s| yuan_arg("--amount", s)).transpose()?;
    let voucher = opt_text_arg("--voucher", a.voucher.as_ref())?;
    let key = a.key.trim().to_string();
    let mut store = ctx.open()?;
    let named_payee = a.payee.as_deref().map(|p| resolve_unit(store.read(), "--payee", p)).transpose()?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let facts = read.facts()?;
    let all = entitlements(&read.rules()?, &facts.standards, &facts.awards, &read.live_projects()?);
    let ent = all.iter().find(|e| e.key == key);
    let payee = match (named_payee, ent) {
        (Some(p), _) => p,
        (None, Some(e)) => {
            read.unit(e.unit_id)?.ok_or_else(|| refuse(Msg::RecordNotFound { kind: "unit".into(), id: e.unit_id }))?
        }
        (None, None) => return Err(refuse(Msg::KeyNotFound { key: V::from(key) })),
    };
    // A reward is paid once earned: a payment (or refund) dated before the event is a slip.
    if let Some(e) = ent.filter(|e| paid_on < e.event_date) {
        return Err(refuse(Msg::PaidBeforeEvent { key, paid: paid_on, event: e.event_date }));
    }
    let payments: Vec<Payment> = read.payments(&ListFilter::default())?.into_iter().filter(|p| p.key == key).collect();
    let amount = check_payment(ent, &key, &payments, payee.id, &payee.name, amount)
        .map_err(|err| refuse(Msg::Payment { err }))?;
    let mut p =
        Payment { id: 0, key, unit_id: payee.id, unit: payee.name.clone(), amount_yuan: amount, paid_on, voucher };
    p.id = tx.insert_payment(&p)?;
    let after = p.to_json();
    tx.audit("insert", "payment", Some(p.id), None, Some(&after.clone().into()))?;
    ctx.finish(tx, &after, "payments")
}
