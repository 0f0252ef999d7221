//! The two reports the leading group reads, assembled from the pure parts: where each target
//! stands as of a date, and what happened in one quarter. Renderers print these structs.

use std::fmt;

use super::budget::{self, FundBudget};
use super::model::*;
use super::money::{self, MoneyOverflow};
use super::progress::{self, MeetingCoverage, TargetProgress};
use super::quarter::Quarter;
use super::readings::{self, NotCounted};
use super::reviews::{self, LatestFiling, LatestReview};
use super::rewards::{self, AwardCalc, Entitlement};

/// Why a report cannot be given: stored figures too large to add up. A report with a
/// wrapped or saturated figure in it would falsify the record, so there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportError {
    Money(MoneyOverflow),
    Counts(CountOverflow),
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportError::Money(e) => e.fmt(f),
            ReportError::Counts(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ReportError {}

impl From<MoneyOverflow> for ReportError {
    fn from(e: MoneyOverflow) -> Self {
        ReportError::Money(e)
    }
}

impl From<CountOverflow> for ReportError {
    fn from(e: CountOverflow) -> Self {
        ReportError::Counts(e)
    }
}

pub use super::progress::IndustrySplit;

/// `stdtrack progress`: targets, milestones and meetings as of one date.
#[derive(Debug, Clone)]
pub struct ProgressReport {
    pub plan: Plan,
    pub as_of: Date,
    pub elapsed_days: i64,
    pub total_days: i64,
    pub targets: Vec<TargetProgress>,
    pub milestones: Vec<MilestoneFact>,
    pub meetings: MeetingCoverage,
    /// Standards adopting an international standard, counted as the targets count.
    pub adopted_standards: i64,
    /// What the office's readings left out of the targets.
    pub not_counted: Vec<NotCounted>,
    /// `--by-owner`: the milestones under each owning department.
    pub owners: Option<Vec<(String, Vec<MilestoneFact>)>>,
    /// `--by-industry`: every target split by industry.
    pub by_industry: Option<IndustrySplit>,
}

/// The inputs of the progress report, as the store gives them.
pub struct ProgressInputs<'a> {
    pub plan: &'a Plan,
    pub targets: &'a [TargetDef],
    pub facts: &'a Facts,
    pub milestones: &'a [MilestoneFact],
    pub changes: &'a [MilestoneChange],
}

pub fn progress_report(inp: &ProgressInputs<'_>, as_of: Date) -> Result<ProgressReport, ReportError> {
    let plan = inp.plan;
    let window_end = progress::window_end(plan, as_of);
    Ok(ProgressReport {
        plan: plan.clone(),
        as_of,
        elapsed_days: progress::elapsed_days(plan, as_of),
        total_days: progress::total_days(plan),
        targets: progress::progress(plan, inp.targets, inp.facts, as_of)?,
        milestones: progress::milestones_as_of(inp.milestones, inp.changes, plan, as_of),
        meetings: progress::meeting_coverage(plan, &inp.facts.meetings, as_of),
        adopted_standards: progress::adopted_standards(inp.facts, plan.start, window_end),
        not_counted: readings::not_counted(inp.facts, plan.start, window_end),
        owners: None,
        by_industry: None,
    })
}

/// A target's standing at the quarter's end, and what the quarter added.
#[derive(Debug, Clone)]
pub struct QuarterTarget {
    pub progress: TargetProgress,
    pub in_quarter: i64,
}

/// What was recorded in the quarter.
#[derive(Debug, Clone, Default)]
pub struct Activity {
    pub standards: Vec<StandardFact>,
    pub awards: Vec<AwardFact>,
    pub projects: Vec<ProjectFact>,
    pub seats: Vec<SeatFact>,
    pub filings: i64,
    pub reviews: i64,
}

/// `stdtrack quarterly-report`: the leading group's quarterly report.
#[derive(Debug, Clone)]
pub struct QuarterlyReport {
    pub plan: Plan,
    pub quarter: Quarter,
    pub start: Date,
    pub end: Date,
    /// `min(end, today)`: a quarter not yet over is reported as it stands today.
    pub as_of: Date,
    pub elapsed_days: i64,
    pub total_days: i64,
    pub targets: Vec<QuarterTarget>,
    pub milestones: Vec<MilestoneFact>,
    pub meeting_held: bool,
    pub meetings_in_quarter: Vec<Date>,
    pub meetings: MeetingCoverage,
    pub entitlements_arising: Vec<Entitlement>,
    pub arising_yuan: i64,
    pub outstanding_yuan: i64,
    /// Payments (refunds negative) dated in the quarter, up to `as_of`.
    pub payments: Vec<Payment>,
    pub paid_in_quarter_yuan: i64,
    /// Arising, paid and outstanding per fund (every fund, even at 0).
    pub by_fund: Vec<FundMoney>,
    pub activity: Activity,
    /// Enterprise standards overdue for review at the quarter's end (as of `as_of`).
    pub overdue_reviews: i64,
    /// Standards adopting an international standard: counted to the quarter's end, and the
    /// quarter's own.
    pub adopted_standards: i64,
    pub adopted_in_quarter: i64,
}

/// One fund's money in a quarter.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FundMoney {
    pub fund: String,
    pub arising_yuan: i64,
    pub paid_yuan: i64,
    pub outstanding_yuan: i64,
}

/// The inputs of the quarterly report, as the store gives them.
pub struct QuarterInputs<'a> {
    pub plan: &'a Plan,
    pub targets: &'a [TargetDef],
    pub facts: &'a Facts,
    pub milestones: &'a [MilestoneFact],
    pub projects: &'a [ProjectFact],
    pub rules: &'a [RuleDef],
    pub payments: &'a [Payment],
    pub funds: &'a [String],
    /// The milestones' dated history.
    pub changes: &'a [MilestoneChange],
    /// What review reminders look at (loaded for the report's as-of date).
    pub latest_filings: &'a [LatestFiling],
    pub latest_reviews: &'a [LatestReview],
}

/// The report of `quarter` as it stands on `today`; the caller refuses a quarter not yet begun.
pub fn quarterly_report(
    inp: &QuarterInputs<'_>,
    quarter: Quarter,
    today: Date,
) -> Result<QuarterlyReport, ReportError> {
    let (start, end) = (quarter.start(), quarter.end());
    let as_of = end.min(today);
    let before = quarter.prev().end();
    let targets = inp
        .targets
        .iter()
        .map(|t| {
            let now = progress::actual(&t.measure, inp.facts, inp.plan, as_of)?;
            let then = progress::actual(&t.measure, inp.facts, inp.plan, before)?;
            Ok(QuarterTarget {
                progress: progress::target_progress(t, now, inp.plan, as_of)?,
                in_quarter: now.checked_sub(then).ok_or(CountOverflow)?,
            })
        })
        .collect::<Result<_, ReportError>>()?;
    let in_q = |d: Date| start <= d && d <= as_of;
    let all = rewards::entitlements(inp.rules, &inp.facts.standards, &inp.facts.awards, inp.projects);
    // Bounded by as_of like everything else: a record dated later in an unfinished quarter
    // has not arisen yet.
    let arising: AwardCalc = rewards::award_calc(&all, inp.payments, Some(start), Some(as_of), inp.funds, false, None)?;
    let to_end: AwardCalc = rewards::award_calc(&all, inp.payments, None, Some(as_of), inp.funds, false, None)?;
    let meetings_in_quarter: Vec<Date> = inp.facts.meetings.iter().copied().filter(|d| in_q(*d)).collect();
    let payments: Vec<Payment> = inp.payments.iter().filter(|p| in_q(p.paid_on)).cloned().collect();
    let activity = Activity {
        standards: inp
            .facts
            .standards
            .iter()
            .filter(|s| s.status != StandardStatus::Drafting && s.published_on.is_some_and(in_q))
            .cloned()
            .collect(),
        awards: inp.facts.awards.iter().filter(|a| in_q(a.awarded_on)).cloned().collect(),
        projects: inp.projects.iter().filter(|p| in_q(p.passed_on)).cloned().collect(),
        seats: inp.facts.seats.iter().filter(|s| in_q(s.since)).cloned().collect(),
        filings: inp.facts.filings.between(start, as_of)?,
        reviews: inp.facts.reviews.between(start, as_of)?,
    };
    // Summed exactly: a wrapping sum once reported two stored payments of i64::MAX/2+1 as -2.
    let paid_in_quarter_yuan = money::sum(payments.iter().map(|p| p.amount_yuan))?;
    let by_fund = money_by_fund(inp, &all, &arising, &to_end, &payments)?;
    Ok(QuarterlyReport {
        plan: inp.plan.clone(),
        quarter,
        start,
        end,
        as_of,
        elapsed_days: progress::elapsed_days(inp.plan, as_of),
        total_days: progress::total_days(inp.plan),
        targets,
        milestones: progress::milestones_as_of(inp.milestones, inp.changes, inp.plan, as_of),
        meeting_held: !meetings_in_quarter.is_empty(),
        meetings_in_quarter,
        meetings: progress::meeting_coverage(inp.plan, &inp.facts.meetings, as_of),
        arising_yuan: arising.totals.amount_yuan,
        entitlements_arising: arising.entitlements,
        // What each entitlement still lacks, as award-calc counts it: money overpaid on one
        // key is an overpayment, never taken off what another unit is owed.
        outstanding_yuan: to_end.totals.outstanding_yuan,
        paid_in_quarter_yuan,
        payments,
        by_fund,
        activity,
        overdue_reviews: reviews::overdue_count(inp.latest_filings, inp.latest_reviews, as_of),
        adopted_standards: progress::adopted_standards(
            inp.facts,
            inp.plan.start,
            progress::window_end(inp.plan, as_of),
        ),
        adopted_in_quarter: progress::adopted_standards(inp.facts, start.max(inp.plan.start), as_of),
    })
}

/// A target's standing at the year's end, and what the year added.
#[derive(Debug, Clone)]
pub struct YearTarget {
    pub progress: TargetProgress,
    pub in_year: i64,
}

/// One quarter of the yearly summary: what it added, so the year's figures are their sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterSummary {
    pub quarter: Quarter,
    /// Each target's `in_quarter`, in the targets' order.
    pub in_quarter: Vec<i64>,
    pub arising_yuan: i64,
    pub paid_yuan: i64,
    pub meetings_held: i64,
}

/// `stdtrack annual-report --year Y`: the yearly summary for the leading group.
#[derive(Debug, Clone)]
pub struct AnnualReport {
    pub plan: Plan,
    pub year: i32,
    pub start: Date,
    pub end: Date,
    /// `min(end, today)`: a year not yet over is reported as it stands today.
    pub as_of: Date,
    pub elapsed_days: i64,
    pub total_days: i64,
    pub targets: Vec<YearTarget>,
    pub entitlements_arising: Vec<Entitlement>,
    pub arising_yuan: i64,
    pub payments: Vec<Payment>,
    pub paid_in_year_yuan: i64,
    pub outstanding_yuan: i64,
    pub by_fund: Vec<FundMoney>,
    pub budgets: Vec<FundBudget>,
    pub meetings_in_year: Vec<Date>,
    pub meetings_held: i64,
    pub meetings: MeetingCoverage,
    pub milestones: Vec<MilestoneFact>,
    pub adopted_in_year: i64,
    pub overdue_reviews: i64,
    pub quarters: Vec<QuarterSummary>,
}

/// The yearly summary of `year` as it stands on `today` (the caller refuses a year not yet
/// begun): targets at the year's end and what the year added, money arising and paid in it
/// by fund against `budgets` (that year's, as (fund, yuan)), meetings held, milestones and
/// recurring duties, and the year's quarters, whose figures add up to the year's.
pub fn annual_report(
    inp: &QuarterInputs<'_>,
    budgets: &[(String, i64)],
    year: i32,
    today: Date,
) -> Result<AnnualReport, ReportError> {
    let first = Quarter { year, q: 1 };
    let (start, end) = (first.start(), Quarter { year, q: 4 }.end());
    let as_of = end.min(today);
    let before = first.prev().end();
    let targets = inp
        .targets
        .iter()
        .map(|t| {
            let now = progress::actual(&t.measure, inp.facts, inp.plan, as_of)?;
            let then = progress::actual(&t.measure, inp.facts, inp.plan, before)?;
            Ok(YearTarget {
                progress: progress::target_progress(t, now, inp.plan, as_of)?,
                in_year: now.checked_sub(then).ok_or(CountOverflow)?,
            })
        })
        .collect::<Result<Vec<_>, ReportError>>()?;
    let in_y = |d: Date| start <= d && d <= as_of;
    let all = rewards::entitlements(inp.rules, &inp.facts.standards, &inp.facts.awards, inp.projects);
    let arising = rewards::award_calc(&all, inp.payments, Some(start), Some(as_of), inp.funds, false, None)?;
    let to_end = rewards::award_calc(&all, inp.payments, None, Some(as_of), inp.funds, false, None)?;
    let payments: Vec<Payment> = inp.payments.iter().filter(|p| in_y(p.paid_on)).cloned().collect();
    let meetings_in_year: Vec<Date> = inp.facts.meetings.iter().copied().filter(|d| in_y(*d)).collect();
    let by_fund = money_by_fund(inp, &all, &arising, &to_end, &payments)?;
    // Payments dated after today are not in the year yet, as everywhere else.
    let upto: Vec<Payment> = inp.payments.iter().filter(|p| p.paid_on <= as_of).cloned().collect();
    let budgets = budget::fund_budgets(
        &all.iter().filter(|e| e.event_date <= as_of).cloned().collect::<Vec<_>>(),
        &upto,
        inp.rules,
        inp.funds,
        budgets,
        year,
    )?;

    let mut quarters = Vec::new();
    let mut q = first;
    while q.year == year && q.start() <= as_of {
        let q_end = q.end().min(as_of);
        let in_q = |d: Date| q.start() <= d && d <= q_end;
        let in_quarter = inp
            .targets
            .iter()
            .map(|t| {
                let now = progress::actual(&t.measure, inp.facts, inp.plan, q_end)?;
                let then = progress::actual(&t.measure, inp.facts, inp.plan, q.prev().end())?;
                now.checked_sub(then).ok_or(CountOverflow)
            })
            .collect::<Result<Vec<_>, CountOverflow>>()?;
        quarters.push(QuarterSummary {
            quarter: q,
            in_quarter,
            arising_yuan: money::sum(all.iter().filter(|e| in_q(e.event_date)).map(|e| e.amount_yuan))?,
            paid_yuan: money::sum(payments.iter().filter(|p| in_q(p.paid_on)).map(|p| p.amount_yuan))?,
            meetings_held: i64::try_from(meetings_in_year.iter().filter(|d| in_q(**d)).count())
                .map_err(|_| CountOverflow)?,
        });
        q = q.next();
    }

    Ok(AnnualReport {
        plan: inp.plan.clone(),
        year,
        start,
        end,
        as_of,
        elapsed_days: progress::elapsed_days(inp.plan, as_of),
        total_days: progress::total_days(inp.plan),
        targets,
        arising_yuan: arising.totals.amount_yuan,
        entitlements_arising: arising.entitlements,
        paid_in_year_yuan: money::sum(payments.iter().map(|p| p.amount_yuan))?,
        payments,
        outstanding_yuan: to_end.totals.outstanding_yuan,
        by_fund,
        budgets,
        meetings_held: i64::try_from(meetings_in_year.len()).map_err(|_| CountOverflow)?,
        meetings_in_year,
        meetings: progress::meeting_coverage(inp.plan, &inp.facts.meetings, as_of),
        milestones: progress::milestones_as_of(inp.milestones, inp.changes, inp.plan, as_of),
        adopted_in_year: progress::adopted_standards(inp.facts, start.max(inp.plan.start), as_of),
        overdue_reviews: reviews::overdue_count(inp.latest_filings, inp.latest_reviews, as_of),
        quarters,
    })
}

/// The quarter's money per fund: what arose, what was paid, what is outstanding at the end.
/// A payment's fund is its entitlement's; a payment whose key no longer yields one counts
/// under the fund its rule pays from now.
fn money_by_fund(
    inp: &QuarterInputs<'_>,
    all: &[Entitlement],
    arising: &AwardCalc,
    to_end: &AwardCalc,
    payments: &[Payment],
) -> Result<Vec<FundMoney>, ReportError> {
    let fund_of_key = |key: &str| rewards::fund_of_key(all, inp.rules, key);
    inp.funds
        .iter()
        .map(|fund| {
            let arising_yuan =
                money::sum(arising.entitlements.iter().filter(|e| &e.fund == fund).map(|e| e.amount_yuan))?;
            let paid_yuan = money::sum(
                payments
                    .iter()
                    .filter(|p| fund_of_key(&p.key).as_deref() == Some(fund.as_str()))
                    .map(|p| p.amount_yuan),
            )?;
            let outstanding_yuan =
                money::sum(to_end.entitlements.iter().filter(|e| &e.fund == fund).map(|e| e.outstanding_yuan))?;
            Ok(FundMoney { fund: fund.clone(), arising_yuan, paid_yuan, outstanding_yuan })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::progress::fixtures::*;

    #[test]
    fn money_by_fund_adds_up_to_the_quarters_totals() {
        for (q, today) in [("2014Q4", "2016-06-01"), ("2013Q1", "2016-06-01"), ("2015Q2", "2015-05-10")] {
            let r = inputs_report(q, today);
            assert_eq!(r.by_fund.len(), funds().len(), "every fund, even at 0");
            let sum = |f: fn(&FundMoney) -> i64| r.by_fund.iter().map(f).sum::<i64>();
            assert_eq!(sum(|f| f.arising_yuan), r.arising_yuan, "{q}");
            assert_eq!(sum(|f| f.paid_yuan), r.paid_in_quarter_yuan, "{q}");
            assert_eq!(sum(|f| f.outstanding_yuan), r.outstanding_yuan, "{q}");
        }
    }

    fn inputs_report(quarter: &str, today: &str) -> QuarterlyReport {
        let plan = jlp_plan();
        let targets = jlp_targets();
        let facts = example_facts();
        let projects = example_projects();
        let rules = jlp_rules();
        let funds = funds();
        let inp = QuarterInputs {
            plan: &plan,
            targets: &targets,
            facts: &facts,
            milestones: &[],
            projects: &projects,
            rules: &rules,
            payments: &[],
            funds: &funds,
            changes: &[],
            latest_filings: &[],
            latest_reviews: &[],
        };
        quarterly_report(&inp, Quarter::parse(quarter, d(today)).unwrap(), d(today)).unwrap()
    }

    #[test]
    fn a_years_figures_are_the_sum_of_its_quarters() {
        let plan = jlp_plan();
        let targets = jlp_targets();
        let facts = example_facts();
        let projects = example_projects();
        let rules = jlp_rules();
        let funds = funds();
        let pay = |id: i64, key: &str, unit_id: i64, amount: i64, on: &str| Payment {
            id,
            key: key.into(),
            unit_id,
            unit: u(unit_id).name,
            amount_yuan: amount,
            paid_on: d(on),
            voucher: None,
        };
        let payments = vec![
            pay(1, "municipal-project:project:1", 4, 50_000, "2014-07-01"),
            pay(2, "cq-innovation-award:award:5", 6, 50_000, "2014-12-30"),
            pay(3, "cq-innovation-award:award:5", 6, -10_000, "2015-01-05"),
        ];
        let inp = QuarterInputs {
            plan: &plan,
            targets: &targets,
            facts: &facts,
            milestones: &[],
            projects: &projects,
            rules: &rules,
            payments: &payments,
            funds: &funds,
            changes: &[],
            latest_filings: &[],
            latest_reviews: &[],
        };
        let budgets = vec![("industry-fund".to_string(), 60_000)];
        for (year, today) in [(2014, "2016-06-01"), (2013, "2016-06-01"), (2015, "2015-08-20")] {
            let r = annual_report(&inp, &budgets, year, d(today)).unwrap();
            for (i, t) in r.targets.iter().enumerate() {
                let sum: i64 = r.quarters.iter().map(|q| q.in_quarter[i]).sum();
                assert_eq!(sum, t.in_year, "{year} {}", t.progress.code);
                // The same figure the quarterly report gives, quarter by quarter.
                for q in &r.quarters {
                    let qr = quarterly_report(&inp, q.quarter, d(today)).unwrap();
                    assert_eq!(qr.targets[i].in_quarter, q.in_quarter[i], "{}", q.quarter);
                    assert_eq!((qr.arising_yuan, qr.paid_in_quarter_yuan), (q.arising_yuan, q.paid_yuan));
                    assert_eq!(qr.meetings_in_quarter.len() as i64, q.meetings_held);
                }
            }
            assert_eq!(r.quarters.iter().map(|q| q.arising_yuan).sum::<i64>(), r.arising_yuan, "{year}");
            assert_eq!(r.quarters.iter().map(|q| q.paid_yuan).sum::<i64>(), r.paid_in_year_yuan, "{year}");
            assert_eq!(r.quarters.iter().map(|q| q.meetings_held).sum::<i64>(), r.meetings_held, "{year}");
        }
        let r = annual_report(&inp, &budgets, 2014, d("2016-06-01")).unwrap();
        // 2014: project 1 and awards 5 and 1 (150000); four meetings; filings 2014: 7.
        assert_eq!((r.arising_yuan, r.paid_in_year_yuan, r.meetings_held), (150_000, 100_000, 4));
        let filings = r.targets.iter().find(|t| t.progress.code == "enterprise-filings").unwrap();
        assert_eq!((filings.in_year, filings.progress.actual), (7, 10));
        let industry = r.budgets.iter().find(|b| b.fund == "industry-fund").unwrap();
        assert_eq!(
            (industry.entitled_yuan, industry.remaining_yuan, industry.over_budget),
            (100_000, Some(-40_000), true)
        );
        // A year not over: as of today, its quarters so far.
        let r = annual_report(&inp, &budgets, 2015, d("2015-08-20")).unwrap();
        assert_eq!((r.as_of, r.quarters.len()), (d("2015-08-20"), 3));
    }

    #[test]
    fn worked_example_2014q4() {
        let r = inputs_report("2014Q4", "2016-01-01");
        let in_q: Vec<(String, i64, i64)> =
            r.targets.iter().map(|t| (t.progress.code.clone(), t.in_quarter, t.progress.actual)).collect();
        for (got, want) in in_q.iter().zip(EXAMPLE_2014Q4.iter()) {
            assert_eq!((got.0.as_str(), got.1, got.2), *want);
        }
        assert_eq!(r.arising_yuan, 0);
        assert_eq!(r.outstanding_yuan, 250000);
        assert!(r.meeting_held);
        assert_eq!(r.meetings_in_quarter.len(), 4);
        assert_eq!(r.activity.filings, 3);
        assert_eq!(r.activity.reviews, 2);
        assert_eq!(r.as_of, d("2014-12-31"));
    }

    #[test]
    fn a_quarter_not_yet_over_is_reported_as_of_today() {
        let r = inputs_report("current", "2014-11-20");
        assert_eq!(r.quarter.to_string(), "2014Q4");
        assert_eq!(r.as_of, d("2014-11-20"));
        // Filings of 2014Q4 up to 11-20: 2014-11-14 and 2014-11-17 (12-04 not yet).
        let filings = r.targets.iter().find(|t| t.progress.code == "enterprise-filings").unwrap();
        assert_eq!(filings.in_quarter, 2);
        assert_eq!(r.activity.filings, 2);
    }

    #[test]
    fn arising_counts_entitlements_dated_in_the_quarter() {
        let r = inputs_report("2014Q2", "2016-01-01");
        // cq-innovation award 5 (2014-05-17), project 1 (2014-06-08), award 1 (2014-06-30).
        assert_eq!(r.entitlements_arising.len(), 3);
        assert_eq!(r.arising_yuan, 150000);
        assert!(!r.meeting_held);
    }

    #[test]
    fn paid_in_quarter_is_summed_exactly_or_refused() {
        let plan = jlp_plan();
        let targets = jlp_targets();
        let facts = example_facts();
        let rules = jlp_rules();
        let funds = funds();
        let half = i64::MAX / 2 + 1;
        let pay = |id: i64, key: &str, amount: i64, on: &str| Payment {
            id,
            key: key.into(),
            unit_id: 1,
            unit: "u1".into(),
            amount_yuan: amount,
            paid_on: d(on),
            voucher: None,
        };
        // Each key nets to zero (award-calc has nothing to refuse); the quarter's own two
        // payments add up past i64: a wrapping sum reported them as i64::MIN.
        let payments = vec![
            pay(1, "unknown:project:1", -half, "2013-03-01"),
            pay(2, "unknown:project:2", -half, "2013-03-01"),
            pay(3, "unknown:project:1", half, "2013-05-01"),
            pay(4, "unknown:project:2", half, "2013-05-02"),
        ];
        let mut inp = QuarterInputs {
            plan: &plan,
            targets: &targets,
            facts: &facts,
            milestones: &[],
            projects: &[],
            rules: &rules,
            payments: &payments,
            funds: &funds,
            changes: &[],
            latest_filings: &[],
            latest_reviews: &[],
        };
        let q = Quarter::parse("2013Q2", d("2016-01-01")).unwrap();
        assert_eq!(quarterly_report(&inp, q, d("2016-01-01")).err(), Some(ReportError::Money(MoneyOverflow)));
        // The bug as reported: two payments of i64::MAX came out as -2.
        let max = vec![
            pay(1, "unknown:project:1", i64::MAX, "2013-05-01"),
            pay(2, "unknown:project:2", i64::MAX, "2013-05-01"),
        ];
        inp.payments = &max;
        assert_eq!(quarterly_report(&inp, q, d("2016-01-01")).err(), Some(ReportError::Money(MoneyOverflow)));
        // In range: exact.
        let fine =
            vec![pay(1, "unknown:project:1", 50_000, "2013-05-01"), pay(2, "unknown:project:1", -20_000, "2013-06-01")];
        inp.payments = &fine;
        assert_eq!(quarterly_report(&inp, q, d("2016-01-01")).unwrap().paid_in_quarter_yuan, 30_000);
    }

    #[test]
    fn stored_counts_too_large_to_add_up_are_refused() {
        let plan = jlp_plan();
        let targets = jlp_targets();
        let mut facts = example_facts();
        facts.filings = DailyCounts(vec![(d("2013-05-01"), i64::MAX), (d("2013-05-02"), i64::MAX)]);
        let inp = QuarterInputs {
            plan: &plan,
            targets: &targets,
            facts: &facts,
            milestones: &[],
            projects: &[],
            rules: &[],
            payments: &[],
            funds: &[],
            changes: &[],
            latest_filings: &[],
            latest_reviews: &[],
        };
        let q = Quarter::parse("2013Q2", d("2016-01-01")).unwrap();
        assert_eq!(quarterly_report(&inp, q, d("2016-01-01")).err(), Some(ReportError::Counts(CountOverflow)));
        let inp = ProgressInputs { plan: &plan, targets: &targets, facts: &facts, milestones: &[], changes: &[] };
        assert_eq!(progress_report(&inp, d("2016-01-01")).err(), Some(ReportError::Counts(CountOverflow)));
        let msg = ReportError::Counts(CountOverflow).to_string();
        assert!(msg.contains("too large to add up") && msg.contains("stdtrack check"), "{msg}");
    }
}
