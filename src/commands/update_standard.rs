//! `stdtrack update-standard ID|NUMBER`: change a standard; the same checks as add-standard
//! apply to the result. `--participant` given once or more replaces the participants.

use anyhow::{Result, anyhow};

use super::standard_checks::{check_number_free, check_units, number_and_level, status_and_date};
use super::{Ctx, enum_arg, opt_date_arg, resolve_unit, text_arg};
use crate::cli::UpdateStandardArgs;
use crate::core::ids;
use crate::core::model::{Action, StandardStatus};
use crate::core::records::ToJson;
use crate::store::Reader;

fn find(read: Reader<'_>, query: &str) -> Result<i64> {
    let q = query.trim().trim_start_matches('#');
    if let Ok(id) = q.parse::<i64>() {
        if read.standard(id)?.is_some() {
            return Ok(id);
        }
    }
    read.standard_id_by_number(&ids::normalize_standard_number(query))?
        .ok_or_else(|| anyhow!("no standard has id or number '{query}'; `stdtrack list standards` shows them"))
}

pub fn run(a: UpdateStandardArgs, ctx: &Ctx) -> Result<()> {
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let id = find(read, &a.standard)?;
    let before = read.standard(id)?.ok_or_else(|| anyhow!("standard #{id} vanished"))?;
    let mut s = before.record.clone();
    if let Some(t) = &a.title {
        s.title = text_arg("--title", t)?;
    }
    if let Some(act) = &a.action {
        s.action = enum_arg::<Action>("--action", act)?;
    }
    if a.number.is_some() || a.level.is_some() {
        let number = a.number.as_deref().or(s.number.as_deref()).map(str::to_string);
        let level =
            a.level.clone().or_else(|| if a.number.is_some() { None } else { Some(s.level.as_str().to_string()) });
        let (n, l) = number_and_level(read, number.as_deref(), level.as_deref())?;
        s.number = n;
        s.level = l;
    }
    if a.status.is_some() || a.published.is_some() {
        let given = opt_date_arg("--published", a.published.as_ref())?;
        let status = match (&a.status, given) {
            (Some(st), _) => enum_arg::<StandardStatus>("--status", st)?,
            // A date on a drafting standard publishes it.
            (None, Some(_)) if s.status == StandardStatus::Drafting => StandardStatus::Published,
            (None, _) => s.status,
        };
        // Made drafting without a new date, it loses its old one.
        let published = match given {
            None if status == StandardStatus::Drafting => None,
            None => s.published_on,
            d => d,
        };
        let (st, d) = status_and_date(Some(status.as_str()), published)?;
        s.status = st;
        s.published_on = d;
    }
    if a.no_lead {
        s.lead = None;
    }
    if let Some(l) = &a.lead {
        s.lead = Some(resolve_unit(read, "--lead", l)?.as_ref());
    }
    if !a.participant.is_empty() {
        s.participants = a
            .participant
            .iter()
            .map(|p| resolve_unit(read, "--participant", p).map(|u| u.as_ref()))
            .collect::<Result<Vec<_>>>()?;
    }
    check_number_free(read, s.number.as_deref(), s.id)?;
    check_units(&s)?;
    tx.update_standard(&s)?;
    let after = s.to_json();
    tx.audit("update", "standard", Some(s.id), Some(&before.record.to_json().into()), Some(&after.clone().into()))?;
    ctx.finish(tx, &after)
}
