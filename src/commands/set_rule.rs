//! `stdtrack set-rule CODE --amount YUAN --from DATE [--until DATE]`: a new version of a
//! reward rule; the previous one ends the day before. Events before `--from` keep their amount.

use anyhow::{Result, anyhow, bail};
use serde_json::json;

use super::{Ctx, date_arg, opt_date_arg};
use crate::cli::SetRuleArgs;
use crate::core::model::RuleVersion;
use crate::core::money::{YuanError, parse_yuan};
use crate::core::records::Object;

pub fn run(a: SetRuleArgs, ctx: &Ctx) -> Result<()> {
    let amount = match parse_yuan(&a.amount) {
        Ok(n) if n >= 0 => n,
        Err(YuanError::TooLarge) => {
            bail!("--amount: {} is more than 10,000,000,000 yuan, the most one rule or payment may be", a.amount.trim())
        }
        Ok(_) | Err(YuanError::Empty | YuanError::NotWholeYuan) => {
            bail!("--amount: '{}' is not a whole number of yuan, 0 or more", a.amount)
        }
    };
    let from = date_arg("--from", &a.from)?;
    let until = opt_date_arg("--until", a.until.as_ref())?;
    if let Some(u) = until.filter(|u| *u < from) {
        bail!("--until {u} is before --from {from}");
    }
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let rules = read.rules()?;
    let code = a.code.trim();
    let rule = rules.iter().find(|r| r.code == code).ok_or_else(|| {
        anyhow!(
            "no reward rule has code '{code}'; the rules are {}",
            rules.iter().map(|r| r.code.as_str()).collect::<Vec<_>>().join(", ")
        )
    })?;
    let latest = rule.versions.iter().max_by_key(|v| v.from);
    if let Some(l) = latest.filter(|l| from <= l.from) {
        bail!("--from {from} must come after the start of the rule's latest version ({})", l.from);
    }
    let fund = match (&a.fund, latest) {
        (Some(f), _) => {
            let f = f.trim().to_string();
            let funds = read.funds()?;
            if !funds.iter().any(|x| x.code == f) {
                let names: Vec<&str> = funds.iter().map(|x| x.code.as_str()).collect();
                bail!("--fund: '{f}' is not a fund; the funds are {}", names.join(", "));
            }
            f
        }
        (None, Some(l)) => l.fund.clone(),
        (None, None) => bail!("--fund is needed for the first version of a rule"),
    };
    let v = RuleVersion { amount_yuan: amount, from, to: until, fund };
    tx.add_rule_version(code, latest.map(|l| l.from), &v)?;
    let mut o = Object::new();
    o.insert("code".into(), json!(code));
    o.insert("amount_yuan".into(), json!(v.amount_yuan));
    o.insert("effective_from".into(), json!(v.from.to_string()));
    o.insert("effective_to".into(), json!(v.to.map(|d| d.to_string())));
    o.insert("fund".into(), json!(v.fund));
    let before = latest.map(|l| json!({"amount_yuan": l.amount_yuan, "effective_from": l.from.to_string(), "effective_to": l.to.map(|d| d.to_string()), "fund": l.fund}));
    tx.audit("insert", "rule_version", None, before.as_ref(), Some(&o.clone().into()))?;
    ctx.finish(tx, &o)
}
