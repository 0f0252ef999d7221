//! Checking one row: its fields turned into core values by the core checks (codes and their
//! agreement, standard numbers, dates, enum words), every fault collected as a `Msg` with the
//! place it concerns. A few already-tidy spellings take a fast path that gives what the core
//! check would (each is tested against it).
//!
//! What the office's registers hold besides records: a totals row (合计/总计/小计, Total) whose
//! cells that identify a record are empty is not a record (`RowText::totals`); a row an export
//! marks voided (作废原因) is not imported (`RowText::voided`); an Excel error cell (`#N/A`)
//! is a row error; a bare number in a date column is an Excel serial date when it falls in
//! the plan's years; a code in the other code's column is taken as what it is, with a note.

use super::columns::{Columns, Field, Place};
use super::parse::{Cut, MAX_CELLS, MAX_ROW_BYTES, Record};
use chrono::Datelike;

use crate::core::ids::{self, CodeError, DateError};
use crate::core::model::{Date, Outcome, UnitKind, Words};
use crate::core::{standards, units};
use crate::error::{Msg, V, v_start};

/// A cell longer than this is a row error (its start is quoted in the message).
pub const MAX_CELL_BYTES: usize = 64 << 10;

/// One fault of a row (or a warning about it): where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub place: Place,
    pub msg: Msg,
}

impl FieldError {
    pub fn new(field: Field, msg: Msg) -> FieldError {
        FieldError { place: Place::Field(field), msg }
    }

    pub fn row(msg: Msg) -> FieldError {
        FieldError { place: Place::Row, msg }
    }
}

/// A row's fields by name.
pub struct RowText<'a> {
    pub record: &'a Record,
    pub columns: &'a Columns,
    /// The encoding the file was read in, for messages about characters that did not decode.
    pub encoding: &'a str,
    /// The file's delimiter (comma or tab); None for a workbook, whose cells hold any text.
    pub delimiter: Option<u8>,
    /// The years (first, last) a bare number in a date column may be an Excel serial date of:
    /// the plan's.
    pub serial_years: (i32, i32),
}

/// The texts Excel writes for an error cell (a formula that failed), in a workbook or a CSV
/// saved from one.
const EXCEL_ERRORS: &[&str] = &[
    "#N/A",
    "#DIV/0!",
    "#NAME?",
    "#NULL!",
    "#NUM!",
    "#REF!",
    "#VALUE!",
    "#DATA!",
    "#GETTING_DATA",
    "#SPILL!",
    "#CALC!",
];

/// The words that open a totals row (compared without spaces, case aside).
const TOTALS_WORDS: &[&str] = &["合计", "总计", "小计", "共计", "grandtotal", "subtotal", "total"];

/// Whether a cell is a totals row's label: a totals word, then nothing, or only a count
/// (`合计：12项`, `Total (3)`).
fn totals_word(s: &str) -> bool {
    let key: String =
        ids::to_halfwidth(s).chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
    TOTALS_WORDS.iter().any(|w| {
        key.strip_prefix(w).is_some_and(|rest| {
            rest.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || "：，。、（）项家条个件元".contains(c))
        })
    })
}

/// Whether bytes may hold a C0 or C1 control character or DEL (C1 controls are C2 80..9F in
/// UTF-8); a quick test before the exact one, `ids::has_forbidden_controls`.
fn may_hold_controls(b: &[u8]) -> bool {
    // No early exit: the loop vectorises, and cells are short.
    b.iter().fold(false, |found, &b| found | (b < 0x20) | (b == 0x7F) | (b == 0xC2))
}

impl<'a> RowText<'a> {
    /// The raw bytes of a field; empty when the file has no such column or the row is short.
    pub fn bytes(&self, field: Field) -> &'a [u8] {
        self.columns.get(field).and_then(|i| self.record.get(i)).unwrap_or_default()
    }

    /// A field as text. Too long, not UTF-8, characters that did not decode, or a control
    /// character: the reason it cannot be read.
    pub fn text(&self, field: Field) -> Result<&'a str, Msg> {
        let bytes = self.bytes(field);
        let s = match std::str::from_utf8(bytes) {
            Ok(s) => s,
            // A cut cell (a long one) may end inside a character: say it is long, not garbled.
            Err(e) if bytes.len() > MAX_CELL_BYTES => {
                std::str::from_utf8(&bytes[..e.valid_up_to()]).map_err(|_| Msg::RowNotUtf8)?
            }
            Err(_) => return Err(Msg::RowNotUtf8),
        };
        if bytes.len() > MAX_CELL_BYTES {
            let kib = bytes.len().div_ceil(1024) as u64;
            return Err(Msg::RowCellTooLong { value: v_start(s), kib, max_kib: (MAX_CELL_BYTES >> 10) as u64 });
        }
        if s.contains('\u{FFFD}') {
            return Err(Msg::RowUndecodable { value: v_start(s), encoding: self.encoding.into() });
        }
        if may_hold_controls(bytes) && ids::has_forbidden_controls(s) {
            return Err(Msg::RowControlChar { value: v_start(s) });
        }
        if bytes.first() == Some(&b'#') && EXCEL_ERRORS.contains(&s.trim()) {
            return Err(Msg::RowExcelError { value: V::from(s.trim()) });
        }
        Ok(s)
    }

    /// A field as text, or None with why added to `errors`.
    pub fn field(&self, field: Field, errors: &mut Vec<FieldError>) -> Option<&'a str> {
        self.text(field).map_err(|msg| errors.push(FieldError::new(field, msg))).ok()
    }

    /// Every field empty or blank: Excel leaves such rows at the end of a sheet.
    pub fn is_blank(&self) -> bool {
        self.record.cut.is_none() && self.record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace))
    }

    /// The row is a totals row: its first cell that holds anything is a totals word
    /// (`合计`, `Total`), and the cells that identify a record (the unit's name and codes, the
    /// standard and filing numbers) are empty, that one aside. Its label, if so.
    pub fn totals(&self) -> Option<String> {
        let (at, first) = self.record.iter().enumerate().find(|(_, c)| !c.iter().all(u8::is_ascii_whitespace))?;
        // Most rows are records: one look at the first byte (合 总 小 共, T t) rules them out.
        if !matches!(
            first.iter().find(|b| !b.is_ascii_whitespace()),
            Some(0xE5 | 0xE6 | b'T' | b't' | b'G' | b'g' | b'S' | b's' | 0xEF)
        ) {
            return None;
        }
        let label = std::str::from_utf8(first).ok()?.trim();
        if !totals_word(label) {
            return None;
        }
        let identifying = [Field::Name, Field::Uscc, Field::OrgCode, Field::StandardNo, Field::FilingNo];
        let empty = identifying
            .iter()
            .filter_map(|&f| self.columns.get(f))
            .filter(|&i| i != at)
            .all(|i| self.record.get(i).is_none_or(|c| c.iter().all(u8::is_ascii_whitespace)));
        empty.then(|| label.to_string())
    }

    /// The reason in an exported row's 作废原因 (voided) column: the row is a voided record.
    pub fn voided(&self) -> Option<String> {
        let bytes = self.bytes(Field::Voided);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        tidy(&String::from_utf8_lossy(bytes))
    }

    /// A row cut because it was too long or had too many cells.
    pub fn cut(&self) -> Option<FieldError> {
        self.record.cut.map(|cut| {
            FieldError::row(match cut {
                Cut::TooLong => Msg::RowTooLong { max_mib: (MAX_ROW_BYTES >> 20) as u64 },
                Cut::TooManyCells => Msg::RowTooManyCells { max: MAX_CELLS as u64 },
            })
        })
    }

    /// Fields past the header that hold something.
    pub fn extra_fields(&self) -> Option<FieldError> {
        let width = self.columns.labels.len();
        let mut extra = self.record.iter().skip(width).filter(|f| !f.iter().all(u8::is_ascii_whitespace)).peekable();
        extra.peek()?;
        // The first few are enough to recognise them; `V` cuts the rest.
        let shown: Vec<String> = extra.take(8).map(|f| String::from_utf8_lossy(f).into_owned()).collect();
        Some(FieldError::row(Msg::RowExtraFields {
            fields: self.record.len() as u64,
            header: width as u64,
            extra: v_start(&shown.join(", ")),
        }))
    }

    /// A zero byte in a column the import does not read (those it reads are checked as text):
    /// binary junk in a file is named where it is, however far into the file.
    pub fn stray_zero_bytes(&self) -> Option<FieldError> {
        if !self.record.bytes().contains(&0) {
            return None;
        }
        self.record.iter().enumerate().take(self.columns.labels.len()).find_map(|(i, f)| {
            (f.contains(&0) && !self.columns.is_used(i) && self.columns.error_column != Some(i)).then(|| FieldError {
                place: Place::Column(i),
                msg: Msg::RowControlChar { value: v_start(&String::from_utf8_lossy(f)) },
            })
        })
    }

    /// A value that runs over several lines and holds the file's delimiter is almost always
    /// several rows swallowed by a quote that was opened and never closed: refuse it rather than
    /// store three rows of CSV as one title. Names the line the quote opens on.
    pub fn unclosed_quote(&self) -> Option<FieldError> {
        let delimiter = self.delimiter?;
        let at = self.record.iter().position(|f| {
            let runs_over = f.contains(&b'\n') || f.contains(&b'\r');
            runs_over && f.contains(&delimiter)
        })?;
        // The quote opens on the record's first line plus the line breaks of the cells before.
        let before: usize = self.record.iter().take(at).map(|f| f.iter().filter(|&&b| b == b'\n').count()).sum();
        let opens = self.record.line + before as u64;
        Some(FieldError { place: Place::Column(at), msg: Msg::RowUnclosedQuote { opens } })
    }
}

// ----- free text -----

/// Tidied text, as `ids::clean_text` gives it; text with no space of any kind is returned as is.
pub fn tidy(s: &str) -> Option<String> {
    if s.is_empty() {
        return None;
    }
    if !s.chars().any(|c| c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}') {
        return Some(s.to_string());
    }
    ids::clean_text(s)
}

fn required_text(row: &RowText, field: Field, errors: &mut Vec<FieldError>) -> Option<String> {
    let s = row.field(field, errors)?;
    let t = tidy(s);
    if t.is_none() {
        errors.push(FieldError::new(field, Msg::RowEmpty));
    }
    t
}

fn optional_text(row: &RowText, field: Field, errors: &mut Vec<FieldError>) -> Option<String> {
    // Most files have no such column, or leave it empty: nothing to check.
    if row.bytes(field).is_empty() {
        return None;
    }
    row.field(field, errors).and_then(tidy)
}

/// A filing number as `ids::normalize_code` gives it; printable ASCII without lower case is
/// returned as is.
pub fn code_text(s: &str) -> String {
    if s.bytes().all(|b| b.is_ascii_graphic() && !b.is_ascii_lowercase()) {
        return s.to_string();
    }
    ids::normalize_code(s)
}

// ----- dates -----

fn two(b: &[u8]) -> Option<u32> {
    (b[0].is_ascii_digit() && b[1].is_ascii_digit()).then(|| u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0'))
}

/// `ids::parse_date`, with the common `YYYY-MM-DD` read directly.
pub fn date(s: &str) -> Result<Date, DateError> {
    let b = s.as_bytes();
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(c), Some(y), Some(m), Some(d)) = (two(&b[0..2]), two(&b[2..4]), two(&b[5..7]), two(&b[8..10]))
        && let year = (c * 100 + y) as i32
        && (1900..=2100).contains(&year)
        && let Some(date) = Date::from_ymd_opt(year, m, d)
    {
        return Ok(date);
    }
    ids::parse_date(s)
}

/// A five-digit number (with a time as a fraction, or not): what Excel shows for a date cell
/// formatted as General (10000 is 1927, 99999 is 2173).
fn serial_shape(s: &str) -> bool {
    let whole = s.split_once('.').map_or(s, |(w, _)| w);
    whole.len() == 5
}

fn required_date(row: &RowText, field: Field, errors: &mut Vec<FieldError>) -> Option<Date> {
    let s = row.field(field, errors)?;
    match date(s) {
        Ok(d) => Some(d),
        Err(err) => {
            let raw = s.trim();
            // Excel shows a date cell formatted as General as its serial day number: taken as
            // that date when it falls in the plan's years, where the register's dates are.
            let serial = (err == DateError::Unrecognised).then(|| ids::parse_excel_serial(raw)).flatten();
            let msg = match serial {
                Some(d) if (row.serial_years.0..=row.serial_years.1).contains(&d.year()) => return Some(d),
                Some(d) if serial_shape(&ids::to_halfwidth(raw)) => Msg::RowDateSerial {
                    value: V::from(raw),
                    date: d,
                    from: row.serial_years.0,
                    to: row.serial_years.1,
                },
                _ => Msg::RowDate { value: V::from(raw), err },
            };
            errors.push(FieldError::new(field, msg));
            None
        }
    }
}

// ----- codes -----

/// `ids::check_uscc_lenient` or `ids::check_org_code_lenient`: the code, and a wrong check
/// character as a warning.
type CodeCheck = fn(&str) -> Result<(String, Option<CodeError>), CodeError>;

fn code(
    raw: &str,
    field: Field,
    check: CodeCheck,
    allow_bad_check: bool,
    errors: &mut Vec<FieldError>,
    warnings: &mut Vec<FieldError>,
) -> Option<String> {
    if ids::normalize_code(raw).is_empty() {
        return None;
    }
    match check(raw) {
        Ok((code, None)) => Some(code),
        Ok((code, Some(err))) if allow_bad_check => {
            warnings.push(FieldError::new(field, Msg::RowBadCheckKept { code: code.clone(), err }));
            Some(code)
        }
        Ok((code, Some(err))) => {
            errors.push(FieldError::new(field, Msg::RowBadCheck { code, err }));
            None
        }
        Err(err) => {
            errors.push(FieldError::new(field, Msg::RowCode { value: V::from(raw), err }));
            None
        }
    }
}

// ----- units -----

/// A unit as a row describes it, codes checked and normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitFields {
    pub name: String,
    pub name_key: String,
    pub uscc: Option<String>,
    pub org_code: Option<String>,
    /// None when the row does not say; a new unit is then an enterprise.
    pub kind: Option<UnitKind>,
    pub industry: Option<String>,
    pub location: Option<String>,
}

/// The unit fields of a row, or what is wrong with them; `warnings` are codes kept under
/// `--allow-bad-check`.
#[derive(Debug, Clone)]
pub struct UnitCheck {
    pub fields: Result<UnitFields, Vec<FieldError>>,
    pub warnings: Vec<FieldError>,
}

/// The characters of a code as `ids::normalize_code` gives them (half-width, no blanks,
/// upper case), without building it: a code's shape is looked at once per unit description.
fn code_chars(raw: &str) -> impl Iterator<Item = char> + '_ {
    raw.chars().map(ids::halfwidth).filter(|c| !ids::is_blank(*c)).map(|c| c.to_ascii_uppercase())
}

/// Shaped as an organisation code: 9 letters or digits, with or without one mark (a hyphen)
/// before the last (its check character is checked later, as any code's).
fn org_shaped(raw: &str) -> bool {
    let (mut alnum, mut other, mut other_at) = (0, 0, 0);
    for (i, c) in code_chars(raw).enumerate() {
        if c.is_ascii_alphanumeric() {
            alnum += 1;
        } else {
            other += 1;
            other_at = i;
        }
    }
    alnum == 9 && (other == 0 || (other == 1 && other_at == 8))
}

/// Shaped as a USCC: 18 letters or digits.
fn uscc_shaped(raw: &str) -> bool {
    let mut n = 0;
    code_chars(raw).all(|c| {
        n += 1;
        c.is_ascii_alphanumeric()
    }) && n == 18
}

/// The letters and digits of two codes are the same.
fn same_code(a: &str, b: &str) -> bool {
    code_chars(a).filter(char::is_ascii_alphanumeric).eq(code_chars(b).filter(char::is_ascii_alphanumeric))
}

/// The row's (USCC, organisation code) cells with the column each came from. Before 2015 a
/// register's 统一社会信用代码（组织机构代码） column holds organisation codes: a code in the
/// other code's column, when that column is empty or says the same, is taken as what it is,
/// with a note.
fn code_cells<'a>(uscc: &'a str, org: &'a str, warnings: &mut Vec<FieldError>) -> ((&'a str, Field), (&'a str, Field)) {
    if org_shaped(uscc) && (org.is_empty() || same_code(uscc, org)) {
        let code = ids::check_org_code_lenient(uscc).map_or_else(|_| ids::normalize_code(uscc), |(c, _)| c);
        warnings.push(FieldError::new(Field::Uscc, Msg::RowOrgCodeInUsccColumn { code }));
        return (("", Field::Uscc), (uscc, Field::Uscc));
    }
    if uscc_shaped(org) && (uscc.is_empty() || same_code(uscc, org)) {
        warnings.push(FieldError::new(Field::OrgCode, Msg::RowUsccInOrgCodeColumn { code: ids::normalize_code(org) }));
        return ((org, Field::OrgCode), ("", Field::OrgCode));
    }
    ((uscc, Field::Uscc), (org, Field::OrgCode))
}

pub fn check_unit(row: &RowText, allow_bad_check: bool) -> UnitCheck {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let name = required_text(row, Field::Name, &mut errors);
    let uscc_raw = row.field(Field::Uscc, &mut errors).unwrap_or_default().trim();
    let org_raw = row.field(Field::OrgCode, &mut errors).unwrap_or_default().trim();
    let ((uscc_raw, uscc_at), (org_raw, org_at)) = code_cells(uscc_raw, org_raw, &mut warnings);
    let uscc = code(uscc_raw, uscc_at, ids::check_uscc_lenient, allow_bad_check, &mut errors, &mut warnings);
    let org_code = code(org_raw, org_at, ids::check_org_code_lenient, allow_bad_check, &mut errors, &mut warnings);
    // The rule `add-unit` and `update-unit` keep; said as a file's cell, not an option.
    if let Err(msg) = units::codes_agree(uscc.as_deref(), org_code.as_deref()) {
        let msg = match msg {
            Msg::CodesDisagree { org, uscc, inside } => Msg::RowCodesDisagree { org, uscc, inside },
            other => other,
        };
        errors.push(FieldError::new(Field::OrgCode, msg));
    }
    let kind = match row.field(Field::Kind, &mut errors) {
        Some(k) if !k.trim().is_empty() => {
            UnitKind::parse_word(k).map_err(|err| errors.push(FieldError::new(Field::Kind, Msg::RowWord { err }))).ok()
        }
        _ => None,
    };
    let industry = optional_text(row, Field::Industry, &mut errors);
    let location = optional_text(row, Field::Location, &mut errors);
    let fields = match name {
        Some(name) if errors.is_empty() => {
            Ok(UnitFields { name_key: ids::name_key(&name), name, uscc, org_code, kind, industry, location })
        }
        _ => Err(errors),
    };
    UnitCheck { fields, warnings }
}

/// The fields that identify and describe a unit, for the per-import memo of unit checks.
pub const UNIT_FIELDS: [Field; 6] =
    [Field::Name, Field::Uscc, Field::OrgCode, Field::Kind, Field::Industry, Field::Location];

// ----- filings and reviews -----

/// `core::standards::enterprise_number`, said as a file's cell.
fn enterprise_number(row: &RowText, errors: &mut Vec<FieldError>) -> Option<String> {
    let field = Field::StandardNo;
    let raw = row.field(field, errors)?;
    match standards::enterprise_number(row.columns.label_of(field), raw) {
        Ok(n) => Some(n),
        Err(msg) => {
            let msg = match msg {
                Msg::NotEnterpriseNumber { number, level, .. } => Msg::RowNotEnterpriseNumber { number, level },
                Msg::BadEnterpriseNumber { value, err, .. } => Msg::RowBadEnterpriseNumber { value, err },
                other => other,
            };
            errors.push(FieldError::new(field, msg));
            None
        }
    }
}

/// A filing row's own fields (its unit is checked apart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilingValues {
    pub number: String,
    pub title: String,
    pub filing_no: String,
    pub filed_on: Date,
    /// 备注, kept on the filing.
    pub remark: Option<String>,
}

pub fn check_filing(row: &RowText, errors: &mut Vec<FieldError>) -> Option<FilingValues> {
    let number = enterprise_number(row, errors);
    let title = required_text(row, Field::Title, errors);
    let filing_no = row.field(Field::FilingNo, errors).map(code_text);
    if filing_no.as_deref() == Some("") {
        errors.push(FieldError::new(Field::FilingNo, Msg::RowEmpty));
    }
    let filed_on = required_date(row, Field::FiledOn, errors);
    let remark = optional_text(row, Field::Remark, errors);
    match (number, title, filing_no, filed_on) {
        (Some(number), Some(title), Some(filing_no), Some(filed_on)) if !filing_no.is_empty() => {
            Some(FilingValues { number, title, filing_no, filed_on, remark })
        }
        _ => None,
    }
}

/// A review row's own fields (its unit is checked apart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewValues {
    pub number: String,
    pub filing_no: Option<String>,
    pub reviewed_on: Date,
    pub outcome: Outcome,
    /// 备注, kept on the review.
    pub remark: Option<String>,
}

pub fn check_review(row: &RowText, errors: &mut Vec<FieldError>) -> Option<ReviewValues> {
    let number = enterprise_number(row, errors);
    let reviewed_on = required_date(row, Field::ReviewedOn, errors);
    let outcome = match row.field(Field::Outcome, errors) {
        Some(s) if s.trim().is_empty() => {
            errors.push(FieldError::new(Field::Outcome, Msg::RowEmpty));
            None
        }
        Some(s) => Outcome::parse_word(s)
            .map_err(|err| errors.push(FieldError::new(Field::Outcome, Msg::RowWord { err })))
            .ok(),
        None => None,
    };
    let filing_no = row.field(Field::FilingNo, errors).map(code_text);
    let remark = optional_text(row, Field::Remark, errors);
    Some(ReviewValues {
        number: number?,
        filing_no: filing_no.filter(|s| !s.is_empty()),
        reviewed_on: reviewed_on?,
        outcome: outcome?,
        remark,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Level;
    use crate::import::ImportKind;

    fn columns(kind: ImportKind, header: &[&str]) -> Columns {
        Columns::map(kind, &header.iter().map(|s| s.to_string()).collect::<Vec<_>>(), 1, false).unwrap()
    }

    fn row<'a>(record: &'a Record, columns: &'a Columns) -> RowText<'a> {
        RowText { record, columns, encoding: "UTF-8", delimiter: Some(b','), serial_years: (2012, 2015) }
    }

    #[test]
    fn fast_paths_agree_with_the_core_checks() {
        for s in [
            "2013-05-01",
            "2013-02-30",
            "1899-12-31",
            "2101-01-01",
            "2013-5-01",
            "20130501",
            "2013/05/01",
            "abcd-ef-gh",
        ] {
            assert_eq!(date(s), ids::parse_date(s), "{s:?}");
        }
        for s in ["50107-2013-0000001", "ab-1", "５０１０７", " 1 2 ", "A\u{3000}B", ""] {
            assert_eq!(code_text(s), ids::normalize_code(s), "{s:?}");
        }
        for s in ["铝合金型材", " a  b ", "a\u{3000}b", "x\u{200B}", "", " ", "a\u{FEFF}", "标题\u{a0}"] {
            assert_eq!(tidy(s), ids::clean_text(s), "{s:?}");
        }
        // The quick control test never misses what the core check finds.
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            if ids::has_forbidden_controls(&s) {
                assert!(may_hold_controls(s.as_bytes()), "{c:?}");
            }
        }
    }

    #[test]
    fn a_filing_row_with_every_fault_named() {
        let cols = columns(ImportKind::Filings, &["企业名称", "标准编号", "标准名称", "备案号", "备案日期"]);
        let record = Record::from_cells(&["某公司", "GB/T 1.1-2020", " ", "", "41395"]);
        let mut errors = Vec::new();
        assert_eq!(check_filing(&row(&record, &cols), &mut errors), None);
        let places: Vec<_> = errors.iter().map(|e| e.place).collect();
        let f = Place::Field;
        assert_eq!(places, vec![f(Field::StandardNo), f(Field::Title), f(Field::FilingNo)]);
        assert_eq!(
            errors[0].msg,
            Msg::RowNotEnterpriseNumber { number: "GB/T 1.1-2020".into(), level: Level::National }
        );
        assert_eq!(errors[1].msg, Msg::RowEmpty);
        assert_eq!(errors.len(), 3, "41395 is 2013-05-01, in the plan's years: {errors:?}");
    }

    #[test]
    fn excel_serial_dates_in_the_plans_years() {
        let cols = columns(ImportKind::Filings, &["企业名称", "标准编号", "标准名称", "备案号", "备案日期"]);
        let d = |s: &str| s.parse::<Date>().unwrap();
        for (cell, want) in [("41456", d("2013-07-01")), ("41456.5", d("2013-07-01")), ("42369", d("2015-12-31"))] {
            let record = Record::from_cells(&["某公司", "Q/JLP 1-2013", "t", "F1", cell]);
            let mut errors = Vec::new();
            let v = check_filing(&row(&record, &cols), &mut errors);
            assert_eq!(v.map(|v| v.filed_on), Some(want), "{cell}: {errors:?}");
        }
        // A number that is no date of the plan's years is still refused, naming the date it
        // would be; one that cannot be an Excel date at all is an unrecognised date.
        let record = Record::from_cells(&["某公司", "Q/JLP 1-2013", "t", "F1", "45000"]);
        let mut errors = Vec::new();
        assert_eq!(check_filing(&row(&record, &cols), &mut errors), None);
        assert_eq!(
            errors[0].msg,
            Msg::RowDateSerial { value: "45000".into(), date: d("2023-03-15"), from: 2012, to: 2015 }
        );
        for cell in ["2013", "12", "99999999"] {
            let record = Record::from_cells(&["某公司", "Q/JLP 1-2013", "t", "F1", cell]);
            let mut errors = Vec::new();
            assert_eq!(check_filing(&row(&record, &cols), &mut errors), None, "{cell}");
            assert!(matches!(&errors[0].msg, Msg::RowDate { err: DateError::Unrecognised, .. }), "{cell}: {errors:?}");
        }
    }

    #[test]
    fn totals_rows_voided_rows_and_excel_errors() {
        let cols = columns(
            ImportKind::Filings,
            &["序号", "企业名称", "标准编号", "标准名称", "备案号", "备案日期", "作废原因"],
        );
        let totals = |cells: &[&str]| row(&Record::from_cells(cells), &cols).totals();
        assert_eq!(totals(&["合计", "", "", "", "", "", ""]), Some("合计".into()));
        assert_eq!(totals(&["", "总 计：", "", "12项", "", "", ""]), Some("总 计：".into()));
        assert_eq!(totals(&["Total (3)", "", "", "", "", "", ""]), Some("Total (3)".into()));
        assert_eq!(totals(&["小计", "", "", "", "", "2013-05-01", ""]), Some("小计".into()));
        // A record is not a totals row, whatever its first cell says.
        assert_eq!(totals(&["合计", "重庆甲", "", "", "", "", ""]), None);
        assert_eq!(totals(&["", "合计", "", "", "F1", "", ""]), None);
        assert_eq!(totals(&["", "合计公司", "", "", "", "", ""]), None);
        assert_eq!(totals(&["1", "重庆甲", "Q/JLP 1-2013", "t", "F1", "2013-05-01", ""]), None);
        let voided = Record::from_cells(&["1", "重庆甲", "Q/JLP 1-2013", "t", "F1", "2013-05-01", " 重复录入 "]);
        assert_eq!(row(&voided, &cols).voided(), Some("重复录入".into()));
        let live = Record::from_cells(&["1", "重庆甲", "Q/JLP 1-2013", "t", "F1", "2013-05-01", ""]);
        assert_eq!(row(&live, &cols).voided(), None);
        let na = Record::from_cells(&["1", "#N/A", "Q/JLP 1-2013", "t", "F1", "2013-05-01", ""]);
        let unit = check_unit(&row(&na, &cols), false);
        assert_eq!(unit.fields.unwrap_err()[0].msg, Msg::RowExcelError { value: "#N/A".into() });
    }

    #[test]
    fn code_shapes_read_codes_as_normalize_code_does() {
        for s in ["００２５１８０５－７", " 00251805-7 ", "002518057", "00251805\u{200B}-7", "0025 1805 7", "x"]
        {
            let code = ids::normalize_code(s);
            assert_eq!(code_chars(s).collect::<String>(), code, "{s:?}");
        }
        assert!(org_shaped("００２５１８０５－７") && org_shaped("002518057") && org_shaped(" 00251805-7"));
        assert!(!org_shaped("0025180-57") && !org_shaped("00251805--7") && !org_shaped("91110000600037341L"));
        assert!(uscc_shaped("９１１１００００６０００３７３４１ｌ") && !uscc_shaped("9111000060003734-1L"));
        assert!(same_code("00251805-7", "００２５１８０５７") && !same_code("00251805-7", "00251809-X"));
    }

    #[test]
    fn a_code_in_the_other_codes_column_is_taken_as_what_it_is() {
        let cols = columns(ImportKind::Units, &["name", "uscc", "org_code"]);
        let check = |uscc: &str, org: &str| check_unit(&row(&Record::from_cells(&["某公司", uscc, org]), &cols), false);
        let moved = check("00251805-7", "");
        let fields = moved.fields.clone().unwrap();
        assert_eq!((fields.uscc, fields.org_code.as_deref()), (None, Some("00251805-7")));
        assert_eq!(moved.warnings[0].place, Place::Field(Field::Uscc));
        assert_eq!(moved.warnings[0].msg, Msg::RowOrgCodeInUsccColumn { code: "00251805-7".into() });
        let same = check("002518057", "00251805-7").fields.unwrap();
        assert_eq!((same.uscc, same.org_code.as_deref()), (None, Some("00251805-7")));
        let moved = check("", "91110000600037341L");
        let fields = moved.fields.clone().unwrap();
        assert_eq!((fields.uscc.as_deref(), fields.org_code), (Some("91110000600037341L"), None));
        assert_eq!(moved.warnings[0].msg, Msg::RowUsccInOrgCodeColumn { code: "91110000600037341L".into() });
        // Its check is still made, and named in the column it was in.
        let bad = check("00251805-8", "").fields.unwrap_err();
        assert_eq!(bad[0].place, Place::Field(Field::Uscc));
        assert!(matches!(bad[0].msg, Msg::RowBadCheck { .. }), "{bad:?}");
        // Two different codes stay where they are, and are checked as such.
        let two = check("00251805-7", "00251809-X").fields.unwrap_err();
        assert!(matches!(&two[0].msg, Msg::RowCode { err: CodeError::Length { expected: 18, .. }, .. }), "{two:?}");
    }

    #[test]
    fn a_filing_row_in_other_spellings() {
        let cols = columns(ImportKind::Filings, &["enterprise", "standard_no", "title", "filing_no", "filed_on"]);
        let record =
            Record::from_cells(&["某公司", "q/jlp 001－2013", " 铝合金  型材 ", "５０１０７-1", "2013年5月1日"]);
        let mut errors = Vec::new();
        let v = check_filing(&row(&record, &cols), &mut errors).unwrap();
        assert_eq!(errors, vec![]);
        assert_eq!(
            v,
            FilingValues {
                number: "Q/JLP 001-2013".into(),
                title: "铝合金 型材".into(),
                filing_no: "50107-1".into(),
                filed_on: Date::from_ymd_opt(2013, 5, 1).unwrap(),
                remark: None,
            }
        );
    }

    #[test]
    fn cells_with_controls_or_too_long_are_named() {
        let cols = columns(ImportKind::Filings, &["企业名称", "标准编号", "标准名称", "备案号", "备案日期", "联系人"]);
        let long = "长".repeat(30_000);
        let record = Record::from_cells(&[
            "某公司\u{1b}[2J",
            "Q/JLP 1-2013",
            long.as_str(),
            "F\u{85}1",
            "2013-05-01",
            "binary\0junk",
        ]);
        let text = row(&record, &cols);
        let mut errors = Vec::new();
        assert_eq!(check_filing(&text, &mut errors), None);
        assert!(matches!(&errors[0].msg, Msg::RowCellTooLong { kib: 88, max_kib: 64, .. }), "{errors:?}");
        assert!(matches!(
            &errors[1],
            FieldError { place: Place::Field(Field::FilingNo), msg: Msg::RowControlChar { .. } }
        ));
        let unit = check_unit(&text, false);
        let errors = unit.fields.unwrap_err();
        assert!(matches!(&errors[0], FieldError { place: Place::Field(Field::Name), msg: Msg::RowControlChar { .. } }));
        assert_eq!(text.stray_zero_bytes().map(|e| e.place), Some(Place::Column(5)));
        // Tabs and line breaks inside a cell are text.
        let record = Record::from_cells(&["某\t公司\r\n", "Q/JLP 1-2013", "t", "F1", "2013-05-01", ""]);
        assert!(check_unit(&row(&record, &cols), false).fields.is_ok());
    }

    #[test]
    fn unit_codes_checked_with_excel_hint() {
        let cols = columns(ImportKind::Units, &["name", "uscc", "org_code", "kind"]);
        let check = |uscc: &str, org: &str, kind: &str, allow: bool| {
            let record = Record::from_cells(&["某公司", uscc, org, kind]);
            check_unit(&row(&record, &cols), allow)
        };
        let ok = check("９１１１００００６０００３７３４１Ｌ", "", "事业单位", false);
        let fields = ok.fields.unwrap();
        assert_eq!((fields.uscc.as_deref(), fields.kind), (Some("91110000600037341L"), Some(UnitKind::Institution)));
        let mangled = check("1.21200004013591E+17", "", "", false).fields.unwrap_err();
        assert!(matches!(&mangled[0].msg, Msg::RowCode { err: CodeError::ExcelMangled(_), .. }), "{mangled:?}");
        let bad = check("91110000600037341N", "", "", false).fields.unwrap_err();
        assert!(matches!(&bad[0].msg, Msg::RowBadCheck { .. }), "{bad:?}");
        let allowed = check("91110000600037341N", "", "", true);
        assert!(allowed.fields.is_ok());
        assert_eq!(allowed.warnings.len(), 1);
        let disagree = check("91110000600037341L", "00251805-7", "", false).fields.unwrap_err();
        assert_eq!(disagree[0].place, Place::Field(Field::OrgCode));
        assert!(matches!(&disagree[0].msg, Msg::RowCodesDisagree { .. }));
        // Unit kinds are the core's words: every spelling `add-unit` takes.
        for (word, kind) in
            [("机构", UnitKind::Institution), ("商会", UnitKind::Association), ("公司", UnitKind::Enterprise)]
        {
            assert_eq!(check("", "", word, false).fields.unwrap().kind, Some(kind), "{word}");
        }
        let kind = check("", "", "工厂", false).fields.unwrap_err();
        assert!(matches!(&kind[0].msg, Msg::RowWord { err } if err.value == "工厂"), "{kind:?}");
    }

    #[test]
    fn review_outcomes_in_both_languages() {
        let cols = columns(ImportKind::Reviews, &["企业名称", "标准编号", "复审日期", "复审结论"]);
        for (word, want) in [
            ("继续有效", Outcome::Confirm),
            ("确认", Outcome::Confirm),
            ("修订", Outcome::Revise),
            ("ABOLISH", Outcome::Abolish),
        ] {
            let record = Record::from_cells(&["某公司", "Q/JLP 001-2013", "2013.5.1", word]);
            let mut errors = Vec::new();
            let v = check_review(&row(&record, &cols), &mut errors).unwrap();
            assert_eq!(v.outcome, want);
        }
        let record = Record::from_cells(&["某公司", "Q/JLP 001-2013", "2013.5.1", "maybe"]);
        let mut errors = Vec::new();
        assert_eq!(check_review(&row(&record, &cols), &mut errors), None);
        assert_eq!(errors[0].place, Place::Field(Field::Outcome));
    }

    #[test]
    fn an_unclosed_quote_names_the_line_it_opens_on() {
        let cols = columns(ImportKind::Units, &["name", "industry", "location"]);
        let mut record = Record::from_cells(&["a\nb", "x", "\"open,\nmore,rows\n"]);
        record.line = 7;
        let e = row(&record, &cols).unclosed_quote().unwrap();
        assert_eq!(e, FieldError { place: Place::Column(2), msg: Msg::RowUnclosedQuote { opens: 8 } });
        // A tab in a cell of lines is text in a comma-separated file.
        let record = Record::from_cells(&["a", "x", "型材\t（A型）\n第二行"]);
        assert_eq!(row(&record, &cols).unclosed_quote(), None);
        // A workbook's cell holds any text.
        let record = Record::from_cells(&["a", "x", "第一行,\n第二行"]);
        let text = RowText { delimiter: None, ..row(&record, &cols) };
        assert_eq!(text.unclosed_quote(), None);
    }
}
