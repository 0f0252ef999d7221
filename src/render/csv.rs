//! CSV of a document: one table whose first column names the section, so a script can
//! filter it. Plain CSV is for scripts and stays byte-faithful: field names as headers, codes
//! for words, digits for numbers. With `--excel` it is for a clerk opening it in Excel: a
//! UTF-8 BOM, labels in the reader's language, codes and ranges kept as text (`="…"`, which
//! Excel shows as the text itself), and text that Excel would run as a formula made inert
//! with a leading apostrophe. XLSX is better still for Excel: cells carry their types.

use std::io::Write;

use anyhow::Result;

use super::doc::{Cell, Doc, Section};

/// Text Excel would turn into a number or a date when it opens a CSV: all digits (leading
/// zeros and digits past the 15th are lost), scientific notation, `2-3`, `1/2`, `2013.5`.
fn excel_would_convert(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_digit() || " .,-+/:%eE".contains(c))
}

/// An ISO date, which Excel rightly reads as a date.
fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && s.parse::<crate::core::model::Date>().is_ok()
}

/// A text cell as Excel should show it from a CSV file. A code (`code`) or any text Excel
/// would turn into a number or date is written `="…"`; an ISO date stays a date.
pub fn excel_text(s: &str, code: bool) -> String {
    let converts = excel_would_convert(s) && !(is_iso_date(s) && !code);
    if converts {
        format!("=\"{}\"", s.replace('"', "\"\""))
    } else if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// A cell for Excel: numbers stay numbers, dates stay ISO (Excel reads them as dates), codes
/// and convertible text are kept as text.
pub fn excel_cell(cell: &Cell) -> String {
    match cell {
        Cell::Int(_) | Cell::Yuan(_) | Cell::Tenths(_) | Cell::Empty => cell.shown(),
        Cell::Money { yuan, .. } => yuan.to_string(),
        Cell::Code(s) => excel_text(s, true),
        Cell::Date(_) => cell.shown(),
        other => excel_text(&other.shown(), false),
    }
}

/// The headline as a section of its own, so CSV and XLSX carry it too.
pub fn headline_section(doc: &Doc) -> Option<Section> {
    if doc.headline.is_empty() {
        return None;
    }
    let lang = doc.lang;
    let mut s = Section::new(
        "headline",
        lang.pick("主要数字", "Headline figures"),
        vec![
            super::doc::Column::new("figure", lang.pick("项目", "figure")),
            super::doc::Column::new("value", lang.pick("数值", "value")),
        ],
    );
    for f in &doc.headline {
        s.push(vec![Cell::word(f.key.clone(), f.label.clone()), f.value.clone()]);
    }
    Some(s)
}

pub fn write(out: &mut dyn Write, doc: &Doc, excel: bool) -> Result<()> {
    let headline = headline_section(doc);
    let sections: Vec<&Section> = headline.iter().chain(doc.sections.iter()).collect();
    // The union of the sections' columns, in the order first met.
    let mut keys: Vec<(String, String)> = Vec::new();
    for s in &sections {
        for c in &s.columns {
            if !keys.iter().any(|(k, _)| *k == c.key) {
                keys.push((c.key.clone(), c.label.clone()));
            }
        }
    }
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::Writer::from_writer(out);
    let section_header = if excel { doc.lang.pick("部分", "section") } else { "section" };
    let mut header = vec![section_header.to_string()];
    header.extend(keys.iter().map(|(k, l)| if excel { l.clone() } else { k.clone() }));
    w.write_record(&header)?;
    for s in &sections {
        let at: Vec<Option<usize>> = keys.iter().map(|(k, _)| s.columns.iter().position(|c| c.key == *k)).collect();
        for row in &s.rows {
            let mut record = vec![if excel { excel_text(&s.title, false) } else { s.key.clone() }];
            for i in &at {
                let cell = i.and_then(|i| row.get(i)).unwrap_or(&Cell::Empty);
                record.push(if excel { excel_cell(cell) } else { cell.raw() });
            }
            w.write_record(&record)?;
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_ranges_and_formulas_survive_excel() {
        assert_eq!(excel_text("915001071862659620", true), "=\"915001071862659620\"");
        assert_eq!(excel_text("91500107186265962P", true), "91500107186265962P", "letters keep it text");
        assert_eq!(excel_text("2013-01-20", false), "2013-01-20", "a date stays a date");
        assert_eq!(excel_text("=SUM(A1)", true), "'=SUM(A1)");
        assert_eq!(excel_text("2-3", false), "=\"2-3\"");
        assert_eq!(excel_text("00251805-7", false), "=\"00251805-7\"");
        assert_eq!(excel_text("=1+1", false), "'=1+1");
        assert_eq!(excel_text("@SUM(A1)", false), "'@SUM(A1)");
        assert_eq!(excel_text("-x", false), "'-x");
        assert_eq!(excel_text("重庆某公司", false), "重庆某公司");
        assert_eq!(excel_cell(&Cell::Yuan(-50000)), "-50000");
    }
}
