//! `stdtrack set-rule CODE [--amount YUAN] [--per record|enterprise] --from DATE [--until
//! DATE]`: a new version of a reward rule; the previous one ends the day before. Events before
//! `--from` keep their amount. What is not given is the previous version's: the amount, the
//! fund, and whether it pays per record or once per enterprise (issue 12). The rule may be
//! named by its code or its name (牵头制定国家标准).

use anyhow::Result;
use serde_json::json;

use super::{Ctx, date_arg, enum_arg, opt_date_arg, yuan_arg};
use crate::cli::SetRuleArgs;
use crate::core::model::{Per, RuleVersion};
use crate::core::records::Object;
use crate::error::{Msg, V, refuse};

pub fn run(a: SetRuleArgs, ctx: &Ctx) -> Result<()> {
    let amount = a.amount.as_deref().map(|raw| yuan_arg("--amount", raw)).transpose()?;
    if let (Some(amount), Some(raw)) = (amount, &a.amount)
        && amount < 0
    {
        return Err(refuse(Msg::YuanNotNegative { field: "--amount".into(), value: V::from(raw) }));
    }
    let per = a.per.as_deref().map(|p| enum_arg::<Per>("--per", p)).transpose()?;
    let from = date_arg("--from", &a.from)?;
    let until = opt_date_arg("--until", a.until.as_ref())?;
    if let Some(u) = until.filter(|u| *u < from) {
        return Err(refuse(Msg::FromAfterTo { from_field: "--from".into(), from, to_field: "--until".into(), to: u }));
    }
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let rules = read.rules()?;
    let code = a.code.trim();
    // A rule by its code or its name in either language (牵头制定国家标准).
    let key = crate::core::ids::name_key(code);
    let rule = rules
        .iter()
        .find(|r| [&r.code, &r.label_zh, &r.label_en].iter().any(|n| crate::core::ids::name_key(n) == key))
        .ok_or_else(|| {
            refuse(Msg::RuleNotFound { value: V::from(code), codes: rules.iter().map(|r| r.code.clone()).collect() })
        })?;
    let code = rule.code.as_str();
    let latest = rule.versions.iter().max_by_key(|v| v.from);
    if let Some(l) = latest.filter(|l| from <= l.from) {
        return Err(refuse(Msg::RuleFromTooEarly { from, latest: l.from }));
    }
    let fund = match (&a.fund, latest) {
        (Some(f), _) => super::set_budget::find_fund(&read.funds()?, "--fund", f)?,
        (None, Some(l)) => l.fund.clone(),
        (None, None) => return Err(refuse(Msg::FundNeeded)),
    };
    let amount_yuan = match (amount, latest) {
        (Some(a), _) => a,
        (None, Some(l)) => l.amount_yuan,
        (None, None) => return Err(refuse(Msg::AmountNeeded)),
    };
    let per = per.or(latest.map(|l| l.per)).unwrap_or(Per::Record);
    let v = RuleVersion { amount_yuan, from, to: until, fund, per };
    tx.add_rule_version(code, latest.map(|l| l.from), &v)?;
    let mut o = Object::new();
    o.insert("code".into(), json!(code));
    o.insert("amount_yuan".into(), json!(v.amount_yuan));
    o.insert("effective_from".into(), json!(v.from.to_string()));
    o.insert("effective_to".into(), json!(v.to.map(|d| d.to_string())));
    o.insert("fund".into(), json!(v.fund));
    o.insert("per".into(), json!(v.per.as_str()));
    let before = latest.map(|l| {
        json!({
            "amount_yuan": l.amount_yuan, "effective_from": l.from.to_string(),
            "effective_to": l.to.map(|d| d.to_string()), "fund": l.fund, "per": l.per.as_str(),
        })
    });
    tx.audit("insert", "rule_version", None, before.as_ref(), Some(&o.clone().into()))?;
    ctx.finish(tx, &o, "rules")
}
