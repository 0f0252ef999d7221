//! The terminal table and markdown writers of a document, and the grid helpers lists and
//! single records share. Tables fit the terminal's width (`COLUMNS` honoured) by wrapping
//! cells; markdown is for documents. Neither ever writes a raw control character.

use std::io::Write;

use anyhow::Result;
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use super::doc::{Cell, Doc, Section};

/// Text safe for a terminal or a markdown file: control characters shown as escapes.
pub fn printable(s: &str) -> String {
    if !s.chars().any(|c| c.is_control() && c != '\n') {
        return s.to_string();
    }
    s.chars()
        .map(|c| if c.is_control() && c != '\n' { c.escape_default().to_string() } else { c.to_string() })
        .collect()
}

fn md_escape(s: &str) -> String {
    printable(s).replace('|', "\\|").replace('\n', " ")
}

/// A table of headers and rows of text, right-aligning the columns `numeric` marks.
pub fn table(headers: &[String], rows: &[Vec<String>], numeric: &[bool], width: Option<u16>) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    match width {
        // The terminal's own width.
        Some(0) => {
            t.set_content_arrangement(ContentArrangement::Dynamic);
        }
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic);
            t.set_width(w);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t.set_header(headers.iter().map(|h| printable(h)));
    for row in rows {
        t.add_row(row.iter().map(|c| printable(c)));
    }
    for (i, n) in numeric.iter().enumerate() {
        if *n {
            if let Some(col) = t.column_mut(i) {
                col.set_cell_alignment(CellAlignment::Right);
            }
        }
    }
    t
}

pub fn markdown(out: &mut dyn Write, headers: &[String], rows: &[Vec<String>]) -> Result<()> {
    writeln!(out, "| {} |", headers.iter().map(|h| md_escape(h)).collect::<Vec<_>>().join(" | "))?;
    writeln!(out, "|{}|", headers.iter().map(|_| "---").collect::<Vec<_>>().join("|"))?;
    for row in rows {
        markdown_row(out, row)?;
    }
    Ok(())
}

pub fn markdown_row(out: &mut dyn Write, row: &[String]) -> Result<()> {
    writeln!(out, "| {} |", row.iter().map(|c| md_escape(c)).collect::<Vec<_>>().join(" | "))?;
    Ok(())
}

fn shown(section: &Section) -> (Vec<String>, Vec<Vec<String>>, Vec<bool>) {
    let headers = section.columns.iter().map(|c| c.label.clone()).collect();
    let rows = section.rows.iter().map(|r| r.iter().map(Cell::shown).collect()).collect();
    let numeric = (0..section.columns.len())
        .map(|i| section.rows.iter().any(|r| r.get(i).is_some_and(Cell::is_number)))
        .collect();
    (headers, rows, numeric)
}

/// A document as terminal text.
pub fn write_table(out: &mut dyn Write, doc: &Doc, width: Option<u16>) -> Result<()> {
    writeln!(out, "{}", printable(&doc.title))?;
    if let Some(s) = &doc.subtitle {
        writeln!(out, "{}", printable(s))?;
    }
    if !doc.headline.is_empty() {
        writeln!(out)?;
        for f in &doc.headline {
            writeln!(out, "{}{}{}", printable(&f.label), doc.lang.pick("：", ": "), printable(&f.value.shown()))?;
        }
    }
    for s in &doc.sections {
        writeln!(out, "\n{}", printable(&s.title))?;
        let (headers, rows, numeric) = shown(s);
        if rows.is_empty() {
            let none = doc.lang.pick("（无）", "(none)");
            writeln!(out, "{}", printable(s.note.as_deref().unwrap_or(none)))?;
            continue;
        }
        writeln!(out, "{}", table(&headers, &rows, &numeric, width))?;
        if let Some(n) = &s.note {
            writeln!(out, "{}", printable(n))?;
        }
    }
    if !doc.notes.is_empty() {
        writeln!(out)?;
        for n in &doc.notes {
            writeln!(out, "{}", printable(n))?;
        }
    }
    Ok(())
}

/// A document as markdown.
pub fn write_markdown(out: &mut dyn Write, doc: &Doc) -> Result<()> {
    writeln!(out, "# {}", md_escape(&doc.title))?;
    if let Some(s) = &doc.subtitle {
        writeln!(out, "\n{}", md_escape(s))?;
    }
    if !doc.headline.is_empty() {
        writeln!(out)?;
        for f in &doc.headline {
            writeln!(out, "- **{}**{}{}", md_escape(&f.label), doc.lang.pick("：", ": "), md_escape(&f.value.shown()))?;
        }
    }
    for s in &doc.sections {
        writeln!(out, "\n## {}\n", md_escape(&s.title))?;
        let (headers, rows, _) = shown(s);
        if rows.is_empty() {
            let none = doc.lang.pick("（无）", "(none)");
            writeln!(out, "{}", md_escape(s.note.as_deref().unwrap_or(none)))?;
            continue;
        }
        markdown(out, &headers, &rows)?;
        if let Some(n) = &s.note {
            writeln!(out, "\n{}", md_escape(n))?;
        }
    }
    if !doc.notes.is_empty() {
        writeln!(out)?;
        for n in &doc.notes {
            writeln!(out, "> {}", md_escape(n))?;
        }
    }
    Ok(())
}
