//! Header mapping: which column holds which field, by name in English or Chinese, in any
//! order (CLI.md "Import"). Spaces, a BOM, full-width letters and case in a header are ignored.
//! A rejects file's `error` (or `错误`) column is recognised and skipped.

use super::ImportKind;
use crate::core::ids;
use crate::error::{Msg, V};
use crate::render::Lang;

/// A value an import reads from a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The unit's name (企业名称 / 单位名称).
    Name,
    Uscc,
    OrgCode,
    Industry,
    Kind,
    Location,
    StandardNo,
    Title,
    FilingNo,
    FiledOn,
    ReviewedOn,
    Outcome,
}

struct Spec {
    field: Field,
    /// The English name of CLI.md first, then the Chinese ones clerks use.
    names: &'static [&'static str],
    required: bool,
}

const fn spec(field: Field, names: &'static [&'static str], required: bool) -> Spec {
    Spec { field, names, required }
}

const ENTERPRISE: &[&str] = &["enterprise", "企业名称", "单位名称"];
const USCC: &[&str] = &["uscc", "统一社会信用代码", "社会信用代码"];
const ORG_CODE: &[&str] = &["org_code", "组织机构代码"];
const INDUSTRY: &[&str] = &["industry", "行业", "所属行业"];
const STANDARD_NO: &[&str] = &["standard_no", "标准编号", "标准号"];
const FILING_NO: &[&str] = &["filing_no", "备案号", "备案编号"];

const FILINGS: &[Spec] = &[
    spec(Field::Name, ENTERPRISE, true),
    spec(Field::StandardNo, STANDARD_NO, true),
    spec(Field::Title, &["title", "标准名称"], true),
    spec(Field::FilingNo, FILING_NO, true),
    spec(Field::FiledOn, &["filed_on", "备案日期"], true),
    spec(Field::Uscc, USCC, false),
    spec(Field::OrgCode, ORG_CODE, false),
    spec(Field::Industry, INDUSTRY, false),
];

const REVIEWS: &[Spec] = &[
    spec(Field::Name, ENTERPRISE, true),
    spec(Field::StandardNo, STANDARD_NO, true),
    spec(Field::ReviewedOn, &["reviewed_on", "复审日期"], true),
    spec(Field::Outcome, &["outcome", "复审结论"], true),
    spec(Field::Uscc, USCC, false),
    spec(Field::OrgCode, ORG_CODE, false),
    spec(Field::FilingNo, FILING_NO, false),
];

const UNITS: &[Spec] = &[
    spec(Field::Name, &["name", "单位名称", "企业名称", "enterprise"], true),
    spec(Field::Uscc, USCC, false),
    spec(Field::OrgCode, ORG_CODE, false),
    spec(Field::Kind, &["kind", "单位类型"], false),
    spec(Field::Industry, INDUSTRY, false),
    spec(Field::Location, &["location", "所在地"], false),
];

fn specs(kind: ImportKind) -> &'static [Spec] {
    match kind {
        ImportKind::Filings => FILINGS,
        ImportKind::Reviews => REVIEWS,
        ImportKind::Units => UNITS,
    }
}

/// The column a rejects file adds, in each language; read back, it is ignored without a
/// warning, and a rejects file imported again keeps its own.
pub const ERROR_COLUMN: &str = "error";
pub const ERROR_COLUMN_ZH: &str = "错误";

/// The header of the error column a rejects file adds.
pub fn error_header(lang: Lang) -> &'static str {
    lang.pick(ERROR_COLUMN_ZH, ERROR_COLUMN)
}

/// A header reduced for comparing: half-width, no spaces, underscores or hyphens, lower
/// case, no trailing `*` (a "required" mark in templates).
fn header_key(s: &str) -> String {
    ids::name_key(s).chars().filter(|c| !matches!(c, '_' | '-')).collect::<String>().trim_end_matches('*').to_string()
}

/// Where a fault is: the row as a whole, the column holding a field, or a column by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Row,
    Field(Field),
    Column(usize),
}

/// Which column holds each field, and the header texts for messages.
#[derive(Debug, Clone)]
pub struct Columns {
    /// Each column's header as written (tidied), or `#N` for an empty one.
    pub labels: Vec<String>,
    slots: Vec<(Field, usize)>,
    /// Headers of the columns this import does not use.
    pub ignored: Vec<String>,
    /// The `error` column of a rejects file read back, if any.
    pub error_column: Option<usize>,
}

impl Columns {
    /// The columns of a header, or why the header cannot be used (nothing has been read past
    /// line 1 then).
    pub fn map(kind: ImportKind, header: &[String]) -> Result<Columns, Msg> {
        let labels: Vec<String> = header
            .iter()
            .enumerate()
            .map(|(i, h)| ids::clean_text(h).unwrap_or_else(|| format!("#{}", i + 1)))
            .collect();
        if header.iter().all(|h| ids::clean_text(h).is_none()) {
            return Err(Msg::ImportEmptyFile);
        }
        let specs = specs(kind);
        let mut slots: Vec<(Field, usize)> = Vec::new();
        let mut ignored = Vec::new();
        let mut error_column = None;
        let error_keys = [header_key(ERROR_COLUMN), header_key(ERROR_COLUMN_ZH)];
        for (i, h) in header.iter().enumerate() {
            let key = header_key(h);
            let found = specs.iter().find(|s| s.names.iter().any(|n| header_key(n) == key));
            match found {
                Some(s) => {
                    if let Some(&(_, first)) = slots.iter().find(|(f, _)| *f == s.field) {
                        return Err(Msg::ImportColumnTwice {
                            field: s.names[0].into(),
                            first: V::from(&labels[first]),
                            second: V::from(&labels[i]),
                        });
                    }
                    slots.push((s.field, i));
                }
                None if error_keys.contains(&key) => error_column = Some(i),
                None if key.is_empty() => {}
                None => ignored.push(labels[i].clone()),
            }
        }
        let missing: Vec<(String, String)> = specs
            .iter()
            .filter(|s| s.required && !slots.iter().any(|(f, _)| *f == s.field))
            .map(|s| (s.names[1].to_string(), s.names[0].to_string()))
            .collect();
        if !missing.is_empty() {
            return Err(Msg::ImportMissingColumns {
                kind: kind.as_str().into(),
                missing,
                found: labels.iter().map(V::from).collect(),
                undecoded: None,
            });
        }
        Ok(Columns { labels, slots, ignored, error_column })
    }

    /// The column holding `field`, if the file has one.
    pub fn get(&self, field: Field) -> Option<usize> {
        self.slots.iter().find(|(f, _)| *f == field).map(|&(_, i)| i)
    }

    /// Whether column `i` holds a field this import reads.
    pub fn is_used(&self, i: usize) -> bool {
        self.slots.iter().any(|&(_, at)| at == i)
    }

    /// The column of a place, if it is one the file has.
    pub fn index(&self, place: Place) -> Option<usize> {
        match place {
            Place::Row => None,
            Place::Field(f) => self.get(f),
            Place::Column(i) => Some(i),
        }
    }

    /// The header text of a place (for messages): the header as written, or the field's
    /// English name when the file has no such column; None for the row as a whole.
    pub fn label(&self, place: Place) -> Option<&str> {
        match place {
            Place::Row => None,
            Place::Field(f) => Some(self.label_of(f)),
            Place::Column(i) => Some(self.labels.get(i).map_or("?", String::as_str)),
        }
    }

    /// The header text of the column holding `field` (for messages); the English name when
    /// the file has no such column.
    pub fn label_of(&self, field: Field) -> &str {
        match self.get(field) {
            Some(i) => &self.labels[i],
            None => self.english(field),
        }
    }

    fn english(&self, field: Field) -> &'static str {
        [FILINGS, REVIEWS, UNITS].iter().flat_map(|s| s.iter()).find(|s| s.field == field).map_or("?", |s| s.names[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_in_either_language_any_order() {
        let header = strings(&[
            "\u{feff} 备案日期 ",
            "Filing_No",
            "ＴＩＴＬＥ",
            "备注",
            "标准编号",
            "企业名称",
            "联系人",
            "error",
        ]);
        let c = Columns::map(ImportKind::Filings, &header).unwrap();
        assert_eq!(c.get(Field::FiledOn), Some(0));
        assert_eq!(c.get(Field::FilingNo), Some(1));
        assert_eq!(c.get(Field::Title), Some(2));
        assert_eq!(c.get(Field::StandardNo), Some(4));
        assert_eq!(c.get(Field::Name), Some(5));
        assert_eq!(c.get(Field::Uscc), None);
        assert_eq!(c.ignored, strings(&["备注", "联系人"]));
        assert_eq!(c.error_column, Some(7));
        assert_eq!(c.label_of(Field::FiledOn), "备案日期");
        assert_eq!(c.label_of(Field::FilingNo), "Filing_No");
    }

    #[test]
    fn missing_and_doubled_columns_are_named() {
        let e = Columns::map(ImportKind::Filings, &strings(&["企业名称", "标准编号", "标准名称"])).unwrap_err();
        let text = crate::render::messages::text(&e, Lang::En);
        assert!(text.contains("备案号 (filing_no), 备案日期 (filed_on)"), "{text}");
        let text = crate::render::messages::text(&e, Lang::Zh);
        assert!(text.contains("文件缺少备案导入所需的列 备案号（filing_no）、备案日期（filed_on）"), "{text}");
        let e = Columns::map(ImportKind::Units, &strings(&["name", "单位名称"])).unwrap_err();
        assert_eq!(e, Msg::ImportColumnTwice { field: "name".into(), first: "name".into(), second: "单位名称".into() });
        assert_eq!(Columns::map(ImportKind::Units, &strings(&["", " "])).unwrap_err(), Msg::ImportEmptyFile);
        // A rejects file's error column in either language is recognised.
        let c = Columns::map(ImportKind::Units, &strings(&["单位名称", "错误"])).unwrap();
        assert_eq!((c.error_column, c.ignored.len()), (Some(1), 0));
    }
}
