//! The office's other questions as documents (issue 12): one unit at a glance, review
//! reminders, budgets and next year's need, tasks by owner and yearly duties, the split by
//! industry, what a reading left out, and the yearly summary. Each builds a `Doc` once; the
//! JSON is the contract of the issue, the sections are for readers, CSV and XLSX.

use serde_json::{Map, Value, json};

use super::Lang;
use super::doc::{Audience, Cell, Column, Doc, Section};
use super::labels::{self, field};
use super::reports::{
    Names, col, days_line, entitlements_section, headline_targets, meetings_json, meetings_section, milestone_json,
    milestones_section, money_cell, overpayments_section, pace_note, payments_section, target_json, targets_section,
    word_cell,
};
use crate::core::budget::{BudgetPlan, FROM_DRAFTING, FundBudget};
use crate::core::model::*;
use crate::core::progress::TargetProgress;
use crate::core::readings::{NotCounted, REASON_LOCAL_PREFIX};
use crate::core::records::{Object, ToJson};
use crate::core::report::{AnnualReport, IndustrySplit, ProgressReport};
use crate::core::reviews::DueReview;
use crate::core::rewards::AwardCalc;
use crate::error::Msg;

fn date(d: Option<Date>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

/// A yearly duty's years: `[{year, status, done_on, note}]`.
pub fn years_json(years: &[DutyYear]) -> Value {
    Value::Array(
        years
            .iter()
            .map(|y| json!({"year": y.year, "status": y.status.as_str(), "done_on": date(y.done_on), "note": y.note}))
            .collect(),
    )
}

fn not_counted_json(list: &[NotCounted]) -> Value {
    serde_json::to_value(list).unwrap_or(Value::Null)
}

fn owners_json(owners: &[(String, Vec<MilestoneFact>)], lang: Lang) -> Value {
    Value::Array(
        owners
            .iter()
            .map(|(owner, ms)| {
                json!({"owner": owner, "milestones": ms.iter().map(|m| milestone_json(m, lang)).collect::<Vec<_>>()})
            })
            .collect(),
    )
}

fn industry_json(split: &IndustrySplit) -> Value {
    let mut out = Map::new();
    for (code, counts) in split {
        let inner: Map<String, Value> = counts.iter().map(|(k, n)| (k.clone(), json!(n))).collect();
        out.insert(code.clone(), Value::Object(inner));
    }
    Value::Object(out)
}

fn insert(v: &mut Value, key: &str, value: Value) {
    if let Value::Object(m) = v {
        m.insert(key.into(), value);
    }
}

// ----- progress -----

/// The progress JSON's fields of issue 12.
pub(super) fn progress_json_extra(v: &mut Value, r: &ProgressReport, lang: Lang) {
    insert(v, "adopted_standards", json!(r.adopted_standards));
    insert(v, "not_counted", not_counted_json(&r.not_counted));
    if let Some(owners) = &r.owners {
        insert(v, "owners", owners_json(owners, lang));
    }
    if let Some(split) = &r.by_industry {
        insert(v, "by_industry", industry_json(split));
    }
}

/// The progress document's parts of issue 12.
pub(super) fn progress_doc_extra(doc: &mut Doc, r: &ProgressReport, lang: Lang) {
    doc.figure(
        "adopted_standards",
        lang.pick("采用国际标准的标准", "Standards adopting international ones"),
        Cell::Int(r.adopted_standards),
    );
    if let Some(duties) = duties_section(&r.milestones, lang) {
        doc.sections.push(duties);
    }
    if let Some(owners) = &r.owners {
        // Each department's own list replaces the combined one.
        doc.sections.retain(|s| s.key != "milestones");
        for (owner, ms) in owners {
            let mut s = milestones_section(ms, lang);
            s.key = "owners".into();
            s.title = match lang {
                Lang::Zh => format!("{owner} 的任务"),
                Lang::En => format!("Tasks of {owner}"),
            };
            // Only this owner's rows; readers have the owner in the title, scripts in a column.
            s.rows.retain(|row| row.first().is_some_and(|c| c.shown() == *owner));
            if let Some(c) = s.columns.first_mut() {
                c.audience = Audience::Scripts;
            }
            doc.sections.push(s);
        }
    }
    if let Some(split) = &r.by_industry {
        doc.sections.push(industry_section(split, &r.targets, lang));
    }
    if !r.not_counted.is_empty() {
        doc.sections.push(not_counted_section(&r.not_counted, lang));
    }
}

/// The yearly duties, year by year (None when no task recurs).
pub(super) fn duties_section(ms: &[MilestoneFact], lang: Lang) -> Option<Section> {
    let yearly: Vec<&MilestoneFact> = ms.iter().filter(|m| m.recurring == Recurrence::Yearly).collect();
    if yearly.is_empty() {
        return None;
    }
    let mut s = Section::new(
        "duties",
        lang.pick("每年开展的任务", "Yearly duties"),
        vec![
            Column::scripts("code", "code"),
            Column::new("label", lang.pick("任务", "task")),
            Column::new("year", lang.pick("年度", "year")),
            col("status", lang),
            col("done_on", lang),
            col("note", lang),
        ],
    );
    for m in yearly {
        for y in &m.years {
            s.push(vec![
                Cell::code(m.code.clone()),
                Cell::text(lang.pick(&m.label_zh, &m.label_en)),
                Cell::code(y.year.to_string()),
                word_cell(y.status, lang),
                Cell::opt_date(y.done_on),
                Cell::opt_text(y.note.clone()),
            ]);
        }
    }
    Some(s)
}

fn industry_section(split: &IndustrySplit, targets: &[TargetProgress], lang: Lang) -> Section {
    let industries: Vec<String> =
        split.first().map(|(_, c)| c.iter().map(|(k, _)| k.clone()).collect()).unwrap_or_default();
    let mut columns = vec![Column::scripts("code", "code"), Column::new("label", field("target", lang))];
    columns.extend(industries.iter().map(|i| Column::new(i.clone(), i.clone())));
    columns.push(col("actual", lang));
    let mut s = Section::new("by_industry", lang.pick("按重点产业", "By focus industry"), columns);
    for (code, counts) in split {
        let t = targets.iter().find(|t| t.code == *code);
        let mut row = vec![
            Cell::code(code.clone()),
            Cell::text(t.map_or(code.as_str(), |t| lang.pick(&t.label_zh, &t.label_en))),
        ];
        row.extend(counts.iter().map(|(_, n)| Cell::Int(*n)));
        row.push(Cell::opt_int(t.map(|t| t.actual)));
        s.push(row);
    }
    s
}

fn not_counted_section(list: &[NotCounted], lang: Lang) -> Section {
    let mut s = Section::new(
        "not_counted",
        lang.pick("按现行口径不计入的记录", "Left out by the office's readings"),
        vec![
            Column::new("kind", lang.pick("类别", "kind")),
            Column::scripts("id", "id"),
            col("record", lang),
            col("reason", lang),
        ],
    );
    for n in list {
        let kind = match n.kind.as_str() {
            "standard" => lang.pick("地方标准", "local standard"),
            _ => lang.pick("技术委员会席位", "committee seat"),
        };
        let reason = if n.reason == REASON_LOCAL_PREFIX {
            lang.pick(
                "不是本市地方标准（见 set-plan local-prefixes）",
                "not a local standard of ours (set-plan local-prefixes)",
            )
        } else {
            lang.pick(
                "不是全国专业标准化技术委员会（见 set-plan national-committees）",
                "not a national committee (set-plan national-committees)",
            )
        };
        s.push(vec![
            Cell::word(n.kind.clone(), kind),
            Cell::Int(n.id),
            Cell::text(n.record.clone()),
            Cell::word(n.reason.clone(), reason),
        ]);
    }
    s
}

// ----- budgets -----

fn budgets_json(budgets: &[FundBudget]) -> Value {
    let mut m = Map::new();
    for b in budgets {
        m.insert(
            b.fund.clone(),
            json!({
                "budget_yuan": b.budget_yuan, "entitled_yuan": b.entitled_yuan, "paid_yuan": b.paid_yuan,
                "remaining_yuan": b.remaining_yuan, "over_budget": b.over_budget,
            }),
        );
    }
    Value::Object(m)
}

fn budgets_section(year: i32, budgets: &[FundBudget], names: &Names, lang: Lang) -> Section {
    let title = match lang {
        Lang::Zh => format!("{year} 年预算执行"),
        Lang::En => format!("Budgets of {year}"),
    };
    let mut s = Section::new(
        "budgets",
        title,
        vec![
            col("fund", lang),
            Column::new("budget_yuan", lang.pick("预算（元）", "budget (yuan)")),
            Column::new("entitled_yuan", lang.pick("当年应奖补（元）", "entitled (yuan)")),
            Column::new("paid_yuan", lang.pick("当年已付（元）", "paid (yuan)")),
            Column::new("remaining_yuan", lang.pick("预算余额（元）", "remaining (yuan)")),
            Column::new("over_budget", lang.pick("超出预算", "over budget")),
        ],
    );
    for b in budgets {
        s.push(vec![
            Cell::word(b.fund.clone(), names.fund(&b.fund, lang)),
            b.budget_yuan.map_or(Cell::Empty, Cell::Yuan),
            Cell::Yuan(b.entitled_yuan),
            Cell::Yuan(b.paid_yuan),
            b.remaining_yuan.map_or(Cell::Empty, Cell::Yuan),
            Cell::Bool {
                value: b.over_budget,
                label: labels::word(if b.over_budget { "yes" } else { "no" }, lang).into(),
            },
        ]);
    }
    let warnings = over_budget_lines(year, budgets, names, lang);
    if !warnings.is_empty() {
        s.note = Some(warnings.join("\n"));
    } else if budgets.iter().all(|b| b.budget_yuan.is_none()) {
        s.note = Some(
            lang.pick(
                "（尚未设定预算：stdtrack set-budget 资金来源 年份 金额）",
                "(no budget set: stdtrack set-budget FUND YEAR YUAN)",
            )
            .to_string(),
        );
    }
    s
}

/// One warning line per fund whose entitlements pass its budget, through the catalogue.
fn over_budget_lines(year: i32, budgets: &[FundBudget], names: &Names, lang: Lang) -> Vec<String> {
    budgets
        .iter()
        .filter(|b| b.over_budget)
        .map(|b| {
            let msg = Msg::OverBudget {
                fund_zh: names.fund(&b.fund, Lang::Zh).to_string(),
                fund_en: names.fund(&b.fund, Lang::En).to_string(),
                year,
                entitled: b.entitled_yuan,
                budget: b.budget_yuan.unwrap_or_default(),
            };
            super::messages::text(&msg, lang)
        })
        .collect()
}

/// `award-calc --year Y`: each fund's budget against the year (JSON `budgets`), a section,
/// and a warning line for each fund over its budget.
pub fn add_budgets(doc: &mut Doc, year: i32, budgets: &[FundBudget], names: &Names, lang: Lang) {
    insert(&mut doc.json, "budgets", budgets_json(budgets));
    // The warning lines go under the budgets grid (the section's note).
    doc.sections.push(budgets_section(year, budgets, names, lang));
}

/// `budget-plan --year Y`.
pub fn budget_plan_doc(plan: &BudgetPlan, budgets: &[(String, i64)], today: Date, names: &Names, lang: Lang) -> Doc {
    let by_fund: Map<String, Value> = plan
        .by_fund
        .iter()
        .map(|f| {
            let budget = budgets.iter().find(|(b, _)| *b == f.fund).map(|(_, y)| *y);
            (
                f.fund.clone(),
                json!({
                    "outstanding_yuan": f.outstanding_yuan, "drafting_yuan": f.drafting_yuan,
                    "total_yuan": f.total_yuan, "budget_yuan": budget,
                }),
            )
        })
        .collect();
    let items: Vec<Value> = plan
        .items
        .iter()
        .map(|i| {
            json!({
                "source": i.source, "key": i.key, "standard_id": i.standard_id, "rule": i.rule,
                "unit_id": i.unit_id, "unit": i.unit, "record": i.record, "fund": i.fund, "amount_yuan": i.amount_yuan,
            })
        })
        .collect();
    let value = json!({
        "year": plan.year, "as_of": today.to_string(), "by_fund": by_fund, "items": items, "total_yuan": plan.total_yuan,
    });
    let title = match lang {
        Lang::Zh => format!("{} 年奖补资金需求估算", plan.year),
        Lang::En => format!("Estimated need for {}", plan.year),
    };
    let mut doc = Doc::new(lang, title, value);
    doc.subtitle = Some(match lang {
        Lang::Zh => format!("截至 {today} 尚欠的奖补，加上本区企业牵头、正在起草的标准发布后将得的牵头奖励"),
        Lang::En => format!(
            "What is owed on {today}, plus the lead reward each standard being drafted with a district enterprise as lead will earn once published"
        ),
    });
    doc.figure("total_yuan", lang.pick("合计", "Total"), money_cell(plan.total_yuan, lang));
    let mut funds = Section::new(
        "by_fund",
        lang.pick("按资金来源", "By fund"),
        vec![
            col("fund", lang),
            Column::new("outstanding_yuan", lang.pick("尚欠（元）", "owed (yuan)")),
            Column::new("drafting_yuan", lang.pick("起草中标准的牵头奖励（元）", "lead rewards of drafts (yuan)")),
            Column::new("total_yuan", lang.pick("合计（元）", "total (yuan)")),
            Column::new("budget_yuan", lang.pick("已设预算（元）", "budget set (yuan)")),
        ],
    );
    for f in &plan.by_fund {
        let budget = budgets.iter().find(|(b, _)| *b == f.fund).map(|(_, y)| *y);
        funds.push(vec![
            Cell::word(f.fund.clone(), names.fund(&f.fund, lang)),
            Cell::Yuan(f.outstanding_yuan),
            Cell::Yuan(f.drafting_yuan),
            Cell::Yuan(f.total_yuan),
            budget.map_or(Cell::Empty, Cell::Yuan),
        ]);
    }
    doc.sections.push(funds);
    let mut s = Section::new(
        "items",
        lang.pick("明细", "Items"),
        vec![
            Column::new("source", lang.pick("来源", "from")),
            col("unit", lang),
            Column::scripts("unit_id", "unit_id"),
            col("record", lang),
            col("rule", lang),
            col("fund", lang),
            col("amount_yuan", lang),
            col("key", lang),
        ],
    );
    for i in &plan.items {
        let source = if i.source == FROM_DRAFTING {
            lang.pick("起草中的标准", "standard being drafted")
        } else {
            lang.pick("尚欠", "owed")
        };
        s.push(vec![
            Cell::word(i.source.clone(), source),
            Cell::text(i.unit.clone()),
            Cell::Int(i.unit_id),
            Cell::text(super::labels::record_text(&i.record, lang)),
            Cell::word(i.rule.clone(), names.rule(&i.rule, lang)),
            Cell::word(i.fund.clone(), names.fund(&i.fund, lang)),
            Cell::Yuan(i.amount_yuan),
            i.key.clone().map_or(Cell::Empty, Cell::Code),
        ]);
    }
    doc.sections.push(s);
    doc
}

// ----- review reminders -----

/// `due-reviews`: JSON is the list of standards due, as the contract names them.
pub fn due_reviews_doc(due: &[DueReview], as_of: Date, within: i64, lang: Lang) -> Doc {
    let list: Vec<Value> = due
        .iter()
        .map(|d| {
            json!({
                "unit": d.unit, "unit_id": d.unit_id, "number": d.number, "title": d.title, "filing_no": d.filing_no,
                "last_event_on": d.last_event_on.to_string(), "last_event": d.last_event,
                "due_on": d.due_on.to_string(), "overdue": d.overdue, "days_left": d.days_left,
                "contact": d.contact, "phone": d.phone,
            })
        })
        .collect();
    let title = lang.pick("企业标准复审提醒", "Enterprise standards due for review").to_string();
    let mut doc = Doc::new(lang, title, Value::Array(list));
    doc.subtitle = Some(match lang {
        Lang::Zh => format!("截至 {as_of}：已逾期及 {within} 天内到期（备案或上次复审满三年）"),
        Lang::En => {
            format!("As of {as_of}: overdue, and due within {within} days (three years after filing or last review)")
        }
    });
    let overdue = due.iter().filter(|d| d.overdue).count() as i64;
    doc.figure("overdue", lang.pick("已逾期", "Overdue"), Cell::Int(overdue));
    doc.figure("due_soon", lang.pick("即将到期", "Due soon"), Cell::Int(due.len() as i64 - overdue));
    let mut s = Section::new(
        "due_reviews",
        lang.pick("应复审的企业标准", "Standards due for review"),
        vec![
            col("due_on", lang),
            Column::new("overdue", lang.pick("已逾期", "overdue")),
            col("days_left", lang),
            col("unit", lang),
            Column::scripts("unit_id", "unit_id"),
            col("number", lang),
            Column::new("title", lang.pick("标准名称", "title")),
            col("filing_no", lang),
            col("last_event_on", lang),
            col("contact", lang),
            col("phone", lang),
        ],
    );
    for d in due {
        s.push(vec![
            Cell::Date(d.due_on),
            Cell::Bool { value: d.overdue, label: labels::word(if d.overdue { "yes" } else { "no" }, lang).into() },
            Cell::Int(d.days_left),
            Cell::text(d.unit.clone()),
            Cell::Int(d.unit_id),
            Cell::code(d.number.clone()),
            Cell::text(d.title.clone()),
            Cell::code(d.filing_no.clone()),
            Cell::Date(d.last_event_on),
            Cell::opt_text(d.contact.clone()),
            d.phone.clone().map_or(Cell::Empty, Cell::Code),
        ]);
    }
    s.note = Some(
        lang.pick(
            "复审结论为废止的不再提醒；2月29日起算的，到期日为三年后的2月28日。",
            "A standard whose last review abolished it is not listed; one dated 29 February falls due on 28 February three years on.",
        )
        .to_string(),
    );
    doc.sections.push(s);
    doc
}

// ----- one unit -----

/// What `show unit` shows.
#[derive(Debug, Clone)]
pub struct UnitView {
    /// As `list units` gives it.
    pub unit: Object,
    pub contact: Option<String>,
    pub phone: Option<String>,
    /// Each as `list standards` gives it, with `role` (lead or participant).
    pub standards: Vec<Object>,
    pub filings: Vec<Object>,
    pub reviews: Vec<Object>,
    pub awards: Vec<Object>,
    pub projects: Vec<Object>,
    pub seats: Vec<Object>,
    pub payments: Vec<Object>,
    /// The targets it counts toward: (code, zh label, en label).
    pub targets: Vec<(String, String, String)>,
    /// `award-calc --unit`, all time.
    pub calc: AwardCalc,
    pub as_of: Date,
}

/// A list of records as a section: columns from the first record's fields.
fn objects_section(key: &str, title: &str, what: &str, objects: &[Object], names: &Names, lang: Lang) -> Section {
    let keys: Vec<String> = objects
        .first()
        .map(|o| o.keys().filter(|k| !matches!(k.as_str(), "voided" | "unit" | "unit_id")).cloned().collect())
        .unwrap_or_default();
    let columns = keys
        .iter()
        .map(|k| {
            let label = labels::field_of(what, k, lang).to_string();
            if k == "id" || k.ends_with("_ids") || k.ends_with("_id") {
                Column::scripts(k.clone(), label)
            } else {
                Column::new(k.clone(), label)
            }
        })
        .collect();
    let mut s = Section::new(key, title, columns);
    for o in objects {
        s.push(keys.iter().map(|k| labels::cell(k, o.get(k).unwrap_or(&Value::Null), lang, names)).collect());
    }
    s
}

pub fn unit_doc(v: &UnitView, names: &Names, lang: Lang) -> Doc {
    let t = &v.calc.totals;
    let value = json!({
        "unit": v.unit, "contact": v.contact, "phone": v.phone,
        "standards": v.standards, "filings": v.filings, "reviews": v.reviews, "awards": v.awards,
        "projects": v.projects, "seats": v.seats, "payments": v.payments,
        "targets": v.targets.iter().map(|(code, _, _)| code.clone()).collect::<Vec<_>>(),
        "as_of": v.as_of.to_string(),
        "entitlements": serde_json::to_value(&v.calc.entitlements).unwrap_or(Value::Null),
        "totals": serde_json::to_value(t).unwrap_or(Value::Null),
        "overpayments": serde_json::to_value(&v.calc.overpayments).unwrap_or(Value::Null),
    });
    let name = v.unit.get("name").and_then(Value::as_str).unwrap_or_default().to_string();
    let mut doc = Doc::new(lang, name.clone(), value);
    doc.subtitle = Some(match lang {
        Lang::Zh => format!("单位情况（截至 {}）", v.as_of),
        Lang::En => format!("One unit at a glance, as of {}", v.as_of),
    });
    doc.figure("amount_yuan", lang.pick("应奖补合计", "Total granted"), money_cell(t.amount_yuan, lang));
    doc.figure("paid_yuan", lang.pick("已支付", "Paid"), money_cell(t.paid_yuan, lang));
    doc.figure("outstanding_yuan", lang.pick("未支付", "Outstanding"), money_cell(t.outstanding_yuan, lang));
    if t.overpaid_yuan != 0 {
        doc.figure("overpaid_yuan", lang.pick("多付", "Overpaid"), money_cell(t.overpaid_yuan, lang));
    }

    let mut details = Section::new(
        "unit",
        lang.pick("基本信息", "Details"),
        vec![Column::new("field", labels::word("field", lang)), Column::new("value", labels::word("value", lang))],
    );
    let mut fields: Vec<(String, Value)> = v.unit.iter().map(|(k, x)| (k.clone(), x.clone())).collect();
    fields.push(("contact".into(), json!(v.contact)));
    fields.push(("phone".into(), json!(v.phone)));
    for (k, x) in fields {
        let shown = labels::value(&k, &x, lang, names).unwrap_or_else(|| super::cell_text(&x));
        let cell = if labels::is_code_field(&k) || k == "phone" { Cell::Code(shown) } else { Cell::text(shown) };
        details.push(vec![Cell::text(labels::field_of("units", &k, lang)), cell]);
    }
    doc.sections.push(details);

    let mut targets = Section::new(
        "targets",
        lang.pick("计入的指标", "Targets it counts toward"),
        vec![Column::scripts("code", "code"), Column::new("label", field("target", lang))],
    );
    for (code, zh, en) in &v.targets {
        targets.push(vec![Cell::code(code.clone()), Cell::text(lang.pick(zh, en))]);
    }
    doc.sections.push(targets);
    for (key, zh, en, what, list) in [
        ("standards", "标准", "Standards", "standards", &v.standards),
        ("filings", "企业标准备案", "Filings", "filings", &v.filings),
        ("reviews", "企业标准复审", "Reviews", "reviews", &v.reviews),
        ("awards", "获奖", "Awards", "awards", &v.awards),
        ("projects", "市级标准化项目", "Municipal projects", "projects", &v.projects),
        ("seats", "技术委员会", "Committee seats", "committees", &v.seats),
    ] {
        doc.sections.push(objects_section(key, lang.pick(zh, en), what, list, names, lang));
    }
    doc.sections.push(entitlements_section(
        "entitlements",
        lang.pick("应奖补项目", "Entitlements"),
        &v.calc.entitlements,
        names,
        lang,
    ));
    doc.sections.push(objects_section("payments", lang.pick("付款", "Payments"), "payments", &v.payments, names, lang));
    if !v.calc.overpayments.is_empty() {
        doc.sections.push(overpayments_section(&v.calc.overpayments, lang));
    }
    doc
}

// ----- the yearly summary -----

pub fn annual_doc(r: &AnnualReport, names: &Names, lang: Lang) -> Doc {
    let targets: Vec<Value> = r
        .targets
        .iter()
        .map(|t| {
            let mut m = target_json(&t.progress, lang);
            m.insert("in_year".into(), json!(t.in_year));
            Value::Object(m)
        })
        .collect();
    let quarters: Vec<Value> = r
        .quarters
        .iter()
        .map(|q| {
            let in_quarter: Map<String, Value> =
                r.targets.iter().zip(&q.in_quarter).map(|(t, n)| (t.progress.code.clone(), json!(n))).collect();
            json!({
                "quarter": q.quarter.to_string(), "in_quarter": in_quarter, "arising_yuan": q.arising_yuan,
                "paid_yuan": q.paid_yuan, "meetings_held": q.meetings_held,
            })
        })
        .collect();
    let value = json!({
        "year": r.year, "start": r.start.to_string(), "end": r.end.to_string(), "as_of": r.as_of.to_string(),
        "plan": r.plan.code, "elapsed_days": r.elapsed_days, "total_days": r.total_days,
        "targets": targets,
        "entitlements_arising": serde_json::to_value(&r.entitlements_arising).unwrap_or(Value::Null),
        "arising_yuan": r.arising_yuan,
        "payments": r.payments.iter().map(|p| Value::Object(p.to_json())).collect::<Vec<_>>(),
        "paid_in_year_yuan": r.paid_in_year_yuan,
        "outstanding_yuan": r.outstanding_yuan,
        "by_fund": r.by_fund.iter().map(|f| json!({
            "fund": f.fund, "label": names.fund(&f.fund, lang), "arising_yuan": f.arising_yuan,
            "paid_yuan": f.paid_yuan, "outstanding_yuan": f.outstanding_yuan,
        })).collect::<Vec<_>>(),
        "budgets": budgets_json(&r.budgets),
        "meetings_held": r.meetings_held,
        "meetings_in_year": r.meetings_in_year.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
        "meetings": meetings_json(&r.meetings),
        "milestones": r.milestones.iter().map(|m| milestone_json(m, lang)).collect::<Vec<_>>(),
        "adopted_in_year": r.adopted_in_year,
        "overdue_reviews": r.overdue_reviews,
        "quarters": quarters,
    });
    let title = match lang {
        Lang::Zh => format!("{} 年度标准化工作总结（{} 至 {}）", r.year, r.start, r.end),
        Lang::En => format!("Standardization summary of {} ({} to {})", r.year, r.start, r.end),
    };
    let mut doc = Doc::new(lang, title, value);
    doc.subtitle = Some(days_line(r.as_of, r.elapsed_days, r.total_days, lang));
    let progress: Vec<TargetProgress> = r.targets.iter().map(|t| t.progress.clone()).collect();
    headline_targets(&mut doc, &progress, lang);
    doc.figure(
        "arising_yuan",
        lang.pick("本年新增奖补", "Rewards arising this year"),
        money_cell(r.arising_yuan, lang),
    );
    doc.figure("paid_in_year_yuan", lang.pick("本年支付", "Paid this year"), money_cell(r.paid_in_year_yuan, lang));
    doc.figure(
        "outstanding_yuan",
        lang.pick("截至年末未付", "Outstanding at the year's end"),
        money_cell(r.outstanding_yuan, lang),
    );
    doc.figure(
        "meetings_held",
        lang.pick("本年召开联席会议", "Joint meetings held this year"),
        Cell::Int(r.meetings_held),
    );
    doc.figure(
        "adopted_in_year",
        lang.pick("本年采用国际标准的标准", "Standards adopting international ones this year"),
        Cell::Int(r.adopted_in_year),
    );
    doc.figure(
        "overdue_reviews",
        lang.pick("年末逾期未复审的企业标准", "Enterprise standards overdue for review"),
        Cell::Int(r.overdue_reviews),
    );
    let in_year: Vec<i64> = r.targets.iter().map(|t| t.in_year).collect();
    let mut targets = targets_section(&progress, Some(&in_year), lang);
    // The grid's "in quarter" column is the year's here.
    for c in &mut targets.columns {
        if c.key == "in_quarter" {
            c.key = "in_year".into();
            c.label = lang.pick("本年新增", "in year").into();
        }
    }
    doc.sections.push(targets);

    // Quarters across, figures down: what each quarter added, and the year's total.
    let mut columns = vec![Column::scripts("code", "code"), Column::new("label", lang.pick("项目", "figure"))];
    columns.extend(r.quarters.iter().map(|q| Column::new(q.quarter.to_string(), q.quarter.to_string())));
    columns.push(Column::new("total", labels::word("total", lang)));
    let mut qs = Section::new(
        "quarters",
        lang.pick("分季度（各季度之和即全年）", "By quarter (the year is their sum)"),
        columns,
    );
    let mut line = |code: &str, label: &str, per_q: Vec<Cell>, total: Cell| {
        let mut row = vec![Cell::code(code), Cell::text(label)];
        row.extend(per_q);
        row.push(total);
        qs.push(row);
    };
    line(
        "arising_yuan",
        lang.pick("新增奖补（元）", "rewards arising (yuan)"),
        r.quarters.iter().map(|q| Cell::Yuan(q.arising_yuan)).collect(),
        Cell::Yuan(r.arising_yuan),
    );
    line(
        "paid_yuan",
        lang.pick("支付（元）", "paid (yuan)"),
        r.quarters.iter().map(|q| Cell::Yuan(q.paid_yuan)).collect(),
        Cell::Yuan(r.paid_in_year_yuan),
    );
    line(
        "meetings_held",
        lang.pick("联席会议（次）", "joint meetings"),
        r.quarters.iter().map(|q| Cell::Int(q.meetings_held)).collect(),
        Cell::Int(r.meetings_held),
    );
    for (i, t) in r.targets.iter().enumerate() {
        line(
            &t.progress.code,
            lang.pick(&t.progress.label_zh, &t.progress.label_en),
            r.quarters.iter().map(|q| Cell::opt_int(q.in_quarter.get(i).copied())).collect(),
            Cell::Int(t.in_year),
        );
    }
    doc.sections.push(qs);

    doc.sections.push(entitlements_section(
        "entitlements_arising",
        lang.pick("本年新增奖补", "Rewards arising this year"),
        &r.entitlements_arising,
        names,
        lang,
    ));
    let mut funds = Section::new(
        "by_fund",
        lang.pick("按资金来源", "By fund"),
        vec![
            col("fund", lang),
            Column::new("arising_yuan", lang.pick("本年新增（元）", "arising (yuan)")),
            Column::new("paid_yuan", lang.pick("本年支付（元）", "paid (yuan)")),
            Column::new("outstanding_yuan", lang.pick("年末未付（元）", "outstanding (yuan)")),
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
    doc.sections.push(budgets_section(r.year, &r.budgets, names, lang));
    let mut payments = payments_section(&r.payments, lang);
    payments.title = lang.pick("本年支付", "Payments this year").into();
    doc.sections.push(payments);
    doc.sections.push(milestones_section(&r.milestones, lang));
    if let Some(duties) = duties_section(&r.milestones, lang) {
        doc.sections.push(duties);
    }
    doc.sections.push(meetings_section(&r.meetings, lang));
    doc.notes.push(pace_note(lang));
    doc
}
