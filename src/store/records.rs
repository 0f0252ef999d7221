//! Dated records: standards (with their drafting units), filings, reviews, awards, projects,
//! committee seats, meetings; and voiding any of them.

use std::collections::HashMap;

use anyhow::Result;
use rusqlite::{OptionalExtension, Row, params};

use super::{Reader, SqlResult, Tx};
use crate::core::model::*;
use crate::core::records::*;
use crate::error::{Msg, refuse};

/// The `list` filters: a date range on the record's own date, and one unit.
#[derive(Debug, Clone, Copy, Default)]
pub struct ListFilter {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub unit_id: Option<i64>,
}

/// The tables a record kind lives in, for voiding and for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Standard,
    Filing,
    Review,
    Award,
    Project,
    Seat,
    Meeting,
    Payment,
}

/// The per-day count tables kept beside filings and reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayTable {
    Filing,
    Review,
}

impl RecordKind {
    pub fn table(self) -> &'static str {
        match self {
            RecordKind::Standard => "standard",
            RecordKind::Filing => "filing",
            RecordKind::Review => "review",
            RecordKind::Award => "award",
            RecordKind::Project => "project",
            RecordKind::Seat => "committee_seat",
            RecordKind::Meeting => "meeting",
            RecordKind::Payment => "payment",
        }
    }
}

fn unit_ref(r: &Row<'_>, at: usize) -> rusqlite::Result<UnitRef> {
    Ok(UnitRef { id: r.get(at)?, name: r.get(at + 1)?, kind: r.get(at + 2)? })
}

fn collect<T>(rows: impl Iterator<Item = rusqlite::Result<T>>) -> Result<Vec<T>> {
    rows.collect::<rusqlite::Result<Vec<_>>>().sql()
}

impl Reader<'_> {
    // ----- standards -----

    fn standards_where(&self, clause: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<Recorded<StandardFact>>> {
        let sql = format!(
            "SELECT id, number, title, level, action, status, published_on, void_reason, adopts, adoption_degree
             FROM standard s WHERE {clause} ORDER BY coalesce(published_on, '9999'), id"
        );
        let mut st = self.conn.prepare_cached(&sql).sql()?;
        let mut list = collect(
            st.query_map(args, |r| {
                Ok(Recorded {
                    record: StandardFact {
                        id: r.get(0)?,
                        number: r.get(1)?,
                        title: r.get(2)?,
                        level: r.get(3)?,
                        action: r.get(4)?,
                        status: r.get(5)?,
                        published_on: r.get(6)?,
                        lead: None,
                        participants: Vec::new(),
                        adoption: match (r.get::<_, Option<String>>(8)?, r.get::<_, Option<AdoptionDegree>>(9)?) {
                            (Some(adopts), degree) => {
                                Some(Adoption { adopts, degree: degree.unwrap_or(AdoptionDegree::Idt) })
                            }
                            (None, _) => None,
                        },
                    },
                    void_reason: r.get(7)?,
                })
            })
            .sql()?,
        )?;
        let index: HashMap<i64, usize> = list.iter().enumerate().map(|(i, s)| (s.record.id, i)).collect();
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT su.standard_id, su.role, u.id, u.name, u.kind FROM standard_unit su
                 JOIN unit u ON u.id = su.unit_id ORDER BY su.standard_id, su.ordinal",
            )
            .sql()?;
        let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, unit_ref(r, 2)?))).sql()?;
        for row in rows {
            let (sid, role, unit) = row.sql()?;
            if let Some(&i) = index.get(&sid) {
                let s = &mut list[i].record;
                if role == "lead" {
                    s.lead = Some(unit);
                } else {
                    s.participants.push(unit);
                }
            }
        }
        Ok(list)
    }

    pub fn standards(&self, f: &ListFilter) -> Result<Vec<Recorded<StandardFact>>> {
        self.standards_where(
            "(?1 IS NULL OR published_on >= ?1) AND (?2 IS NULL OR published_on <= ?2)
             AND (?3 IS NULL OR EXISTS (SELECT 1 FROM standard_unit su WHERE su.standard_id = s.id AND su.unit_id = ?3))",
            &[&f.from, &f.to, &f.unit_id],
        )
    }

    pub fn standard(&self, id: i64) -> Result<Option<Recorded<StandardFact>>> {
        Ok(self.standards_where("id = ?1", &[&id])?.into_iter().next())
    }

    pub fn standard_id_by_number(&self, number: &str) -> Result<Option<i64>> {
        self.conn
            .prepare_cached("SELECT id FROM standard WHERE number = ?1 AND void_reason IS NULL")
            .sql()?
            .query_row(params![number], |r| r.get(0))
            .optional()
            .sql()
    }

    // ----- filings and reviews -----

    pub fn filings(&self, f: &ListFilter) -> Result<Vec<Recorded<Filing>>> {
        let mut all = Vec::new();
        self.each_filing(f, |r| {
            all.push(r);
            Ok(())
        })?;
        Ok(all)
    }

    /// Hands each filing to `each`, in date order, without holding them all: a million rows
    /// are listed in constant memory.
    pub fn each_filing(&self, f: &ListFilter, mut each: impl FnMut(Recorded<Filing>) -> Result<()>) -> Result<()> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT f.id, u.id, u.name, u.kind, f.number, f.title, f.filing_no, f.filed_on, f.batch_id, f.void_reason,
                        u.uscc, u.org_code, f.remark
                 FROM filing f JOIN unit u ON u.id = f.unit_id
                 WHERE (?1 IS NULL OR f.filed_on >= ?1) AND (?2 IS NULL OR f.filed_on <= ?2) AND (?3 IS NULL OR f.unit_id = ?3)
                 ORDER BY f.filed_on, f.id",
            )
            .sql()?;
        let mut rows = st.query(params![f.from, f.to, f.unit_id]).sql()?;
        while let Some(r) = rows.next().sql()? {
            each(Recorded {
                record: Filing {
                    id: r.get(0).sql()?,
                    unit: unit_ref(r, 1).sql()?,
                    codes: UnitCodes { uscc: r.get(10).sql()?, org_code: r.get(11).sql()? },
                    number: r.get(4).sql()?,
                    title: r.get(5).sql()?,
                    filing_no: r.get(6).sql()?,
                    filed_on: r.get(7).sql()?,
                    remark: r.get(12).sql()?,
                    batch_id: r.get(8).sql()?,
                },
                void_reason: r.get(9).sql()?,
            })?;
        }
        Ok(())
    }

    /// The stored filing under a filing number: (id, unit id, standard number, title, date).
    pub fn filing_by_no(&self, filing_no: &str) -> Result<Option<(i64, i64, String, String, Date)>> {
        self.conn
            .prepare_cached(
                "SELECT id, unit_id, number, title, filed_on FROM filing WHERE filing_no = ?1 AND void_reason IS NULL",
            )
            .sql()?
            .query_row(params![filing_no], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            .optional()
            .sql()
    }

    pub fn reviews(&self, f: &ListFilter) -> Result<Vec<Recorded<Review>>> {
        let mut all = Vec::new();
        self.each_review(f, |r| {
            all.push(r);
            Ok(())
        })?;
        Ok(all)
    }

    /// Hands each review to `each`, in date order, in constant memory.
    pub fn each_review(&self, f: &ListFilter, mut each: impl FnMut(Recorded<Review>) -> Result<()>) -> Result<()> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT r.id, u.id, u.name, u.kind, r.number, r.filing_no, r.reviewed_on, r.outcome, r.batch_id, r.void_reason,
                        u.uscc, u.org_code, r.remark
                 FROM review r JOIN unit u ON u.id = r.unit_id
                 WHERE (?1 IS NULL OR r.reviewed_on >= ?1) AND (?2 IS NULL OR r.reviewed_on <= ?2) AND (?3 IS NULL OR r.unit_id = ?3)
                 ORDER BY r.reviewed_on, r.id",
            )
            .sql()?;
        let mut rows = st.query(params![f.from, f.to, f.unit_id]).sql()?;
        while let Some(r) = rows.next().sql()? {
            each(Recorded {
                record: Review {
                    id: r.get(0).sql()?,
                    unit: unit_ref(r, 1).sql()?,
                    codes: UnitCodes { uscc: r.get(10).sql()?, org_code: r.get(11).sql()? },
                    number: r.get(4).sql()?,
                    filing_no: r.get(5).sql()?,
                    reviewed_on: r.get(6).sql()?,
                    outcome: r.get(7).sql()?,
                    remark: r.get(12).sql()?,
                    batch_id: r.get(8).sql()?,
                },
                void_reason: r.get(9).sql()?,
            })?;
        }
        Ok(())
    }

    pub fn review_exists(&self, unit_id: i64, number: &str, reviewed_on: Date) -> Result<Option<i64>> {
        self.conn
            .prepare_cached(
                "SELECT id FROM review WHERE unit_id = ?1 AND number = ?2 AND reviewed_on = ?3 AND void_reason IS NULL",
            )
            .sql()?
            .query_row(params![unit_id, number, reviewed_on], |r| r.get(0))
            .optional()
            .sql()
    }

    // ----- awards, projects, seats, meetings -----

    pub fn awards(&self, f: &ListFilter) -> Result<Vec<Recorded<AwardFact>>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT a.id, u.id, u.name, u.kind, a.kind, a.awarded_on, a.grade, a.title, a.void_reason
                 FROM award a JOIN unit u ON u.id = a.unit_id
                 WHERE (?1 IS NULL OR a.awarded_on >= ?1) AND (?2 IS NULL OR a.awarded_on <= ?2) AND (?3 IS NULL OR a.unit_id = ?3)
                 ORDER BY a.awarded_on, a.id",
            )
            .sql()?;
        collect(
            st.query_map(params![f.from, f.to, f.unit_id], |r| {
                Ok(Recorded {
                    record: AwardFact {
                        id: r.get(0)?,
                        unit: unit_ref(r, 1)?,
                        kind: r.get(4)?,
                        awarded_on: r.get(5)?,
                        grade: r.get(6)?,
                        title: r.get(7)?,
                    },
                    void_reason: r.get(8)?,
                })
            })
            .sql()?,
        )
    }

    pub fn projects(&self, f: &ListFilter) -> Result<Vec<Recorded<ProjectFact>>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT p.id, u.id, u.name, u.kind, p.name, p.passed_on, p.void_reason
                 FROM project p JOIN unit u ON u.id = p.unit_id
                 WHERE (?1 IS NULL OR p.passed_on >= ?1) AND (?2 IS NULL OR p.passed_on <= ?2) AND (?3 IS NULL OR p.unit_id = ?3)
                 ORDER BY p.passed_on, p.id",
            )
            .sql()?;
        collect(
            st.query_map(params![f.from, f.to, f.unit_id], |r| {
                Ok(Recorded {
                    record: ProjectFact { id: r.get(0)?, unit: unit_ref(r, 1)?, name: r.get(4)?, passed_on: r.get(5)? },
                    void_reason: r.get(6)?,
                })
            })
            .sql()?,
        )
    }

    pub fn seats(&self, f: &ListFilter) -> Result<Vec<Recorded<Seat>>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT c.id, u.id, u.name, u.kind, c.committee, c.role, c.since, c.name, c.void_reason
                 FROM committee_seat c JOIN unit u ON u.id = c.unit_id
                 WHERE (?1 IS NULL OR c.since >= ?1) AND (?2 IS NULL OR c.since <= ?2) AND (?3 IS NULL OR c.unit_id = ?3)
                 ORDER BY c.since, c.id",
            )
            .sql()?;
        collect(
            st.query_map(params![f.from, f.to, f.unit_id], |r| {
                Ok(Recorded {
                    record: Seat {
                        fact: SeatFact {
                            id: r.get(0)?,
                            unit: unit_ref(r, 1)?,
                            committee: r.get(4)?,
                            role: r.get(5)?,
                            since: r.get(6)?,
                        },
                        name: r.get(7)?,
                    },
                    void_reason: r.get(8)?,
                })
            })
            .sql()?,
        )
    }

    pub fn meetings(&self, f: &ListFilter) -> Result<Vec<Recorded<Meeting>>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, held_on, title, notes, void_reason FROM meeting
                 WHERE (?1 IS NULL OR held_on >= ?1) AND (?2 IS NULL OR held_on <= ?2)
                 ORDER BY held_on, id",
            )
            .sql()?;
        collect(
            st.query_map(params![f.from, f.to], |r| {
                Ok(Recorded {
                    record: Meeting { id: r.get(0)?, held_on: r.get(1)?, title: r.get(2)?, notes: r.get(3)? },
                    void_reason: r.get(4)?,
                })
            })
            .sql()?,
        )
    }

    /// One filing by id, voided or not.
    pub fn filing(&self, id: i64) -> Result<Option<Recorded<Filing>>> {
        self.conn
            .prepare_cached(
                "SELECT f.id, u.id, u.name, u.kind, f.number, f.title, f.filing_no, f.filed_on, f.batch_id, f.void_reason,
                        u.uscc, u.org_code, f.remark
                 FROM filing f JOIN unit u ON u.id = f.unit_id WHERE f.id = ?1",
            )
            .sql()?
            .query_row(params![id], |r| {
                Ok(Recorded {
                    record: Filing {
                        id: r.get(0)?,
                        unit: unit_ref(r, 1)?,
                        codes: UnitCodes { uscc: r.get(10)?, org_code: r.get(11)? },
                        number: r.get(4)?,
                        title: r.get(5)?,
                        filing_no: r.get(6)?,
                        filed_on: r.get(7)?,
                        remark: r.get(12)?,
                        batch_id: r.get(8)?,
                    },
                    void_reason: r.get(9)?,
                })
            })
            .optional()
            .sql()
    }

    /// One review by id, voided or not.
    pub fn review(&self, id: i64) -> Result<Option<Recorded<Review>>> {
        self.conn
            .prepare_cached(
                "SELECT r.id, u.id, u.name, u.kind, r.number, r.filing_no, r.reviewed_on, r.outcome, r.batch_id, r.void_reason,
                        u.uscc, u.org_code, r.remark
                 FROM review r JOIN unit u ON u.id = r.unit_id WHERE r.id = ?1",
            )
            .sql()?
            .query_row(params![id], |r| {
                Ok(Recorded {
                    record: Review {
                        id: r.get(0)?,
                        unit: unit_ref(r, 1)?,
                        codes: UnitCodes { uscc: r.get(10)?, org_code: r.get(11)? },
                        number: r.get(4)?,
                        filing_no: r.get(5)?,
                        reviewed_on: r.get(6)?,
                        outcome: r.get(7)?,
                        remark: r.get(12)?,
                        batch_id: r.get(8)?,
                    },
                    void_reason: r.get(9)?,
                })
            })
            .optional()
            .sql()
    }

    pub fn award(&self, id: i64) -> Result<Option<Recorded<AwardFact>>> {
        Ok(self.awards(&ListFilter::default())?.into_iter().find(|r| r.record.id == id))
    }

    pub fn project(&self, id: i64) -> Result<Option<Recorded<ProjectFact>>> {
        Ok(self.projects(&ListFilter::default())?.into_iter().find(|r| r.record.id == id))
    }

    pub fn seat(&self, id: i64) -> Result<Option<Recorded<Seat>>> {
        Ok(self.seats(&ListFilter::default())?.into_iter().find(|r| r.record.fact.id == id))
    }

    pub fn meeting(&self, id: i64) -> Result<Option<Recorded<Meeting>>> {
        Ok(self.meetings(&ListFilter::default())?.into_iter().find(|r| r.record.id == id))
    }

    /// Whether a record exists, and its void reason if voided.
    pub fn void_state(&self, kind: RecordKind, id: i64) -> Result<Option<Option<String>>> {
        let sql = match kind {
            RecordKind::Standard => "SELECT void_reason FROM standard WHERE id = ?1",
            RecordKind::Filing => "SELECT void_reason FROM filing WHERE id = ?1",
            RecordKind::Review => "SELECT void_reason FROM review WHERE id = ?1",
            RecordKind::Award => "SELECT void_reason FROM award WHERE id = ?1",
            RecordKind::Project => "SELECT void_reason FROM project WHERE id = ?1",
            RecordKind::Seat => "SELECT void_reason FROM committee_seat WHERE id = ?1",
            RecordKind::Meeting => "SELECT void_reason FROM meeting WHERE id = ?1",
            RecordKind::Payment => "SELECT void_reason FROM payment WHERE id = ?1",
        };
        self.conn.prepare_cached(sql).sql()?.query_row(params![id], |r| r.get(0)).optional().sql()
    }
}

impl Tx<'_> {
    fn set_standard_units(&self, s: &StandardFact) -> Result<()> {
        self.tx.execute("DELETE FROM standard_unit WHERE standard_id = ?1", params![s.id]).sql()?;
        let mut st = self
            .tx
            .prepare_cached("INSERT INTO standard_unit (standard_id, unit_id, role, ordinal) VALUES (?1, ?2, ?3, ?4)")
            .sql()?;
        if let Some(lead) = &s.lead {
            st.execute(params![s.id, lead.id, "lead", 0]).sql()?;
        }
        for (i, p) in s.participants.iter().enumerate() {
            st.execute(params![s.id, p.id, "participant", i as i64 + 1]).sql()?;
        }
        Ok(())
    }

    /// Inserts a standard and its units; returns its id.
    pub fn insert_standard(&self, s: &StandardFact) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO standard (number, title, level, action, status, published_on, adopts, adoption_degree)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .sql()?
            .execute(params![
                s.number,
                s.title,
                s.level,
                s.action,
                s.status,
                s.published_on,
                s.adoption.as_ref().map(|a| a.adopts.as_str()),
                s.adoption.as_ref().map(|a| a.degree),
            ])
            .sql()?;
        let id = self.tx.last_insert_rowid();
        self.set_standard_units(&StandardFact { id, ..s.clone() })?;
        Ok(id)
    }

    pub fn update_standard(&self, s: &StandardFact) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE standard SET number = ?2, title = ?3, level = ?4, action = ?5, status = ?6, published_on = ?7,
                 adopts = ?8, adoption_degree = ?9 WHERE id = ?1",
            )
            .sql()?
            .execute(params![
                s.id,
                s.number,
                s.title,
                s.level,
                s.action,
                s.status,
                s.published_on,
                s.adoption.as_ref().map(|a| a.adopts.as_str()),
                s.adoption.as_ref().map(|a| a.degree),
            ])
            .sql()?;
        self.set_standard_units(s)
    }

    pub fn insert_filing(
        &self,
        unit_id: i64,
        number: &str,
        title: &str,
        filing_no: &str,
        filed_on: Date,
        batch: Option<i64>,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO filing (unit_id, number, title, filing_no, filed_on, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .sql()?
            .execute(params![unit_id, number, title, filing_no, filed_on, batch])
            .sql()?;
        let id = self.tx.last_insert_rowid();
        self.add_to_day(DayTable::Filing, filed_on, 1)?;
        Ok(id)
    }

    /// Moves a per-day count; every write that adds, voids or moves a filing or review calls
    /// it in the same transaction (the import adds its batch's counts once, at the end).
    pub fn add_to_day(&self, table: DayTable, day: Date, delta: i64) -> Result<()> {
        // A decrease only ever meets an existing day (the row being voided counted there).
        let sql = match (table, delta >= 0) {
            (DayTable::Filing, true) => {
                "INSERT INTO filing_day (day, n) VALUES (?1, ?2) ON CONFLICT (day) DO UPDATE SET n = n + ?2"
            }
            (DayTable::Review, true) => {
                "INSERT INTO review_day (day, n) VALUES (?1, ?2) ON CONFLICT (day) DO UPDATE SET n = n + ?2"
            }
            (DayTable::Filing, false) => "UPDATE filing_day SET n = n + ?2 WHERE day = ?1",
            (DayTable::Review, false) => "UPDATE review_day SET n = n + ?2 WHERE day = ?1",
        };
        self.tx.prepare_cached(sql).sql()?.execute(params![day, delta]).sql()?;
        Ok(())
    }

    pub fn insert_review(&self, r: &Review) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO review (unit_id, number, filing_no, reviewed_on, outcome, batch_id, remark)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .sql()?
            .execute(params![r.unit.id, r.number, r.filing_no, r.reviewed_on, r.outcome, r.batch_id, r.remark])
            .sql()?;
        let id = self.tx.last_insert_rowid();
        self.add_to_day(DayTable::Review, r.reviewed_on, 1)?;
        Ok(id)
    }

    pub fn insert_award(&self, a: &AwardFact) -> Result<i64> {
        self.tx
            .prepare_cached("INSERT INTO award (unit_id, kind, awarded_on, grade, title) VALUES (?1, ?2, ?3, ?4, ?5)")
            .sql()?
            .execute(params![a.unit.id, a.kind, a.awarded_on, a.grade, a.title])
            .sql()?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn insert_project(&self, p: &ProjectFact) -> Result<i64> {
        self.tx
            .prepare_cached("INSERT INTO project (unit_id, name, passed_on) VALUES (?1, ?2, ?3)")
            .sql()?
            .execute(params![p.unit.id, p.name, p.passed_on])
            .sql()?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn insert_seat(&self, s: &Seat) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO committee_seat (unit_id, committee, name, role, since) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .sql()?
            .execute(params![s.fact.unit.id, s.fact.committee, s.name, s.fact.role, s.fact.since])
            .sql()?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn insert_meeting(&self, m: &Meeting) -> Result<i64> {
        self.tx
            .prepare_cached("INSERT INTO meeting (held_on, title, notes) VALUES (?1, ?2, ?3)")
            .sql()?
            .execute(params![m.held_on, m.title, m.notes])
            .sql()?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Rewrites a filing; a new date moves it in the per-day counts (a live one).
    pub fn update_filing(&self, before: &Recorded<Filing>, f: &Filing) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE filing SET unit_id = ?2, number = ?3, title = ?4, filing_no = ?5, filed_on = ?6 WHERE id = ?1",
            )
            .sql()?
            .execute(params![f.id, f.unit.id, f.number, f.title, f.filing_no, f.filed_on])
            .sql()?;
        if before.void_reason.is_none() && before.record.filed_on != f.filed_on {
            self.add_to_day(DayTable::Filing, before.record.filed_on, -1)?;
            self.add_to_day(DayTable::Filing, f.filed_on, 1)?;
        }
        Ok(())
    }

    /// Rewrites a review; a new date moves it in the per-day counts (a live one).
    pub fn update_review(&self, before: &Recorded<Review>, r: &Review) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE review SET unit_id = ?2, number = ?3, filing_no = ?4, reviewed_on = ?5, outcome = ?6 WHERE id = ?1",
            )
            .sql()?
            .execute(params![r.id, r.unit.id, r.number, r.filing_no, r.reviewed_on, r.outcome])
            .sql()?;
        if before.void_reason.is_none() && before.record.reviewed_on != r.reviewed_on {
            self.add_to_day(DayTable::Review, before.record.reviewed_on, -1)?;
            self.add_to_day(DayTable::Review, r.reviewed_on, 1)?;
        }
        Ok(())
    }

    pub fn update_award(&self, a: &AwardFact) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE award SET unit_id = ?2, kind = ?3, awarded_on = ?4, grade = ?5, title = ?6 WHERE id = ?1",
            )
            .sql()?
            .execute(params![a.id, a.unit.id, a.kind, a.awarded_on, a.grade, a.title])
            .sql()?;
        Ok(())
    }

    pub fn update_project(&self, p: &ProjectFact) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE project SET unit_id = ?2, name = ?3, passed_on = ?4 WHERE id = ?1")
            .sql()?
            .execute(params![p.id, p.unit.id, p.name, p.passed_on])
            .sql()?;
        Ok(())
    }

    pub fn update_seat(&self, s: &Seat) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE committee_seat SET unit_id = ?2, committee = ?3, name = ?4, role = ?5, since = ?6 WHERE id = ?1",
            )
            .sql()?
            .execute(params![s.fact.id, s.fact.unit.id, s.fact.committee, s.name, s.fact.role, s.fact.since])
            .sql()?;
        Ok(())
    }

    pub fn update_meeting(&self, m: &Meeting) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE meeting SET held_on = ?2, title = ?3, notes = ?4 WHERE id = ?1")
            .sql()?
            .execute(params![m.id, m.held_on, m.title, m.notes])
            .sql()?;
        Ok(())
    }

    /// Marks a record voided with its reason; it stays listed and never counts again.
    pub fn void(&self, kind: RecordKind, id: i64, reason: &str) -> Result<()> {
        let sql = match kind {
            RecordKind::Standard => "UPDATE standard SET void_reason = ?2 WHERE id = ?1 AND void_reason IS NULL",
            RecordKind::Filing => {
                "UPDATE filing SET void_reason = ?2 WHERE id = ?1 AND void_reason IS NULL RETURNING filed_on"
            }
            RecordKind::Review => {
                "UPDATE review SET void_reason = ?2 WHERE id = ?1 AND void_reason IS NULL RETURNING reviewed_on"
            }
            RecordKind::Award => "UPDATE award SET void_reason = ?2 WHERE id = ?1 AND void_reason IS NULL",
            RecordKind::Project => "UPDATE project SET void_reason = ?2 WHERE id = ?1 AND void_reason IS NULL",
            RecordKind::Seat => "UPDATE committee_seat SET void_reason = ?2 WHERE id = ?1 AND void_reason IS NULL",
            RecordKind::Meeting => "UPDATE meeting SET void_reason = ?2 WHERE id = ?1 AND void_reason IS NULL",
            RecordKind::Payment => "UPDATE payment SET void_reason = ?2 WHERE id = ?1 AND void_reason IS NULL",
        };
        let changed = match kind {
            RecordKind::Filing | RecordKind::Review => {
                let day: Option<Date> = self.tx.query_row(sql, params![id, reason], |r| r.get(0)).optional().sql()?;
                if let Some(day) = day {
                    let table = if kind == RecordKind::Filing { DayTable::Filing } else { DayTable::Review };
                    self.add_to_day(table, day, -1)?;
                }
                day.is_some()
            }
            _ => self.tx.execute(sql, params![id, reason]).sql()? > 0,
        };
        if !changed {
            return Err(refuse(Msg::RecordNotFound { kind: kind.table().into(), id }));
        }
        Ok(())
    }
}
