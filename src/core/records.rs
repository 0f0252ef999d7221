//! Records as stored and listed. Each turns into one JSON object whose field names are the
//! ones CLI.md promises; the table, CSV and markdown renderers print the same objects, and
//! the audit log keeps them as before/after images.

use serde_json::{Map, Value, json};

use super::model::*;

pub type Object = Map<String, Value>;

/// The JSON image of a record, fields in the order CLI.md lists them.
pub trait ToJson {
    fn to_json(&self) -> Object;
}

fn date(d: Option<Date>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

fn text(s: &Option<String>) -> Value {
    s.as_ref().map_or(Value::Null, |s| Value::String(s.clone()))
}

/// A record with its correction state: a voided record is kept, with its reason, and never counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded<T> {
    pub record: T,
    pub void_reason: Option<String>,
}

impl<T: ToJson> ToJson for Recorded<T> {
    fn to_json(&self) -> Object {
        let mut m = self.record.to_json();
        m.insert("voided".into(), text(&self.void_reason));
        m
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: i64,
    pub name: String,
    pub uscc: Option<String>,
    pub org_code: Option<String>,
    pub kind: UnitKind,
    pub industry: Option<String>,
    pub location: Option<String>,
}

impl Unit {
    pub fn as_ref(&self) -> UnitRef {
        UnitRef { id: self.id, name: self.name.clone(), kind: self.kind }
    }
}

impl ToJson for Unit {
    fn to_json(&self) -> Object {
        let v = json!({
            "id": self.id, "name": self.name, "uscc": self.uscc, "org_code": self.org_code,
            "kind": self.kind.as_str(), "industry": self.industry, "location": self.location,
        });
        into_object(v)
    }
}

fn into_object(v: Value) -> Object {
    match v {
        Value::Object(m) => m,
        _ => Object::new(),
    }
}

impl ToJson for StandardFact {
    fn to_json(&self) -> Object {
        let v = json!({
            "id": self.id, "number": self.number, "title": self.title,
            "level": self.level.as_str(), "action": self.action.as_str(), "status": self.status.as_str(),
            "published_on": date(self.published_on),
            "lead": self.lead.as_ref().map(|u| u.name.clone()),
            "lead_id": self.lead.as_ref().map(|u| u.id),
            "participants": self.participants.iter().map(|u| u.name.clone()).collect::<Vec<_>>(),
            "participant_ids": self.participants.iter().map(|u| u.id).collect::<Vec<_>>(),
            "adopts": self.adoption.as_ref().map(|a| a.adopts.clone()),
            "adoption_degree": self.adoption.as_ref().map(|a| a.degree.as_str()),
        });
        into_object(v)
    }
}

/// A unit's codes, listed with its filings and reviews so that an export of them carries the
/// unit's identity and imports back as it is (issue 10).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitCodes {
    pub uscc: Option<String>,
    pub org_code: Option<String>,
}

impl UnitCodes {
    pub fn of(unit: &Unit) -> UnitCodes {
        UnitCodes { uscc: unit.uscc.clone(), org_code: unit.org_code.clone() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filing {
    pub id: i64,
    pub unit: UnitRef,
    pub codes: UnitCodes,
    pub number: String,
    pub title: String,
    pub filing_no: String,
    pub filed_on: Date,
    /// 备注.
    pub remark: Option<String>,
    pub batch_id: Option<i64>,
}

impl ToJson for Filing {
    fn to_json(&self) -> Object {
        // The fields issue 10 added come after the earlier ones, so a script reading columns by
        // position still finds them.
        into_object(json!({
            "id": self.id, "unit": self.unit.name, "unit_id": self.unit.id, "number": self.number,
            "title": self.title, "filing_no": self.filing_no, "filed_on": self.filed_on.to_string(),
            "batch": self.batch_id, "uscc": self.codes.uscc, "org_code": self.codes.org_code,
            "remark": self.remark,
        }))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub id: i64,
    pub unit: UnitRef,
    pub codes: UnitCodes,
    pub number: String,
    pub filing_no: Option<String>,
    pub reviewed_on: Date,
    pub outcome: Outcome,
    /// 备注.
    pub remark: Option<String>,
    pub batch_id: Option<i64>,
}

impl ToJson for Review {
    fn to_json(&self) -> Object {
        into_object(json!({
            "id": self.id, "unit": self.unit.name, "unit_id": self.unit.id, "number": self.number,
            "filing_no": self.filing_no, "reviewed_on": self.reviewed_on.to_string(),
            "outcome": self.outcome.as_str(), "batch": self.batch_id, "uscc": self.codes.uscc,
            "org_code": self.codes.org_code, "remark": self.remark,
        }))
    }
}

impl ToJson for AwardFact {
    fn to_json(&self) -> Object {
        into_object(json!({
            "id": self.id, "unit": self.unit.name, "unit_id": self.unit.id, "kind": self.kind.as_str(),
            "awarded_on": self.awarded_on.to_string(), "grade": self.grade, "title": self.title,
        }))
    }
}

impl ToJson for ProjectFact {
    fn to_json(&self) -> Object {
        into_object(json!({
            "id": self.id, "unit": self.unit.name, "unit_id": self.unit.id, "name": self.name,
            "passed_on": self.passed_on.to_string(),
        }))
    }
}

impl ToJson for SeatFact {
    fn to_json(&self) -> Object {
        into_object(json!({
            "id": self.id, "unit": self.unit.name, "unit_id": self.unit.id, "committee": self.committee,
            "role": self.role.as_str(), "since": self.since.to_string(),
        }))
    }
}

/// A committee seat with its optional committee name, as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    pub fact: SeatFact,
    pub name: Option<String>,
}

impl ToJson for Seat {
    fn to_json(&self) -> Object {
        let mut m = self.fact.to_json();
        m.insert("name".into(), text(&self.name));
        m
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub id: i64,
    pub held_on: Date,
    pub title: Option<String>,
    pub notes: Option<String>,
}

impl ToJson for Meeting {
    fn to_json(&self) -> Object {
        into_object(json!({
            "id": self.id, "held_on": self.held_on.to_string(), "title": self.title, "notes": self.notes,
        }))
    }
}

impl ToJson for MilestoneFact {
    fn to_json(&self) -> Object {
        into_object(json!({
            "code": self.code, "label_zh": self.label_zh, "label_en": self.label_en, "owner": self.owner,
            "status": self.status.as_str(), "done_on": date(self.done_on), "note": self.note,
            "recurring": self.recurring.as_str(),
        }))
    }
}

impl ToJson for Payment {
    fn to_json(&self) -> Object {
        into_object(json!({
            "id": self.id, "key": self.key, "unit": self.unit, "unit_id": self.unit_id,
            "amount_yuan": self.amount_yuan, "paid_on": self.paid_on.to_string(), "voucher": self.voucher,
        }))
    }
}

/// One audit entry: who did what to which record, with JSON images before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub os_user: String,
    pub command: String,
    pub action: String,
    pub record_kind: String,
    pub record_id: Option<i64>,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl ToJson for AuditEntry {
    fn to_json(&self) -> Object {
        let parse = |s: &Option<String>| {
            s.as_deref()
                .map(|t| serde_json::from_str::<Value>(t).unwrap_or(Value::String(t.to_string())))
                .unwrap_or(Value::Null)
        };
        into_object(json!({
            "id": self.id, "at": self.at, "user": self.os_user, "command": self.command,
            "action": self.action, "record_kind": self.record_kind, "record_id": self.record_id,
            "before": parse(&self.before), "after": parse(&self.after),
        }))
    }
}
