//! `stdtrack init`: create the file, schema and seeded plan; idempotent.

use anyhow::Result;
use serde_json::json;

use super::{Ctx, RECORD_FORMATS};
use crate::core::records::Object;
use crate::store::{SCHEMA_VERSION, Store};

pub fn run(ctx: &Ctx) -> Result<()> {
    // Refuse an impossible format before the file is created.
    ctx.require_format("init", RECORD_FORMATS)?;
    let (store, created) = Store::init(&ctx.db)?;
    let plan = store.read().plan()?;
    let mut o = Object::new();
    o.insert("db".into(), json!(ctx.db.display().to_string()));
    o.insert("created".into(), json!(created));
    o.insert("schema_version".into(), json!(SCHEMA_VERSION));
    o.insert("plan".into(), json!(plan.code));
    o.insert("start".into(), json!(plan.start.to_string()));
    o.insert("deadline".into(), json!(plan.deadline.to_string()));
    // A file created and then not shown is still created: exit 4, never 1.
    let shown = ctx.emit_record(&o, "init");
    if created { shown.map_err(super::output_lost) } else { shown }
}
