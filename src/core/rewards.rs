//! Subsidies and rewards (DOMAIN.md §4): entitlements derived from records under the rules,
//! what payments cover, overpayments, and the checks on a new payment. Whole yuan, integers.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::Datelike;

use super::model::{
    Action, AwardFact, Date, Payment, Per, ProjectFact, RuleDef, RuleSource, RuleVersion, StandardFact, StandardStatus,
    UnitKind, UnitRef,
};
use super::money::{self, MoneyOverflow};

/// chrono has no serde feature here: dates go out as `YYYY-MM-DD` through Display.
fn ser_date<S: serde::Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn ser_opt_date<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entitlement {
    /// `RULE:KIND:ID`, e.g. `lead-national:standard:12`.
    pub key: String,
    pub rule: String,
    pub unit_id: i64,
    pub unit: String,
    /// Standard: its number, else its title; project: its name; award: its title, else its kind.
    pub record: String,
    #[serde(serialize_with = "ser_date")]
    pub event_date: Date,
    pub amount_yuan: i64,
    pub fund: String,
    pub paid_yuan: i64,
    pub outstanding_yuan: i64,
}

/// The version of a rule in force on a date (`from <= on <= to`, `to` None = open). Should
/// versions ever overlap, the one that started last wins, as `set-rule` intends.
pub fn version_in_force(rule: &RuleDef, on: Date) -> Option<&RuleVersion> {
    rule.versions.iter().filter(|v| v.from <= on && v.to.is_none_or(|to| on <= to)).max_by_key(|v| v.from)
}

/// One event that may earn a rule: the record, its payee and its date.
struct Event<'a> {
    kind: &'static str,
    id: i64,
    payee: &'a UnitRef,
    record: String,
    on: Date,
}

/// The events a rule looks at, before any version or payee test.
fn events<'a>(
    rule: &RuleDef,
    standards: &'a [StandardFact],
    awards: &'a [AwardFact],
    projects: &'a [ProjectFact],
) -> Vec<Event<'a>> {
    match rule.source {
        RuleSource::Project => projects
            .iter()
            .map(|p| Event { kind: "project", id: p.id, payee: &p.unit, record: p.name.clone(), on: p.passed_on })
            .collect(),
        // A rule without a level cannot say which standards earn it: none do.
        RuleSource::LeadStandard => rule.level.map_or_else(Vec::new, |level| {
            standards
                .iter()
                // Only the lead of a newly formulated, published standard earns it;
                // revisions and participants never do.
                .filter(|s| s.level == level && s.action == Action::Formulate && s.status != StandardStatus::Drafting)
                .filter_map(|s| {
                    let (on, lead) = (s.published_on?, s.lead.as_ref()?);
                    let record = s.number.clone().unwrap_or_else(|| s.title.clone());
                    Some(Event { kind: "standard", id: s.id, payee: lead, record, on })
                })
                .collect()
        }),
        RuleSource::Award => rule.award_kind.map_or_else(Vec::new, |kind| {
            awards
                .iter()
                .filter(|a| a.kind == kind)
                .map(|a| {
                    let record = a.title.clone().unwrap_or_else(|| a.kind.as_str().to_string());
                    Event { kind: "award", id: a.id, payee: &a.unit, record, on: a.awarded_on }
                })
                .collect()
        }),
    }
}

/// Every entitlement the records yield under the rules, over all time, unpaid (paid 0,
/// outstanding = amount), sorted by event date then key.
///
/// An event earns under the version in force on its date. A version that pays per record
/// gives one entitlement per record (`RULE:KIND:ID`); one that pays once per enterprise
/// (issue 12) gives the unit one entitlement for the whole plan, `RULE:unit:UNIT_ID`, dated
/// its first event that falls under such a version, at that version's amount; its later
/// events under such versions earn nothing more. Entitlements earned per record before the
/// office changed its reading stay as they were.
pub fn entitlements(
    rules: &[RuleDef],
    standards: &[StandardFact],
    awards: &[AwardFact],
    projects: &[ProjectFact],
) -> Vec<Entitlement> {
    let mut out = Vec::new();
    for rule in rules {
        let mut list = events(rule, standards, awards, projects);
        list.sort_by(|a, b| (a.on, a.kind, a.id).cmp(&(b.on, b.kind, b.id)));
        let mut once_paid: BTreeSet<i64> = BTreeSet::new();
        for e in list {
            if rule.enterprise_only && e.payee.kind != UnitKind::Enterprise {
                continue;
            }
            let Some(v) = version_in_force(rule, e.on) else { continue };
            let key = match v.per {
                Per::Record => format!("{}:{}:{}", rule.code, e.kind, e.id),
                Per::Enterprise => {
                    if !once_paid.insert(e.payee.id) {
                        continue;
                    }
                    format!("{}:unit:{}", rule.code, e.payee.id)
                }
            };
            out.push(Entitlement {
                key,
                rule: rule.code.clone(),
                unit_id: e.payee.id,
                unit: e.payee.name.clone(),
                record: e.record,
                event_date: e.on,
                amount_yuan: v.amount_yuan,
                fund: v.fund.clone(),
                paid_yuan: 0,
                outstanding_yuan: v.amount_yuan,
            });
        }
    }
    out.sort_by(|a, b| (a.event_date, &a.key).cmp(&(b.event_date, &b.key)));
    out
}

/// The fund a key's money comes from: its entitlement's; for a key that no longer yields
/// one, the fund its rule pays from now.
pub fn fund_of_key(all: &[Entitlement], rules: &[RuleDef], key: &str) -> Option<String> {
    if let Some(e) = all.iter().find(|e| e.key == key) {
        return Some(e.fund.clone());
    }
    let rule = key.split(':').next()?;
    let r = rules.iter().find(|r| r.code == rule)?;
    r.versions.iter().max_by_key(|v| v.from).map(|v| v.fund.clone())
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Overpayment {
    pub key: String,
    pub unit_id: i64,
    pub unit: String,
    pub amount_yuan: i64,
    /// `no-entitlement`, `payee-changed` or `exceeds-amount`.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Totals {
    pub amount_yuan: i64,
    pub paid_yuan: i64,
    pub outstanding_yuan: i64,
    /// Amount per fund; every fund passed in is present, even at 0.
    pub by_fund: BTreeMap<String, i64>,
    /// Amount per event year, e.g. "2013".
    pub by_year: BTreeMap<String, i64>,
    pub overpaid_yuan: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AwardCalc {
    #[serde(serialize_with = "ser_opt_date")]
    pub from: Option<Date>,
    #[serde(serialize_with = "ser_opt_date")]
    pub to: Option<Date>,
    /// Payments count up to this day (None: all of them).
    #[serde(serialize_with = "ser_opt_date")]
    pub as_of: Option<Date>,
    pub entitlements: Vec<Entitlement>,
    pub totals: Totals,
    pub overpayments: Vec<Overpayment>,
}

/// award-calc of CLI.md. Entitlements with event_date in [from, to] (None = unbounded),
/// sorted by event date then key; paid = payments dated up to `to` with the same key and the
/// entitlement's payee; outstanding = max(amount - paid, 0). Overpayments come from payments
/// dated up to `to` whose key is in range or yields no entitlement at all, grouped per
/// (key, unit), non-zero only. `outstanding_only` keeps entitlements with something
/// outstanding; totals sum the kept ones. Overpayments are computed before that filter, so a
/// fully (over)paid key still shows its excess.
///
/// Every sum is exact: stored amounts whose sums do not fit in `i64` are `MoneyOverflow`,
/// never a wrapped or saturated figure.
pub fn award_calc(
    all: &[Entitlement],
    payments: &[Payment],
    from: Option<Date>,
    to: Option<Date>,
    funds: &[String],
    outstanding_only: bool,
    unit_id: Option<i64>,
) -> Result<AwardCalc, MoneyOverflow> {
    award_calc_as_of(all, payments, from, to, to, funds, outstanding_only, unit_id)
}

/// award-calc as of a date (issue 11): entitlements selected by event date in [from, to]
/// as `award_calc` does, payments counted up to `as_of` (None: all), so `--year 2013
/// --outstanding` run today shows what is still owed today, and with `as_of` 2013-12-31
/// what was owed then. An entitlement dated after `as_of` had not arisen on that date and is
/// left out: nothing can be outstanding before it is earned.
#[allow(clippy::too_many_arguments)]
pub fn award_calc_as_of(
    all: &[Entitlement],
    payments: &[Payment],
    from: Option<Date>,
    to: Option<Date>,
    as_of: Option<Date>,
    funds: &[String],
    outstanding_only: bool,
    unit_id: Option<i64>,
) -> Result<AwardCalc, MoneyOverflow> {
    let in_range = |d: Date| from.is_none_or(|f| f <= d) && to.is_none_or(|t| d <= t) && as_of.is_none_or(|a| d <= a);
    // The unit filter applies to what is shown, never to what is looked up, so a payment to
    // this unit on a key now owed to another still shows as `payee-changed`.
    let for_unit = |id: i64| unit_id.is_none_or(|u| u == id);
    let by_key: BTreeMap<&str, &Entitlement> = all.iter().map(|e| (e.key.as_str(), e)).collect();

    // Net paid per (key, payee), up to `to`; unit name kept for overpayment lines. Summed
    // in i128 (no group can hold 2^64 payments), each net checked to fit once complete.
    let mut net: BTreeMap<(&str, i64), (i128, &str)> = BTreeMap::new();
    for p in payments.iter().filter(|p| as_of.is_none_or(|a| p.paid_on <= a)) {
        let slot = net.entry((p.key.as_str(), p.unit_id)).or_insert((0, p.unit.as_str()));
        slot.0 += i128::from(p.amount_yuan);
    }
    let mut paid: BTreeMap<(&str, i64), (i64, &str)> = BTreeMap::new();
    for (k, (sum, unit)) in net {
        paid.insert(k, (money::narrow(sum)?, unit));
    }

    let mut selected: Vec<Entitlement> =
        all.iter().filter(|e| in_range(e.event_date) && for_unit(e.unit_id)).cloned().collect();
    selected.sort_by(|a, b| (a.event_date, &a.key).cmp(&(b.event_date, &b.key)));
    for e in &mut selected {
        e.paid_yuan = paid.get(&(e.key.as_str(), e.unit_id)).map_or(0, |p| p.0);
        e.outstanding_yuan = money::narrow(i128::from(e.amount_yuan) - i128::from(e.paid_yuan))?.max(0);
    }
    let in_range_keys: BTreeSet<&str> = all.iter().filter(|e| in_range(e.event_date)).map(|e| e.key.as_str()).collect();

    let mut overpayments = Vec::new();
    for (&(key, unit_id), &(sum, unit)) in paid.iter().filter(|((_, u), _)| for_unit(*u)) {
        let (amount, reason) = match by_key.get(key) {
            None => (sum, "no-entitlement"),
            Some(_) if !in_range_keys.contains(key) => continue,
            Some(e) if e.unit_id != unit_id => (sum, "payee-changed"),
            Some(e) => (money::narrow(i128::from(sum) - i128::from(e.amount_yuan))?, "exceeds-amount"),
        };
        // A right-payee group is over only by a positive excess; the others by any
        // non-zero net (a negative one is an over-refund, shown rather than hidden).
        let shown = if reason == "exceeds-amount" { amount > 0 } else { amount != 0 };
        if shown {
            overpayments.push(Overpayment {
                key: key.to_string(),
                unit_id,
                unit: unit.to_string(),
                amount_yuan: amount,
                reason: reason.to_string(),
            });
        }
    }

    if outstanding_only {
        selected.retain(|e| e.outstanding_yuan > 0);
    }

    let mut by_fund: BTreeMap<String, i128> = funds.iter().map(|f| (f.clone(), 0)).collect();
    let mut by_year: BTreeMap<String, i128> = BTreeMap::new();
    for e in &selected {
        *by_fund.entry(e.fund.clone()).or_insert(0) += i128::from(e.amount_yuan);
        *by_year.entry(e.event_date.year().to_string()).or_insert(0) += i128::from(e.amount_yuan);
    }
    let narrow_all = |m: BTreeMap<String, i128>| -> Result<BTreeMap<String, i64>, MoneyOverflow> {
        m.into_iter().map(|(k, v)| Ok((k, money::narrow(v)?))).collect()
    };
    let totals = Totals {
        amount_yuan: money::sum(selected.iter().map(|e| e.amount_yuan))?,
        paid_yuan: money::sum(selected.iter().map(|e| e.paid_yuan))?,
        outstanding_yuan: money::sum(selected.iter().map(|e| e.outstanding_yuan))?,
        by_fund: narrow_all(by_fund)?,
        by_year: narrow_all(by_year)?,
        overpaid_yuan: money::sum(overpayments.iter().map(|o| o.amount_yuan))?,
    };
    Ok(AwardCalc { from, to, as_of, entitlements: selected, totals, overpayments })
}

/// Why record-payment refuses; `Overflow` when what is stored on the key (payments, or the
/// amount) is too large to add up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaymentError {
    UnknownKey { key: String },
    OtherPayee { key: String, payee: String },
    OverAmount { key: String, amount_yuan: i64, paid_yuan: i64, attempted: i64 },
    BelowZero { key: String, paid_yuan: i64, attempted: i64 },
    Zero,
    Overflow,
}

impl fmt::Display for PaymentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PaymentError::UnknownKey { key } => write!(
                f,
                "no entitlement has the key '{key}' (see award-calc for the keys; a voided or edited record yields none)"
            ),
            PaymentError::OtherPayee { key, payee } => {
                write!(f, "the entitlement '{key}' is not payable to {payee}: pay the unit award-calc shows for it")
            }
            PaymentError::OverAmount { key, amount_yuan, paid_yuan, attempted } => write!(
                f,
                "paying {attempted} yuan on '{key}' would bring the total paid to {} yuan, over its amount of {amount_yuan} yuan ({paid_yuan} yuan paid so far, {} outstanding)",
                i128::from(*paid_yuan) + i128::from(*attempted),
                (i128::from(*amount_yuan) - i128::from(*paid_yuan)).max(0)
            ),
            PaymentError::BelowZero { key, paid_yuan, attempted } => write!(
                f,
                "a payment of {attempted} yuan on '{key}' would bring the total paid below zero: only {paid_yuan} yuan has been paid to this unit"
            ),
            PaymentError::Zero => write!(
                f,
                "there is nothing to record: the amount is zero, or nothing is outstanding on this entitlement"
            ),
            PaymentError::Overflow => write!(f, "{MoneyOverflow}"),
        }
    }
}

impl std::error::Error for PaymentError {}

/// record-payment checks (CLI.md): the key must yield an entitlement, the payee must be its
/// unit, and the total paid to that payee for the key after this payment must stay within
/// 0..=amount. `amount` None means "what is outstanding" (error Zero if nothing is).
/// Returns the amount to record.
///
/// Two readings, so overpayments can be cleared (DOMAIN.md §4 says they are shown, and a
/// refund is a negative payment): a refund (negative amount) is accepted from any unit that
/// holds a positive net on the key, down to zero, even when the key now yields nothing or
/// another payee; and a refund is never refused as "over the amount" while it moves an
/// excess back toward it.
pub fn check_payment(
    ent: Option<&Entitlement>,
    key: &str,
    payments: &[Payment],
    payee_id: i64,
    payee_name: &str,
    amount: Option<i64>,
) -> Result<i64, PaymentError> {
    // i128: a mistyped huge --amount must be refused, not overflow. What is already paid
    // must fit in i64, or no message about it could be true.
    let paid: i128 =
        payments.iter().filter(|p| p.key == key && p.unit_id == payee_id).map(|p| i128::from(p.amount_yuan)).sum();
    let paid_i64 = money::narrow(paid).map_err(|_| PaymentError::Overflow)?;
    let below_zero = |a: i64| PaymentError::BelowZero { key: key.to_string(), paid_yuan: paid_i64, attempted: a };

    // A refund of money held on the key needs no live entitlement to that payee.
    if let Some(a) = amount.filter(|a| *a < 0) {
        let holds = paid > 0;
        let own = ent.is_some_and(|e| e.unit_id == payee_id);
        if holds || own {
            return if paid + i128::from(a) < 0 { Err(below_zero(a)) } else { Ok(a) };
        }
    }

    let ent = ent.ok_or_else(|| PaymentError::UnknownKey { key: key.to_string() })?;
    if ent.unit_id != payee_id {
        return Err(PaymentError::OtherPayee { key: key.to_string(), payee: payee_name.to_string() });
    }
    let limit = i128::from(ent.amount_yuan);
    match amount {
        None => {
            let outstanding = limit - paid;
            if outstanding <= 0 {
                Err(PaymentError::Zero)
            } else {
                // Only a stored net far below zero gets here: that is not "nothing outstanding".
                i64::try_from(outstanding).map_err(|_| PaymentError::Overflow)
            }
        }
        Some(0) => Err(PaymentError::Zero),
        // Refunds by the entitlement's own payee were settled above.
        Some(a) if paid + i128::from(a) > limit => Err(PaymentError::OverAmount {
            key: key.to_string(),
            amount_yuan: ent.amount_yuan,
            paid_yuan: paid_i64,
            attempted: a,
        }),
        Some(a) => Ok(a),
    }
}

/// An amount in 万元 (10,000 yuan), up to four decimals with trailing zeros trimmed, exact:
/// 50000 -> "5", 125000 -> "12.5", 12345 -> "1.2345", -50000 -> "-5".
pub fn yuan_wan(yuan: i64) -> String {
    // unsigned_abs so i64::MIN has a magnitude too.
    let m = yuan.unsigned_abs();
    let sign = if yuan < 0 { "-" } else { "" };
    let (whole, frac) = (m / 10_000, m % 10_000);
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{frac:04}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
#[rustfmt::skip]
mod tests {
    use super::*;
    use crate::core::model::*;
    use crate::core::progress::fixtures::*;

    fn pay(id: i64, key: &str, unit_id: i64, amount: i64, on: &str) -> Payment {
        Payment {
            id,
            key: key.into(),
            unit_id,
            unit: u(unit_id).name,
            amount_yuan: amount,
            paid_on: d(on),
            voucher: Some(format!("V{id}")),
        }
    }

    fn keys(v: &[Entitlement]) -> Vec<&str> {
        v.iter().map(|e| e.key.as_str()).collect()
    }

    fn example_all() -> Vec<Entitlement> {
        entitlements(&jlp_rules(), &example_standards(), &example_awards(), &example_projects())
    }

    #[test]
    fn worked_example_award_calc() {
        let all = example_all();
        let want = [
            ("municipal-project:project:4", "2012-08-11", 50_000, "district-finance", 1, "项目3"),
            ("municipal-project:project:3", "2013-08-29", 50_000, "district-finance", 6, "项目2"),
            ("cq-innovation-award:award:5", "2014-05-17", 50_000, "industry-fund", 6, "cq-innovation"),
            ("municipal-project:project:1", "2014-06-08", 50_000, "district-finance", 4, "项目0"),
            ("cq-innovation-award:award:1", "2014-06-30", 50_000, "industry-fund", 1, "cq-innovation"),
            ("lead-international:standard:6", "2016-04-09", 500_000, "industry-fund", 6, "ISO 40005:2016"),
        ];
        assert_eq!(all.len(), want.len());
        for (e, (key, date, amount, fund, unit_id, record)) in all.iter().zip(want) {
            assert_eq!(
                (e.key.as_str(), e.event_date, e.amount_yuan, e.fund.as_str(), e.unit_id, e.record.as_str()),
                (key, d(date), amount, fund, unit_id, record)
            );
            assert_eq!((e.paid_yuan, e.outstanding_yuan), (0, amount));
            assert_eq!(e.unit, u(unit_id).name);
            assert_eq!(e.rule, key.split(':').next().unwrap());
        }
        let calc = award_calc(&all, &[], None, None, &funds(), false, None).unwrap();
        assert_eq!(calc.entitlements, all);
        assert_eq!(calc.totals.amount_yuan, 750_000);
        assert_eq!(calc.totals.paid_yuan, 0);
        assert_eq!(calc.totals.outstanding_yuan, 750_000);
        assert_eq!(calc.totals.overpaid_yuan, 0);
        assert_eq!(
            calc.totals.by_fund,
            BTreeMap::from([("district-finance".to_string(), 150_000), ("industry-fund".to_string(), 600_000)])
        );
        assert_eq!(
            calc.totals.by_year,
            BTreeMap::from([
                ("2012".to_string(), 50_000),
                ("2013".to_string(), 50_000),
                ("2014".to_string(), 150_000),
                ("2016".to_string(), 500_000),
            ])
        );
        // Quarterly report for 2014Q4: nothing arises, 250000 outstanding up to the end.
        let q4 =
            award_calc(&all, &[], Some(d("2014-10-01")), Some(d("2014-12-31")), &funds(), false, None).unwrap();
        assert_eq!(q4.totals.amount_yuan, 0);
        let to_end = award_calc(&all, &[], None, Some(d("2014-12-31")), &funds(), false, None).unwrap();
        assert_eq!(to_end.totals.outstanding_yuan, 250_000);
    }

    #[test]
    fn json_shape() {
        let all = example_all();
        let payments = [pay(1, "municipal-project:project:3", 6, 50_000, "2013-10-01")];
        let calc = award_calc(&all, &payments, Some(d("2013-01-01")), Some(d("2013-12-31")), &funds(), false, None).unwrap();
        assert_eq!(
            serde_json::to_string(&calc).unwrap(),
            concat!(
                r#"{"from":"2013-01-01","to":"2013-12-31","as_of":"2013-12-31","#,
                r#""entitlements":[{"key":"municipal-project:project:3","#,
                r#""rule":"municipal-project","unit_id":6,"unit":"示例单位6有限公司","record":"项目2","#,
                r#""event_date":"2013-08-29","amount_yuan":50000,"fund":"district-finance","paid_yuan":50000,"#,
                r#""outstanding_yuan":0}],"totals":{"amount_yuan":50000,"paid_yuan":50000,"outstanding_yuan":0,"#,
                r#""by_fund":{"district-finance":50000,"industry-fund":0},"by_year":{"2013":50000},"overpaid_yuan":0},"#,
                r#""overpayments":[]}"#
            )
        );
        let open = award_calc(&all, &[], None, None, &funds(), true, None).unwrap();
        let json = serde_json::to_string(&open).unwrap();
        assert!(json.starts_with(r#"{"from":null,"to":null,"#), "{json}");
    }

    #[test]
    fn which_records_earn() {
        use Action::*;
        use AwardKind::*;
        use Level::*;
        let mut abolished =
            standard(7, Some("GB 7-2014"), National, Formulate, Some("2014-03-01"), Some(4), &[]);
        abolished.status = StandardStatus::Abolished;
        let standards = vec![
            standard(1, Some("GB 1-2013"), National, Formulate, Some("2013-05-01"), Some(1), &[3, 4]),
            standard(2, Some("GB 2-2013"), National, Revise, Some("2013-05-01"), Some(1), &[]), // revision
            standard(3, Some("GB 3-2013"), National, Formulate, Some("2013-05-01"), Some(2), &[1]), // association lead
            standard(4, Some("GB 4-2013"), National, Formulate, Some("2013-05-01"), None, &[1, 3]), // no lead
            standard(5, None, National, Formulate, None, Some(1), &[]), // drafting
            standard(6, Some("GB 6-2012"), National, Formulate, Some("2012-07-11"), Some(1), &[]), // before
            abolished,
            standard(8, Some("YS/T 8-2013"), Industry, Formulate, Some("2013-05-01"), Some(1), &[]), // no rule
            standard(9, Some("ISO 9:2013"), International, Revise, Some("2013-05-01"), Some(1), &[]),
            standard(10, None, International, Formulate, Some("2017-01-01"), Some(3), &[]), // after 2015: earns
        ];
        let mut titled = award(5, 4, CnInnovation, "2015-01-01");
        titled.title = Some("某项目".into());
        let awards = vec![
            award(1, 1, CnInnovation, "2013-01-01"),
            award(2, 2, CnInnovation, "2013-01-01"), // association
            award(3, 1, CqProduct, "2013-01-01"),    // earns no money
            award(4, 3, CqInnovation, "2012-07-12"), // first day
            titled,
            award(6, 6, CqInnovation, "2012-07-11"), // before
            award(7, 6, CqInnovation, "2020-03-01"), // long after the deadline
        ];
        let projects = vec![
            project(1, 2, "协会项目", "2013-01-01"), // projects pay any kind
            project(2, 1, "早项目", "2012-07-11"),
            project(3, 1, "项目", "2012-07-12"),
        ];
        let all = entitlements(&jlp_rules(), &standards, &awards, &projects);
        let got: Vec<(&str, i64, i64, &str)> = all
            .iter()
            .map(|e| (e.key.as_str(), e.unit_id, e.amount_yuan, e.record.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("cq-innovation-award:award:4", 3, 50_000, "cq-innovation"),
                ("municipal-project:project:3", 1, 50_000, "项目"),
                ("cn-innovation-award:award:1", 1, 100_000, "cn-innovation"),
                ("municipal-project:project:1", 2, 50_000, "协会项目"),
                ("lead-national:standard:1", 1, 300_000, "GB 1-2013"),
                ("lead-national:standard:7", 4, 300_000, "GB 7-2014"),
                ("cn-innovation-award:award:5", 4, 100_000, "某项目"),
                ("lead-international:standard:10", 3, 500_000, "标准"),
                ("cq-innovation-award:award:7", 6, 50_000, "cq-innovation"),
            ]
        );
    }

    #[test]
    fn rule_versions_switch_on_their_date() {
        let mut rules = jlp_rules();
        rules[1].versions = vec![
            version(300_000, "2012-07-12", Some("2013-12-31"), "industry-fund"),
            version(400_000, "2014-01-01", None, "industry-fund-2"),
        ];
        let rule = &rules[1];
        let cases = [
            ("2012-07-11", None),
            ("2012-07-12", Some(300_000)),
            ("2013-12-31", Some(300_000)),
            ("2014-01-01", Some(400_000)),
            ("2030-01-01", Some(400_000)),
        ];
        for (on, want) in cases {
            assert_eq!(version_in_force(rule, d(on)).map(|v| v.amount_yuan), want, "{on}");
        }
        // A gap between versions earns nothing.
        let mut gap = rule.clone();
        gap.versions[1].from = d("2014-02-01");
        assert_eq!(version_in_force(&gap, d("2014-01-15")), None);
        assert_eq!(version_in_force(&gap, d("2014-02-01")).map(|v| v.amount_yuan), Some(400_000));
        // A closed last version: nothing after it.
        gap.versions[1].to = Some(d("2015-12-31"));
        assert_eq!(version_in_force(&gap, d("2016-01-01")), None);

        let standards = vec![
            standard(1, Some("GB 1-2013"), Level::National, Action::Formulate, Some("2013-12-31"), Some(1), &[]),
            standard(2, Some("GB 2-2014"), Level::National, Action::Formulate, Some("2014-01-01"), Some(3), &[]),
        ];
        let all = entitlements(&rules, &standards, &[], &[]);
        let got: Vec<(&str, i64, &str)> =
            all.iter().map(|e| (e.key.as_str(), e.amount_yuan, e.fund.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("lead-national:standard:1", 300_000, "industry-fund"),
                ("lead-national:standard:2", 400_000, "industry-fund-2"),
            ]
        );
        let calc = award_calc(&all, &[], None, None, &funds(), false, None).unwrap();
        assert_eq!(
            calc.totals.by_fund,
            BTreeMap::from([
                ("district-finance".to_string(), 0),
                ("industry-fund".to_string(), 300_000),
                ("industry-fund-2".to_string(), 400_000),
            ])
        );
        assert_eq!(
            calc.totals.by_year,
            BTreeMap::from([("2013".to_string(), 300_000), ("2014".to_string(), 400_000)])
        );
    }

    fn lead_std(lead: i64) -> StandardFact {
        standard(12, Some("GB/T 30001-2013"), Level::National, Action::Formulate, Some("2013-03-15"), Some(lead), &[])
    }

    const LEAD: &str = "lead-national:standard:12";

    #[test]
    fn payments_refunds_and_overpayments() {
        let rules = jlp_rules();
        let projects = example_projects();
        // Lead 1, paid in full in 2013, then the lead was corrected to 3.
        let before = entitlements(&rules, &[lead_std(1)], &[], &projects);
        let after = entitlements(&rules, &[lead_std(3)], &[], &projects[..3]); // project 4 voided
        let payments = vec![
            pay(1, LEAD, 1, 300_000, "2013-06-01"),
            pay(2, "municipal-project:project:4", 1, 50_000, "2012-12-01"),
            pay(3, "municipal-project:project:3", 6, 50_000, "2013-10-01"),
            pay(4, "municipal-project:project:3", 6, -20_000, "2013-11-01"), // refund
            pay(5, "municipal-project:project:1", 4, 50_000, "2015-01-10"),
            pay(6, "unknown:project:99", 2, 10_000, "2014-01-01"),
            pay(7, "municipal-project:project:1", 4, -50_000, "2015-02-10"),
        ];

        // Before the correction: everything is in order except the unknown key.
        let calc = award_calc(&before, &payments, None, None, &funds(), false, None).unwrap();
        let paid: Vec<(&str, i64, i64)> = calc
            .entitlements
            .iter()
            .map(|e| (e.key.as_str(), e.paid_yuan, e.outstanding_yuan))
            .collect();
        assert_eq!(
            paid,
            vec![
                ("municipal-project:project:4", 50_000, 0),
                (LEAD, 300_000, 0),
                ("municipal-project:project:3", 30_000, 20_000),
                ("municipal-project:project:1", 0, 50_000),
            ]
        );
        assert_eq!(
            calc.overpayments,
            vec![Overpayment {
                key: "unknown:project:99".into(),
                unit_id: 2,
                unit: u(2).name,
                amount_yuan: 10_000,
                reason: "no-entitlement".into(),
            }]
        );
        assert_eq!(
            (calc.totals.amount_yuan, calc.totals.paid_yuan, calc.totals.outstanding_yuan),
            (450_000, 380_000, 70_000)
        );

        // After: the lead payment is payee-changed, the voided project's is no-entitlement.
        let calc = award_calc(&after, &payments, None, None, &funds(), false, None).unwrap();
        let paid: Vec<(&str, i64, i64, i64)> = calc
            .entitlements
            .iter()
            .map(|e| (e.key.as_str(), e.unit_id, e.paid_yuan, e.outstanding_yuan))
            .collect();
        assert_eq!(
            paid,
            vec![
                (LEAD, 3, 0, 300_000),
                ("municipal-project:project:3", 6, 30_000, 20_000),
                ("municipal-project:project:1", 4, 0, 50_000),
            ]
        );
        let over: Vec<(&str, i64, i64, &str)> = calc
            .overpayments
            .iter()
            .map(|o| (o.key.as_str(), o.unit_id, o.amount_yuan, o.reason.as_str()))
            .collect();
        assert_eq!(
            over,
            vec![
                (LEAD, 1, 300_000, "payee-changed"),
                ("municipal-project:project:4", 1, 50_000, "no-entitlement"),
                ("unknown:project:99", 2, 10_000, "no-entitlement"),
            ]
        );
        assert_eq!(calc.totals.overpaid_yuan, 360_000);
        assert_eq!(calc.totals.paid_yuan, 30_000);

        // Up to 2013-12-31 only: later payments do not count; the 2014 unknown key is not yet paid.
        let calc = award_calc(&after, &payments, None, Some(d("2013-12-31")), &funds(), false, None).unwrap();
        assert_eq!(keys(&calc.entitlements), vec![LEAD, "municipal-project:project:3"]);
        let over: Vec<&str> = calc.overpayments.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(over, vec![LEAD, "municipal-project:project:4"]);
        // Up to 2013-10-31: the refund is not in yet.
        let calc = award_calc(&after, &payments, None, Some(d("2013-10-31")), &funds(), false, None).unwrap();
        assert_eq!(calc.entitlements[1].paid_yuan, 50_000);

        // A range that leaves the changed lead out also leaves out its payee-changed line,
        // but keeps the lines of keys that yield nothing.
        let calc = award_calc(&after, &payments, Some(d("2014-01-01")), None, &funds(), false, None).unwrap();
        assert_eq!(keys(&calc.entitlements), vec!["municipal-project:project:1"]);
        let over: Vec<&str> = calc.overpayments.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(over, vec!["municipal-project:project:4", "unknown:project:99"]);

        // Refunded back to the payee's net zero: no overpayment line.
        let mut refunded = payments.clone();
        refunded.push(pay(8, LEAD, 1, -300_000, "2016-01-05"));
        let calc = award_calc(&after, &refunded, None, None, &funds(), false, None).unwrap();
        assert!(calc.overpayments.iter().all(|o| o.key != LEAD));
    }

    #[test]
    fn exceeds_amount_after_a_rule_change() {
        let mut rules = jlp_rules();
        // The office lowers the amount retroactively for events from 2013 on.
        rules[1].versions = vec![
            version(300_000, "2012-07-12", Some("2012-12-31"), "industry-fund"),
            version(250_000, "2013-01-01", None, "industry-fund"),
        ];
        let all = entitlements(&rules, &[lead_std(1)], &[], &[]);
        let payments = vec![pay(1, LEAD, 1, 300_000, "2013-06-01")];
        let calc = award_calc(&all, &payments, None, None, &funds(), false, None).unwrap();
        assert_eq!((calc.entitlements[0].paid_yuan, calc.entitlements[0].outstanding_yuan), (300_000, 0));
        assert_eq!(
            calc.overpayments,
            vec![Overpayment {
                key: LEAD.into(),
                unit_id: 1,
                unit: u(1).name,
                amount_yuan: 50_000,
                reason: "exceeds-amount".into(),
            }]
        );
        assert_eq!(calc.totals.overpaid_yuan, 50_000);
        // --outstanding drops the entitlement but not its excess.
        let calc = award_calc(&all, &payments, None, None, &funds(), true, None).unwrap();
        assert!(calc.entitlements.is_empty());
        assert_eq!(calc.totals.amount_yuan, 0);
        assert_eq!(calc.overpayments.len(), 1);
    }

    #[test]
    fn outstanding_only_totals_over_kept() {
        let all = example_all();
        let payments = vec![
            pay(1, "municipal-project:project:4", 1, 50_000, "2012-12-01"),
            pay(2, "lead-international:standard:6", 6, 200_000, "2016-06-01"),
        ];
        let calc = award_calc(&all, &payments, None, None, &funds(), true, None).unwrap();
        assert_eq!(calc.entitlements.len(), 5);
        assert!(calc.entitlements.iter().all(|e| e.outstanding_yuan > 0));
        assert_eq!(
            (calc.totals.amount_yuan, calc.totals.paid_yuan, calc.totals.outstanding_yuan),
            (700_000, 200_000, 500_000)
        );
        assert_eq!(calc.totals.by_fund["district-finance"], 100_000);
        assert_eq!(calc.totals.by_fund["industry-fund"], 600_000);
        assert!(!calc.totals.by_year.contains_key("2012"));
    }

    #[test]
    fn payment_checks() {
        let all = entitlements(&jlp_rules(), &[lead_std(1)], &[], &[]);
        let e = all.first();
        let paid =
            vec![pay(1, LEAD, 1, 100_000, "2013-06-01"), pay(2, LEAD, 3, 20_000, "2013-06-01")];
        let over = |attempted| PaymentError::OverAmount {
            key: LEAD.into(),
            amount_yuan: 300_000,
            paid_yuan: 100_000,
            attempted,
        };
        type Case<'a> =
            (Option<&'a Entitlement>, &'a str, i64, Option<i64>, Result<i64, PaymentError>);
        let cases: Vec<Case> = vec![
            (
                None,
                "lead-national:standard:99",
                1,
                Some(10),
                Err(PaymentError::UnknownKey { key: "lead-national:standard:99".into() }),
            ),
            (
                None,
                "lead-national:standard:99",
                1,
                None,
                Err(PaymentError::UnknownKey { key: "lead-national:standard:99".into() }),
            ),
            (e, LEAD, 4, Some(10), Err(PaymentError::OtherPayee { key: LEAD.into(), payee: u(4).name })),
            (e, LEAD, 4, None, Err(PaymentError::OtherPayee { key: LEAD.into(), payee: u(4).name })),
            (e, LEAD, 1, None, Ok(200_000)),
            (e, LEAD, 1, Some(200_000), Ok(200_000)),
            (e, LEAD, 1, Some(200_001), Err(over(200_001))),
            (e, LEAD, 1, Some(i64::MAX), Err(over(i64::MAX))),
            (e, LEAD, 1, Some(-100_000), Ok(-100_000)),
            (
                e,
                LEAD,
                1,
                Some(-100_001),
                Err(PaymentError::BelowZero {
                    key: LEAD.into(),
                    paid_yuan: 100_000,
                    attempted: -100_001,
                }),
            ),
            (
                e,
                LEAD,
                1,
                Some(i64::MIN),
                Err(PaymentError::BelowZero {
                    key: LEAD.into(),
                    paid_yuan: 100_000,
                    attempted: i64::MIN,
                }),
            ),
            (e, LEAD, 1, Some(0), Err(PaymentError::Zero)),
            // Refunds of money held without a live entitlement (payee changed, record voided).
            (e, LEAD, 3, Some(-20_000), Ok(-20_000)),
            (
                e,
                LEAD,
                3,
                Some(-20_001),
                Err(PaymentError::BelowZero {
                    key: LEAD.into(),
                    paid_yuan: 20_000,
                    attempted: -20_001,
                }),
            ),
            (None, LEAD, 1, Some(-50_000), Ok(-50_000)),
            (None, LEAD, 4, Some(-1), Err(PaymentError::UnknownKey { key: LEAD.into() })),
            (e, LEAD, 4, Some(-1), Err(PaymentError::OtherPayee { key: LEAD.into(), payee: u(4).name })),
        ];
        for (i, (ent, key, payee, amount, want)) in cases.into_iter().enumerate() {
            assert_eq!(check_payment(ent, key, &paid, payee, &u(payee).name, amount), want, "case {i}");
        }
        // Paid in full: nothing outstanding; a refund from the right payee with nothing paid is below zero.
        let full = vec![pay(1, LEAD, 1, 300_000, "2013-06-01")];
        assert_eq!(check_payment(e, LEAD, &full, 1, "x", None), Err(PaymentError::Zero));
        assert_eq!(
            check_payment(e, LEAD, &full, 1, "x", Some(1)).unwrap_err(),
            PaymentError::OverAmount {
                key: LEAD.into(),
                amount_yuan: 300_000,
                paid_yuan: 300_000,
                attempted: 1
            }
        );
        assert_eq!(
            check_payment(e, LEAD, &[], 1, "x", Some(-1)),
            Err(PaymentError::BelowZero { key: LEAD.into(), paid_yuan: 0, attempted: -1 })
        );
        // Over the amount after a rule change: a partial refund is accepted, a payment is not.
        let mut lowered = all[0].clone();
        lowered.amount_yuan = 250_000;
        assert_eq!(check_payment(Some(&lowered), LEAD, &full, 1, "x", Some(-10_000)), Ok(-10_000));
        assert_eq!(check_payment(Some(&lowered), LEAD, &full, 1, "x", None), Err(PaymentError::Zero));
        // A payment on another key does not count toward this one.
        let other = vec![pay(1, "lead-national:standard:13", 1, 300_000, "2013-06-01")];
        assert_eq!(check_payment(e, LEAD, &other, 1, "x", None), Ok(300_000));
    }

    #[test]
    fn stored_amounts_too_large_to_add_up_are_refused_not_saturated() {
        let all = entitlements(&jlp_rules(), &[lead_std(1)], &[], &[]);
        let half = i64::MAX / 2 + 1;
        // Two overpayments that each fit but whose total does not: saturating gave i64::MAX.
        let two = vec![
            pay(1, "unknown:project:1", 1, half, "2013-06-01"),
            pay(2, "unknown:project:2", 1, half, "2013-06-01"),
        ];
        assert_eq!(award_calc(&all, &two, None, None, &funds(), false, None), Err(MoneyOverflow));
        // On one key: the net paid itself does not fit.
        let one_key = vec![pay(1, LEAD, 1, half, "2013-06-01"), pay(2, LEAD, 1, half, "2013-06-02")];
        assert_eq!(award_calc(&all, &one_key, None, None, &funds(), false, None), Err(MoneyOverflow));
        // A stored refund so large that amount - paid does not fit.
        let refund = vec![pay(1, LEAD, 1, i64::MIN, "2013-06-01")];
        assert_eq!(award_calc(&all, &refund, None, None, &funds(), false, None), Err(MoneyOverflow));
        // Entitlements whose amounts add up past i64 (rules set before amounts were bounded).
        let mut rules = jlp_rules();
        for r in &mut rules {
            for v in &mut r.versions {
                v.amount_yuan = i64::MAX;
            }
        }
        let huge = entitlements(&rules, &example_standards(), &example_awards(), &example_projects());
        assert_eq!(award_calc(&huge, &[], None, None, &funds(), false, None), Err(MoneyOverflow));
        // Out of range on the way, in range at the end: exact, not refused.
        let back = vec![
            pay(1, LEAD, 1, i64::MAX, "2013-06-01"),
            pay(2, LEAD, 1, 1, "2013-06-02"),
            pay(3, LEAD, 1, -i64::MAX, "2013-06-03"),
        ];
        let calc = award_calc(&all, &back, None, None, &funds(), false, None).unwrap();
        assert_eq!((calc.entitlements[0].paid_yuan, calc.totals.paid_yuan), (1, 1));
    }

    #[test]
    fn payment_checks_refuse_stored_payments_too_large_to_add_up() {
        let all = entitlements(&jlp_rules(), &[lead_std(1)], &[], &[]);
        let e = all.first();
        let max = vec![pay(1, LEAD, 1, i64::MAX, "2013-06-01"), pay(2, LEAD, 1, i64::MAX, "2013-06-02")];
        for amount in [None, Some(-1), Some(1)] {
            assert_eq!(check_payment(e, LEAD, &max, 1, "x", amount), Err(PaymentError::Overflow), "{amount:?}");
        }
        // What is outstanding does not fit: once "nothing outstanding" (Zero), a false statement.
        let refunded = vec![pay(1, LEAD, 1, -i64::MAX, "2013-06-01")];
        assert_eq!(check_payment(e, LEAD, &refunded, 1, "x", None), Err(PaymentError::Overflow));
        assert!(PaymentError::Overflow.to_string().contains("too large to add up"));
        // The message of an over-amount with a paid figure far below zero does not overflow.
        let msg = PaymentError::OverAmount { key: LEAD.into(), amount_yuan: i64::MAX, paid_yuan: i64::MIN, attempted: 1 }
            .to_string();
        assert!(msg.contains("18446744073709551615 outstanding"), "{msg}");
    }

    #[test]
    fn payment_error_messages() {
        let cases = [
            (PaymentError::UnknownKey { key: "a:b:1".into() }, vec!["'a:b:1'"]),
            (PaymentError::OtherPayee { key: "a:b:1".into(), payee: "某公司".into() }, vec!["'a:b:1'", "某公司"]),
            (
                PaymentError::OverAmount {
                    key: "a:b:1".into(),
                    amount_yuan: 300_000,
                    paid_yuan: 100_000,
                    attempted: 250_000,
                },
                vec!["'a:b:1'", "250000 yuan", "350000 yuan", "300000 yuan", "100000 yuan", "200000 outstanding"],
            ),
            (
                PaymentError::BelowZero { key: "a:b:1".into(), paid_yuan: 100, attempted: -200 },
                vec!["'a:b:1'", "-200 yuan", "100 yuan"],
            ),
            (PaymentError::Zero, vec!["nothing"]),
        ];
        for (e, parts) in cases {
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "{msg}");
            for p in parts {
                assert!(msg.contains(p), "{msg} lacks {p}");
            }
        }
    }

    #[test]
    fn wan() {
        let cases = [
            (50_000, "5"),
            (125_000, "12.5"),
            (12_345, "1.2345"),
            (-50_000, "-5"),
            (0, "0"),
            (5, "0.0005"),
            (-5, "-0.0005"),
            (300_000, "30"),
            (750_000, "75"),
            (10_010, "1.001"),
            (1_000_100, "100.01"),
            (i64::MIN, "-922337203685477.5808"),
        ];
        for (yuan, want) in cases {
            assert_eq!(yuan_wan(yuan), want, "{yuan}");
        }
    }

    #[test]
    fn unit_filter_shows_one_payee_and_keeps_the_reason_of_its_overpayments() {
        let all = entitlements(&jlp_rules(), &example_standards(), &example_awards(), &example_projects());
        // Unit 1 earned municipal-project:project:4 and cq-innovation-award:award:1 (100000).
        let calc = award_calc(&all, &[], None, None, &funds(), false, Some(1)).unwrap();
        assert_eq!(calc.totals.amount_yuan, 100000);
        assert!(calc.entitlements.iter().all(|e| e.unit_id == 1));
        // A payment to unit 1 on a key owed to unit 4 stays a payee-changed overpayment.
        let pay = Payment {
            id: 1,
            key: "municipal-project:project:1".into(),
            unit_id: 1,
            unit: "u1".into(),
            amount_yuan: 50000,
            paid_on: d("2014-07-01"),
            voucher: None,
        };
        let calc = award_calc(&all, &[pay], None, None, &funds(), false, Some(1)).unwrap();
        assert_eq!(calc.overpayments.len(), 1);
        assert_eq!(calc.overpayments[0].reason, "payee-changed");
        assert_eq!(calc.totals.overpaid_yuan, 50000);
        let other = award_calc(&all, &[], None, None, &funds(), false, Some(4)).unwrap();
        assert_eq!(other.totals.amount_yuan, 50000);
    }

    #[test]
    fn per_enterprise_and_per_record_on_the_same_records() {
        // Enterprise 1 leads three national standards, enterprise 4 one; unit 2 (an
        // association) leads one, which earns nothing either way.
        let standards = vec![
            standard(1, Some("GB/T 1-2013"), Level::National, Action::Formulate, Some("2013-03-01"), Some(1), &[]),
            standard(2, Some("GB/T 2-2013"), Level::National, Action::Formulate, Some("2013-01-10"), Some(1), &[]),
            standard(3, Some("GB/T 3-2014"), Level::National, Action::Formulate, Some("2014-05-01"), Some(4), &[]),
            standard(4, Some("GB/T 4-2015"), Level::National, Action::Formulate, Some("2015-02-01"), Some(1), &[]),
            standard(5, Some("GB/T 5-2014"), Level::National, Action::Formulate, Some("2014-01-01"), Some(2), &[]),
        ];
        let lead = |rules: &[RuleDef]| -> Vec<(String, Date, i64)> {
            entitlements(rules, &standards, &[], &[])
                .into_iter()
                .filter(|e| e.rule == "lead-national")
                .map(|e| (e.key, e.event_date, e.amount_yuan))
                .collect()
        };
        let per_record = lead(&jlp_rules());
        assert_eq!(per_record.len(), 4);
        assert_eq!(per_record.iter().map(|e| e.2).sum::<i64>(), 1_200_000);

        // From 2013 once per enterprise, at 350000 from 2014.
        let mut rules = jlp_rules();
        let v = |amount: i64, from: &str, to: Option<&str>, per: Per| RuleVersion {
            per,
            ..version(amount, from, to, "industry-fund")
        };
        rules[1].versions = vec![
            v(300_000, "2012-07-12", Some("2012-12-31"), Per::Record),
            v(300_000, "2013-01-01", Some("2013-12-31"), Per::Enterprise),
            v(350_000, "2014-01-01", None, Per::Enterprise),
        ];
        assert_eq!(
            lead(&rules),
            vec![
                // Enterprise 1's first event (2013-01-10, standard 2), at the 2013 amount.
                ("lead-national:unit:1".to_string(), d("2013-01-10"), 300_000),
                ("lead-national:unit:4".to_string(), d("2014-05-01"), 350_000),
            ]
        );
        // Back to per record from 2015: enterprise 1's 2015 standard earns on its own.
        rules[1].versions[2].to = Some(d("2014-12-31"));
        rules[1].versions.push(v(300_000, "2015-01-01", None, Per::Record));
        let keys: Vec<String> = lead(&rules).into_iter().map(|e| e.0).collect();
        assert_eq!(keys, ["lead-national:unit:1", "lead-national:unit:4", "lead-national:standard:4"]);
        // Voiding the first event moves the entitlement to the next one, under the same key.
        let rest: Vec<StandardFact> = standards.iter().filter(|s| s.id != 2).cloned().collect();
        let moved = entitlements(&rules, &rest, &[], &[]);
        let first = moved.iter().find(|e| e.key == "lead-national:unit:1").unwrap();
        assert_eq!((first.event_date, first.record.as_str()), (d("2013-03-01"), "GB/T 1-2013"));
    }
}
