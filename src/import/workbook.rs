//! Workbooks read directly (.xlsx, .xls, .ods; .xlsb too), with calamine: one sheet's rows as
//! the import's records, so every check after this is the CSV's. A file is a workbook by its
//! first bytes (a zip or an OLE compound file), whatever its name says.
//!
//! Cells are taken as Excel typed them: text as text; a date cell as its ISO date (with its
//! time when it has one); a number as the digits Excel shows for it, to Excel's 15
//! significant digits, so a USCC typed as a number comes back as `915001071862659000`, which
//! the code check refuses with the hint to format the column as text (as in CSV); an error
//! cell as its text (`#N/A`), which row checks refuse. A row's line is the sheet's own row
//! number (the one Excel shows at the left).

use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::Result;
use calamine::{Data, Range, Reader, Sheets, open_workbook};

use super::parse::{Cut, MAX_CELLS, Record, Records};
use crate::error::{Msg, V, path as vpath, refuse};

/// What kind of workbook a file is, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A zip: .xlsx, .xlsm, .xlsb or .ods.
    Zip,
    /// An OLE compound file: .xls (Excel 97-2003, and WPS's .et saved as .xls).
    Ole,
}

/// Whether `path` is a workbook, from its first bytes; None for text (CSV).
pub fn format_of(path: &Path) -> Result<Option<Format>> {
    let cannot = |e: io::Error| refuse(Msg::CannotRead { path: vpath(path), detail: (&e).into() });
    let mut head = [0u8; 4];
    let mut file = std::fs::File::open(path).map_err(cannot)?;
    let mut got = 0;
    while got < head.len() {
        match file.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(cannot(e)),
        }
    }
    Ok(match &head[..got] {
        b"PK\x03\x04" => Some(Format::Zip),
        [0xD0, 0xCF, 0x11, 0xE0] => Some(Format::Ole),
        _ => None,
    })
}

/// Opens a workbook of either format as calamine's `Sheets`, and names its kind.
fn open(path: &Path, format: Format) -> Result<(Sheets<io::BufReader<std::fs::File>>, &'static str)> {
    let unreadable = |detail: String| refuse(Msg::ImportWorkbookUnreadable { path: vpath(path), detail });
    match format {
        Format::Ole => open_workbook(path).map(|x| (Sheets::Xls(x), "XLS")).map_err(|e| unreadable(e.to_string())),
        Format::Zip => {
            let ods = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ods"));
            let xlsx = || open_workbook(path).map(|x| (Sheets::Xlsx(x), "XLSX")).map_err(|e| e.to_string());
            let ods_ = || open_workbook(path).map(|x| (Sheets::Ods(x), "ODS")).map_err(|e| e.to_string());
            let xlsb = || open_workbook(path).map(|x| (Sheets::Xlsb(x), "XLSB")).map_err(|e| e.to_string());
            let first = if ods { ods_() } else { xlsx() };
            match first {
                Ok(found) => Ok(found),
                Err(detail) => {
                    let other = if ods { xlsx() } else { ods_() };
                    other.or_else(|_| xlsb()).map_err(|_| unreadable(detail))
                }
            }
        }
    }
}

/// The sheet `--sheet` names: a sheet's name (exactly, else ignoring case and spaces), else a
/// number counting from 1; the first sheet without it.
fn pick_sheet(names: &[String], wanted: Option<&str>) -> Option<usize> {
    let Some(wanted) = wanted else {
        return (!names.is_empty()).then_some(0);
    };
    let key = |s: &str| crate::core::ids::name_key(s);
    names.iter().position(|n| n == wanted).or_else(|| names.iter().position(|n| key(n) == key(wanted))).or_else(|| {
        let n: usize = crate::core::ids::to_halfwidth(wanted).trim().parse().ok()?;
        (1..=names.len()).contains(&n).then(|| n - 1)
    })
}

/// One sheet's rows, handed out as records.
pub struct Sheet {
    range: Range<Data>,
    /// The sheet's row number of the range's first row, less one.
    first_row: u64,
    next: usize,
    height: usize,
    /// For the progress bar: the file's size, counted out as rows are read.
    size: u64,
    done: Arc<AtomicU64>,
    /// "XLSX", "XLS", "ODS" or "XLSB".
    pub format: &'static str,
    /// The sheet's name.
    pub name: String,
    cell: String,
}

impl Sheet {
    /// Opens the sheet of `path` that `wanted` names (the first without it).
    pub fn open(path: &Path, format: Format, wanted: Option<&str>, done: Arc<AtomicU64>) -> Result<Sheet> {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let (mut book, format) = open(path, format)?;
        let names = book.sheet_names();
        let Some(at) = pick_sheet(&names, wanted) else {
            return Err(refuse(Msg::ImportNoSheet {
                path: vpath(path),
                sheet: wanted.map(V::from),
                sheets: names.iter().map(V::from).collect(),
            }));
        };
        let name = names[at].clone();
        let range = book
            .worksheet_range(&name)
            .map_err(|e| refuse(Msg::ImportWorkbookUnreadable { path: vpath(path), detail: e.to_string() }))?;
        // The shared strings and styles are no longer needed: only the range is kept.
        drop(book);
        let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
        let height = range.height();
        Ok(Sheet { range, first_row, next: 0, height, size, done, format, name, cell: String::new() })
    }
}

impl Records for Sheet {
    fn next_record(&mut self, rec: &mut Record) -> io::Result<bool> {
        rec.clear();
        if self.next >= self.height {
            self.done.store(self.size, Ordering::Relaxed);
            return Ok(false);
        }
        let row = self.next;
        self.next += 1;
        rec.line = self.first_row + row as u64 + 1;
        let width = self.range.width();
        for col in 0..width.min(MAX_CELLS) {
            self.cell.clear();
            if let Some(data) = self.range.get((row, col)) {
                cell_text(data, &mut self.cell);
            }
            rec.push(self.cell.as_bytes());
        }
        if width > MAX_CELLS {
            rec.cut = Some(Cut::TooManyCells);
        }
        if self.height > 0 {
            self.done.store(self.size * self.next as u64 / self.height as u64, Ordering::Relaxed);
        }
        Ok(true)
    }
}

/// A number as Excel shows it in a General cell wide enough: to 15 significant digits, with no
/// exponent and no trailing zeros after the point (`915001071862659000`, `41456`, `0.3`).
pub fn number_text(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        // Exact: an integer below 10^15 fits an i64.
        return format!("{}", f as i64);
    }
    let rounded: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    format!("{rounded}")
}

/// A cell as the text the import checks.
fn cell_text(data: &Data, out: &mut String) {
    use std::fmt::Write;
    match data {
        Data::Empty => {}
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => out.push_str(s),
        Data::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Data::Float(f) => out.push_str(&number_text(*f)),
        Data::Bool(b) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            let _ = write!(out, "{y:04}-{m:02}-{d:02}");
            if (hh, mm, ss) != (0, 0, 0) {
                let _ = write!(out, " {hh:02}:{mm:02}:{ss:02}");
            }
        }
        Data::DateTime(dt) => out.push_str(&number_text(dt.as_f64())),
        Data::Error(e) => {
            let _ = write!(out, "{e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    fn text(d: Data) -> String {
        let mut s = String::new();
        cell_text(&d, &mut s);
        s
    }

    #[test]
    fn cells_as_excel_shows_them() {
        // Excel keeps 15 digits of a USCC typed as a number: the digits shown end in zeros, which
        // the code check refuses with its hint.
        assert_eq!(text(Data::Float(915001071862659000.0)), "915001071862659000");
        assert_eq!(text(Data::Float(915001071862659620.0)), "915001071862660000");
        assert_eq!(text(Data::Float(41456.0)), "41456");
        assert_eq!(text(Data::Float(2518057.0)), "2518057");
        assert_eq!(text(Data::Float(0.1 + 0.2)), "0.3");
        assert_eq!(text(Data::Float(2013.5)), "2013.5");
        assert_eq!(text(Data::Int(7)), "7");
        assert_eq!(text(Data::Bool(true)), "TRUE");
        assert_eq!(text(Data::Error(calamine::CellErrorType::NA)), "#N/A");
        let date = ExcelDateTime::new(41456.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(text(Data::DateTime(date)), "2013-07-01");
        let noon = ExcelDateTime::new(41456.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(text(Data::DateTime(noon)), "2013-07-01 12:00:00");
        // A workbook in the 1904 date system counts from 1904-01-01.
        let mac = ExcelDateTime::new(39994.0, ExcelDateTimeType::DateTime, true);
        assert_eq!(text(Data::DateTime(mac)), "2013-07-01");
        assert_eq!(text(Data::DateTimeIso("2013-07-01".into())), "2013-07-01");
    }

    #[test]
    fn sheets_by_name_or_number() {
        let names: Vec<String> = ["备案", "复审 2014", "3"].iter().map(|s| s.to_string()).collect();
        assert_eq!(pick_sheet(&names, None), Some(0));
        assert_eq!(pick_sheet(&names, Some("复审 2014")), Some(1));
        assert_eq!(pick_sheet(&names, Some("复审２０１４")), Some(1));
        assert_eq!(pick_sheet(&names, Some("2")), Some(1));
        assert_eq!(pick_sheet(&names, Some("3")), Some(2), "a name wins over a number");
        assert_eq!(pick_sheet(&names, Some("4")), None);
        assert_eq!(pick_sheet(&names, Some("0")), None);
        assert_eq!(pick_sheet(&names, Some("单位")), None);
        assert_eq!(pick_sheet(&[], None), None);
    }
}
