//! `stdtrack add-committee`: a unit's seat on a national TC/SC/WG.

use anyhow::Result;

use super::{Ctx, enum_arg, event_date_arg, opt_text_arg, resolve_unit, text_arg};
use crate::cli::CommitteeArgs;
use crate::core::ids;
use crate::core::model::{SeatFact, SeatRole};
use crate::core::records::{Seat, ToJson};

pub fn run(a: CommitteeArgs, ctx: &Ctx) -> Result<()> {
    // "SAC/TC 114/SC 1" and "sac/tc114/sc1" are one committee: half-width, upper case, spaced.
    let committee = text_arg("--committee", &ids::to_halfwidth(&a.committee).to_uppercase())?;
    let role = enum_arg::<SeatRole>("--role", &a.role)?;
    let since = event_date_arg("--since", &a.since, ctx.today)?;
    let mut store = ctx.open()?;
    let unit = resolve_unit(store.read(), "--unit", &a.unit)?;
    let tx = store.begin(&ctx.audit)?;
    let mut seat = Seat {
        fact: SeatFact { id: 0, unit: unit.as_ref(), committee, role, since },
        name: opt_text_arg("--name", a.name.as_ref())?,
    };
    seat.fact.id = tx.insert_seat(&seat)?;
    let after = seat.to_json();
    tx.audit("insert", "committee_seat", Some(seat.fact.id), None, Some(&after.clone().into()))?;
    ctx.finish(tx, &after, "committees")
}
