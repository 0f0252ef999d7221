//! The reading half of an import, on its own thread: CSV records parsed and checked, handed
//! to the writer in batches that come back to be refilled, so memory stays flat however long
//! the file is and parsing overlaps with SQLite's work.

use std::collections::HashMap;
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender};
use std::sync::{Arc, Mutex};

use anyhow::{Result, anyhow};
use csv::ByteRecord;

use super::ImportKind;
use super::columns::Columns;
use super::decode::Lines;
use super::rows::{self, FieldError, FilingValues, ReviewValues, RowText, UNIT_FIELDS, UnitCheck, UnitFields};

/// Rows per batch: large enough that handing over costs nothing, small enough to stay in cache.
const BATCH_ROWS: usize = 1024;

/// Distinct unit descriptions remembered before the memo starts again; bounds memory on a
/// file where nearly every row names a new unit.
const UNIT_MEMO_LIMIT: usize = 1 << 17;

/// A row's values once its fields passed their checks.
#[derive(Debug, Clone)]
pub enum Values {
    Filing(FilingValues),
    Review(ReviewValues),
    Unit(UnitFields),
}

#[derive(Debug, Default)]
pub struct Row {
    /// The line the record starts on, as the file shows it (header = 1).
    pub line: u64,
    pub record: ByteRecord,
    /// Every field empty: skipped without a word.
    pub blank: bool,
    /// Filings and reviews: the number of the row's unit description (see `Batch::new_units`).
    pub unit: usize,
    pub values: Option<Values>,
    pub errors: Vec<FieldError>,
    pub warnings: Vec<FieldError>,
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
    pub csv: csv::Reader<Box<dyn Read + Send>>,
    pub lines: Arc<Mutex<Lines>>,
    pub columns: &'a Columns,
    pub kind: ImportKind,
    pub allow_bad_check: bool,
    pub done: &'a AtomicU64,
}

impl Reader<'_> {
    /// Fills the batches that come back on `empty` and sends them on `full`, until the file
    /// ends, reading fails (the error is sent), or the writer hangs up.
    pub fn run(mut self, full: SyncSender<Result<Batch>>, empty: Receiver<Batch>) {
        let mut memo: HashMap<Box<[u8]>, usize> = HashMap::new();
        let mut key = Vec::new();
        while let Ok(mut batch) = empty.recv() {
            batch.len = 0;
            batch.new_units.clear();
            batch.reset_units = memo.len() >= UNIT_MEMO_LIMIT;
            if batch.reset_units {
                memo.clear();
            }
            let mut end = false;
            while batch.len < BATCH_ROWS {
                if batch.rows.len() == batch.len {
                    batch.rows.push(Row::default());
                }
                let row = &mut batch.rows[batch.len];
                match self.csv.read_byte_record(&mut row.record) {
                    Ok(true) => {}
                    Ok(false) => {
                        end = true;
                        break;
                    }
                    Err(e) => {
                        let _ = full.send(Err(anyhow!("cannot read the file: {e}")));
                        return;
                    }
                }
                // Line breaks inside quoted fields are part of the record.
                let inside = row.record.as_slice().iter().filter(|&&b| b == b'\n').count() as u64;
                row.line = match self.lines.lock() {
                    Ok(mut lines) => lines.record_start(self.csv.position().byte(), inside),
                    Err(_) => {
                        let _ = full.send(Err(anyhow!("internal error: the line counter failed")));
                        return;
                    }
                };
                self.check(row, &mut memo, &mut key, &mut batch.new_units);
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

    fn check(
        &self,
        row: &mut Row,
        memo: &mut HashMap<Box<[u8]>, usize>,
        key: &mut Vec<u8>,
        new_units: &mut Vec<UnitCheck>,
    ) {
        row.values = None;
        row.errors.clear();
        row.warnings.clear();
        let text = RowText { record: &row.record, columns: self.columns };
        row.blank = text.is_blank();
        if row.blank {
            return;
        }
        row.errors.extend(text.extra_fields());
        row.errors.extend(text.unclosed_quote());
        if self.kind == ImportKind::Units {
            let unit = rows::check_unit(&text, self.allow_bad_check);
            row.warnings = unit.warnings;
            match unit.fields {
                Ok(fields) => row.values = Some(Values::Unit(fields)),
                Err(errors) => row.errors.extend(errors),
            }
            return;
        }
        // Filings name the same few units over and over: check each description once.
        key.clear();
        for field in UNIT_FIELDS {
            key.extend_from_slice(text.bytes(field));
            key.push(0x1F);
        }
        row.unit = match memo.get(key.as_slice()) {
            Some(&n) => n,
            None => {
                let n = memo.len();
                memo.insert(key.as_slice().into(), n);
                new_units.push(rows::check_unit(&text, self.allow_bad_check));
                n
            }
        };
        row.values = match self.kind {
            ImportKind::Filings => rows::check_filing(&text, &mut row.errors).map(Values::Filing),
            _ => rows::check_review(&text, &mut row.errors).map(Values::Review),
        };
    }
}
