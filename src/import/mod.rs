//! Import of filings, reviews and units (CLI.md "Import", issue 10) from the files offices
//! really produce: CSV as Excel or WPS saves it, or the workbook itself. All-or-nothing by
//! default, streaming so a million CSV rows need no more memory than ten.
//!
//! `workbook` reads a sheet of a .xlsx/.xls/.ods (a file is one by its first bytes), `decode`
//! turns a text file into UTF-8 and finds its delimiter, `parse` splits it into records; both
//! hand out records with their line (a sheet's own row number). `columns` maps the header row;
//! `rows` checks each row with the core checks; `reader` does that on its own thread and hands
//! batches to `writer`, which finds or creates each row's unit (`unit_index`) and writes in the
//! one transaction of the import. SQL stays in `store::import`.
//!
//! What an import does where CLI.md is silent:
//! - The header row is the first row, within the first 10, whose cells name every column the
//!   kind requires (names in `columns::SYNONYMS`, bracketed additions aside). The rows above it
//!   (a title, a date, "单位：元") are skipped and named in one warning. No such row: the
//!   refusal names the row that came closest. A header with a column that speaks of a code
//!   (代码, 编号, code) but names no field is refused, naming it.
//! - A workbook: the first sheet, or `--sheet NAME|N`. Cells as Excel typed them (see
//!   `workbook`); the rejects file is CSV all the same. calamine reads the sheet whole, so a
//!   workbook's memory grows with its rows (100,000 rows in some 80 MiB); a CSV streams.
//! - A totals row (合计/总计/小计/Total, with the cells that identify a record empty) and a
//!   row an export marks voided (作废原因) are skipped, each with a warning; they count as
//!   nothing. The ids and batch an export carries are ignored, and `="…"` or a leading `'`
//!   that `--excel` adds to keep a code as text is undone, so an export imports back as it is.
//! - A bare number in a date column is an Excel serial date (1900 system) when it falls in the
//!   plan's years; otherwise it is refused, naming the date it would be.
//! - A 9-character organisation code in the USCC column (registers kept before 2015 head it
//!   统一社会信用代码（组织机构代码）), or a USCC in the organisation-code column, is taken as
//!   what it is, with a warning, when the other column is empty or says the same.
//! - A 备注 column is kept on filings and reviews (not compared when a row meets a stored one).
//! - A row's unit: by USCC, then organisation code (also the one inside a stored USCC), then
//!   exact name. A code wins over a name: the row goes to the unit holding the code, with a
//!   warning when the names differ. A name whose unit has another USCC or organisation code
//!   is a row error. No match: a new unit (an enterprise, with the row's codes and industry),
//!   unless the name is the same name in another form (`core::units::name_family_key`) as a
//!   stored or earlier-created unit's and no code tells them apart: a row error naming that
//!   unit, unless `--new-units`. `--dry-run` lists every unit it would create.
//! - An import only adds, so a batch can later be undone by removing what carries its id:
//!   existing units are never changed. In a units import an existing unit is skipped, and a
//!   warning names each field the file gives differently (fix those with `update-unit`).
//! - A filing number met again (stored, or earlier in the file) with the same unit, standard
//!   number, title and date is skipped; anything different is a row error naming the stored
//!   filing. A review of the same unit, number and date is skipped when its outcome (and filing
//!   number, when both have one) agree, else it is a row error.
//! - Rows whose every field is empty (Excel leaves them at the end of a sheet) are ignored.
//! - `--dry-run` runs everything in the transaction and rolls it back: same messages, counts
//!   and exit code, no batch, and no rejects file. `--rejects` needs `--skip-invalid`.
//! - The rejects file has the file's own header and values, plus an error column (`错误` or
//!   `error` as `--lang` says, or the file's own error column, when a rejects file is imported
//!   again), so it can be fixed and re-imported as it is. Its rows wait in an unnamed temporary
//!   file; only when rows were rejected and everything else is done are they copied beside the
//!   target and synced, then the import commits, then the copy is renamed into place. A failed,
//!   refused or killed import leaves nothing under the rejects file's name.
//! - Messages are `Msg` values (`crate::error`): the command renders them in the reader's
//!   language; the rejects file's error column is rendered here, in `Options::lang`.
//! - Rows are bounded: a row over 1 MiB, a cell over 64 KiB or a row of more than 4,096 cells
//!   is a row error, not memory (`parse`), and a message quotes at most 80 characters of a value.
//! - A cell the import reads holding ESC, NUL or another control character (tab and line
//!   breaks aside) is a row error naming its column; a zero byte anywhere in a row, even in a
//!   column the import does not read, is one too (binary junk is named on its line, however
//!   far into the file; the first 4 KiB decide only whether the file is text at all).
//! - A row that is a voided record (a filing with the same filing number, unit, number, title
//!   and date; a review with the same unit, number, date and outcome) is skipped with a
//!   warning naming the void's date and reason: a correction is not undone by re-importing the
//!   file it came from. A review row with another outcome is the correction, and is recorded.

pub mod columns;
pub mod decode;
mod parse;
mod reader;
pub mod rows;
pub mod unit_index;
pub mod workbook;
mod writer;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::sync::mpsc;

use anyhow::Result;
use chrono::Datelike;
use serde_json::json;

use crate::error::{Msg, V, refuse, usage};
use crate::render::Lang;
use crate::store::{AuditCtx, BatchCounts, Store};
use columns::Columns;
pub use decode::EncodingChoice;
use parse::{Parser, Record, Records};
use writer::{Rejects, Writer, WriterOptions};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Filings,
    Reviews,
    Units,
}

impl ImportKind {
    /// As stored in `import_batch.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Filings => "filings",
            ImportKind::Reviews => "reviews",
            ImportKind::Units => "units",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    pub kind: ImportKind,
    pub file: PathBuf,
    pub encoding: EncodingChoice,
    /// Write the good rows and put the bad ones in `rejects`.
    pub skip_invalid: bool,
    pub rejects: PathBuf,
    pub dry_run: bool,
    pub allow_bad_check: bool,
    /// The language of the rejects file's error column.
    pub lang: Lang,
    /// `--sheet`: the sheet of a workbook to read (a name, or a number from 1).
    pub sheet: Option<String>,
    /// `--new-units`: create a unit whose name is another form of a stored one's.
    pub new_units: bool,
    /// Rows dated after today are refused (what has not happened cannot be recorded).
    pub today: crate::core::model::Date,
    /// The file's SHA-256 (lower-case hex), kept on the batch.
    pub sha256: Option<String>,
}

/// A unit an import creates (listed by `--dry-run`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUnit {
    pub name: String,
    pub uscc: Option<String>,
    pub org_code: Option<String>,
}

/// How an import ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Committed (with `--skip-invalid`, possibly with rejected rows).
    Imported,
    /// `--dry-run`: everything checked and rolled back.
    DryRun,
    /// Bad rows without `--skip-invalid`: rolled back, nothing written.
    Refused,
}

#[derive(Debug, Clone)]
pub struct Summary {
    pub status: Status,
    pub counts: BatchCounts,
    /// The batch id, when the import was committed.
    pub batch: Option<i64>,
    /// The encoding of a CSV file, or the kind of workbook (XLSX, XLS, ODS).
    pub encoding: String,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// The units created (or that would be): kept on a dry run only.
    pub new_units: Option<Vec<NewUnit>>,
    /// The rejects file written, if any.
    pub rejects: Option<PathBuf>,
    /// The import was committed but its rejects file could not be put in place: why.
    pub rejects_lost: Option<String>,
}

/// What an import tells the user while it runs; the command renders and prints it.
pub trait Events {
    /// The import starts reading rows; `total_bytes` is the file's size.
    fn start(&mut self, total_bytes: u64);
    fn progress(&mut self, done_bytes: u64);
    fn warning(&mut self, msg: &Msg);
    /// One fault of a bad row (`Msg::ImportRow`: `line N, column C: reason`).
    fn row_error(&mut self, msg: &Msg);
}

/// A file written beside its target and put in place only by `persist`, after the commit
/// (the command gives `commands::files`' atomic write).
pub trait Staged: Write {
    /// Flushes and syncs what was written; before the commit.
    fn sync(&mut self) -> Result<()>;
    /// Renames it over the target.
    fn persist(self: Box<Self>) -> Result<()>;
}

/// Makes the staged file of a target.
pub type Stage<'a> = &'a dyn Fn(&Path) -> Result<Box<dyn Staged>>;

/// Batches in flight between the reading thread and the writer.
const BATCHES: usize = 4;

/// Page cache for the import's transaction (see `Tx::set_cache_mib`).
const CACHE_MIB: i64 = 64;

/// The default rejects file of CLI.md: `FILE.rejects.csv`.
pub fn default_rejects_path(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".rejects.csv");
    PathBuf::from(name)
}

/// Runs one import in one `BEGIN IMMEDIATE` transaction, committed only when it succeeds
/// (and not on a dry run). `stage` makes the rejects file's staged copy.
pub fn run(
    store: &mut Store,
    audit: &AuditCtx,
    opts: &Options,
    events: &mut dyn Events,
    stage: Stage<'_>,
) -> Result<Summary> {
    let result = run_in(store, audit, opts, events, stage);
    // The import's own failure, if any, is the one to report.
    let restored = store.end_import();
    let summary = result?;
    restored?;
    Ok(summary)
}

/// Rows looked at for the header: a title, a date and a unit line above it are common; ten
/// rows down, it is not a header.
pub const HEADER_WITHIN: u64 = 10;

/// The header row found: its cells as written, the columns they map to, and the rows above it
/// that held something (line, text).
struct Header {
    cells: Vec<String>,
    columns: Columns,
    line: u64,
    above: Vec<(u64, String)>,
}

/// Finds the header row among the first `HEADER_WITHIN` rows (see the module's notes).
fn find_header(source: &mut dyn Records, kind: ImportKind, encoding: &str, path: &Path, sheet: bool) -> Result<Header> {
    let cannot = |e: std::io::Error| refuse(Msg::CannotRead { path: crate::error::path(path), detail: (&e).into() });
    let mut rec = Record::default();
    let mut above = Vec::new();
    // The row naming most of the kind's fields, for the refusal when none names them all.
    let mut closest: Option<(usize, Msg)> = None;
    while source.next_record(&mut rec).map_err(cannot)? && rec.line <= HEADER_WITHIN {
        rec.undo_excel_text();
        let cells: Vec<String> = rec.iter().map(|h| String::from_utf8_lossy(h).into_owned()).collect();
        let Some(text) = crate::core::ids::clean_text(&cells.join(" ")) else { continue };
        match Columns::map(kind, &cells, rec.line, sheet) {
            Ok(columns) => return Ok(Header { cells, columns, line: rec.line, above }),
            Err(Msg::ImportMissingColumns { line, kind, missing, found, .. }) => {
                let named = Columns::fields_named(kind_of(&kind), &cells);
                let undecoded = cells.iter().any(|h| h.contains('\u{FFFD}')).then(|| encoding.to_string());
                if closest.as_ref().is_none_or(|(best, _)| named > *best) {
                    let msg = Msg::ImportMissingColumns { line, sheet, kind, missing, found, undecoded };
                    closest = Some((named, msg));
                }
                above.push((rec.line, text));
            }
            Err(other) => return Err(refuse(other)),
        }
    }
    Err(refuse(closest.map_or(Msg::ImportEmptyFile, |(_, msg)| msg)))
}

/// An import's kind from its `as_str`.
fn kind_of(s: &str) -> ImportKind {
    match s {
        "reviews" => ImportKind::Reviews,
        "units" => ImportKind::Units,
        _ => ImportKind::Filings,
    }
}

/// The rows of the file, however it is kept: (records, encoding or workbook kind, size,
/// delimiter for CSV, sheet name for a workbook).
type Opened = (Box<dyn Records>, String, u64, Option<u8>, Option<String>);

fn open_file(opts: &Options, done: &Arc<AtomicU64>) -> Result<Opened> {
    if let Some(format) = workbook::format_of(&opts.file)? {
        let sheet = workbook::Sheet::open(&opts.file, format, opts.sheet.as_deref(), done.clone())?;
        let size = std::fs::metadata(&opts.file).map(|m| m.len()).unwrap_or(0);
        let (kind, name) = (sheet.format.to_string(), sheet.name.clone());
        return Ok((Box::new(sheet), kind, size, None, Some(name)));
    }
    if opts.sheet.is_some() {
        return Err(usage(Msg::ImportSheetNeedsWorkbook { path: crate::error::path(&opts.file) }));
    }
    let decoded = decode::open(&opts.file, opts.encoding, done.clone())?;
    let encoding = decoded.encoding_label();
    let parser = Parser::new(decoded.reader, decoded.delimiter);
    Ok((Box::new(parser), encoding, decoded.size, Some(decoded.delimiter), None))
}

fn run_in(
    store: &mut Store,
    audit: &AuditCtx,
    opts: &Options,
    events: &mut dyn Events,
    stage: Stage<'_>,
) -> Result<Summary> {
    let done = Arc::new(AtomicU64::new(0));
    let (mut source, encoding, size, delimiter, sheet) = open_file(opts, &done)?;
    let Header { cells: header, columns, line, above } =
        find_header(&mut *source, opts.kind, &encoding, &opts.file, sheet.is_some())?;
    if !above.is_empty() {
        let rows = above.iter().map(|(l, text)| (*l, V::from(text))).collect();
        events.warning(&Msg::ImportRowsAboveHeader { header: line, sheet: sheet.is_some(), rows });
    }
    if !columns.ignored.is_empty() {
        events.warning(&Msg::ImportIgnoredColumns {
            kind: opts.kind.as_str().into(),
            columns: columns.ignored.iter().map(Into::into).collect(),
        });
    }
    // Made before the transaction: a folder the rejects cannot be written in is found first.
    let rejects = if opts.skip_invalid && !opts.dry_run {
        Some(Rejects::create(&opts.rejects, &header, columns.error_column, opts.lang)?)
    } else {
        None
    };

    let tx = store.begin_import(audit)?;
    let file_name = std::fs::canonicalize(&opts.file).unwrap_or_else(|_| opts.file.clone());
    let batch_id =
        tx.insert_import_batch(opts.kind.as_str(), &file_name.to_string_lossy(), &encoding, opts.sha256.as_deref())?;
    events.start(size);
    let writer_opts = WriterOptions {
        lang: opts.lang,
        new_units: opts.new_units,
        list_created: opts.dry_run,
        sheet: sheet.is_some(),
    };
    let mut writer = Writer::new(&tx, opts.kind, &columns, batch_id, rejects, events, writer_opts)?;
    writer.today = Some(opts.today);
    let plan = tx.read().plan()?;
    // After the writer has read the units and the voided records: those scans need no cache
    // of their own, and would otherwise fill it with a large database's pages.
    tx.set_cache_mib(CACHE_MIB)?;
    let reader = reader::Reader {
        source,
        path: &opts.file,
        columns: &columns,
        encoding: &encoding,
        delimiter,
        serial_years: (plan.start.year(), plan.deadline.year()),
        kind: opts.kind,
        allow_bad_check: opts.allow_bad_check,
        done: &done,
    };
    let (full_tx, full_rx) = mpsc::sync_channel(BATCHES);
    let (empty_tx, empty_rx) = mpsc::channel();
    for _ in 0..BATCHES {
        let _ = empty_tx.send(reader::Batch::default());
    }
    std::thread::scope(|s| -> Result<()> {
        s.spawn(move || reader.run(full_tx, empty_rx));
        // Both channel ends live in this closure: returning early (an error) hangs up on the
        // reader, which then stops.
        let (full_rx, empty_tx) = (full_rx, empty_tx);
        for batch in full_rx {
            let mut batch = batch?;
            writer.take(&mut batch)?;
            writer.progress(batch.done_bytes);
            let _ = empty_tx.send(batch);
        }
        Ok(())
    })?;
    let counts = writer.counts;
    let status = if counts.rejected > 0 && !opts.skip_invalid {
        Status::Refused
    } else if opts.dry_run {
        Status::DryRun
    } else {
        Status::Imported
    };
    if status == Status::Imported {
        writer.add_day_counts()?;
    }
    let rejects = writer.rejects.take().filter(|_| counts.rejected > 0);
    let new_units = writer.created.take();
    drop(writer);
    if status != Status::Imported {
        drop(tx); // rolls back
        return Ok(Summary {
            status,
            counts,
            batch: None,
            encoding,
            sheet,
            new_units,
            rejects: None,
            rejects_lost: None,
        });
    }
    tx.finish_import_batch(batch_id, &counts)?;
    let rejects_path = rejects.as_ref().map(|_| opts.rejects.clone());
    let after = json!({
        "kind": opts.kind.as_str(), "file": file_name.to_string_lossy(), "encoding": encoding, "sheet": sheet,
        "added": counts.added, "skipped": counts.skipped, "rejected": counts.rejected,
        "units_created": counts.units_created,
        "rejects": rejects_path.as_ref().map(|p| p.to_string_lossy().into_owned()),
    });
    tx.audit("import", "import_batch", Some(batch_id), None, Some(&after))?;
    // The rejects are written beside their target and synced before the commit (a full disk
    // refuses the import), and renamed into place after it: never a rejects file for rows
    // that were not imported.
    let staged = match rejects {
        Some(r) => {
            let mut staged = stage(&opts.rejects)?;
            let cannot = |e: anyhow::Error| {
                refuse(Msg::CannotWrite { path: crate::error::path(&opts.rejects), detail: format!("{e:#}").into() })
            };
            r.copy_to(&mut staged).map_err(cannot)?;
            staged.sync().map_err(cannot)?;
            Some(staged)
        }
        None => None,
    };
    tx.commit()?;
    let rejects_lost = match staged.map(|s| s.persist()) {
        Some(Err(e)) => Some(match crate::error::problem_of(&e) {
            Some(p) => crate::render::messages::text(&p.msg, opts.lang),
            None => format!("{e:#}"),
        }),
        _ => None,
    };
    let rejects = rejects_path.filter(|_| rejects_lost.is_none());
    Ok(Summary { status, counts, batch: Some(batch_id), encoding, sheet, new_units, rejects, rejects_lost })
}
