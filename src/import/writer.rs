//! The writing half of an import, in the one transaction: each checked row's unit found or
//! created, the row inserted or recognised as already stored, and every bad row reported
//! (and, with `--skip-invalid`, copied to the rejects file).

use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use csv::ByteRecord;

use super::columns::{Columns, Field};
use super::reader::{Batch, Row, Values};
use super::rows::{FieldError, FilingValues, ReviewValues, UnitCheck, UnitFields};
use super::unit_index::{Lookup, MatchedBy, UnitIndex};
use super::{Events, ImportKind};
use crate::core::ids;
use chrono::Datelike;

use crate::core::model::{Date, UnitKind};
use crate::core::records::Unit;
use crate::store::{BatchCounts, DayTable, FilingSink, ReviewSink, StoredFiling, Tx, UnitRow};

/// The rows a clerk must fix, written beside their target and renamed into place when the
/// import is committed, so no half-written rejects file is ever seen. UTF-8 with a BOM so
/// Excel opens it; the original columns plus `error`, so it can be re-imported as it is.
pub struct RejectsFile {
    path: PathBuf,
    out: csv::Writer<BufWriter<tempfile::NamedTempFile>>,
    /// Where the error goes: the file's own `error` column (a rejects file read back) or a new last one.
    error_at: usize,
    width: usize,
}

impl RejectsFile {
    pub fn create(path: &Path, header: &[String], error_column: Option<usize>) -> Result<RejectsFile> {
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let tmp = tempfile::NamedTempFile::new_in(dir).with_context(|| format!("cannot write in {}", dir.display()))?;
        let mut buf = BufWriter::new(tmp);
        buf.write_all("\u{FEFF}".as_bytes())?;
        let out = csv::WriterBuilder::new().flexible(true).from_writer(buf);
        let (error_at, width) = match error_column {
            Some(i) => (i, header.len()),
            None => (header.len(), header.len() + 1),
        };
        let mut file = RejectsFile { path: path.to_path_buf(), out, error_at, width };
        let fields: Vec<&[u8]> = header.iter().map(|h| h.as_bytes()).collect();
        file.write(&ByteRecord::from(fields), super::columns::ERROR_COLUMN)?;
        Ok(file)
    }

    fn write(&mut self, record: &ByteRecord, error: &str) -> Result<()> {
        for i in 0..self.width {
            if i == self.error_at {
                self.out.write_field(error)?;
            } else {
                self.out.write_field(record.get(i).unwrap_or_default())?;
            }
        }
        self.out.write_record(None::<&[u8]>)?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Puts the finished file in place.
    pub fn persist(self) -> Result<()> {
        let cannot = |e: &dyn std::fmt::Display| anyhow!("cannot write {}: {e}", self.path.display());
        let buf = self.out.into_inner().map_err(|e| cannot(&e.error().to_string()))?;
        let tmp = buf.into_inner().map_err(|e| cannot(&e.error().to_string()))?;
        tmp.as_file().sync_all().map_err(|e| cannot(&e))?;
        tmp.persist(&self.path).map_err(|e| cannot(&e.error))?;
        Ok(())
    }
}

/// What is known of one unit description of the file. Once its unit is known only the id is
/// kept, so memory stays small however many units a file names.
struct Token {
    state: TokenState,
    /// Codes kept under --allow-bad-check: printed once, at the first row using it.
    warnings: Vec<FieldError>,
}

enum TokenState {
    /// Checked; not looked up yet, or looked up and not found (created with the first good row).
    Open(Box<UnitFields>),
    /// Its fields are wrong: every row using it is rejected with these.
    Invalid(Vec<FieldError>),
    Unit(i64),
    Conflict(FieldError),
}

impl From<UnitCheck> for Token {
    fn from(check: UnitCheck) -> Token {
        let state = match check.fields {
            Ok(fields) => TokenState::Open(Box::new(fields)),
            Err(errors) => TokenState::Invalid(errors),
        };
        Token { state, warnings: check.warnings }
    }
}

enum Sink<'t> {
    Filings(FilingSink<'t>),
    Reviews(ReviewSink<'t>),
    Units,
}

pub struct Writer<'t, 'e> {
    tx: &'t Tx<'t>,
    sink: Sink<'t>,
    columns: &'t Columns,
    index: UnitIndex,
    tokens: Vec<Token>,
    batch: i64,
    pub counts: BatchCounts,
    pub rejects: Option<RejectsFile>,
    /// Rows added per day, for the per-day count tables.
    days: DayCounts,
    /// Rows dated after this day are refused (none when not set).
    pub today: Option<Date>,
    events: &'e mut dyn Events,
}

impl<'t, 'e> Writer<'t, 'e> {
    pub fn new(
        tx: &'t Tx<'t>,
        kind: ImportKind,
        columns: &'t Columns,
        batch: i64,
        rejects: Option<RejectsFile>,
        events: &'e mut dyn Events,
    ) -> Result<Writer<'t, 'e>> {
        let sink = match kind {
            ImportKind::Filings => Sink::Filings(tx.filing_sink(batch)?),
            ImportKind::Reviews => Sink::Reviews(tx.review_sink(batch)?),
            ImportKind::Units => Sink::Units,
        };
        let index = UnitIndex::new(tx.read().unit_keys()?);
        Ok(Writer {
            tx,
            sink,
            columns,
            index,
            tokens: Vec::new(),
            batch,
            counts: BatchCounts::default(),
            rejects,
            days: DayCounts::default(),
            today: None,
            events,
        })
    }

    /// Adds the rows written per day to the per-day count tables, once for the whole import.
    pub fn add_day_counts(&self) -> Result<()> {
        let table = match self.sink {
            Sink::Filings(_) => DayTable::Filing,
            Sink::Reviews(_) => DayTable::Review,
            Sink::Units => return Ok(()),
        };
        for (day, n) in self.days.counts() {
            self.tx.add_to_day(table, day, n)?;
        }
        Ok(())
    }

    pub fn progress(&mut self, done_bytes: u64) {
        self.events.progress(done_bytes);
    }

    pub fn take(&mut self, batch: &mut Batch) -> Result<()> {
        if batch.reset_units {
            self.tokens.clear();
        }
        for check in batch.new_units.drain(..) {
            self.tokens.push(Token::from(check));
        }
        for row in batch.rows() {
            if !row.blank {
                self.row(row)?;
            }
        }
        Ok(())
    }

    fn row(&mut self, row: &mut Row) -> Result<()> {
        // The row's values stay in the batch: they were allocated on the reading thread and
        // are dropped there when the batch is refilled (freeing across threads is slow).
        let mut errors = std::mem::take(&mut row.errors);
        for w in &row.warnings {
            self.warn(row.line, w);
        }
        let outcome = match &row.values {
            Some(Values::Unit(fields)) if errors.is_empty() => return self.unit_row(row, fields),
            Some(Values::Unit(_)) => return self.reject(row, errors),
            // A units row whose fields failed their checks has no values and no unit to find.
            None if matches!(self.sink, Sink::Units) => return self.reject(row, errors),
            values => {
                errors.extend(self.future_date(values));
                self.resolve_token(row.line, row.unit, &mut errors);
                match values {
                    _ if !errors.is_empty() => return self.reject(row, errors),
                    Some(Values::Filing(v)) => self.filing_row(row.unit, v)?,
                    Some(Values::Review(v)) => self.review_row(row.unit, v)?,
                    _ => return self.reject(row, errors),
                }
            }
        };
        row.errors = errors;
        match outcome {
            Some(e) => self.reject(row, vec![e]),
            None => Ok(()),
        }
    }

    /// A filing or review dated after today: a row error naming the date's column.
    fn future_date(&self, values: &Option<Values>) -> Option<FieldError> {
        let today = self.today?;
        let (field, date) = match values {
            Some(Values::Filing(v)) => (Field::FiledOn, v.filed_on),
            Some(Values::Review(v)) => (Field::ReviewedOn, v.reviewed_on),
            _ => return None,
        };
        (date > today).then(|| {
            FieldError::new(
                field,
                format!("{date} is after today ({today}): what has not happened yet cannot be recorded"),
            )
        })
    }

    /// Looks up the unit of a filing or review row (once per description) and adds what is
    /// wrong with it to `errors`. A unit to be created stays open until a good row needs it.
    fn resolve_token(&mut self, line: u64, n: usize, errors: &mut Vec<FieldError>) {
        let Some(token) = self.tokens.get_mut(n) else {
            errors.push(FieldError { field: None, message: "internal error: unknown unit description".into() });
            return;
        };
        let mut notes = std::mem::take(&mut token.warnings);
        let mut resolved = None;
        match &token.state {
            TokenState::Invalid(e) => errors.extend(e.iter().cloned()),
            TokenState::Conflict(e) => errors.push(e.clone()),
            TokenState::Unit(_) => {}
            TokenState::Open(fields) => match self.index.find(fields) {
                Lookup::Found(unit, by) => {
                    if by != MatchedBy::Name && unit.name != fields.name {
                        // A match through the organisation code inside the row's USCC names the USCC column.
                        let field = if by == MatchedBy::Uscc || fields.org_code.is_none() {
                            Field::Uscc
                        } else {
                            Field::OrgCode
                        };
                        notes.push(FieldError::new(
                            field,
                            format!(
                                "this code belongs to '{}' (#{}); the row is recorded under that unit and the name '{}' is not stored",
                                unit.name, unit.id, fields.name
                            ),
                        ));
                    }
                    resolved = Some(TokenState::Unit(unit.id));
                }
                Lookup::Conflict(e) => {
                    errors.push(e.clone());
                    resolved = Some(TokenState::Conflict(e));
                }
                Lookup::New => {}
            },
        }
        if let Some(state) = resolved {
            token.state = state;
        }
        for w in &notes {
            self.warn(line, w);
        }
    }

    /// The unit id of a good row's description, creating the unit if none matched.
    fn token_unit(&mut self, n: usize) -> Result<i64> {
        let token = self.tokens.get_mut(n).ok_or_else(|| anyhow!("internal error: unknown unit description"))?;
        let id = match &token.state {
            TokenState::Unit(id) => return Ok(*id),
            TokenState::Open(fields) => create_unit(self.tx, &mut self.index, fields, self.batch)?,
            _ => return Err(anyhow!("internal error: creating a unit with errors")),
        };
        self.counts.units_created += 1;
        token.state = TokenState::Unit(id);
        Ok(id)
    }

    fn filing_row(&mut self, unit: usize, v: &FilingValues) -> Result<Option<FieldError>> {
        let Sink::Filings(sink) = &mut self.sink else { return Ok(None) };
        if let Some(TokenState::Open(fields)) = self.tokens.get(unit).map(|t| &t.state) {
            // The filing number of a new unit's row must be free: check before creating the unit,
            // so a rejected row leaves no unit behind.
            if let Some(stored) = sink.find(&v.filing_no)? {
                return Ok(Some(self.filing_conflict(&stored, &fields.name, v)));
            }
        }
        let unit_id = self.token_unit(unit)?;
        let Sink::Filings(sink) = &mut self.sink else { return Ok(None) };
        match sink.add(unit_id, &v.number, &v.title, &v.filing_no, v.filed_on)? {
            None => {
                self.counts.added += 1;
                self.days.add(v.filed_on);
            }
            Some(stored)
                if stored.unit_id == unit_id
                    && stored.number == v.number
                    && stored.title == v.title
                    && stored.filed_on == v.filed_on =>
            {
                self.counts.skipped += 1
            }
            Some(stored) => {
                let name = self.index.get(unit_id).map(|u| u.name.clone()).unwrap_or_default();
                return Ok(Some(self.filing_conflict(&stored, &name, v)));
            }
        }
        Ok(None)
    }

    /// "filing number N is recorded already as ...; this row differs in ...".
    fn filing_conflict(&self, stored: &StoredFiling, unit_name: &str, v: &FilingValues) -> FieldError {
        let stored_unit =
            self.index.get(stored.unit_id).map_or_else(|| format!("#{}", stored.unit_id), |u| u.name.clone());
        let mut differs = Vec::new();
        if stored_unit != unit_name {
            differs.push(format!("unit ('{unit_name}')"));
        }
        if stored.number != v.number {
            differs.push(format!("standard number ({})", v.number));
        }
        if stored.title != v.title {
            differs.push(format!("title ('{}')", v.title));
        }
        if stored.filed_on != v.filed_on {
            differs.push(format!("date ({})", v.filed_on));
        }
        if differs.is_empty() {
            differs.push("unit".into());
        }
        let what = format!("{} '{}' of '{stored_unit}' filed {}", stored.number, stored.title, stored.filed_on);
        let message = if stored.batch_id == Some(self.batch) {
            format!(
                "filing number {} is given earlier in this file for {what}; this row differs in {}",
                v.filing_no,
                differs.join(", ")
            )
        } else {
            let voided = if stored.voided { ", voided" } else { "" };
            format!(
                "filing number {} is recorded already as filing #{}{voided}: {what}; this row differs in {}",
                v.filing_no,
                stored.id,
                differs.join(", ")
            )
        };
        FieldError::new(Field::FilingNo, message)
    }

    fn review_row(&mut self, unit: usize, v: &ReviewValues) -> Result<Option<FieldError>> {
        let unit_id = self.token_unit(unit)?;
        let Sink::Reviews(sink) = &mut self.sink else { return Ok(None) };
        let Some(stored) = sink.add(unit_id, &v.number, v.filing_no.as_deref(), v.reviewed_on, v.outcome)? else {
            self.counts.added += 1;
            self.days.add(v.reviewed_on);
            return Ok(None);
        };
        let filing_differs = matches!((&stored.filing_no, &v.filing_no), (Some(a), Some(b)) if a != b);
        if stored.outcome == v.outcome && !filing_differs {
            self.counts.skipped += 1;
            return Ok(None);
        }
        let name = self.index.get(unit_id).map(|u| u.name.clone()).unwrap_or_default();
        let whose = format!("a review of {} by '{name}' on {}", v.number, v.reviewed_on);
        let earlier = if stored.batch_id == Some(self.batch) {
            format!("{whose} is given earlier in this file")
        } else {
            format!("{whose} is recorded already as review #{}", stored.id)
        };
        let (field, message) = if stored.outcome != v.outcome {
            (Field::Outcome, format!("{earlier} with outcome {}; this row says {}", stored.outcome, v.outcome))
        } else {
            let theirs = stored.filing_no.unwrap_or_default();
            (
                Field::FilingNo,
                format!(
                    "{earlier} with filing number {theirs}; this row says {}",
                    v.filing_no.as_deref().unwrap_or("")
                ),
            )
        };
        Ok(Some(FieldError::new(field, message)))
    }

    /// A row of a units import: a unit that exists is left as stored (an import only adds, so
    /// a batch can be undone by removing what it added); fields that differ are named.
    fn unit_row(&mut self, row: &Row, fields: &UnitFields) -> Result<()> {
        match self.index.find(fields) {
            Lookup::Conflict(e) => self.reject(row, vec![e]),
            Lookup::New => {
                create_unit(self.tx, &mut self.index, fields, self.batch)?;
                self.counts.added += 1;
                self.counts.units_created += 1;
                Ok(())
            }
            Lookup::Found(unit, _) => {
                let differs = unit_differences(unit, fields);
                let (id, name) = (unit.id, unit.name.clone());
                self.counts.skipped += 1;
                if !differs.is_empty() {
                    let w = FieldError::new(
                        Field::Name,
                        format!(
                            "'{name}' (#{id}) exists and was left as stored; the file differs in {}; \
                             change it with `stdtrack update-unit` if the file is right",
                            differs.join(", ")
                        ),
                    );
                    self.warn(row.line, &w);
                }
                Ok(())
            }
        }
    }

    fn label(&self, field: Option<Field>) -> Option<&str> {
        field.map(|f| self.columns.label_of(f))
    }

    fn warn(&mut self, line: u64, w: &FieldError) {
        let text = match self.label(w.field) {
            Some(c) => format!("line {line}, column {c}: {}", w.message),
            None => format!("line {line}: {}", w.message),
        };
        self.events.warning(&text);
    }

    fn reject(&mut self, row: &Row, mut errors: Vec<FieldError>) -> Result<()> {
        self.counts.rejected += 1;
        // In the order of the file's columns, row-wide faults first.
        errors.sort_by_key(|e| e.field.and_then(|f| self.columns.get(f)).map_or(0, |i| i + 1));
        errors.dedup();
        let mut joined = Vec::with_capacity(errors.len());
        for e in &errors {
            let (text, short) = match self.label(e.field) {
                Some(c) => (format!("line {}, column {c}: {}", row.line, e.message), format!("{c}: {}", e.message)),
                None => (format!("line {}: {}", row.line, e.message), e.message.clone()),
            };
            self.events.row_error(&text);
            joined.push(short);
        }
        if let Some(rejects) = &mut self.rejects {
            rejects.write(&row.record, &joined.join("; "))?;
        }
        Ok(())
    }
}

/// Rows per day, counted without hashing (this runs once per row added): a slot for each
/// day of the years dates are read in, and a map for any other.
#[derive(Default)]
struct DayCounts {
    slots: Vec<i64>,
    others: HashMap<Date, i64>,
}

impl DayCounts {
    fn first_day() -> i32 {
        Date::from_ymd_opt(1900, 1, 1).map_or(0, |d| d.num_days_from_ce())
    }

    fn add(&mut self, day: Date) {
        let at = usize::try_from(day.num_days_from_ce() - Self::first_day()).ok().filter(|&i| i < 201 * 366);
        match at {
            Some(i) => {
                if self.slots.is_empty() {
                    self.slots = vec![0; 201 * 366];
                }
                self.slots[i] += 1;
            }
            None => *self.others.entry(day).or_default() += 1,
        }
    }

    /// Every day with rows, in date order.
    fn counts(&self) -> Vec<(Date, i64)> {
        let first = Self::first_day();
        let mut all: Vec<(Date, i64)> = self
            .slots
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .filter_map(|(i, n)| Some((Date::from_num_days_from_ce_opt(first + i32::try_from(i).ok()?)?, *n)))
            .chain(self.others.iter().map(|(d, n)| (*d, *n)))
            .collect();
        all.sort();
        all
    }
}

fn create_unit(tx: &Tx<'_>, index: &mut UnitIndex, f: &UnitFields, batch: i64) -> Result<i64> {
    let mut unit = Unit {
        id: 0,
        name: f.name.clone(),
        uscc: f.uscc.clone(),
        org_code: f.org_code.clone(),
        kind: f.kind.unwrap_or(UnitKind::Enterprise),
        industry: f.industry.clone(),
        location: f.location.clone(),
    };
    unit.id = tx.insert_unit(&UnitRow { unit: &unit, name_key: &f.name_key, batch_id: Some(batch) })?;
    let id = unit.id;
    index.add(unit, f.name_key.clone());
    Ok(id)
}

/// The fields a units row gives that the stored unit does not have so.
fn unit_differences(stored: &Unit, row: &UnitFields) -> Vec<String> {
    let mut differs = Vec::new();
    let mut compare = |what: &str, file: Option<&str>, stored: Option<&str>| {
        if let Some(file) = file
            && Some(file) != stored
        {
            differs.push(format!("{what} ('{file}', stored '{}')", stored.unwrap_or("")));
        }
    };
    // Spellings of one name (full-width brackets, spaces) are the same name.
    if ids::name_key(&stored.name) != row.name_key {
        compare("name", Some(&row.name), Some(&stored.name));
    }
    compare("USCC", row.uscc.as_deref(), stored.uscc.as_deref());
    let stored_org = stored.org_code.clone().or_else(|| stored.uscc.as_deref().and_then(ids::org_code_in_uscc));
    compare("organisation code", row.org_code.as_deref(), stored_org.as_deref());
    compare("kind", row.kind.map(|k| k.as_str()), Some(stored.kind.as_str()));
    compare("industry", row.industry.as_deref(), stored.industry.as_deref());
    compare("location", row.location.as_deref(), stored.location.as_deref());
    differs
}
