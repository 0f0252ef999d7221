//! Each fund's yearly budget against what the policy grants (issue 12): what a year's events
//! entitle and what was paid in it, per fund, against the budget the office set; and next
//! year's estimated need. Whole yuan, exact sums.

use chrono::Datelike;

use super::model::{Action, Date, Payment, Per, RuleDef, RuleSource, StandardFact, StandardStatus, UnitKind};
use super::money::{self, MoneyOverflow};
use super::rewards::{self, Entitlement, version_in_force};

/// One fund in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundBudget {
    pub fund: String,
    /// None: no budget set for the year.
    pub budget_yuan: Option<i64>,
    /// Entitlements whose event falls in the year.
    pub entitled_yuan: i64,
    /// Payments (refunds negative) dated in the year, by the fund of their key.
    pub paid_yuan: i64,
    /// Budget less entitled; None without a budget.
    pub remaining_yuan: Option<i64>,
    /// Entitled passes the budget.
    pub over_budget: bool,
}

/// Every fund's budget for `year` (`budgets` holds the ones set, as (fund, yuan)), in the
/// order of `funds`: entitled = entitlements whose event is in the year, paid = payments
/// dated in it, remaining = budget - entitled, over = entitled > budget.
pub fn fund_budgets(
    all: &[Entitlement],
    payments: &[Payment],
    rules: &[RuleDef],
    funds: &[String],
    budgets: &[(String, i64)],
    year: i32,
) -> Result<Vec<FundBudget>, MoneyOverflow> {
    funds
        .iter()
        .map(|fund| {
            let entitled_yuan = money::sum(
                all.iter().filter(|e| &e.fund == fund && e.event_date.year() == year).map(|e| e.amount_yuan),
            )?;
            let paid_yuan = money::sum(
                payments
                    .iter()
                    .filter(|p| p.paid_on.year() == year)
                    .filter(|p| rewards::fund_of_key(all, rules, &p.key).as_deref() == Some(fund.as_str()))
                    .map(|p| p.amount_yuan),
            )?;
            let budget_yuan = budgets.iter().find(|(f, _)| f == fund).map(|(_, y)| *y);
            let remaining_yuan =
                budget_yuan.map(|b| money::narrow(i128::from(b) - i128::from(entitled_yuan))).transpose()?;
            Ok(FundBudget {
                fund: fund.clone(),
                budget_yuan,
                entitled_yuan,
                paid_yuan,
                remaining_yuan,
                over_budget: budget_yuan.is_some_and(|b| entitled_yuan > b),
            })
        })
        .collect()
}

/// Where a line of next year's estimate comes from.
pub const FROM_OUTSTANDING: &str = "outstanding";
pub const FROM_DRAFTING: &str = "drafting-lead";

/// One line of `budget-plan`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    /// `outstanding` (owed and unpaid) or `drafting-lead` (a standard being drafted with a
    /// district enterprise as lead, which earns a lead reward once published).
    pub source: String,
    /// The entitlement's key, for what is outstanding.
    pub key: Option<String>,
    pub standard_id: Option<i64>,
    pub rule: String,
    pub unit_id: i64,
    pub unit: String,
    pub record: String,
    pub fund: String,
    pub amount_yuan: i64,
}

/// One fund's estimated need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundNeed {
    pub fund: String,
    pub outstanding_yuan: i64,
    pub drafting_yuan: i64,
    pub total_yuan: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetPlan {
    pub year: i32,
    pub by_fund: Vec<FundNeed>,
    pub items: Vec<PlanItem>,
    pub total_yuan: i64,
}

/// Next year's need per fund (`budget-plan --year Y`): what is outstanding (`owed`, each
/// entitlement with its outstanding amount), plus one lead reward for each standard being
/// drafted with a district enterprise as lead, at the version of its rule in force on the
/// first day of Y (or, failing one, on its last day). A rule that pays once per enterprise
/// adds nothing for an enterprise it already pays, nor twice for one enterprise. Projects are
/// recorded only once passed, so they enter as outstanding.
pub fn budget_plan(
    owed: &[Entitlement],
    all: &[Entitlement],
    standards: &[StandardFact],
    rules: &[RuleDef],
    funds: &[String],
    year: i32,
) -> Result<BudgetPlan, MoneyOverflow> {
    let mut items: Vec<PlanItem> = owed
        .iter()
        .filter(|e| e.outstanding_yuan > 0)
        .map(|e| PlanItem {
            source: FROM_OUTSTANDING.into(),
            key: Some(e.key.clone()),
            standard_id: None,
            rule: e.rule.clone(),
            unit_id: e.unit_id,
            unit: e.unit.clone(),
            record: e.record.clone(),
            fund: e.fund.clone(),
            amount_yuan: e.outstanding_yuan,
        })
        .collect();
    let first = Date::from_ymd_opt(year, 1, 1);
    let last = Date::from_ymd_opt(year, 12, 31);
    for rule in rules.iter().filter(|r| r.source == RuleSource::LeadStandard) {
        let Some(level) = rule.level else { continue };
        let version =
            first.and_then(|d| version_in_force(rule, d)).or_else(|| last.and_then(|d| version_in_force(rule, d)));
        let Some(v) = version else { continue };
        let mut once: Vec<i64> = Vec::new();
        for s in standards {
            let Some(lead) = s.lead.as_ref() else { continue };
            let qualifies = s.status == StandardStatus::Drafting
                && s.level == level
                && s.action == Action::Formulate
                && lead.kind == UnitKind::Enterprise;
            if !qualifies {
                continue;
            }
            if v.per == Per::Enterprise {
                let paid_before =
                    all.iter().any(|e| e.rule == rule.code && e.key.contains(":unit:") && e.unit_id == lead.id);
                if paid_before || once.contains(&lead.id) {
                    continue;
                }
                once.push(lead.id);
            }
            items.push(PlanItem {
                source: FROM_DRAFTING.into(),
                key: None,
                standard_id: Some(s.id),
                rule: rule.code.clone(),
                unit_id: lead.id,
                unit: lead.name.clone(),
                record: s.number.clone().unwrap_or_else(|| s.title.clone()),
                fund: v.fund.clone(),
                amount_yuan: v.amount_yuan,
            });
        }
    }
    let mut by_fund: Vec<String> = funds.to_vec();
    for i in &items {
        if !by_fund.contains(&i.fund) {
            by_fund.push(i.fund.clone());
        }
    }
    let by_fund = by_fund
        .into_iter()
        .map(|fund| {
            let of = |source: &str| {
                money::sum(items.iter().filter(|i| i.fund == fund && i.source == source).map(|i| i.amount_yuan))
            };
            let (outstanding_yuan, drafting_yuan) = (of(FROM_OUTSTANDING)?, of(FROM_DRAFTING)?);
            let total_yuan = money::narrow(i128::from(outstanding_yuan) + i128::from(drafting_yuan))?;
            Ok(FundNeed { fund, outstanding_yuan, drafting_yuan, total_yuan })
        })
        .collect::<Result<Vec<_>, MoneyOverflow>>()?;
    let total_yuan = money::sum(items.iter().map(|i| i.amount_yuan))?;
    Ok(BudgetPlan { year, by_fund, items, total_yuan })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Level, RuleVersion};
    use crate::core::progress::fixtures::*;
    use crate::core::rewards::{award_calc, entitlements};

    fn pay(id: i64, key: &str, unit_id: i64, amount: i64, on: &str) -> Payment {
        Payment {
            id,
            key: key.into(),
            unit_id,
            unit: u(unit_id).name,
            amount_yuan: amount,
            paid_on: d(on),
            voucher: None,
        }
    }

    #[test]
    fn remainders_and_the_over_budget_flag() {
        let all = entitlements(&jlp_rules(), &example_standards(), &example_awards(), &example_projects());
        // 2014: project 1 (50000, district-finance); awards 5 and 1 (50000 each, industry-fund).
        let payments = vec![
            pay(1, "municipal-project:project:1", 4, 50_000, "2014-07-01"),
            // Paid in 2014 for a 2012 project: paid in the year, not entitled in it.
            pay(2, "municipal-project:project:4", 1, 50_000, "2014-02-01"),
            pay(3, "cq-innovation-award:award:5", 6, 30_000, "2015-01-10"),
        ];
        let budgets = vec![("district-finance".to_string(), 120_000), ("industry-fund".to_string(), 80_000)];
        let got = fund_budgets(&all, &payments, &jlp_rules(), &funds(), &budgets, 2014).unwrap();
        assert_eq!(
            got,
            vec![
                FundBudget {
                    fund: "district-finance".into(),
                    budget_yuan: Some(120_000),
                    entitled_yuan: 50_000,
                    paid_yuan: 100_000,
                    remaining_yuan: Some(70_000),
                    over_budget: false,
                },
                FundBudget {
                    fund: "industry-fund".into(),
                    budget_yuan: Some(80_000),
                    entitled_yuan: 100_000,
                    paid_yuan: 0,
                    remaining_yuan: Some(-20_000),
                    over_budget: true,
                },
            ]
        );
        // No budget set: none to compare with, never "over".
        let got = fund_budgets(&all, &payments, &jlp_rules(), &funds(), &[], 2015).unwrap();
        assert_eq!((got[1].budget_yuan, got[1].remaining_yuan, got[1].over_budget), (None, None, false));
        assert_eq!(got[1].paid_yuan, 30_000);
        // Exactly at the budget is not over it.
        let at = vec![("industry-fund".to_string(), 100_000)];
        let got = fund_budgets(&all, &payments, &jlp_rules(), &funds(), &at, 2014).unwrap();
        assert_eq!((got[1].remaining_yuan, got[1].over_budget), (Some(0), false));
    }

    #[test]
    fn next_years_need_is_what_is_owed_plus_a_lead_reward_per_drafting_standard() {
        let mut rules = jlp_rules();
        // From 2017 leading a national standard earns 400000.
        rules[1].versions[0].to = Some(d("2016-12-31"));
        rules[1].versions.push(RuleVersion {
            amount_yuan: 400_000,
            from: d("2017-01-01"),
            to: None,
            fund: "industry-fund".into(),
            per: Per::Record,
        });
        let mut drafting = vec![
            standard(20, None, Level::National, Action::Formulate, None, Some(1), &[]),
            standard(21, None, Level::International, Action::Formulate, None, Some(3), &[]),
            // A revision earns no lead reward; nor does a lead that is not an enterprise.
            standard(22, None, Level::National, Action::Revise, None, Some(1), &[]),
            standard(23, None, Level::National, Action::Formulate, None, Some(2), &[]),
            // Published already: its reward is an entitlement, not an estimate.
            standard(24, Some("GB/T 1-2016"), Level::National, Action::Formulate, Some("2016-03-01"), Some(4), &[]),
        ];
        drafting.extend(example_standards());
        let all = entitlements(&rules, &drafting, &example_awards(), &example_projects());
        let payments = vec![pay(1, "municipal-project:project:1", 4, 50_000, "2014-07-01")];
        let owed = award_calc(&all, &payments, None, None, &funds(), true, None).unwrap().entitlements;
        let plan = budget_plan(&owed, &all, &drafting, &rules, &funds(), 2017).unwrap();
        let drafted: Vec<(i64, i64)> = plan
            .items
            .iter()
            .filter(|i| i.source == FROM_DRAFTING)
            .map(|i| (i.standard_id.unwrap(), i.amount_yuan))
            .collect();
        // The example's own standard 3 is an international one drafted with enterprise 1 as lead.
        assert_eq!(drafted, vec![(20, 400_000), (21, 500_000), (3, 500_000)]);
        // Owed: the example's 750000 less project 1, plus GB/T 1-2016 (300000 then).
        let owed_sum: i64 = owed.iter().map(|e| e.outstanding_yuan).sum();
        assert_eq!(owed_sum, 750_000 - 50_000 + 300_000);
        let fund = |f: &str| plan.by_fund.iter().find(|n| n.fund == f).unwrap().clone();
        assert_eq!(fund("district-finance").outstanding_yuan, 100_000);
        assert_eq!(fund("industry-fund").drafting_yuan, 1_400_000);
        assert_eq!(fund("industry-fund").total_yuan, 600_000 + 300_000 + 1_400_000);
        assert_eq!(plan.total_yuan, plan.by_fund.iter().map(|f| f.total_yuan).sum::<i64>());
        assert_eq!(plan.total_yuan, plan.items.iter().map(|i| i.amount_yuan).sum::<i64>());
    }
}
