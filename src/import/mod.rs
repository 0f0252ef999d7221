//! CSV import of filings, reviews and units (CLI.md "Import"): the files offices really
//! produce, all-or-nothing by default, streaming so a million rows need no more memory than ten.
//!
//! `decode` turns the file into UTF-8 and finds its delimiter; `columns` maps the header;
//! `rows` checks each row with the core checks; `reader` does that on its own thread and hands
//! batches to `writer`, which finds or creates each row's unit (`unit_index`) and writes in the
//! one transaction of the import. SQL stays in `store::import`.
//!
//! What an import does where CLI.md is silent:
//! - A row's unit: by USCC, then organisation code (also the one inside a stored USCC), then
//!   exact name. A code wins over a name: the row goes to the unit holding the code, with a
//!   warning when the names differ. A name whose unit has another USCC or organisation code
//!   is a row error. No match: a new unit (an enterprise, with the row's codes and industry).
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
mod writer;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::sync::mpsc;

use anyhow::Result;
use serde_json::json;

use crate::error::{Msg, refuse};
use crate::render::Lang;
use crate::store::{AuditCtx, BatchCounts, Store};
use columns::Columns;
pub use decode::EncodingChoice;
use parse::{Parser, Record};
use writer::{Rejects, Writer};

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
    /// Rows dated after today are refused (what has not happened cannot be recorded).
    pub today: crate::core::model::Date,
    /// The file's SHA-256 (lower-case hex), kept on the batch.
    pub sha256: Option<String>,
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
    pub encoding: String,
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

fn run_in(
    store: &mut Store,
    audit: &AuditCtx,
    opts: &Options,
    events: &mut dyn Events,
    stage: Stage<'_>,
) -> Result<Summary> {
    let done = Arc::new(AtomicU64::new(0));
    let decoded = decode::open(&opts.file, opts.encoding, done.clone())?;
    let encoding = decoded.encoding_label();
    let size = decoded.size;
    let delimiter = decoded.delimiter;
    let mut parser = Parser::new(decoded.reader, delimiter);
    let mut header = Record::default();
    let cannot =
        |e: std::io::Error| refuse(Msg::CannotRead { path: crate::error::path(&opts.file), detail: e.to_string() });
    if !parser.read(&mut header).map_err(cannot)? {
        return Err(refuse(Msg::ImportEmptyFile));
    }
    let header: Vec<String> = header.iter().map(|h| String::from_utf8_lossy(h).into_owned()).collect();
    let columns = Columns::map(opts.kind, &header).map_err(|msg| {
        let msg = match msg {
            Msg::ImportMissingColumns { kind, missing, found, .. } if header.iter().any(|h| h.contains('\u{FFFD}')) => {
                Msg::ImportMissingColumns { kind, missing, found, undecoded: Some(encoding.clone()) }
            }
            other => other,
        };
        refuse(msg)
    })?;
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
    let mut writer = Writer::new(&tx, opts.kind, &columns, batch_id, rejects, events, opts.lang)?;
    writer.today = Some(opts.today);
    // After the writer has read the units and the voided records: those scans need no cache
    // of their own, and would otherwise fill it with a large database's pages.
    tx.set_cache_mib(CACHE_MIB)?;
    let reader = reader::Reader {
        parser,
        path: &opts.file,
        columns: &columns,
        encoding: &encoding,
        delimiter,
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
    drop(writer);
    if status != Status::Imported {
        drop(tx); // rolls back
        return Ok(Summary { status, counts, batch: None, encoding, rejects: None, rejects_lost: None });
    }
    tx.finish_import_batch(batch_id, &counts)?;
    let rejects_path = rejects.as_ref().map(|_| opts.rejects.clone());
    let after = json!({
        "kind": opts.kind.as_str(), "file": file_name.to_string_lossy(), "encoding": encoding,
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
                refuse(Msg::CannotWrite { path: crate::error::path(&opts.rejects), detail: format!("{e:#}") })
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
    Ok(Summary { status, counts, batch: Some(batch_id), encoding, rejects, rejects_lost })
}
