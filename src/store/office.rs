//! What the office's other questions read and write (issue 12, and the dated milestone
//! history of issue 11): milestone changes, budgets, plan settings, the standards a review
//! reminder looks at, duplicates of awards and projects, and counts by industry.

use std::collections::HashMap;

use anyhow::Result;
use rusqlite::{OptionalExtension, params};

use super::{Reader, SqlResult, Tx};
use crate::core::model::*;
use crate::core::readings::Readings;
use crate::core::reviews::{LatestFiling, LatestReview};

fn collect<T>(rows: impl Iterator<Item = rusqlite::Result<T>>) -> Result<Vec<T>> {
    rows.collect::<rusqlite::Result<Vec<_>>>().sql()
}

/// The plan the settings belong to: the one reports count against.
const PLAN: &str = "(SELECT code FROM plan ORDER BY start_on LIMIT 1)";

impl Reader<'_> {
    // ----- milestones -----

    /// Every live status change of every milestone, oldest first.
    pub fn milestone_changes(&self) -> Result<Vec<MilestoneChange>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, milestone, status, on_date, note FROM milestone_change
                 WHERE void_reason IS NULL ORDER BY on_date, id",
            )
            .sql()?;
        collect(
            st.query_map([], |r| {
                Ok(MilestoneChange {
                    id: r.get(0)?,
                    milestone: r.get(1)?,
                    status: r.get(2)?,
                    on: r.get(3)?,
                    note: r.get(4)?,
                })
            })
            .sql()?,
        )
    }

    // ----- budgets and settings -----

    /// The budgets set for a year: (fund, yuan).
    pub fn budgets(&self, year: i32) -> Result<Vec<(String, i64)>> {
        let mut st =
            self.conn.prepare_cached("SELECT fund, amount_yuan FROM budget WHERE year = ?1 ORDER BY fund").sql()?;
        collect(st.query_map(params![year], |r| Ok((r.get(0)?, r.get(1)?))).sql()?)
    }

    pub fn budget(&self, fund: &str, year: i32) -> Result<Option<i64>> {
        self.conn
            .prepare_cached("SELECT amount_yuan FROM budget WHERE fund = ?1 AND year = ?2")
            .sql()?
            .query_row(params![fund, year], |r| r.get(0))
            .optional()
            .sql()
    }

    /// Every budget set: (fund, year, yuan), by year then fund.
    pub fn all_budgets(&self) -> Result<Vec<(String, i32, i64)>> {
        let mut st =
            self.conn.prepare_cached("SELECT fund, year, amount_yuan FROM budget ORDER BY year, fund").sql()?;
        collect(st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).sql()?)
    }

    /// The office's readings of the notice; a setting never stored keeps the notice's own.
    pub fn readings(&self) -> Result<Readings> {
        let mut readings = Readings::default();
        let sql = format!("SELECT key, value FROM plan_setting WHERE plan = {PLAN}");
        let mut st = self.conn.prepare_cached(&sql).sql()?;
        let rows: Vec<(PlanSetting, String)> = collect(st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).sql()?)?;
        for (key, value) in rows {
            let items: Vec<String> =
                value.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
            match key {
                PlanSetting::LocalPrefixes => readings.local_prefixes = items,
                PlanSetting::NationalCommittees => readings.national_committees = items,
                PlanSetting::FocusIndustries => readings.focus_industries = items,
            }
        }
        Ok(readings)
    }

    // ----- review reminders -----

    /// For each enterprise standard (unit and number), its latest live filing on or before
    /// `as_of`, when that filing is on or before `cutoff` (a later one starts a cycle that
    /// cannot be due yet), with the unit's contact fields.
    pub fn latest_filings(&self, as_of: Date, cutoff: Date) -> Result<Vec<LatestFiling>> {
        // Grouping a million filings costs a sort; most quarters have no filing old enough to
        // be due at all, which the per-day counts of live filings (a few hundred rows, kept
        // with every write) tell at once. Below, NOT INDEXED: the planner would walk the live
        // filing numbers' partial index, a random read per row, several times slower than
        // reading the table in order.
        let any: bool = self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM filing_day WHERE day <= ?1 AND n > 0)")
            .sql()?
            .query_row(params![cutoff.min(as_of)], |r| r.get(0))
            .sql()?;
        if !any {
            return Ok(Vec::new());
        }
        // SQLite gives the other columns of a max() group from the row holding the max.
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT g.unit_id, u.name, u.contact, u.phone, g.number, g.title, g.filing_no, g.filed_on
                 FROM (SELECT unit_id, number, title, filing_no, max(filed_on) AS filed_on FROM filing NOT INDEXED
                       WHERE void_reason IS NULL AND filed_on <= ?1 GROUP BY unit_id, number) g
                 JOIN unit u ON u.id = g.unit_id
                 WHERE g.filed_on <= ?2",
            )
            .sql()?;
        collect(
            st.query_map(params![as_of, cutoff], |r| {
                Ok(LatestFiling {
                    unit_id: r.get(0)?,
                    unit: r.get(1)?,
                    contact: r.get(2)?,
                    phone: r.get(3)?,
                    number: r.get(4)?,
                    title: r.get(5)?,
                    filing_no: r.get(6)?,
                    filed_on: r.get(7)?,
                })
            })
            .sql()?,
        )
    }

    /// For each enterprise standard (unit and number), its latest live review on or before
    /// `as_of`.
    pub fn latest_reviews(&self, as_of: Date) -> Result<Vec<LatestReview>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT unit_id, number, max(reviewed_on), outcome FROM review
                 WHERE void_reason IS NULL AND reviewed_on <= ?1 GROUP BY unit_id, number",
            )
            .sql()?;
        collect(
            st.query_map(params![as_of], |r| {
                Ok(LatestReview { unit_id: r.get(0)?, number: r.get(1)?, reviewed_on: r.get(2)?, outcome: r.get(3)? })
            })
            .sql()?,
        )
    }

    // ----- duplicates -----

    /// A live award with this unit, kind and date, other than award `except` (0: any).
    pub fn award_like(&self, unit_id: i64, kind: AwardKind, on: Date, except: i64) -> Result<Option<i64>> {
        self.conn
            .prepare_cached(
                "SELECT id FROM award WHERE unit_id = ?1 AND kind = ?2 AND awarded_on = ?3 AND void_reason IS NULL
                 AND id <> ?4 ORDER BY id LIMIT 1",
            )
            .sql()?
            .query_row(params![unit_id, kind, on, except], |r| r.get(0))
            .optional()
            .sql()
    }

    /// Live projects passed on a date: (id, name, unit name).
    pub fn projects_passed_on(&self, on: Date) -> Result<Vec<(i64, String, String)>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT p.id, p.name, u.name FROM project p JOIN unit u ON u.id = p.unit_id
                 WHERE p.passed_on = ?1 AND p.void_reason IS NULL ORDER BY p.id",
            )
            .sql()?;
        collect(st.query_map(params![on], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).sql()?)
    }

    // ----- by industry -----

    /// Every unit's industry, by id.
    pub fn unit_industries(&self) -> Result<HashMap<i64, Option<String>>> {
        let mut st = self.conn.prepare_cached("SELECT id, industry FROM unit").sql()?;
        let rows: Vec<(i64, Option<String>)> = collect(st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).sql()?)?;
        Ok(rows.into_iter().collect())
    }

    /// Live filings dated from `from` to `to` per unit industry.
    pub fn filings_by_industry(&self, from: Date, to: Date) -> Result<Vec<(Option<String>, i64)>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT u.industry, count(*) FROM filing f NOT INDEXED JOIN unit u ON u.id = f.unit_id
                 WHERE f.void_reason IS NULL AND f.filed_on BETWEEN ?1 AND ?2 GROUP BY u.industry",
            )
            .sql()?;
        collect(st.query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?))).sql()?)
    }

    /// Live reviews dated from `from` to `to` per unit industry.
    pub fn reviews_by_industry(&self, from: Date, to: Date) -> Result<Vec<(Option<String>, i64)>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT u.industry, count(*) FROM review r JOIN unit u ON u.id = r.unit_id
                 WHERE r.void_reason IS NULL AND r.reviewed_on BETWEEN ?1 AND ?2 GROUP BY u.industry",
            )
            .sql()?;
        collect(st.query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?))).sql()?)
    }

    /// A unit's contact person and phone, where stored.
    pub fn unit_contact(&self, unit_id: i64) -> Result<(Option<String>, Option<String>)> {
        self.conn
            .prepare_cached("SELECT contact, phone FROM unit WHERE id = ?1")
            .sql()?
            .query_row(params![unit_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .sql()
            .map(Option::unwrap_or_default)
    }
}

impl Tx<'_> {
    /// Records a dated status change of a milestone, stamped with who and when.
    pub fn insert_milestone_change(&self, c: &MilestoneChange) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO milestone_change (milestone, status, on_date, note, at, os_user)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .sql()?
            .execute(params![c.milestone, c.status, c.on, c.note, self.ctx.at, self.ctx.os_user])
            .sql()?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Sets (or replaces) a fund's budget for a year; returns the one it replaced.
    pub fn set_budget(&self, fund: &str, year: i32, amount_yuan: i64) -> Result<Option<i64>> {
        let before = self.read().budget(fund, year)?;
        self.tx
            .prepare_cached(
                "INSERT INTO budget (fund, year, amount_yuan) VALUES (?1, ?2, ?3)
                 ON CONFLICT (fund, year) DO UPDATE SET amount_yuan = excluded.amount_yuan",
            )
            .sql()?
            .execute(params![fund, year, amount_yuan])
            .sql()?;
        Ok(before)
    }

    /// Sets a plan setting (a comma-separated list) of the plan reports count against.
    pub fn set_plan_setting(&self, key: PlanSetting, items: &[String]) -> Result<()> {
        let sql = format!(
            "INSERT INTO plan_setting (plan, key, value) VALUES ({PLAN}, ?1, ?2)
             ON CONFLICT (plan, key) DO UPDATE SET value = excluded.value"
        );
        self.tx.prepare_cached(&sql).sql()?.execute(params![key, items.join(",")]).sql()?;
        Ok(())
    }
}
