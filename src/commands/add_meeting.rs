//! `stdtrack add-meeting`: a leading-group joint meeting (联席会议).

use anyhow::Result;

use super::{Ctx, event_date_arg, opt_text_arg};
use crate::cli::MeetingArgs;
use crate::core::records::{Meeting, ToJson};

pub fn run(a: MeetingArgs, ctx: &Ctx) -> Result<()> {
    let held_on = event_date_arg("--held", &a.held, ctx.today)?;
    let title = opt_text_arg("--title", a.title.as_ref())?;
    let notes = opt_text_arg("--notes", a.notes.as_ref())?;
    let mut m = Meeting { id: 0, held_on, title, notes };
    let mut store = ctx.open()?;
    let tx = store.begin(&ctx.audit)?;
    m.id = tx.insert_meeting(&m)?;
    let after = m.to_json();
    tx.audit("insert", "meeting", Some(m.id), None, Some(&after.clone().into()))?;
    ctx.finish(tx, &after, "meetings")
}
