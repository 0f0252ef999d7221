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

    /// Every unit with its name key, for the import's in-memory index and name suggestions.
    pub fn unit_keys(&self) -> Result<Vec<(Unit, String)>> {
        let mut st =
            self.conn.prepare_cached(&format!("SELECT {UNIT_COLUMNS}, name_key FROM unit ORDER BY id")).sql()?;
        let rows = st.query_map([], |r| Ok((unit_row(r)?, r.get::<_, String>(7)?))).sql()?;
        rows.collect::<rusqlite::Result<Vec<_>>>().sql()
    }
}

/// The store answers the core's unit lookup (`core::units::resolve`).
impl UnitLookup for Reader<'_> {
    type Error = anyhow::Error;
    fn by_uscc(&self, uscc: &str) -> Result<Option<Unit>> {
        self.unit_by_uscc(uscc)
    }
    fn by_org_code(&self, org: &str) -> Result<Vec<Unit>> {
        self.units_by_org_code(org)
    }
    fn by_id(&self, id: i64) -> Result<Option<Unit>> {
        self.unit(id)
    }
    fn by_name_key(&self, key: &str) -> Result<Option<Unit>> {
        self.unit_by_name_key(key)
    }
    fn each_name(&self, f: &mut dyn FnMut(i64, &str, &str)) -> Result<()> {
        let mut st = self.conn.prepare_cached("SELECT id, name, name_key FROM unit ORDER BY id").sql()?;
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
