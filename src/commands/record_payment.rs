//! `stdtrack record-payment KEY --paid DATE`: money paid (or refunded) against an entitlement.

use anyhow::{Result, anyhow};

use super::{Ctx, date_arg, opt_text_arg, resolve_unit};
use crate::cli::PaymentArgs;
use crate::core::model::Payment;
use crate::core::money::{YuanError, parse_yuan};
use crate::core::records::ToJson;
use crate::core::rewards::{check_payment, entitlements};
use crate::store::ListFilter;

fn yuan_arg(field: &str, raw: &str) -> Result<i64> {
    parse_yuan(raw).map_err(|e| match e {
        YuanError::TooLarge => {
            anyhow!("{field}: {} is more than 10,000,000,000 yuan, the most one rule or payment may be", raw.trim())
        }
        YuanError::Empty | YuanError::NotWholeYuan => {
            anyhow!("{field}: '{raw}' is not a whole number of yuan (e.g. 300000, or -50000 for a refund)")
        }
    })
}

pub fn run(a: PaymentArgs, ctx: &Ctx) -> Result<()> {
    let paid_on = date_arg("--paid", &a.paid)?;
    let amount = a.amount.as_deref().map(|s| yuan_arg("--amount", s)).transpose()?;
    let key = a.key.trim().to_string();
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let facts = read.facts()?;
    let all = entitlements(&read.rules()?, &facts.standards, &facts.awards, &read.live_projects()?);
    let ent = all.iter().find(|e| e.key == key);
    let payee = match (&a.payee, ent) {
        (Some(p), _) => resolve_unit(read, "--payee", p)?,
        (None, Some(e)) => read.unit(e.unit_id)?.ok_or_else(|| anyhow!("unit #{} vanished", e.unit_id))?,
        (None, None) => {
            return Err(anyhow!("no entitlement has the key '{key}'; `stdtrack award-calc` lists the keys"));
        }
    };
    let payments: Vec<Payment> = read.payments(&ListFilter::default())?.into_iter().filter(|p| p.key == key).collect();
    let amount = check_payment(ent, &key, &payments, payee.id, &payee.name, amount).map_err(|e| anyhow!("{e}"))?;
    let mut p = Payment {
        id: 0,
        key,
        unit_id: payee.id,
        unit: payee.name.clone(),
        amount_yuan: amount,
        paid_on,
        voucher: opt_text_arg(a.voucher.as_ref()),
    };
    p.id = tx.insert_payment(&p)?;
    let after = p.to_json();
    tx.audit("insert", "payment", Some(p.id), None, Some(&after.clone().into()))?;
    ctx.finish(tx, &after)
}
