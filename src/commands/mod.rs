//! One file per subcommand; this module holds the context they share (resolved global
//! options), the one exhaustive dispatch, and the input helpers every command uses.

mod add_award;
mod add_committee;
mod add_filing;
mod add_meeting;
mod add_project;
mod add_review;
mod add_standard;
mod add_unit;
mod annual_report;
mod award_calc;
mod backup;
mod budget_plan;
mod check;
mod completions;
mod due_reviews;
mod files;
mod finalize;
mod history;
mod import;
mod init;
mod list;
mod merge_units;
mod migrate;
mod progress;
mod quarterly_report;
mod record_payment;
mod set_budget;
mod set_milestone;
mod set_plan;
mod set_rule;
mod show;
mod standard_checks;
mod undo_import;
mod unit_checks;
mod update_records;
mod update_standard;
mod update_unit;
mod void;

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use crate::cli::{Command, Format};
use crate::core::ids;
use crate::core::model::{Date, Words};
use crate::core::records::{Object, Recorded, Unit};
use crate::core::units::{Resolved, closest_names, resolve};
use crate::error::{Kind, Msg, Problem, UnitName, V, problem_of, refuse, usage};
use crate::render::{self, Lang, Style, messages};
use crate::store::{AuditCtx, Reader, Store, Tx};

pub use files::Guard;

/// The global options, resolved once in `main` (the clock is read there and only there).
pub struct Ctx {
    pub db: PathBuf,
    pub format: Format,
    pub lang: Lang,
    pub today: Date,
    pub out: Option<PathBuf>,
    pub excel: bool,
    /// The width terminal tables fit (`COLUMNS`, or 0 for the terminal's own), when output
    /// goes to a terminal; None: no wrapping (a file, a pipe).
    pub width: Option<u16>,
    pub audit: AuditCtx,
}

impl Ctx {
    pub fn style(&self) -> Style {
        Style { format: self.format, lang: self.lang, excel: self.excel, width: self.width }
    }

    /// Refuses (exit 2) a format this command cannot write, naming those it can.
    pub fn require_format(&self, command: &str, allowed: &[Format]) -> Result<()> {
        if allowed.contains(&self.format) {
            return Ok(());
        }
        Err(usage(Msg::FormatNotWritable {
            command: command.into(),
            format: self.format.as_str().into(),
            allowed: allowed.iter().map(|f| f.as_str().to_string()).collect(),
        }))
    }

    /// Opens the database for a command that writes; an older file is upgraded (after a copy
    /// beside it), and the clerk told so.
    pub fn open(&self) -> Result<Store> {
        let store = Store::open(&self.db)?;
        if let Some(u) = store.upgrade() {
            self.warn(&Msg::Upgraded {
                path: crate::error::path(&self.db),
                from: u.from,
                to: u.to,
                backup: crate::error::path(&u.backup),
            });
        }
        Ok(store)
    }

    /// Opens the database for a command that only reads (an account that may only read the
    /// file can still do so, without leaving files that lock the owner out).
    pub fn open_read(&self) -> Result<Store> {
        Store::open_read(&self.db)
    }

    /// A warning on stderr in the reader's language; a stderr that cannot be written is no
    /// reason to fail the command.
    pub fn warn(&self, msg: &Msg) {
        warn(self.lang, msg);
    }

    /// Writes a report (of a command that stored nothing) to --out, whole or not at all, or to
    /// standard output. To --out it streams into a temporary file beside it, renamed into
    /// place when complete; XLSX needs --out (a terminal is no place for a workbook).
    pub fn emit(&self, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
        if self.format == Format::Xlsx && self.out.is_none() {
            return Err(usage(Msg::OutNeeded { format: "xlsx".into() }));
        }
        match &self.out {
            Some(path) => {
                let mut pending = files::create_beside(path)?;
                {
                    let mut w = std::io::BufWriter::new(pending.file());
                    write(&mut w)?;
                    w.flush().map_err(|e| {
                        refuse(Msg::CannotWrite { path: crate::error::path(path), detail: (&e).into() })
                    })?;
                }
                pending.sync()?;
                pending.persist()
            }
            None => {
                let stdout = std::io::stdout();
                let mut lock = std::io::BufWriter::new(stdout.lock());
                write(&mut lock).and_then(|()| Ok(lock.flush()?)).map_err(stdout_failed)
            }
        }
    }

    /// Prints one record (of a command that stored nothing) in the chosen format.
    pub fn emit_record(&self, object: &Object, what: &str) -> Result<()> {
        self.require_format("", RECORD_FORMATS)?;
        let style = self.style();
        self.emit(|out| render::write_object(out, object, style, what, &render::Names::default()))
    }

    /// Prints a report document in the chosen format.
    pub fn emit_doc(&self, command: &str, doc: &render::Doc) -> Result<()> {
        self.require_format(command, crate::cli::formats_of(command))?;
        let style = self.style();
        self.emit(|out| render::write_doc(out, doc, style))
    }

    /// Ends a write command: the record is rendered and the --out file prepared before the
    /// commit, so a format it cannot write or a folder it cannot write in refuses the whole
    /// command with nothing stored; after the commit the record is shown. An output that
    /// fails after the commit is exit 4, never 1: the record is stored, and a clerk who took
    /// 1 at its word would enter it twice.
    pub fn finish(&self, tx: Tx<'_>, object: &Object, what: &str) -> Result<()> {
        self.require_format("", RECORD_FORMATS)?;
        let mut bytes = Vec::new();
        // Funds and rules by their names, as the reader calls them.
        let names = award_calc::names(tx.read())?;
        render::write_object(&mut bytes, object, self.style(), what, &names)?;
        self.commit_then_write(tx, &bytes)
    }

    /// Commits, then writes `bytes` to --out (prepared before the commit) or standard output.
    pub fn commit_then_write(&self, tx: Tx<'_>, bytes: &[u8]) -> Result<()> {
        let pending = self.out.as_deref().map(|path| files::prepare(path, bytes)).transpose()?;
        tx.commit()?;
        let written = match pending {
            Some(p) => p.persist(),
            None => {
                let mut stdout = std::io::stdout().lock();
                stdout.write_all(bytes).and_then(|()| stdout.flush()).map_err(anyhow::Error::from)
            }
        };
        written.map_err(output_lost)
    }
}

/// Standard output failed: a reader that left is no error (`| head`), anything else is said.
pub fn stdout_failed(e: anyhow::Error) -> anyhow::Error {
    let io = e.chain().find_map(|c| c.downcast_ref::<std::io::Error>());
    match io {
        Some(io) if io.kind() != std::io::ErrorKind::BrokenPipe => refuse(Msg::StdoutFailed { detail: io.into() }),
        _ => e,
    }
}

/// An output that failed after the commit: exit 4, with what went wrong (what the system
/// said, worded in the reader's language by the catalogue).
pub fn output_lost(e: anyhow::Error) -> anyhow::Error {
    let detail = match problem_of(&e).map(|p| &p.msg) {
        Some(Msg::StdoutFailed { detail } | Msg::CannotWrite { detail, .. }) => detail.clone(),
        Some(other) => messages::text(other, Lang::En).into(),
        None => match e.chain().find_map(|c| c.downcast_ref::<std::io::Error>()) {
            Some(io) => io.into(),
            None => format!("{e:#}").into(),
        },
    };
    anyhow::Error::new(Problem { kind: Kind::OutputLost, msg: Msg::RecordedOutputLost { detail } })
}

/// A warning line on stderr; failures to write it are ignored on purpose (`2>/dev/full`).
pub fn warn(lang: Lang, msg: &Msg) {
    let line = format!("{}{}\n", messages::warning_prefix(lang), messages::text(msg, lang));
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// The formats a single record is shown in.
pub const RECORD_FORMATS: &[Format] = &[Format::Table, Format::Json, Format::Csv, Format::Markdown];

/// The formats of a report document.
pub const REPORT_FORMATS: &[Format] =
    &[Format::Table, Format::Json, Format::Csv, Format::Markdown, Format::Html, Format::Xlsx];

/// The formats of a record list (streamed: no HTML page of a million rows).
pub const LIST_FORMATS: &[Format] =
    &[Format::Table, Format::Json, Format::Csv, Format::Markdown, Format::Html, Format::Xlsx];

pub fn run(command: Command, ctx: &Ctx) -> Result<u8> {
    if let Some(out) = &ctx.out {
        Guard::for_db(&ctx.db).check("--out", out)?;
    }
    match command {
        Command::Init => init::run(ctx),
        Command::AddUnit(a) => add_unit::run(a, ctx),
        Command::UpdateUnit(a) => update_unit::run(a, ctx),
        Command::AddStandard(a) => add_standard::run(a, ctx),
        Command::UpdateStandard(a) => update_standard::run(a, ctx),
        Command::AddFiling(a) => add_filing::run(a, ctx),
        Command::AddReview(a) => add_review::run(a, ctx),
        Command::AddAward(a) => add_award::run(a, ctx),
        Command::AddProject(a) => add_project::run(a, ctx),
        Command::AddCommittee(a) => add_committee::run(a, ctx),
        Command::AddMeeting(a) => add_meeting::run(a, ctx),
        Command::SetMilestone(a) => set_milestone::run(a, ctx),
        Command::Void(a) => void::run(a, ctx),
        Command::UpdateFiling(a) => update_records::filing(a, ctx),
        Command::UpdateReview(a) => update_records::review(a, ctx),
        Command::UpdateAward(a) => update_records::award(a, ctx),
        Command::UpdateProject(a) => update_records::project(a, ctx),
        Command::UpdateCommittee(a) => update_records::committee(a, ctx),
        Command::UpdateMeeting(a) => update_records::meeting(a, ctx),
        Command::UndoImport(a) => undo_import::run(a, ctx),
        Command::MergeUnits(a) => merge_units::run(a, ctx),
        Command::History(a) => history::run(a, ctx),
        Command::Check => check::run(ctx),
        Command::List(a) => list::run(a, ctx),
        Command::Progress(a) => progress::run(a, ctx),
        Command::AwardCalc(a) => award_calc::run(a, ctx),
        Command::RecordPayment(a) => record_payment::run(a, ctx),
        Command::SetRule(a) => set_rule::run(a, ctx),
        Command::QuarterlyReport(a) => quarterly_report::run(a, ctx),
        Command::AnnualReport(a) => annual_report::run(a, ctx),
        Command::Show(a) => show::run(a, ctx),
        Command::DueReviews(a) => due_reviews::run(a, ctx),
        Command::SetBudget(a) => set_budget::run(a, ctx),
        Command::BudgetPlan(a) => budget_plan::run(a, ctx),
        Command::SetPlan(a) => set_plan::run(a, ctx),
        Command::Import(a) => import::run(a, ctx),
        Command::Backup(a) => backup::run(a, ctx),
        Command::Migrate => migrate::run(ctx),
        Command::Completions(a) => completions::run(a, ctx),
        Command::Man => completions::man(ctx),
    }
    .map(|()| 0)
    .map_err(|e| with_db_path(e, ctx))
}

/// Store problems are raised where the path is not at hand; name the database in them here.
fn with_db_path(e: anyhow::Error, ctx: &Ctx) -> anyhow::Error {
    let Some(p) = problem_of(&e) else { return e };
    let mut p = p.clone();
    let db = crate::error::path(&ctx.db);
    match &mut p.msg {
        Msg::ReadOnly { path } | Msg::DiskFull { path } | Msg::Damaged { path } | Msg::Io { path, .. }
            if path.0.is_empty() =>
        {
            *path = db
        }
        _ => return e,
    }
    anyhow::Error::new(p)
}

// ----- input helpers: each names the field at fault -----

pub fn date_arg(field: &str, value: &str) -> Result<Date> {
    ids::parse_date(value).map_err(|err| refuse(Msg::Date { field: field.into(), value: V::from(value), err }))
}

pub fn opt_date_arg(field: &str, value: Option<&String>) -> Result<Option<Date>> {
    value.map(|v| date_arg(field, v)).transpose()
}

/// The date of an event (published, filed, reviewed, awarded, passed, since, held, paid):
/// a real date, and not after today, since what has not happened cannot be recorded.
pub fn event_date_arg(field: &str, value: &str, today: Date) -> Result<Date> {
    let date = date_arg(field, value)?;
    not_after_today(field, date, today)?;
    Ok(date)
}

pub fn opt_event_date_arg(field: &str, value: Option<&String>, today: Date) -> Result<Option<Date>> {
    value.map(|v| event_date_arg(field, v, today)).transpose()
}

/// Refuses an event dated after today.
pub fn not_after_today(field: &str, date: Date, today: Date) -> Result<()> {
    if date > today {
        return Err(refuse(Msg::FutureDate { field: field.into(), date, today }));
    }
    Ok(())
}

/// An enum value in any accepted spelling (code, Chinese or English name, alias). A word
/// outside the option's fixed set is a usage error (exit 2, issue 8), as clap's own are.
pub fn enum_arg<T: Words>(field: &str, value: &str) -> Result<T> {
    T::parse_word(value).map_err(|err| usage(Msg::Word { field: field.into(), err }))
}

/// A required free-text value, tidied; empty or holding control characters is refused.
pub fn text_arg(field: &str, value: &str) -> Result<String> {
    no_controls(field, value)?;
    ids::clean_text(value).ok_or_else(|| refuse(Msg::Empty { field: field.into() }))
}

/// An optional free-text value, tidied; empty is none.
pub fn opt_text_arg(field: &str, value: Option<&String>) -> Result<Option<String>> {
    match value {
        None => Ok(None),
        Some(v) => {
            no_controls(field, v)?;
            Ok(ids::clean_text(v))
        }
    }
}

fn no_controls(field: &str, value: &str) -> Result<()> {
    if ids::has_forbidden_controls(value) {
        return Err(refuse(Msg::ControlChar { field: field.into(), value: V::from(value) }));
    }
    Ok(())
}

/// A record id: `12` or `#12`.
pub fn id_arg(field: &str, value: &str) -> Result<i64> {
    value
        .trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| refuse(Msg::Id { field: field.into(), value: V::from(value) }))
}

/// Finds the one unit a clerk means (`core::units::resolve`). Run it before `BEGIN
/// IMMEDIATE`: on a miss it looks for the closest names, which must not hold the write lock.
pub fn resolve_unit(read: Reader<'_>, field: &str, query: &str) -> Result<Unit> {
    match resolve(&read, query)? {
        Resolved::Found(u) => Ok(u),
        Resolved::Ambiguous { org, units } => Err(refuse(Msg::UnitAmbiguous {
            field: field.into(),
            org,
            units: units.iter().map(|u| UnitName { id: u.id, name: u.name.clone() }).collect(),
        })),
        Resolved::Missing => {
            if let Some(voided) = voided_unit(read, field, query)? {
                return Err(refuse(voided));
            }
            let closest = closest_names(&read, query, 5)?;
            Err(refuse(Msg::UnitNotFound {
                field: field.into(),
                value: V::from(query),
                closest: closest.into_iter().map(|(id, name)| UnitName { id, name }).collect(),
            }))
        }
    }
}

/// A voided unit the query names (merged into another, or of an undone import): the
/// refusal says so, and names the unit kept.
fn voided_unit(read: Reader<'_>, field: &str, query: &str) -> Result<Option<Msg>> {
    let code = ids::normalize_code(query);
    let id = code.strip_prefix('#').unwrap_or(&code).parse::<i64>().ok();
    let Some(uid) = read.voided_unit_named(id, &ids::name_key(query), &code)? else { return Ok(None) };
    let Some((reason, into)) = read.unit_voided(uid)? else { return Ok(None) };
    let name_of = |id: i64| -> Result<Option<UnitName>> { Ok(read.unit(id)?.map(|u| UnitName { id, name: u.name })) };
    let Some(unit) = name_of(uid)? else { return Ok(None) };
    let into = into.map(name_of).transpose()?.flatten();
    Ok(Some(Msg::UnitVoided { field: field.into(), unit, reason, into }))
}

/// The payments dated before the event they pay for: (payment id, key, paid, event).
pub fn payments_before_events(read: Reader<'_>) -> Result<Vec<(i64, String, Date, Date)>> {
    let facts = read.facts()?;
    let all =
        crate::core::rewards::entitlements(&read.rules()?, &facts.standards, &facts.awards, &read.live_projects()?);
    let events: std::collections::HashMap<&str, Date> = all.iter().map(|e| (e.key.as_str(), e.event_date)).collect();
    let mut early = Vec::new();
    for p in read.payments(&crate::store::ListFilter::default())? {
        if let Some(event) = events.get(p.key.as_str()).filter(|event| p.paid_on < **event) {
            early.push((p.id, p.key, p.paid_on, *event));
        }
    }
    Ok(early)
}

/// A correction may not leave a payment dated before the event it pays for (a payment so
/// dated is refused when recorded; moving the event after it is refused the same way).
/// `earlier` are the payments so dated before the correction (`check` reports those).
pub fn no_new_payment_before_its_event(read: Reader<'_>, earlier: &[(i64, String, Date, Date)]) -> Result<()> {
    let now = payments_before_events(read)?;
    match now.into_iter().find(|p| !earlier.iter().any(|e| e.0 == p.0)) {
        Some((_, key, paid, event)) => Err(refuse(Msg::PaidBeforeEvent { key, paid, event })),
        None => Ok(()),
    }
}

/// The unit again inside the write transaction, by the id found before it began.
pub fn unit_in(read: Reader<'_>, field: &str, unit: &Unit) -> Result<Unit> {
    read.unit(unit.id)?.ok_or_else(|| {
        refuse(Msg::UnitNotFound { field: field.into(), value: V::from(unit.name.as_str()), closest: vec![] })
    })
}

/// A record to correct: it must exist and not be voided (a voided record stays as it was).
pub fn live_record<T>(found: Option<Recorded<T>>, kind: &str, id: i64) -> Result<Recorded<T>> {
    match found {
        None => Err(refuse(Msg::RecordNotFound { kind: kind.into(), id })),
        Some(r) => match &r.void_reason {
            Some(reason) => Err(refuse(Msg::AlreadyVoided { kind: kind.into(), id, reason: reason.clone() })),
            None => Ok(r),
        },
    }
}

/// The audit image after a correction: the record, and the reason when one was given (the
/// history reads it from there).
pub fn with_reason(after: &Object, reason: Option<&str>) -> serde_json::Value {
    let mut after = after.clone();
    if let Some(r) = reason {
        after.insert("reason".into(), serde_json::Value::String(r.to_string()));
    }
    serde_json::Value::Object(after)
}

pub use crate::core::money::MAX_YUAN;

/// Whole yuan, as clerks write them (`300000`, `300,000`, `-50000` for a refund), bounded.
pub fn yuan_arg(field: &str, raw: &str) -> Result<i64> {
    use crate::core::money::{YuanError, parse_yuan};
    parse_yuan(raw).map_err(|e| match e {
        YuanError::TooLarge => refuse(Msg::YuanTooLarge { field: field.into(), value: V::from(raw), max: MAX_YUAN }),
        YuanError::Empty | YuanError::NotWholeYuan => refuse(Msg::Yuan { field: field.into(), value: V::from(raw) }),
    })
}

/// `--duplicate-ok --reason TEXT` (clap makes each need the other): the reason a clerk
/// records a second award or project like a live one, or None to refuse duplicates.
pub fn duplicate_reason(duplicate_ok: bool, reason: Option<&String>) -> Result<Option<String>> {
    match (duplicate_ok, reason) {
        (true, Some(r)) => Ok(Some(text_arg("--reason", r)?)),
        (false, Some(_)) => Err(refuse(Msg::GoesWith { option: "--reason".into(), with: "--duplicate-ok".into() })),
        (true, None) => Err(refuse(Msg::GoesWith { option: "--duplicate-ok".into(), with: "--reason".into() })),
        (false, None) => Ok(None),
    }
}

/// A year for `--year`: the years dates are read in, 1900 to 2100.
pub fn year_arg(field: &str, year: i32) -> Result<(Date, Date)> {
    let bounds =
        ids::check_year(year).ok().and_then(|y| Date::from_ymd_opt(y, 1, 1).zip(Date::from_ymd_opt(y, 12, 31)));
    bounds.ok_or_else(|| refuse(Msg::Year { field: field.into(), value: V(year.to_string()) }))
}
