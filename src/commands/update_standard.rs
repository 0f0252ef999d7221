//! `stdtrack update-standard ID|NUMBER`: change a standard; the same checks as add-standard
//! apply to the result. `--participant` given once or more replaces the participants.

use anyhow::Result;

use super::standard_checks::{check_number_free, number_and_level};
use super::{Ctx, enum_arg, opt_event_date_arg, opt_text_arg, resolve_unit, text_arg};
use crate::cli::UpdateStandardArgs;
use crate::core::ids;
use crate::core::model::{Action, AdoptionDegree, Level, StandardStatus};
use crate::core::records::ToJson;
use crate::core::standards::{adoption, check_units, status_and_date};
use crate::error::{Msg, V, refuse};
use crate::store::Reader;

fn find(read: Reader<'_>, query: &str) -> Result<i64> {
    let q = query.trim().trim_start_matches('#');
    if let Ok(id) = q.parse::<i64>() {
        if read.standard(id)?.is_some() {
            return Ok(id);
        }
    }
    read.standard_id_by_number(&ids::normalize_standard_number(query))?
        .ok_or_else(|| refuse(Msg::StandardNotFound { value: V::from(query) }))
}

pub fn run(a: UpdateStandardArgs, ctx: &Ctx) -> Result<()> {
    let title = a.title.as_deref().map(|t| text_arg("--title", t)).transpose()?;
    let action = a.action.as_deref().map(|act| enum_arg::<Action>("--action", act)).transpose()?;
    let level = a.level.as_deref().map(|l| enum_arg::<Level>("--level", l)).transpose()?;
    let status = a.status.as_deref().map(|s| enum_arg::<StandardStatus>("--status", s)).transpose()?;
    let given = opt_event_date_arg("--published", a.published.as_ref(), ctx.today)?;
    let degree = a.degree.as_deref().map(|d| enum_arg::<AdoptionDegree>("--degree", d)).transpose()?;
    let adopts = super::opt_text_arg("--adopts", a.adopts.as_ref())?;
    let mut store = ctx.open()?;
    let read = store.read();
    let lead = a.lead.as_deref().map(|l| resolve_unit(read, "--lead", l).map(|u| u.as_ref())).transpose()?;
    let participants = a
        .participant
        .iter()
        .map(|p| resolve_unit(read, "--participant", p).map(|u| u.as_ref()))
        .collect::<Result<Vec<_>>>()?;
    let tx = store.begin(&ctx.audit)?;
    let read = tx.read();
    let id = find(read, &a.standard)?;
    let before = read.standard(id)?.ok_or_else(|| refuse(Msg::RecordNotFound { kind: "standard".into(), id }))?;
    let mut s = before.record.clone();
    if let Some(t) = title {
        s.title = t;
    }
    if let Some(act) = action {
        s.action = act;
    }
    if a.number.is_some() || level.is_some() {
        let number = a.number.as_deref().or(s.number.as_deref()).map(str::to_string);
        let level = level.or(if a.number.is_some() { None } else { Some(s.level) });
        let (n, l) = number_and_level(read, number.as_deref(), level)?;
        s.number = n;
        s.level = l;
    }
    if status.is_some() || given.is_some() {
        let status = match (status, given) {
            (Some(st), _) => st,
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
        let (st, d) = status_and_date(Some(status), published).map_err(refuse)?;
        s.status = st;
        s.published_on = d;
    }
    // What it adopts: as given ("" removes it), else read again from a new number's suffix;
    // a degree alone changes the degree of what it adopts already.
    match (&a.adopts, adopts, degree) {
        (Some(_), None, Some(_)) => {
            return Err(refuse(Msg::GoesWith { option: "--degree".into(), with: "--adopts".into() }));
        }
        (Some(_), None, None) => s.adoption = None,
        (Some(_), Some(given), d) => s.adoption = adoption(s.number.as_deref(), Some(&given), d).map_err(refuse)?,
        (None, _, d) => {
            if let Some(n) = a.number.as_deref().and_then(ids::adoption_suffix) {
                s.adoption = adoption(None, Some(&n), d).map_err(refuse)?;
            } else if let Some(d) = d {
                let current = s
                    .adoption
                    .as_mut()
                    .ok_or_else(|| refuse(Msg::GoesWith { option: "--degree".into(), with: "--adopts".into() }))?;
                current.degree = d;
            }
        }
    }
    if a.no_lead {
        s.lead = None;
    }
    if lead.is_some() {
        s.lead = lead;
    }
    if !participants.is_empty() {
        s.participants = participants;
    }
    check_number_free(read, s.number.as_deref(), s.id)?;
    check_units(&s).map_err(refuse)?;
    let early = super::payments_before_events(read)?;
    tx.update_standard(&s)?;
    super::no_new_payment_before_its_event(tx.read(), &early)?;
    let after = s.to_json();
    let reason = opt_text_arg("--reason", a.reason.as_ref())?;
    let image = super::with_reason(&after, reason.as_deref());
    tx.audit("update", "standard", Some(s.id), Some(&before.record.to_json().into()), Some(&image))?;
    ctx.finish(tx, &after, "standards")
}
