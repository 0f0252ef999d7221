//! `stdtrack add-filing`: an enterprise standard filed (备案) with the bureau.

use anyhow::{Result, bail};

use super::{Ctx, date_arg, resolve_unit, text_arg};
use crate::cli::FilingArgs;
use crate::core::ids;
use crate::core::records::{Filing, ToJson};

pub fn run(a: FilingArgs, ctx: &Ctx) -> Result<()> {
    let number = enterprise_number("--number", &a.number)?;
    let title = text_arg("--title", &a.title)?;
    let filing_no = ids::normalize_code(&a.filing_no);
    if filing_no.is_empty() {
        bail!("--filing-no is empty");
    }
    let filed_on = date_arg("--filed", &a.filed)?;
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    let unit = resolve_unit(tx.read(), "--unit", &a.unit)?;
    if let Some((id, ..)) = tx.read().filing_by_no(&filing_no)? {
        bail!("--filing-no {filing_no} is recorded already as filing #{id}");
    }
    let id = tx.insert_filing(unit.id, &number, &title, &filing_no, filed_on, None)?;
    let f = Filing { id, unit: unit.as_ref(), number, title, filing_no, filed_on, batch_id: None };
    let after = f.to_json();
    tx.audit("insert", "filing", Some(id), None, Some(&after.clone().into()))?;
    ctx.finish(tx, &after)
}

/// An enterprise standard number (Q/...), normalised; any other level is refused.
pub fn enterprise_number(field: &str, raw: &str) -> Result<String> {
    match ids::classify_standard_number(raw, &[]) {
        Ok((n, crate::core::model::Level::Enterprise)) => Ok(n),
        Ok((n, level)) => {
            bail!("{field} {n} is a {level} standard, not an enterprise standard (Q/...)")
        }
        Err(e) => {
            bail!("{field} {raw}: {e}; an enterprise standard number looks like Q/JLP 001-2013")
        }
    }
}
