//! Header mapping: which column holds which field, by name in English or Chinese, in any
//! order (CLI.md "Import"). A header is compared as a key: half-width, lower case, without
//! spaces, `_`, `-`, a trailing `*` (a "required" mark in templates) or `:`, and without a
//! bracketed addition (`统一社会信用代码（组织机构代码）`, `备案日期（年月日）`).
//!
//! Each field has a list of names clerks' registers use for it (`SYNONYMS`, kept in step with
//! docs/reference.md "Import"). A header naming a field another kind of import reads is ignored
//! with the usual warning; the columns `list --excel` and `--format xlsx` add (编号/id, 单位编号/
//! unit_id, 导入批次/batch, 已合并到/merged_into) and a 序号 column are ignored without one. A header that names no
//! field but speaks of a code (代码, 编号, code) is an error: a code column is never dropped
//! silently. A rejects file's `error` (or `错误`) column is recognised and skipped.

use super::ImportKind;
use crate::core::ids;
use crate::error::{Msg, V};
use crate::render::Lang;

/// A value an import reads from a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
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
    /// 备注: kept on the filing or review.
    Remark,
    /// 作废原因 of an export: a row holding one is a voided record, not imported.
    Voided,
}

/// How many fields there are (`Field as usize` is below it).
const FIELDS: usize = Field::Voided as usize + 1;

/// Every name each field is known by, English first. Compared as header keys, so spacing,
/// case, full-width letters and bracketed additions do not matter.
pub const SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::Name,
        &[
            "enterprise",
            "name",
            "unit",
            "企业名称",
            "单位名称",
            "企业",
            "单位",
            "企业全称",
            "单位全称",
            "公司名称",
            "申报单位",
            "备案单位",
            "备案企业",
            "生产企业",
        ],
    ),
    (
        Field::Uscc,
        &[
            "uscc",
            "credit code",
            "unified social credit code",
            "统一社会信用代码",
            "社会信用代码",
            "信用代码",
            "统一信用代码",
            "统一代码",
            "社会统一信用代码",
        ],
    ),
    (Field::OrgCode, &["org_code", "organisation code", "organization code", "组织机构代码", "机构代码", "组织代码"]),
    (Field::Industry, &["industry", "行业", "所属行业", "行业类别", "行业分类"]),
    (Field::Kind, &["kind", "单位类型", "单位性质", "类型"]),
    (Field::Location, &["location", "address", "所在地", "地址", "所在地区", "所在镇街", "单位地址", "企业地址"]),
    (
        Field::StandardNo,
        &["standard_no", "standard number", "number", "标准编号", "标准号", "企业标准编号", "企业标准号", "标准代号"],
    ),
    (Field::Title, &["title", "standard title", "标准名称", "产品名称", "企业标准名称", "标准名"]),
    (Field::FilingNo, &["filing_no", "filing number", "备案号", "备案编号", "备案登记号"]),
    (Field::FiledOn, &["filed_on", "filed", "filing date", "备案日期", "备案时间", "登记日期", "备案登记日期"]),
    (Field::ReviewedOn, &["reviewed_on", "reviewed", "review date", "复审日期", "复审时间"]),
    (Field::Outcome, &["outcome", "result", "复审结论", "复审结果", "结论"]),
    (Field::Remark, &["remark", "remarks", "note", "notes", "备注", "说明", "备注说明"]),
    (Field::Voided, &["voided", "作废原因"]),
];

/// Columns recognised and ignored without a warning: the ids and batch `list` exports carry,
/// and the row number registers start with.
const IGNORED: &[&str] = &["id", "编号", "unit_id", "单位编号", "batch", "导入批次", "merged_into", "已合并到", "序号"];

/// Words that make an unknown header a code column, refused rather than dropped.
const CODE_WORDS: &[&str] = &["代码", "编号", "code"];

struct Spec {
    field: Field,
    /// How messages name the column: (English, Chinese).
    en: &'static str,
    zh: &'static str,
    required: bool,
}

const fn spec(field: Field, en: &'static str, zh: &'static str, required: bool) -> Spec {
    Spec { field, en, zh, required }
}

const FILINGS: &[Spec] = &[
    spec(Field::Name, "enterprise", "企业名称", true),
    spec(Field::StandardNo, "standard_no", "标准编号", true),
    spec(Field::Title, "title", "标准名称", true),
    spec(Field::FilingNo, "filing_no", "备案号", true),
    spec(Field::FiledOn, "filed_on", "备案日期", true),
    spec(Field::Uscc, "uscc", "统一社会信用代码", false),
    spec(Field::OrgCode, "org_code", "组织机构代码", false),
    spec(Field::Industry, "industry", "行业", false),
    spec(Field::Remark, "remark", "备注", false),
    spec(Field::Voided, "voided", "作废原因", false),
];

const REVIEWS: &[Spec] = &[
    spec(Field::Name, "enterprise", "企业名称", true),
    spec(Field::StandardNo, "standard_no", "标准编号", true),
    spec(Field::ReviewedOn, "reviewed_on", "复审日期", true),
    spec(Field::Outcome, "outcome", "复审结论", true),
    spec(Field::Uscc, "uscc", "统一社会信用代码", false),
    spec(Field::OrgCode, "org_code", "组织机构代码", false),
    spec(Field::FilingNo, "filing_no", "备案号", false),
    spec(Field::Remark, "remark", "备注", false),
    spec(Field::Voided, "voided", "作废原因", false),
];

const UNITS: &[Spec] = &[
    spec(Field::Name, "name", "单位名称", true),
    spec(Field::Uscc, "uscc", "统一社会信用代码", false),
    spec(Field::OrgCode, "org_code", "组织机构代码", false),
    spec(Field::Kind, "kind", "单位类型", false),
    spec(Field::Industry, "industry", "行业", false),
    spec(Field::Location, "location", "所在地", false),
    spec(Field::Voided, "voided", "作废原因", false),
];

fn specs(kind: ImportKind) -> &'static [Spec] {
    match kind {
        ImportKind::Filings => FILINGS,
        ImportKind::Reviews => REVIEWS,
        ImportKind::Units => UNITS,
    }
}

/// The header an import of `kind` gives `field` in `lang`: what `list --excel` and
/// `--format xlsx` write, so an export is imported back as it is. None for a field the kind
/// does not read.
pub fn header_of(kind: ImportKind, field: Field, lang: Lang) -> Option<&'static str> {
    specs(kind).iter().find(|s| s.field == field).map(|s| lang.pick(s.zh, s.en))
}

/// The column a rejects file adds, in each language; read back, it is ignored without a
/// warning, and a rejects file imported again keeps its own.
pub const ERROR_COLUMN: &str = "error";
pub const ERROR_COLUMN_ZH: &str = "错误";

/// The header of the error column a rejects file adds.
pub fn error_header(lang: Lang) -> &'static str {
    lang.pick(ERROR_COLUMN_ZH, ERROR_COLUMN)
}

/// A header reduced for comparing: half-width, lower case, without spaces, `_`, `-`, a
/// trailing `*` or colon, and without brackets and what they hold (unless that is all).
pub fn header_key(s: &str) -> String {
    let half = ids::to_halfwidth(s);
    let mut outside = String::new();
    let mut depth = 0usize;
    for c in half.chars() {
        match c {
            '(' | '[' | '【' | '〔' => depth += 1,
            ')' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
            c if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let tidy = |t: &str| -> String {
        let key: String = ids::name_key(t).chars().filter(|c| !matches!(c, '_' | '-')).collect();
        key.trim_end_matches(['*', ':', '：']).to_string()
    };
    let key = tidy(&outside);
    if key.is_empty() { tidy(&half) } else { key }
}

/// The field a header names, in any kind of import.
fn field_named(key: &str) -> Option<Field> {
    SYNONYMS.iter().find(|(_, names)| names.iter().any(|n| header_key(n) == key)).map(|&(f, _)| f)
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
    /// The column of each field, by `Field as usize`: a row's fields are looked up for every
    /// row, so without a search.
    at: [Option<usize>; FIELDS],
    /// Headers of the columns this import does not use.
    pub ignored: Vec<String>,
    /// The `error` column of a rejects file read back, if any.
    pub error_column: Option<usize>,
    kind: ImportKind,
}

impl Columns {
    /// The columns of a header row (on `line`), or why it cannot be used. A row that lacks a
    /// required column is `ImportMissingColumns` (the header may be further down); one that has
    /// them all but names a field twice, or has a code column the import cannot place, is the
    /// header and is refused.
    pub fn map(kind: ImportKind, header: &[String], line: u64, sheet: bool) -> Result<Columns, Msg> {
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
        let mut twice = None;
        let mut unknown_code = None;
        let error_keys = [header_key(ERROR_COLUMN), header_key(ERROR_COLUMN_ZH)];
        let ignored_keys: Vec<String> = IGNORED.iter().map(|n| header_key(n)).collect();
        for (i, h) in header.iter().enumerate() {
            let key = header_key(h);
            if key.is_empty() {
                continue;
            }
            let field = field_named(&key);
            match field.and_then(|f| specs.iter().find(|s| s.field == f)) {
                Some(s) => match slots.iter().find(|(f, _)| *f == s.field) {
                    // A second remark column (备注 and 说明) is not a conflict: the first is kept.
                    Some(_) if s.field == Field::Remark => ignored.push(labels[i].clone()),
                    Some(&(_, first)) => {
                        twice.get_or_insert(Msg::ImportColumnTwice {
                            line,
                            sheet,
                            field: s.en.into(),
                            first: V::from(&labels[first]),
                            second: V::from(&labels[i]),
                        });
                    }
                    None => slots.push((s.field, i)),
                },
                None if field.is_some() => ignored.push(labels[i].clone()),
                None if error_keys.contains(&key) => error_column = Some(i),
                None if ignored_keys.contains(&key) => {}
                None if CODE_WORDS.iter().any(|w| key.contains(w)) => {
                    unknown_code.get_or_insert(i);
                }
                None => ignored.push(labels[i].clone()),
            }
        }
        let missing: Vec<(String, String)> = specs
            .iter()
            .filter(|s| s.required && !slots.iter().any(|(f, _)| *f == s.field))
            .map(|s| (s.zh.to_string(), s.en.to_string()))
            .collect();
        if !missing.is_empty() {
            return Err(Msg::ImportMissingColumns {
                line,
                sheet,
                kind: kind.as_str().into(),
                missing,
                found: labels.iter().map(V::from).collect(),
                undecoded: None,
            });
        }
        if let Some(msg) = twice {
            return Err(msg);
        }
        if let Some(i) = unknown_code {
            let known = specs.iter().map(|s| s.zh.to_string()).collect();
            return Err(Msg::ImportUnknownCodeColumn {
                line,
                sheet,
                kind: kind.as_str().into(),
                column: V::from(&labels[i]),
                known,
            });
        }
        let mut at = [None; FIELDS];
        for &(f, i) in &slots {
            at[f as usize] = Some(i);
        }
        Ok(Columns { labels, slots, at, ignored, error_column, kind })
    }

    /// How many of the fields of `kind` a row's cells name: the best candidate for a header
    /// row is the one naming most.
    pub fn fields_named(kind: ImportKind, header: &[String]) -> usize {
        let specs = specs(kind);
        header
            .iter()
            .filter_map(|h| field_named(&header_key(h)))
            .filter(|f| specs.iter().any(|s| s.field == *f))
            .count()
    }

    /// The column holding `field`, if the file has one.
    pub fn get(&self, field: Field) -> Option<usize> {
        self.at[field as usize]
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
        let own = specs(self.kind).iter().find(|s| s.field == field).map(|s| s.en);
        own.or_else(|| SYNONYMS.iter().find(|(f, _)| *f == field).map(|(_, names)| names[0])).unwrap_or("?")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn map(kind: ImportKind, header: &[&str]) -> Result<Columns, Msg> {
        Columns::map(kind, &strings(header), 1, false)
    }

    #[test]
    fn headers_in_either_language_any_order() {
        let header =
            ["\u{feff} 备案日期 ", "Filing_No", "ＴＩＴＬＥ", "备注", "标准编号", "企业名称", "联系人", "error"];
        let c = map(ImportKind::Filings, &header).unwrap();
        assert_eq!(c.get(Field::FiledOn), Some(0));
        assert_eq!(c.get(Field::FilingNo), Some(1));
        assert_eq!(c.get(Field::Title), Some(2));
        assert_eq!(c.get(Field::Remark), Some(3));
        assert_eq!(c.get(Field::StandardNo), Some(4));
        assert_eq!(c.get(Field::Name), Some(5));
        assert_eq!(c.get(Field::Uscc), None);
        assert_eq!(c.ignored, strings(&["联系人"]));
        assert_eq!(c.error_column, Some(7));
        assert_eq!(c.label_of(Field::FiledOn), "备案日期");
        assert_eq!(c.label_of(Field::FilingNo), "Filing_No");
        assert_eq!(c.label_of(Field::Uscc), "uscc");
    }

    #[test]
    fn bracketed_additions_and_synonyms() {
        let header = [
            "统一社会信用代码（组织机构代码）",
            "单位名称",
            "企业标准编号",
            "产品名称",
            "备案编号*",
            "备案日期(年月日)",
            "序号",
            "所属行业",
        ];
        let c = map(ImportKind::Filings, &header).unwrap();
        let fields = [Field::Uscc, Field::Name, Field::StandardNo, Field::Title, Field::FilingNo, Field::FiledOn];
        for (i, f) in fields.iter().enumerate() {
            assert_eq!(c.get(*f), Some(i), "{f:?}");
        }
        assert_eq!(c.get(Field::Industry), Some(7));
        assert!(c.ignored.is_empty(), "{:?}", c.ignored);
        assert_eq!(c.label_of(Field::Uscc), "统一社会信用代码（组织机构代码）");
        for (h, f) in [
            ("信用代码", Field::Uscc),
            ("社会信用代码", Field::Uscc),
            ("备案时间", Field::FiledOn),
            ("标准号", Field::StandardNo),
            ("复审结果", Field::Outcome),
            ("Remarks", Field::Remark),
            ("作废原因", Field::Voided),
            ("USCC", Field::Uscc),
            ("org code", Field::OrgCode),
        ] {
            assert_eq!(field_named(&header_key(h)), Some(f), "{h}");
        }
        // Every synonym names one field only.
        for (f, names) in SYNONYMS {
            for n in *names {
                assert_eq!(field_named(&header_key(n)), Some(*f), "{n}");
            }
        }
    }

    #[test]
    fn a_code_column_that_maps_to_nothing_is_refused_and_export_ids_are_not() {
        let e = map(ImportKind::Filings, &["企业名称", "标准编号", "标准名称", "备案号", "备案日期", "企业代码"]);
        assert_eq!(
            e.unwrap_err(),
            Msg::ImportUnknownCodeColumn {
                line: 1,
                sheet: false,
                kind: "filings".into(),
                column: "企业代码".into(),
                known: FILINGS.iter().map(|s| s.zh.to_string()).collect(),
            }
        );
        let e = map(ImportKind::Units, &["name", "Postcode"]).unwrap_err();
        assert!(matches!(e, Msg::ImportUnknownCodeColumn { .. }), "{e:?}");
        // The columns an export adds, in either language, are recognised and ignored.
        let c = map(
            ImportKind::Filings,
            &["编号", "企业名称", "单位编号", "标准编号", "标准名称", "备案号", "备案日期", "导入批次"],
        );
        assert!(c.unwrap().ignored.is_empty());
        let c = map(
            ImportKind::Reviews,
            &["id", "enterprise", "unit_id", "standard_no", "reviewed_on", "outcome", "batch"],
        );
        assert!(c.unwrap().ignored.is_empty());
        // Another kind's code column is that kind's, and ignored here with the usual warning.
        let c = map(ImportKind::Units, &["单位名称", "标准编号", "备案号"]).unwrap();
        assert_eq!(c.ignored, strings(&["标准编号", "备案号"]));
    }

    #[test]
    fn missing_and_doubled_columns_are_named() {
        let e = map(ImportKind::Filings, &["企业名称", "标准编号", "标准名称"]).unwrap_err();
        let text = crate::render::messages::text(&e, Lang::En);
        assert!(text.contains("备案号 (filing_no), 备案日期 (filed_on)"), "{text}");
        let text = crate::render::messages::text(&e, Lang::Zh);
        assert!(text.contains("文件缺少备案导入所需的列 备案号（filing_no）、备案日期（filed_on）"), "{text}");
        let c = map(ImportKind::Reviews, &["企业名称", "标准编号", "复审日期", "复审结论", "备注", "说明"]).unwrap();
        assert_eq!((c.get(Field::Remark), c.ignored.clone()), (Some(4), strings(&["说明"])));
        let e = map(ImportKind::Units, &["name", "单位名称"]).unwrap_err();
        assert_eq!(
            e,
            Msg::ImportColumnTwice {
                line: 1,
                sheet: false,
                field: "name".into(),
                first: "name".into(),
                second: "单位名称".into()
            }
        );
        assert_eq!(map(ImportKind::Units, &["", " "]).unwrap_err(), Msg::ImportEmptyFile);
        // A rejects file's error column in either language is recognised.
        let c = map(ImportKind::Units, &["单位名称", "错误"]).unwrap();
        assert_eq!((c.error_column, c.ignored.len()), (Some(1), 0));
        assert_eq!(Columns::fields_named(ImportKind::Filings, &strings(&["企业名称", "备案号", "x"])), 2);
        assert_eq!(header_of(ImportKind::Reviews, Field::Name, Lang::Zh), Some("企业名称"));
        assert_eq!(header_of(ImportKind::Units, Field::Name, Lang::En), Some("name"));
        assert_eq!(header_of(ImportKind::Units, Field::Title, Lang::En), None);
    }
}
