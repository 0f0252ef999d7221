//! Renderers: report structs and record objects to table / json / csv / markdown, written to a
//! `&mut dyn Write`. Nothing here reads the database or the clock.

pub mod labels;
pub mod messages;
pub mod reports;

use std::io::Write;

use anyhow::Result;
use comfy_table::{ContentArrangement, Table, presets};
use serde_json::Value;

use crate::cli::Format;
use crate::core::records::Object;
pub use labels::Lang;

/// How a renderer should write: the format and the reader's language.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub format: Format,
    pub lang: Lang,
    /// CSV meant for Excel: UTF-8 BOM, text cells that look like formulas made safe.
    pub excel: bool,
}

/// A grid of cells: what table, CSV and markdown all print. Cells keep their JSON type so
/// numbers stay numbers in CSV.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Grid {
    /// A grid from record objects: one column per field of the first object, in its order.
    pub fn from_objects(objects: &[Object], lang: Lang, localise_headers: bool) -> Grid {
        let keys: Vec<String> = objects.first().map(|o| o.keys().cloned().collect()).unwrap_or_default();
        let headers = keys
            .iter()
            .map(|k| if localise_headers { labels::field(k, lang).to_string() } else { k.clone() })
            .collect();
        let rows =
            objects.iter().map(|o| keys.iter().map(|k| o.get(k).cloned().unwrap_or(Value::Null)).collect()).collect();
        Grid { headers, rows }
    }
}

/// A cell as text: null is empty, lists are joined with "; ".
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

/// A text cell Excel would read as a formula gets a leading apostrophe; numbers stay numbers.
fn excel_safe(v: &Value) -> String {
    let text = cell_text(v);
    match v {
        Value::Number(_) | Value::Bool(_) | Value::Null => text,
        _ if text.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{text}"),
        _ => text,
    }
}

pub fn write_table(out: &mut dyn Write, grid: &Grid) -> Result<()> {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Disabled);
    table.set_header(grid.headers.clone());
    for row in &grid.rows {
        table.add_row(row.iter().map(cell_text).collect::<Vec<_>>());
    }
    writeln!(out, "{table}")?;
    Ok(())
}

pub fn write_csv(out: &mut dyn Write, grid: &Grid, excel: bool) -> Result<()> {
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::Writer::from_writer(out);
    w.write_record(&grid.headers)?;
    for row in &grid.rows {
        w.write_record(row.iter().map(|v| if excel { excel_safe(v) } else { cell_text(v) }))?;
    }
    w.flush()?;
    Ok(())
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn write_markdown(out: &mut dyn Write, grid: &Grid) -> Result<()> {
    writeln!(out, "| {} |", grid.headers.iter().map(|h| md_escape(h)).collect::<Vec<_>>().join(" | "))?;
    writeln!(out, "|{}|", grid.headers.iter().map(|_| "---").collect::<Vec<_>>().join("|"))?;
    for row in &grid.rows {
        writeln!(out, "| {} |", row.iter().map(|v| md_escape(&cell_text(v))).collect::<Vec<_>>().join(" | "))?;
    }
    Ok(())
}

/// Prints a grid in a tabular format (table, csv, markdown).
pub fn write_grid(out: &mut dyn Write, grid: &Grid, style: Style) -> Result<()> {
    match style.format {
        Format::Csv => write_csv(out, grid, style.excel),
        Format::Markdown => write_markdown(out, grid),
        _ => write_table(out, grid),
    }
}

pub fn write_json(out: &mut dyn Write, value: &Value) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// A list of records: a JSON array, or one row per record.
pub fn write_objects(out: &mut dyn Write, objects: &[Object], style: Style) -> Result<()> {
    let mut stream = ObjectStream::new(out, style);
    for o in objects {
        stream.push(o)?;
    }
    stream.finish()
}

/// The most rows a terminal table holds (it must know every width before printing, so its
/// rows are kept): a longer list is refused, naming the formats that stream.
pub const TABLE_MAX_ROWS: usize = 100_000;

/// Records written as they come, so a million-row list needs the memory of one row: a JSON
/// array with one object a line, CSV or markdown rows. Only the terminal table, which must
/// know every width first, holds its rows.
pub struct ObjectStream<'a> {
    out: &'a mut dyn Write,
    style: Style,
    keys: Option<Vec<String>>,
    table: Vec<Vec<Value>>,
    csv: Option<csv::Writer<Vec<u8>>>,
}

impl<'a> ObjectStream<'a> {
    pub fn new(out: &'a mut dyn Write, style: Style) -> ObjectStream<'a> {
        ObjectStream { out, style, keys: None, table: Vec::new(), csv: None }
    }

    fn headers(&self, keys: &[String]) -> Vec<String> {
        let localise = !(self.style.format == Format::Csv && !self.style.excel);
        keys.iter().map(|k| if localise { labels::field(k, self.style.lang).to_string() } else { k.clone() }).collect()
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
                let mut w = csv::Writer::from_writer(Vec::new());
                w.write_record(&headers)?;
                self.csv = Some(self.drain_csv(w)?);
            }
            Format::Markdown => {
                writeln!(self.out, "| {} |", headers.iter().map(|h| md_escape(h)).collect::<Vec<_>>().join(" | "))?;
                writeln!(self.out, "|{}|", headers.iter().map(|_| "---").collect::<Vec<_>>().join("|"))?;
            }
            _ => {}
        }
        self.keys = Some(keys);
        Ok(())
    }

    /// Moves what the CSV writer buffered to the output and returns a writer on the emptied
    /// buffer (the CSV writer owns a Vec, so the output keeps its one borrow).
    fn drain_csv(&mut self, w: csv::Writer<Vec<u8>>) -> Result<csv::Writer<Vec<u8>>> {
        let mut buf = w.into_inner().map_err(|e| anyhow::anyhow!("{}", e.error()))?;
        self.out.write_all(&buf)?;
        buf.clear();
        Ok(csv::Writer::from_writer(buf))
    }

    pub fn push(&mut self, object: &Object) -> Result<()> {
        let first = self.keys.is_none();
        if first {
            self.start(object)?;
        }
        let keys = self.keys.as_deref().unwrap_or_default();
        let cells = || keys.iter().map(|k| object.get(k).cloned().unwrap_or(Value::Null));
        match self.style.format {
            Format::Json => {
                if !first {
                    self.out.write_all(b",\n")?;
                }
                serde_json::to_writer(&mut *self.out, object)?;
            }
            Format::Csv => {
                let excel = self.style.excel;
                let row: Vec<String> = cells().map(|v| if excel { excel_safe(&v) } else { cell_text(&v) }).collect();
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
                let row: Vec<String> = cells().map(|v| md_escape(&cell_text(&v))).collect();
                writeln!(self.out, "| {} |", row.join(" | "))?;
            }
            _ => {
                if self.table.len() >= TABLE_MAX_ROWS {
                    return Err(crate::error::refuse(crate::error::Msg::TooManyForTable { max: TABLE_MAX_ROWS }));
                }
                let row = cells().collect();
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
            _ if self.keys.is_none() => writeln!(self.out, "{}", self.style.lang.pick("（无记录）", "(no records)"))?,
            _ => {
                let keys = self.keys.clone().unwrap_or_default();
                let grid = Grid { headers: self.headers(&keys), rows: std::mem::take(&mut self.table) };
                write_table(self.out, &grid)?;
            }
        }
        self.out.flush()?;
        Ok(())
    }
}

/// One record: a JSON object, a two-column field/value table, or a one-row CSV.
pub fn write_object(out: &mut dyn Write, object: &Object, style: Style) -> Result<()> {
    match style.format {
        Format::Json => write_json(out, &Value::Object(object.clone())),
        Format::Csv => write_objects(out, std::slice::from_ref(object), style),
        _ => {
            let grid = Grid {
                headers: vec![labels::word("field", style.lang).into(), labels::word("value", style.lang).into()],
                rows: object
                    .iter()
                    .map(|(k, v)| vec![Value::String(labels::field(k, style.lang).into()), v.clone()])
                    .collect(),
            };
            write_grid(out, &grid, style)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn excel_cells_that_look_like_formulas_are_made_text_but_numbers_stay() {
        assert_eq!(excel_safe(&json!("=1+1")), "'=1+1");
        assert_eq!(excel_safe(&json!("-x")), "'-x");
        assert_eq!(excel_safe(&json!("@SUM(A1)")), "'@SUM(A1)");
        assert_eq!(excel_safe(&json!(-5)), "-5");
        assert_eq!(excel_safe(&json!("GB/T 1.1-2020")), "GB/T 1.1-2020");
    }

    #[test]
    fn csv_for_excel_starts_with_a_bom() {
        let grid = Grid { headers: vec!["a".into()], rows: vec![vec![json!("=cmd")]] };
        let mut out = Vec::new();
        write_csv(&mut out, &grid, true).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "\u{feff}a\n'=cmd\n");
    }

    #[test]
    fn markdown_escapes_pipes() {
        let grid = Grid { headers: vec!["a".into()], rows: vec![vec![json!("x|y")]] };
        let mut out = Vec::new();
        write_markdown(&mut out, &grid).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "| a |\n|---|\n| x\\|y |\n");
    }

    fn style(format: Format, excel: bool) -> Style {
        Style { format, lang: Lang::En, excel }
    }

    fn streamed(objects: &[Object], style: Style) -> String {
        let mut out = Vec::new();
        write_objects(&mut out, objects, style).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_stream_writes_json_arrays_csv_and_markdown_row_by_row() {
        let rows: Vec<Object> = (1..=3)
            .map(|i| json!({"id": i, "title": format!("=t{i}"), "voided": null}).as_object().unwrap().clone())
            .collect();
        let j = streamed(&rows, style(Format::Json, false));
        let parsed: Value = serde_json::from_str(&j).unwrap();
        assert_eq!(parsed[2]["id"], 3);
        assert_eq!(j.lines().count(), 5, "one object a line between the brackets: {j}");
        assert_eq!(streamed(&[], style(Format::Json, false)), "[]\n");
        assert_eq!(streamed(&rows, style(Format::Csv, false)), "id,title,voided\n1,=t1,\n2,=t2,\n3,=t3,\n");
        assert_eq!(
            streamed(&rows[..1], style(Format::Csv, true)),
            "\u{feff}id,title,voided\n1,'=t1,\n",
            "Excel CSV: BOM, labels, formula-safe text"
        );
        assert_eq!(
            streamed(&rows[..1], style(Format::Markdown, false)),
            "| id | title | voided |\n|---|---|---|\n| 1 | =t1 |  |\n"
        );
    }

    #[test]
    fn a_csv_stream_longer_than_its_buffer_keeps_every_row() {
        let rows: Vec<Object> =
            (0..5000).map(|i| json!({"n": i, "text": "x".repeat(40)}).as_object().unwrap().clone()).collect();
        let csv = streamed(&rows, style(Format::Csv, false));
        assert_eq!(csv.lines().count(), 5001);
        assert!(csv.ends_with(&format!("4999,{}\n", "x".repeat(40))));
    }
}
