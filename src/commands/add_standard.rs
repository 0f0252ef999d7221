//! `stdtrack add-standard`: a national/industry/local/international/group standard that
//! district units formulate or revise.

use anyhow::Result;

use super::standard_checks::{check_number_free, number_and_level};
use super::{Ctx, enum_arg, opt_event_date_arg, resolve_unit, text_arg};
use crate::cli::StandardArgs;
use crate::core::model::{Action, AdoptionDegree, Level, StandardFact, StandardStatus};
use crate::core::records::ToJson;
use crate::core::standards::{adoption, check_units, status_and_date};
use crate::error::refuse;

pub fn run(a: StandardArgs, ctx: &Ctx) -> Result<()> {
    let title = text_arg("--title", &a.title)?;
    let action = enum_arg::<Action>("--action", &a.action)?;
    let level = a.level.as_deref().map(|l| enum_arg::<Level>("--level", l)).transpose()?;
    let status = a.status.as_deref().map(|s| enum_arg::<StandardStatus>("--status", s)).transpose()?;
    let published = opt_event_date_arg("--published", a.published.as_ref(), ctx.today)?;
    let (status, published_on) = status_and_date(status, published).map_err(refuse)?;
    let degree = a.degree.as_deref().map(|d| enum_arg::<AdoptionDegree>("--degree", d)).transpose()?;
    let adopts = super::opt_text_arg("--adopts", a.adopts.as_ref())?;
    let mut store = ctx.open()?;
    let read = store.read();
    let lead = a.lead.as_deref().map(|u| resolve_unit(read, "--lead", u).map(|u| u.as_ref())).transpose()?;
    let participants = a
        .participant
        .iter()
        .map(|p| resolve_unit(read, "--participant", p).map(|u| u.as_ref()))
        .collect::<Result<Vec<_>>>()?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let (number, level) = number_and_level(read, a.number.as_deref(), level)?;
    check_number_free(read, number.as_deref(), 0)?;
    let adoption = adoption(number.as_deref(), adopts.as_deref(), degree).map_err(refuse)?;
    let mut s =
        StandardFact { id: 0, number, title, level, action, status, published_on, lead, participants, adoption };
    check_units(&s).map_err(refuse)?;
    s.id = tx.insert_standard(&s)?;
    let after = s.to_json();
    tx.audit("insert", "standard", Some(s.id), None, Some(&after.clone().into()))?;
    ctx.finish(tx, &after, "standards")
}
