//! The writing half of an import, in the one transaction: each checked row's unit found or
//! created, the row inserted or recognised as already stored (or as a voided record, which is
//! not brought back), and every bad row reported (and, with `--skip-invalid`, kept for the
//! rejects file).

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::Path;

use anyhow::{Result, anyhow};
use chrono::Datelike;

use super::columns::{self, Columns, Field};
use super::parse::Record;
use super::reader::{Batch, Row, Skip, Values};
use super::rows::{FieldError, FilingValues, ReviewValues, UnitCheck, UnitFields};
use super::unit_index::{Lookup, MatchedBy, UnitIndex, named};
use super::{Events, ImportKind, NewUnit};
use crate::core::ids;
use crate::core::model::{Date, Outcome, UnitKind};
use crate::core::records::Unit;
use crate::error::{FilingConflict, FilingDiff, Msg, ReviewDiff, UnitDiff, UnitField, V, path as vpath, refuse};
use crate::render::{Lang, messages};
use crate::store::{BatchCounts, DayTable, FilingSink, ReviewSink, StoredFiling, Tx, UnitRow};

/// The rows a clerk must fix, kept in an unnamed temporary file until the import is
/// committed: a run that fails or is killed before then leaves nothing under the rejects
/// file's name (nor anywhere else). UTF-8 with a BOM so Excel opens it; the original columns
/// plus an error column, so it can be re-imported as it is.
pub struct Rejects {
    out: csv::Writer<BufWriter<File>>,
    /// Where the error goes: the file's own error column (a rejects file read back) or a new last one.
    error_at: usize,
    width: usize,
}

impl Rejects {
    /// Starts the rejects of an import whose rejects file is `target`. The temporary file is
    /// made in the target's folder, so a folder that cannot be written is found before any
    /// row is read.
    pub fn create(target: &Path, header: &[String], error_column: Option<usize>, lang: Lang) -> Result<Rejects> {
        let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let cannot = |e: std::io::Error| refuse(Msg::CannotWrite { path: vpath(target), detail: (&e).into() });
        let file = tempfile::tempfile_in(dir).map_err(cannot)?;
        let mut buf = BufWriter::new(file);
        buf.write_all("\u{FEFF}".as_bytes()).map_err(cannot)?;
        let out = csv::WriterBuilder::new().flexible(true).from_writer(buf);
        let (error_at, width) = match error_column {
            Some(i) => (i, header.len()),
            None => (header.len(), header.len() + 1),
        };
        let mut rejects = Rejects { out, error_at, width };
        let error = match error_column {
            Some(i) => header[i].clone(),
            None => columns::error_header(lang).to_string(),
        };
        rejects.write(&Record::from_cells(header), &error)?;
        Ok(rejects)
    }

    fn write(&mut self, record: &Record, error: &str) -> Result<()> {
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

    /// Copies the finished rejects into `to`.
    pub fn copy_to(self, to: &mut dyn Write) -> Result<()> {
        let buf = self.out.into_inner().map_err(|e| anyhow!("{}", e.error()))?;
        let mut file = buf.into_inner().map_err(|e| anyhow!("{}", e.error()))?;
        file.seek(SeekFrom::Start(0))?;
        std::io::copy(&mut file, to)?;
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

/// A voided filing or review, as an import compares a row with it.
struct Voided {
    id: i64,
    unit_id: i64,
    number: String,
    /// Filings: the title; reviews: none.
    title: Option<String>,
    outcome: Option<Outcome>,
    filing_no: Option<String>,
    reason: String,
    voided_on: Option<Date>,
}

impl Voided {
    fn note(&self, kind: &str) -> Msg {
        Msg::RowVoided { kind: kind.into(), id: self.id, on: self.voided_on, reason: V::from(&self.reason) }
    }
}

/// Voided records by what a row is matched on: a filing by its filing number and date, a
/// review by its unit, number and date.
#[derive(Default)]
struct VoidedRecords {
    filings: HashMap<(String, Date), Vec<Voided>>,
    reviews: HashMap<(i64, String, Date), Vec<Voided>>,
}

impl VoidedRecords {
    fn load(tx: &Tx<'_>, kind: ImportKind) -> Result<VoidedRecords> {
        let mut voided = VoidedRecords::default();
        match kind {
            ImportKind::Filings => {
                for f in tx.voided_filings()? {
                    let v = Voided {
                        id: f.id,
                        unit_id: f.unit_id,
                        number: f.number,
                        title: Some(f.title),
                        outcome: None,
                        filing_no: Some(f.filing_no.clone()),
                        reason: f.reason,
                        voided_on: f.voided_on,
                    };
                    voided.filings.entry((f.filing_no, f.filed_on)).or_default().push(v);
                }
            }
            ImportKind::Reviews => {
                for r in tx.voided_reviews()? {
                    let v = Voided {
                        id: r.id,
                        unit_id: r.unit_id,
                        number: r.number.clone(),
                        title: None,
                        outcome: Some(r.outcome),
                        filing_no: r.filing_no,
                        reason: r.reason,
                        voided_on: r.voided_on,
                    };
                    voided.reviews.entry((r.unit_id, r.number, r.reviewed_on)).or_default().push(v);
                }
            }
            ImportKind::Units => {}
        }
        Ok(voided)
    }

    /// The voided filing this row is: same filing number, unit, standard number, title, date.
    fn filing(&self, unit_id: i64, v: &FilingValues) -> Option<&Voided> {
        if self.filings.is_empty() {
            return None;
        }
        self.filings
            .get(&(v.filing_no.clone(), v.filed_on))?
            .iter()
            .find(|f| f.unit_id == unit_id && f.number == v.number && f.title.as_deref() == Some(v.title.as_str()))
    }

    /// The voided review this row is: same unit, number and date, and the same outcome (and
    /// filing number, when both give one). A row with another outcome is the correction, and
    /// is recorded.
    fn review(&self, unit_id: i64, v: &ReviewValues) -> Option<&Voided> {
        if self.reviews.is_empty() {
            return None;
        }
        self.reviews.get(&(unit_id, v.number.clone(), v.reviewed_on))?.iter().find(|r| {
            r.outcome == Some(v.outcome) && !matches!((&r.filing_no, &v.filing_no), (Some(a), Some(b)) if a != b)
        })
    }
}

pub struct Writer<'t, 'e> {
    tx: &'t Tx<'t>,
    sink: Sink<'t>,
    columns: &'t Columns,
    index: UnitIndex,
    tokens: Vec<Token>,
    batch: i64,
    pub counts: BatchCounts,
    pub rejects: Option<Rejects>,
    voided: VoidedRecords,
    /// Rows added per day, for the per-day count tables.
    days: DayCounts,
    /// Rows dated after this day are refused (none when not set).
    pub today: Option<Date>,
    events: &'e mut dyn Events,
    /// The language of the rejects file's error column.
    lang: Lang,
    /// `--new-units`: a name in another form of a unit's is a new unit all the same.
    new_units: bool,
    sheet: bool,
    /// The units created, when they are to be listed (`--dry-run`).
    pub created: Option<Vec<NewUnit>>,
}

/// What a writer is told besides where to write.
pub struct WriterOptions {
    pub lang: Lang,
    pub new_units: bool,
    /// Keep the units created, to list them.
    pub list_created: bool,
    /// The rows are a workbook's (messages say `row N`, not `line N`).
    pub sheet: bool,
}

impl<'t, 'e> Writer<'t, 'e> {
    pub fn new(
        tx: &'t Tx<'t>,
        kind: ImportKind,
        columns: &'t Columns,
        batch: i64,
        rejects: Option<Rejects>,
        events: &'e mut dyn Events,
        opts: WriterOptions,
    ) -> Result<Writer<'t, 'e>> {
        let sink = match kind {
            ImportKind::Filings => Sink::Filings(tx.filing_sink(batch)?),
            ImportKind::Reviews => Sink::Reviews(tx.review_sink(batch)?),
            ImportKind::Units => Sink::Units,
        };
        let index = UnitIndex::new(tx.read().unit_keys()?);
        let voided = VoidedRecords::load(tx, kind)?;
        Ok(Writer {
            tx,
            sink,
            columns,
            index,
            tokens: Vec::new(),
            batch,
            counts: BatchCounts::default(),
            rejects,
            voided,
            days: DayCounts::default(),
            today: None,
            events,
            lang: opts.lang,
            new_units: opts.new_units,
            sheet: opts.sheet,
            created: opts.list_created.then(Vec::new),
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
            match &row.skip {
                _ if row.blank => {}
                Some(skip) => {
                    let msg = match skip {
                        Skip::Totals(label) => Msg::RowTotals { label: V::from(label) },
                        Skip::Voided(reason) => Msg::RowVoidedInFile { reason: V::from(reason) },
                    };
                    let line = row.line();
                    self.warn(line, &FieldError::row(msg));
                }
                None => self.row(row)?,
            }
        }
        Ok(())
    }

    fn row(&mut self, row: &mut Row) -> Result<()> {
        // The row's values stay in the batch: they were allocated on the reading thread and
        // are dropped there when the batch is refilled (freeing across threads is slow).
        let mut errors = std::mem::take(&mut row.errors);
        let line = row.line();
        for w in &row.warnings {
            self.warn(line, w);
        }
        let outcome = match &row.values {
            Some(Values::Unit(fields)) if errors.is_empty() => return self.unit_row(row, fields),
            Some(Values::Unit(_)) => return self.reject(row, errors),
            // A units row whose fields failed their checks, or a row too long to read, has no
            // unit to find.
            None if matches!(self.sink, Sink::Units) || row.unit.is_none() => return self.reject(row, errors),
            values => {
                let Some(unit) = row.unit else { return self.reject(row, errors) };
                errors.extend(self.future_date(values));
                self.resolve_token(line, unit, &mut errors);
                match values {
                    _ if !errors.is_empty() => return self.reject(row, errors),
                    Some(Values::Filing(v)) => self.filing_row(line, unit, v)?,
                    Some(Values::Review(v)) => self.review_row(line, unit, v)?,
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
        (date > today).then(|| FieldError::new(field, Msg::RowFutureDate { date, today }))
    }

    /// Looks up the unit of a filing or review row (once per description) and adds what is
    /// wrong with it to `errors`. A unit to be created stays open until a good row needs it.
    fn resolve_token(&mut self, line: u64, n: usize, errors: &mut Vec<FieldError>) {
        let Some(token) = self.tokens.get_mut(n) else {
            errors.push(FieldError::row(Msg::Internal { detail: "unknown unit description".into() }));
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
                            Msg::RowCodeOtherName { unit: named(unit), name: V::from(&fields.name) },
                        ));
                    }
                    resolved = Some(TokenState::Unit(unit.id));
                }
                Lookup::Conflict(e) => {
                    errors.push(e.clone());
                    resolved = Some(TokenState::Conflict(e));
                }
                Lookup::Similar(unit) if !self.new_units => {
                    let e = near_miss(unit, &fields.name);
                    errors.push(e.clone());
                    resolved = Some(TokenState::Conflict(e));
                }
                Lookup::Similar(_) | Lookup::New => {}
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
        let token = self.tokens.get_mut(n).ok_or_else(|| anyhow!("unknown unit description"))?;
        let id = match &token.state {
            TokenState::Unit(id) => return Ok(*id),
            TokenState::Open(fields) => create_unit(self.tx, &mut self.index, fields, self.batch, &mut self.created)?,
            _ => return Err(anyhow!("creating a unit with errors")),
        };
        self.counts.units_created += 1;
        token.state = TokenState::Unit(id);
        Ok(id)
    }

    fn filing_row(&mut self, line: u64, unit: usize, v: &FilingValues) -> Result<Option<FieldError>> {
        let Sink::Filings(sink) = &mut self.sink else { return Ok(None) };
        match self.tokens.get(unit).map(|t| &t.state) {
            Some(TokenState::Open(fields)) => {
                // The filing number of a new unit's row must be free: check before creating the
                // unit, so a rejected row leaves no unit behind.
                if let Some(stored) = sink.find(&v.filing_no)? {
                    return Ok(Some(self.filing_conflict(&stored, &fields.name, v)));
                }
            }
            // A voided filing met again is skipped, not brought back (a new unit has none).
            Some(TokenState::Unit(id)) => {
                if let Some(voided) = self.voided.filing(*id, v) {
                    let note = voided.note("filing");
                    let live = sink.find(&v.filing_no)?;
                    let same = live.is_some_and(|s| {
                        s.unit_id == *id && s.number == v.number && s.title == v.title && s.filed_on == v.filed_on
                    });
                    self.counts.skipped += 1;
                    if !same {
                        self.warn(line, &FieldError::new(Field::FilingNo, note));
                    }
                    return Ok(None);
                }
            }
            _ => {}
        }
        let unit_id = self.token_unit(unit)?;
        let Sink::Filings(sink) = &mut self.sink else { return Ok(None) };
        match sink.add(unit_id, &v.number, &v.title, &v.filing_no, v.filed_on, v.remark.as_deref())? {
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
            differs.push(FilingDiff::Unit(V::from(unit_name)));
        }
        if stored.number != v.number {
            differs.push(FilingDiff::Number(v.number.clone()));
        }
        if stored.title != v.title {
            differs.push(FilingDiff::Title(V::from(&v.title)));
        }
        if stored.filed_on != v.filed_on {
            differs.push(FilingDiff::Date(v.filed_on));
        }
        let conflict = FilingConflict {
            filing_no: v.filing_no.clone(),
            stored: (stored.batch_id != Some(self.batch)).then_some(stored.id),
            number: stored.number.clone(),
            title: V::from(&stored.title),
            unit: V::from(stored_unit),
            filed_on: stored.filed_on,
            differs,
        };
        let msg = Msg::RowFilingConflict { conflict: Box::new(conflict) };
        FieldError::new(Field::FilingNo, msg)
    }

    fn review_row(&mut self, line: u64, unit: usize, v: &ReviewValues) -> Result<Option<FieldError>> {
        let unit_id = self.token_unit(unit)?;
        if let Some(voided) = self.voided.review(unit_id, v) {
            let note = voided.note("review");
            self.counts.skipped += 1;
            self.warn(line, &FieldError::row(note));
            return Ok(None);
        }
        let Sink::Reviews(sink) = &mut self.sink else { return Ok(None) };
        let Some(stored) =
            sink.add(unit_id, &v.number, v.filing_no.as_deref(), v.reviewed_on, v.outcome, v.remark.as_deref())?
        else {
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
        let (field, differs) = if stored.outcome != v.outcome {
            (Field::Outcome, ReviewDiff::Outcome { theirs: stored.outcome, mine: v.outcome })
        } else {
            let theirs = stored.filing_no.unwrap_or_default();
            (Field::FilingNo, ReviewDiff::FilingNo { theirs, mine: v.filing_no.clone().unwrap_or_default() })
        };
        let msg = Msg::RowReviewConflict {
            number: v.number.clone(),
            unit: V::from(name),
            on: v.reviewed_on,
            stored: (stored.batch_id != Some(self.batch)).then_some(stored.id),
            differs,
        };
        Ok(Some(FieldError::new(field, msg)))
    }

    /// A row of a units import: a unit that exists is left as stored (an import only adds, so
    /// a batch can be undone by removing what it added); fields that differ are named.
    fn unit_row(&mut self, row: &Row, fields: &UnitFields) -> Result<()> {
        match self.index.find(fields) {
            Lookup::Conflict(e) => self.reject(row, vec![e]),
            Lookup::Similar(unit) if !self.new_units => {
                let e = near_miss(unit, &fields.name);
                self.reject(row, vec![e])
            }
            Lookup::Similar(_) | Lookup::New => {
                create_unit(self.tx, &mut self.index, fields, self.batch, &mut self.created)?;
                self.counts.added += 1;
                self.counts.units_created += 1;
                Ok(())
            }
            Lookup::Found(unit, _) => {
                let differs = unit_differences(unit, fields);
                let unit = named(unit);
                self.counts.skipped += 1;
                if !differs.is_empty() {
                    self.warn(row.line(), &FieldError::new(Field::Name, Msg::RowUnitDiffers { unit, differs }));
                }
                Ok(())
            }
        }
    }

    fn at_row(&self, line: u64, e: &FieldError) -> Msg {
        let column = self.columns.label(e.place).map(V::from);
        Msg::ImportRow { line, sheet: self.sheet, column, reason: Box::new(e.msg.clone()) }
    }

    fn warn(&mut self, line: u64, w: &FieldError) {
        let msg = self.at_row(line, w);
        self.events.warning(&msg);
    }

    fn reject(&mut self, row: &Row, mut errors: Vec<FieldError>) -> Result<()> {
        self.counts.rejected += 1;
        // In the order of the file's columns, row-wide faults first.
        errors.sort_by_key(|e| self.columns.index(e.place).map_or(0, |i| i + 1));
        errors.dedup();
        let mut cells = Vec::with_capacity(errors.len());
        for e in &errors {
            let msg = self.at_row(row.line(), e);
            self.events.row_error(&msg);
            if self.rejects.is_some() {
                let column = self.columns.label(e.place).map(V::from);
                let cell = Msg::ImportCell { column, reason: Box::new(e.msg.clone()) };
                cells.push(messages::text(&cell, self.lang));
            }
        }
        if let Some(rejects) = &mut self.rejects {
            rejects.write(&row.record, &cells.join(self.lang.pick("；", "; ")))?;
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

/// "this is not a stored name, but the same name in another form as ...": the row's error.
fn near_miss(unit: &Unit, name: &str) -> FieldError {
    FieldError::new(Field::Name, Msg::RowNameLikeUnit { name: V::from(name), unit: named(unit) })
}

fn create_unit(
    tx: &Tx<'_>,
    index: &mut UnitIndex,
    f: &UnitFields,
    batch: i64,
    created: &mut Option<Vec<NewUnit>>,
) -> Result<i64> {
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
    if let Some(list) = created {
        list.push(NewUnit { name: f.name.clone(), uscc: f.uscc.clone(), org_code: f.org_code.clone() });
    }
    index.add(unit, f.name_key.clone());
    Ok(id)
}

/// The fields a units row gives that the stored unit does not have so.
fn unit_differences(stored: &Unit, row: &UnitFields) -> Vec<UnitDiff> {
    let mut differs = Vec::new();
    let mut compare = |field: UnitField, file: Option<&str>, stored: Option<&str>| {
        if let Some(file) = file
            && Some(file) != stored
        {
            differs.push(UnitDiff { field, file: V::from(file), stored: V::from(stored.unwrap_or("")) });
        }
    };
    // Spellings of one name (full-width brackets, spaces) are the same name.
    if ids::name_key(&stored.name) != row.name_key {
        compare(UnitField::Name, Some(&row.name), Some(&stored.name));
    }
    compare(UnitField::Uscc, row.uscc.as_deref(), stored.uscc.as_deref());
    let stored_org = stored.org_code.clone().or_else(|| stored.uscc.as_deref().and_then(ids::org_code_in_uscc));
    compare(UnitField::OrgCode, row.org_code.as_deref(), stored_org.as_deref());
    compare(UnitField::Kind, row.kind.map(|k| k.as_str()), Some(stored.kind.as_str()));
    compare(UnitField::Industry, row.industry.as_deref(), stored.industry.as_deref());
    compare(UnitField::Location, row.location.as_deref(), stored.location.as_deref());
    differs
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn rejects_keep_the_files_columns_and_add_the_error_in_the_readers_language() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("r.csv");
        let header = vec!["企业名称".to_string(), "备案号".to_string()];
        let mut r = Rejects::create(&target, &header, None, Lang::Zh).unwrap();
        r.write(&Record::from_cells(&["甲", "F1"]), "「备案号」列：内容为空").unwrap();
        let mut out = Vec::new();
        r.copy_to(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "\u{FEFF}企业名称,备案号,错误\n甲,F1,「备案号」列：内容为空\n");
        // Nothing was put under the target's name, nor beside it.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        // A rejects file read back keeps its own error column.
        let header = vec!["error".to_string(), "name".to_string()];
        let mut r = Rejects::create(&target, &header, Some(0), Lang::Zh).unwrap();
        r.write(&Record::from_cells(&["old reason", "甲"]), "新原因").unwrap();
        let mut out = Vec::new();
        r.copy_to(&mut out).unwrap();
        let mut text = String::new();
        out.as_slice().read_to_string(&mut text).unwrap();
        assert_eq!(text, "\u{FEFF}error,name\n新原因,甲\n");
    }
}
