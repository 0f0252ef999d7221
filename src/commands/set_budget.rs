//! `stdtrack set-budget FUND YEAR YUAN`: a fund's budget for a year. A later call replaces
//! it; the audit log keeps both.

use anyhow::Result;
use serde_json::json;

use super::{Ctx, yuan_arg};
use crate::cli::SetBudgetArgs;
use crate::core::ids::name_key;
use crate::core::records::Object;
use crate::error::{Msg, V, refuse};
use crate::store::Fund;

/// A fund by its code or its name in either language (区产业发展专项资金), as typed.
pub fn find_fund(funds: &[Fund], field: &str, value: &str) -> Result<String> {
    let key = name_key(value);
    funds
        .iter()
        .find(|f| [&f.code, &f.label_zh, &f.label_en].iter().any(|n| name_key(n) == key))
        .map(|f| f.code.clone())
        .ok_or_else(|| {
            refuse(Msg::NoSuchFund {
                field: field.into(),
                value: V::from(value),
                codes: funds.iter().map(|f| format!("{} ({})", f.code, f.label_zh)).collect(),
            })
        })
}

pub fn run(a: SetBudgetArgs, ctx: &Ctx) -> Result<()> {
    super::year_arg("YEAR", a.year)?;
    let amount = yuan_arg("YUAN", &a.amount)?;
    if amount < 0 {
        return Err(refuse(Msg::YuanNotNegative { field: "YUAN".into(), value: V::from(&a.amount) }));
    }
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let fund = find_fund(&tx.read().funds()?, "FUND", &a.fund)?;
    let before = tx.set_budget(&fund, a.year, amount)?;
    let mut o = Object::new();
    o.insert("fund".into(), json!(fund));
    o.insert("year".into(), json!(a.year));
    o.insert("amount_yuan".into(), json!(amount));
    o.insert("previous_yuan".into(), json!(before));
    let before_image = before.map(|b| json!({"fund": fund, "year": a.year, "amount_yuan": b}));
    let action = if before.is_some() { "update" } else { "insert" };
    tx.audit(action, "budget", None, before_image.as_ref(), Some(&o.clone().into()))?;
    ctx.finish(tx, &o, "budgets")
}
