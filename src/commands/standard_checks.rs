//! Checks shared by add-standard and update-standard (CLI.md): level from the number,
//! publication date agreeing with the status, at least one district unit, none twice.

use anyhow::{Result, anyhow, bail};

use super::enum_arg;
use crate::core::ids::{self, StdNumberError};
use crate::core::model::*;
use crate::store::Reader;

/// Normalises `number` and settles the level: the number's own level, unless an unknown
/// prefix comes with a stated level. A stated level that contradicts the number is refused.
pub fn number_and_level(
    read: Reader<'_>,
    number: Option<&str>,
    level: Option<&str>,
) -> Result<(Option<String>, Level)> {
    let stated = level.map(|l| enum_arg::<Level>("--level", l)).transpose()?;
    let number = number.map(str::trim).filter(|n| !n.is_empty());
    let (number, level) = match number {
        None => (None, stated.ok_or_else(|| anyhow!("--level is needed when there is no --number"))?),
        Some(raw) => {
            let sectors = read.sector_codes()?;
            let sectors: Vec<&str> = sectors.iter().map(String::as_str).collect();
            match ids::classify_standard_number(raw, &sectors) {
                Ok((n, derived)) => {
                    if let Some(s) = stated.filter(|s| *s != derived) {
                        bail!("--level {s} contradicts --number {n}, which is a {derived} standard");
                    }
                    (Some(n), derived)
                }
                Err(StdNumberError::UnknownPrefix { .. }) if stated.is_some() => {
                    (Some(ids::normalize_standard_number(raw)), stated.unwrap_or(Level::National))
                }
                Err(e) => bail!("--number {raw}: {e}"),
            }
        }
    };
    if level == Level::Enterprise {
        bail!("enterprise standards (Q/...) are recorded with `stdtrack add-filing`, not add-standard");
    }
    Ok((number, level))
}

/// The status rules of CLI.md: default published with a date, drafting without; a date is
/// required for published/abolished and refused for drafting.
pub fn status_and_date(status: Option<&str>, published: Option<Date>) -> Result<(StandardStatus, Option<Date>)> {
    let status = match status {
        Some(s) => enum_arg::<StandardStatus>("--status", s)?,
        None if published.is_some() => StandardStatus::Published,
        None => StandardStatus::Drafting,
    };
    match (status, published) {
        (StandardStatus::Drafting, Some(d)) => {
            bail!("--published {d} is refused for a drafting standard; use --status published")
        }
        (StandardStatus::Published | StandardStatus::Abolished, None) => {
            bail!("--published is required for a {status} standard")
        }
        _ => Ok((status, published)),
    }
}

/// At least one district unit; none both lead and participant, none twice.
pub fn check_units(s: &StandardFact) -> Result<()> {
    if s.lead.is_none() && s.participants.is_empty() {
        bail!("a standard needs at least one --lead or --participant (a district unit)");
    }
    for (i, p) in s.participants.iter().enumerate() {
        if s.lead.as_ref().is_some_and(|l| l.id == p.id) {
            bail!("unit #{} '{}' cannot be both --lead and --participant", p.id, p.name);
        }
        if s.participants[..i].iter().any(|q| q.id == p.id) {
            bail!("unit #{} '{}' is given twice as --participant", p.id, p.name);
        }
    }
    Ok(())
}

/// A number stored already (on another standard) is refused, naming that standard.
pub fn check_number_free(read: Reader<'_>, number: Option<&str>, own_id: i64) -> Result<()> {
    if let Some(n) = number {
        if let Some(id) = read.standard_id_by_number(n)?.filter(|id| *id != own_id) {
            bail!("--number {n} is recorded already as standard #{id}");
        }
    }
    Ok(())
}
