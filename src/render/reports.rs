//! The reports as documents: progress, award-calc and the quarterly report, each built once
//! (`render::doc`) in the reader's language and written by whichever writer the format asks
//! for. JSON keeps the fields of CLI.md; the document's sections are for readers and CSV.

use serde_json::{Value, json};

use super::Lang;
use super::doc::{Cell, Chart, Column, Doc, Section, TargetBar};
use super::labels::{field, word};
use crate::core::model::*;
use crate::core::progress::{MeetingCoverage, TargetProgress};
use crate::core::report::{ProgressReport, QuarterlyReport};
use crate::core::rewards::{AwardCalc, Entitlement, Overpayment, yuan_wan};

pub use super::office::{UnitView, add_budgets, annual_doc, budget_plan_doc, due_reviews_doc, unit_doc};

/// Labels the renderers need that live in the database (rules, funds).
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// (code, zh, en)
    pub rules: Vec<(String, String, String)>,
    pub funds: Vec<(String, String, String)>,
}

impl Names {
    fn find<'a>(list: &'a [(String, String, String)], code: &'a str, lang: Lang) -> &'a str {
        list.iter().find(|(c, _, _)| c == code).map_or(code, |(_, zh, en)| lang.pick(zh, en))
    }
    pub fn rule<'a>(&'a self, code: &'a str, lang: Lang) -> &'a str {
        Self::find(&self.rules, code, lang)
    }
    pub fn fund<'a>(&'a self, code: &'a str, lang: Lang) -> &'a str {
        Self::find(&self.funds, code, lang)
    }
}

/// A twenty-cell bar of a percent in tenths, full at 100%.
pub fn bar(percent_tenths: i64) -> String {
    let filled = (percent_tenths.clamp(0, 1000) * 20 / 1000) as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(20 - filled))
}

/// An enum value as a cell: its code for scripts, its name in the reader's language.
pub fn word_cell<T: Words>(v: T, lang: Lang) -> Cell {
    Cell::word(v.code(), lang.pick(v.zh(), v.en()))
}

pub(super) fn target_label(t: &TargetProgress, lang: Lang) -> &str {
    lang.pick(&t.label_zh, &t.label_en)
}

pub(super) fn target_json(t: &TargetProgress, lang: Lang) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("code".into(), json!(t.code));
    m.insert("label".into(), json!(target_label(t, lang)));
    if let Ok(Value::Object(rest)) = serde_json::to_value(t) {
        for (k, v) in rest {
            if k != "code" {
                m.insert(k, v);
            }
        }
    }
    m.insert("status_label".into(), json!(lang.pick(t.status.zh(), t.status.en())));
    m
}

pub(super) fn milestone_json(m: &MilestoneFact, lang: Lang) -> Value {
    json!({
        "code": m.code, "label": lang.pick(&m.label_zh, &m.label_en), "owner": m.owner,
        "status": m.status.as_str(), "status_label": lang.pick(m.status.zh(), m.status.en()),
        "done_on": m.done_on.map(|d| d.to_string()), "note": m.note,
        "recurring": m.recurring.as_str(),
        "years": (m.recurring == Recurrence::Yearly).then(|| super::office::years_json(&m.years)),
    })
}

pub(super) fn meetings_json(c: &MeetingCoverage) -> Value {
    json!({
        "quarters_due": c.quarters_due, "quarters_held": c.quarters_held,
        "missing": c.missing.iter().map(|q| q.to_string()).collect::<Vec<_>>(),
    })
}

pub fn progress_json(r: &ProgressReport, lang: Lang) -> Value {
    let mut v = json!({
        "plan": r.plan.code, "as_of": r.as_of.to_string(), "start": r.plan.start.to_string(),
        "deadline": r.plan.deadline.to_string(), "elapsed_days": r.elapsed_days, "total_days": r.total_days,
        "targets": r.targets.iter().map(|t| Value::Object(target_json(t, lang))).collect::<Vec<_>>(),
        "milestones": r.milestones.iter().map(|m| milestone_json(m, lang)).collect::<Vec<_>>(),
        "meetings": meetings_json(&r.meetings),
    });
    super::office::progress_json_extra(&mut v, r, lang);
    v
}

pub(super) fn col(key: &str, lang: Lang) -> Column {
    Column::new(key, field(key, lang))
}

/// The targets grid, with the quarter's additions when given, and their bars.
pub(super) fn targets_section(targets: &[TargetProgress], in_quarter: Option<&[i64]>, lang: Lang) -> Section {
    let mut columns =
        vec![Column::scripts("code", "code"), Column::new("label", field("target", lang)), col("actual", lang)];
    if in_quarter.is_some() {
        columns.push(col("in_quarter", lang));
    }
    columns.extend([
        Column::readers("target", field("target_min", lang)),
        Column::scripts("target_min", "target_min"),
        Column::scripts("target_max", "target_max"),
        col("expected", lang),
        col("needed_now", lang),
        col("projected", lang),
        col("percent", lang),
        Column::readers("progress", field("progress", lang)),
        col("status", lang),
        Column::scripts("stretch_met", "stretch_met"),
    ]);
    let mut s = Section::new("targets", lang.pick("指标", "Targets"), columns);
    for (i, t) in targets.iter().enumerate() {
        let range = match t.target_max {
            Some(max) => Cell::code(format!("{}-{}", t.target_min, max)),
            None => Cell::Int(t.target_min),
        };
        let mut status = word_cell(t.status, lang);
        if t.stretch_met {
            if let Cell::Word { label, .. } = &mut status {
                label.push_str(lang.pick("（达到争取目标）", " (stretch met)"));
            }
        }
        let mut row = vec![Cell::code(t.code.clone()), Cell::text(target_label(t, lang)), Cell::Int(t.actual)];
        if let Some(q) = in_quarter {
            row.push(Cell::Int(q.get(i).copied().unwrap_or_default()));
        }
        row.extend([
            range,
            Cell::Int(t.target_min),
            Cell::opt_int(t.target_max),
            Cell::Tenths(t.expected),
            Cell::Int(t.needed_now),
            Cell::opt_int(t.projected),
            Cell::Tenths(t.percent),
            Cell::text(bar(t.percent)),
            status,
            Cell::Bool { value: t.stretch_met, label: word(if t.stretch_met { "yes" } else { "no" }, lang).into() },
        ]);
        s.push(row);
    }
    s.chart = Some(Chart::Targets(
        targets
            .iter()
            .map(|t| TargetBar {
                label: target_label(t, lang).to_string(),
                actual: t.actual,
                min: t.target_min,
                max: t.target_max,
                expected_tenths: t.expected,
                status: t.status,
                status_label: lang.pick(t.status.zh(), t.status.en()).to_string(),
            })
            .collect(),
    ));
    s
}

/// The milestones, grouped by owning department (joint owners under each of them).
pub(super) fn milestones_section(ms: &[MilestoneFact], lang: Lang) -> Section {
    let mut s = Section::new(
        "milestones",
        lang.pick("重点任务（按责任单位）", "Milestones (by owner)"),
        vec![
            col("owner", lang),
            Column::scripts("code", "code"),
            Column::new("label", lang.pick("任务", "task")),
            col("status", lang),
            col("done_on", lang),
            col("note", lang),
        ],
    );
    let mut rows: Vec<(String, &MilestoneFact)> = Vec::new();
    for m in ms {
        for owner in crate::core::progress::owners_of(&m.owner) {
            rows.push((owner, m));
        }
    }
    // Stable: by owner as first met, then the plan's order.
    let mut owners: Vec<String> = Vec::new();
    for (o, _) in &rows {
        if !owners.contains(o) {
            owners.push(o.clone());
        }
    }
    for owner in &owners {
        for (_, m) in rows.iter().filter(|(o, _)| o == owner) {
            s.push(vec![
                Cell::text(owner.clone()),
                Cell::code(m.code.clone()),
                Cell::text(lang.pick(&m.label_zh, &m.label_en)),
                word_cell(m.status, lang),
                Cell::opt_date(m.done_on),
                Cell::opt_text(m.note.clone()),
            ]);
        }
    }
    s
}

pub(super) fn meetings_section(c: &MeetingCoverage, lang: Lang) -> Section {
    let mut s = Section::new(
        "meetings",
        lang.pick("联席会议", "Joint meetings"),
        vec![col("quarter", lang), Column::new("held", lang.pick("是否召开", "held"))],
    );
    for q in &c.missing {
        s.push(vec![
            Cell::code(q.to_string()),
            Cell::Bool { value: false, label: lang.pick("未召开", "missing").into() },
        ]);
    }
    s.note = Some(meetings_line(c, lang));
    s
}

fn meetings_line(c: &MeetingCoverage, lang: Lang) -> String {
    let missing = if c.missing.is_empty() {
        lang.pick("无", "none").to_string()
    } else {
        c.missing.iter().map(|q| q.to_string()).collect::<Vec<_>>().join(lang.pick("、", ", "))
    };
    match lang {
        Lang::Zh => {
            format!("联席会议：应开 {} 个季度，已开 {} 个季度；缺：{}", c.quarters_due, c.quarters_held, missing)
        }
        Lang::En => {
            format!("Joint meetings: {} quarters due, {} held; missing: {}", c.quarters_due, c.quarters_held, missing)
        }
    }
}

pub(super) fn days_line(as_of: Date, elapsed: i64, total: i64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("截至 {as_of}：规划期已过 {elapsed} / {total} 天"),
        Lang::En => format!("As of {as_of}: {elapsed} of {total} days of the plan elapsed"),
    }
}

/// What "expected" and "needed now" mean, under the targets.
pub(super) fn pace_note(lang: Lang) -> String {
    lang.pick(
        "注：“应完成”= 目标 × 已过天数 ÷ 规划总天数，即按时间均匀推进此时应达到的数；“当前应达”为其向上取整，完成数不低于它即“进度正常”；“预计”为按目前速度到期末可达到的数。",
        "Expected = target × days elapsed ÷ days in the plan, what an even pace would have reached by now; needed now is that rounded up, and an actual at or above it is on track; projected is where the present pace ends at the deadline.",
    )
    .to_string()
}

pub(super) fn count_status(targets: &[TargetProgress], status: TargetStatus) -> i64 {
    targets.iter().filter(|t| t.status == status).count() as i64
}

pub fn progress_doc(r: &ProgressReport, lang: Lang) -> Doc {
    let title = format!("{}（{}）", lang.pick("标准强区目标进度", "Progress against the targets"), r.plan.code);
    let mut doc = Doc::new(lang, title, progress_json(r, lang));
    doc.subtitle = Some(days_line(r.as_of, r.elapsed_days, r.total_days, lang));
    headline_targets(&mut doc, &r.targets, lang);
    doc.figure(
        "meetings_missing",
        lang.pick("缺开联席会议的季度", "Quarters without a joint meeting"),
        Cell::Int(r.meetings.missing.len() as i64),
    );
    doc.sections.push(targets_section(&r.targets, None, lang));
    doc.sections.push(milestones_section(&r.milestones, lang));
    doc.sections.push(meetings_section(&r.meetings, lang));
    super::office::progress_doc_extra(&mut doc, r, lang);
    doc.notes.push(pace_note(lang));
    doc
}

pub(super) fn headline_targets(doc: &mut Doc, targets: &[TargetProgress], lang: Lang) {
    let n = targets.len() as i64;
    let met = count_status(targets, TargetStatus::Met);
    // Scripts read the number met; readers see it out of the targets.
    doc.figure(
        "targets_met",
        lang.pick("已达标指标", "Targets met"),
        Cell::word(met.to_string(), format!("{met} / {n}")),
    );
    doc.figure(
        "targets_on_track",
        lang.pick("进度正常", "On track"),
        Cell::Int(count_status(targets, TargetStatus::OnTrack)),
    );
    doc.figure(
        "targets_behind",
        lang.pick("进度滞后", "Behind pace"),
        Cell::Int(count_status(targets, TargetStatus::Behind)),
    );
    let missed = count_status(targets, TargetStatus::Missed);
    if missed > 0 {
        doc.figure("targets_missed", lang.pick("到期未完成", "Missed"), Cell::Int(missed));
    }
}

// ----- award-calc -----

/// What an entitlement is, said plainly: "牵头制定国家标准 GB/T 30001-2013".
pub(super) fn meaning(e: &Entitlement, names: &Names, lang: Lang) -> String {
    let rule = names.rule(&e.rule, lang);
    let record = super::labels::record_text(&e.record, lang);
    // An award without a title is named by its kind, which is the rule's own name.
    if record == rule { rule.to_string() } else { format!("{rule} {record}") }
}

pub(super) fn entitlements_section(key: &str, title: &str, list: &[Entitlement], names: &Names, lang: Lang) -> Section {
    let mut s = Section::new(
        key,
        title,
        vec![
            Column::new("record", lang.pick("奖补事项", "what for")),
            Column::scripts("rule", "rule"),
            Column::scripts("unit_id", "unit_id"),
            col("unit", lang),
            col("event_date", lang),
            col("amount_yuan", lang),
            col("fund", lang),
            col("paid_yuan", lang),
            col("outstanding_yuan", lang),
            col("key", lang),
        ],
    );
    for e in list {
        s.push(vec![
            Cell::text(meaning(e, names, lang)),
            Cell::code(e.rule.clone()),
            Cell::Int(e.unit_id),
            Cell::text(e.unit.clone()),
            Cell::Date(e.event_date),
            Cell::Yuan(e.amount_yuan),
            Cell::word(e.fund.clone(), names.fund(&e.fund, lang)),
            Cell::Yuan(e.paid_yuan),
            Cell::Yuan(e.outstanding_yuan),
            Cell::code(e.key.clone()),
        ]);
    }
    s
}

fn overpayment_reason(reason: &str, lang: Lang) -> Cell {
    let label = match reason {
        "no-entitlement" => lang.pick("记录已作废或不再符合奖补条件", "the record was voided or no longer qualifies"),
        "payee-changed" => lang.pick("应奖补单位已改变", "the entitlement now belongs to another unit"),
        "exceeds-amount" => lang.pick("已付超过现行金额", "paid more than the amount now in force"),
        other => other,
    };
    Cell::word(reason, label)
}

pub(super) fn overpayments_section(list: &[Overpayment], lang: Lang) -> Section {
    let mut s = Section::new(
        "overpayments",
        lang.pick("多付款项", "Overpayments"),
        vec![
            col("unit", lang),
            Column::scripts("unit_id", "unit_id"),
            col("amount_yuan", lang),
            col("reason", lang),
            col("key", lang),
        ],
    );
    for o in list {
        s.push(vec![
            Cell::text(o.unit.clone()),
            Cell::Int(o.unit_id),
            Cell::Yuan(o.amount_yuan),
            overpayment_reason(&o.reason, lang),
            Cell::code(o.key.clone()),
        ]);
    }
    s
}

/// A headline sum: digits for scripts, "N 元（X 万元）" for readers.
pub(super) fn money_cell(yuan: i64, lang: Lang) -> Cell {
    Cell::Money { yuan, shown: money_figure(yuan, lang) }
}

fn money_figure(yuan: i64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{yuan} 元（{} 万元）", yuan_wan(yuan)),
        Lang::En => format!("{yuan} yuan ({} x 10k yuan)", yuan_wan(yuan)),
    }
}

pub fn award_calc_doc(c: &AwardCalc, names: &Names, lang: Lang) -> Doc {
    let range = match (c.from, c.to) {
        (None, None) => lang.pick("全部", "all time").to_string(),
        (f, t) => format!(
            "{} – {}",
            f.map_or_else(|| "…".to_string(), |d| d.to_string()),
            t.map_or_else(|| "…".to_string(), |d| d.to_string())
        ),
    };
    let title = format!("{}{}{range}", lang.pick("标准化奖补", "Standardization rewards"), lang.pick("：", ": "));
    let mut doc = Doc::new(lang, title, serde_json::to_value(c).unwrap_or(Value::Null));
    if let Some(as_of) = c.as_of {
        doc.subtitle = Some(match lang {
            Lang::Zh => format!("付款统计截至 {as_of}：已付、未付均为当天的情况"),
            Lang::En => format!("As of {as_of}: paid and outstanding count the payments made up to that day"),
        });
        doc.figure("as_of", lang.pick("付款统计截至", "Payments as of"), Cell::Date(as_of));
    }
    let t = &c.totals;
    doc.figure("amount_yuan", lang.pick("应奖补合计", "Total granted"), money_cell(t.amount_yuan, lang));
    doc.figure("paid_yuan", lang.pick("已支付", "Paid"), money_cell(t.paid_yuan, lang));
    doc.figure("outstanding_yuan", lang.pick("未支付", "Outstanding"), money_cell(t.outstanding_yuan, lang));
    if t.overpaid_yuan != 0 {
        doc.figure("overpaid_yuan", lang.pick("多付", "Overpaid"), money_cell(t.overpaid_yuan, lang));
    }
    doc.sections.push(entitlements_section(
        "entitlements",
        lang.pick("应奖补项目", "Entitlements"),
        &c.entitlements,
        names,
        lang,
    ));
    let mut by_fund =
        Section::new("by_fund", lang.pick("按资金来源", "By fund"), vec![col("fund", lang), col("amount_yuan", lang)]);
    for (fund, amount) in &t.by_fund {
        by_fund.push(vec![Cell::word(fund.clone(), names.fund(fund, lang)), Cell::Yuan(*amount)]);
    }
    doc.sections.push(by_fund);
    let mut by_year = Section::new(
        "by_year",
        lang.pick("按年度", "By year"),
        vec![Column::new("year", lang.pick("年度", "year")), col("amount_yuan", lang)],
    );
    for (year, amount) in &t.by_year {
        by_year.push(vec![Cell::code(year.clone()), Cell::Yuan(*amount)]);
    }
    doc.sections.push(by_year);
    if !c.overpayments.is_empty() {
        doc.sections.push(overpayments_section(&c.overpayments, lang));
    }
    doc
}

// ----- quarterly report -----

pub fn quarterly_json(r: &QuarterlyReport, names: &Names, lang: Lang) -> Value {
    let targets: Vec<Value> = r
        .targets
        .iter()
        .map(|t| {
            let mut m = target_json(&t.progress, lang);
            m.insert("in_quarter".into(), json!(t.in_quarter));
            Value::Object(m)
        })
        .collect();
    let a = &r.activity;
    use crate::core::records::ToJson;
    json!({
        "quarter": r.quarter.to_string(), "start": r.start.to_string(), "end": r.end.to_string(),
        "as_of": r.as_of.to_string(), "plan": r.plan.code,
        "elapsed_days": r.elapsed_days, "total_days": r.total_days,
        "targets": targets,
        "milestones": r.milestones.iter().map(|m| milestone_json(m, lang)).collect::<Vec<_>>(),
        "meeting_held": r.meeting_held,
        "meetings_in_quarter": r.meetings_in_quarter.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
        "meetings": meetings_json(&r.meetings),
        "entitlements_arising": serde_json::to_value(&r.entitlements_arising).unwrap_or(Value::Null),
        "arising_yuan": r.arising_yuan,
        "outstanding_yuan": r.outstanding_yuan,
        "payments": r.payments.iter().map(|p| Value::Object(p.to_json())).collect::<Vec<_>>(),
        "paid_in_quarter_yuan": r.paid_in_quarter_yuan,
        "by_fund": r.by_fund.iter().map(|f| json!({
            "fund": f.fund, "label": names.fund(&f.fund, lang), "arising_yuan": f.arising_yuan,
            "paid_yuan": f.paid_yuan, "outstanding_yuan": f.outstanding_yuan,
        })).collect::<Vec<_>>(),
        "activity": {
            "standards": a.standards.iter().map(|s| Value::Object(s.to_json())).collect::<Vec<_>>(),
            "awards": a.awards.iter().map(|s| Value::Object(s.to_json())).collect::<Vec<_>>(),
            "projects": a.projects.iter().map(|s| Value::Object(s.to_json())).collect::<Vec<_>>(),
            "committee_seats": a.seats.iter().map(|s| Value::Object(s.to_json())).collect::<Vec<_>>(),
            "filings": a.filings,
            "reviews": a.reviews,
        },
        "overdue_reviews": r.overdue_reviews,
        "adopted_standards": r.adopted_standards,
        "adopted_in_quarter": r.adopted_in_quarter,
    })
}

fn activity_section(r: &QuarterlyReport, lang: Lang) -> Section {
    let a = &r.activity;
    let mut s = Section::new(
        "activity",
        lang.pick("本季度工作", "This quarter's records"),
        vec![
            Column::new("what", lang.pick("类别", "what")),
            Column::new("date", lang.pick("日期", "date")),
            col("record", lang),
            col("unit", lang),
            Column::new("count", lang.pick("数量", "count")),
        ],
    );
    let what = |code: &str, zh: &str, en: &str| Cell::word(code, lang.pick(zh, en));
    for st in &a.standards {
        let level = lang.pick(st.level.zh(), st.level.en());
        let action = lang.pick(st.action.zh(), st.action.en());
        s.push(vec![
            what("standard", "标准", "standard"),
            Cell::opt_date(st.published_on),
            Cell::text(
                format!("{} {}（{level}，{action}）", st.number.as_deref().unwrap_or(""), st.title).trim().to_string(),
            ),
            Cell::opt_text(st.lead.as_ref().map(|u| u.name.clone())),
            Cell::Empty,
        ]);
    }
    for x in &a.awards {
        let kind = lang.pick(x.kind.zh(), x.kind.en());
        let record = match &x.title {
            Some(t) => format!("{kind}：{t}"),
            None => kind.to_string(),
        };
        s.push(vec![
            what("award", "获奖", "award"),
            Cell::Date(x.awarded_on),
            Cell::text(record),
            Cell::text(x.unit.name.clone()),
            Cell::Empty,
        ]);
    }
    for p in &a.projects {
        s.push(vec![
            what("project", "市级标准化项目", "municipal project"),
            Cell::Date(p.passed_on),
            Cell::text(p.name.clone()),
            Cell::text(p.unit.name.clone()),
            Cell::Empty,
        ]);
    }
    for seat in &a.seats {
        let role = lang.pick(seat.role.zh(), seat.role.en());
        s.push(vec![
            what("committee_seat", "技术委员会", "committee seat"),
            Cell::Date(seat.since),
            Cell::text(format!("{} {role}", seat.committee)),
            Cell::text(seat.unit.name.clone()),
            Cell::Empty,
        ]);
    }
    s.push(vec![
        what("filings", "企业标准备案", "enterprise standards filed"),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Int(a.filings),
    ]);
    s.push(vec![
        what("reviews", "企业标准复审", "enterprise standards reviewed"),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Int(a.reviews),
    ]);
    s
}

pub(super) fn payments_section(list: &[Payment], lang: Lang) -> Section {
    let mut s = Section::new(
        "payments",
        lang.pick("本季度支付", "Payments this quarter"),
        vec![col("paid_on", lang), col("unit", lang), col("amount_yuan", lang), col("voucher", lang), col("key", lang)],
    );
    for p in list {
        s.push(vec![
            Cell::Date(p.paid_on),
            Cell::text(p.unit.clone()),
            Cell::Yuan(p.amount_yuan),
            Cell::opt_text(p.voucher.clone()),
            Cell::code(p.key.clone()),
        ]);
    }
    s
}

pub fn quarterly_doc(r: &QuarterlyReport, names: &Names, lang: Lang) -> Doc {
    let title = match lang {
        Lang::Zh => format!("{} 标准化工作季度报告（{} 至 {}）", r.quarter, r.start, r.end),
        Lang::En => format!("Standardization quarterly report {} ({} to {})", r.quarter, r.start, r.end),
    };
    let mut doc = Doc::new(lang, title, quarterly_json(r, names, lang));
    doc.subtitle = Some(days_line(r.as_of, r.elapsed_days, r.total_days, lang));
    let progress: Vec<TargetProgress> = r.targets.iter().map(|t| t.progress.clone()).collect();
    let in_q: Vec<i64> = r.targets.iter().map(|t| t.in_quarter).collect();
    headline_targets(&mut doc, &progress, lang);
    doc.figure(
        "arising_yuan",
        lang.pick("本季度新增奖补", "Rewards arising this quarter"),
        money_cell(r.arising_yuan, lang),
    );
    doc.figure(
        "paid_in_quarter_yuan",
        lang.pick("本季度支付", "Paid this quarter"),
        money_cell(r.paid_in_quarter_yuan, lang),
    );
    doc.figure(
        "outstanding_yuan",
        lang.pick("截至季末未付", "Outstanding at the quarter's end"),
        money_cell(r.outstanding_yuan, lang),
    );
    let held = if r.meeting_held {
        let dates = r.meetings_in_quarter.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(lang.pick("、", ", "));
        format!("{}{dates}", lang.pick("已召开：", "held: "))
    } else {
        lang.pick("未召开", "not held").to_string()
    };
    doc.figure(
        "meeting_held",
        lang.pick("本季度联席会议", "Joint meeting this quarter"),
        Cell::Bool { value: r.meeting_held, label: held },
    );
    doc.figure(
        "overdue_reviews",
        lang.pick("季末逾期未复审的企业标准", "Enterprise standards overdue for review"),
        Cell::Int(r.overdue_reviews),
    );
    doc.figure(
        "adopted_standards",
        lang.pick(
            "采用国际标准的标准（累计 / 本季度）",
            "Standards adopting international ones (to date / this quarter)",
        ),
        Cell::code(format!("{} / {}", r.adopted_standards, r.adopted_in_quarter)),
    );
    doc.sections.push(targets_section(&progress, Some(&in_q), lang));
    doc.sections.push(activity_section(r, lang));
    doc.sections.push(entitlements_section(
        "entitlements_arising",
        lang.pick("本季度新增奖补", "Rewards arising this quarter"),
        &r.entitlements_arising,
        names,
        lang,
    ));
    doc.sections.push(payments_section(&r.payments, lang));
    let mut funds = Section::new(
        "by_fund",
        lang.pick("按资金来源", "By fund"),
        vec![
            col("fund", lang),
            Column::new("arising_yuan", lang.pick("本季度新增（元）", "arising (yuan)")),
            Column::new("paid_yuan", lang.pick("本季度支付（元）", "paid (yuan)")),
            Column::new("outstanding_yuan", lang.pick("季末未付（元）", "outstanding (yuan)")),
        ],
    );
    for f in &r.by_fund {
        funds.push(vec![
            Cell::word(f.fund.clone(), names.fund(&f.fund, lang)),
            Cell::Yuan(f.arising_yuan),
            Cell::Yuan(f.paid_yuan),
            Cell::Yuan(f.outstanding_yuan),
        ]);
    }
    doc.sections.push(funds);
    doc.sections.push(milestones_section(&r.milestones, lang));
    if let Some(duties) = super::office::duties_section(&r.milestones, lang) {
        doc.sections.push(duties);
    }
    doc.sections.push(meetings_section(&r.meetings, lang));
    doc.notes.push(pace_note(lang));
    doc.notes.push(match lang {
        Lang::Zh => format!("本报告为截至 {} 的历史报告：金额只计该日及以前的付款，之后的付款不改变本报告。", r.as_of),
        Lang::En => format!(
            "A report as of {}: money counts the payments made up to that day; later payments do not change it.",
            r.as_of
        ),
    });
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_fills_by_percent_and_stops_at_full() {
        assert_eq!(bar(0), "░".repeat(20));
        assert_eq!(bar(500), format!("{}{}", "█".repeat(10), "░".repeat(10)));
        assert_eq!(bar(1500), "█".repeat(20));
        assert_eq!(bar(77), format!("{}{}", "█".repeat(1), "░".repeat(19)));
    }
}
