//! Checking one row: its fields turned into core values by the core checks (codes, standard
//! numbers, dates, outcome words), every fault collected with the field it concerns.
//! A few already-tidy spellings take a fast path that gives what the core check would.

use csv::ByteRecord;

use super::columns::{Columns, Field};
use crate::core::ids::{self, CodeError, DateError};
use crate::core::model::{Date, Level, Outcome, UnitKind, Words};

/// One fault of a row: the field (None for the row as a whole) and why, in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Option<Field>,
    pub message: String,
}

impl FieldError {
    pub fn new(field: Field, message: impl Into<String>) -> FieldError {
        FieldError { field: Some(field), message: message.into() }
    }
}

/// A row's fields by name.
pub struct RowText<'a> {
    pub record: &'a ByteRecord,
    pub columns: &'a Columns,
}

impl<'a> RowText<'a> {
    /// The raw bytes of a field; empty when the file has no such column or the row is short.
    pub fn bytes(&self, field: Field) -> &'a [u8] {
        self.columns.get(field).and_then(|i| self.record.get(i)).unwrap_or_default()
    }

    /// A field as text; text that did not decode is an error.
    pub fn text(&self, field: Field) -> Result<&'a str, FieldError> {
        let s = std::str::from_utf8(self.bytes(field)).map_err(|_| {
            FieldError::new(
                field,
                "is not valid UTF-8; if the file was saved as GBK (Excel's plain CSV), import it with --encoding gb18030",
            )
        })?;
        if s.contains('\u{FFFD}') {
            return Err(FieldError::new(
                field,
                format!(
                    "'{s}' has characters that could not be decoded (�); check the file's encoding or name it with --encoding"
                ),
            ));
        }
        Ok(s)
    }

    /// Every field empty or blank: Excel leaves such rows at the end of a sheet.
    pub fn is_blank(&self) -> bool {
        self.record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace))
    }

    /// Fields past the header that hold something.
    pub fn extra_fields(&self) -> Option<FieldError> {
        let width = self.columns.labels.len();
        let extra: Vec<String> = self
            .record
            .iter()
            .skip(width)
            .filter(|f| !f.iter().all(u8::is_ascii_whitespace))
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect();
        (!extra.is_empty()).then(|| FieldError {
            field: None,
            message: format!(
                "has {} fields but the header has {}; the extra values are {}",
                self.record.len(),
                width,
                extra.join(", ")
            ),
        })
    }
}

impl RowText<'_> {
    /// A value that runs over several lines and holds a separator is almost always several
    /// rows swallowed by a quote that was opened and never closed: refuse it rather than store
    /// three rows of CSV as one title.
    pub fn unclosed_quote(&self) -> Option<FieldError> {
        self.record.iter().enumerate().find_map(|(i, f)| {
            let runs_over = f.contains(&b'\n') || f.contains(&b'\r');
            (runs_over && (f.contains(&b',') || f.contains(&b'\t'))).then(|| FieldError {
                field: None,
                message: format!(
                    "column {}: the value runs over several lines and holds a separator, so a quote (\") was \
                     probably opened and not closed; the rows up to the next quote were read as this one",
                    self.columns.labels.get(i).map_or("?", String::as_str)
                ),
            })
        })
    }
}

// ----- free text -----

/// Tidied text, as `ids::clean_text` gives it; text with no space of any kind is returned as is.
pub fn tidy(s: &str) -> Option<String> {
    if !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}') {
        return Some(s.to_string());
    }
    ids::clean_text(s)
}

fn required_text(row: &RowText, field: Field, what: &str, errors: &mut Vec<FieldError>) -> Option<String> {
    let s = row.text(field).map_err(|e| errors.push(e)).ok()?;
    let t = tidy(s);
    if t.is_none() {
        errors.push(FieldError::new(field, format!("the {what} is empty")));
    }
    t
}

fn optional_text(row: &RowText, field: Field, errors: &mut Vec<FieldError>) -> Option<String> {
    row.text(field).map_err(|e| errors.push(e)).ok().and_then(tidy)
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

fn required_date(row: &RowText, field: Field, errors: &mut Vec<FieldError>) -> Option<Date> {
    let s = row.text(field).map_err(|e| errors.push(e)).ok()?;
    match date(s) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(FieldError::new(field, date_message(s.trim(), &e)));
            None
        }
    }
}

fn date_message(raw: &str, e: &DateError) -> String {
    match e {
        DateError::Empty => "the date is empty; expected a date such as 2013-05-01".to_string(),
        DateError::Impossible { .. } => e.to_string(),
        DateError::Unrecognised => {
            // Excel shows a date cell formatted as General as its serial day number.
            let serial = raw.len() == 5 && raw.bytes().all(|b| b.is_ascii_digit());
            if serial {
                format!(
                    "'{raw}' looks like a date Excel turned into a number; format the column as a date \
                     (yyyy-mm-dd) or as text, and save again"
                )
            } else {
                format!(
                    "'{raw}' is not a date; write it as 2013-05-01 (2013/5/1, 2013.5.1, 20130501 and 2013年5月1日 also work)"
                )
            }
        }
    }
}

// ----- codes -----

/// `ids::check_uscc_lenient` or `ids::check_org_code_lenient`: the code, and a wrong check
/// character as a warning.
type CodeCheck = fn(&str) -> Result<(String, Option<CodeError>), CodeError>;

fn code(
    row: &RowText,
    field: Field,
    check: CodeCheck,
    allow_bad_check: bool,
    errors: &mut Vec<FieldError>,
    warnings: &mut Vec<FieldError>,
) -> Option<String> {
    let raw = row.text(field).map_err(|e| errors.push(e)).ok()?.trim();
    if ids::normalize_code(raw).is_empty() {
        return None;
    }
    match check(raw) {
        Ok((code, None)) => Some(code),
        Ok((code, Some(bad))) if allow_bad_check => {
            warnings.push(FieldError::new(field, format!("{code}: {bad}; kept because --allow-bad-check was given")));
            Some(code)
        }
        Ok((code, Some(bad))) => {
            errors.push(FieldError::new(
                field,
                format!(
                    "{code}: {bad}; if the code is really printed so (early pilot codes fail the check), \
                     import with --allow-bad-check"
                ),
            ));
            None
        }
        Err(e) => {
            errors.push(FieldError::new(field, format!("'{raw}': {e}")));
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

/// Unit kinds in English or as Chinese clerks write them.
pub fn unit_kind(s: &str) -> Option<UnitKind> {
    let t = ids::to_halfwidth(s).trim().to_ascii_lowercase();
    let kind = match t.as_str() {
        "企业" => UnitKind::Enterprise,
        "事业单位" | "机构" => UnitKind::Institution,
        "社会团体" | "社团" | "协会" | "学会" | "商会" => UnitKind::Association,
        "政府部门" | "部门" | "机关" | "行政机关" => UnitKind::Department,
        "其他" | "其它" => UnitKind::Other,
        other => return other.parse().ok(),
    };
    Some(kind)
}

pub fn check_unit(row: &RowText, allow_bad_check: bool) -> UnitCheck {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let name = required_text(row, Field::Name, "unit name", &mut errors);
    let uscc = code(row, Field::Uscc, ids::check_uscc_lenient, allow_bad_check, &mut errors, &mut warnings);
    let org_code = code(row, Field::OrgCode, ids::check_org_code_lenient, allow_bad_check, &mut errors, &mut warnings);
    if let (Some(u), Some(o)) = (&uscc, &org_code) {
        let inside = ids::org_code_in_uscc(u);
        if inside.as_deref() != Some(o.as_str()) {
            errors.push(FieldError::new(
                Field::OrgCode,
                format!(
                    "{o} is not the organisation code inside USCC {u} ({}); correct one of them or leave this one empty",
                    inside.unwrap_or_default()
                ),
            ));
        }
    }
    let kind = match row.text(Field::Kind) {
        Ok(k) if k.trim().is_empty() => None,
        Ok(k) => unit_kind(k).or_else(|| {
            errors.push(FieldError::new(
                Field::Kind,
                format!(
                    "'{}' is not one of {} (企业, 事业单位, 社会团体, 政府部门, 其他)",
                    k.trim(),
                    UnitKind::names().join(", ")
                ),
            ));
            None
        }),
        Err(e) => {
            errors.push(e);
            None
        }
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

fn enterprise_number(row: &RowText, errors: &mut Vec<FieldError>) -> Option<String> {
    let field = Field::StandardNo;
    let raw = row.text(field).map_err(|e| errors.push(e)).ok()?;
    if ids::is_canonical_enterprise_number(raw) {
        return Some(raw.to_string());
    }
    let message = match ids::classify_standard_number(raw, &[]) {
        Ok((n, Level::Enterprise)) => return Some(n),
        Ok((n, level)) => format!("{n} is a {level} standard, not an enterprise standard (Q/...)"),
        Err(ids::StdNumberError::Empty) => {
            "the standard number is empty; an enterprise standard number looks like Q/JLP 001-2013".to_string()
        }
        Err(e) => format!("'{}': {e}; an enterprise standard number looks like Q/JLP 001-2013", raw.trim()),
    };
    errors.push(FieldError::new(field, message));
    None
}

/// A filing row's own fields (its unit is checked apart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilingValues {
    pub number: String,
    pub title: String,
    pub filing_no: String,
    pub filed_on: Date,
}

pub fn check_filing(row: &RowText, errors: &mut Vec<FieldError>) -> Option<FilingValues> {
    let number = enterprise_number(row, errors);
    let title = required_text(row, Field::Title, "standard title", errors);
    let filing_no = row.text(Field::FilingNo).map_err(|e| errors.push(e)).ok().map(code_text);
    if filing_no.as_deref() == Some("") {
        errors.push(FieldError::new(Field::FilingNo, "the filing number is empty"));
    }
    let filed_on = required_date(row, Field::FiledOn, errors);
    match (number, title, filing_no, filed_on) {
        (Some(number), Some(title), Some(filing_no), Some(filed_on)) if !filing_no.is_empty() => {
            Some(FilingValues { number, title, filing_no, filed_on })
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
}

pub fn check_review(row: &RowText, errors: &mut Vec<FieldError>) -> Option<ReviewValues> {
    let number = enterprise_number(row, errors);
    let reviewed_on = required_date(row, Field::ReviewedOn, errors);
    let outcome = match row.text(Field::Outcome) {
        Ok(s) => Outcome::parse_word(s).ok().or_else(|| {
            let message = if s.trim().is_empty() {
                "the outcome is empty; write confirm, revise or abolish (继续有效, 修订, 废止)".to_string()
            } else {
                format!("'{}' is not one of confirm, revise, abolish (继续有效, 确认, 修订, 废止)", s.trim())
            };
            errors.push(FieldError::new(Field::Outcome, message));
            None
        }),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let filing_no = row.text(Field::FilingNo).map_err(|e| errors.push(e)).ok().map(code_text);
    Some(ReviewValues {
        number: number?,
        filing_no: filing_no.filter(|s| !s.is_empty()),
        reviewed_on: reviewed_on?,
        outcome: outcome?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::ImportKind;

    fn columns(kind: ImportKind, header: &[&str]) -> Columns {
        Columns::map(kind, &header.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
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
    }

    #[test]
    fn a_filing_row_with_every_fault_named() {
        let cols = columns(ImportKind::Filings, &["企业名称", "标准编号", "标准名称", "备案号", "备案日期"]);
        let record = ByteRecord::from(vec!["某公司", "GB/T 1.1-2020", " ", "", "41395"]);
        let row = RowText { record: &record, columns: &cols };
        let mut errors = Vec::new();
        assert_eq!(check_filing(&row, &mut errors), None);
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![Some(Field::StandardNo), Some(Field::Title), Some(Field::FilingNo), Some(Field::FiledOn)]
        );
        assert!(errors[0].message.contains("national standard"), "{:?}", errors[0]);
        assert!(errors[3].message.contains("Excel"), "{:?}", errors[3]);
    }

    #[test]
    fn a_filing_row_in_other_spellings() {
        let cols = columns(ImportKind::Filings, &["enterprise", "standard_no", "title", "filing_no", "filed_on"]);
        let record =
            ByteRecord::from(vec!["某公司", "q/jlp 001－2013", " 铝合金  型材 ", "５０１０７-1", "2013年5月1日"]);
        let row = RowText { record: &record, columns: &cols };
        let mut errors = Vec::new();
        let v = check_filing(&row, &mut errors).unwrap();
        assert_eq!(errors, vec![]);
        assert_eq!(
            v,
            FilingValues {
                number: "Q/JLP 001-2013".into(),
                title: "铝合金 型材".into(),
                filing_no: "50107-1".into(),
                filed_on: Date::from_ymd_opt(2013, 5, 1).unwrap(),
            }
        );
    }

    #[test]
    fn unit_codes_checked_with_excel_hint() {
        let cols = columns(ImportKind::Units, &["name", "uscc", "org_code", "kind"]);
        let check = |uscc: &str, org: &str, kind: &str, allow: bool| {
            let record = ByteRecord::from(vec!["某公司", uscc, org, kind]);
            check_unit(&RowText { record: &record, columns: &cols }, allow)
        };
        let ok = check("９１１１００００６０００３７３４１Ｌ", "", "事业单位", false);
        let fields = ok.fields.unwrap();
        assert_eq!((fields.uscc.as_deref(), fields.kind), (Some("91110000600037341L"), Some(UnitKind::Institution)));
        let mangled = check("1.21200004013591E+17", "", "", false).fields.unwrap_err();
        assert!(mangled[0].message.contains("format the column as text"), "{mangled:?}");
        let bad = check("91110000600037341N", "", "", false).fields.unwrap_err();
        assert!(bad[0].message.contains("--allow-bad-check"), "{bad:?}");
        let allowed = check("91110000600037341N", "", "", true);
        assert!(allowed.fields.is_ok());
        assert_eq!(allowed.warnings.len(), 1);
        let disagree = check("91110000600037341L", "00251805-7", "", false).fields.unwrap_err();
        assert_eq!(disagree[0].field, Some(Field::OrgCode));
        let kind = check("", "", "公司", false).fields.unwrap_err();
        assert!(kind[0].message.contains("'公司' is not one of"), "{kind:?}");
    }

    #[test]
    fn review_outcomes_in_both_languages() {
        let cols = columns(ImportKind::Reviews, &["企业名称", "标准编号", "复审日期", "复审结论"]);
        for (word, want) in [("继续有效", Outcome::Confirm), ("修订", Outcome::Revise), ("ABOLISH", Outcome::Abolish)]
        {
            let record = ByteRecord::from(vec!["某公司", "Q/JLP 001-2013", "2013.5.1", word]);
            let mut errors = Vec::new();
            let v = check_review(&RowText { record: &record, columns: &cols }, &mut errors).unwrap();
            assert_eq!(v.outcome, want);
        }
        let record = ByteRecord::from(vec!["某公司", "Q/JLP 001-2013", "2013.5.1", "maybe"]);
        let mut errors = Vec::new();
        assert_eq!(check_review(&RowText { record: &record, columns: &cols }, &mut errors), None);
        assert_eq!(errors[0].field, Some(Field::Outcome));
    }
}
