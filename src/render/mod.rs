//! Renderers: documents (`doc`) and record lists to table / json / csv / markdown / html /
//! xlsx, written to a `&mut dyn Write`. Nothing here reads the database or the clock.
//!
//! - A report builds a `doc::Doc` once (`reports`); `write_doc` hands it to the writer of
//!   the format: `text` (table, markdown), `csv`, `html`, `xlsx`, or its JSON.
//! - A list streams its records (`ObjectStream`), so a million rows need the memory of one
//!   (only the terminal table, which must know every width first, holds them, up to
//!   `TABLE_MAX_ROWS`).
//! - Readers get labels and values in their language (`labels`); JSON and plain CSV keep the
//!   field names and codes scripts depend on.

pub mod csv;
pub mod doc;
pub mod html;
pub mod labels;
pub mod messages;
pub mod office;
pub mod reports;
pub mod text;
pub mod xlsx;

use std::io::Write;

use anyhow::Result;
use serde_json::Value;

use crate::cli::Format;
use crate::core::records::Object;
pub use doc::Doc;
pub use labels::Lang;
pub use reports::Names;

/// How a renderer should write: the format, the reader's language and the table width.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub format: Format,
    pub lang: Lang,
    /// CSV meant for Excel: UTF-8 BOM, labels, codes kept as text, formulas inert.
    pub excel: bool,
    /// The width tables fit, when printing to a terminal (or `COLUMNS` says).
    pub width: Option<u16>,
}

impl Style {
    /// Whether the output is for a reader (labels, localised values) or a script.
    pub fn for_readers(self) -> bool {
        match self.format {
            Format::Json => false,
            Format::Csv => self.excel,
            _ => true,
        }
    }
}

pub fn write_json(out: &mut dyn Write, value: &Value) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// A report in the chosen format.
pub fn write_doc(out: &mut dyn Write, doc: &Doc, style: Style) -> Result<()> {
    let doc = &doc.for_audience(style.for_readers());
    match style.format {
        Format::Json => write_json(out, &doc.json),
        Format::Table => text::write_table(out, doc, style.width),
        Format::Markdown => text::write_markdown(out, doc),
        Format::Csv => csv::write(out, doc, style.excel),
        Format::Html => html::write(out, doc),
        Format::Xlsx => xlsx::write_doc(out, doc),
    }
}

/// A cell of a record list as text: null is empty, lists are joined with "; ".
pub fn cell_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(cell_text).collect::<Vec<_>>().join("; "),
        Value::Object(_) => v.to_string(),
    }
}

/// One record list, written as it comes.
pub fn write_objects(out: &mut dyn Write, objects: &[Object], style: Style, what: &str) -> Result<()> {
    let mut stream = ObjectStream::new(out, style, what, &Names::default());
    for o in objects {
        stream.push(o)?;
    }
    stream.finish()
}

/// The most rows a terminal table holds (it must know every width before printing, so its
/// rows are kept): a longer list is refused, naming the formats that stream.
pub const TABLE_MAX_ROWS: usize = 100_000;

/// Records written as they come, so a million-row list needs the memory of one row: a JSON
/// array with one object a line, CSV, markdown or XLSX rows. Only the terminal table, which
/// must know every width first, holds its rows.
pub struct ObjectStream<'a> {
    out: &'a mut dyn Write,
    style: Style,
    /// The kind of record listed (`filings`, `audit`...), for labels that depend on it.
    what: String,
    names: Names,
    keys: Option<Vec<String>>,
    table: Vec<Vec<String>>,
    csv: Option<::csv::Writer<Vec<u8>>>,
    xlsx: Option<xlsx::Sheet>,
}

impl<'a> ObjectStream<'a> {
    pub fn new(out: &'a mut dyn Write, style: Style, what: &str, names: &Names) -> ObjectStream<'a> {
        ObjectStream {
            out,
            style,
            what: what.to_string(),
            names: names.clone(),
            keys: None,
            table: Vec::new(),
            csv: None,
            xlsx: None,
        }
    }

    fn headers(&self, keys: &[String]) -> Vec<String> {
        let lang = self.style.lang;
        // The files made for Excel carry the import's own headers, so they import back.
        let for_excel =
            matches!(self.style.format, Format::Xlsx) || (self.style.format == Format::Csv && self.style.excel);
        if for_excel {
            keys.iter()
                .map(|k| {
                    labels::import_header(&self.what, k, lang).unwrap_or_else(|| labels::field_of(&self.what, k, lang))
                })
                .map(str::to_string)
                .collect()
        } else if self.style.for_readers() {
            keys.iter().map(|k| labels::field_of(&self.what, k, lang).to_string()).collect()
        } else {
            keys.to_vec()
        }
    }

    /// A value as a reader sees it: words in the reader's language.
    fn shown(&self, key: &str, v: &Value) -> String {
        if self.style.for_readers() {
            if let Some(label) = labels::value(key, v, self.style.lang, &self.names) {
                return label;
            }
        }
        cell_text(v)
    }

    fn start(&mut self, object: &Object) -> Result<()> {
        let keys: Vec<String> = object.keys().cloned().collect();
        let headers = self.headers(&keys);
        match self.style.format {
            Format::Json => self.out.write_all(b"[\n")?,
            Format::Csv => {
                if self.style.excel {
                    self.out.write_all("\u{feff}".as_bytes())?;
                }
                let mut w = ::csv::Writer::from_writer(Vec::new());
                w.write_record(&headers)?;
                self.csv = Some(self.drain_csv(w)?);
            }
            Format::Markdown => {
                text::markdown(self.out, &headers, &[])?;
            }
            Format::Xlsx => {
                let mut sheet = xlsx::Sheet::new(&labels::list_title(&self.what, self.style.lang))?;
                sheet.header(&headers)?;
                self.xlsx = Some(sheet);
            }
            _ => {}
        }
        self.keys = Some(keys);
        Ok(())
    }

    /// Moves what the CSV writer buffered to the output and returns a writer on the emptied
    /// buffer (the CSV writer owns a Vec, so the output keeps its one borrow).
    fn drain_csv(&mut self, w: ::csv::Writer<Vec<u8>>) -> Result<::csv::Writer<Vec<u8>>> {
        let mut buf = w.into_inner().map_err(|e| anyhow::anyhow!("{}", e.error()))?;
        self.out.write_all(&buf)?;
        buf.clear();
        Ok(::csv::Writer::from_writer(buf))
    }

    pub fn push(&mut self, object: &Object) -> Result<()> {
        let first = self.keys.is_none();
        if first {
            self.start(object)?;
        }
        let keys = self.keys.clone().unwrap_or_default();
        let value = |k: &str| object.get(k).cloned().unwrap_or(Value::Null);
        match self.style.format {
            Format::Json => {
                if !first {
                    self.out.write_all(b",\n")?;
                }
                serde_json::to_writer(&mut *self.out, object)?;
            }
            Format::Csv => {
                let excel = self.style.excel;
                let row: Vec<String> = keys
                    .iter()
                    .map(|k| {
                        let v = value(k);
                        if !excel {
                            return cell_text(&v);
                        }
                        match &v {
                            Value::Number(_) | Value::Null | Value::Bool(_) => self.shown(k, &v),
                            _ => csv::excel_text(&self.shown(k, &v), labels::is_code_field(k)),
                        }
                    })
                    .collect();
                if let Some(mut w) = self.csv.take() {
                    w.write_record(&row)?;
                    // The writer's own buffer fills its Vec in 8 KiB steps; drain it often.
                    if w.get_ref().len() > 1 << 16 {
                        w = self.drain_csv(w)?;
                    }
                    self.csv = Some(w);
                }
            }
            Format::Markdown => {
                let row: Vec<String> = keys.iter().map(|k| self.shown(k, &value(k))).collect();
                text::markdown_row(self.out, &row)?;
            }
            Format::Xlsx => {
                let row: Vec<doc::Cell> =
                    keys.iter().map(|k| labels::cell(k, &value(k), self.style.lang, &self.names)).collect();
                if let Some(sheet) = &mut self.xlsx {
                    sheet.row(&row)?;
                }
            }
            // The terminal table and the HTML page hold their rows.
            _ => {
                if self.table.len() >= TABLE_MAX_ROWS {
                    return Err(crate::error::refuse(crate::error::Msg::TooManyForTable { max: TABLE_MAX_ROWS }));
                }
                let row = keys.iter().map(|k| self.shown(k, &value(k))).collect();
                self.table.push(row);
            }
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        match self.style.format {
            Format::Json if self.keys.is_none() => self.out.write_all(b"[]\n")?,
            Format::Json => self.out.write_all(b"\n]\n")?,
            Format::Csv => {
                if let Some(w) = self.csv.take() {
                    self.drain_csv(w)?;
                }
            }
            Format::Markdown => {}
            Format::Xlsx => {
                let sheet = match self.xlsx.take() {
                    Some(s) => s,
                    None => xlsx::Sheet::new(&labels::list_title(&self.what, self.style.lang))?,
                };
                sheet.finish(self.out)?;
            }
            Format::Html => {
                let lang = self.style.lang;
                let keys = self.keys.clone().unwrap_or_default();
                let headers = self.headers(&keys);
                let title = labels::list_title(&self.what, lang);
                let mut doc = Doc::new(lang, title.clone(), Value::Null);
                let columns = keys.iter().zip(&headers).map(|(k, h)| doc::Column::new(k.clone(), h.clone())).collect();
                let mut section = doc::Section::new(&self.what, title, columns);
                section.rows = std::mem::take(&mut self.table)
                    .into_iter()
                    .zip(std::iter::repeat(&keys))
                    .map(|(row, keys)| {
                        row.into_iter()
                            .zip(keys)
                            .map(|(v, k)| {
                                if labels::is_number_field(k) {
                                    v.parse().map_or(doc::Cell::Text(v), doc::Cell::Int)
                                } else {
                                    doc::Cell::Text(v)
                                }
                            })
                            .collect()
                    })
                    .collect();
                doc.sections.push(section);
                html::write(self.out, &doc)?;
            }
            _ if self.keys.is_none() => writeln!(self.out, "{}", self.style.lang.pick("（无记录）", "(no records)"))?,
            _ => {
                let keys = self.keys.clone().unwrap_or_default();
                let headers = self.headers(&keys);
                let numeric: Vec<bool> = keys.iter().map(|k| labels::is_number_field(k)).collect();
                writeln!(self.out, "{}", text::table(&headers, &self.table, &numeric, self.style.width))?;
            }
        }
        self.out.flush()?;
        Ok(())
    }
}

/// One record: a JSON object, a two-column field/value table, or a one-row CSV.
pub fn write_object(out: &mut dyn Write, object: &Object, style: Style, what: &str, names: &Names) -> Result<()> {
    match style.format {
        Format::Json => write_json(out, &Value::Object(object.clone())),
        Format::Csv | Format::Xlsx => {
            let mut stream = ObjectStream::new(out, style, what, names);
            stream.push(object)?;
            stream.finish()
        }
        _ => {
            let lang = style.lang;
            let headers = vec![labels::word("field", lang).to_string(), labels::word("value", lang).to_string()];
            let rows: Vec<Vec<String>> = object
                .iter()
                .map(|(k, v)| {
                    let shown = labels::value(k, v, lang, names).unwrap_or_else(|| cell_text(v));
                    vec![labels::field_of(what, k, lang).to_string(), shown]
                })
                .collect();
            if style.format == Format::Markdown {
                text::markdown(out, &headers, &rows)
            } else {
                writeln!(out, "{}", text::table(&headers, &rows, &[false, false], style.width))?;
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests;
