//! `stdtrack history KIND ID`: every change to one record, oldest first: who, when, the
//! command line, the reason, and the fields that changed (computed from the audit's before
//! and after images, never shown raw).
//!
//! An imported filing, review or unit has no audit entry of its own for the import or its
//! undoing (one entry covers the whole batch): its history takes them from its batch, the
//! import with the record as it was first stored, the undo with its reason when the undo
//! is what voided it.

use anyhow::Result;
use serde_json::{Value, json};

use super::{Ctx, id_arg};
use crate::cli::{HistoryArgs, HistoryKind};
use crate::core::corrections::{Change, diff, first_image};
use crate::core::records::{AuditEntry, ToJson};
use crate::error::{Msg, refuse};
use crate::render::doc::{Cell, Column, Doc, Section};
use crate::render::{Lang, Names, labels};
use crate::store::{ListFilter, Reader};

/// One entry of a record's history.
struct Entry {
    audit_id: i64,
    at: String,
    user: String,
    command: String,
    action: String,
    reason: Option<String>,
    changes: Vec<Change>,
}

fn parse(s: &Option<String>) -> Option<Value> {
    s.as_deref().map(|t| serde_json::from_str(t).unwrap_or(Value::String(t.to_string())))
}

/// The reason a change was made, as its audit image keeps it.
fn reason_of(action: &str, after: Option<&Value>) -> Option<String> {
    let after = after?.as_object()?;
    let key = if action == "void" { "void_reason" } else { "reason" };
    after.get(key).or_else(|| after.get("reason")).and_then(Value::as_str).map(str::to_string)
}

fn entry(e: &AuditEntry, changes: Vec<Change>, reason: Option<String>) -> Entry {
    Entry {
        audit_id: e.id,
        at: e.at.clone(),
        user: e.os_user.clone(),
        command: e.command.clone(),
        action: e.action.clone(),
        reason,
        changes,
    }
}

/// The stored kind of a record and its image now (None: no such record).
fn current(read: Reader<'_>, kind: HistoryKind, id: i64) -> Result<(&'static str, Option<Value>)> {
    let obj = |o: crate::core::records::Object| Value::Object(o);
    Ok(match kind {
        HistoryKind::Unit => ("unit", read.unit_record(id)?.map(obj)),
        HistoryKind::Standard => ("standard", read.standard(id)?.map(|r| obj(r.to_json()))),
        HistoryKind::Filing => ("filing", read.filing(id)?.map(|r| obj(r.to_json()))),
        HistoryKind::Review => ("review", read.review(id)?.map(|r| obj(r.to_json()))),
        HistoryKind::Award => ("award", read.award(id)?.map(|r| obj(r.to_json()))),
        HistoryKind::Project => ("project", read.project(id)?.map(|r| obj(r.to_json()))),
        HistoryKind::Committee => ("committee_seat", read.seat(id)?.map(|r| obj(r.to_json()))),
        HistoryKind::Meeting => ("meeting", read.meeting(id)?.map(|r| obj(r.to_json()))),
        HistoryKind::Payment => (
            "payment",
            read.payment_records(&ListFilter::default(), Some(id))?.into_iter().next().map(|r| obj(r.to_json())),
        ),
        HistoryKind::Batch => ("import_batch", read.batch(id)?.map(|b| obj(b.to_json()))),
    })
}

fn history(read: Reader<'_>, kind: HistoryKind, id: i64) -> Result<Vec<Entry>> {
    let (record_kind, now) = current(read, kind, id)?;
    let now = now.ok_or_else(|| refuse(Msg::RecordNotFound { kind: record_kind.into(), id }))?;
    let own = read.audit_of(record_kind, id)?;
    let mut entries: Vec<Entry> = own
        .iter()
        .map(|e| {
            let (before, after) = (parse(&e.before), parse(&e.after));
            let reason = reason_of(&e.action, after.as_ref());
            entry(e, diff(before.as_ref(), after.as_ref()), reason)
        })
        .collect();
    if let Some(batch) = read.batch_of(record_kind, id)? {
        let befores: Vec<Option<Value>> = own.iter().rev().map(|e| parse(&e.before)).collect();
        let refs: Vec<Option<&Value>> = befores.iter().map(Option::as_ref).collect();
        let voided_own = own.iter().any(|e| e.action == "void" || e.action == "undo-import");
        let voided = now.get("voided").is_some_and(|v| !v.is_null());
        for e in read.audit_of("import_batch", batch)? {
            match e.action.as_str() {
                "import" => {
                    let first = first_image(&now, &refs);
                    entries.push(entry(&e, diff(None, Some(&first)), None));
                }
                "undo-import" if voided && !voided_own => {
                    let reason = reason_of(&e.action, parse(&e.after).as_ref());
                    let change = Change {
                        field: "voided".into(),
                        before: Value::Null,
                        after: reason.clone().map_or(Value::Null, Value::String),
                    };
                    entries.push(entry(&e, vec![change], reason));
                }
                _ => {}
            }
        }
    }
    entries.sort_by_key(|e| e.audit_id);
    Ok(entries)
}

fn to_json(entries: &[Entry]) -> Value {
    Value::Array(
        entries
            .iter()
            .map(|e| {
                json!({
                    "at": e.at, "user": e.user, "command": e.command, "action": e.action, "reason": e.reason,
                    "changes": e.changes.iter().map(|c| json!({"field": c.field, "before": c.before, "after": c.after}))
                        .collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}

/// A value as a reader sees it: words in the reader's language, lists joined.
fn shown(field: &str, v: &Value, lang: Lang) -> Cell {
    match v {
        Value::Null => Cell::Empty,
        Value::Number(n) => n.as_i64().map_or_else(|| Cell::text(n.to_string()), Cell::Int),
        // A set of figures (what an undo voided): each named, never raw JSON.
        Value::Object(m) => Cell::text(
            m.iter()
                .map(|(k, v)| format!("{}: {}", labels::list_title(k, lang), crate::render::cell_text(v)))
                .collect::<Vec<_>>()
                .join(lang.pick("，", ", ")),
        ),
        other => Cell::text(
            labels::value(field, other, lang, &Names::default()).unwrap_or_else(|| crate::render::cell_text(other)),
        ),
    }
}

fn doc(kind: HistoryKind, id: i64, entries: &[Entry], lang: Lang) -> Doc {
    let what = crate::render::messages::record_kind(lang, kind_name(kind));
    let title = match lang {
        Lang::Zh => format!("{what} #{id} 的改动记录"),
        Lang::En => format!("History of {what} #{id}"),
    };
    let mut doc = Doc::new(lang, title, to_json(entries));
    let mut s = Section::new(
        "history",
        lang.pick("改动", "Changes"),
        vec![
            Column::new("at", labels::field("at", lang)),
            Column::new("user", labels::field("user", lang)),
            Column::new("action", lang.pick("操作", "action")),
            Column::new("field", labels::word("field", lang)),
            Column::new("before", labels::field("before", lang)),
            Column::new("after", labels::field("after", lang)),
            Column::new("reason", labels::field("reason", lang)),
            Column::new("command", labels::field("command", lang)),
        ],
    );
    for e in entries {
        let action = labels::value("action", &Value::String(e.action.clone()), lang, &Names::default())
            .unwrap_or_else(|| e.action.clone());
        let head = |first: bool| -> Vec<Cell> {
            if first {
                vec![Cell::text(e.at.clone()), Cell::text(e.user.clone()), Cell::word(e.action.clone(), action.clone())]
            } else {
                vec![Cell::Empty, Cell::Empty, Cell::Empty]
            }
        };
        let tail = |first: bool| -> Vec<Cell> {
            if first {
                vec![Cell::opt_text(e.reason.clone()), Cell::text(e.command.clone())]
            } else {
                vec![Cell::Empty, Cell::Empty]
            }
        };
        if e.changes.is_empty() {
            let mut row = head(true);
            row.extend([Cell::Empty, Cell::Empty, Cell::Empty]);
            row.extend(tail(true));
            s.push(row);
        }
        for (i, c) in e.changes.iter().enumerate() {
            let mut row = head(i == 0);
            row.extend([
                Cell::word(c.field.clone(), labels::field(&c.field, lang)),
                shown(&c.field, &c.before, lang),
                shown(&c.field, &c.after, lang),
            ]);
            row.extend(tail(i == 0));
            s.push(row);
        }
    }
    doc.sections.push(s);
    doc
}

fn kind_name(kind: HistoryKind) -> &'static str {
    match kind {
        HistoryKind::Unit => "unit",
        HistoryKind::Standard => "standard",
        HistoryKind::Filing => "filing",
        HistoryKind::Review => "review",
        HistoryKind::Award => "award",
        HistoryKind::Project => "project",
        HistoryKind::Committee => "committee_seat",
        HistoryKind::Meeting => "meeting",
        HistoryKind::Payment => "payment",
        HistoryKind::Batch => "batch",
    }
}

pub fn run(a: HistoryArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("history", crate::cli::formats_of("history"))?;
    let id = id_arg("ID", &a.id)?;
    let mut store = ctx.open_read()?;
    let snapshot = store.snapshot()?;
    let entries = history(snapshot.read(), a.kind, id)?;
    ctx.emit_doc("history", &doc(a.kind, id, &entries, ctx.lang))
}
