//! The schema version and its migrations. `schema.sql` is the current shape of a fresh
//! database; a database made by an older release is brought up by the ordered steps in
//! `MIGRATIONS`, each in its own transaction. A database from a newer release is refused
//! untouched.

use std::path::Path;

use anyhow::{Result, bail};
use rusqlite::{Connection, TransactionBehavior};

use super::{SqlResult, StoreRefusal};

/// The version `schema.sql` creates; `PRAGMA user_version` holds it.
pub const SCHEMA_VERSION: i64 = 1;

const SCHEMA_SQL: &str = include_str!("../../schema.sql");

/// Step `i` takes a database from version `i + 1` to `i + 2`.
const MIGRATIONS: &[&str] = &[];

const _: () = assert!(MIGRATIONS.len() as i64 == SCHEMA_VERSION - 1);

fn user_version(conn: &Connection) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0)).sql()
}

pub(super) fn check_version(conn: &Connection, path: &Path) -> Result<()> {
    let version = user_version(conn).map_err(|e| {
        anyhow::Error::new(StoreRefusal(format!(
            "{} is not a stdtrack database ({e:#}); name another file with --db",
            path.display()
        )))
    })?;
    if version > SCHEMA_VERSION {
        bail!(StoreRefusal(format!(
            "{} was written by a newer stdtrack (schema {version}, this one knows {SCHEMA_VERSION}); \
             it was left untouched: use the newer release",
            path.display()
        )));
    }
    if version == 0 {
        bail!(StoreRefusal(format!(
            "{} is not a stdtrack database; run `stdtrack init` on a new path",
            path.display()
        )));
    }
    Ok(())
}

pub(super) fn create(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).sql()?;
    tx.execute_batch(SCHEMA_SQL).sql()?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION).sql()?;
    tx.commit().sql()
}

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    loop {
        let version = user_version(conn)?;
        if version >= SCHEMA_VERSION {
            return Ok(());
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).sql()?;
        // Re-read inside the lock: another process may have migrated meanwhile.
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0)).sql()?;
        if now == version {
            tx.execute_batch(MIGRATIONS[(version - 1) as usize]).sql()?;
            tx.pragma_update(None, "user_version", version + 1).sql()?;
        }
        tx.commit().sql()?;
    }
}
