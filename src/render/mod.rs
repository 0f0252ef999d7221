//! Renderers: report structs and record objects to table / json / csv / markdown, written to a
//! `&mut dyn Write`. Nothing here reads the database or the clock.

pub mod labels;
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
    match style.format {
        Format::Json => write_json(out, &Value::Array(objects.iter().cloned().map(Value::Object).collect())),
        Format::Csv if !style.excel => write_grid(out, &Grid::from_objects(objects, style.lang, false), style),
        _ => write_grid(out, &Grid::from_objects(objects, style.lang, true), style),
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
}
