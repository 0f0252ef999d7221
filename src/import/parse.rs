//! CSV records with bounded memory. The csv crate's own parser (csv-core) is driven here
//! rather than through `csv::Reader`, which reads a record whole however long it is: a file
//! with a quote never closed, or no line breaks at all, would be read into memory entire.
//! Here a row longer than `MAX_ROW_BYTES` or with more than `MAX_CELLS` cells keeps only its
//! start and is marked `cut`; the rest of it is parsed and dropped. Each record's first line
//! is counted here too, from the line breaks consumed before it.

use std::io::{self, Read};

use csv_core::{ReadRecordResult, Reader as Core, ReaderBuilder};

/// A row (its line, or its lines when a quoted cell runs over several) longer than this
/// is a row error, not memory.
pub const MAX_ROW_BYTES: usize = 1 << 20;

/// Cells kept of a row; a row with more is a row error.
pub const MAX_CELLS: usize = 4096;

/// A record buffer grown past this is given back rather than kept for the next record, so a
/// few long rows do not leave every slot of a batch holding a megabyte.
const KEEP_BYTES: usize = 64 << 10;
const KEEP_CELLS: usize = 1024;

/// Bytes read from the input at a time.
const INPUT_BYTES: usize = 64 << 10;

/// Why a record was cut short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    TooLong,
    TooManyCells,
}

/// One CSV record: its cells' bytes, the line it starts on, and whether it was cut.
#[derive(Debug, Default, Clone)]
pub struct Record {
    /// Output buffer; the cells are `data[..ends[len - 1]]`.
    data: Vec<u8>,
    ends: Vec<usize>,
    len: usize,
    /// The line the record starts on, as the file shows it (the header is line 1).
    pub line: u64,
    pub cut: Option<Cut>,
}

impl Record {
    /// A record of these cells (tests, and the header written to a rejects file).
    pub fn from_cells<T: AsRef<[u8]>>(cells: &[T]) -> Record {
        let mut r = Record::default();
        for c in cells {
            r.data.extend_from_slice(c.as_ref());
            r.ends.push(r.data.len());
        }
        r.len = cells.len();
        r
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, i: usize) -> Option<&[u8]> {
        if i >= self.len {
            return None;
        }
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Some(&self.data[start..self.ends[i]])
    }

    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.len).filter_map(|i| self.get(i))
    }

    /// Every cell's bytes, one after the other.
    pub fn bytes(&self) -> &[u8] {
        match self.len {
            0 => &[],
            n => &self.data[..self.ends[n - 1]],
        }
    }

    /// Empties the record, for a source that fills it cell by cell (`push`).
    pub fn clear(&mut self) {
        self.reset();
    }

    /// Adds a cell at the end.
    pub fn push(&mut self, cell: &[u8]) {
        let start = self.bytes().len();
        let end = start + cell.len();
        if self.data.len() < end {
            let grown = (self.data.len() * 2).max(end).max(256);
            self.data.resize(grown, 0);
        }
        self.data[start..end].copy_from_slice(cell);
        if self.ends.len() <= self.len {
            self.ends.push(end);
        } else {
            self.ends[self.len] = end;
        }
        self.len += 1;
    }

    /// Undoes what `list --excel` (`render::csv::excel_text`) does to keep a cell as text in
    /// Excel: `="9150…"` becomes `9150…`, and the apostrophe before a formula character or a
    /// digit (`'=1+1`, `'0025…`) is dropped. Cells are rewritten in place; a row with no cell
    /// starting with `=` or `'` (nearly every row) is left as it is after one look at each cell.
    pub fn undo_excel_text(&mut self) {
        let mut start = 0;
        let mut marked = false;
        for &end in &self.ends[..self.len] {
            if start < end && matches!(self.data[start], b'=' | b'\'') {
                marked = true;
                break;
            }
            start = end;
        }
        if !marked {
            return;
        }
        let (mut write, mut start) = (0, 0);
        for i in 0..self.len {
            let end = self.ends[i];
            let cell = &self.data[start..end];
            let (from, to, quoted) = match cell {
                [b'=', b'"', .., b'"'] if cell.len() >= 3 => (2, cell.len() - 1, true),
                [b'\'', next, ..]
                    if matches!(next, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') || next.is_ascii_digit() =>
                {
                    (1, cell.len(), false)
                }
                _ => (0, cell.len(), false),
            };
            let (mut k, stop) = (start + from, start + to);
            while k < stop {
                let byte = self.data[k];
                self.data[write] = byte;
                write += 1;
                // Inside `="…"` a quote is written twice.
                let doubled = quoted && byte == b'"' && k + 1 < stop && self.data[k + 1] == b'"';
                k += if doubled { 2 } else { 1 };
            }
            self.ends[i] = write;
            start = end;
        }
    }

    fn reset(&mut self) {
        if self.data.len() > KEEP_BYTES {
            self.data = Vec::new();
        }
        if self.ends.len() > KEEP_CELLS {
            self.ends = Vec::new();
        }
        self.len = 0;
        self.cut = None;
    }
}

/// Where an import's rows come from: a CSV file (`Parser`) or a workbook's sheet
/// (`workbook::Sheet`).
pub trait Records: Send {
    /// Reads the next record into `rec`, with the line (row) it starts on; `false` at the end.
    fn next_record(&mut self, rec: &mut Record) -> io::Result<bool>;
}

impl<R: Read + Send> Records for Parser<R> {
    fn next_record(&mut self, rec: &mut Record) -> io::Result<bool> {
        self.read(rec)
    }
}

/// Reads records from a UTF-8 (or undecoded) byte stream.
pub struct Parser<R> {
    core: Core,
    input: R,
    buf: Box<[u8]>,
    pos: usize,
    end: usize,
    eof: bool,
    /// '\n' bytes consumed so far.
    newlines: u64,
    /// Where the rest of a cut record goes.
    scratch: Box<[u8]>,
    scratch_ends: Box<[usize]>,
}

fn grow<T: Default + Clone>(v: &mut Vec<T>, min: usize) {
    let n = (v.len() * 2).max(min);
    v.resize(n, T::default());
}

impl<R: Read> Parser<R> {
    pub fn new(input: R, delimiter: u8) -> Parser<R> {
        Parser {
            core: ReaderBuilder::new().delimiter(delimiter).build(),
            input,
            buf: vec![0; INPUT_BYTES].into_boxed_slice(),
            pos: 0,
            end: 0,
            eof: false,
            newlines: 0,
            scratch: vec![0; INPUT_BYTES].into_boxed_slice(),
            scratch_ends: vec![0; 1024].into_boxed_slice(),
        }
    }

    /// Refills the buffer once it is used up; at the end of the input it stays empty.
    fn fill(&mut self) -> io::Result<()> {
        while self.pos == self.end && !self.eof {
            match self.input.read(&mut self.buf) {
                Ok(0) => self.eof = true,
                Ok(n) => (self.pos, self.end) = (0, n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Reads the next record into `rec`; `false` at the end of the input.
    pub fn read(&mut self, rec: &mut Record) -> io::Result<bool> {
        use ReadRecordResult::*;
        rec.reset();
        // Blank lines and the previous record's terminator: csv-core skips them too; skipping
        // them here tells the line the record starts on.
        loop {
            self.fill()?;
            match self.buf[self.pos..self.end].first() {
                Some(b'\n') => self.newlines += 1,
                Some(b'\r') => {}
                _ => break,
            }
            self.pos += 1;
        }
        rec.line = self.newlines + 1;
        let (mut outlen, mut endlen, mut consumed) = (0, 0, 0);
        loop {
            self.fill()?;
            let input = &self.buf[self.pos..self.end];
            let (res, nin) = if rec.cut.is_some() {
                let (res, nin, _, _) = self.core.read_record(input, &mut self.scratch, &mut self.scratch_ends);
                (res, nin)
            } else {
                let cells = rec.ends.len().min(MAX_CELLS);
                let (res, nin, nout, nend) =
                    self.core.read_record(input, &mut rec.data[outlen..], &mut rec.ends[endlen..cells]);
                outlen += nout;
                endlen += nend;
                (res, nin)
            };
            self.newlines += input[..nin].iter().filter(|&&b| b == b'\n').count() as u64;
            self.pos += nin;
            consumed += nin;
            match res {
                Record => break,
                End => return Ok(false),
                // A cut record's scratch space is reused from its start on every call.
                _ if rec.cut.is_some() => {}
                InputEmpty => {}
                OutputFull => grow(&mut rec.data, 256),
                OutputEndsFull if endlen >= MAX_CELLS => rec.cut = Some(Cut::TooManyCells),
                OutputEndsFull => grow(&mut rec.ends, 16),
            }
            if rec.cut.is_none() && consumed > MAX_ROW_BYTES {
                rec.cut = Some(Cut::TooLong);
                // The cell being read when the row was cut keeps what it has.
                if endlen < MAX_CELLS {
                    if endlen == rec.ends.len() {
                        grow(&mut rec.ends, 16);
                    }
                    rec.ends[endlen] = outlen;
                    endlen += 1;
                }
            }
        }
        rec.len = endlen;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &[u8]) -> Vec<(u64, Vec<String>, Option<Cut>)> {
        let mut p = Parser::new(text, b',');
        let mut r = Record::default();
        let mut out = Vec::new();
        while p.read(&mut r).unwrap() {
            out.push((r.line, r.iter().map(|c| String::from_utf8_lossy(c).into_owned()).collect(), r.cut));
        }
        out
    }

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn records_and_the_lines_they_start_on() {
        let lf = "h,x\na,1\n\nb,2\n\"c\nd\",3\ne,4\n\n\nf,5";
        let want = [(1, "h"), (2, "a"), (4, "b"), (5, "c\nd"), (7, "e"), (10, "f")];
        let got = records(lf.as_bytes());
        assert_eq!(got.iter().map(|(l, c, _)| (*l, c[0].as_str())).collect::<Vec<_>>(), want);
        let crlf = lf.replace('\n', "\r\n");
        let got = records(crlf.as_bytes());
        assert_eq!(got.iter().map(|(l, _, _)| *l).collect::<Vec<_>>(), [1, 2, 4, 5, 7, 10]);
        assert_eq!(got[3].1, cells(&["c\r\nd", "3"]));
        assert_eq!(
            records(b"h\n,\n\"x\"\n"),
            vec![(1, cells(&["h"]), None), (2, cells(&["", ""]), None), (3, cells(&["x"]), None)]
        );
        // A quote opened on line 3 and never closed: the record still starts on line 3, with
        // or without a line break at the end of the file.
        for text in ["h\nok\n\"open,x\ny,z\n", "h\nok\n\"open,x\ny,z"] {
            let got = records(text.as_bytes());
            assert_eq!(got.len(), 3, "{text:?}");
            assert_eq!(got[2].0, 3, "{text:?}");
        }
        assert_eq!(records(b"\xef\xbb\xbfa,b\n"), vec![(1, cells(&["a", "b"]), None)]);
        assert!(records(b"").is_empty());
        assert!(records(b"\n\r\n").is_empty());
    }

    #[test]
    fn what_excel_csv_does_to_keep_text_is_undone() {
        let mut r = Record::from_cells(&[
            "=\"915001071862659620\"",
            "'=SUM(A1)",
            "'00251805-7",
            "=\"a\"\"b\"",
            "'text",
            "=1+1",
            "重庆",
            "=\"\"",
            "",
        ]);
        r.undo_excel_text();
        let cells: Vec<&[u8]> = r.iter().collect();
        let want: [&[u8]; 9] = [
            b"915001071862659620",
            b"=SUM(A1)",
            b"00251805-7",
            b"a\"b",
            b"'text",
            b"=1+1",
            "重庆".as_bytes(),
            b"",
            b"",
        ];
        assert_eq!(cells, want);
        let mut plain = Record::from_cells(&["a", "b"]);
        plain.undo_excel_text();
        assert_eq!(plain.iter().collect::<Vec<_>>(), [b"a".as_slice(), b"b"]);
        let mut pushed = Record::default();
        pushed.push(b"x");
        pushed.push(b"");
        pushed.push("长".as_bytes());
        assert_eq!(pushed.iter().collect::<Vec<_>>(), [b"x".as_slice(), b"", "长".as_bytes()]);
        pushed.clear();
        assert!(pushed.is_empty());
    }

    #[test]
    fn a_huge_row_keeps_only_its_start() {
        let mut text = b"h\n".to_vec();
        text.extend(std::iter::repeat_n(b'a', 16 << 20));
        text.extend_from_slice(b",b\nnext,row\n");
        let mut p = Parser::new(&text[..], b',');
        let mut r = Record::default();
        assert!(p.read(&mut r).unwrap());
        assert!(p.read(&mut r).unwrap());
        assert_eq!((r.line, r.cut), (2, Some(Cut::TooLong)));
        assert!(r.bytes().len() <= MAX_ROW_BYTES + INPUT_BYTES, "{}", r.bytes().len());
        assert!(r.data.len() <= 2 * (MAX_ROW_BYTES + INPUT_BYTES));
        assert!(p.read(&mut r).unwrap());
        assert_eq!((r.line, r.cut), (3, None));
        assert_eq!(r.iter().collect::<Vec<_>>(), [b"next".as_slice(), b"row"]);
        // The buffer a long row needed is not kept.
        assert!(r.data.len() <= KEEP_BYTES);
        // A quote never closed on a file with no other quote: cut, not read whole.
        let mut text = b"h\n\"open".to_vec();
        text.extend(b"x,y\n".iter().cycle().take(8 << 20));
        let got = records(&text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].2, Some(Cut::TooLong));
        let commas = format!("h\n{}\nz\n", ",".repeat(MAX_CELLS + 10));
        let got = records(commas.as_bytes());
        assert_eq!((got[1].1.len(), got[1].2), (MAX_CELLS, Some(Cut::TooManyCells)));
        assert_eq!(got[2], (3, cells(&["z"]), None));
        let exact = format!("h\n{}\n", ",".repeat(MAX_CELLS - 1));
        assert_eq!(records(exact.as_bytes())[1].2, None);
    }
}
