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
mod award_calc;
mod backup;
mod completions;
mod import;
mod init;
mod list;
mod progress;
mod quarterly_report;
mod record_payment;
mod set_milestone;
mod set_rule;
mod standard_checks;
mod unit_checks;
mod update_standard;
mod update_unit;
mod void;

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, Result, anyhow, bail};

use crate::cli::{Command, Format};
use crate::core::ids;
use crate::core::model::{Date, EnumError};
use crate::core::records::{Object, Unit};
use crate::render::{self, Lang, Style};
use crate::store::{AuditCtx, Reader, Store, Tx};

/// Exit statuses of CLI.md beyond 0 and 1.
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_REJECTED_ROWS: u8 = 3;

/// A usage mistake clap cannot see (a format a command cannot write, --out missing): exit 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for UsageError {}

/// The global options, resolved once in `main` (the clock is read there and only there).
pub struct Ctx {
    pub db: PathBuf,
    pub format: Format,
    pub lang: Lang,
    pub today: Date,
    pub out: Option<PathBuf>,
    pub excel: bool,
    pub audit: AuditCtx,
}

impl Ctx {
    pub fn style(&self) -> Style {
        Style { format: self.format, lang: self.lang, excel: self.excel }
    }

    /// Refuses (exit 2) a format this command cannot write, naming those it can.
    pub fn require_format(&self, command: &str, allowed: &[Format]) -> Result<()> {
        if allowed.contains(&self.format) {
            return Ok(());
        }
        let names: Vec<&str> = allowed.iter().map(|f| f.as_str()).collect();
        bail!(UsageError(format!(
            "{command} cannot write --format {}; it writes {}",
            self.format.as_str(),
            names.join(", ")
        )))
    }

    pub fn open(&self) -> Result<Store> {
        Store::open(&self.db)
    }

    /// Writes the command's output to --out (whole, or not at all) or to standard output.
    pub fn emit(&self, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
        match &self.out {
            Some(path) => {
                let mut buf = Vec::new();
                write(&mut buf)?;
                write_file_atomically(path, &buf)
            }
            None => {
                let stdout = std::io::stdout();
                let mut lock = std::io::BufWriter::new(stdout.lock());
                write(&mut lock)?;
                lock.flush()?;
                Ok(())
            }
        }
    }

    /// Prints one record (the new or changed one) in the chosen format.
    pub fn emit_record(&self, object: &Object) -> Result<()> {
        self.require_format("this command", RECORD_FORMATS)?;
        let style = self.style();
        self.emit(|out| render::write_object(out, object, style))
    }

    /// Ends a write command: the record is rendered and the --out file prepared before the
    /// commit, so a format it cannot write or a folder it cannot write in refuses the whole
    /// command with nothing stored; after the commit the record is shown.
    pub fn finish(&self, tx: Tx<'_>, object: &Object) -> Result<()> {
        self.require_format("this command", RECORD_FORMATS)?;
        let mut bytes = Vec::new();
        render::write_object(&mut bytes, object, self.style())?;
        let pending = self.out.as_deref().map(|path| prepare_file(path, &bytes).map(|tmp| (tmp, path))).transpose()?;
        tx.commit()?;
        match pending {
            Some((tmp, path)) => persist_file(tmp, path),
            None => {
                let mut stdout = std::io::stdout().lock();
                stdout.write_all(&bytes)?;
                stdout.flush()?;
                Ok(())
            }
        }
    }
}

/// The formats a single record is shown in.
pub const RECORD_FORMATS: &[Format] = &[Format::Table, Format::Json, Format::Csv, Format::Markdown];

/// Writes the bytes to a temp file beside `path`; `persist_file` puts it in place.
fn prepare_file(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(bytes).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(tmp)
}

fn persist_file(tmp: tempfile::NamedTempFile, path: &Path) -> Result<()> {
    tmp.persist(path).map_err(|e| anyhow!("cannot write {}: {}", path.display(), e.error))?;
    Ok(())
}

/// Writes beside the target and renames, so a reader never sees half a file.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    persist_file(prepare_file(path, bytes)?, path)
}

pub fn run(command: Command, ctx: &Ctx) -> Result<u8> {
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
        Command::List(a) => list::run(a, ctx),
        Command::Progress(a) => progress::run(a, ctx),
        Command::AwardCalc(a) => award_calc::run(a, ctx),
        Command::RecordPayment(a) => record_payment::run(a, ctx),
        Command::SetRule(a) => set_rule::run(a, ctx),
        Command::QuarterlyReport(a) => quarterly_report::run(a, ctx),
        Command::Import(a) => import::run(a, ctx),
        Command::Backup(a) => backup::run(a, ctx),
        Command::Completions(a) => completions::run(a),
        Command::Man => completions::man(),
    }
    .map(|()| 0)
    .or_else(|e| match e.downcast::<ImportRejected>() {
        Ok(_) => Ok(EXIT_REJECTED_ROWS),
        Err(e) => Err(e),
    })
}

/// Raised by an import that wrote its good rows and rejected others (`--skip-invalid`): exit 3.
#[derive(Debug)]
pub struct ImportRejected;

impl fmt::Display for ImportRejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("some rows were rejected")
    }
}
impl std::error::Error for ImportRejected {}

// ----- input helpers: each names the field at fault -----

pub fn date_arg(field: &str, value: &str) -> Result<Date> {
    ids::parse_date(value).map_err(|e| anyhow!("{field}: {e}"))
}

pub fn opt_date_arg(field: &str, value: Option<&String>) -> Result<Option<Date>> {
    value.map(|v| date_arg(field, v)).transpose()
}

pub fn enum_arg<T: FromStr<Err = EnumError>>(field: &str, value: &str) -> Result<T> {
    value.trim().to_ascii_lowercase().parse::<T>().map_err(|e| anyhow!("{field}: {e}"))
}

/// A required free-text value, tidied; empty is refused.
pub fn text_arg(field: &str, value: &str) -> Result<String> {
    ids::clean_text(value).ok_or_else(|| anyhow!("{field} is empty"))
}

pub fn opt_text_arg(value: Option<&String>) -> Option<String> {
    value.and_then(|v| ids::clean_text(v))
}

/// Finds the one unit a clerk means (CLI.md): USCC, then organisation code (also inside a
/// stored USCC), then id (`12` or `#12`), then exact name after normalising.
pub fn resolve_unit(read: Reader<'_>, field: &str, query: &str) -> Result<Unit> {
    let code = ids::normalize_code(query);
    let mut orgs = Vec::new();
    if code.len() == 18 {
        if let Some(u) = read.unit_by_uscc(&code)? {
            return Ok(u);
        }
        // A unit recorded before 2015 may carry only the organisation code inside this USCC.
        orgs.extend(ids::org_code_in_uscc(&code));
    }
    orgs.extend(ids::check_org_code_lenient(&code).ok().map(|(c, _)| c));
    for org in orgs {
        let found: Vec<Unit> =
            read.units_by_org_code(&org)?.into_iter().filter(|u| code.len() != 18 || u.uscc.is_none()).collect();
        match found.as_slice() {
            [] => {}
            [one] => return Ok(one.clone()),
            _ => bail!(
                "{field}: organisation code {org} matches several units: {}",
                found.iter().map(|u| format!("#{} {}", u.id, u.name)).collect::<Vec<_>>().join(", ")
            ),
        }
    }
    if let Some(id) = code.strip_prefix('#').unwrap_or(&code).parse::<i64>().ok() {
        if let Some(u) = read.unit(id)? {
            return Ok(u);
        }
    }
    if let Some(u) = read.unit_by_name_key(&ids::name_key(query))? {
        return Ok(u);
    }
    let all = read.unit_keys()?;
    let suggestions = closest_names(query, &all);
    if suggestions.is_empty() {
        bail!("{field}: no unit matches '{query}'; add it with `stdtrack add-unit` first");
    }
    bail!("{field}: no unit matches '{query}'; did you mean {}?", suggestions.join(", "))
}

/// Up to five unit names nearest to what was typed, best first.
fn closest_names(query: &str, units: &[(Unit, String)]) -> Vec<String> {
    let key = ids::name_key(query);
    let mut scored: Vec<(f64, &Unit)> = units
        .iter()
        .map(|(u, k)| {
            let mut score = strsim::normalized_levenshtein(&key, k);
            if k.contains(&key) || key.contains(k.as_str()) {
                score += 0.5;
            }
            (score, u)
        })
        .filter(|(s, _)| *s >= 0.3)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
    scored.into_iter().take(5).map(|(_, u)| format!("'{}' (#{})", u.name, u.id)).collect()
}
