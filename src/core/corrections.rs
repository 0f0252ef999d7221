//! Corrections made readable (issue 11): one record's history as field-by-field changes
//! computed from the audit's before/after images, and the figures of a finalized quarterly
//! report that today's records would change. Pure: JSON values in, changes out.

use serde_json::{Map, Value};

/// One field that an audit entry changed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Change {
    pub field: String,
    pub before: Value,
    pub after: Value,
}

/// Keys of an audit image that are not fields of the record: the correction's reason, and
/// the id (the history is of one record).
const NOT_FIELDS: &[&str] = &["id", "reason"];

/// The stored name of a field as the lists call it (`void_reason` is listed as `voided`).
fn field_name(key: &str) -> &str {
    match key {
        "void_reason" => "voided",
        other => other,
    }
}

fn object(v: Option<&Value>) -> Option<&Map<String, Value>> {
    v.and_then(Value::as_object)
}

/// The fields whose value differs between two images, in the order of the later image
/// (then fields only the earlier one had). A missing image or field is null: a record
/// added has every non-null field changed from null, a void changes `voided` from null.
pub fn diff(before: Option<&Value>, after: Option<&Value>) -> Vec<Change> {
    let empty = Map::new();
    let b = object(before).unwrap_or(&empty);
    let a = object(after).unwrap_or(&empty);
    let mut changes = Vec::new();
    let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
    for key in keys {
        if NOT_FIELDS.contains(&key.as_str()) {
            continue;
        }
        let old = b.get(key).cloned().unwrap_or(Value::Null);
        let new = a.get(key).cloned().unwrap_or(Value::Null);
        if old != new {
            changes.push(Change { field: field_name(key).to_string(), before: old, after: new });
        }
    }
    changes
}

/// The record as it was first stored, from its image now and the before-images of the
/// changes since (newest first undone): what an import wrote, which the import's own
/// audit entry (one for the whole batch) does not hold.
pub fn first_image(now: &Value, befores_newest_first: &[Option<&Value>]) -> Value {
    let mut state = now.as_object().cloned().unwrap_or_default();
    state.remove("voided");
    for before in befores_newest_first {
        if let Some(b) = object(*before) {
            for (k, v) in b {
                state.insert(k.clone(), v.clone());
            }
        }
    }
    state.remove("void_reason");
    Value::Object(state)
}

/// A figure of a finalized report that today's records give differently.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FigureChange {
    /// A path such as `targets.enterprise-filings.actual` or `outstanding_yuan`.
    pub figure: String,
    pub old: Value,
    pub new: Value,
}

/// The keys that name an element of a list, in the order tried: a target or milestone by
/// its code, an entitlement by its key, a fund by its code, a record by its id.
const ELEMENT_KEYS: &[&str] = &["code", "key", "fund", "id"];

/// Text leaves that are figures (a target's status); other text (labels, names) is words,
/// which differ by language and are no figure.
const TEXT_FIGURES: &[&str] = &["status"];

fn element_name(v: &Value) -> Option<String> {
    let o = v.as_object()?;
    ELEMENT_KEYS.iter().find_map(|k| match o.get(*k)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

/// A list of objects each named by one of `ELEMENT_KEYS`, as (name, element) pairs.
fn named(list: &[Value]) -> Option<Vec<(String, &Value)>> {
    list.iter().map(|v| element_name(v).map(|n| (n, v))).collect()
}

fn walk(path: &str, last_key: &str, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<FigureChange>) {
    let null = Value::Null;
    match (old.unwrap_or(&null), new.unwrap_or(&null)) {
        (Value::Object(a), Value::Object(b)) => walk_objects(path, Some(a), Some(b), out),
        (Value::Object(a), Value::Null) => walk_objects(path, Some(a), None, out),
        (Value::Null, Value::Object(b)) => walk_objects(path, None, Some(b), out),
        (Value::Array(a), Value::Array(b)) => match (named(a), named(b)) {
            (Some(a), Some(b)) => {
                let mut names: Vec<&String> = a.iter().map(|(n, _)| n).collect();
                names.extend(b.iter().map(|(n, _)| n).filter(|n| !a.iter().any(|(m, _)| m == *n)));
                for name in names {
                    let old = a.iter().find(|(n, _)| n == name).map(|(_, v)| *v);
                    let new = b.iter().find(|(n, _)| n == name).map(|(_, v)| *v);
                    walk(&join(path, name), "", old, new, out);
                }
            }
            // A list of plain values (the quarters missing a meeting) is one figure.
            _ if a != b => out.push(FigureChange {
                figure: path.to_string(),
                old: Value::Array(a.clone()),
                new: Value::Array(b.clone()),
            }),
            _ => {}
        },
        (Value::Array(a), Value::Null) => {
            walk(path, last_key, Some(&Value::Array(a.clone())), Some(&Value::Array(vec![])), out)
        }
        (Value::Null, Value::Array(b)) => {
            walk(path, last_key, Some(&Value::Array(vec![])), Some(&Value::Array(b.clone())), out)
        }
        (a, b) => {
            let figure = matches!(a, Value::Number(_) | Value::Bool(_))
                || matches!(b, Value::Number(_) | Value::Bool(_))
                || TEXT_FIGURES.contains(&last_key);
            if figure && a != b {
                out.push(FigureChange { figure: path.to_string(), old: a.clone(), new: b.clone() });
            }
        }
    }
}

fn walk_objects(
    path: &str,
    a: Option<&Map<String, Value>>,
    b: Option<&Map<String, Value>>,
    out: &mut Vec<FigureChange>,
) {
    let empty = Map::new();
    let (a, b) = (a.unwrap_or(&empty), b.unwrap_or(&empty));
    let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
    for key in keys {
        walk(&join(path, key), key, a.get(key), b.get(key), out);
    }
}

/// Every figure (number, yes/no, status) of a report that differs between the report as
/// finalized (`old`) and as recomputed (`new`), leaf by leaf: objects by key, lists of
/// targets, milestones, entitlements, funds and records by their code, key or id, so a path
/// reads `targets.enterprise-filings.actual`. An element on one side only has its figures
/// against null. Labels and names are words, not figures, and are left out.
pub fn changed_figures(old: &Value, new: &Value) -> Vec<FigureChange> {
    let mut out = Vec::new();
    walk("", "", Some(old), Some(new), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_diff_names_each_changed_field_with_its_values() {
        let before = json!({"id": 3, "unit": "甲", "filed_on": "2013-05-01", "title": "t", "batch": null});
        let after =
            json!({"id": 3, "unit": "甲", "filed_on": "2013-06-01", "title": "t2", "batch": null, "reason": "录错"});
        let changes = diff(Some(&before), Some(&after));
        assert_eq!(
            changes,
            vec![
                Change { field: "filed_on".into(), before: json!("2013-05-01"), after: json!("2013-06-01") },
                Change { field: "title".into(), before: json!("t"), after: json!("t2") },
            ]
        );
        // Added: every field with a value, from null; the id is the record's, not a change.
        let added = diff(None, Some(&before));
        let fields: Vec<&str> = added.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["unit", "filed_on", "title"]);
        // A void: `void_reason` is listed as `voided`.
        let voided = diff(None, Some(&json!({"void_reason": "重复"})));
        assert_eq!(voided, vec![Change { field: "voided".into(), before: Value::Null, after: json!("重复") }]);
        // A field only the earlier image had.
        let gone = diff(Some(&json!({"a": 1, "b": 2})), Some(&json!({"a": 1})));
        assert_eq!(gone, vec![Change { field: "b".into(), before: json!(2), after: Value::Null }]);
        assert!(diff(Some(&before), Some(&before)).is_empty());
    }

    #[test]
    fn the_first_image_undoes_the_later_changes() {
        let now = json!({"id": 1, "title": "new", "filed_on": "2013-06-01", "voided": "x"});
        let update = json!({"title": "mid", "filed_on": "2013-05-01"});
        let earlier = json!({"title": "first"});
        let first = first_image(&now, &[Some(&update), None, Some(&earlier)]);
        assert_eq!(first, json!({"id": 1, "title": "first", "filed_on": "2013-05-01"}));
    }

    #[test]
    fn changed_figures_are_paths_to_the_leaves_that_differ() {
        let old = json!({
            "quarter": "2014Q4", "outstanding_yuan": 250000, "meeting_held": true,
            "targets": [
                {"code": "enterprise-filings", "label": "备案", "actual": 3, "in_quarter": 1, "status": "behind"},
                {"code": "enterprise-reviews", "label": "复审", "actual": 2, "in_quarter": 0, "status": "behind"},
            ],
            "meetings": {"missing": ["2013Q2"]},
            "entitlements_arising": [],
            "activity": {"filings": 1},
        });
        let new = json!({
            "quarter": "2014Q4", "outstanding_yuan": 300000, "meeting_held": true,
            "targets": [
                {"code": "enterprise-filings", "label": "Filings", "actual": 4, "in_quarter": 2, "status": "on-track"},
                {"code": "enterprise-reviews", "label": "Reviews", "actual": 2, "in_quarter": 0, "status": "behind"},
            ],
            "meetings": {"missing": []},
            "entitlements_arising": [{"key": "municipal-project:project:2", "amount_yuan": 50000, "unit": "甲"}],
            "activity": {"filings": 2},
        });
        let got: Vec<(String, Value, Value)> =
            changed_figures(&old, &new).into_iter().map(|c| (c.figure, c.old, c.new)).collect();
        assert_eq!(
            got,
            vec![
                ("outstanding_yuan".into(), json!(250000), json!(300000)),
                ("targets.enterprise-filings.actual".into(), json!(3), json!(4)),
                ("targets.enterprise-filings.in_quarter".into(), json!(1), json!(2)),
                ("targets.enterprise-filings.status".into(), json!("behind"), json!("on-track")),
                ("meetings.missing".into(), json!(["2013Q2"]), json!([])),
                ("entitlements_arising.municipal-project:project:2.amount_yuan".into(), Value::Null, json!(50000)),
                ("activity.filings".into(), json!(1), json!(2)),
            ]
        );
        assert!(changed_figures(&old, &old).is_empty());
    }
}
