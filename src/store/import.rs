//! The import's writes: its batch row, and filings and reviews inserted unless one with the
//! same key is stored (in the database or earlier in the same file, since both are in the
//! one open transaction). Statements are prepared once per import and reused for every row.

use std::collections::HashMap;

use anyhow::Result;
use chrono::Datelike;
use rusqlite::{CachedStatement, OptionalExtension, params};

use super::{AuditCtx, SqlResult, Store, Tx};
use crate::core::model::{Date, Outcome};

/// What an import did, as stored on its batch row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchCounts {
    pub added: u64,
    pub skipped: u64,
    pub rejected: u64,
    pub units_created: u64,
}

/// A filing already stored under a filing number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFiling {
    pub id: i64,
    pub unit_id: i64,
    pub number: String,
    pub title: String,
    pub filed_on: Date,
    pub batch_id: Option<i64>,
    pub voided: bool,
}

/// A review already stored for a unit, standard number and date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReview {
    pub id: i64,
    pub filing_no: Option<String>,
    pub outcome: Outcome,
    pub batch_id: Option<i64>,
    pub voided: bool,
}

/// A voided filing: an import meeting it again skips the row (a correction is not undone by
/// re-importing the file it came from).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoidedFiling {
    pub id: i64,
    pub filing_no: String,
    pub unit_id: i64,
    pub number: String,
    pub title: String,
    pub filed_on: Date,
    pub reason: String,
    /// The day of its `void` audit entry, if it has one.
    pub voided_on: Option<Date>,
}

/// A voided review, likewise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoidedReview {
    pub id: i64,
    pub unit_id: i64,
    pub number: String,
    pub reviewed_on: Date,
    pub outcome: Outcome,
    pub filing_no: Option<String>,
    pub reason: String,
    pub voided_on: Option<Date>,
}

/// Records voided on their own (a correction), which an import of their file again must not
/// bring back; not those voided by the undo of their batch (`undo-import`: the clerk's
/// decision to replace the file), told apart by the batch's `undone_at` and the absence of a
/// `void` audit entry of the record itself.
fn voided_on_its_own(alias: &str, kind: &str) -> String {
    format!(
        "{alias}.void_reason IS NOT NULL AND NOT (
            EXISTS (SELECT 1 FROM import_batch b WHERE b.id = {alias}.batch_id AND b.undone_at IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.action = 'void' AND a.record_kind = '{kind}'
                            AND a.record_id = {alias}.id))"
    )
}

/// ISO text of a date without going through a formatter: this runs once per imported row.
fn iso(d: Date, buf: &mut [u8; 10]) -> &str {
    let (y, m, day) = (d.year().clamp(0, 9999) as u32, d.month(), d.day());
    let digits = [y / 1000, y / 100 % 10, y / 10 % 10, y % 10, 0, m / 10, m % 10, 0, day / 10, day % 10];
    for (slot, v) in buf.iter_mut().zip(digits) {
        *slot = b'0' + v as u8;
    }
    buf[4] = b'-';
    buf[7] = b'-';
    std::str::from_utf8(buf).unwrap_or("0000-00-00")
}

impl Store {
    /// Starts an import's write: `BEGIN IMMEDIATE` like every write, with foreign-key
    /// enforcement off for this connection until [`Store::end_import`]. The import only writes
    /// references it just made safe in the same transaction: unit ids read from the unit table
    /// or inserted by it, and the batch row it inserted first; BEGIN IMMEDIATE keeps every other
    /// writer out until commit, so nothing can remove them. The per-row parent lookups (and the
    /// statement journal SQLite keeps for a statement that may fail them) were a quarter of the
    /// import's SQLite time. Durability settings (journal, synchronous) are unchanged.
    pub fn begin_import<'a>(&'a mut self, ctx: &'a AuditCtx) -> Result<Tx<'a>> {
        // Only takes effect outside a transaction, so it is set before BEGIN.
        self.conn.pragma_update(None, "foreign_keys", "OFF").sql()?;
        self.begin(ctx)
    }

    /// Puts foreign-key enforcement back on after an import (committed or not).
    pub fn end_import(&mut self) -> Result<()> {
        self.conn.pragma_update(None, "foreign_keys", "ON").sql()
    }
}

impl Tx<'_> {
    /// Page cache for this connection, in MiB. A bulk import touches every page of the filing
    /// indexes; the default 2 MiB cache makes SQLite spill and re-read them for each row.
    /// Memory only: durability (journal, synchronous) is unchanged.
    pub fn set_cache_mib(&self, mib: i64) -> Result<()> {
        self.tx.pragma_update(None, "cache_size", -mib * 1024).sql()
    }

    pub fn insert_import_batch(&self, kind: &str, file: &str, encoding: &str, sha256: Option<&str>) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO import_batch (kind, file, encoding, imported_at, os_user, sha256)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .sql()?
            .execute(params![kind, file, encoding, self.ctx.at, self.ctx.os_user, sha256])
            .sql()?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn finish_import_batch(&self, id: i64, c: &BatchCounts) -> Result<()> {
        let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        self.tx
            .prepare_cached(
                "UPDATE import_batch SET rows_added = ?2, rows_skipped = ?3, rows_rejected = ?4, units_created = ?5
                 WHERE id = ?1",
            )
            .sql()?
            .execute(params![id, n(c.added), n(c.skipped), n(c.rejected), n(c.units_created)])
            .sql()?;
        Ok(())
    }

    /// Every filing voided on its own (few: voids are corrections; those an undone import
    /// voided are left out, see `voided_on_its_own`). The numbers' unique indexes cover live
    /// records only, so these are read once, by a scan, rather than looked up per row.
    pub fn voided_filings(&self) -> Result<Vec<VoidedFiling>> {
        let mut st = self
            .tx
            .prepare_cached(&format!(
                "SELECT id, filing_no, unit_id, number, title, filed_on, void_reason FROM filing f
                     WHERE {} ORDER BY id",
                voided_on_its_own("f", "filing")
            ))
            .sql()?;
        let rows = st
            .query_map([], |r| {
                Ok(VoidedFiling {
                    id: r.get(0)?,
                    filing_no: r.get(1)?,
                    unit_id: r.get(2)?,
                    number: r.get(3)?,
                    title: r.get(4)?,
                    filed_on: r.get(5)?,
                    reason: r.get(6)?,
                    voided_on: None,
                })
            })
            .sql()?;
        let mut voided = rows.collect::<rusqlite::Result<Vec<_>>>().sql()?;
        if !voided.is_empty() {
            let days = self.void_days("filing")?;
            for v in &mut voided {
                v.voided_on = days.get(&v.id).copied();
            }
        }
        Ok(voided)
    }

    /// Every review voided on its own.
    pub fn voided_reviews(&self) -> Result<Vec<VoidedReview>> {
        let mut st = self
            .tx
            .prepare_cached(&format!(
                "SELECT id, unit_id, number, reviewed_on, outcome, filing_no, void_reason FROM review r
                     WHERE {} ORDER BY id",
                voided_on_its_own("r", "review")
            ))
            .sql()?;
        let rows = st
            .query_map([], |r| {
                Ok(VoidedReview {
                    id: r.get(0)?,
                    unit_id: r.get(1)?,
                    number: r.get(2)?,
                    reviewed_on: r.get(3)?,
                    outcome: r.get(4)?,
                    filing_no: r.get(5)?,
                    reason: r.get(6)?,
                    voided_on: None,
                })
            })
            .sql()?;
        let mut voided = rows.collect::<rusqlite::Result<Vec<_>>>().sql()?;
        if !voided.is_empty() {
            let days = self.void_days("review")?;
            for v in &mut voided {
                v.voided_on = days.get(&v.id).copied();
            }
        }
        Ok(voided)
    }

    /// The day each record of a kind was voided: its latest `void` audit entry (`at` is
    /// RFC 3339 in China Standard Time, so its date is the office's).
    fn void_days(&self, record_kind: &str) -> Result<HashMap<i64, Date>> {
        let mut st = self
            .tx
            .prepare_cached(
                "SELECT record_id, max(at) FROM audit WHERE action = 'void' AND record_kind = ?1
                 AND record_id IS NOT NULL GROUP BY record_id",
            )
            .sql()?;
        let rows = st.query_map(params![record_kind], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).sql()?;
        let mut days = HashMap::new();
        for row in rows {
            let (id, at) = row.sql()?;
            if let Some(day) = at.get(..10).and_then(|d| d.parse::<Date>().ok()) {
                days.insert(id, day);
            }
        }
        Ok(days)
    }

    /// The writer of one filings import, every row tagged with `batch`.
    pub fn filing_sink(&self, batch: i64) -> Result<FilingSink<'_>> {
        Ok(FilingSink {
            insert: self
                .tx
                .prepare_cached(
                    "INSERT INTO filing (unit_id, number, title, filing_no, filed_on, batch_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (filing_no) WHERE void_reason IS NULL DO NOTHING",
                )
                .sql()?,
            insert_remark: self
                .tx
                .prepare_cached(
                    "INSERT INTO filing (unit_id, number, title, filing_no, filed_on, batch_id, remark)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (filing_no) WHERE void_reason IS NULL DO NOTHING",
                )
                .sql()?,
            find: self
                .tx
                .prepare_cached(
                    "SELECT id, unit_id, number, title, filed_on, batch_id, void_reason IS NOT NULL
                     FROM filing WHERE filing_no = ?1 AND void_reason IS NULL",
                )
                .sql()?,
            batch,
        })
    }

    /// The writer of one reviews import, every row tagged with `batch`.
    pub fn review_sink(&self, batch: i64) -> Result<ReviewSink<'_>> {
        Ok(ReviewSink {
            insert: self
                .tx
                .prepare_cached(
                    "INSERT INTO review (unit_id, number, filing_no, reviewed_on, outcome, batch_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (unit_id, number, reviewed_on) WHERE void_reason IS NULL DO NOTHING",
                )
                .sql()?,
            insert_remark: self
                .tx
                .prepare_cached(
                    "INSERT INTO review (unit_id, number, filing_no, reviewed_on, outcome, batch_id, remark)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT (unit_id, number, reviewed_on) WHERE void_reason IS NULL DO NOTHING",
                )
                .sql()?,
            find: self
                .tx
                .prepare_cached(
                    "SELECT id, filing_no, outcome, batch_id, void_reason IS NOT NULL FROM review
                     WHERE unit_id = ?1 AND number = ?2 AND reviewed_on = ?3 AND void_reason IS NULL",
                )
                .sql()?,
            batch,
        })
    }
}

pub struct FilingSink<'t> {
    /// The same insert with a remark; most rows have none, and binding it costs.
    insert_remark: CachedStatement<'t>,
    insert: CachedStatement<'t>,
    find: CachedStatement<'t>,
    batch: i64,
}

impl FilingSink<'_> {
    /// Inserts the filing unless its filing number is taken; then returns the one stored
    /// (whose remark is left as it is: a remark is no part of what makes a filing the same).
    pub fn add(
        &mut self,
        unit_id: i64,
        number: &str,
        title: &str,
        filing_no: &str,
        filed_on: Date,
        remark: Option<&str>,
    ) -> Result<Option<StoredFiling>> {
        let mut buf = [0u8; 10];
        let date = iso(filed_on, &mut buf);
        let n = match remark {
            None => self.insert.execute(params![unit_id, number, title, filing_no, date, self.batch]),
            Some(r) => self.insert_remark.execute(params![unit_id, number, title, filing_no, date, self.batch, r]),
        }
        .sql()?;
        if n == 1 { Ok(None) } else { self.find(filing_no) }
    }

    pub fn find(&mut self, filing_no: &str) -> Result<Option<StoredFiling>> {
        self.find
            .query_row(params![filing_no], |r| {
                Ok(StoredFiling {
                    id: r.get(0)?,
                    unit_id: r.get(1)?,
                    number: r.get(2)?,
                    title: r.get(3)?,
                    filed_on: r.get(4)?,
                    batch_id: r.get(5)?,
                    voided: r.get(6)?,
                })
            })
            .optional()
            .sql()
    }
}

pub struct ReviewSink<'t> {
    insert_remark: CachedStatement<'t>,
    insert: CachedStatement<'t>,
    find: CachedStatement<'t>,
    batch: i64,
}

impl ReviewSink<'_> {
    /// Inserts the review unless one of the same unit, number and date is stored; then
    /// returns that one.
    pub fn add(
        &mut self,
        unit_id: i64,
        number: &str,
        filing_no: Option<&str>,
        reviewed_on: Date,
        outcome: Outcome,
        remark: Option<&str>,
    ) -> Result<Option<StoredReview>> {
        let mut buf = [0u8; 10];
        let date = iso(reviewed_on, &mut buf);
        let n = match remark {
            None => self.insert.execute(params![unit_id, number, filing_no, date, outcome, self.batch]),
            Some(r) => self.insert_remark.execute(params![unit_id, number, filing_no, date, outcome, self.batch, r]),
        }
        .sql()?;
        if n == 1 {
            return Ok(None);
        }
        self.find
            .query_row(params![unit_id, number, date], |r| {
                Ok(StoredReview {
                    id: r.get(0)?,
                    filing_no: r.get(1)?,
                    outcome: r.get(2)?,
                    batch_id: r.get(3)?,
                    voided: r.get(4)?,
                })
            })
            .optional()
            .sql()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::UnitKind;
    use crate::core::records::Unit;
    use crate::store::{AuditCtx, Store, UnitRow};

    fn ctx() -> AuditCtx {
        AuditCtx { at: "2014-01-01T00:00:00Z".into(), os_user: "test".into(), command: "test".into() }
    }

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn iso_dates() {
        let mut buf = [0u8; 10];
        assert_eq!(iso(date("2013-05-01"), &mut buf), "2013-05-01");
        assert_eq!(iso(date("1900-12-31"), &mut buf), "1900-12-31");
    }

    #[test]
    fn filings_insert_once_and_report_the_stored_one() {
        let mut store = Store::in_memory().unwrap();
        let audit = ctx();
        let tx = store.begin(&audit).unwrap();
        let unit = Unit {
            id: 0,
            name: "甲".into(),
            uscc: None,
            org_code: None,
            kind: UnitKind::Enterprise,
            industry: None,
            location: None,
        };
        let uid = tx.insert_unit(&UnitRow { unit: &unit, name_key: "甲", batch_id: None }).unwrap();
        let batch = tx.insert_import_batch("filings", "f.csv", "UTF-8", None).unwrap();
        let mut sink = tx.filing_sink(batch).unwrap();
        assert_eq!(sink.add(uid, "Q/A 1-2013", "t", "F1", date("2013-05-01"), None).unwrap(), None);
        let again = sink.add(uid, "Q/A 1-2013", "other", "F1", date("2013-05-02"), None).unwrap().unwrap();
        assert_eq!((again.title.as_str(), again.filed_on, again.batch_id), ("t", date("2013-05-01"), Some(batch)));
        drop(sink);
        let mut reviews = tx.review_sink(batch).unwrap();
        assert_eq!(reviews.add(uid, "Q/A 1-2013", None, date("2014-01-01"), Outcome::Confirm, None).unwrap(), None);
        let stored =
            reviews.add(uid, "Q/A 1-2013", Some("F1"), date("2014-01-01"), Outcome::Revise, None).unwrap().unwrap();
        assert_eq!((stored.outcome, stored.filing_no), (Outcome::Confirm, None));
        drop(reviews);
        tx.finish_import_batch(batch, &BatchCounts { added: 2, skipped: 2, rejected: 0, units_created: 0 }).unwrap();
    }

    #[test]
    fn voided_records_with_the_day_they_were_voided() {
        use crate::store::RecordKind;
        let mut store = Store::in_memory().unwrap();
        let audit = AuditCtx { at: "2016-06-01T23:30:00+08:00".into(), os_user: "t".into(), command: "t".into() };
        let tx = store.begin(&audit).unwrap();
        let unit = Unit {
            id: 0,
            name: "甲".into(),
            uscc: None,
            org_code: None,
            kind: UnitKind::Enterprise,
            industry: None,
            location: None,
        };
        let uid = tx.insert_unit(&UnitRow { unit: &unit, name_key: "甲", batch_id: None }).unwrap();
        let batch = tx.insert_import_batch("filings", "f.csv", "UTF-8", None).unwrap();
        let mut sink = tx.filing_sink(batch).unwrap();
        sink.add(uid, "Q/A 1-2013", "t", "F1", date("2013-05-01"), None).unwrap();
        sink.add(uid, "Q/A 2-2013", "u", "F2", date("2013-05-02"), None).unwrap();
        drop(sink);
        assert_eq!(tx.voided_filings().unwrap(), vec![]);
        tx.void(RecordKind::Filing, 1, "重复录入").unwrap();
        tx.audit("void", "filing", Some(1), None, None).unwrap();
        let voided = tx.voided_filings().unwrap();
        assert_eq!(voided.len(), 1);
        assert_eq!(
            (voided[0].filing_no.as_str(), voided[0].reason.as_str(), voided[0].voided_on),
            ("F1", "重复录入", Some(date("2016-06-01")))
        );
        let mut reviews = tx.review_sink(batch).unwrap();
        reviews.add(uid, "Q/A 1-2013", None, date("2014-01-01"), Outcome::Confirm, None).unwrap();
        drop(reviews);
        tx.void(RecordKind::Review, 1, "录错").unwrap();
        let voided = tx.voided_reviews().unwrap();
        assert_eq!((voided[0].outcome, voided[0].voided_on), (Outcome::Confirm, None));
    }
}
