//! The reports: progress, award-calc and the quarterly report, in every format they write.
//! JSON keeps the field names of CLI.md; tables and markdown speak the reader's language.

use std::io::Write;

use anyhow::Result;
use serde_json::{Value, json};

use super::labels::{field, word};
use super::{Grid, Lang, Style, write_grid, write_json, write_markdown, write_table};
use crate::cli::Format;
use crate::core::model::*;
use crate::core::progress::{MeetingCoverage, TargetProgress, tenths_str};
use crate::core::report::{ProgressReport, QuarterlyReport};
use crate::core::rewards::{AwardCalc, Entitlement, Overpayment, yuan_wan};

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

fn target_label(t: &TargetProgress, lang: Lang) -> &str {
    lang.pick(&t.label_zh, &t.label_en)
}

fn target_json(t: &TargetProgress, lang: Lang) -> serde_json::Map<String, Value> {
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
    m
}

fn milestone_json(m: &MilestoneFact, lang: Lang) -> Value {
    json!({
        "code": m.code, "label": lang.pick(&m.label_zh, &m.label_en), "owner": m.owner,
        "status": m.status.as_str(), "done_on": m.done_on.map(|d| d.to_string()),
    })
}

fn meetings_json(c: &MeetingCoverage) -> Value {
    json!({
        "quarters_due": c.quarters_due, "quarters_held": c.quarters_held,
        "missing": c.missing.iter().map(|q| q.to_string()).collect::<Vec<_>>(),
    })
}

pub fn progress_json(r: &ProgressReport, lang: Lang) -> Value {
    json!({
        "plan": r.plan.code, "as_of": r.as_of.to_string(), "start": r.plan.start.to_string(),
        "deadline": r.plan.deadline.to_string(), "elapsed_days": r.elapsed_days, "total_days": r.total_days,
        "targets": r.targets.iter().map(|t| Value::Object(target_json(t, lang))).collect::<Vec<_>>(),
        "milestones": r.milestones.iter().map(|m| milestone_json(m, lang)).collect::<Vec<_>>(),
        "meetings": meetings_json(&r.meetings),
    })
}

fn target_cells(t: &TargetProgress, lang: Lang, human: bool) -> Vec<Value> {
    let target = match t.target_max {
        Some(max) if human => json!(format!("{}-{}", t.target_min, max)),
        _ => json!(t.target_min),
    };
    let status = if human { json!(word(t.status.as_str(), lang)) } else { json!(t.status.as_str()) };
    let mut row = vec![
        json!(if human { target_label(t, lang).to_string() } else { t.code.clone() }),
        json!(t.actual),
        target,
        json!(tenths_str(t.expected)),
        json!(t.needed_now),
        t.projected.map_or(Value::Null, |p| json!(p)),
        json!(tenths_str(t.percent)),
    ];
    if human {
        row.push(json!(bar(t.percent)));
    }
    row.push(status);
    if !human {
        row.push(json!(t.target_max));
        row.push(json!(t.stretch_met));
    } else if t.stretch_met {
        if let Some(Value::String(s)) = row.last_mut() {
            s.push_str(lang.pick("（达到争取目标）", " (stretch met)"));
        }
    }
    row
}

/// The targets grid: localised with a bar for people, field names for scripts (plain CSV).
fn targets_grid(targets: &[TargetProgress], in_quarter: Option<&[i64]>, lang: Lang, human: bool) -> Grid {
    let mut keys = vec!["target", "actual", "target_min", "expected", "needed_now", "projected", "percent"];
    if human {
        keys.push("progress");
    }
    keys.push("status");
    if !human {
        keys[0] = "code";
        keys.push("target_max");
        keys.push("stretch_met");
    }
    let mut headers: Vec<String> =
        keys.iter().map(|k| if human { field(k, lang).to_string() } else { k.to_string() }).collect();
    if in_quarter.is_some() {
        headers.insert(2, if human { field("in_quarter", lang).to_string() } else { "in_quarter".into() });
    }
    let rows = targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut row = target_cells(t, lang, human);
            if let Some(q) = in_quarter {
                row.insert(2, json!(q[i]));
            }
            row
        })
        .collect();
    Grid { headers, rows }
}

fn milestones_grid(ms: &[MilestoneFact], lang: Lang) -> Grid {
    Grid {
        headers: ["code", "label", "owner", "status", "done_on"].iter().map(|k| field(k, lang).to_string()).collect(),
        rows: ms
            .iter()
            .map(|m| {
                vec![
                    json!(m.code),
                    json!(lang.pick(&m.label_zh, &m.label_en)),
                    json!(m.owner),
                    json!(word(m.status.as_str(), lang)),
                    m.done_on.map_or(Value::Null, |d| json!(d.to_string())),
                ]
            })
            .collect(),
    }
}

fn meetings_line(c: &MeetingCoverage, lang: Lang) -> String {
    let missing = if c.missing.is_empty() {
        lang.pick("无", "none").to_string()
    } else {
        c.missing.iter().map(|q| q.to_string()).collect::<Vec<_>>().join(", ")
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

fn days_line(as_of: Date, elapsed: i64, total: i64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("截至 {as_of}：已过 {elapsed} / {total} 天"),
        Lang::En => format!("As of {as_of}: {elapsed} of {total} days elapsed"),
    }
}

/// Sections of a human report, printed as tables (terminal) or markdown (documents).
fn write_section(out: &mut dyn Write, title: &str, grid: &Grid, markdown: bool) -> Result<()> {
    if markdown {
        writeln!(out, "\n## {title}\n")?;
        write_markdown(out, grid)
    } else {
        writeln!(out, "\n{title}")?;
        write_table(out, grid)
    }
}

fn write_line(out: &mut dyn Write, text: &str, markdown: bool) -> Result<()> {
    if markdown {
        writeln!(out, "\n{text}")?;
    } else {
        writeln!(out, "{text}")?;
    }
    Ok(())
}

pub fn write_progress(out: &mut dyn Write, r: &ProgressReport, style: Style) -> Result<()> {
    let lang = style.lang;
    match style.format {
        Format::Json => write_json(out, &progress_json(r, lang)),
        Format::Csv => write_grid(out, &targets_grid(&r.targets, None, lang, style.excel), style),
        _ => {
            let md = style.format == Format::Markdown;
            let title = format!("{} ({})", lang.pick("标准强区目标进度", "Progress against the targets"), r.plan.code);
            if md {
                writeln!(out, "# {title}")?;
            } else {
                writeln!(out, "{title}")?;
            }
            write_line(out, &days_line(r.as_of, r.elapsed_days, r.total_days, lang), md)?;
            write_section(out, lang.pick("指标", "Targets"), &targets_grid(&r.targets, None, lang, true), md)?;
            write_section(out, lang.pick("重点任务", "Milestones"), &milestones_grid(&r.milestones, lang), md)?;
            write_line(out, &meetings_line(&r.meetings, lang), md)
        }
    }
}

// ----- award-calc -----

fn entitlement_grid(list: &[Entitlement], names: &Names, lang: Lang, human: bool) -> Grid {
    let keys = [
        "key",
        "rule",
        "unit_id",
        "unit",
        "record",
        "event_date",
        "amount_yuan",
        "amount_wan",
        "fund",
        "paid_yuan",
        "outstanding_yuan",
    ];
    let keys: Vec<&str> = keys.into_iter().filter(|k| human || *k != "amount_wan").collect();
    Grid {
        headers: keys.iter().map(|k| if human { field(k, lang).to_string() } else { k.to_string() }).collect(),
        rows: list
            .iter()
            .map(|e| {
                let mut row = vec![
                    json!(e.key),
                    json!(if human { names.rule(&e.rule, lang) } else { &e.rule }),
                    json!(e.unit_id),
                    json!(e.unit),
                    json!(e.record),
                    json!(e.event_date.to_string()),
                    json!(e.amount_yuan),
                ];
                if human {
                    row.push(json!(yuan_wan(e.amount_yuan)));
                }
                row.push(json!(if human { names.fund(&e.fund, lang) } else { &e.fund }));
                row.push(json!(e.paid_yuan));
                row.push(json!(e.outstanding_yuan));
                row
            })
            .collect(),
    }
}

fn overpayment_grid(list: &[Overpayment], lang: Lang) -> Grid {
    Grid {
        headers: ["key", "unit_id", "unit", "amount_yuan", "reason"]
            .iter()
            .map(|k| field(k, lang).to_string())
            .collect(),
        rows: list
            .iter()
            .map(|o| vec![json!(o.key), json!(o.unit_id), json!(o.unit), json!(o.amount_yuan), json!(o.reason)])
            .collect(),
    }
}

fn payments_grid(list: &[Payment], lang: Lang) -> Grid {
    Grid {
        headers: ["paid_on", "key", "unit", "amount_yuan", "voucher"]
            .iter()
            .map(|k| field(k, lang).to_string())
            .collect(),
        rows: list
            .iter()
            .map(|p| {
                vec![json!(p.paid_on.to_string()), json!(p.key), json!(p.unit), json!(p.amount_yuan), json!(p.voucher)]
            })
            .collect(),
    }
}

fn money(yuan: i64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{yuan} 元（{} 万元）", yuan_wan(yuan)),
        Lang::En => format!("{yuan} yuan ({} x 10k yuan)", yuan_wan(yuan)),
    }
}

fn totals_grid(c: &AwardCalc, names: &Names, lang: Lang) -> Grid {
    let t = &c.totals;
    let mut rows = vec![
        vec![json!(lang.pick("应奖补合计", "Total granted")), json!(money(t.amount_yuan, lang))],
        vec![json!(lang.pick("已支付", "Paid")), json!(money(t.paid_yuan, lang))],
        vec![json!(lang.pick("未支付", "Outstanding")), json!(money(t.outstanding_yuan, lang))],
    ];
    for (fund, amount) in &t.by_fund {
        rows.push(vec![json!(names.fund(fund, lang)), json!(money(*amount, lang))]);
    }
    for (year, amount) in &t.by_year {
        rows.push(vec![json!(format!("{year}{}", lang.pick("年", ""))), json!(money(*amount, lang))]);
    }
    rows.push(vec![json!(lang.pick("多付", "Overpaid")), json!(money(t.overpaid_yuan, lang))]);
    Grid { headers: vec![word("total", lang).to_string(), field("amount_yuan", lang).to_string()], rows }
}

pub fn write_award_calc(out: &mut dyn Write, c: &AwardCalc, names: &Names, style: Style) -> Result<()> {
    let lang = style.lang;
    match style.format {
        Format::Json => write_json(out, &serde_json::to_value(c)?),
        Format::Csv => write_grid(out, &entitlement_grid(&c.entitlements, names, lang, style.excel), style),
        _ => {
            let md = style.format == Format::Markdown;
            let range = match (c.from, c.to) {
                (None, None) => lang.pick("全部", "all time").to_string(),
                (f, t) => format!(
                    "{} – {}",
                    f.map_or_else(|| "…".to_string(), |d| d.to_string()),
                    t.map_or_else(|| "…".to_string(), |d| d.to_string())
                ),
            };
            let title = format!("{}: {range}", lang.pick("标准化奖补", "Standardization rewards"));
            if md {
                writeln!(out, "# {title}")?;
            } else {
                writeln!(out, "{title}")?;
            }
            write_section(
                out,
                lang.pick("应奖补项目", "Entitlements"),
                &entitlement_grid(&c.entitlements, names, lang, true),
                md,
            )?;
            write_section(out, lang.pick("合计", "Totals"), &totals_grid(c, names, lang), md)?;
            if !c.overpayments.is_empty() {
                write_section(
                    out,
                    lang.pick("多付款项", "Overpayments"),
                    &overpayment_grid(&c.overpayments, lang),
                    md,
                )?;
            }
            Ok(())
        }
    }
}

// ----- quarterly report -----

pub fn quarterly_json(r: &QuarterlyReport, lang: Lang) -> Value {
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
        "activity": {
            "standards": a.standards.iter().map(|s| Value::Object(s.to_json())).collect::<Vec<_>>(),
            "awards": a.awards.iter().map(|s| Value::Object(s.to_json())).collect::<Vec<_>>(),
            "projects": a.projects.iter().map(|s| Value::Object(s.to_json())).collect::<Vec<_>>(),
            "committee_seats": a.seats.iter().map(|s| Value::Object(s.to_json())).collect::<Vec<_>>(),
            "filings": a.filings,
            "reviews": a.reviews,
        },
    })
}

fn activity_grid(r: &QuarterlyReport, lang: Lang) -> Grid {
    let a = &r.activity;
    let mut rows = Vec::new();
    for s in &a.standards {
        rows.push(vec![
            json!(lang.pick("标准", "standard")),
            json!(s.published_on.map(|d| d.to_string())),
            json!(format!("{} {}", s.number.as_deref().unwrap_or(""), s.title).trim().to_string()),
            json!(s.lead.as_ref().map(|u| u.name.clone())),
        ]);
    }
    for x in &a.awards {
        rows.push(vec![
            json!(lang.pick("获奖", "award")),
            json!(x.awarded_on.to_string()),
            json!(x.title.clone().unwrap_or_else(|| x.kind.as_str().to_string())),
            json!(x.unit.name),
        ]);
    }
    for p in &a.projects {
        rows.push(vec![
            json!(lang.pick("市级项目", "project")),
            json!(p.passed_on.to_string()),
            json!(p.name),
            json!(p.unit.name),
        ]);
    }
    for s in &a.seats {
        rows.push(vec![
            json!(lang.pick("技术委员会", "committee")),
            json!(s.since.to_string()),
            json!(format!("{} {}", s.committee, s.role)),
            json!(s.unit.name),
        ]);
    }
    rows.push(vec![json!(lang.pick("企业标准备案", "filings")), Value::Null, json!(a.filings), Value::Null]);
    rows.push(vec![json!(lang.pick("企业标准复审", "reviews")), Value::Null, json!(a.reviews), Value::Null]);
    Grid {
        headers: vec![
            field("kind", lang).to_string(),
            lang.pick("日期", "date").to_string(),
            field("record", lang).to_string(),
            field("unit", lang).to_string(),
        ],
        rows,
    }
}

pub fn write_quarterly(out: &mut dyn Write, r: &QuarterlyReport, names: &Names, style: Style) -> Result<()> {
    let lang = style.lang;
    let progress: Vec<TargetProgress> = r.targets.iter().map(|t| t.progress.clone()).collect();
    let in_q: Vec<i64> = r.targets.iter().map(|t| t.in_quarter).collect();
    match style.format {
        Format::Json => write_json(out, &quarterly_json(r, lang)),
        Format::Csv => write_grid(out, &targets_grid(&progress, Some(&in_q), lang, style.excel), style),
        _ => {
            let md = style.format == Format::Markdown;
            let title = match lang {
                Lang::Zh => format!("{} 标准化工作季度报告（{} 至 {}）", r.quarter, r.start, r.end),
                Lang::En => format!("Standardization quarterly report {} ({} to {})", r.quarter, r.start, r.end),
            };
            if md {
                writeln!(out, "# {title}")?;
            } else {
                writeln!(out, "{title}")?;
            }
            write_line(out, &days_line(r.as_of, r.elapsed_days, r.total_days, lang), md)?;
            write_section(out, lang.pick("指标", "Targets"), &targets_grid(&progress, Some(&in_q), lang, true), md)?;
            write_section(out, lang.pick("本季度工作", "This quarter's records"), &activity_grid(r, lang), md)?;
            if !r.entitlements_arising.is_empty() {
                write_section(
                    out,
                    lang.pick("本季度新增奖补", "Rewards arising this quarter"),
                    &entitlement_grid(&r.entitlements_arising, names, lang, true),
                    md,
                )?;
            }
            if !r.payments.is_empty() {
                write_section(
                    out,
                    lang.pick("本季度支付", "Payments this quarter"),
                    &payments_grid(&r.payments, lang),
                    md,
                )?;
            }
            let money_line = match lang {
                Lang::Zh => format!(
                    "本季度新增奖补 {}；本季度支付 {}；截至季末未付 {}",
                    money(r.arising_yuan, lang),
                    money(r.paid_in_quarter_yuan, lang),
                    money(r.outstanding_yuan, lang)
                ),
                Lang::En => format!(
                    "Arising this quarter: {}; paid this quarter: {}; outstanding at quarter end: {}",
                    money(r.arising_yuan, lang),
                    money(r.paid_in_quarter_yuan, lang),
                    money(r.outstanding_yuan, lang)
                ),
            };
            write_line(out, &money_line, md)?;
            write_section(out, lang.pick("重点任务", "Milestones"), &milestones_grid(&r.milestones, lang), md)?;
            let held = if r.meeting_held {
                let dates = r.meetings_in_quarter.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ");
                format!("{}: {dates}", lang.pick("本季度联席会议已召开", "Joint meeting held this quarter"))
            } else {
                lang.pick("本季度未召开联席会议", "No joint meeting this quarter").to_string()
            };
            write_line(out, &held, md)?;
            write_line(out, &meetings_line(&r.meetings, lang), md)
        }
    }
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
