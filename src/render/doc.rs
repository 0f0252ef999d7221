//! The document every report builds once, whatever the format: a title, an as-of line,
//! headline figures, and sections of typed grids. One writer per format (`text`, `csv`,
//! `html`, `xlsx`; JSON writes the report's own contract object) renders any document, so a
//! report knows nothing of formats and a new format is one writer.
//!
//! Cells are typed so each writer can do right by them: numbers stay numbers in CSV and
//! XLSX, dates become Excel dates, yuan get a thousands format, codes stay text, and a word
//! (an enum value) shows in the reader's language while plain CSV keeps its code.

use serde_json::Value;

use crate::core::model::{Date, TargetStatus};
use crate::render::Lang;

/// One cell of a grid.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    /// Whole yuan.
    Yuan(i64),
    /// Whole yuan as a headline says it to a reader ("300000 元（30 万元）"); scripts get the
    /// digits, Excel a number.
    Money {
        yuan: i64,
        shown: String,
    },
    /// A figure in tenths (expected, percent), shown with one decimal.
    Tenths(i64),
    Date(Date),
    /// An identifier that must stay text (USCC, organisation code, filing or standard
    /// number, an entitlement key, a range such as `2-3`).
    Code(String),
    /// An enum value: its code for scripts, its label for readers.
    Word {
        code: String,
        label: String,
    },
    Bool {
        value: bool,
        label: String,
    },
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn opt_text(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Text(s.into()))
    }

    pub fn opt_date(d: Option<Date>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }

    pub fn opt_int(n: Option<i64>) -> Cell {
        n.map_or(Cell::Empty, Cell::Int)
    }

    pub fn code(s: impl Into<String>) -> Cell {
        Cell::Code(s.into())
    }

    pub fn word(code: impl Into<String>, label: impl Into<String>) -> Cell {
        Cell::Word { code: code.into(), label: label.into() }
    }

    /// What a reader sees (tables, markdown, HTML, Excel CSV).
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Code(s) => s.clone(),
            Cell::Int(n) | Cell::Yuan(n) => n.to_string(),
            Cell::Tenths(t) => crate::core::progress::tenths_str(*t),
            Cell::Date(d) => d.to_string(),
            Cell::Word { label, .. } | Cell::Bool { label, .. } => label.clone(),
            Cell::Money { shown, .. } => shown.clone(),
        }
    }

    /// What a script reads (plain CSV): codes, not labels; numbers as digits.
    pub fn raw(&self) -> String {
        match self {
            Cell::Word { code, .. } => code.clone(),
            Cell::Bool { value, .. } => value.to_string(),
            Cell::Money { yuan, .. } => yuan.to_string(),
            other => other.shown(),
        }
    }

    /// The cell as a JSON value (for lists written as JSON).
    pub fn json(&self) -> Value {
        match self {
            Cell::Empty => Value::Null,
            Cell::Int(n) | Cell::Yuan(n) | Cell::Money { yuan: n, .. } => Value::from(*n),
            Cell::Bool { value, .. } => Value::Bool(*value),
            other => Value::String(other.raw()),
        }
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Cell::Int(_) | Cell::Yuan(_) | Cell::Tenths(_) | Cell::Money { .. })
    }
}

/// Who a column is for: a bar is for readers, a unit id for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Both,
    Readers,
    Scripts,
}

/// A column: its stable key (plain CSV header, JSON field) and its label for readers.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub key: String,
    pub label: String,
    pub audience: Audience,
}

impl Column {
    pub fn new(key: impl Into<String>, label: impl Into<String>) -> Column {
        Column { key: key.into(), label: label.into(), audience: Audience::Both }
    }

    pub fn readers(key: impl Into<String>, label: impl Into<String>) -> Column {
        Column { audience: Audience::Readers, ..Column::new(key, label) }
    }

    pub fn scripts(key: impl Into<String>, label: impl Into<String>) -> Column {
        Column { audience: Audience::Scripts, ..Column::new(key, label) }
    }
}

/// A headline figure: a label and a value, shown above the sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub key: String,
    pub label: String,
    pub value: Cell,
}

/// One target as a bar: what it reached, what was expected by now, the target (both ends of
/// a range).
#[derive(Debug, Clone, PartialEq)]
pub struct TargetBar {
    pub label: String,
    pub actual: i64,
    pub min: i64,
    pub max: Option<i64>,
    pub expected_tenths: i64,
    pub status: TargetStatus,
    pub status_label: String,
}

/// A picture that goes with a section (drawn by HTML; the table shows its figures).
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    Targets(Vec<TargetBar>),
}

/// A titled grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Stable, for scripts: the CSV `section` column, the XLSX sheet order.
    pub key: String,
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub chart: Option<Chart>,
    /// A line under the grid (what the columns mean, what is missing).
    pub note: Option<String>,
}

impl Section {
    /// The section with only the columns for this audience (readers or scripts).
    pub fn for_audience(&self, readers: bool) -> Section {
        let keep: Vec<bool> = self
            .columns
            .iter()
            .map(|c| match c.audience {
                Audience::Both => true,
                Audience::Readers => readers,
                Audience::Scripts => !readers,
            })
            .collect();
        let pick = |row: &Vec<Cell>| row.iter().zip(&keep).filter(|(_, k)| **k).map(|(c, _)| c.clone()).collect();
        Section {
            columns: self.columns.iter().zip(&keep).filter(|(_, k)| **k).map(|(c, _)| c.clone()).collect(),
            rows: self.rows.iter().map(pick).collect(),
            ..self.clone()
        }
    }

    pub fn new(key: &str, title: impl Into<String>, columns: Vec<Column>) -> Section {
        Section { key: key.into(), title: title.into(), columns, rows: Vec::new(), chart: None, note: None }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }
}

/// A whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub lang: Lang,
    pub title: String,
    /// "As of 2015-12-31: 1268 of 1268 days elapsed" and the like.
    pub subtitle: Option<String>,
    pub headline: Vec<Figure>,
    pub sections: Vec<Section>,
    /// Lines at the end (what columns mean).
    pub notes: Vec<String>,
    /// The report's JSON, as CLI.md promises it; the JSON writer prints this.
    pub json: Value,
}

impl Doc {
    pub fn new(lang: Lang, title: impl Into<String>, json: Value) -> Doc {
        Doc {
            lang,
            title: title.into(),
            subtitle: None,
            headline: Vec::new(),
            sections: Vec::new(),
            notes: Vec::new(),
            json,
        }
    }

    /// The document with only the columns for this audience.
    pub fn for_audience(&self, readers: bool) -> Doc {
        Doc { sections: self.sections.iter().map(|s| s.for_audience(readers)).collect(), ..self.clone() }
    }

    pub fn figure(&mut self, key: &str, label: impl Into<String>, value: Cell) {
        self.headline.push(Figure { key: key.into(), label: label.into(), value });
    }
}
