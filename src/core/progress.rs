//! Target counts, pace and status, meeting coverage and milestones as of a date
//! (DOMAIN.md §3). Every figure and decision is integer arithmetic.

use std::collections::BTreeSet;

use super::model::{
    CountOverflow, Date, DutyStatus, DutyYear, Facts, Level, Measure, MilestoneChange, MilestoneFact, MilestoneStatus,
    Plan, Recurrence, StandardFact, StandardStatus, TargetDef, TargetStatus, UnitKind, UnitRef,
};
use super::quarter::Quarter;
use super::readings::Readings;

/// Days from start to deadline, both included (1268 for jlp-2012); 0 for a plan whose
/// deadline is before its start.
pub fn total_days(plan: &Plan) -> i64 {
    ((plan.deadline - plan.start).num_days() + 1).max(0)
}

/// The last day counted for an as-of date: events after the deadline never count.
pub fn window_end(plan: &Plan, as_of: Date) -> Date {
    as_of.min(plan.deadline)
}

/// Days from start to `min(as_of, deadline)`, both included; 0 when as_of < start.
pub fn elapsed_days(plan: &Plan, as_of: Date) -> i64 {
    if as_of < plan.start {
        return 0;
    }
    ((window_end(plan, as_of) - plan.start).num_days() + 1).max(0)
}

fn in_window(d: Date, from: Date, to: Date) -> bool {
    from <= d && d <= to
}

/// A standard counts once published (or published and later abolished), dated in the window;
/// a local one only when the office's local prefixes say so (`DB50`: Chongqing's).
fn standard_counts(s: &StandardFact, readings: &Readings, from: Date, to: Date) -> bool {
    s.status != StandardStatus::Drafting
        && s.published_on.is_some_and(|d| in_window(d, from, to))
        && (s.level != Level::Local || readings.local_counts(s.number.as_deref()))
}

fn enterprise(u: &UnitRef) -> bool {
    u.kind == UnitKind::Enterprise
}

/// The actual figure of one measure over the window [plan.start, window_end], per
/// DOMAIN.md §3 (see model::Measure docs). `CountOverflow` when stored per-day counts add
/// up past `i64`.
pub fn actual(measure: &Measure, facts: &Facts, plan: &Plan, as_of: Date) -> Result<i64, CountOverflow> {
    let from = plan.start;
    let to = window_end(plan, as_of);
    if to < from {
        return Ok(0);
    }
    // Distinct counts go through a set of unit ids so the same enterprise counts once.
    let count = |n: usize| i64::try_from(n).map_err(|_| CountOverflow);
    match measure {
        Measure::Standards(level) => count(
            facts
                .standards
                .iter()
                .filter(|s| s.level == *level && standard_counts(s, &facts.readings, from, to))
                .count(),
        ),
        Measure::Filings => facts.filings.between(from, to),
        Measure::Reviews => facts.reviews.between(from, to),
        Measure::ParticipatingEnterprises(levels) => {
            let ids: BTreeSet<i64> = facts
                .standards
                .iter()
                .filter(|s| levels.contains(&s.level) && standard_counts(s, &facts.readings, from, to))
                .flat_map(|s| s.lead.iter().chain(s.participants.iter()))
                .filter(|u| enterprise(u))
                .map(|u| u.id)
                .collect();
            count(ids.len())
        }
        Measure::HostingEnterprises(roles) => {
            let ids: BTreeSet<i64> = facts
                .seats
                .iter()
                .filter(|s| {
                    roles.contains(&s.role)
                        && in_window(s.since, from, to)
                        && enterprise(&s.unit)
                        && facts.readings.national_committee(&s.committee)
                })
                .map(|s| s.unit.id)
                .collect();
            count(ids.len())
        }
        Measure::AwardEnterprises(kind) => {
            let ids: BTreeSet<i64> = facts
                .awards
                .iter()
                .filter(|a| a.kind == *kind && in_window(a.awarded_on, from, to) && enterprise(&a.unit))
                .map(|a| a.unit.id)
                .collect();
            count(ids.len())
        }
        Measure::Awards(kind) => count(
            facts
                .awards
                .iter()
                .filter(|a| a.kind == *kind && in_window(a.awarded_on, from, to) && enterprise(&a.unit))
                .count(),
        ),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TargetProgress {
    pub code: String,
    #[serde(skip)]
    pub label_zh: String,
    #[serde(skip)]
    pub label_en: String,
    pub actual: i64,
    pub target_min: i64,
    pub target_max: Option<i64>,
    /// Tenths: 55 means 5.5.
    #[serde(serialize_with = "tenths")]
    pub expected: i64,
    pub needed_now: i64,
    pub projected: Option<i64>,
    /// Tenths of a percent: 231 means 23.1 %.
    #[serde(serialize_with = "tenths")]
    pub percent: i64,
    pub status: TargetStatus,
    pub stretch_met: bool,
}

/// JSON wants a number with one decimal (5.5, 13.0). serde's data model has no decimal
/// type, so the integer tenths become an f64 only here, at the wire: t/10 is correctly
/// rounded and serde_json prints the shortest round-trip form, which is exactly
/// `tenths_str(t)` for any figure this tool produces (|t| < 2^53).
fn tenths<S: serde::Serializer>(t: &i64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(*t as f64 / 10.0)
}

/// Integer division of non-negative-denominator values, rounding toward negative infinity.
fn div_floor(n: i128, d: i128) -> i128 {
    n.div_euclid(d)
}

fn div_ceil(n: i128, d: i128) -> i128 {
    -(-n).div_euclid(d)
}

fn to_i64(v: i128) -> Result<i64, CountOverflow> {
    i64::try_from(v).map_err(|_| CountOverflow)
}

/// Pace rules of DOMAIN.md §3, exactly: expected tenths = (min*elapsed*10*2 + total) /
/// (2*total); needed_now = ceil(min*elapsed/total); projected = floor(actual*total/elapsed),
/// None when elapsed == 0; percent tenths = half-up of actual*1000/min; status: met if
/// actual >= min; else missed if as_of >= deadline; else on-track if actual*total >=
/// min*elapsed; else behind; stretch_met = max.is_some() && actual >= max.
///
/// `CountOverflow` when a figure does not fit in `i64` (a stored target or count near
/// `i64::MAX`), never a saturated one.
pub fn target_progress(
    def: &TargetDef,
    actual: i64,
    plan: &Plan,
    as_of: Date,
) -> Result<TargetProgress, CountOverflow> {
    // i128 so no product of figures can overflow (|min|, |actual| < 2^63, elapsed and total
    // < 2^28, factors <= 2000: every product < 2^102); a degenerate plan (total 0) is read
    // as one day long rather than dividing by zero.
    let total = i128::from(total_days(plan).max(1));
    let elapsed = i128::from(elapsed_days(plan, as_of));
    let min = i128::from(def.min);
    let act = i128::from(actual);

    let expected = div_floor(min * elapsed * 20 + total, 2 * total);
    let needed_now = div_ceil(min * elapsed, total);
    let projected = if elapsed > 0 { Some(to_i64(div_floor(act * total, elapsed))?) } else { None };
    // A bar of zero (or less) is reached by anything: report it as 100.0 %.
    let percent = if min > 0 { div_floor(act * 2000 + min, 2 * min) } else { 1000 };

    let status = if act >= min {
        TargetStatus::Met
    } else if as_of >= plan.deadline {
        TargetStatus::Missed
    } else if act * total >= min * elapsed {
        TargetStatus::OnTrack
    } else {
        TargetStatus::Behind
    };

    Ok(TargetProgress {
        code: def.code.clone(),
        label_zh: def.label_zh.clone(),
        label_en: def.label_en.clone(),
        actual,
        target_min: def.min,
        target_max: def.max,
        expected: to_i64(expected)?,
        needed_now: to_i64(needed_now)?,
        projected,
        percent: to_i64(percent)?,
        status,
        stretch_met: def.max.is_some_and(|max| actual >= max),
    })
}

/// Every target's progress as of a date, in the order given.
pub fn progress(
    plan: &Plan,
    targets: &[TargetDef],
    facts: &Facts,
    as_of: Date,
) -> Result<Vec<TargetProgress>, CountOverflow> {
    targets.iter().map(|t| target_progress(t, actual(&t.measure, facts, plan, as_of)?, plan, as_of)).collect()
}

/// One decimal string of a tenths value: 55 -> "5.5", 0 -> "0.0", 1300 -> "130.0",
/// -5 -> "-0.5".
pub fn tenths_str(t: i64) -> String {
    // unsigned_abs so i64::MIN has a magnitude too.
    let m = t.unsigned_abs();
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{}.{}", m / 10, m % 10)
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MeetingCoverage {
    pub quarters_due: i64,
    pub quarters_held: i64,
    pub missing: Vec<Quarter>,
    #[serde(skip)]
    pub held: Vec<Quarter>,
}

/// Due quarters: from the quarter containing plan.start, each quarter whose end <= as_of,
/// no end (the leading group outlives the deadline). Held = due quarters with at least one
/// meeting dated inside them. Missing = due without.
pub fn meeting_coverage(plan: &Plan, meetings: &[Date], as_of: Date) -> MeetingCoverage {
    // Events before the notice never count: a meeting on 2012-07-05 does not hold 2012Q3.
    let met_in: BTreeSet<Quarter> =
        meetings.iter().filter(|d| **d >= plan.start).map(|d| Quarter::containing(*d)).collect();
    let mut held = Vec::new();
    let mut missing = Vec::new();
    let mut q = Quarter::containing(plan.start);
    while q.end() <= as_of {
        if met_in.contains(&q) {
            held.push(q);
        } else {
            missing.push(q);
        }
        let next = q.next();
        if next == q {
            break; // saturated at the last representable year
        }
        q = next;
    }
    let len = |v: &Vec<Quarter>| i64::try_from(v.len()).unwrap_or(i64::MAX);
    MeetingCoverage { quarters_due: len(&held) + len(&missing), quarters_held: len(&held), missing, held }
}

/// The latest of a milestone's changes dated on or before `as_of` (a later entry of the same
/// day wins): its status then. Changes of other milestones are ignored.
pub fn latest_change<'a>(code: &str, changes: &'a [MilestoneChange], as_of: Date) -> Option<&'a MilestoneChange> {
    changes.iter().filter(|c| c.milestone == code && c.on <= as_of).max_by_key(|c| (c.on, c.id))
}

/// A yearly duty, year by year from the plan's first year to the as-of year: done (the first
/// `done` change dated that year, on or before as_of), missed once the year's last day is on
/// or before as_of, open before that.
pub fn duty_years(code: &str, changes: &[MilestoneChange], plan: &Plan, as_of: Date) -> Vec<DutyYear> {
    use chrono::Datelike;
    let mut years = Vec::new();
    if as_of < plan.start {
        return years;
    }
    for year in plan.start.year()..=as_of.year() {
        let done = changes
            .iter()
            .filter(|c| {
                c.milestone == code && c.status == MilestoneStatus::Done && c.on <= as_of && c.on.year() == year
            })
            .min_by_key(|c| (c.on, c.id));
        let last_day = Date::from_ymd_opt(year, 12, 31).unwrap_or(Date::MAX);
        years.push(match done {
            Some(c) => DutyYear { year, status: DutyStatus::Done, done_on: Some(c.on), note: c.note.clone() },
            None if last_day <= as_of => DutyYear { year, status: DutyStatus::Missed, done_on: None, note: None },
            None => DutyYear { year, status: DutyStatus::Open, done_on: None, note: None },
        });
    }
    years
}

/// Milestones as they stood on `as_of` (DOMAIN.md §3, issue 11): each one's status is that
/// of its latest change dated on or before it, `not-started` before any change, so a status
/// set today never changes a past report. The note is that change's note; `done_on` its date
/// when done.
///
/// A yearly duty (issue 12) also lists its years; its status is `done` when the as-of year
/// is done, else `in-progress` once it has any change (the duty runs, this year's is still
/// to do), else `not-started`: a duty done in 2013 does not stay done for ever.
pub fn milestones_as_of(
    milestones: &[MilestoneFact],
    changes: &[MilestoneChange],
    plan: &Plan,
    as_of: Date,
) -> Vec<MilestoneFact> {
    use chrono::Datelike;
    milestones
        .iter()
        .map(|m| {
            let mut m = m.clone();
            let latest = latest_change(&m.code, changes, as_of);
            m.note = latest.and_then(|c| c.note.clone());
            match m.recurring {
                Recurrence::Once => {
                    m.status = latest.map_or(MilestoneStatus::NotStarted, |c| c.status);
                    m.done_on = latest.filter(|c| c.status == MilestoneStatus::Done).map(|c| c.on);
                    m.years = Vec::new();
                }
                Recurrence::Yearly => {
                    m.years = duty_years(&m.code, changes, plan, as_of);
                    let this_year = m.years.last().filter(|y| y.status == DutyStatus::Done);
                    m.status = match (this_year, latest) {
                        (Some(_), _) => MilestoneStatus::Done,
                        (None, Some(_)) => MilestoneStatus::InProgress,
                        (None, None) => MilestoneStatus::NotStarted,
                    };
                    m.done_on = this_year.and_then(|y| y.done_on);
                    // Last year's note says nothing of this year's duty.
                    m.note = match this_year {
                        Some(y) => y.note.clone(),
                        None => latest.filter(|c| c.on.year() == as_of.year()).and_then(|c| c.note.clone()),
                    };
                }
            }
            m
        })
        .collect()
}

/// The departments of an owner field: joint owners (区质监局、区外经贸委) are each an owner.
pub fn owners_of(owner: &str) -> Vec<String> {
    owner
        .split(['、', ',', '，', ';', '；', '/'])
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(str::to_string)
        .collect()
}

/// Milestones grouped by owning department, owners in the order first met, each owner's
/// tasks in the plan's order; a task with joint owners is listed under each.
pub fn by_owner(milestones: &[MilestoneFact]) -> Vec<(String, Vec<MilestoneFact>)> {
    let mut out: Vec<(String, Vec<MilestoneFact>)> = Vec::new();
    for m in milestones {
        for owner in owners_of(&m.owner) {
            match out.iter_mut().find(|(o, _)| *o == owner) {
                Some((_, list)) => list.push(m.clone()),
                None => out.push((owner, vec![m.clone()])),
            }
        }
    }
    out
}

/// Standards adopting an international standard (采标) that count as formulated or revised
/// over the window: published (or since abolished) with a publication date in it.
pub fn adopted_standards(facts: &Facts, from: Date, to: Date) -> i64 {
    let n = facts
        .standards
        .iter()
        .filter(|s| s.adoption.is_some())
        .filter(|s| s.status != StandardStatus::Drafting && s.published_on.is_some_and(|d| in_window(d, from, to)))
        .count();
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A unit's own dated records that targets count per unit (filings and reviews reach the
/// core as per-day counts, so the unit's own dates come in here).
#[derive(Debug, Clone, Default)]
pub struct UnitDates {
    pub filings: Vec<Date>,
    pub reviews: Vec<Date>,
}

/// The targets a unit contributes to as of a date: those whose actual figure counts one of
/// its records (a standard it leads or takes part in, a filing, a review, a seat, an award),
/// under the same rules as `actual`, in the targets' order.
pub fn unit_targets(
    targets: &[TargetDef],
    facts: &Facts,
    plan: &Plan,
    as_of: Date,
    unit_id: i64,
    dates: &UnitDates,
) -> Vec<String> {
    let from = plan.start;
    let to = window_end(plan, as_of);
    let r = &facts.readings;
    let mine = |u: &UnitRef| u.id == unit_id;
    let in_std = |s: &StandardFact| s.lead.iter().chain(s.participants.iter()).any(mine);
    let in_std_ent = |s: &StandardFact| s.lead.iter().chain(s.participants.iter()).any(|u| mine(u) && enterprise(u));
    targets
        .iter()
        .filter(|t| {
            if to < from {
                return false;
            }
            match &t.measure {
                Measure::Standards(level) => {
                    facts.standards.iter().any(|s| s.level == *level && standard_counts(s, r, from, to) && in_std(s))
                }
                Measure::Filings => dates.filings.iter().any(|d| in_window(*d, from, to)),
                Measure::Reviews => dates.reviews.iter().any(|d| in_window(*d, from, to)),
                Measure::ParticipatingEnterprises(levels) => facts
                    .standards
                    .iter()
                    .any(|s| levels.contains(&s.level) && standard_counts(s, r, from, to) && in_std_ent(s)),
                Measure::HostingEnterprises(roles) => facts.seats.iter().any(|s| {
                    mine(&s.unit)
                        && enterprise(&s.unit)
                        && roles.contains(&s.role)
                        && in_window(s.since, from, to)
                        && r.national_committee(&s.committee)
                }),
                Measure::AwardEnterprises(kind) | Measure::Awards(kind) => facts.awards.iter().any(|a| {
                    mine(&a.unit) && enterprise(&a.unit) && a.kind == *kind && in_window(a.awarded_on, from, to)
                }),
            }
        })
        .map(|t| t.code.clone())
        .collect()
}

/// A target's figure split by industry: (target code, [(industry, count)]).
pub type IndustrySplit = Vec<(String, Vec<(String, i64)>)>;

/// Filings or reviews over the window per unit industry, as the store counts them.
pub type IndustryCounts = Vec<(Option<String>, i64)>;

/// Every target's figure split by the unit's industry (issue 12): the plan's focus
/// industries by name and 其他 for the rest, each key present even at 0, so each target's
/// split adds up to its actual. A standard goes under its lead's industry (its first
/// participant's without a district lead); a distinct-enterprise figure under each
/// enterprise's; filings and reviews under their unit's.
#[allow(clippy::too_many_arguments)]
pub fn by_industry(
    targets: &[TargetDef],
    facts: &Facts,
    plan: &Plan,
    as_of: Date,
    industry_of_unit: &dyn Fn(i64) -> Option<String>,
    filings: &IndustryCounts,
    reviews: &IndustryCounts,
) -> Result<IndustrySplit, CountOverflow> {
    let from = plan.start;
    let to = window_end(plan, as_of);
    let r = &facts.readings;
    let names = r.industries();
    let bucket = |unit_id: i64| r.industry_of(industry_of_unit(unit_id).as_deref());
    targets
        .iter()
        .map(|t| {
            let mut counts: Vec<(String, i128)> = names.iter().map(|n| (n.clone(), 0)).collect();
            let mut add = |industry: String, n: i128| {
                if let Some(slot) = counts.iter_mut().find(|(k, _)| *k == industry) {
                    slot.1 += n;
                }
            };
            if to >= from {
                match &t.measure {
                    Measure::Standards(level) => {
                        for s in facts.standards.iter().filter(|s| s.level == *level && standard_counts(s, r, from, to))
                        {
                            let main = s.lead.as_ref().or(s.participants.first());
                            add(main.map_or_else(|| bucket(0), |u| bucket(u.id)), 1);
                        }
                    }
                    Measure::Filings | Measure::Reviews => {
                        let list = if matches!(t.measure, Measure::Filings) { filings } else { reviews };
                        for (industry, n) in list {
                            add(r.industry_of(industry.as_deref()), i128::from(*n));
                        }
                    }
                    Measure::ParticipatingEnterprises(levels) => {
                        let ids: BTreeSet<i64> = facts
                            .standards
                            .iter()
                            .filter(|s| levels.contains(&s.level) && standard_counts(s, r, from, to))
                            .flat_map(|s| s.lead.iter().chain(s.participants.iter()))
                            .filter(|u| enterprise(u))
                            .map(|u| u.id)
                            .collect();
                        ids.into_iter().for_each(|id| add(bucket(id), 1));
                    }
                    Measure::HostingEnterprises(roles) => {
                        let ids: BTreeSet<i64> = facts
                            .seats
                            .iter()
                            .filter(|s| {
                                roles.contains(&s.role)
                                    && in_window(s.since, from, to)
                                    && enterprise(&s.unit)
                                    && r.national_committee(&s.committee)
                            })
                            .map(|s| s.unit.id)
                            .collect();
                        ids.into_iter().for_each(|id| add(bucket(id), 1));
                    }
                    Measure::AwardEnterprises(kind) => {
                        let ids: BTreeSet<i64> = facts
                            .awards
                            .iter()
                            .filter(|a| a.kind == *kind && in_window(a.awarded_on, from, to) && enterprise(&a.unit))
                            .map(|a| a.unit.id)
                            .collect();
                        ids.into_iter().for_each(|id| add(bucket(id), 1));
                    }
                    Measure::Awards(kind) => {
                        for a in facts
                            .awards
                            .iter()
                            .filter(|a| a.kind == *kind && in_window(a.awarded_on, from, to) && enterprise(&a.unit))
                        {
                            add(bucket(a.unit.id), 1);
                        }
                    }
                }
            }
            let counts = counts
                .into_iter()
                .map(|(k, n)| Ok((k, i64::try_from(n).map_err(|_| CountOverflow)?)))
                .collect::<Result<Vec<_>, CountOverflow>>()?;
            Ok((t.code.clone(), counts))
        })
        .collect()
}

/// The jlp-2012 plan, its targets and rules, and the records of WORKED-EXAMPLE.md, shared by
/// the progress and rewards tests.
#[cfg(test)]
#[rustfmt::skip]
pub(crate) mod fixtures {
    use crate::core::model::*;

    pub fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// WORKED-EXAMPLE.md, 2014Q4: (target, in_quarter, actual at the quarter's end).
    pub const EXAMPLE_2014Q4: [(&str, i64, i64); 10] = [
        ("national-standards", 0, 1),
        ("industry-standards", 0, 1),
        ("local-standards", 0, 0),
        ("enterprise-filings", 3, 10),
        ("enterprise-reviews", 2, 4),
        ("participating-enterprises", 0, 2),
        ("committee-enterprises", 0, 0),
        ("cn-innovation-award-enterprises", 0, 0),
        ("cq-product-award-enterprises", 0, 1),
        ("cq-product-awards", 0, 1),
    ];

    pub fn jlp_plan() -> Plan {
        Plan {
            code: "jlp-2012".into(),
            title: "九龙坡区深入实施技术标准战略打造标准强区的实施意见".into(),
            start: d("2012-07-12"),
            deadline: d("2015-12-31"),
        }
    }

    fn target(
        code: &str,
        zh: &str,
        en: &str,
        measure: Measure,
        min: i64,
        max: Option<i64>,
    ) -> TargetDef {
        TargetDef { code: code.into(), label_zh: zh.into(), label_en: en.into(), measure, min, max }
    }

    /// The ten targets of DOMAIN.md §3, in its order.
    pub fn jlp_targets() -> Vec<TargetDef> {
        vec![
            target(
                "national-standards",
                "制修订国家标准",
                "National standards formulated or revised",
                Measure::Standards(Level::National),
                13,
                None,
            ),
            target(
                "industry-standards",
                "制修订行业标准",
                "Industry standards formulated or revised",
                Measure::Standards(Level::Industry),
                20,
                None,
            ),
            target(
                "local-standards",
                "制修订地方标准",
                "Local standards formulated or revised",
                Measure::Standards(Level::Local),
                23,
                None,
            ),
            target("enterprise-filings", "备案企业标准", "Enterprise standards filed", Measure::Filings, 160, None),
            target("enterprise-reviews", "复审企业标准", "Enterprise standards reviewed", Measure::Reviews, 40, None),
            target(
                "participating-enterprises",
                "实质性参与国家、行业标准制修订的企业",
                "Enterprises in national or industry standard work",
                Measure::ParticipatingEnterprises(vec![Level::National, Level::Industry]),
                2,
                Some(3),
            ),
            target(
                "committee-enterprises",
                "承担全国专业标准化技术委员会（分委会、工作组）的企业",
                "Enterprises hosting a national TC, SC or WG",
                Measure::HostingEnterprises(vec![SeatRole::Secretariat, SeatRole::Convenor]),
                2,
                Some(3),
            ),
            target(
                "cn-innovation-award-enterprises",
                "获中国标准创新贡献奖的企业",
                "Enterprises with a China Standard Innovation Contribution Award",
                Measure::AwardEnterprises(AwardKind::CnInnovation),
                1,
                Some(2),
            ),
            target(
                "cq-product-award-enterprises",
                "获重庆市产品标准奖的企业",
                "Enterprises with a Chongqing product standard award",
                Measure::AwardEnterprises(AwardKind::CqProduct),
                3,
                Some(5),
            ),
            target(
                "cq-product-awards",
                "重庆市产品标准奖（项）",
                "Chongqing product standard awards",
                Measure::Awards(AwardKind::CqProduct),
                8,
                None,
            ),
        ]
    }

    pub fn version(amount_yuan: i64, from: &str, to: Option<&str>, fund: &str) -> RuleVersion {
        RuleVersion { amount_yuan, from: d(from), to: to.map(d), fund: fund.into(), per: Per::Record }
    }

    fn rule(
        code: &str,
        source: RuleSource,
        level: Option<Level>,
        award_kind: Option<AwardKind>,
        enterprise_only: bool,
        amount: i64,
        fund: &str,
    ) -> RuleDef {
        RuleDef {
            code: code.into(),
            label_zh: code.into(),
            label_en: code.into(),
            source,
            level,
            award_kind,
            enterprise_only,
            versions: vec![version(amount, "2012-07-12", None, fund)],
        }
    }

    /// The five seeded rules of DOMAIN.md §4, one open-ended version each.
    pub fn jlp_rules() -> Vec<RuleDef> {
        vec![
            rule("municipal-project", RuleSource::Project, None, None, false, 50_000, "district-finance"),
            rule(
                "lead-national",
                RuleSource::LeadStandard,
                Some(Level::National),
                None,
                true,
                300_000,
                "industry-fund",
            ),
            rule(
                "lead-international",
                RuleSource::LeadStandard,
                Some(Level::International),
                None,
                true,
                500_000,
                "industry-fund",
            ),
            rule(
                "cn-innovation-award",
                RuleSource::Award,
                None,
                Some(AwardKind::CnInnovation),
                true,
                100_000,
                "industry-fund",
            ),
            rule(
                "cq-innovation-award",
                RuleSource::Award,
                None,
                Some(AwardKind::CqInnovation),
                true,
                50_000,
                "industry-fund",
            ),
        ]
    }

    pub fn funds() -> Vec<String> {
        vec!["district-finance".into(), "industry-fund".into()]
    }

    pub fn unit(id: i64, kind: UnitKind) -> UnitRef {
        let name = match kind {
            UnitKind::Enterprise => format!("示例单位{id}有限公司"),
            _ => format!("示例机构{id}"),
        };
        UnitRef { id, name, kind }
    }

    /// The example's units: 1, 3, 4, 6 enterprises; 2, 5 associations.
    pub fn u(id: i64) -> UnitRef {
        match id {
            2 | 5 => unit(id, UnitKind::Association),
            _ => unit(id, UnitKind::Enterprise),
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn standard(
        id: i64,
        number: Option<&str>,
        level: Level,
        action: Action,
        published: Option<&str>,
        lead: Option<i64>,
        participants: &[i64],
    ) -> StandardFact {
        StandardFact {
            id,
            number: number.map(Into::into),
            title: "标准".into(),
            level,
            action,
            // No --published date means drafting; a date defaults to published (CLI.md).
            status: if published.is_some() {
                StandardStatus::Published
            } else {
                StandardStatus::Drafting
            },
            published_on: published.map(d),
            lead: lead.map(u),
            participants: participants.iter().map(|&i| u(i)).collect(),
            adoption: None,
        }
    }

    pub fn example_standards() -> Vec<StandardFact> {
        use Action::*;
        use Level::*;
        vec![
            standard(1, Some("T/CAS 40000-2014"), Group, Revise, None, Some(2), &[]),
            standard(2, None, Industry, Revise, None, Some(5), &[3, 4]),
            standard(3, None, International, Formulate, None, Some(1), &[3, 4]),
            standard(4, Some("GB/T 40003-2012"), National, Formulate, Some("2012-01-24"), Some(5), &[1, 3]),
            standard(5, Some("T/CAS 40004-2013"), Group, Formulate, Some("2013-03-04"), Some(4), &[3]),
            standard(6, Some("ISO 40005:2016"), International, Formulate, Some("2016-04-09"), Some(6), &[]),
            standard(7, Some("DB50/T 40006-2014"), Local, Formulate, None, Some(2), &[5]),
            standard(8, None, National, Formulate, None, None, &[6]),
            standard(9, Some("JB/T 40008-2013"), Industry, Formulate, Some("2013-09-05"), Some(5), &[]),
            standard(10, Some("GB/T 40009-2013"), National, Formulate, Some("2013-04-12"), None, &[1, 6]),
            standard(11, Some("ISO 40010:2015"), International, Formulate, Some("2015-06-09"), None, &[2, 4]),
            standard(12, Some("T/CAS 40011-2014"), Group, Formulate, None, Some(5), &[4]),
        ]
    }

    pub fn award(id: i64, unit_id: i64, kind: AwardKind, on: &str) -> AwardFact {
        AwardFact { id, unit: u(unit_id), kind, awarded_on: d(on), grade: None, title: None }
    }

    pub fn example_awards() -> Vec<AwardFact> {
        use AwardKind::*;
        vec![
            award(1, 1, CqInnovation, "2014-06-30"),
            award(2, 5, CqInnovation, "2012-07-12"),
            award(3, 5, CqProduct, "2015-12-20"),
            award(4, 1, CqProduct, "2014-01-24"),
            award(5, 6, CqInnovation, "2014-05-17"),
            award(6, 3, CqInnovation, "2012-01-04"),
        ]
    }

    pub fn project(id: i64, unit_id: i64, name: &str, on: &str) -> ProjectFact {
        ProjectFact { id, unit: u(unit_id), name: name.into(), passed_on: d(on) }
    }

    pub fn example_projects() -> Vec<ProjectFact> {
        vec![
            project(1, 4, "项目0", "2014-06-08"),
            project(2, 1, "项目1", "2011-12-19"),
            project(3, 6, "项目2", "2013-08-29"),
            project(4, 1, "项目3", "2012-08-11"),
        ]
    }

    pub fn seat(id: i64, unit_id: i64, committee: &str, role: SeatRole, since: &str) -> SeatFact {
        SeatFact { id, unit: u(unit_id), committee: committee.into(), role, since: d(since) }
    }

    pub fn example_seats() -> Vec<SeatFact> {
        use SeatRole::*;
        vec![
            seat(1, 4, "SAC/TC 100", Member, "2014-01-10"),
            seat(2, 1, "SAC/TC 101", Secretariat, "2012-02-28"),
            seat(3, 6, "SAC/TC 102", Secretariat, "2015-07-13"),
            seat(4, 6, "SAC/TC 103", Member, "2014-12-21"),
            seat(5, 5, "SAC/TC 104", Member, "2015-10-05"),
        ]
    }

    /// Group dated records per day, sorted, as the store hands them over.
    pub fn daily(dates: &[&str]) -> DailyCounts {
        let mut m = std::collections::BTreeMap::new();
        for s in dates {
            *m.entry(d(s)).or_insert(0i64) += 1;
        }
        DailyCounts(m.into_iter().collect())
    }

    pub fn example_facts() -> Facts {
        Facts {
            standards: example_standards(),
            awards: example_awards(),
            seats: example_seats(),
            filings: daily(&[
                "2013-09-05",
                "2016-02-21",
                "2011-06-11",
                "2014-12-04",
                "2014-01-20",
                "2014-11-14",
                "2011-09-03",
                "2013-05-24",
                "2014-05-02",
                "2013-05-11",
                "2014-11-17",
                "2014-07-11",
                "2014-09-27",
                "2011-08-07",
            ]),
            reviews: daily(&["2015-07-09", "2014-10-20", "2015-03-14", "2014-07-29", "2012-11-24", "2014-12-09"]),
            meetings: ["2012-10-11", "2013-10-24", "2014-10-15", "2014-10-31", "2014-11-18", "2014-12-03"]
                .iter()
                .map(|s| d(s))
                .collect(),
            readings: crate::core::readings::Readings::default(),
        }
    }
}

#[cfg(test)]
#[rustfmt::skip]
mod tests {
    use super::fixtures::*;
    use super::*;
    use crate::core::model::*;

    fn q(s: &str) -> Quarter {
        Quarter::parse(s, d("2000-01-01")).unwrap()
    }

    fn def(min: i64, max: Option<i64>) -> TargetDef {
        TargetDef {
            code: "t".into(),
            label_zh: "t".into(),
            label_en: "t".into(),
            measure: Measure::Filings,
            min,
            max,
        }
    }

    /// The date `elapsed` days into the jlp-2012 window (day 1 is the start).
    fn day(elapsed: i64) -> Date {
        jlp_plan().start + chrono::Duration::days(elapsed - 1)
    }

    #[test]
    fn days() {
        let p = jlp_plan();
        assert_eq!(total_days(&p), 1268);
        let cases = [
            ("2012-07-11", 0, "2012-07-11"),
            ("2000-01-01", 0, "2000-01-01"),
            ("2012-07-12", 1, "2012-07-12"),
            ("2012-07-13", 2, "2012-07-13"),
            ("2013-12-31", 538, "2013-12-31"),
            ("2015-12-30", 1267, "2015-12-30"),
            ("2015-12-31", 1268, "2015-12-31"),
            ("2016-01-01", 1268, "2015-12-31"),
            ("2030-06-30", 1268, "2015-12-31"),
        ];
        for (as_of, elapsed, end) in cases {
            assert_eq!(elapsed_days(&p, d(as_of)), elapsed, "{as_of}");
            assert_eq!(window_end(&p, d(as_of)), d(end), "{as_of}");
        }
        assert_eq!(day(538), d("2013-12-31"));
        assert_eq!(day(1268), d("2015-12-31"));
    }

    #[test]
    fn tenths_strings() {
        let cases = [
            (55, "5.5"),
            (0, "0.0"),
            (1300, "130.0"),
            (130, "13.0"),
            (7, "0.7"),
            (-5, "-0.5"),
            (-123, "-12.3"),
            (i64::MIN, "-922337203685477580.8"),
        ];
        for (t, s) in cases {
            assert_eq!(tenths_str(t), s, "{t}");
        }
    }

    /// (min, max, actual, as_of, expected, needed_now, projected, percent, status, stretch_met)
    type Row = (i64, Option<i64>, i64, Date, i64, i64, Option<i64>, i64, TargetStatus, bool);

    #[test]
    fn pace_and_status_boundaries() {
        use TargetStatus::*;
        // 13 * 538 / 1268 = 5.5157...; on pace needs 6.
        let mid = d("2013-12-31");
        let rows: Vec<Row> = vec![
            // As of before the start: nothing is due yet, so zero is on track.
            (13, None, 0, d("2012-07-11"), 0, 0, None, 0, OnTrack, false),
            (13, None, 0, d("2011-01-01"), 0, 0, None, 0, OnTrack, false),
            // First day: 13 * 1 / 1268 = 0.01 -> 0.0 expected, but 1 needed.
            (13, None, 0, day(1), 0, 1, Some(0), 0, Behind, false),
            (13, None, 1, day(1), 0, 1, Some(1268), 77, OnTrack, false),
            // Exactly on pace, and one short.
            (13, None, 6, mid, 55, 6, Some(14), 462, OnTrack, false),
            (13, None, 5, mid, 55, 6, Some(11), 385, Behind, false),
            // Exactly on pace where min*elapsed/total is an integer: elapsed 634 = total/2.
            (2, None, 1, day(634), 10, 1, Some(2), 500, OnTrack, false),
            (2, None, 0, day(634), 10, 1, Some(0), 0, Behind, false),
            (2, None, 0, day(633), 10, 1, Some(0), 0, Behind, false),
            // One day before the deadline: still behind, not missed.
            (13, None, 12, d("2015-12-30"), 130, 13, Some(12), 923, Behind, false),
            // On and after the deadline: missed one short, met on the bar.
            (13, None, 12, d("2015-12-31"), 130, 13, Some(12), 923, Missed, false),
            (13, None, 12, d("2016-03-01"), 130, 13, Some(12), 923, Missed, false),
            (13, None, 13, d("2015-12-31"), 130, 13, Some(13), 1000, Met, false),
            (13, None, 13, d("2016-03-01"), 130, 13, Some(13), 1000, Met, false),
            // Met early, far ahead: percent passes 100.
            (2, None, 4, mid, 8, 1, Some(9), 2000, Met, false),
            // Stretch targets: below, on and above max; max unset never counts as met.
            (2, Some(3), 2, mid, 8, 1, Some(4), 1000, Met, false),
            (2, Some(3), 3, mid, 8, 1, Some(7), 1500, Met, true),
            (2, Some(3), 4, mid, 8, 1, Some(9), 2000, Met, true),
            (3, Some(5), 5, d("2015-12-31"), 30, 3, Some(5), 1667, Met, true),
            (1, Some(2), 0, d("2015-12-31"), 10, 1, Some(0), 0, Missed, false),
            // Half-up percent: 1/8 = 12.5 % exactly; 1/3 = 33.33 -> 33.3; 2/3 = 66.67 -> 66.7.
            (8, None, 1, mid, 34, 4, Some(2), 125, Behind, false),
            (3, None, 1, d("2015-12-31"), 30, 3, Some(1), 333, Missed, false),
            (3, None, 2, d("2015-12-31"), 30, 3, Some(2), 667, Missed, false),
            // 1/16 = 6.25 %, a tie in tenths: 62.5 -> 63, i.e. 6.3.
            (16, None, 1, d("2015-12-31"), 160, 16, Some(1), 63, Missed, false),
            // Expected ties: 317 = 1268/4, so 1 * 317 / 1268 = 0.25 -> 0.3; 13 * 317 / 1268 = 3.25
            // -> 3.3; 1 * 951 / 1268 = 0.75 -> 0.8.
            (1, None, 0, day(317), 3, 1, Some(0), 0, Behind, false),
            (13, None, 3, day(317), 33, 4, Some(12), 231, Behind, false),
            (13, None, 4, day(317), 33, 4, Some(16), 308, OnTrack, false),
            (1, None, 0, day(951), 8, 1, Some(0), 0, Behind, false),
            // Just under a tie rounds down: 1 * 316 / 1268 = 0.2492 -> 0.2.
            (1, None, 0, day(316), 2, 1, Some(0), 0, Behind, false),
        ];
        let p = jlp_plan();
        for (i, (min, max, actual, as_of, expected, needed, projected, percent, status, stretch)) in
            rows.into_iter().enumerate()
        {
            let got = target_progress(&def(min, max), actual, &p, as_of).unwrap();
            let want = TargetProgress {
                code: "t".into(),
                label_zh: "t".into(),
                label_en: "t".into(),
                actual,
                target_min: min,
                target_max: max,
                expected,
                needed_now: needed,
                projected,
                percent,
                status,
                stretch_met: stretch,
            };
            assert_eq!(got, want, "row {i}");
            // needed_now is the least actual that is on pace (DOMAIN.md: "same as actual >= needed_now").
            if status != Met && status != Missed {
                assert_eq!(status == OnTrack, actual >= needed, "row {i}");
            }
        }
    }

    #[test]
    fn huge_stored_targets_and_counts_are_refused_not_saturated() {
        let p = jlp_plan();
        let as_of = d("2013-12-31");
        // A bar whose expected tenths still fit: every product is exact in i128.
        let big = i64::MAX / 10;
        let got = target_progress(&def(big, None), big - 1, &p, d("2015-12-31")).unwrap();
        assert_eq!((got.expected, got.needed_now, got.percent, got.status), (big * 10, big, 1000, TargetStatus::Missed));
        // Figures past i64 (tenths of a huge expected, a huge percent or projection) were
        // shown as i64::MAX; now they are an error.
        assert_eq!(target_progress(&def(i64::MAX, None), 0, &p, as_of), Err(CountOverflow));
        assert_eq!(target_progress(&def(1, None), i64::MAX, &p, as_of), Err(CountOverflow));
        assert_eq!(target_progress(&def(i64::MAX, None), i64::MAX / 2, &p, d("2012-07-12")).map(|t| t.projected), Err(CountOverflow));
        // Per-day counts that add up past i64.
        let mut facts =
            Facts { filings: DailyCounts(vec![(d("2013-05-01"), i64::MAX), (d("2013-05-02"), 1)]), ..Facts::default() };
        assert_eq!(actual(&Measure::Filings, &facts, &p, as_of), Err(CountOverflow));
        assert_eq!(actual(&Measure::Filings, &facts, &p, d("2013-05-01")), Ok(i64::MAX));
        assert_eq!(progress(&p, &jlp_targets(), &facts, as_of), Err(CountOverflow));
        // Days out of order (the field is public) give some count, never a panic.
        facts.reviews = DailyCounts(vec![(d("2013-05-02"), 1), (d("2013-05-01"), 1)]);
        assert!(actual(&Measure::Reviews, &facts, &p, as_of).is_ok());
        assert!(facts.reviews.between(d("2013-05-02"), d("2013-05-02")).is_ok());
    }

    #[test]
    fn zero_bar_does_not_divide_by_zero() {
        let got = target_progress(&def(0, None), 0, &jlp_plan(), d("2013-12-31")).unwrap();
        assert_eq!((got.expected, got.needed_now, got.percent, got.status), (0, 0, 1000, TargetStatus::Met));
    }

    #[test]
    fn serializes_tenths_as_one_decimal_numbers() {
        let p = jlp_plan();
        let t = &jlp_targets()[0];
        let got = target_progress(t, 3, &p, d("2013-12-31")).unwrap();
        let json = serde_json::to_string(&got).unwrap();
        assert_eq!(
            json,
            r#"{"code":"national-standards","actual":3,"target_min":13,"target_max":null,"expected":5.5,"needed_now":6,"projected":7,"percent":23.1,"status":"behind","stretch_met":false}"#
        );
        let end = target_progress(t, 0, &p, d("2015-12-31")).unwrap();
        let json = serde_json::to_string(&end).unwrap();
        assert!(json.contains(r#""expected":13.0,"#) && json.contains(r#""percent":0.0,"#), "{json}");
        let over = target_progress(&def(2, Some(3)), 26, &p, d("2012-06-01")).unwrap();
        let json = serde_json::to_string(&over).unwrap();
        assert!(json.contains(r#""percent":1300.0,"#) && json.contains(r#""projected":null"#), "{json}");
        // The JSON figure always reads as tenths_str.
        for t in [0, 5, 55, 130, 231, 999, 1000, 1001, 12345, 99999] {
            let v: serde_json::Value =
                serde_json::from_str(&serde_json::to_string(&(t as f64 / 10.0)).unwrap()).unwrap();
            assert_eq!(v.to_string(), tenths_str(t));
        }
    }

    fn facts_of(
        standards: Vec<StandardFact>,
        awards: Vec<AwardFact>,
        seats: Vec<SeatFact>,
    ) -> Facts {
        Facts { standards, awards, seats, ..Facts::default() }
    }

    #[test]
    fn standards_count_only_when_published_in_window() {
        use Action::*;
        use Level::*;
        let p = jlp_plan();
        let mut abolished =
            standard(5, Some("GB 5-2013"), National, Formulate, Some("2013-02-01"), None, &[1]);
        abolished.status = StandardStatus::Abolished;
        // Drafting with a stray date still never counts.
        let mut drafting =
            standard(6, Some("GB 6-2013"), National, Formulate, Some("2013-02-01"), None, &[3]);
        drafting.status = StandardStatus::Drafting;
        let facts = facts_of(
            vec![
                standard(1, Some("GB 1-2012"), National, Formulate, Some("2012-07-11"), None, &[1]), // day before start
                standard(2, Some("GB 2-2012"), National, Formulate, Some("2012-07-12"), None, &[1]), // start
                standard(3, Some("GB 3-2015"), National, Revise, Some("2015-12-31"), None, &[1]), // deadline, a revision
                standard(4, Some("GB 4-2016"), National, Formulate, Some("2016-01-01"), None, &[4]), // after deadline
                abolished,
                drafting,
                standard(7, None, National, Formulate, None, Some(1), &[]),
                standard(8, Some("QC/T 8-2014"), Industry, Formulate, Some("2014-05-05"), None, &[1]),
                standard(9, Some("DB50/T 9-2014"), Local, Revise, Some("2014-05-05"), Some(4), &[]),
                standard(10, Some("ISO 10:2014"), International, Formulate, Some("2014-05-05"), Some(6), &[]),
            ],
            vec![],
            vec![],
        );
        let cases = [
            (Measure::Standards(National), "2012-07-11", 0),
            (Measure::Standards(National), "2012-07-12", 1),
            (Measure::Standards(National), "2013-12-31", 2),
            (Measure::Standards(National), "2015-12-30", 2),
            (Measure::Standards(National), "2015-12-31", 3),
            (Measure::Standards(National), "2020-01-01", 3),
            (Measure::Standards(Industry), "2020-01-01", 1),
            (Measure::Standards(Local), "2020-01-01", 1),
            (Measure::Standards(International), "2020-01-01", 1),
            (Measure::Standards(Group), "2020-01-01", 0),
            // Enterprises 1 (several times) and 4 (only via a 2016 standard, and a local one).
            (Measure::ParticipatingEnterprises(vec![National, Industry]), "2020-01-01", 1),
            (Measure::ParticipatingEnterprises(vec![National, Industry, Local]), "2020-01-01", 2),
            (Measure::ParticipatingEnterprises(vec![National]), "2012-07-11", 0),
        ];
        for (m, as_of, want) in cases {
            assert_eq!(actual(&m, &facts, &p, d(as_of)).unwrap(), want, "{m:?} {as_of}");
        }
    }

    #[test]
    fn distinct_enterprises() {
        use Action::*;
        use AwardKind::*;
        use Level::*;
        use SeatRole::*;
        let p = jlp_plan();
        let inst = unit(20, UnitKind::Institution);
        let mut inst_award = award(10, 1, CnInnovation, "2013-01-01");
        inst_award.unit = inst.clone();
        let mut inst_seat = seat(10, 1, "SAC/TC 9", Secretariat, "2013-01-01");
        inst_seat.unit = inst.clone();
        let mut std_inst = standard(
            1,
            Some("GB 1-2013"),
            National,
            Formulate,
            Some("2013-01-01"),
            Some(1),
            &[2, 3, 5],
        );
        std_inst.participants.push(inst.clone());
        let facts = facts_of(
            vec![
                std_inst,
                // Enterprise 1 again, as a participant this time: still one.
                standard(2, Some("YS/T 2-2014"), Industry, Formulate, Some("2014-01-01"), Some(4), &[1]),
            ],
            vec![
                award(1, 1, CnInnovation, "2013-01-01"),
                award(2, 1, CnInnovation, "2014-01-01"), // the same enterprise twice
                award(3, 2, CnInnovation, "2014-01-01"), // association
                inst_award,
                award(4, 3, CnInnovation, "2012-07-11"), // before the start
                award(5, 4, CnInnovation, "2016-01-01"), // after the deadline
                award(6, 6, CqProduct, "2014-01-01"),
                award(7, 6, CqProduct, "2014-02-01"),
                award(8, 5, CqProduct, "2014-02-01"), // association
            ],
            vec![
                seat(1, 1, "SAC/TC 1", Secretariat, "2013-01-01"),
                seat(2, 1, "SAC/TC 1/SC 1", Convenor, "2014-01-01"), // same enterprise
                seat(3, 3, "SAC/TC 2", Member, "2014-01-01"),        // plain membership
                seat(4, 2, "SAC/TC 3", Secretariat, "2014-01-01"),   // association
                inst_seat,
                seat(5, 4, "SAC/TC 4", Convenor, "2015-12-31"),
                seat(6, 6, "SAC/TC 5", Secretariat, "2016-01-01"), // after the deadline
            ],
        );
        let cases = [
            // 1, 3, 4; not associations 2 and 5 nor institution 20; 1 counted once.
            (Measure::ParticipatingEnterprises(vec![National, Industry]), 3),
            (Measure::ParticipatingEnterprises(vec![National]), 2), // 1, 3
            (Measure::AwardEnterprises(CnInnovation), 1),
            (Measure::Awards(CnInnovation), 2),
            (Measure::AwardEnterprises(CqProduct), 1),
            (Measure::Awards(CqProduct), 2),
            (Measure::HostingEnterprises(vec![Secretariat, Convenor]), 2),
            (Measure::HostingEnterprises(vec![Member]), 1),
        ];
        for (m, want) in cases {
            assert_eq!(actual(&m, &facts, &p, d("2020-01-01")).unwrap(), want, "{m:?}");
        }
    }

    /// (code, actual, expected tenths, needed_now, projected, percent tenths, status, stretch_met)
    type ExampleRow = (&'static str, i64, i64, i64, i64, i64, TargetStatus, bool);

    fn check_table(as_of: &str, rows: &[ExampleRow]) {
        let got = progress(&jlp_plan(), &jlp_targets(), &example_facts(), d(as_of)).unwrap();
        assert_eq!(got.len(), rows.len());
        for (g, &(code, actual, expected, needed, projected, percent, status, stretch)) in
            got.iter().zip(rows)
        {
            assert_eq!(
                (
                    g.code.as_str(),
                    g.actual,
                    g.expected,
                    g.needed_now,
                    g.projected,
                    g.percent,
                    g.status,
                    g.stretch_met
                ),
                (code, actual, expected, needed, Some(projected), percent, status, stretch),
                "{as_of} {code}"
            );
        }
    }

    #[test]
    fn worked_example_2013() {
        use TargetStatus::*;
        assert_eq!(elapsed_days(&jlp_plan(), d("2013-12-31")), 538);
        check_table(
            "2013-12-31",
            &[
                ("national-standards", 1, 55, 6, 2, 77, Behind, false),
                ("industry-standards", 1, 85, 9, 2, 50, Behind, false),
                ("local-standards", 0, 98, 10, 0, 0, Behind, false),
                ("enterprise-filings", 3, 679, 68, 7, 19, Behind, false),
                ("enterprise-reviews", 1, 170, 17, 2, 25, Behind, false),
                ("participating-enterprises", 2, 8, 1, 4, 1000, Met, false),
                ("committee-enterprises", 0, 8, 1, 0, 0, Behind, false),
                ("cn-innovation-award-enterprises", 0, 4, 1, 0, 0, Behind, false),
                ("cq-product-award-enterprises", 0, 13, 2, 0, 0, Behind, false),
                ("cq-product-awards", 0, 34, 4, 0, 0, Behind, false),
            ],
        );
        let m = meeting_coverage(&jlp_plan(), &example_facts().meetings, d("2013-12-31"));
        assert_eq!(m.quarters_due, 6);
        assert_eq!(m.quarters_held, 2);
        assert_eq!(m.missing, vec![q("2012Q3"), q("2013Q1"), q("2013Q2"), q("2013Q3")]);
        assert_eq!(m.held, vec![q("2012Q4"), q("2013Q4")]);
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"quarters_due":6,"quarters_held":2,"missing":["2012Q3","2013Q1","2013Q2","2013Q3"]}"#
        );
    }

    #[test]
    fn worked_example_2015() {
        use TargetStatus::*;
        check_table(
            "2015-12-31",
            &[
                ("national-standards", 1, 130, 13, 1, 77, Missed, false),
                ("industry-standards", 1, 200, 20, 1, 50, Missed, false),
                ("local-standards", 0, 230, 23, 0, 0, Missed, false),
                ("enterprise-filings", 10, 1600, 160, 10, 63, Missed, false),
                ("enterprise-reviews", 6, 400, 40, 6, 150, Missed, false),
                ("participating-enterprises", 2, 20, 2, 2, 1000, Met, false),
                ("committee-enterprises", 1, 20, 2, 1, 500, Missed, false),
                ("cn-innovation-award-enterprises", 0, 10, 1, 0, 0, Missed, false),
                ("cq-product-award-enterprises", 1, 30, 3, 1, 333, Missed, false),
                ("cq-product-awards", 1, 80, 8, 1, 125, Missed, false),
            ],
        );
        let m = meeting_coverage(&jlp_plan(), &example_facts().meetings, d("2015-12-31"));
        assert_eq!((m.quarters_due, m.quarters_held), (14, 3));
        let missing: Vec<String> = m.missing.iter().map(|q| q.to_string()).collect();
        assert_eq!(
            missing,
            [
                "2012Q3", "2013Q1", "2013Q2", "2013Q3", "2014Q1", "2014Q2", "2014Q3", "2015Q1",
                "2015Q2", "2015Q3", "2015Q4"
            ]
        );
        // Events after the deadline (a 2016 filing) change nothing later on.
        let later = progress(&jlp_plan(), &jlp_targets(), &example_facts(), d("2017-06-30")).unwrap();
        let at_deadline = progress(&jlp_plan(), &jlp_targets(), &example_facts(), d("2015-12-31")).unwrap();
        assert_eq!(later, at_deadline);
    }

    #[test]
    fn worked_example_2014q4_in_quarter() {
        let p = jlp_plan();
        let f = example_facts();
        let quarter = q("2014Q4");
        for (t, &(code, in_q, at_end)) in jlp_targets().iter().zip(EXAMPLE_2014Q4.iter()) {
            assert_eq!(t.code, code);
            let end = actual(&t.measure, &f, &p, quarter.end()).unwrap();
            let before = actual(&t.measure, &f, &p, quarter.prev().end()).unwrap();
            assert_eq!((end - before, end), (in_q, at_end), "{code}");
        }
        let m = meeting_coverage(&p, &f.meetings, quarter.end());
        assert_eq!(m.held.last(), Some(&quarter));
    }

    #[test]
    fn meetings_due_and_missing() {
        let p = jlp_plan();
        // (as_of, meetings, due, held, missing)
        type Case = (&'static str, &'static [&'static str], i64, i64, &'static [&'static str]);
        let cases: [Case; 7] = [
            // Before the first quarter is over nothing is due.
            ("2012-07-11", &[], 0, 0, &[]),
            ("2012-09-29", &["2012-08-01"], 0, 0, &[]),
            // 2012Q3 is due on its last day; a meeting before the plan's start never counts
            // (DOMAIN.md §1), even inside the quarter.
            ("2012-09-30", &["2012-07-01"], 1, 0, &["2012Q3"]),
            ("2012-09-30", &["2012-07-12"], 1, 1, &[]),
            ("2012-09-30", &[], 1, 0, &["2012Q3"]),
            // Two meetings in one quarter hold it once; the quarter of as_of is not due yet.
            ("2013-02-15", &["2012-10-01", "2012-12-31", "2013-01-10"], 2, 1, &["2012Q3"]),
            // Quarters keep falling due after the deadline.
            (
                "2016-06-30",
                &["2016-04-01"],
                16,
                1,
                &[
                    "2012Q3", "2012Q4", "2013Q1", "2013Q2", "2013Q3", "2013Q4", "2014Q1", "2014Q2",
                    "2014Q3", "2014Q4", "2015Q1", "2015Q2", "2015Q3", "2015Q4", "2016Q1",
                ],
            ),
        ];
        for (as_of, meetings, due, held, missing) in cases {
            let ms: Vec<Date> = meetings.iter().map(|s| d(s)).collect();
            let got = meeting_coverage(&p, &ms, d(as_of));
            let miss: Vec<String> = got.missing.iter().map(|q| q.to_string()).collect();
            assert_eq!(
                (got.quarters_due, got.quarters_held, miss),
                (due, held, missing.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
                "{as_of}"
            );
            assert_eq!(got.held.len() as i64, held);
        }
    }

    fn milestone(code: &str, recurring: Recurrence) -> MilestoneFact {
        MilestoneFact {
            code: code.into(),
            label_zh: code.into(),
            label_en: code.into(),
            owner: "区质监局".into(),
            // The row's cache says done today: the history, not the cache, decides.
            status: MilestoneStatus::Done,
            done_on: Some(d("2016-06-01")),
            note: Some("cache".into()),
            recurring,
            years: Vec::new(),
        }
    }

    fn change(id: i64, code: &str, status: MilestoneStatus, on: &str, note: Option<&str>) -> MilestoneChange {
        MilestoneChange { id, milestone: code.into(), status, on: d(on), note: note.map(Into::into) }
    }

    #[test]
    fn milestones_as_of_their_latest_change() {
        use MilestoneStatus::*;
        let ms = vec![milestone("a", Recurrence::Once), milestone("b", Recurrence::Once), milestone("c", Recurrence::Once)];
        let changes = vec![
            change(1, "a", InProgress, "2012-09-01", Some("启动")),
            change(2, "a", Done, "2013-03-01", Some("已上线")),
            // Set today, dated back: counts from its date on, never before it.
            change(3, "b", Done, "2013-03-02", None),
            // Two changes the same day: the later entry wins.
            change(4, "a", InProgress, "2014-01-01", None),
            change(5, "a", Done, "2014-01-01", Some("again")),
        ];
        let plan = jlp_plan();
        let at = |code: &str, as_of: &str| {
            let got = milestones_as_of(&ms, &changes, &plan, d(as_of));
            let m = got.into_iter().find(|m| m.code == code).unwrap();
            (m.status, m.done_on.map(|x| x.to_string()), m.note)
        };
        assert_eq!(at("a", "2012-08-31"), (NotStarted, None, None));
        assert_eq!(at("a", "2012-09-01"), (InProgress, None, Some("启动".into())));
        assert_eq!(at("a", "2013-02-28"), (InProgress, None, Some("启动".into())));
        assert_eq!(at("a", "2013-03-01"), (Done, Some("2013-03-01".into()), Some("已上线".into())));
        assert_eq!(at("a", "2014-01-01"), (Done, Some("2014-01-01".into()), Some("again".into())));
        assert_eq!(at("b", "2013-03-01"), (NotStarted, None, None));
        assert_eq!(at("b", "2013-03-31"), (Done, Some("2013-03-02".into()), None));
        // No change at all: not started, whatever the row's cache says.
        assert_eq!(at("c", "2020-01-01"), (NotStarted, None, None));
        assert!(milestones_as_of(&ms, &changes, &plan, d("2020-01-01")).iter().all(|m| m.years.is_empty()));
    }

    #[test]
    fn a_yearly_duty_is_done_missed_or_open_each_year() {
        use MilestoneStatus::*;
        let ms = vec![milestone("publicity-events", Recurrence::Yearly)];
        let changes = vec![
            change(1, "publicity-events", Done, "2012-10-14", Some("世界标准日")),
            change(2, "publicity-events", Done, "2013-05-20", Some("科技周")),
            change(3, "publicity-events", Done, "2013-10-14", None),
            // 2014: nothing. 2015: only an in-progress change, which does not do the year.
            change(4, "publicity-events", InProgress, "2015-03-01", None),
            change(5, "publicity-events", Done, "2016-05-01", Some("科技周")),
        ];
        let plan = jlp_plan();
        let years = |as_of: &str| {
            let m = milestones_as_of(&ms, &changes, &plan, d(as_of)).remove(0);
            let ys: Vec<(i32, DutyStatus, Option<String>)> =
                m.years.iter().map(|y| (y.year, y.status, y.done_on.map(|x| x.to_string()))).collect();
            (m.status, ys)
        };
        use DutyStatus::{Done as D, Missed as M, Open as O};
        assert_eq!(
            years("2015-06-30"),
            (
                InProgress,
                vec![
                    (2012, D, Some("2012-10-14".into())),
                    (2013, D, Some("2013-05-20".into())),
                    (2014, M, None),
                    (2015, O, None),
                ]
            )
        );
        // The year's last day is its deadline: missed on 2015-12-31, not before.
        assert_eq!(years("2015-12-30").1[3], (2015, O, None));
        assert_eq!(years("2015-12-31").1[3], (2015, M, None));
        let (status, ys) = years("2016-06-01");
        assert_eq!((status, ys.len()), (Done, 5));
        assert_eq!(ys[4], (2016, D, Some("2016-05-01".into())));
        // Before the 2016 change was dated: open, and the duty runs.
        assert_eq!(years("2016-04-30").0, InProgress);
        // Before any change: not started, the years so far missed or open.
        assert_eq!(years("2012-10-13"), (NotStarted, vec![(2012, O, None)]));
        assert!(years("2012-07-11").1.is_empty());
    }

    #[test]
    fn joint_owners_list_a_task_under_each() {
        let mut a = milestone("early-warning", Recurrence::Once);
        a.owner = "区质监局、区外经贸委".into();
        let mut b = milestone("five-year-plan", Recurrence::Once);
        b.owner = "区政府办公室".into();
        let c = milestone("info-platform", Recurrence::Once);
        let groups = by_owner(&[a, b, c]);
        let shape: Vec<(String, Vec<String>)> =
            groups.iter().map(|(o, ms)| (o.clone(), ms.iter().map(|m| m.code.clone()).collect())).collect();
        assert_eq!(
            shape,
            vec![
                ("区质监局".to_string(), vec!["early-warning".to_string(), "info-platform".to_string()]),
                ("区外经贸委".to_string(), vec!["early-warning".to_string()]),
                ("区政府办公室".to_string(), vec!["five-year-plan".to_string()]),
            ]
        );
        assert_eq!(owners_of("各镇街和园区"), vec!["各镇街和园区".to_string()]);
    }

    #[test]
    fn readings_decide_which_local_standards_and_seats_count() {
        use crate::core::readings::{Readings, not_counted};
        let p = jlp_plan();
        let mut facts = facts_of(
            vec![
                standard(1, Some("DB50/T 1-2014"), Level::Local, Action::Formulate, Some("2014-01-01"), Some(1), &[]),
                standard(2, Some("DB11/T 2-2014"), Level::Local, Action::Formulate, Some("2014-02-01"), Some(1), &[]),
            ],
            vec![],
            vec![
                seat(1, 1, "SAC/TC 1", SeatRole::Secretariat, "2014-01-01"),
                seat(2, 3, "ISO/TC 79", SeatRole::Convenor, "2014-01-01"),
            ],
        );
        let at = |facts: &Facts, m: Measure| actual(&m, facts, &p, d("2015-12-31")).unwrap();
        let hosting = || Measure::HostingEnterprises(vec![SeatRole::Secretariat, SeatRole::Convenor]);
        assert_eq!((at(&facts, Measure::Standards(Level::Local)), at(&facts, hosting())), (1, 1));
        let left: Vec<(String, i64)> =
            not_counted(&facts, p.start, p.deadline).into_iter().map(|n| (n.kind, n.id)).collect();
        assert_eq!(left, [("standard".to_string(), 2), ("committee_seat".to_string(), 2)]);
        facts.readings = Readings {
            local_prefixes: vec!["DB50".into(), "DB11".into()],
            national_committees: vec!["SAC".into(), "ISO".into()],
            ..Readings::default()
        };
        assert_eq!((at(&facts, Measure::Standards(Level::Local)), at(&facts, hosting())), (2, 2));
        assert!(not_counted(&facts, p.start, p.deadline).is_empty());
    }

    #[test]
    fn every_split_by_industry_adds_up_to_its_actual() {
        let p = jlp_plan();
        let facts = example_facts();
        // Units 1 and 6 in focus industries, the others not.
        let industry = |id: i64| match id {
            1 => Some("铝加工".to_string()),
            6 => Some("汽摩制造及配件".to_string()),
            _ => None,
        };
        let filings = vec![(Some("铝加工".to_string()), 4), (None, 6)];
        let reviews = vec![(Some("装备制造".to_string()), 6)];
        let split = by_industry(&jlp_targets(), &facts, &p, d("2015-12-31"), &industry, &filings, &reviews).unwrap();
        let got = progress(&p, &jlp_targets(), &facts, d("2015-12-31")).unwrap();
        for ((code, counts), t) in split.iter().zip(&got) {
            assert_eq!(code, &t.code);
            let names: Vec<&str> = counts.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(names, ["铝加工", "汽摩制造", "装备制造", "其他"]);
            if !matches!(code.as_str(), "enterprise-filings" | "enterprise-reviews") {
                assert_eq!(counts.iter().map(|(_, n)| n).sum::<i64>(), t.actual, "{code}");
            }
        }
        let of = |code: &str| split.iter().find(|(c, _)| c == code).unwrap().1.clone();
        let n = |v: &[(String, i64)], k: &str| v.iter().find(|(x, _)| x == k).unwrap().1;
        // GB/T 40009-2013 has no district lead: under its first participant, unit 1.
        assert_eq!(n(&of("national-standards"), "铝加工"), 1);
        // participating: units 1 and 6, both of GB/T 40009-2013.
        let part = of("participating-enterprises");
        assert_eq!((n(&part, "铝加工"), n(&part, "汽摩制造"), n(&part, "其他")), (1, 1, 0));
        // committee: unit 6, whose industry contains 汽摩制造.
        assert_eq!(n(&of("committee-enterprises"), "汽摩制造"), 1);
        assert_eq!((n(&of("enterprise-filings"), "铝加工"), n(&of("enterprise-filings"), "其他")), (4, 6));
        assert_eq!(n(&of("enterprise-reviews"), "装备制造"), 6);
    }

    #[test]
    fn the_targets_a_unit_counts_toward() {
        let p = jlp_plan();
        let facts = example_facts();
        let targets = jlp_targets();
        let dates = UnitDates { filings: vec![d("2014-01-20")], reviews: vec![] };
        // Unit 1: participant of GB/T 40009-2013, a filing, a cq-product award in 2014.
        assert_eq!(
            unit_targets(&targets, &facts, &p, d("2015-12-31"), 1, &dates),
            [
                "national-standards",
                "enterprise-filings",
                "participating-enterprises",
                "cq-product-award-enterprises",
                "cq-product-awards"
            ]
        );
        // As of 2013: not the 2014 filing nor the 2014 award.
        assert_eq!(
            unit_targets(&targets, &facts, &p, d("2013-12-31"), 1, &dates),
            ["national-standards", "participating-enterprises"]
        );
        // Unit 5, an association: its standards count; enterprise targets never do.
        assert_eq!(
            unit_targets(&targets, &facts, &p, d("2015-12-31"), 5, &UnitDates::default()),
            ["industry-standards"]
        );
    }

    #[test]
    fn a_meeting_before_the_notice_holds_no_quarter() {
        let plan = jlp_plan();
        let c = meeting_coverage(&plan, &[d("2012-07-05")], d("2012-12-31"));
        assert_eq!((c.quarters_due, c.quarters_held), (2, 0));
        let c = meeting_coverage(&plan, &[d("2012-07-12")], d("2012-12-31"));
        assert_eq!((c.quarters_due, c.quarters_held), (2, 1));
    }
}
