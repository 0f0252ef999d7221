//! Corrections (issue 11): import batches and their undoing, merging a duplicate unit into
//! the one kept, what `check` asks SQLite, the audit of one record, and finalized reports.

use anyhow::Result;
use rusqlite::{OptionalExtension, params};
use serde_json::{Value, json};

use super::{Reader, SqlResult, Tx};
use crate::core::check::{Dated, Finding, Issue};
use crate::core::model::Date;
use crate::core::records::{AuditEntry, Object};

fn collect<T>(rows: impl Iterator<Item = rusqlite::Result<T>>) -> Result<Vec<T>> {
    rows.collect::<rusqlite::Result<Vec<_>>>().sql()
}

/// An import batch as `list batches` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    pub id: i64,
    pub kind: String,
    pub file: String,
    pub encoding: String,
    pub sha256: Option<String>,
    pub at: String,
    pub user: String,
    pub added: i64,
    pub skipped: i64,
    pub rejected: i64,
    pub units_created: i64,
    pub undone_at: Option<String>,
    pub undo_reason: Option<String>,
}

impl Batch {
    /// The contract's fields first (issue 11), then the others.
    pub fn to_json(&self) -> Object {
        let v = json!({
            "id": self.id, "file": self.file, "sha256": self.sha256, "at": self.at, "user": self.user,
            "added": self.added, "skipped": self.skipped, "rejected": self.rejected,
            "units_created": self.units_created, "undone": self.undone_at.is_some(),
            "undo_reason": self.undo_reason, "kind": self.kind, "encoding": self.encoding,
            "undone_at": self.undone_at,
        });
        match v {
            Value::Object(m) => m,
            _ => Object::new(),
        }
    }
}

/// What undoing a batch voided.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Undone {
    pub filings: i64,
    pub reviews: i64,
    pub units: i64,
}

/// A unit voided by an undo: its image before, for the audit (its codes are released).
pub struct ReleasedUnit {
    pub id: i64,
    pub before: Object,
}

/// A finalized quarterly report as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finalized {
    pub id: i64,
    pub quarter: String,
    pub report: String,
    pub fingerprint: String,
    pub at: String,
    pub user: String,
    pub reason: Option<String>,
}

/// SQLite's own checks of the file, and of the per-day tables against the rows.
pub struct FileChecks {
    pub integrity: Vec<String>,
    pub foreign_keys: Vec<Finding>,
    pub day_counts: Vec<Finding>,
}

/// The unit columns the lists and the merge read, with the correction state.
const UNIT_JSON: &str = "SELECT id, name, uscc, org_code, kind, industry, location, void_reason, merged_into FROM unit";

impl Reader<'_> {
    pub fn batches(&self) -> Result<Vec<Batch>> {
        self.batches_where(None)
    }

    pub fn batch(&self, id: i64) -> Result<Option<Batch>> {
        Ok(self.batches_where(Some(id))?.into_iter().next())
    }

    fn batches_where(&self, id: Option<i64>) -> Result<Vec<Batch>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, kind, file, encoding, sha256, imported_at, os_user, rows_added, rows_skipped,
                        rows_rejected, units_created, undone_at, undo_reason
                 FROM import_batch WHERE ?1 IS NULL OR id = ?1 ORDER BY id",
            )
            .sql()?;
        collect(
            st.query_map(params![id], |r| {
                Ok(Batch {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    file: r.get(2)?,
                    encoding: r.get(3)?,
                    sha256: r.get(4)?,
                    at: r.get(5)?,
                    user: r.get(6)?,
                    added: r.get(7)?,
                    skipped: r.get(8)?,
                    rejected: r.get(9)?,
                    units_created: r.get(10)?,
                    undone_at: r.get(11)?,
                    undo_reason: r.get(12)?,
                })
            })
            .sql()?,
        )
    }

    /// The first live record outside the batch that refers to a unit the batch created:
    /// (its kind, its id, the unit's id). The undo is refused while there is one.
    pub fn undo_blocker(&self, batch: i64) -> Result<Option<(String, i64, i64)>> {
        self.conn
            .prepare_cached(
                "WITH u AS (SELECT id FROM unit WHERE batch_id = ?1 AND void_reason IS NULL)
                 SELECT 'filing', id, unit_id FROM filing
                   WHERE unit_id IN u AND void_reason IS NULL AND batch_id IS NOT ?1
                 UNION ALL SELECT 'review', id, unit_id FROM review
                   WHERE unit_id IN u AND void_reason IS NULL AND batch_id IS NOT ?1
                 UNION ALL SELECT 'standard', s.id, su.unit_id FROM standard_unit su JOIN standard s ON s.id = su.standard_id
                   WHERE su.unit_id IN u AND s.void_reason IS NULL
                 UNION ALL SELECT 'award', id, unit_id FROM award WHERE unit_id IN u AND void_reason IS NULL
                 UNION ALL SELECT 'project', id, unit_id FROM project WHERE unit_id IN u AND void_reason IS NULL
                 UNION ALL SELECT 'committee_seat', id, unit_id FROM committee_seat WHERE unit_id IN u AND void_reason IS NULL
                 UNION ALL SELECT 'payment', id, unit_id FROM payment WHERE unit_id IN u AND void_reason IS NULL
                 LIMIT 1",
            )
            .sql()?
            .query_row(params![batch], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()
            .sql()
    }

    /// Every unit as the list shows it: voided ones kept, with their reason and the unit a
    /// merged duplicate went into.
    pub fn unit_records(&self) -> Result<Vec<Object>> {
        let mut st = self.conn.prepare_cached(&format!("{UNIT_JSON} ORDER BY id")).sql()?;
        collect(st.query_map([], unit_object).sql()?)
    }

    pub fn unit_record(&self, id: i64) -> Result<Option<Object>> {
        self.conn
            .prepare_cached(&format!("{UNIT_JSON} WHERE id = ?1"))
            .sql()?
            .query_row(params![id], unit_object)
            .optional()
            .sql()
    }

    /// A unit's correction state: (void reason, merged into), when it is voided.
    pub fn unit_voided(&self, id: i64) -> Result<Option<(String, Option<i64>)>> {
        Ok(self
            .conn
            .prepare_cached("SELECT void_reason, merged_into FROM unit WHERE id = ?1")
            .sql()?
            .query_row(params![id], |r| Ok((r.get::<_, Option<String>>(0)?, r.get::<_, Option<i64>>(1)?)))
            .optional()
            .sql()?
            .and_then(|(reason, into)| reason.map(|r| (r, into))))
    }

    /// The voided unit a clerk's words name, by id, name, USCC or organisation code (for a
    /// refusal that says it was merged or voided).
    pub fn voided_unit_named(&self, id: Option<i64>, name_key: &str, code: &str) -> Result<Option<i64>> {
        self.conn
            .prepare_cached(
                "SELECT id FROM unit WHERE void_reason IS NOT NULL
                 AND (id = ?1 OR name_key = ?2 OR uscc = ?3 OR org_code = ?3) ORDER BY id LIMIT 1",
            )
            .sql()?
            .query_row(params![id, name_key, code], |r| r.get(0))
            .optional()
            .sql()
    }

    /// The audit entries of one record (kind as stored: `filing`, `committee_seat`,
    /// `import_batch`...), oldest first.
    pub fn audit_of(&self, record_kind: &str, id: i64) -> Result<Vec<AuditEntry>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, at, os_user, command, action, record_kind, record_id, before, after FROM audit
                 WHERE record_kind = ?1 AND record_id = ?2 ORDER BY id",
            )
            .sql()?;
        collect(
            st.query_map(params![record_kind, id], |r| {
                Ok(AuditEntry {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    os_user: r.get(2)?,
                    command: r.get(3)?,
                    action: r.get(4)?,
                    record_kind: r.get(5)?,
                    record_id: r.get(6)?,
                    before: r.get(7)?,
                    after: r.get(8)?,
                })
            })
            .sql()?,
        )
    }

    /// The import batch a filing, review or unit came in with.
    pub fn batch_of(&self, table: &str, id: i64) -> Result<Option<i64>> {
        let sql = match table {
            "filing" => "SELECT batch_id FROM filing WHERE id = ?1",
            "review" => "SELECT batch_id FROM review WHERE id = ?1",
            "unit" => "SELECT batch_id FROM unit WHERE id = ?1",
            _ => return Ok(None),
        };
        Ok(self.conn.prepare_cached(sql).sql()?.query_row(params![id], |r| r.get(0)).optional().sql()?.flatten())
    }

    // ----- finalized reports -----

    /// The finalizations of a quarter, oldest first.
    pub fn finalized(&self, quarter: &str) -> Result<Vec<Finalized>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, quarter, report, fingerprint, at, os_user, reason FROM finalized_report
                 WHERE quarter = ?1 ORDER BY id",
            )
            .sql()?;
        collect(
            st.query_map(params![quarter], |r| {
                Ok(Finalized {
                    id: r.get(0)?,
                    quarter: r.get(1)?,
                    report: r.get(2)?,
                    fingerprint: r.get(3)?,
                    at: r.get(4)?,
                    user: r.get(5)?,
                    reason: r.get(6)?,
                })
            })
            .sql()?,
        )
    }

    // ----- check -----

    /// `PRAGMA integrity_check`, `foreign_key_check`, and the per-day tables against the rows.
    pub fn file_checks(&self) -> Result<FileChecks> {
        let mut st = self.conn.prepare("PRAGMA integrity_check").sql()?;
        let integrity: Vec<String> =
            collect(st.query_map([], |r| r.get::<_, String>(0)).sql()?)?.into_iter().filter(|s| s != "ok").collect();
        let mut st = self.conn.prepare("PRAGMA foreign_key_check").sql()?;
        let foreign_keys = collect(
            st.query_map([], |r| {
                let table: String = r.get(0)?;
                let rowid: Option<i64> = r.get(1)?;
                let parent: String = r.get(2)?;
                Ok(Finding::new(format!("{table}:{}", rowid.unwrap_or_default()), Issue::ForeignKey { parent }))
            })
            .sql()?,
        )?;
        let mut day_counts = Vec::new();
        for (table, sql) in [
            (
                "filing_day",
                "WITH r AS (SELECT filed_on AS day, count(*) AS n FROM filing WHERE void_reason IS NULL GROUP BY filed_on)
                 SELECT day, coalesce((SELECT n FROM filing_day d WHERE d.day = r.day), 0), n FROM r
                 UNION SELECT d.day, d.n, coalesce((SELECT n FROM r WHERE r.day = d.day), 0) FROM filing_day d
                 ORDER BY 1",
            ),
            (
                "review_day",
                "WITH r AS (SELECT reviewed_on AS day, count(*) AS n FROM review WHERE void_reason IS NULL GROUP BY reviewed_on)
                 SELECT day, coalesce((SELECT n FROM review_day d WHERE d.day = r.day), 0), n FROM r
                 UNION SELECT d.day, d.n, coalesce((SELECT n FROM r WHERE r.day = d.day), 0) FROM review_day d
                 ORDER BY 1",
            ),
        ] {
            let mut st = self.conn.prepare(sql).sql()?;
            let rows = collect(
                st.query_map([], |r| Ok((r.get::<_, Date>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))).sql()?,
            )?;
            for (day, stored, rows) in rows.into_iter().filter(|(_, s, r)| s != r) {
                day_counts.push(Finding::new(format!("{table}:{day}"), Issue::DayCount { day, stored, rows }));
            }
        }
        Ok(FileChecks { integrity, foreign_keys, day_counts })
    }

    /// Live records dated after `today` (the dates-in-the-future check).
    pub fn dated_after(&self, today: Date) -> Result<Vec<Dated>> {
        let mut out = Vec::new();
        for (kind, field, sql) in [
            (
                "standard",
                "published_on",
                "SELECT id, published_on FROM standard WHERE void_reason IS NULL AND published_on > ?1",
            ),
            ("filing", "filed_on", "SELECT id, filed_on FROM filing WHERE void_reason IS NULL AND filed_on > ?1"),
            (
                "review",
                "reviewed_on",
                "SELECT id, reviewed_on FROM review WHERE void_reason IS NULL AND reviewed_on > ?1",
            ),
            ("award", "awarded_on", "SELECT id, awarded_on FROM award WHERE void_reason IS NULL AND awarded_on > ?1"),
            ("project", "passed_on", "SELECT id, passed_on FROM project WHERE void_reason IS NULL AND passed_on > ?1"),
            (
                "committee_seat",
                "since",
                "SELECT id, since FROM committee_seat WHERE void_reason IS NULL AND since > ?1",
            ),
            ("meeting", "held_on", "SELECT id, held_on FROM meeting WHERE void_reason IS NULL AND held_on > ?1"),
            ("payment", "paid_on", "SELECT id, paid_on FROM payment WHERE void_reason IS NULL AND paid_on > ?1"),
        ] {
            let mut st = self.conn.prepare(sql).sql()?;
            let rows =
                collect(st.query_map(params![today], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Date>(1)?))).sql()?)?;
            out.extend(rows.into_iter().map(|(id, date)| Dated { record: format!("{kind}:{id}"), field, date }));
        }
        Ok(out)
    }

    /// Stored amounts, for the bound check: payments and rule versions.
    pub fn stored_amounts(&self) -> Result<Vec<(String, i64)>> {
        let mut st = self
            .conn
            .prepare(
                "SELECT 'payment:' || id, amount_yuan FROM payment
                 UNION ALL SELECT 'rule_version:' || rule || ':' || effective_from, amount_yuan FROM rule_version",
            )
            .sql()?;
        collect(st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).sql()?)
    }

    /// Live standards with no district unit at all.
    pub fn standards_without_unit(&self) -> Result<Vec<i64>> {
        let mut st = self
            .conn
            .prepare(
                "SELECT id FROM standard s WHERE void_reason IS NULL
                 AND NOT EXISTS (SELECT 1 FROM standard_unit su WHERE su.standard_id = s.id) ORDER BY id",
            )
            .sql()?;
        collect(st.query_map([], |r| r.get(0)).sql()?)
    }
}

fn unit_object(r: &rusqlite::Row<'_>) -> rusqlite::Result<Object> {
    let v = json!({
        "id": r.get::<_, i64>(0)?, "name": r.get::<_, String>(1)?, "uscc": r.get::<_, Option<String>>(2)?,
        "org_code": r.get::<_, Option<String>>(3)?, "kind": r.get::<_, String>(4)?,
        "industry": r.get::<_, Option<String>>(5)?, "location": r.get::<_, Option<String>>(6)?,
        "voided": r.get::<_, Option<String>>(7)?, "merged_into": r.get::<_, Option<i64>>(8)?,
    });
    Ok(match v {
        Value::Object(m) => m,
        _ => Object::new(),
    })
}

impl Tx<'_> {
    /// Undoes an import: voids what the batch added that is still live (filings, reviews,
    /// units) with the reason, takes the per-day counts back and marks the batch undone.
    /// The units it voids release their name and codes, so the same file can be imported
    /// again; their images before are returned for the audit. Records voided on their own
    /// before keep their own reason.
    pub fn undo_batch(&self, batch: i64, reason: &str) -> Result<(Undone, Vec<ReleasedUnit>)> {
        let mut undone = Undone::default();
        for (day_sql, void_sql, table) in [
            (
                "SELECT filed_on, count(*) FROM filing WHERE batch_id = ?1 AND void_reason IS NULL GROUP BY filed_on",
                "UPDATE filing SET void_reason = ?2 WHERE batch_id = ?1 AND void_reason IS NULL",
                super::DayTable::Filing,
            ),
            (
                "SELECT reviewed_on, count(*) FROM review WHERE batch_id = ?1 AND void_reason IS NULL GROUP BY reviewed_on",
                "UPDATE review SET void_reason = ?2 WHERE batch_id = ?1 AND void_reason IS NULL",
                super::DayTable::Review,
            ),
        ] {
            let mut st = self.tx.prepare(day_sql).sql()?;
            let days =
                collect(st.query_map(params![batch], |r| Ok((r.get::<_, Date>(0)?, r.get::<_, i64>(1)?))).sql()?)?;
            for (day, n) in &days {
                self.add_to_day(table, *day, -n)?;
            }
            let n = self.tx.execute(void_sql, params![batch, reason]).sql()? as i64;
            match table {
                super::DayTable::Filing => undone.filings = n,
                super::DayTable::Review => undone.reviews = n,
            }
        }
        let mut st =
            self.tx.prepare(&format!("{UNIT_JSON} WHERE batch_id = ?1 AND void_reason IS NULL ORDER BY id")).sql()?;
        let units = collect(st.query_map(params![batch], unit_object).sql()?)?;
        let mut released = Vec::new();
        for before in units {
            let Some(id) = before.get("id").and_then(Value::as_i64) else { continue };
            // The name key gets a prefix no typed name can have (control characters are
            // refused), so a unit of the same name can be created again.
            self.tx
                .execute(
                    "UPDATE unit SET void_reason = ?2, uscc = NULL, org_code = NULL,
                     name_key = char(1) || 'undone:' || id || ':' || name_key WHERE id = ?1",
                    params![id, reason],
                )
                .sql()?;
            released.push(ReleasedUnit { id, before });
        }
        undone.units = released.len() as i64;
        self.tx
            .execute(
                "UPDATE import_batch SET undone_at = ?2, undo_reason = ?3 WHERE id = ?1",
                params![batch, self.ctx.at, reason],
            )
            .sql()?;
        Ok((undone, released))
    }

    pub fn unit_record(&self, id: i64) -> Result<Option<Object>> {
        self.read().unit_record(id)
    }

    /// A live review of the duplicate that the unit kept has too (same standard and date):
    /// (the duplicate's, the kept unit's). Merging them would make one review two.
    pub fn merge_review_clash(&self, keep: i64, dup: i64) -> Result<Option<(i64, i64)>> {
        self.tx
            .query_row(
                "SELECT d.id, k.id FROM review d JOIN review k
                   ON k.unit_id = ?1 AND k.number = d.number AND k.reviewed_on = d.reviewed_on AND k.void_reason IS NULL
                 WHERE d.unit_id = ?2 AND d.void_reason IS NULL ORDER BY d.id LIMIT 1",
                params![keep, dup],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .sql()
    }

    /// The records of a unit, voided or not, by kind (for the audit of a merge).
    pub fn records_of_unit(&self, unit: i64) -> Result<Vec<(&'static str, i64)>> {
        let mut out = Vec::new();
        for (kind, sql) in [
            ("standard", "SELECT DISTINCT standard_id FROM standard_unit WHERE unit_id = ?1 ORDER BY 1"),
            ("filing", "SELECT id FROM filing WHERE unit_id = ?1 ORDER BY id"),
            ("review", "SELECT id FROM review WHERE unit_id = ?1 ORDER BY id"),
            ("award", "SELECT id FROM award WHERE unit_id = ?1 ORDER BY id"),
            ("project", "SELECT id FROM project WHERE unit_id = ?1 ORDER BY id"),
            ("committee_seat", "SELECT id FROM committee_seat WHERE unit_id = ?1 ORDER BY id"),
            ("payment", "SELECT id FROM payment WHERE unit_id = ?1 ORDER BY id"),
        ] {
            let mut st = self.tx.prepare(sql).sql()?;
            let ids: Vec<i64> = collect(st.query_map(params![unit], |r| r.get(0)).sql()?)?;
            out.extend(ids.into_iter().map(|id| (kind, id)));
        }
        Ok(out)
    }

    /// Merges the duplicate into the unit kept: every record of the duplicate (standards'
    /// lead and participant rows, filings, reviews, awards, projects, seats, payments) becomes
    /// the kept unit's; on a standard both drafted, the kept unit keeps the stronger role. The
    /// duplicate is voided with the reason and points to the unit kept, its codes handed over
    /// (`codes`: what the kept unit is to hold). Units merged into the duplicate before now
    /// point to the unit kept.
    pub fn merge_units(&self, keep: i64, dup: i64, reason: &str, codes: (Option<&str>, Option<&str>)) -> Result<()> {
        let t = &self.tx;
        let both_lead: Vec<i64> = {
            let mut st = t
                .prepare(
                    "SELECT d.standard_id FROM standard_unit d JOIN standard_unit k
                       ON k.standard_id = d.standard_id AND k.unit_id = ?1
                     WHERE d.unit_id = ?2 AND d.role = 'lead'",
                )
                .sql()?;
            collect(st.query_map(params![keep, dup], |r| r.get(0)).sql()?)?
        };
        t.execute(
            "DELETE FROM standard_unit WHERE unit_id = ?2
             AND standard_id IN (SELECT standard_id FROM standard_unit WHERE unit_id = ?1)",
            params![keep, dup],
        )
        .sql()?;
        for s in both_lead {
            t.execute(
                "UPDATE standard_unit SET role = 'lead', ordinal = 0 WHERE standard_id = ?1 AND unit_id = ?2",
                params![s, keep],
            )
            .sql()?;
        }
        for sql in [
            "UPDATE standard_unit SET unit_id = ?1 WHERE unit_id = ?2",
            "UPDATE filing SET unit_id = ?1 WHERE unit_id = ?2",
            "UPDATE review SET unit_id = ?1 WHERE unit_id = ?2",
            "UPDATE award SET unit_id = ?1 WHERE unit_id = ?2",
            "UPDATE project SET unit_id = ?1 WHERE unit_id = ?2",
            "UPDATE committee_seat SET unit_id = ?1 WHERE unit_id = ?2",
            "UPDATE payment SET unit_id = ?1 WHERE unit_id = ?2",
            "UPDATE unit SET merged_into = ?1 WHERE merged_into = ?2",
        ] {
            t.execute(sql, params![keep, dup]).sql()?;
        }
        t.execute(
            "UPDATE unit SET void_reason = ?2, merged_into = ?3, uscc = NULL, org_code = NULL WHERE id = ?1",
            params![dup, reason, keep],
        )
        .sql()?;
        t.execute("UPDATE unit SET uscc = ?2, org_code = ?3 WHERE id = ?1", params![keep, codes.0, codes.1]).sql()?;
        Ok(())
    }

    /// Stores a finalized report; returns its id.
    pub fn insert_finalized(
        &self,
        quarter: &str,
        report: &str,
        fingerprint: &str,
        reason: Option<&str>,
    ) -> Result<i64> {
        self.tx
            .execute(
                "INSERT INTO finalized_report (quarter, report, fingerprint, at, os_user, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![quarter, report, fingerprint, self.ctx.at, self.ctx.os_user, reason],
            )
            .sql()?;
        Ok(self.tx.last_insert_rowid())
    }

    /// The time stamped on this write's audit entries.
    pub fn at(&self) -> &str {
        &self.ctx.at
    }
}
