//! Property tests of the money rules (DOMAIN.md §4): whatever sequence of payments
//! `check_payment` accepts, what is paid on a key stays within 0..=amount; award-calc's totals
//! are the sums of their parts; nothing panics or overflows for amounts up to `MAX_YUAN`.
//! Case counts are kept small so `cargo test` stays quick.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::model::{Date, Payment};
use super::money::{MAX_YUAN, YuanError, parse_yuan};
use super::rewards::{Entitlement, award_calc, check_payment};

const FUNDS: [&str; 3] = ["district-finance", "industry-fund", "other-fund"];

fn date(days: u32) -> Date {
    // 2012-01-01 plus up to ~5 years: the plan's years and a little after.
    Date::from_ymd_opt(2012, 1, 1).and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(days)))).unwrap()
}

fn entitlement(key: &str, unit_id: i64, amount: i64, on: Date, fund: &str) -> Entitlement {
    Entitlement {
        key: key.into(),
        rule: "rule".into(),
        unit_id,
        unit: format!("u{unit_id}"),
        record: "record".into(),
        event_date: on,
        amount_yuan: amount,
        fund: fund.into(),
        paid_yuan: 0,
        outstanding_yuan: amount,
    }
}

fn payment(id: usize, key: &str, unit_id: i64, amount: i64, on: Date) -> Payment {
    Payment {
        id: i64::try_from(id).unwrap(),
        key: key.into(),
        unit_id,
        unit: format!("u{unit_id}"),
        amount_yuan: amount,
        paid_on: on,
        voucher: None,
    }
}

/// The amount a clerk types, some of them relative to the state, so that sequences reach
/// the bounds exactly (one yuan over, one yuan under) rather than by luck.
#[derive(Debug, Clone, Copy)]
enum Typed {
    /// No --amount: what is outstanding.
    Outstanding,
    Exact(i64),
    /// What is outstanding to the entitlement's payee, plus a small delta.
    OutstandingPlus(i64),
    /// A refund of what this payee holds, plus a small delta.
    RefundAllPlus(i64),
}

/// One attempted record-payment: the payee (1 is the entitlement's), the amount typed, and
/// whether the record was voided before it.
#[derive(Debug, Clone)]
struct Attempt {
    payee: i64,
    typed: Typed,
    voided: bool,
}

fn attempt() -> impl Strategy<Value = Attempt> {
    let typed = prop_oneof![
        1 => Just(Typed::Outstanding),
        2 => (-MAX_YUAN..=MAX_YUAN).prop_map(Typed::Exact),
        2 => (-1_000i64..=1_000).prop_map(Typed::Exact),
        2 => (-2i64..=2).prop_map(Typed::OutstandingPlus),
        2 => (-2i64..=2).prop_map(Typed::RefundAllPlus),
    ];
    (prop::sample::select(vec![1i64, 1, 1, 2]), typed, prop::bool::weighted(0.05))
        .prop_map(|(payee, typed, voided)| Attempt { payee, typed, voided })
}

fn net(payments: &[Payment], key: &str, unit_id: i64) -> i64 {
    payments.iter().filter(|p| p.key == key && p.unit_id == unit_id).map(|p| p.amount_yuan).sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Amounts up to MAX_YUAN read back exactly however the clerk groups the digits;
    /// beyond it, TooLarge.
    #[test]
    fn yuan_round_trips(n in -2 * MAX_YUAN..=2 * MAX_YUAN, sep in prop::sample::select(vec!["", ",", "，", "_"]), unit in any::<bool>()) {
        let digits = n.unsigned_abs().to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push_str(sep);
            }
            grouped.push(c);
        }
        let text = format!("{}{grouped}{}", if n < 0 { "-" } else { "" }, if unit { "元" } else { "" });
        let want = if n.abs() <= MAX_YUAN { Ok(n) } else { Err(YuanError::TooLarge) };
        prop_assert_eq!(parse_yuan(&text), want, "{}", text);
    }

    /// parse_yuan never panics, and what it accepts is within the bound.
    #[test]
    fn yuan_never_panics(s in "\\PC{0,30}") {
        if let Ok(n) = parse_yuan(&s) {
            prop_assert!(n.abs() <= MAX_YUAN);
        }
    }

    /// Whatever record-payment accepts, the net paid to the entitlement's payee stays within
    /// 0..=amount and any other unit's net never goes below zero; and it accepts every
    /// typed amount that keeps the right payee within those bounds.
    #[test]
    fn accepted_payments_keep_paid_within_the_amount(
        amount in prop_oneof![0i64..=2_000, 0..=MAX_YUAN],
        attempts in prop::collection::vec(attempt(), 0..64),
    ) {
        const KEY: &str = "lead-national:standard:1";
        let ent = entitlement(KEY, 1, amount, date(400), "industry-fund");
        let mut paid: Vec<Payment> = Vec::new();
        let mut voided = false;
        for (i, a) in attempts.iter().enumerate() {
            voided |= a.voided;
            let live = (!voided).then_some(&ent);
            let before = net(&paid, KEY, a.payee);
            let typed = match a.typed {
                Typed::Outstanding => None,
                Typed::Exact(x) => Some(x),
                Typed::OutstandingPlus(d) => Some(amount - net(&paid, KEY, 1) + d),
                Typed::RefundAllPlus(d) => Some(-before + d),
            };
            let got = check_payment(live, KEY, &paid, a.payee, "x", typed);
            if let Ok(x) = got {
                prop_assert_ne!(x, 0);
                if let Some(typed) = typed {
                    prop_assert_eq!(x, typed);
                } else {
                    prop_assert_eq!(x, amount - before, "the default is what is outstanding");
                }
                paid.push(payment(i, KEY, a.payee, x, date(500)));
            }
            let right = net(&paid, KEY, 1);
            prop_assert!((0..=amount).contains(&right), "paid {} of {} after {:?}", right, amount, a);
            // Unit 2 is owed nothing: it can neither be paid nor refund below zero.
            prop_assert_eq!(net(&paid, KEY, 2), 0, "unit 2 holds money after {:?}", a);
            // Not over-strict: a live entitlement's own payee may pay anything that stays in bounds.
            if let (Some(x), false, 1) = (typed, voided, a.payee)
                && x != 0
                && (0..=amount).contains(&(before + x))
            {
                prop_assert_eq!(got, Ok(x));
            }
        }
    }
}

/// Entitlements with unique keys, amounts up to MAX_YUAN, several funds, units and years.
fn entitlements() -> impl Strategy<Value = Vec<Entitlement>> {
    prop::collection::vec((1i64..=4, 0..=MAX_YUAN, 0u32..1_800, 0usize..FUNDS.len()), 0..40).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (unit, amount, day, fund))| {
                entitlement(&format!("rule:record:{i}"), unit, amount, date(day), FUNDS[fund])
            })
            .collect()
    })
}

/// Payments on those keys (or on keys that yield nothing), to any unit, either sign.
fn payments(max_key: usize) -> impl Strategy<Value = Vec<Payment>> {
    prop::collection::vec((0..max_key + 5, 1i64..=4, -MAX_YUAN..=MAX_YUAN, 0u32..1_800), 0..200).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .filter(|(_, (_, _, amount, _))| *amount != 0)
            .map(|(i, (key, unit, amount, day))| payment(i, &format!("rule:record:{key}"), unit, amount, date(day)))
            .collect()
    })
}

fn range() -> impl Strategy<Value = (Option<Date>, Option<Date>)> {
    (prop::option::of(0u32..1_800), prop::option::of(0u32..1_800)).prop_map(|(a, b)| match (a, b) {
        (Some(a), Some(b)) => (Some(date(a.min(b))), Some(date(a.max(b)))),
        (a, b) => (a.map(date), b.map(date)),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// award-calc on any records within the bounds: no error, no panic; every total is the
    /// sum of its parts, by fund and by year alike; each line's paid is its payee's net on
    /// the key up to `to`, and its outstanding what the amount still lacks.
    #[test]
    fn award_calc_totals_are_the_sums_of_their_parts(
        (all, payments) in entitlements().prop_flat_map(|all| {
            let n = all.len();
            (Just(all), payments(n))
        }),
        (from, to) in range(),
        outstanding_only in any::<bool>(),
        unit in prop::option::of(1i64..=4),
    ) {
        let funds: Vec<String> = FUNDS[..2].iter().map(|f| f.to_string()).collect();
        let calc = award_calc(&all, &payments, from, to, &funds, outstanding_only, unit);
        let calc = match calc {
            Ok(c) => c,
            Err(e) => return Err(TestCaseError::fail(format!("{e}"))),
        };
        let t = &calc.totals;
        let amounts: i64 = calc.entitlements.iter().map(|e| e.amount_yuan).sum();
        prop_assert_eq!(t.amount_yuan, amounts);
        prop_assert_eq!(t.by_fund.values().sum::<i64>(), t.amount_yuan);
        prop_assert_eq!(t.by_year.values().sum::<i64>(), t.amount_yuan);
        prop_assert_eq!(t.paid_yuan, calc.entitlements.iter().map(|e| e.paid_yuan).sum::<i64>());
        prop_assert_eq!(t.outstanding_yuan, calc.entitlements.iter().map(|e| e.outstanding_yuan).sum::<i64>());
        prop_assert_eq!(t.overpaid_yuan, calc.overpayments.iter().map(|o| o.amount_yuan).sum::<i64>());
        for f in &funds {
            prop_assert!(t.by_fund.contains_key(f), "fund {} missing", f);
        }
        let mut by_fund: BTreeMap<&str, i64> = BTreeMap::new();
        for e in &calc.entitlements {
            *by_fund.entry(e.fund.as_str()).or_insert(0) += e.amount_yuan;
            let counted = payments.iter().filter(|p| to.is_none_or(|t| p.paid_on <= t));
            let paid: i64 = counted.filter(|p| p.key == e.key && p.unit_id == e.unit_id).map(|p| p.amount_yuan).sum();
            prop_assert_eq!(e.paid_yuan, paid, "{}", e.key);
            prop_assert_eq!(e.outstanding_yuan, (e.amount_yuan - paid).max(0), "{}", e.key);
            prop_assert!(from.is_none_or(|f| f <= e.event_date) && to.is_none_or(|t| e.event_date <= t));
            prop_assert!(unit.is_none_or(|u| u == e.unit_id));
            prop_assert!(!outstanding_only || e.outstanding_yuan > 0);
        }
        for (fund, sum) in by_fund {
            prop_assert_eq!(t.by_fund.get(fund).copied(), Some(sum), "{}", fund);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Thousands of payments at the bound, on a handful of keys: still no overflow.
    #[test]
    fn many_payments_at_the_bound_add_up(
        signs in prop::collection::vec((any::<bool>(), 0usize..6, 1i64..=4), 1_000..3_000),
    ) {
        let all: Vec<Entitlement> =
            (0..4).map(|i| entitlement(&format!("rule:record:{i}"), i + 1, MAX_YUAN, date(10), FUNDS[0])).collect();
        let payments: Vec<Payment> = signs
            .iter()
            .enumerate()
            .map(|(i, (pos, key, unit))| {
                payment(i, &format!("rule:record:{key}"), *unit, if *pos { MAX_YUAN } else { -MAX_YUAN }, date(20))
            })
            .collect();
        let calc = award_calc(&all, &payments, None, None, &[], false, None)
            .map_err(|e| TestCaseError::fail(format!("{e}")))?;
        // Every yuan paid is on an entitlement's line or on an overpayment line of a key
        // that yields nothing to that unit; nothing is lost or counted twice.
        let on_lines: i64 = calc.entitlements.iter().map(|e| e.paid_yuan).sum();
        let elsewhere: i64 =
            calc.overpayments.iter().filter(|o| o.reason != "exceeds-amount").map(|o| o.amount_yuan).sum();
        prop_assert_eq!(on_lines + elsewhere, payments.iter().map(|p| p.amount_yuan).sum::<i64>());
    }
}
