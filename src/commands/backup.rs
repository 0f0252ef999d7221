//! `stdtrack backup DEST`: a consistent copy of the database, safe while others write.

use anyhow::Result;
use serde_json::json;

use super::Ctx;
use crate::core::records::Object;

pub fn run(a: crate::cli::BackupArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("backup", super::RECORD_FORMATS)?;
    let store = ctx.open()?;
    store.backup_to(&a.dest)?;
    let mut o = Object::new();
    o.insert("db".into(), json!(ctx.db.display().to_string()));
    o.insert("backup".into(), json!(a.dest.display().to_string()));
    ctx.emit_record(&o)
}
