//! The schema version and its migrations. `schema.sql` is the current shape of a fresh
//! database; a database made by an older release is brought up by the ordered steps in
//! `MIGRATIONS`, each in its own transaction. A database from a newer release is refused
//! untouched.

use std::path::Path;

use anyhow::{Result, anyhow};
use rusqlite::{Connection, TransactionBehavior};

use super::SqlResult;
use crate::error::{Msg, path as vpath, refuse};

/// The version `schema.sql` creates; `PRAGMA user_version` holds it.
pub const SCHEMA_VERSION: i64 = 2;

const SCHEMA_SQL: &str = include_str!("../../schema.sql");

/// Step `i` takes a database from version `i + 1` to `i + 2`.
const MIGRATIONS: &[&str] = &[include_str!("migrations/v2.sql")];

const _: () = assert!(MIGRATIONS.len() as i64 == SCHEMA_VERSION - 1);

/// What a database's `PRAGMA user_version` says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionVerdict {
    /// 0 (a SQLite file stdtrack never initialised) or negative (not ours, or damaged).
    NotStdtrack,
    /// Made by an older release: `migrate` brings it up from this version.
    Older(i64),
    Current,
    /// Made by a newer release: refused untouched.
    Newer(i64),
}

/// The one reading of a schema version, shared by `check_version` and `migrate`, so that
/// no version (`-1`, `i64::MIN`) reaches the migration list as an index out of range.
pub fn version_verdict(v: i64) -> VersionVerdict {
    match v {
        ..=0 => VersionVerdict::NotStdtrack,
        SCHEMA_VERSION => VersionVerdict::Current,
        v if v < SCHEMA_VERSION => VersionVerdict::Older(v),
        v => VersionVerdict::Newer(v),
    }
}

/// The migration that takes a database from `version` to `version + 1`, if there is one.
fn migration_from(version: i64) -> Option<&'static str> {
    MIGRATIONS.get(usize::try_from(version.checked_sub(1)?).ok()?).copied()
}

fn user_version(conn: &Connection) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0)).sql()
}

fn verdict_problem(path: &Path, verdict: VersionVerdict) -> Option<anyhow::Error> {
    match verdict {
        VersionVerdict::NotStdtrack => Some(refuse(Msg::NotStdtrack { path: vpath(path) })),
        VersionVerdict::Newer(version) => {
            Some(refuse(Msg::NewerSchema { path: vpath(path), version, known: SCHEMA_VERSION }))
        }
        VersionVerdict::Older(_) | VersionVerdict::Current => None,
    }
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
    match verdict_problem(path, version_verdict(version)) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// A command that only reads cannot upgrade an older file; it says so, naming `migrate`.
pub(super) fn require_current(conn: &Connection, path: &Path) -> Result<()> {
    match version_verdict(user_version(conn)?) {
        VersionVerdict::Older(version) => {
            Err(refuse(Msg::OlderSchema { path: vpath(path), version, current: SCHEMA_VERSION }))
        }
        _ => Ok(()),
    }
}

/// The version of an open database, when it is older than this release's: it will be
/// upgraded by `migrate`.
pub(super) fn older_version(conn: &Connection) -> Result<Option<i64>> {
    Ok(match version_verdict(user_version(conn)?) {
        VersionVerdict::Older(v) => Some(v),
        _ => None,
    })
}

pub(super) fn create(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).sql()?;
    tx.execute_batch(SCHEMA_SQL).sql()?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION).sql()?;
    tx.commit().sql()
}

pub(super) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    loop {
        let version = match version_verdict(user_version(conn)?) {
            VersionVerdict::Older(v) => v,
            VersionVerdict::Current => return Ok(()),
            other => return Err(verdict_problem(path, other).unwrap_or_else(|| anyhow!("schema {other:?}"))),
        };
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).sql()?;
        // Re-read inside the lock: another process may have migrated meanwhile.
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0)).sql()?;
        if now == version {
            let step = migration_from(version)
                .ok_or_else(|| anyhow!("no migration from schema {version} to {}", version + 1))?;
            tx.execute_batch(step).sql()?;
            tx.pragma_update(None, "user_version", version + 1).sql()?;
        }
        tx.commit().sql()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_has_a_verdict_and_no_migration_index_goes_out_of_range() {
        use VersionVerdict::*;
        let cases = [
            (i64::MIN, NotStdtrack),
            (-1, NotStdtrack),
            (0, NotStdtrack),
            (SCHEMA_VERSION, Current),
            (SCHEMA_VERSION + 1, Newer(SCHEMA_VERSION + 1)),
            (i64::MAX, Newer(i64::MAX)),
        ];
        for (v, want) in cases {
            assert_eq!(version_verdict(v), want, "{v}");
        }
        // Empty while SCHEMA_VERSION is 1; written so it stays right when migrations come.
        for v in (1..).take_while(|v| *v < SCHEMA_VERSION) {
            assert_eq!(version_verdict(v), Older(v));
            assert!(migration_from(v).is_some(), "no step from {v}");
        }
        for v in [i64::MIN, -1, 0, SCHEMA_VERSION, i64::MAX] {
            assert_eq!(migration_from(v), None, "{v}");
        }
    }
}
