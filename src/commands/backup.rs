//! `stdtrack backup DEST`: a consistent copy of the database, safe while others write. The
//! copy is made in a temporary file beside DEST and moved into place when complete, so a
//! killed or failed backup leaves no file under DEST's name.

use anyhow::Result;
use serde_json::json;

use super::{Ctx, Guard, files};
use crate::core::records::Object;
use crate::error::{Msg, path as vpath, refuse};

pub fn run(a: crate::cli::BackupArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("backup", super::RECORD_FORMATS)?;
    Guard::for_db(&ctx.db).check("backup FILE", &a.dest)?;
    if a.dest.exists() {
        return Err(refuse(Msg::BackupExists { path: vpath(&a.dest) }));
    }
    let store = ctx.open_read()?;
    let tmp = files::create_beside(&a.dest)?;
    store.backup_into(tmp.path())?;
    if !tmp.persist_new()? {
        return Err(refuse(Msg::BackupExists { path: vpath(&a.dest) }));
    }
    let mut o = Object::new();
    o.insert("db".into(), json!(ctx.db.display().to_string()));
    o.insert("backup".into(), json!(a.dest.display().to_string()));
    // The copy is made: an output that fails now is exit 4, never 1.
    ctx.emit_record(&o, "backup").map_err(super::output_lost)
}
