//! `stdtrack check`: what is wrong with a database, as findings (data; the sentences are in
//! `render::messages`). The store finds what SQLite knows (integrity, foreign keys, per-day
//! tables against the rows); the domain checks here take the records as arguments.

use std::collections::BTreeMap;

use super::ids::{self, CodeError};
use super::model::Date;
use super::money::MAX_YUAN;
use super::records::Unit;
use super::rewards::{Entitlement, Overpayment};

/// A unit as a finding names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub id: i64,
    pub name: String,
}

/// Why two live units look like one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Likeness {
    /// The same USCC or organisation code (also the one inside a USCC).
    Code(String),
    /// Names equal once company forms, brackets, spaces and 重庆 are set aside.
    Name,
}

/// What is wrong, with what the sentence needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// SQLite's `integrity_check` (or reading the file at all) failed.
    Integrity {
        detail: String,
    },
    /// A row whose foreign key names no parent.
    ForeignKey {
        parent: String,
    },
    /// A per-day count that disagrees with the rows.
    DayCount {
        day: Date,
        stored: i64,
        rows: i64,
    },
    Overpaid {
        key: String,
        unit: String,
        amount_yuan: i64,
        reason: String,
    },
    PaidBeforeEvent {
        key: String,
        paid: Date,
        event: Date,
    },
    FutureDate {
        field: String,
        date: Date,
        today: Date,
    },
    DuplicateUnit {
        other: Named,
        like: Likeness,
    },
    BadCode {
        field: String,
        code: String,
        err: CodeError,
    },
    StandardWithoutUnit,
    AmountTooLarge {
        amount_yuan: i64,
        max: i64,
    },
}

impl Issue {
    /// The finding's kind, for scripts (JSON `kind`).
    pub fn kind(&self) -> &'static str {
        match self {
            Issue::Integrity { .. } => "integrity",
            Issue::ForeignKey { .. } => "foreign-key",
            Issue::DayCount { .. } => "day-count",
            Issue::Overpaid { .. } => "overpaid",
            Issue::PaidBeforeEvent { .. } => "paid-before-event",
            Issue::FutureDate { .. } => "future-date",
            Issue::DuplicateUnit { .. } => "duplicate-unit",
            Issue::BadCode { .. } => "bad-code",
            Issue::StandardWithoutUnit => "standard-without-unit",
            Issue::AmountTooLarge { .. } => "amount-too-large",
        }
    }
}

/// One problem: the record at fault (`filing:12`, `unit:7`, `payment:3`,
/// `filing_day:2013-05-01`, `database`) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub record: String,
    pub issue: Issue,
}

impl Finding {
    pub fn new(record: impl Into<String>, issue: Issue) -> Finding {
        Finding { record: record.into(), issue }
    }
}

/// A name as compared for probable duplicates: the same "name in another form" key the
/// import uses to refuse a near-miss new unit (`core::units::name_family_key`), so `check`
/// and the import agree on what is one enterprise.
pub fn duplicate_key(name: &str) -> String {
    crate::core::units::name_family_key(name)
}

/// Probable duplicates among live units: the later unit of each pair is the finding, naming
/// the earlier one. A code shared wins over a name alike.
pub fn duplicate_units(units: &[Unit]) -> Vec<Finding> {
    let mut by_code: BTreeMap<String, &Unit> = BTreeMap::new();
    let mut by_name: BTreeMap<String, &Unit> = BTreeMap::new();
    let mut found = Vec::new();
    let mut sorted: Vec<&Unit> = units.iter().collect();
    sorted.sort_by_key(|u| u.id);
    for u in sorted {
        let inside = u.uscc.as_deref().and_then(ids::org_code_in_uscc);
        let codes: Vec<String> = [u.uscc.clone(), u.org_code.clone(), inside].into_iter().flatten().collect();
        let shared = codes.iter().find_map(|c| by_code.get(c).filter(|o| o.id != u.id).map(|o| (c.clone(), *o)));
        let key = duplicate_key(&u.name);
        let like = match shared {
            Some((code, other)) => Some((other, Likeness::Code(code))),
            None if !key.is_empty() => by_name.get(&key).map(|o| (*o, Likeness::Name)),
            None => None,
        };
        if let Some((other, like)) = like {
            let other = Named { id: other.id, name: other.name.clone() };
            found.push(Finding::new(format!("unit:{}", u.id), Issue::DuplicateUnit { other, like }));
        }
        for c in codes {
            by_code.entry(c).or_insert(u);
        }
        if !key.is_empty() {
            by_name.entry(key).or_insert(u);
        }
    }
    found
}

/// Stored codes that fail their check now (malformed, or a check character kept with
/// `--allow-bad-check`, or written behind the tool's back).
pub fn bad_codes(units: &[Unit]) -> Vec<Finding> {
    let mut found = Vec::new();
    for u in units {
        if let Some(code) = &u.uscc
            && let Err(err) = ids::check_uscc(code)
        {
            let issue = Issue::BadCode { field: "uscc".into(), code: code.clone(), err };
            found.push(Finding::new(format!("unit:{}", u.id), issue));
        }
        if let Some(code) = &u.org_code
            && let Err(err) = ids::check_org_code(code)
        {
            let issue = Issue::BadCode { field: "org_code".into(), code: code.clone(), err };
            found.push(Finding::new(format!("unit:{}", u.id), issue));
        }
    }
    found
}

/// A dated record: where it is, which field holds the date, and the date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub record: String,
    pub field: &'static str,
    pub date: Date,
}

/// Records dated after today.
pub fn future_dates(dated: &[Dated], today: Date) -> Vec<Finding> {
    dated
        .iter()
        .filter(|d| d.date > today)
        .map(|d| Finding::new(d.record.clone(), Issue::FutureDate { field: d.field.into(), date: d.date, today }))
        .collect()
}

/// A live payment as the checks see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentLine {
    pub id: i64,
    pub key: String,
    pub amount_yuan: i64,
    pub paid_on: Date,
}

/// Payments dated before the event of the entitlement they pay.
pub fn paid_before_event(payments: &[PaymentLine], entitlements: &[Entitlement]) -> Vec<Finding> {
    let events: BTreeMap<&str, Date> = entitlements.iter().map(|e| (e.key.as_str(), e.event_date)).collect();
    payments
        .iter()
        .filter_map(|p| {
            let event = *events.get(p.key.as_str())?;
            (p.paid_on < event).then(|| {
                Finding::new(
                    format!("payment:{}", p.id),
                    Issue::PaidBeforeEvent { key: p.key.clone(), paid: p.paid_on, event },
                )
            })
        })
        .collect()
}

/// Overpayments (award-calc's, over all time) as findings, by entitlement key.
pub fn overpaid(overpayments: &[Overpayment]) -> Vec<Finding> {
    overpayments
        .iter()
        .map(|o| {
            Finding::new(
                format!("entitlement:{}", o.key),
                Issue::Overpaid {
                    key: o.key.clone(),
                    unit: o.unit.clone(),
                    amount_yuan: o.amount_yuan,
                    reason: o.reason.clone(),
                },
            )
        })
        .collect()
}

/// Stored amounts beyond any subsidy (`MAX_YUAN`): (record, amount).
pub fn amounts_too_large(amounts: &[(String, i64)]) -> Vec<Finding> {
    amounts
        .iter()
        .filter(|(_, a)| a.unsigned_abs() > MAX_YUAN.unsigned_abs())
        .map(|(r, a)| Finding::new(r.clone(), Issue::AmountTooLarge { amount_yuan: *a, max: MAX_YUAN }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::UnitKind;

    fn unit(id: i64, name: &str, uscc: Option<&str>, org: Option<&str>) -> Unit {
        Unit {
            id,
            name: name.into(),
            uscc: uscc.map(Into::into),
            org_code: org.map(Into::into),
            kind: UnitKind::Enterprise,
            industry: None,
            location: None,
        }
    }

    #[test]
    fn duplicate_names_set_aside_forms_brackets_spaces_and_the_city() {
        let same = [
            ("重庆某铝业有限公司", "某铝业有限责任公司"),
            ("重庆市某铝业股份有限公司", "重庆某铝业"),
            ("重庆某铝业（集团）有限公司", "重庆 某铝业有限公司"),
            ("某铝业[西彭]有限公司", "某铝业(集团)有限公司"),
            ("ＡＢＣ铝业有限公司", "abc 铝业"),
        ];
        for (a, b) in same {
            assert_eq!(duplicate_key(a), duplicate_key(b), "{a} / {b}");
        }
        assert_ne!(duplicate_key("重庆某铝业有限公司"), duplicate_key("重庆某汽车有限公司"));
        assert_eq!(duplicate_key("重庆（集团）有限公司"), "");
    }

    #[test]
    fn duplicates_are_found_by_code_then_by_name_the_later_named() {
        let units = [
            unit(1, "重庆某铝业有限公司", Some("91110000600037341L"), None),
            unit(2, "某铝业（集团）有限公司", None, None),
            unit(3, "另一家", None, Some("60003734-1")),
            unit(4, "重庆有限公司", None, None),
            unit(5, "有限公司", None, None),
            unit(6, "无关单位", None, None),
        ];
        let found = duplicate_units(&units);
        let got: Vec<(&str, i64, &Likeness)> = found
            .iter()
            .map(|f| match &f.issue {
                Issue::DuplicateUnit { other, like } => (f.record.as_str(), other.id, like),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            got,
            vec![("unit:2", 1, &Likeness::Name), ("unit:3", 1, &Likeness::Code("60003734-1".into()))],
            "names that become empty are no evidence"
        );
    }

    #[test]
    fn codes_dates_payments_and_amounts() {
        let bad = bad_codes(&[unit(1, "a", Some("91110000600037341N"), None), unit(2, "b", None, Some("00251805-7"))]);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].issue.kind(), "bad-code");
        let d = |s: &str| s.parse::<Date>().unwrap();
        let dated = [
            Dated { record: "filing:1".into(), field: "filed_on", date: d("2031-01-01") },
            Dated { record: "filing:2".into(), field: "filed_on", date: d("2016-06-01") },
        ];
        let future = future_dates(&dated, d("2016-06-01"));
        assert_eq!(future.len(), 1);
        assert_eq!(future[0].record, "filing:1");
        let ent = Entitlement {
            key: "k:project:1".into(),
            rule: "k".into(),
            unit_id: 1,
            unit: "a".into(),
            record: "p".into(),
            event_date: d("2014-01-01"),
            amount_yuan: 5,
            fund: "f".into(),
            paid_yuan: 0,
            outstanding_yuan: 5,
        };
        let pay = |id, on: &str| PaymentLine { id, key: "k:project:1".into(), amount_yuan: 5, paid_on: d(on) };
        let early = paid_before_event(&[pay(1, "2013-12-31"), pay(2, "2014-01-01")], &[ent]);
        assert_eq!(early.iter().map(|f| f.record.as_str()).collect::<Vec<_>>(), ["payment:1"]);
        let big = amounts_too_large(&[("payment:1".into(), MAX_YUAN), ("payment:2".into(), -MAX_YUAN - 1)]);
        assert_eq!(big.iter().map(|f| f.record.as_str()).collect::<Vec<_>>(), ["payment:2"]);
    }
}
