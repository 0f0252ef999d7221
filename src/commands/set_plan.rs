//! `stdtrack set-plan KEY VALUE...`: one of the readings of the notice the office decides
//! (issue 12): which local-standard prefixes count (`local-prefixes DB50`), which committee
//! prefixes are national (`national-committees SAC`), the focus industries. Audited, with
//! the setting before and after.

use anyhow::Result;
use serde_json::json;

use super::{Ctx, enum_arg};
use crate::cli::SetPlanArgs;
use crate::core::model::PlanSetting;
use crate::core::readings::parse_setting;
use crate::core::records::Object;
use crate::error::{Msg, refuse};

pub fn run(a: SetPlanArgs, ctx: &Ctx) -> Result<()> {
    let key = enum_arg::<PlanSetting>("KEY", &a.key)?;
    for v in &a.values {
        super::text_arg("VALUE", v)?;
    }
    let items = parse_setting(key, &a.values).map_err(|err| refuse(Msg::Setting { key, err }))?;
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let plan = read.plan()?;
    let before = read.readings()?.get(key).to_vec();
    tx.set_plan_setting(key, &items)?;
    let mut o = Object::new();
    o.insert("plan".into(), json!(plan.code));
    o.insert("key".into(), json!(key.as_str()));
    o.insert("value".into(), json!(items));
    o.insert("previous".into(), json!(before));
    let before_image = json!({"plan": plan.code, "key": key.as_str(), "value": before});
    tx.audit("update", "plan_setting", None, Some(&before_image), Some(&o.clone().into()))?;
    ctx.finish(tx, &o, "settings")
}
