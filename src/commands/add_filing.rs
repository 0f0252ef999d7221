//! `stdtrack add-filing`: an enterprise standard filed (备案) with the bureau.

use anyhow::Result;

use super::{Ctx, event_date_arg, resolve_unit, text_arg};
use crate::cli::FilingArgs;
use crate::core::ids;
use crate::core::records::{Filing, ToJson};
use crate::error::{Msg, refuse};

pub fn run(a: FilingArgs, ctx: &Ctx) -> Result<()> {
    let number = enterprise_number("--number", &a.number)?;
    let title = text_arg("--title", &a.title)?;
    let filing_no = ids::normalize_code(&a.filing_no);
    if filing_no.is_empty() {
        return Err(refuse(Msg::Empty { field: "--filing-no".into() }));
    }
    let filed_on = event_date_arg("--filed", &a.filed, ctx.today)?;
    let mut store = ctx.open()?;
    let unit = resolve_unit(store.read(), "--unit", &a.unit)?;
    let tx = store.begin(&ctx.audit)?;
    if let Some((id, ..)) = tx.read().filing_by_no(&filing_no)? {
        return Err(refuse(Msg::FilingNoTaken { filing_no, id }));
    }
    let id = tx.insert_filing(unit.id, &number, &title, &filing_no, filed_on, None)?;
    let f = Filing { id, unit: unit.as_ref(), number, title, filing_no, filed_on, batch_id: None };
    let after = f.to_json();
    tx.audit("insert", "filing", Some(id), None, Some(&after.clone().into()))?;
    ctx.finish(tx, &after, "filings")
}

/// An enterprise standard number (Q/...), normalised (`core::standards::enterprise_number`).
pub fn enterprise_number(field: &str, raw: &str) -> Result<String> {
    crate::core::standards::enterprise_number(field, raw).map_err(refuse)
}
