//! The only place SQL lives. Opening, pragmas, the schema version, transactions with their
//! audit entry, and typed queries (one file per group of tables).

mod convert;
mod corrections;
mod facts;
mod import;
mod office;
mod records;
mod schema;
mod units;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Result, anyhow};
use rusqlite::{Connection, OpenFlags, TransactionBehavior, params};

use crate::error::{Msg, V, path as vpath, refuse, usage};

pub use corrections::{Batch, FileChecks, Finalized, ReleasedUnit, Undone};
pub use facts::Fund;
pub use import::{BatchCounts, FilingSink, ReviewSink, StoredFiling, StoredReview};
pub use records::{DayTable, ListFilter, RecordKind};
pub use schema::{SCHEMA_VERSION, VersionVerdict, version_verdict};

/// What opening a database for writing did to an older file: its version, and the copy
/// made beside it before the upgrade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upgrade {
    pub from: i64,
    pub to: i64,
    pub backup: PathBuf,
}
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
    upgrade: Option<Upgrade>,
}

/// A write in progress: one `BEGIN IMMEDIATE` transaction. Dropped without `commit`, it rolls back.
pub struct Tx<'a> {
    tx: rusqlite::Transaction<'a>,
    ctx: &'a AuditCtx,
}

/// The most `STDTRACK_BUSY_TIMEOUT` may ask for: a day (SQLite counts milliseconds in an int).
const MAX_BUSY_SECONDS: f64 = 86_400.0;

fn busy_timeout() -> Duration {
    let secs = std::env::var("STDTRACK_BUSY_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .unwrap_or(30.0)
        .min(MAX_BUSY_SECONDS);
    Duration::from_millis((secs * 1000.0) as u64)
}

/// Turns the SQLite failures the tool can name (busy, read-only, full disk, a damaged file,
/// I/O) into their sentences; any other stays an internal error with its detail. The
/// database's path is filled in by the command layer.
pub(crate) fn explain(e: rusqlite::Error) -> anyhow::Error {
    use rusqlite::ErrorCode as C;
    let here = || V(String::new());
    if let rusqlite::Error::SqliteFailure(f, detail) = &e {
        let msg = match f.code {
            C::DatabaseBusy | C::DatabaseLocked => {
                Some(Msg::Busy { seconds: format!("{:.1}", busy_timeout().as_secs_f64()) })
            }
            C::ReadOnly | C::PermissionDenied => Some(Msg::ReadOnly { path: here() }),
            C::DiskFull => Some(Msg::DiskFull { path: here() }),
            C::DatabaseCorrupt | C::NotADatabase => Some(Msg::Damaged { path: here() }),
            C::SystemIoFailure => {
                Some(Msg::Io { path: here(), detail: detail.clone().unwrap_or_else(|| e.to_string()).into() })
            }
            C::CannotOpen => Some(Msg::CannotOpen { path: here(), detail: e.to_string().into() }),
            _ => None,
        };
        if let Some(msg) = msg {
            return refuse(msg);
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

/// The first bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Checks a path before SQLite opens it: written as a folder (exit 2), missing, not a regular
/// file (a FIFO would hang at open), or not a SQLite file at all.
fn check_db_path(path: &Path) -> Result<()> {
    if written_as_folder(path) {
        return Err(usage(Msg::DbNotAFile { path: vpath(path) }));
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(refuse(Msg::NoDatabase { path: vpath(path) }));
        }
        Err(e) => return Err(refuse(Msg::CannotOpen { path: vpath(path), detail: (&e).into() })),
    };
    if !meta.is_file() {
        return Err(refuse(Msg::DbNotAFile { path: vpath(path) }));
    }
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .map_err(|e| refuse(Msg::CannotOpen { path: vpath(path), detail: (&e).into() }))?;
    if read < head.len() || &head != SQLITE_HEADER {
        return Err(refuse(Msg::NotStdtrack { path: vpath(path) }));
    }
    Ok(())
}

/// `x.db/` (or an empty path): a database path written as a folder, refused as a usage error
/// rather than half-accepted.
fn written_as_folder(path: &Path) -> bool {
    let s = path.as_os_str().to_string_lossy();
    s.is_empty() || s.ends_with('/') || (cfg!(windows) && s.ends_with('\\'))
}

/// Whether this account may write the file (opening it for writing changes nothing).
fn can_write(path: &Path) -> bool {
    std::fs::OpenOptions::new().write(true).open(path).is_ok()
}

/// `file:` URI of a path, for SQLite's `immutable` parameter.
fn file_uri(path: &Path) -> Result<String> {
    let abs =
        std::fs::canonicalize(path).map_err(|e| refuse(Msg::CannotOpen { path: vpath(path), detail: (&e).into() }))?;
    let text = abs.to_string_lossy().replace('\\', "/");
    // Windows gives canonical paths in their verbatim form, \\?\C:\...; SQLite wants C:/...
    let text = text.strip_prefix("//?/").unwrap_or(&text).to_string();
    let mut uri = String::from("file:");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~:".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    Ok(uri)
}

impl Store {
    /// Opens an existing database for a command that writes; never creates one. An older
    /// schema is brought up to date.
    pub fn open(path: &Path) -> Result<Store> {
        check_db_path(path)?;
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(explain)?;
        conn.busy_timeout(busy_timeout()).sql()?;
        // The version is read before anything that could write (such as switching to WAL).
        schema::check_version(&conn, path)?;
        configure(&conn)?;
        let mut store = Store { conn, path: path.to_path_buf(), upgrade: None };
        if let Some(from) = schema::older_version(&store.conn)? {
            // An upgrade changes the file in place: copy it first, beside it, as FILE.vN.bak.
            let backup = upgrade_backup_path(path, from);
            store.backup_file(&backup)?;
            schema::migrate(&mut store.conn, path)?;
            store.upgrade = Some(Upgrade { from, to: SCHEMA_VERSION, backup });
        }
        Ok(store)
    }

    /// What opening did to an older file, if it was one.
    pub fn upgrade(&self) -> Option<&Upgrade> {
        self.upgrade.as_ref()
    }

    /// A consistent copy of the database at `dest`, made beside it and moved into place
    /// whole; a file already there is kept (the upgrade's copy of an earlier attempt).
    fn backup_file(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Ok(());
        }
        let dir = dest.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let tmp = tempfile::Builder::new()
            .prefix(".stdtrack-upgrade-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| init_failed(dest, e))?;
        self.backup_into(tmp.path())?;
        tmp.persist_noclobber(dest).map_err(|e| init_failed(dest, e.error))?;
        Ok(())
    }

    /// Opens an existing database for a command that only reads. SQLite is asked for a
    /// read-only connection; when this account may not write the file and no writer has a
    /// WAL open, the file is read as immutable, so a reader leaves no `-wal`/`-shm` files
    /// behind that would lock the owner out.
    pub fn open_read(path: &Path) -> Result<Store> {
        check_db_path(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let wal = {
            let mut p = path.as_os_str().to_owned();
            p.push("-wal");
            PathBuf::from(p)
        };
        let wal_in_use = std::fs::metadata(&wal).map(|m| m.len() > 0).unwrap_or(false);
        let writable = can_write(path);
        let conn = if writable {
            // The owner reads as a writer that cannot write (`query_only`), so the last
            // connection to close tidies the -wal and -shm files away as before.
            let conn =
                Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                    .map_err(explain)?;
            conn.pragma_update(None, "query_only", true).sql()?;
            conn
        } else if !wal_in_use {
            Connection::open_with_flags(format!("{}?immutable=1", file_uri(path)?), flags).map_err(explain)?
        } else {
            Connection::open_with_flags(path, flags).map_err(explain)?
        };
        conn.busy_timeout(busy_timeout()).sql()?;
        schema::check_version(&conn, path)?;
        schema::require_current(&conn, path)?;
        Ok(Store { conn, path: path.to_path_buf(), upgrade: None })
    }

    /// Creates the file, schema and seeded plan; on a current database does nothing.
    /// Returns the store and whether anything was created.
    ///
    /// The database is built in a temporary file beside the target and moved into place only
    /// when complete, so a killed or failed `init` leaves no file under the target's name,
    /// and of several `init`s at once one creates and the others find it.
    pub fn init(path: &Path) -> Result<(Store, bool)> {
        if written_as_folder(path) {
            return Err(usage(Msg::DbNotAFile { path: vpath(path) }));
        }
        // An empty file (touched, or left by an older init that failed) is taken as new;
        // anything else must be a stdtrack database.
        let empty = match std::fs::metadata(path) {
            Ok(m) if !m.is_file() => return Err(refuse(Msg::DbNotAFile { path: vpath(path) })),
            Ok(m) => m.len() == 0,
            Err(_) => false,
        };
        if path.exists() && !empty {
            return Ok((Store::open(path)?, false));
        }
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        remove_stale_init_files(dir);
        let mut builder = tempfile::Builder::new();
        builder.prefix(INIT_TMP_PREFIX).suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // The office's record: the owner writes, the group may read, others nothing.
            builder.permissions(std::fs::Permissions::from_mode(0o640));
        }
        let tmp = builder.tempfile_in(dir).map_err(|e| init_failed(path, e))?;
        {
            let conn = Connection::open_with_flags(
                tmp.path(),
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(explain)?;
            // Set before the first write fixes it for the file: larger pages make the
            // million-row filing table and its indexes shallower (import ~10% faster).
            conn.pragma_update(None, "page_size", 16384).sql()?;
            let mut conn = conn;
            schema::create(&mut conn)?;
            // WAL is kept in the file's header; a clean close leaves no -wal file behind.
            let _: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0)).sql()?;
            conn.close().map_err(|(_, e)| explain(e))?;
        }
        tmp.as_file().sync_all().map_err(|e| init_failed(path, e))?;
        let created = if empty {
            tmp.persist(path).map_err(|e| init_failed(path, e.error))?;
            true
        } else {
            match tmp.persist_noclobber(path) {
                Ok(_) => true,
                // Another init got there first: use what it made.
                Err(_) if path.exists() => false,
                Err(e) => return Err(init_failed(path, e.error)),
            }
        };
        Ok((Store::open(path)?, created))
    }

    /// An in-memory database with the current schema, for tests.
    pub fn in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().sql()?;
        conn.pragma_update(None, "foreign_keys", "ON").sql()?;
        let mut store = Store { conn, path: PathBuf::from(":memory:"), upgrade: None };
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

    /// Copies the database into `tmp`, an empty file (a consistent snapshot, safe while others
    /// write). The caller puts it in place.
    pub fn backup_into(&self, tmp: &Path) -> Result<()> {
        let tmp_str =
            tmp.to_str().ok_or_else(|| refuse(Msg::CannotWrite { path: vpath(tmp), detail: "not UTF-8".into() }))?;
        // VACUUM INTO writes only the new file; `query_only` would refuse it all the same.
        let was: bool = self.conn.query_row("PRAGMA query_only", [], |r| r.get(0)).sql()?;
        self.conn.pragma_update(None, "query_only", false).sql()?;
        let done = self.conn.execute("VACUUM INTO ?1", params![tmp_str]).sql();
        self.conn.pragma_update(None, "query_only", was).sql()?;
        done.map(|_| ())
    }
}

const INIT_TMP_PREFIX: &str = ".stdtrack-init-";

/// An `init` killed while it built its file leaves the hidden temporary file behind (never a
/// file under the database's name); the next `init` in that folder removes those older than
/// ten minutes, which no `init` still running can own.
fn remove_stale_init_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(INIT_TMP_PREFIX) && name.ends_with(".tmp")) {
            continue;
        }
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(600));
        if old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// `FILE.vN.bak`: the copy of a version-N file made before it is upgraded.
pub fn upgrade_backup_path(db: &Path, version: i64) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(format!(".v{version}.bak"));
    PathBuf::from(p)
}

fn init_failed(path: &Path, e: std::io::Error) -> anyhow::Error {
    if e.kind() == std::io::ErrorKind::PermissionDenied {
        return refuse(Msg::ReadOnly { path: vpath(path) });
    }
    refuse(Msg::CannotWrite { path: vpath(path), detail: (&e).into() })
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
