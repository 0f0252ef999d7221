//! Units: lookup by every key a clerk may type, insert, update.

use anyhow::Result;
use rusqlite::{OptionalExtension, Row, params};

use super::{Reader, SqlResult, Tx};
use crate::core::records::Unit;
use crate::core::units::UnitLookup;

const UNIT_COLUMNS: &str = "id, name, uscc, org_code, kind, industry, location";

fn unit_row(r: &Row<'_>) -> rusqlite::Result<Unit> {
    Ok(Unit {
        id: r.get(0)?,
        name: r.get(1)?,
        uscc: r.get(2)?,
        org_code: r.get(3)?,
        kind: r.get(4)?,
        industry: r.get(5)?,
        location: r.get(6)?,
    })
}

/// A unit to write; codes already normalised and checked, `name_key` from `core::ids::name_key`.
#[derive(Debug, Clone)]
pub struct UnitRow<'a> {
    pub unit: &'a Unit,
    pub name_key: &'a str,
    pub batch_id: Option<i64>,
}

impl Reader<'_> {
    pub fn unit(&self, id: i64) -> Result<Option<Unit>> {
        self.conn
            .prepare_cached(&format!("SELECT {UNIT_COLUMNS} FROM unit WHERE id = ?1"))
            .sql()?
            .query_row(params![id], unit_row)
            .optional()
            .sql()
    }

    pub fn unit_by_uscc(&self, uscc: &str) -> Result<Option<Unit>> {
        self.conn
            .prepare_cached(&format!("SELECT {UNIT_COLUMNS} FROM unit WHERE uscc = ?1"))
            .sql()?
            .query_row(params![uscc], unit_row)
            .optional()
            .sql()
    }

    /// Units whose organisation code, stored or inside their USCC, is `org` ("XXXXXXXX-C").
    pub fn units_by_org_code(&self, org: &str) -> Result<Vec<Unit>> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {UNIT_COLUMNS} FROM unit WHERE org_code = ?1 UNION SELECT {UNIT_COLUMNS} FROM unit WHERE uscc_org = ?1 ORDER BY id"
            ))
            .sql()?;
        let rows = st.query_map(params![org], unit_row).sql()?;
        rows.collect::<rusqlite::Result<Vec<_>>>().sql()
    }

    pub fn unit_by_name_key(&self, key: &str) -> Result<Option<Unit>> {
        self.conn
            .prepare_cached(&format!("SELECT {UNIT_COLUMNS} FROM unit WHERE name_key = ?1"))
            .sql()?
            .query_row(params![key], unit_row)
            .optional()
            .sql()
    }

    pub fn units(&self) -> Result<Vec<Unit>> {
        let mut st = self.conn.prepare_cached(&format!("SELECT {UNIT_COLUMNS} FROM unit ORDER BY id")).sql()?;
        let rows = st.query_map([], unit_row).sql()?;
        rows.collect::<rusqlite::Result<Vec<_>>>().sql()
    }

    /// Every live unit with its name key, for the import's in-memory index and name
    /// suggestions. A duplicate merged into another unit comes first under its own name key
    /// but as the unit kept (id and name, no codes: those moved to it), so a file naming the
    /// duplicate finds the unit kept rather than creating the duplicate again; the unit kept
    /// itself follows, so its id maps to its full record. Units voided by an undone import
    /// are left out (their keys were released).
    pub fn unit_keys(&self) -> Result<Vec<(Unit, String)>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT k.id, k.name, NULL, NULL, k.kind, k.industry, k.location, d.name_key
                 FROM unit d JOIN unit k ON k.id = d.merged_into
                 WHERE d.void_reason IS NOT NULL AND k.void_reason IS NULL ORDER BY d.id",
            )
            .sql()?;
        let rows = st.query_map([], |r| Ok((unit_row(r)?, r.get::<_, String>(7)?))).sql()?;
        let mut all = rows.collect::<rusqlite::Result<Vec<_>>>().sql()?;
        let mut st = self
            .conn
            .prepare_cached(&format!("SELECT {UNIT_COLUMNS}, name_key FROM unit WHERE void_reason IS NULL ORDER BY id"))
            .sql()?;
        let rows = st.query_map([], |r| Ok((unit_row(r)?, r.get::<_, String>(7)?))).sql()?;
        all.extend(rows.collect::<rusqlite::Result<Vec<_>>>().sql()?);
        Ok(all)
    }

    /// Every live unit (merged duplicates and units of undone imports left out).
    pub fn live_units(&self) -> Result<Vec<Unit>> {
        let mut st = self
            .conn
            .prepare_cached(&format!("SELECT {UNIT_COLUMNS} FROM unit WHERE void_reason IS NULL ORDER BY id"))
            .sql()?;
        let rows = st.query_map([], unit_row).sql()?;
        rows.collect::<rusqlite::Result<Vec<_>>>().sql()
    }

    /// A live unit by its id.
    fn live_unit(&self, id: i64) -> Result<Option<Unit>> {
        self.conn
            .prepare_cached(&format!("SELECT {UNIT_COLUMNS} FROM unit WHERE id = ?1 AND void_reason IS NULL"))
            .sql()?
            .query_row(params![id], unit_row)
            .optional()
            .sql()
    }

    fn is_live(&self, id: i64) -> Result<bool> {
        Ok(self.live_unit(id)?.is_some())
    }
}

/// The store answers the core's unit lookup (`core::units::resolve`), over live units only:
/// a duplicate merged into another, or a unit of an undone import, is found by no one.
impl UnitLookup for Reader<'_> {
    type Error = anyhow::Error;
    fn by_uscc(&self, uscc: &str) -> Result<Option<Unit>> {
        Ok(match self.unit_by_uscc(uscc)? {
            Some(u) if self.is_live(u.id)? => Some(u),
            _ => None,
        })
    }
    fn by_org_code(&self, org: &str) -> Result<Vec<Unit>> {
        let mut live = Vec::new();
        for u in self.units_by_org_code(org)? {
            if self.is_live(u.id)? {
                live.push(u);
            }
        }
        Ok(live)
    }
    fn by_id(&self, id: i64) -> Result<Option<Unit>> {
        self.live_unit(id)
    }
    fn by_name_key(&self, key: &str) -> Result<Option<Unit>> {
        Ok(match self.unit_by_name_key(key)? {
            Some(u) if self.is_live(u.id)? => Some(u),
            _ => None,
        })
    }
    fn each_name(&self, f: &mut dyn FnMut(i64, &str, &str)) -> Result<()> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id, name, name_key FROM unit WHERE void_reason IS NULL ORDER BY id")
            .sql()?;
        let mut rows = st.query([]).sql()?;
        while let Some(r) = rows.next().sql()? {
            let (id, name, key): (i64, String, String) = (r.get(0).sql()?, r.get(1).sql()?, r.get(2).sql()?);
            f(id, &name, &key);
        }
        Ok(())
    }
}

impl Tx<'_> {
    pub fn insert_unit(&self, row: &UnitRow<'_>) -> Result<i64> {
        let u = row.unit;
        self.tx
            .prepare_cached(
                "INSERT INTO unit (name, name_key, uscc, org_code, kind, industry, location, batch_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .sql()?
            .execute(params![u.name, row.name_key, u.uscc, u.org_code, u.kind, u.industry, u.location, row.batch_id])
            .sql()?;
        Ok(self.tx.last_insert_rowid())
    }

    #[cfg(test)]
    pub fn set_unit_id_for_test(&self, from: i64, to: i64) {
        self.tx.execute("UPDATE unit SET id = ?2 WHERE id = ?1", params![from, to]).expect("renumber");
    }

    pub fn update_unit(&self, row: &UnitRow<'_>) -> Result<()> {
        let u = row.unit;
        self.tx
            .prepare_cached(
                "UPDATE unit SET name = ?2, name_key = ?3, uscc = ?4, org_code = ?5, kind = ?6,
                 industry = ?7, location = ?8 WHERE id = ?1",
            )
            .sql()?
            .execute(params![u.id, u.name, row.name_key, u.uscc, u.org_code, u.kind, u.industry, u.location])
            .sql()?;
        Ok(())
    }
}
