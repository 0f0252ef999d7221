//! The schema version and its migrations. `schema.sql` is the current shape of a fresh
//! database; a database made by an older release is brought up by the ordered steps in
//! `MIGRATIONS`, each in its own transaction. A database from a newer release is refused
//! untouched.

use std::path::Path;

use anyhow::Result;
use rusqlite::{Connection, TransactionBehavior};

use super::SqlResult;
use crate::error::{Msg, path as vpath, refuse};

/// The version `schema.sql` creates; `PRAGMA user_version` holds it.
pub const SCHEMA_VERSION: i64 = 1;

const SCHEMA_SQL: &str = include_str!("../../schema.sql");

/// Step `i` takes a database from version `i + 1` to `i + 2`.
const MIGRATIONS: &[&str] = &[];

const _: () = assert!(MIGRATIONS.len() as i64 == SCHEMA_VERSION - 1);

fn user_version(conn: &Connection) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0)).sql()
}

/// Refuses a file that is not a stdtrack database (or is damaged), or that a newer release
/// wrote. Reads the version only, so a refused file is left untouched.
pub(super) fn check_version(conn: &Connection, path: &Path) -> Result<()> {
    let version = match conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)) {
        Ok(v) => v,
        Err(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::NotADatabase => {
            return Err(refuse(Msg::NotStdtrack { path: vpath(path) }));
        }
        Err(e) => return Err(super::explain(e)),
    };
    if version > SCHEMA_VERSION {
        return Err(refuse(Msg::NewerSchema { path: vpath(path), version, known: SCHEMA_VERSION }));
    }
    if version < 1 {
        return Err(refuse(Msg::NotStdtrack { path: vpath(path) }));
    }
    Ok(())
}

/// A command that only reads cannot upgrade an older file; it says so.
pub(super) fn require_current(conn: &Connection, path: &Path) -> Result<()> {
    let version = user_version(conn)?;
    if version < SCHEMA_VERSION {
        return Err(refuse(Msg::NotStdtrack { path: vpath(path) }));
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
        if !(1..SCHEMA_VERSION).contains(&version) {
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
