//! `stdtrack add-project`: a municipal standardization project (市级标准化项目) that passed.

use anyhow::Result;

use super::{Ctx, event_date_arg, resolve_unit, text_arg};
use crate::cli::ProjectArgs;
use crate::core::model::ProjectFact;
use crate::core::records::ToJson;

pub fn run(a: ProjectArgs, ctx: &Ctx) -> Result<()> {
    let name = text_arg("--name", &a.name)?;
    let passed_on = event_date_arg("--passed", &a.passed, ctx.today)?;
    let mut store = ctx.open()?;
    let unit = resolve_unit(store.read(), "--unit", &a.unit)?;
    let tx = store.begin(&ctx.audit)?;
    let mut p = ProjectFact { id: 0, unit: unit.as_ref(), name, passed_on };
    p.id = tx.insert_project(&p)?;
    let after = p.to_json();
    tx.audit("insert", "project", Some(p.id), None, Some(&after.clone().into()))?;
    ctx.finish(tx, &after, "projects")
}
