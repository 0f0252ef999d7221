//! The reading half of an import, on its own thread: records (CSV or a sheet) read and checked, handed
//! to the writer in batches that come back to be refilled, so memory stays flat however long
//! the file is (and however long its rows: see `parse`), and parsing overlaps with SQLite's work.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender};

use anyhow::Result;

use super::ImportKind;
use super::columns::Columns;
use super::parse::{Record, Records};
use super::rows::{self, FieldError, FilingValues, ReviewValues, RowText, UNIT_FIELDS, UnitCheck, UnitFields};
use crate::error::{Msg, path as vpath, refuse};

/// Rows per batch: large enough that handing over costs nothing, small enough to stay in cache.
const BATCH_ROWS: usize = 1024;

/// Bytes of rows per batch: a batch of long rows is handed over sooner, so the batches in
/// flight hold a few megabytes whatever the rows are like.
const BATCH_BYTES: usize = 4 << 20;

/// Distinct unit descriptions remembered before the memo starts again; bounds memory on a
/// file where nearly every row names a new unit (or names units at great length).
const UNIT_MEMO_LIMIT: usize = 1 << 17;
const UNIT_MEMO_BYTES: usize = 64 << 20;

/// A row's values once its fields passed their checks.
#[derive(Debug, Clone)]
pub enum Values {
    Filing(FilingValues),
    Review(ReviewValues),
    Unit(UnitFields),
}

/// A row that is not a record, skipped with a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// A totals row, with its label (合计).
    Totals(String),
    /// A row an export marks voided, with the reason.
    Voided(String),
}

#[derive(Debug, Default)]
pub struct Row {
    /// The record, with the line it starts on as the file shows it (header = 1), or the
    /// sheet's row number.
    pub record: Record,
    /// Every field empty: skipped without a word.
    pub blank: bool,
    /// Not a record: skipped with a note.
    pub skip: Option<Skip>,
    /// Filings and reviews: the number of the row's unit description (see `Batch::new_units`);
    /// None for a row too long to read.
    pub unit: Option<usize>,
    pub values: Option<Values>,
    pub errors: Vec<FieldError>,
    pub warnings: Vec<FieldError>,
}

impl Row {
    pub fn line(&self) -> u64 {
        self.record.line
    }
}

#[derive(Debug, Default)]
pub struct Batch {
    rows: Vec<Row>,
    len: usize,
    /// Unit descriptions first seen in this batch, checked once; they take the next numbers.
    pub new_units: Vec<UnitCheck>,
    /// The numbering started again from 0 before this batch.
    pub reset_units: bool,
    /// Raw bytes of the file read so far.
    pub done_bytes: u64,
}

impl Batch {
    pub fn rows(&mut self) -> &mut [Row] {
        &mut self.rows[..self.len]
    }
}

pub struct Reader<'a> {
    pub source: Box<dyn Records + 'a>,
    pub path: &'a Path,
    pub columns: &'a Columns,
    pub encoding: &'a str,
    /// None for a workbook.
    pub delimiter: Option<u8>,
    /// The plan's years, for Excel serial dates.
    pub serial_years: (i32, i32),
    pub kind: ImportKind,
    pub allow_bad_check: bool,
    pub done: &'a AtomicU64,
}

impl Reader<'_> {
    /// Fills the batches that come back on `empty` and sends them on `full`, until the file
    /// ends, reading fails (the error is sent), or the writer hangs up.
    pub fn run(mut self, full: SyncSender<Result<Batch>>, empty: Receiver<Batch>) {
        let mut memo: HashMap<Box<[u8]>, usize> = HashMap::new();
        let mut memo_bytes = 0;
        let mut key = Vec::new();
        while let Ok(mut batch) = empty.recv() {
            batch.len = 0;
            batch.new_units.clear();
            batch.reset_units = memo.len() >= UNIT_MEMO_LIMIT || memo_bytes >= UNIT_MEMO_BYTES;
            if batch.reset_units {
                memo.clear();
                memo_bytes = 0;
            }
            let mut end = false;
            let mut bytes = 0;
            while batch.len < BATCH_ROWS && bytes < BATCH_BYTES {
                if batch.rows.len() == batch.len {
                    batch.rows.push(Row::default());
                }
                let row = &mut batch.rows[batch.len];
                match self.source.next_record(&mut row.record) {
                    Ok(true) => {}
                    Ok(false) => {
                        end = true;
                        break;
                    }
                    Err(e) => {
                        let msg = Msg::CannotRead { path: vpath(self.path), detail: (&e).into() };
                        let _ = full.send(Err(refuse(msg)));
                        return;
                    }
                }
                bytes += row.record.bytes().len();
                memo_bytes += self.check(row, &mut memo, &mut key, &mut batch.new_units);
                batch.len += 1;
            }
            batch.done_bytes = self.done.load(Ordering::Relaxed);
            if batch.len > 0 && full.send(Ok(batch)).is_err() {
                return;
            }
            if end {
                return;
            }
        }
    }

    /// Checks a row; returns the bytes it added to the memo.
    fn check(
        &self,
        row: &mut Row,
        memo: &mut HashMap<Box<[u8]>, usize>,
        key: &mut Vec<u8>,
        new_units: &mut Vec<UnitCheck>,
    ) -> usize {
        row.values = None;
        row.skip = None;
        row.errors.clear();
        row.warnings.clear();
        row.record.undo_excel_text();
        let text = RowText {
            record: &row.record,
            columns: self.columns,
            encoding: self.encoding,
            delimiter: self.delimiter,
            serial_years: self.serial_years,
        };
        row.blank = text.is_blank();
        if row.blank {
            return 0;
        }
        row.skip = text.totals().map(Skip::Totals).or_else(|| text.voided().map(Skip::Voided));
        if row.skip.is_some() {
            return 0;
        }
        row.unit = None;
        // A row cut short is only its start: the one fault to name is that it is too long.
        if let Some(cut) = text.cut() {
            row.errors.push(cut);
            return 0;
        }
        row.errors.extend(text.extra_fields());
        row.errors.extend(text.unclosed_quote());
        row.errors.extend(text.stray_zero_bytes());
        if self.kind == ImportKind::Units {
            let unit = rows::check_unit(&text, self.allow_bad_check);
            row.warnings = unit.warnings;
            match unit.fields {
                Ok(fields) => row.values = Some(Values::Unit(fields)),
                Err(errors) => row.errors.extend(errors),
            }
            return 0;
        }
        // Filings name the same few units over and over: check each description once.
        key.clear();
        for field in UNIT_FIELDS {
            key.extend_from_slice(text.bytes(field));
            key.push(0x1F);
        }
        let mut added = 0;
        row.unit = Some(match memo.get(key.as_slice()) {
            Some(&n) => n,
            None => {
                let n = memo.len();
                memo.insert(key.as_slice().into(), n);
                added = key.len();
                new_units.push(rows::check_unit(&text, self.allow_bad_check));
                n
            }
        });
        row.values = match self.kind {
            ImportKind::Filings => rows::check_filing(&text, &mut row.errors).map(Values::Filing),
            _ => rows::check_review(&text, &mut row.errors).map(Values::Review),
        };
        added
    }
}
