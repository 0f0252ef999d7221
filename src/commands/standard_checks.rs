//! What add-standard and update-standard share: the rules of `core::standards`, with the
//! store's sector codes, and a number free of other standards.

use anyhow::Result;

use crate::core::model::Level;
use crate::core::standards;
use crate::error::{Msg, refuse};
use crate::store::Reader;

/// The number normalised and the level settled (`core::standards::number_and_level`).
pub fn number_and_level(
    read: Reader<'_>,
    number: Option<&str>,
    level: Option<Level>,
) -> Result<(Option<String>, Level)> {
    let sectors = read.sector_codes()?;
    let sectors: Vec<&str> = sectors.iter().map(String::as_str).collect();
    standards::number_and_level(number, level, &sectors).map_err(refuse)
}

/// A number stored already (on another standard) is refused, naming that standard.
pub fn check_number_free(read: Reader<'_>, number: Option<&str>, own_id: i64) -> Result<()> {
    if let Some(n) = number {
        if let Some(id) = read.standard_id_by_number(n)?.filter(|id| *id != own_id) {
            return Err(refuse(Msg::NumberTaken { number: n.into(), id }));
        }
    }
    Ok(())
}
