//! XLSX (rust_xlsxwriter): what clerks open in Excel or WPS. One sheet per section, cells
//! typed as they are (numbers as numbers, dates as dates, yuan with a thousands format,
//! codes and ranges as text), a bold header row frozen in place, widths that fit Chinese
//! text, sheet and header names in the reader's language. Lists stream row by row in
//! constant memory, so a million filings need no more memory than ten.

use std::io::Write;

use anyhow::Result;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::doc::{Cell, Doc, Section};

/// Display width of text in Excel's units: a CJK character is about two Latin ones.
fn width(s: &str) -> f64 {
    s.chars().map(|c| if (c as u32) >= 0x2E80 { 2.1 } else { 1.1 }).sum::<f64>() + 2.0
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique.
fn sheet_name(title: &str, taken: &[String]) -> String {
    let clean: String = title.chars().filter(|c| !"[]:*?/\\'".contains(*c)).take(28).collect();
    let base = if clean.trim().is_empty() { "Sheet".to_string() } else { clean };
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{base}{n}");
        n += 1;
    }
    name
}

fn xlsx_err(e: XlsxError) -> anyhow::Error {
    anyhow::anyhow!("XLSX: {e}")
}

struct Formats {
    header: Format,
    date: Format,
    yuan: Format,
    tenths: Format,
    text: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new().set_bold().set_background_color("#DDE7F0"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            yuan: Format::new().set_num_format("#,##0"),
            tenths: Format::new().set_num_format("0.0"),
            text: Format::new().set_num_format("@"),
        }
    }
}

fn write_cell(ws: &mut Worksheet, row: u32, col: u16, cell: &Cell, f: &Formats) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Int(n) => {
            ws.write_number(row, col, *n as f64)?;
        }
        Cell::Yuan(n) | Cell::Money { yuan: n, .. } => {
            ws.write_number_with_format(row, col, *n as f64, &f.yuan)?;
        }
        Cell::Tenths(t) => {
            ws.write_number_with_format(row, col, *t as f64 / 10.0, &f.tenths)?;
        }
        Cell::Date(d) => {
            ws.write_datetime_with_format(row, col, d, &f.date)?;
        }
        Cell::Code(s) => {
            ws.write_string_with_format(row, col, s, &f.text)?;
        }
        other => {
            ws.write_string(row, col, other.shown())?;
        }
    }
    Ok(())
}

/// A document as a workbook: a summary sheet (title, as-of line, headline figures, notes),
/// then one sheet per section.
pub fn write_doc(out: &mut dyn Write, doc: &Doc) -> Result<()> {
    let mut wb = Workbook::new();
    let f = Formats::new();
    let mut taken: Vec<String> = Vec::new();
    let lang = doc.lang;
    {
        let name = sheet_name(lang.pick("概要", "Summary"), &taken);
        taken.push(name.clone());
        let ws = wb.add_worksheet();
        ws.set_name(&name).map_err(xlsx_err)?;
        ws.write_string_with_format(0, 0, lang.pick("项目", "Item"), &f.header).map_err(xlsx_err)?;
        ws.write_string_with_format(0, 1, lang.pick("内容", "Value"), &f.header).map_err(xlsx_err)?;
        let mut r = 1;
        let mut put = |ws: &mut Worksheet, label: &str, cell: &Cell| -> Result<(), XlsxError> {
            ws.write_string(r, 0, label)?;
            write_cell(ws, r, 1, cell, &f)?;
            r += 1;
            Ok(())
        };
        put(ws, lang.pick("标题", "Title"), &Cell::text(doc.title.clone())).map_err(xlsx_err)?;
        if let Some(s) = &doc.subtitle {
            put(ws, lang.pick("说明", "As of"), &Cell::text(s.clone())).map_err(xlsx_err)?;
        }
        for fig in &doc.headline {
            put(ws, &fig.label, &fig.value).map_err(xlsx_err)?;
        }
        for n in &doc.notes {
            put(ws, lang.pick("注", "Note"), &Cell::text(n.clone())).map_err(xlsx_err)?;
        }
        ws.set_column_width(0, 28).map_err(xlsx_err)?;
        ws.set_column_width(1, 60).map_err(xlsx_err)?;
        ws.set_freeze_panes(1, 0).map_err(xlsx_err)?;
    }
    for s in &doc.sections {
        let name = sheet_name(&s.title, &taken);
        taken.push(name.clone());
        let ws = wb.add_worksheet();
        ws.set_name(&name).map_err(xlsx_err)?;
        section_sheet(ws, s, &f).map_err(xlsx_err)?;
    }
    let bytes = wb.save_to_buffer().map_err(xlsx_err)?;
    out.write_all(&bytes)?;
    Ok(())
}

fn section_sheet(ws: &mut Worksheet, s: &Section, f: &Formats) -> Result<(), XlsxError> {
    let mut widths: Vec<f64> = s.columns.iter().map(|c| width(&c.label)).collect();
    for (c, col) in s.columns.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, &col.label, &f.header)?;
    }
    for (r, row) in s.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            write_cell(ws, r as u32 + 1, c as u16, cell, f)?;
            if let Some(w) = widths.get_mut(c) {
                *w = w.max(width(&cell.shown()));
            }
        }
    }
    if let Some(note) = &s.note {
        ws.write_string(s.rows.len() as u32 + 2, 0, note)?;
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, w.clamp(8.0, 60.0))?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// One sheet written row by row in constant memory (a list).
pub struct Sheet {
    workbook: Workbook,
    sheet: Worksheet,
    formats: Formats,
    row: u32,
    widths: Vec<f64>,
}

impl Sheet {
    pub fn new(title: &str) -> Result<Sheet> {
        let mut workbook = Workbook::new();
        let mut sheet = workbook.new_worksheet_with_constant_memory().map_err(xlsx_err)?;
        sheet.set_name(sheet_name(title, &[])).map_err(xlsx_err)?;
        Ok(Sheet { workbook, sheet, formats: Formats::new(), row: 0, widths: Vec::new() })
    }

    pub fn header(&mut self, labels: &[String]) -> Result<()> {
        for (c, l) in labels.iter().enumerate() {
            self.sheet.write_string_with_format(0, c as u16, l, &self.formats.header).map_err(xlsx_err)?;
        }
        self.widths = labels.iter().map(|l| width(l)).collect();
        self.sheet.set_freeze_panes(1, 0).map_err(xlsx_err)?;
        self.row = 1;
        Ok(())
    }

    pub fn row(&mut self, cells: &[Cell]) -> Result<()> {
        for (c, cell) in cells.iter().enumerate() {
            write_cell(&mut self.sheet, self.row, c as u16, cell, &self.formats).map_err(xlsx_err)?;
            // Widths from the first rows are enough, and keep a million rows cheap.
            if self.row <= 200 {
                if let Some(w) = self.widths.get_mut(c) {
                    *w = w.max(width(&cell.shown()));
                }
            }
        }
        self.row += 1;
        Ok(())
    }

    pub fn finish(mut self, out: &mut dyn Write) -> Result<()> {
        for (c, w) in self.widths.iter().enumerate() {
            self.sheet.set_column_width(c as u16, w.clamp(8.0, 60.0)).map_err(xlsx_err)?;
        }
        self.workbook.push_worksheet(self.sheet);
        let bytes = self.workbook.save_to_buffer().map_err(xlsx_err)?;
        out.write_all(&bytes)?;
        Ok(())
    }
}
