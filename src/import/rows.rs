//! Checking one row: its fields turned into core values by the core checks (codes and their
//! agreement, standard numbers, dates, enum words), every fault collected as a `Msg` with the
//! place it concerns. A few already-tidy spellings take a fast path that gives what the core
//! check would (each is tested against it).

use super::columns::{Columns, Field, Place};
use super::parse::{Cut, MAX_CELLS, MAX_ROW_BYTES, Record};
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
    /// The file's delimiter (comma or tab).
    pub delimiter: u8,
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
        let at = self.record.iter().position(|f| {
            let runs_over = f.contains(&b'\n') || f.contains(&b'\r');
            runs_over && f.contains(&self.delimiter)
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
    if !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}') {
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

fn required_date(row: &RowText, field: Field, errors: &mut Vec<FieldError>) -> Option<Date> {
    let s = row.field(field, errors)?;
    match date(s) {
        Ok(d) => Some(d),
        Err(err) => {
            let raw = s.trim();
            // Excel shows a date cell formatted as General as its serial day number.
            let serial = raw.len() == 5 && raw.bytes().all(|b| b.is_ascii_digit());
            let msg = if serial && err == DateError::Unrecognised {
                Msg::RowDateSerial { value: V::from(raw) }
            } else {
                Msg::RowDate { value: V::from(raw), err }
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
    row: &RowText,
    field: Field,
    check: CodeCheck,
    allow_bad_check: bool,
    errors: &mut Vec<FieldError>,
    warnings: &mut Vec<FieldError>,
) -> Option<String> {
    let raw = row.field(field, errors)?.trim();
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

pub fn check_unit(row: &RowText, allow_bad_check: bool) -> UnitCheck {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let name = required_text(row, Field::Name, &mut errors);
    let uscc = code(row, Field::Uscc, ids::check_uscc_lenient, allow_bad_check, &mut errors, &mut warnings);
    let org_code = code(row, Field::OrgCode, ids::check_org_code_lenient, allow_bad_check, &mut errors, &mut warnings);
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
}

pub fn check_filing(row: &RowText, errors: &mut Vec<FieldError>) -> Option<FilingValues> {
    let number = enterprise_number(row, errors);
    let title = required_text(row, Field::Title, errors);
    let filing_no = row.field(Field::FilingNo, errors).map(code_text);
    if filing_no.as_deref() == Some("") {
        errors.push(FieldError::new(Field::FilingNo, Msg::RowEmpty));
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
    use crate::core::model::Level;
    use crate::import::ImportKind;

    fn columns(kind: ImportKind, header: &[&str]) -> Columns {
        Columns::map(kind, &header.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
    }

    fn row<'a>(record: &'a Record, columns: &'a Columns) -> RowText<'a> {
        RowText { record, columns, encoding: "UTF-8", delimiter: b',' }
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
        assert_eq!(places, vec![f(Field::StandardNo), f(Field::Title), f(Field::FilingNo), f(Field::FiledOn)]);
        assert_eq!(
            errors[0].msg,
            Msg::RowNotEnterpriseNumber { number: "GB/T 1.1-2020".into(), level: Level::National }
        );
        assert_eq!(errors[1].msg, Msg::RowEmpty);
        assert_eq!(errors[3].msg, Msg::RowDateSerial { value: "41395".into() });
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
            }
        );
    }

    #[test]
    fn cells_with_controls_or_too_long_are_named() {
        let cols = columns(ImportKind::Filings, &["企业名称", "标准编号", "标准名称", "备案号", "备案日期", "备注"]);
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
    }
}
