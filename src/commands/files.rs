//! Files the tool writes (`--out`, `--rejects`, backups) and reads (imports): never onto the
//! database or the file being read, always whole or not at all, with the modes a clerk expects.
//!
//! - A path to write is refused (exit 2) when it is the database, one of SQLite's files beside
//!   it (`-wal`, `-shm`, `-journal`, existing or not), or the file being imported. Identity is
//!   compared by device and inode where the platform has them (so symlinks and hard links are
//!   caught), else by canonical path.
//! - A file is written to a temporary file beside its target and renamed into place: a reader
//!   never sees half a file, and a failed or killed run leaves no file under the target's name.
//! - A new file follows the umask (0666 & !umask); a file replaced keeps its mode.

use std::fs::{self, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::error::{Msg, Protected, path as vpath, refuse, usage};

/// The files an output must not land on.
pub struct Guard {
    protected: Vec<(PathBuf, Protected)>,
}

const DB_COMPANIONS: &[&str] = &["", "-wal", "-shm", "-journal"];

impl Guard {
    /// Protects the database (as given, and as its symlinks resolve) and its companions.
    pub fn for_db(db: &Path) -> Guard {
        let mut protected = Vec::new();
        let mut bases = vec![db.to_path_buf()];
        if let Ok(real) = fs::canonicalize(db) {
            bases.push(real);
        }
        for base in bases {
            for suffix in DB_COMPANIONS {
                protected.push((companion(&base, suffix), Protected::Database));
            }
        }
        Guard { protected }
    }

    /// Also protects a file being read.
    pub fn with_input(mut self, input: &Path) -> Guard {
        self.protected.push((input.to_path_buf(), Protected::Input));
        self
    }

    /// Refuses (exit 2) writing `path` for `option` when it is a protected file, a folder or
    /// a device.
    pub fn check(&self, option: &str, path: &Path) -> Result<()> {
        for (p, what) in &self.protected {
            if same_file(path, p) {
                return Err(usage(Msg::OutIsProtected { option: option.into(), path: vpath(path), what: *what }));
            }
        }
        if let Ok(meta) = fs::metadata(path) {
            if !meta.is_file() {
                return Err(usage(Msg::OutNotRegular { option: option.into(), path: vpath(path) }));
            }
        }
        if path.as_os_str().is_empty() || ends_with_separator(path) {
            return Err(usage(Msg::OutNotRegular { option: option.into(), path: vpath(path) }));
        }
        Ok(())
    }
}

/// The path of a SQLite companion file (`-wal`, `-shm`, `-journal`) of a database.
pub fn companion(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// `x.db/`: a path written as a folder.
pub fn ends_with_separator(path: &Path) -> bool {
    let s = path.as_os_str().to_string_lossy();
    s.ends_with('/') || (cfg!(windows) && s.ends_with('\\'))
}

#[cfg(unix)]
fn same_identity(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_identity(_a: &Metadata, _b: &Metadata) -> bool {
    false
}

/// Where a path points once its folder's symlinks (and its own, if any) are resolved; works
/// for files that do not exist yet.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = fs::canonicalize(path) {
        return Some(real);
    }
    // A dangling symlink: follow it by hand.
    let target = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            let link = fs::read_link(path).ok()?;
            let parent = path.parent().unwrap_or(Path::new(""));
            parent.join(link)
        }
        _ => path.to_path_buf(),
    };
    let name = target.file_name()?;
    let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Some(fs::canonicalize(parent).ok()?.join(name))
}

/// Whether two paths name the same file: by identity when both exist, else by where they point.
pub fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(ma), Ok(mb)) = (fs::metadata(a), fs::metadata(b)) {
        if same_identity(&ma, &mb) {
            return true;
        }
    }
    a == b || matches!((resolved(a), resolved(b)), (Some(x), Some(y)) if x == y)
}

/// A file written beside its target, not yet in place.
pub struct Pending {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
}

/// Writes `bytes` to a temporary file beside `target` (mode: the target's if it exists, else
/// 0666 less the umask) and syncs it; `Pending::persist` puts it in place.
pub fn prepare(target: &Path, bytes: &[u8]) -> Result<Pending> {
    let mut pending = create_beside(target)?;
    let cannot = |e: std::io::Error| refuse(Msg::CannotWrite { path: vpath(target), detail: (&e).into() });
    pending.tmp.write_all(bytes).map_err(cannot)?;
    pending.tmp.as_file().sync_all().map_err(cannot)?;
    Ok(pending)
}

/// An empty temporary file beside `target`, for a writer that fills it itself.
pub fn create_beside(target: &Path) -> Result<Pending> {
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".stdtrack-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(target).map(|m| m.permissions().mode() & 0o7777).unwrap_or(0o666);
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    let tmp =
        builder.tempfile_in(dir).map_err(|e| refuse(Msg::CannotWrite { path: vpath(target), detail: (&e).into() }))?;
    // A replaced file keeps its mode even where the umask would narrow it.
    #[cfg(unix)]
    if let Ok(meta) = fs::metadata(target) {
        let _ = fs::set_permissions(tmp.path(), meta.permissions());
    }
    Ok(Pending { tmp, target: target.to_path_buf() })
}

impl Pending {
    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    pub fn file(&mut self) -> &mut std::fs::File {
        self.tmp.as_file_mut()
    }

    /// Flushes the file to the disk before it is put in place.
    pub fn sync(&mut self) -> Result<()> {
        let target = self.target.clone();
        self.tmp
            .as_file()
            .sync_all()
            .map_err(|e| refuse(Msg::CannotWrite { path: vpath(&target), detail: (&e).into() }))
    }

    /// Puts the file in place, replacing what was there.
    pub fn persist(self) -> Result<()> {
        let target = self.target;
        self.tmp
            .persist(&target)
            .map_err(|e| refuse(Msg::CannotWrite { path: vpath(&target), detail: (&e.error).into() }))?;
        Ok(())
    }

    /// Puts the file in place only if nothing is there yet; `Ok(false)` when something is.
    pub fn persist_new(self) -> Result<bool> {
        let target = self.target;
        match self.tmp.persist_noclobber(&target) {
            Ok(_) => Ok(true),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists || target.exists() => Ok(false),
            Err(e) => Err(refuse(Msg::CannotWrite { path: vpath(&target), detail: (&e.error).into() })),
        }
    }
}

/// Refuses (exit 1) reading anything that is not a regular file (a FIFO with no writer would
/// hang at open), before opening it.
pub fn check_input(path: &Path) -> Result<()> {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(_) => Err(refuse(Msg::InputNotRegular { path: vpath(path) })),
        Err(e) => Err(refuse(Msg::CannotRead { path: vpath(path), detail: (&e).into() })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_its_companions_and_links_to_them_are_protected() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("p.db");
        fs::write(&db, b"x").unwrap();
        let guard = Guard::for_db(&db);
        assert!(guard.check("--out", &db).is_err());
        assert!(guard.check("--out", &dir.path().join("p.db-wal")).is_err(), "a -wal that does not exist yet");
        assert!(guard.check("--out", &dir.path().join("./p.db-shm")).is_err());
        assert!(guard.check("--out", &dir.path().join("other.json")).is_ok());
        #[cfg(unix)]
        {
            let link = dir.path().join("link.json");
            std::os::unix::fs::symlink(&db, &link).unwrap();
            assert!(guard.check("--out", &link).is_err(), "a symlink to the database");
            let hard = dir.path().join("hard.json");
            fs::hard_link(&db, &hard).unwrap();
            assert!(guard.check("--out", &hard).is_err(), "a hard link to the database");
            let dangling = dir.path().join("dangling");
            std::os::unix::fs::symlink(dir.path().join("p.db-journal"), &dangling).unwrap();
            assert!(guard.check("--out", &dangling).is_err(), "a symlink to a journal not yet there");
        }
        assert!(guard.check("--out", dir.path()).is_err(), "a folder");
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("r.json");
        fs::write(&target, b"old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o604)).unwrap();
        prepare(&target, b"new").unwrap().persist().unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o604);
    }
}
