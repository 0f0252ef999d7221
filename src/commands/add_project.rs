//! `stdtrack add-project`: a municipal standardization project (市级标准化项目) that passed. A
//! project with the same name and pass date as a live one, whatever its unit, is refused,
//! naming it (it would earn twice); `--duplicate-ok --reason` records it all the same, the
//! reason kept in the audit log.

use anyhow::Result;
use serde_json::json;

use super::{Ctx, event_date_arg, resolve_unit, text_arg};
use crate::cli::ProjectArgs;
use crate::core::model::ProjectFact;
use crate::core::records::ToJson;
use crate::core::standards::same_project;
use crate::error::{Msg, refuse};

pub fn run(a: ProjectArgs, ctx: &Ctx) -> Result<()> {
    let name = text_arg("--name", &a.name)?;
    let passed_on = event_date_arg("--passed", &a.passed, ctx.today)?;
    let reason = super::duplicate_reason(a.duplicate_ok, a.reason.as_ref())?;
    let mut store = ctx.open()?;
    let unit = resolve_unit(store.read(), "--unit", &a.unit)?;
    let tx = store.begin(&ctx.audit)?;
    if reason.is_none() {
        let same_day = tx.read().projects_passed_on(passed_on)?;
        if let Some((id, stored, of)) = same_day.into_iter().find(|(_, n, _)| same_project(n, &name)) {
            return Err(refuse(Msg::DuplicateProject { id, name: stored, unit: of, on: passed_on }));
        }
    }
    let mut p = ProjectFact { id: 0, unit: unit.as_ref(), name, passed_on };
    p.id = tx.insert_project(&p)?;
    let after = p.to_json();
    let mut audited = after.clone();
    if let Some(r) = reason {
        audited.insert("reason".into(), json!(r));
    }
    tx.audit("insert", "project", Some(p.id), None, Some(&audited.into()))?;
    ctx.finish(tx, &after, "projects")
}
