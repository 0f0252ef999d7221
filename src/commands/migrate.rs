//! `stdtrack migrate`: bring a database an older release made up to this release's schema,
//! after copying it beside itself as `FILE.vN.bak`. Opening for writing does the work; this
//! command says what was done.

use anyhow::Result;
use serde_json::json;

use super::Ctx;
use crate::core::records::Object;
use crate::store::SCHEMA_VERSION;

pub fn run(ctx: &Ctx) -> Result<()> {
    let store = ctx.open()?;
    let mut o = Object::new();
    o.insert("db".into(), json!(ctx.db.display().to_string()));
    match store.upgrade() {
        Some(u) => {
            o.insert("upgraded".into(), json!(true));
            o.insert("from_version".into(), json!(u.from));
            o.insert("schema_version".into(), json!(u.to));
            o.insert("backup".into(), json!(u.backup.display().to_string()));
        }
        None => {
            o.insert("upgraded".into(), json!(false));
            o.insert("schema_version".into(), json!(SCHEMA_VERSION));
        }
    }
    // An upgraded file is upgraded whatever becomes of its output: exit 4, never 1.
    let upgraded = store.upgrade().is_some();
    let shown = ctx.emit_record(&o, "migrate");
    if upgraded { shown.map_err(super::output_lost) } else { shown }
}
