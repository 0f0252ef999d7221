//! The only place SQL lives. Opening, pragmas, the schema version, transactions with their
//! audit entry, and typed queries (one file per group of tables).

mod convert;
mod facts;
mod import;
mod records;
mod schema;
mod units;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use rusqlite::{Connection, OpenFlags, TransactionBehavior, params};

pub use facts::Fund;
pub use import::{BatchCounts, FilingSink, ReviewSink, StoredFiling, StoredReview};
pub use records::{DayTable, ListFilter, RecordKind};
pub use schema::{SCHEMA_VERSION, VersionVerdict, version_verdict};
pub use units::UnitRow;

/// Who is writing, when and with which command line: stamped on every audit entry.
#[derive(Debug, Clone)]
pub struct AuditCtx {
    pub at: String,
    pub os_user: String,
    pub command: String,
}

/// An open stdtrack database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// A write in progress: one `BEGIN IMMEDIATE` transaction. Dropped without `commit`, it rolls back.
pub struct Tx<'a> {
    tx: rusqlite::Transaction<'a>,
    ctx: &'a AuditCtx,
}

/// A user-facing refusal raised by the store (busy database, missing file, newer schema).
#[derive(Debug)]
pub struct StoreRefusal(pub String);

impl std::fmt::Display for StoreRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for StoreRefusal {}

fn busy_timeout() -> Duration {
    let secs = std::env::var("STDTRACK_BUSY_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .unwrap_or(30.0);
    Duration::from_millis((secs * 1000.0) as u64)
}

/// Turns SQLite's "busy"/"locked" into the sentence CLI.md promises; other errors pass through.
pub(crate) fn explain(e: rusqlite::Error) -> anyhow::Error {
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) {
            return anyhow!(StoreRefusal(format!(
                "the database is busy: another stdtrack kept it locked for {:.1} s; nothing was written, try again",
                busy_timeout().as_secs_f64()
            )));
        }
    }
    anyhow!(e)
}

trait SqlResult<T> {
    fn sql(self) -> Result<T>;
}
impl<T> SqlResult<T> for rusqlite::Result<T> {
    fn sql(self) -> Result<T> {
        self.map_err(explain)
    }
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(busy_timeout()).sql()?;
    conn.pragma_update(None, "foreign_keys", "ON").sql()?;
    // WAL lets reports read while a writer works; it needs a local disk (DOMAIN.md §7).
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0)).sql()?;
    if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
        conn.pragma_update(None, "journal_mode", "DELETE").sql()?;
    }
    conn.pragma_update(None, "synchronous", "NORMAL").sql()?;
    Ok(())
}

impl Store {
    /// Opens an existing database; never creates one.
    pub fn open(path: &Path) -> Result<Store> {
        if !path.exists() {
            bail!(StoreRefusal(format!(
                "there is no database at {}; run `stdtrack init` to create it, or name another with --db",
                path.display()
            )));
        }
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .with_context(|| format!("cannot open {}", path.display()))?;
        conn.busy_timeout(busy_timeout()).sql()?;
        // The version is read before anything that could write (such as switching to WAL).
        schema::check_version(&conn, path)?;
        configure(&conn)?;
        let mut store = Store { conn, path: path.to_path_buf() };
        schema::migrate(&mut store.conn, path)?;
        Ok(store)
    }

    /// Creates the file, schema and seeded plan; on a current database does nothing.
    /// Returns the store and whether anything was created.
    pub fn init(path: &Path) -> Result<(Store, bool)> {
        // An empty file (touched, or left by an init that failed before its first commit) is
        // taken as new; anything else must be a stdtrack database.
        let empty = std::fs::metadata(path).map(|m| m.len() == 0).unwrap_or(false);
        if path.exists() && !empty {
            let store = Store::open(path)?;
            return Ok((store, false));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .with_context(|| format!("cannot create {}", path.display()))?;
        // Set before the first write fixes it for the file: larger pages make the million-row
        // filing table and its indexes shallower (import ~10% faster, issue 4 note).
        conn.pragma_update(None, "page_size", 16384).sql()?;
        configure(&conn)?;
        let mut store = Store { conn, path: path.to_path_buf() };
        schema::create(&mut store.conn)?;
        Ok((store, true))
    }

    /// An in-memory database with the current schema, for tests.
    pub fn in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().sql()?;
        conn.pragma_update(None, "foreign_keys", "ON").sql()?;
        let mut store = Store { conn, path: PathBuf::from(":memory:") };
        schema::create(&mut store.conn)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads outside any write transaction.
    pub fn read(&self) -> Reader<'_> {
        Reader { conn: &self.conn }
    }

    /// A consistent view for a report: one read transaction, so a write committed while the
    /// report reads (an import, a payment) is either wholly in it or wholly out.
    pub fn snapshot(&mut self) -> Result<Snapshot<'_>> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Deferred).sql()?;
        // The snapshot starts at the first read; take it now.
        tx.query_row("SELECT count(*) FROM plan", [], |r| r.get::<_, i64>(0)).sql()?;
        Ok(Snapshot { tx })
    }

    /// Starts a write: `BEGIN IMMEDIATE`, so a waiting writer waits here, before reading.
    pub fn begin<'a>(&'a mut self, ctx: &'a AuditCtx) -> Result<Tx<'a>> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).sql()?;
        Ok(Tx { tx, ctx })
    }

    /// Copies the database to `dest` (a consistent snapshot, safe while others write).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            bail!(StoreRefusal(format!("{} exists already; name a new file", dest.display())));
        }
        let dest_str = dest.to_str().ok_or_else(|| anyhow!("the backup path is not valid UTF-8"))?;
        self.conn.execute("VACUUM INTO ?1", params![dest_str]).sql()?;
        Ok(())
    }
}

/// A read transaction held for the length of a report.
pub struct Snapshot<'a> {
    tx: rusqlite::Transaction<'a>,
}

impl Snapshot<'_> {
    pub fn read(&self) -> Reader<'_> {
        Reader { conn: &self.tx }
    }
}

/// Read-only queries, usable on the store or inside a transaction.
#[derive(Clone, Copy)]
pub struct Reader<'a> {
    conn: &'a Connection,
}

impl<'a> Tx<'a> {
    pub fn read(&self) -> Reader<'_> {
        Reader { conn: &self.tx }
    }

    pub fn commit(self) -> Result<()> {
        self.tx.commit().sql()
    }

    /// Adds the audit entry of one change, inside this transaction.
    pub fn audit(
        &self,
        action: &str,
        record_kind: &str,
        record_id: Option<i64>,
        before: Option<&serde_json::Value>,
        after: Option<&serde_json::Value>,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO audit (at, os_user, command, action, record_kind, record_id, before, after)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .sql()?
            .execute(params![
                self.ctx.at,
                self.ctx.os_user,
                self.ctx.command,
                action,
                record_kind,
                record_id,
                before.map(|v| v.to_string()),
                after.map(|v| v.to_string()),
            ])
            .sql()?;
        Ok(())
    }
}
