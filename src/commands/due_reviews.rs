//! `stdtrack due-reviews [--as-of D] [--within N]`: enterprise standards due for review,
//! overdue first, with the unit's contact fields where stored.

use anyhow::Result;

use super::{Ctx, opt_date_arg};
use crate::cli::DueReviewsArgs;
use crate::core::reviews::{cutoff, due_reviews};
use crate::render::reports::due_reviews_doc;

pub fn run(a: DueReviewsArgs, ctx: &Ctx) -> Result<()> {
    ctx.require_format("due-reviews", super::REPORT_FORMATS)?;
    let as_of = opt_date_arg("--as-of", a.as_of.as_ref())?.unwrap_or(ctx.today);
    let within = i64::from(a.within);
    let horizon = as_of.checked_add_signed(chrono::Duration::days(within)).unwrap_or(as_of);
    let mut store = ctx.open_read()?;
    let snapshot = store.snapshot()?;
    let read = snapshot.read();
    let filings = read.latest_filings(as_of, cutoff(horizon))?;
    let reviews = read.latest_reviews(as_of)?;
    let due = due_reviews(&filings, &reviews, as_of, within);
    ctx.emit_doc("due-reviews", &due_reviews_doc(&due, as_of, within, ctx.lang))
}
