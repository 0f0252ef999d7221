//! A quarter finalized (issue 11): the report as submitted is stored (its rendered JSON, the
//! fingerprint of its inputs, who and when), and later runs of that quarter show the stored
//! figures with what today's records would change in them. Finalizing twice needs a reason;
//! both are kept.

use anyhow::Result;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::Ctx;
use super::award_calc::names;
use super::quarterly_report::Loaded;
use crate::core::corrections::{FigureChange, changed_figures};
use crate::core::quarter::Quarter;
use crate::core::report::{QuarterlyReport, quarterly_report};
use crate::error::{Msg, refuse};
use crate::render::doc::{Cell, Column, Doc, Section};
use crate::render::reports::{Names, quarterly_doc};
use crate::render::{Lang, labels};
use crate::store::{Finalized, Reader};

/// The report of a quarter from the records as they stand, and the fingerprint of its
/// inputs (SHA-256 of everything the report reads).
pub fn compute(
    read: Reader<'_>,
    quarter: Quarter,
    today: crate::core::model::Date,
) -> Result<(QuarterlyReport, Names, Loaded)> {
    let loaded = Loaded::read(read, quarter.end().min(today))?;
    let report = quarterly_report(&loaded.inputs(), quarter, today).map_err(crate::error::overflow)?;
    Ok((report, names(read)?, loaded))
}

/// The fingerprint of everything the report reads: the records, the milestones' history,
/// what review reminders look at. Made only when a quarter is finalized or shown as
/// finalized (hashing every input costs more than the report itself on a million filings).
fn fingerprint(loaded: &Loaded) -> String {
    let text = format!("{loaded:?}");
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn changes_json(changes: &[FigureChange]) -> Value {
    Value::Array(changes.iter().map(|c| json!({"figure": c.figure, "old": c.old, "new": c.new})).collect())
}

/// What a finalized quarter's report adds: when and by whom, every finalization, and the
/// figures today's records would change.
fn extras(
    all: &[Finalized],
    latest: &Finalized,
    changes: &[FigureChange],
    fingerprint_now: &str,
) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("finalized".into(), json!(true));
    m.insert("finalized_at".into(), json!(latest.at));
    m.insert("finalized_by".into(), json!(latest.user));
    m.insert("finalize_reason".into(), json!(latest.reason));
    m.insert("fingerprint".into(), json!(latest.fingerprint));
    m.insert("inputs_changed".into(), json!(latest.fingerprint != fingerprint_now));
    m.insert("changed_since_finalized".into(), changes_json(changes));
    m.insert(
        "finalizations".into(),
        Value::Array(
            all.iter()
                .map(|f| json!({"at": f.at, "user": f.user, "reason": f.reason, "fingerprint": f.fingerprint}))
                .collect(),
        ),
    );
    m
}

fn merge(mut json: Value, more: Map<String, Value>) -> Value {
    if let Value::Object(m) = &mut json {
        m.extend(more);
    }
    json
}

/// The line under the title of a finalized quarter.
fn finalized_line(latest: &Finalized, changes: usize, recomputed: bool, lang: Lang) -> String {
    match (lang, recomputed) {
        (Lang::Zh, false) => format!(
            "已于 {} 由 {} 定稿：以下为定稿时的数字；按现有记录有 {changes} 个数字不同（见“定稿后的变化”）",
            latest.at, latest.user
        ),
        (Lang::En, false) => format!(
            "Finalized at {} by {}: the figures as finalized; today's records give {changes} of them differently (see Changed since finalized)",
            latest.at, latest.user
        ),
        (Lang::Zh, true) => format!("按现有记录重新计算（已于 {} 定稿，有 {changes} 个数字与定稿时不同）", latest.at),
        (Lang::En, true) => {
            format!("Recomputed from today's records (finalized at {}; {changes} figures differ from then)", latest.at)
        }
    }
}

fn changes_section(changes: &[FigureChange], lang: Lang) -> Section {
    let mut s = Section::new(
        "changed_since_finalized",
        lang.pick("定稿后的变化", "Changed since finalized"),
        vec![
            Column::new("figure", labels::field("figure", lang)),
            Column::new("old", labels::field("old", lang)),
            Column::new("new", labels::field("new", lang)),
        ],
    );
    for c in changes {
        s.push(vec![Cell::code(c.figure.clone()), value_cell("", &c.old, lang), value_cell("", &c.new, lang)]);
    }
    s
}

fn value_cell(key: &str, v: &Value, lang: Lang) -> Cell {
    match v {
        Value::Array(_) | Value::Object(_) => Cell::text(crate::render::cell_text(v)),
        other => labels::cell(key, other, lang, &Names::default()),
    }
}

/// The stored report as a document: its headline figures, then each list it holds as a
/// section, every field shown (the report as submitted, whatever the release reading it).
fn stored_doc(stored: &Value, title: String, lang: Lang) -> Doc {
    let mut doc = Doc::new(lang, title, stored.clone());
    let Some(top) = stored.as_object() else { return doc };
    let mut lists: Vec<(String, Vec<Value>)> = Vec::new();
    let mut add = |path: String, v: &Value, doc: &mut Doc| match v {
        Value::Array(items) if items.iter().all(Value::is_object) && !items.is_empty() => {
            lists.push((path, items.clone()))
        }
        Value::Array(items) if items.iter().all(|i| !i.is_object()) => {
            doc.figure(&path, labels::field(&path, lang).to_string(), Cell::text(crate::render::cell_text(v)))
        }
        Value::Object(_) | Value::Array(_) => {}
        scalar => doc.figure(&path, labels::field(&path, lang).to_string(), value_cell(&path, scalar, lang)),
    };
    for (k, v) in top {
        match v {
            Value::Object(inner) => {
                for (k2, v2) in inner {
                    add(format!("{k}.{k2}"), v2, &mut doc);
                }
            }
            v => add(k.clone(), v, &mut doc),
        }
    }
    for (path, items) in lists {
        let mut keys: Vec<String> = Vec::new();
        for item in items.iter().filter_map(Value::as_object) {
            for k in item.keys() {
                if !keys.contains(k) {
                    keys.push(k.clone());
                }
            }
        }
        let columns = keys.iter().map(|k| Column::new(k.clone(), labels::field(k, lang))).collect();
        let mut s = Section::new(&path, labels::field(&path, lang).to_string(), columns);
        for item in items.iter().filter_map(Value::as_object) {
            s.push(keys.iter().map(|k| value_cell(k, item.get(k).unwrap_or(&Value::Null), lang)).collect());
        }
        doc.sections.push(s);
    }
    doc
}

/// The report of a quarter to show: fresh when never finalized; the stored one with what
/// changed since when finalized; with `recompute`, the fresh one with the same comparison.
pub fn show(read: Reader<'_>, quarter: Quarter, ctx: &Ctx, recompute: bool) -> Result<Doc> {
    let (report, names, loaded) = compute(read, quarter, ctx.today)?;
    let mut doc = quarterly_doc(&report, &names, ctx.lang);
    let all = read.finalized(&quarter.to_string())?;
    let Some(latest) = all.last() else {
        let mut more = Map::new();
        more.insert("finalized".into(), json!(false));
        if recompute {
            more.insert("recomputed".into(), json!(true));
        }
        doc.json = merge(doc.json, more);
        return Ok(doc);
    };
    let stored: Value = serde_json::from_str(&latest.report)
        .map_err(|_| refuse(Msg::FinalizedUnreadable { quarter: quarter.to_string() }))?;
    let changes = changed_figures(&stored, &doc.json);
    let more = extras(&all, latest, &changes, &fingerprint(&loaded));
    if recompute {
        let mut more = more;
        more.insert("recomputed".into(), json!(true));
        doc.json = merge(doc.json, more);
        doc.subtitle = Some(finalized_line(latest, changes.len(), true, ctx.lang));
        doc.sections.insert(0, changes_section(&changes, ctx.lang));
        return Ok(doc);
    }
    let mut shown = stored_doc(&stored, doc.title.clone(), ctx.lang);
    shown.json = merge(stored, more);
    shown.subtitle = Some(finalized_line(latest, changes.len(), false, ctx.lang));
    shown.sections.insert(0, changes_section(&changes, ctx.lang));
    Ok(shown)
}

/// `--finalize`: stores the report of a quarter that is over and prints it as stored.
pub fn finalize(quarter: Quarter, reason: Option<String>, ctx: &Ctx) -> Result<()> {
    if quarter.end() > ctx.today {
        return Err(refuse(Msg::FinalizeNotOver { quarter: quarter.to_string(), end: quarter.end() }));
    }
    if ctx.format == crate::cli::Format::Xlsx && ctx.out.is_none() {
        return Err(super::usage(Msg::OutNeeded { format: "xlsx".into() }));
    }
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let q = quarter.to_string();
    let earlier = read.finalized(&q)?;
    if let (Some(last), None) = (earlier.last(), &reason) {
        return Err(refuse(Msg::FinalizeNeedsReason { quarter: q, at: last.at.clone() }));
    }
    let (report, names, loaded) = compute(read, quarter, ctx.today)?;
    let fingerprint = fingerprint(&loaded);
    let mut doc = quarterly_doc(&report, &names, ctx.lang);
    let text = serde_json::to_string(&doc.json)?;
    let id = tx.insert_finalized(&q, &text, &fingerprint, reason.as_deref())?;
    let after = json!({"quarter": q, "fingerprint": fingerprint, "reason": reason});
    tx.audit("finalize", "finalized_report", Some(id), None, Some(&after))?;
    let all = read.finalized(&q)?;
    if let Some(latest) = all.last() {
        doc.json = merge(doc.json, extras(&all, latest, &[], &fingerprint));
        doc.subtitle = Some(finalized_line(latest, 0, false, ctx.lang));
    }
    let mut bytes = Vec::new();
    crate::render::write_doc(&mut bytes, &doc, ctx.style())?;
    ctx.commit_then_write(tx, &bytes)
}
