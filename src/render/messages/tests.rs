//! Walks the catalogue: one example of every message, rendered in both languages.

use std::collections::HashSet;

use strum::IntoEnumIterator;

use super::*;
use crate::core::model::{Action, Words};
use crate::error::{FilingDiff, MsgId, Protected, ReviewDiff, UnitDiff, UnitField};

fn d(s: &str) -> crate::core::model::Date {
    s.parse().unwrap()
}

fn u(id: i64, name: &str) -> UnitName {
    UnitName { id, name: name.into() }
}

/// One message of every kind (the test below fails when a kind is missing here).
pub fn examples() -> Vec<Msg> {
    let f = || "--unit".to_string();
    vec![
        Msg::Empty { field: "--title".into() },
        Msg::ControlChar { field: "--name".into(), value: "a\u{1b}[31m".into() },
        Msg::Date {
            field: "--filed".into(),
            value: "2013-13-01".into(),
            err: DateError::Impossible { year: 2013, month: 13, day: 1 },
        },
        Msg::Year { field: "--year".into(), value: "99999".into() },
        Msg::Word { field: "--action".into(), err: EnumError::new::<Action>("make") },
        Msg::Quarter { field: "--quarter".into(), err: QuarterError("2013Q5".into()) },
        Msg::QuarterNotBegun { quarter: "2017Q1".into(), today: d("2016-06-01") },
        Msg::FromAfterTo {
            from_field: "--from".into(),
            from: d("2014-01-01"),
            to_field: "--to".into(),
            to: d("2013-01-01"),
        },
        Msg::Id { field: "ID".into(), value: "x".into() },
        Msg::Yuan { field: "--amount".into(), value: "3.5".into() },
        Msg::YuanTooLarge { field: "--amount".into(), value: "99999999999".into(), max: 10_000_000_000 },
        Msg::Needs { field: "--done".into(), value: "2013-01-01".into(), needs: "--status done".into() },
        Msg::Code { field: "--uscc".into(), value: "123".into(), err: CodeError::Length { expected: 18, found: 3 } },
        Msg::BadCheck {
            field: "--uscc".into(),
            code: "91350211M00013FA1N".into(),
            err: CodeError::BadCheck { expected: 'A', found: 'N' },
        },
        Msg::BadCheckKept {
            field: "--uscc".into(),
            code: "91350211M00013FA1N".into(),
            err: CodeError::BadCheck { expected: 'A', found: 'N' },
        },
        Msg::CodesDisagree { org: "00251805-7".into(), uscc: "91110000600037341L".into(), inside: "60003734-1".into() },
        Msg::NameTaken { name: "重庆某公司".into(), id: 3 },
        Msg::UsccTaken { code: "91110000600037341L".into(), unit: u(3, "重庆某公司") },
        Msg::OrgCodeTaken { code: "60003734-1".into(), unit: u(3, "重庆某公司") },
        Msg::UnitNotFound { field: f(), value: "重庆某".into(), closest: vec![u(3, "重庆某公司")] },
        Msg::UnitAmbiguous { field: f(), org: "60003734-1".into(), units: vec![u(3, "甲"), u(4, "乙")] },
        Msg::StdNumber {
            field: "--number".into(),
            value: "XX 1".into(),
            err: StdNumberError::UnknownPrefix { prefix: "XX".into() },
        },
        Msg::LevelNeeded,
        Msg::LevelContradicts { stated: Level::Local, number: "GB/T 1.1-2020".into(), derived: Level::National },
        Msg::EnterpriseViaFiling,
        Msg::NotEnterpriseNumber { field: "--number".into(), number: "GB/T 1.1-2020".into(), level: Level::National },
        Msg::BadEnterpriseNumber {
            field: "--number".into(),
            value: "Q/".into(),
            err: StdNumberError::Malformed(Malformed::NoNumber { prefix: "Q/".into() }),
        },
        Msg::PublishedForDrafting { date: d("2013-01-01") },
        Msg::PublishedRequired { status: StandardStatus::Published },
        Msg::StandardNeedsUnit,
        Msg::LeadAndParticipant { unit: u(1, "甲") },
        Msg::ParticipantTwice { unit: u(1, "甲") },
        Msg::NumberTaken { number: "GB/T 1.1-2020".into(), id: 2 },
        Msg::StandardNotFound { value: "9".into() },
        Msg::FilingNoTaken { filing_no: "50107-1".into(), id: 2 },
        Msg::ReviewExists { number: "Q/JLP 1-2013".into(), unit: "甲".into(), on: d("2014-01-01"), id: 2 },
        Msg::RecordNotFound { kind: "filing".into(), id: 9 },
        Msg::AlreadyVoided { kind: "award".into(), id: 9, reason: "重复录入".into() },
        Msg::MilestoneNotFound { value: "x".into(), codes: vec!["info-platform".into()] },
        Msg::RuleNotFound { value: "x".into(), codes: vec!["lead-national".into()] },
        Msg::RuleFromTooEarly { from: d("2012-01-01"), latest: d("2012-07-12") },
        Msg::FundNotFound { value: "x".into(), codes: vec!["district-finance".into()] },
        Msg::FundNeeded,
        Msg::KeyNotFound { key: "x".into() },
        Msg::Payment { err: PaymentError::Zero },
        Msg::MoneyOverflow,
        Msg::NoDatabase { path: "x.db".into() },
        Msg::NotStdtrack { path: "x.db".into() },
        Msg::NewerSchema { path: "x.db".into(), version: 9, known: 1 },
        Msg::Busy { seconds: "30.0".into() },
        Msg::ReadOnly { path: "x.db".into() },
        Msg::DiskFull { path: "x.db".into() },
        Msg::Damaged { path: "x.db".into() },
        Msg::CannotOpen { path: "x.db".into(), detail: "denied".into() },
        Msg::Io { path: "x.db".into(), detail: "disk I/O error".into() },
        Msg::DbNotAFile { path: "x.db/".into() },
        Msg::BackupExists { path: "b.db".into() },
        Msg::NoPlan,
        Msg::OutIsProtected { option: "--out".into(), path: "x.db".into(), what: Protected::Database },
        Msg::OutNotRegular { option: "--out".into(), path: "/dev/null".into() },
        Msg::CannotWrite { path: "a.json".into(), detail: "No space left on device".into() },
        Msg::InputNotRegular { path: "fifo".into() },
        Msg::CannotRead { path: "a.csv".into(), detail: "denied".into() },
        Msg::FormatNotWritable {
            command: "list".into(),
            format: "html".into(),
            allowed: vec!["table".into(), "json".into()],
        },
        Msg::ExcelNeedsCsv,
        Msg::OutNeeded { format: "xlsx".into() },
        Msg::RejectsNeedSkipInvalid,
        Msg::Lang { value: "cn".into() },
        Msg::ImportRefused { rejected: 3, dry_run: true },
        Msg::RowsRejected { rejected: 3, rejects: Some("a.csv.rejects.csv".into()) },
        // ----- import rows -----
        Msg::ImportRow { line: 3, column: Some("备案日期".into()), reason: Box::new(Msg::RowEmpty) },
        Msg::ImportCell { column: Some("备案日期".into()), reason: Box::new(Msg::RowEmpty) },
        Msg::ImportEmptyFile,
        Msg::ImportMissingColumns {
            kind: "filings".into(),
            missing: vec![("备案号".into(), "filing_no".into())],
            found: vec!["企业名称".into()],
            undecoded: Some("GB18030".into()),
        },
        Msg::ImportColumnTwice { field: "name".into(), first: "name".into(), second: "单位名称".into() },
        Msg::ImportWorkbook { path: "a.xlsx".into(), old: false },
        Msg::ImportBinary { path: "a.bin".into() },
        Msg::ImportIgnoredColumns { kind: "filings".into(), columns: vec!["备注".into()] },
        Msg::ImportSummary {
            kind: "filings".into(),
            file: "a.csv".into(),
            encoding: "GB18030".into(),
            batch: Some(1),
            dry_run: false,
            added: 3,
            skipped: 1,
            rejected: 2,
            units_created: 1,
        },
        Msg::ImportMoreRowErrors { more: 12, rejects: Some("a.csv.rejects.csv".into()) },
        Msg::ImportMoreWarnings { more: 12 },
        Msg::RowEmpty,
        Msg::RowNotUtf8,
        Msg::RowUndecodable { value: "\u{FFFD}x".into(), encoding: "GB18030".into() },
        Msg::RowControlChar { value: "a\u{1b}[31m".into() },
        Msg::RowCellTooLong { value: "aaaa".into(), kib: 100, max_kib: 64 },
        Msg::RowTooLong { max_mib: 1 },
        Msg::RowTooManyCells { max: 4096 },
        Msg::RowExtraFields { fields: 9, header: 7, extra: "x, y".into() },
        Msg::RowUnclosedQuote { opens: 3 },
        Msg::RowDate { value: "sometime".into(), err: DateError::Unrecognised },
        Msg::RowDateSerial { value: "41395".into() },
        Msg::RowCode { value: "123".into(), err: CodeError::Length { expected: 18, found: 3 } },
        Msg::RowBadCheck { code: "91350211M00013FA1N".into(), err: CodeError::BadCheck { expected: 'A', found: 'N' } },
        Msg::RowBadCheckKept {
            code: "91350211M00013FA1N".into(),
            err: CodeError::BadCheck { expected: 'A', found: 'N' },
        },
        Msg::RowCodesDisagree {
            org: "00251805-7".into(),
            uscc: "91110000600037341L".into(),
            inside: "60003734-1".into(),
        },
        Msg::RowWord { err: EnumError::new::<crate::core::model::UnitKind>("工厂") },
        Msg::RowNotEnterpriseNumber { number: "GB/T 1.1-2020".into(), level: Level::National },
        Msg::RowBadEnterpriseNumber { value: "".into(), err: StdNumberError::Empty },
        Msg::RowUsccOrgTaken {
            uscc: "91500107002518057Q".into(),
            org: "00251805-7".into(),
            unit: u(3, "甲"),
            theirs: "91110000600037341L".into(),
        },
        Msg::RowOrgAmbiguous { org: "00251809-X".into(), units: vec![u(3, "甲"), u(4, "乙")] },
        Msg::RowNameOtherUscc {
            unit: u(1, "甲"),
            theirs: "91110000600037341L".into(),
            mine: "9144030071526726XG".into(),
        },
        Msg::RowNameOtherOrg { unit: u(1, "甲"), theirs: "60003734-1".into(), mine: "00251805-7".into() },
        Msg::RowCodeOtherName { unit: u(1, "甲"), name: "甲（改名）".into() },
        Msg::RowFilingConflict {
            conflict: Box::new(crate::error::FilingConflict {
                filing_no: "F1".into(),
                stored: Some(3),
                number: "Q/JLP 1-2013".into(),
                title: "型材".into(),
                unit: "甲".into(),
                filed_on: d("2013-05-01"),
                differs: vec![
                    FilingDiff::Unit("乙".into()),
                    FilingDiff::Number("Q/JLP 2-2013".into()),
                    FilingDiff::Title("门窗".into()),
                    FilingDiff::Date(d("2013-05-02")),
                ],
            }),
        },
        Msg::RowReviewConflict {
            number: "Q/JLP 1-2013".into(),
            unit: "甲".into(),
            on: d("2014-01-01"),
            stored: None,
            differs: ReviewDiff::Outcome {
                theirs: crate::core::model::Outcome::Confirm,
                mine: crate::core::model::Outcome::Abolish,
            },
        },
        Msg::RowUnitDiffers {
            unit: u(1, "甲"),
            differs: vec![UnitDiff { field: UnitField::Kind, file: "association".into(), stored: "enterprise".into() }],
        },
        Msg::RowVoided { kind: "filing".into(), id: 3, on: Some(d("2016-06-01")), reason: "重复录入".into() },
        Msg::RecordedOutputLost { detail: "No space left on device".into() },
        Msg::Internal { detail: "x".into() },
    ]
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// `{name}` left in a sentence.
fn unfilled(s: &str) -> bool {
    s.split('{').skip(1).any(|rest| {
        let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
        !name.is_empty() && rest[name.len()..].starts_with('}')
    })
}

#[test]
fn every_message_has_an_example_and_both_languages() {
    let examples = examples();
    let covered: HashSet<MsgId> = examples.iter().map(MsgId::from).collect();
    let missing: Vec<MsgId> = MsgId::iter().filter(|id| !covered.contains(id)).collect();
    assert!(missing.is_empty(), "messages with no example in the catalogue walk: {missing:?}");
    for m in &examples {
        let zh = text(m, Lang::Zh);
        let en = text(m, Lang::En);
        assert!(has_cjk(&zh), "{m:?} has no Chinese form: {zh}");
        assert!(!en.is_empty(), "{m:?}");
        assert_ne!(zh, en, "{m:?}");
        for text in [&zh, &en] {
            assert!(!unfilled(text), "unfilled placeholder: {text}");
        }
    }
}

#[test]
fn user_values_are_cut_and_control_characters_escaped() {
    let long = "重".repeat(500);
    let m = Msg::UnitNotFound { field: "--unit".into(), value: long.as_str().into(), closest: vec![] };
    let zh = text(&m, Lang::Zh);
    assert!(zh.chars().count() < 200, "{zh}");
    assert!(zh.contains('…'));
    let m = Msg::ControlChar { field: "--name".into(), value: "a\u{1b}[2Jb\u{0}".into() };
    let en = text(&m, Lang::En);
    assert!(!en.chars().any(|c| c.is_control()), "{en:?}");
    assert!(en.contains("\\u{1b}"), "{en}");
}

#[test]
fn enum_refusals_list_the_words_in_the_readers_language() {
    let m = Msg::Word { field: "--action".into(), err: EnumError::new::<Action>("make") };
    assert_eq!(text(&m, Lang::Zh), "--action：「make」不是可用的值，应为：制定（formulate）、修订（revise）");
    assert_eq!(text(&m, Lang::En), "--action: 'make' is not one of formulate (制定), revise (修订)");
    assert_eq!(Action::parse_word("制定"), Ok(Action::Formulate));
    assert_eq!(Action::parse_word(" Revise "), Ok(Action::Revise));
}

#[test]
fn money_in_messages_is_in_whole_yuan() {
    let m = Msg::Payment {
        err: PaymentError::OverAmount { key: "k".into(), amount_yuan: 300000, paid_yuan: 250000, attempted: 100000 },
    };
    let zh = text(&m, Lang::Zh);
    assert!(zh.contains("350000 元") && zh.contains("未付 50000 元"), "{zh}");
}

// ----- import rows -----

#[test]
fn import_row_errors_name_line_and_column_in_either_language() {
    let m = Msg::ImportRow {
        line: 3,
        column: Some("备案日期".into()),
        reason: Box::new(Msg::RowDate {
            value: "2013-02-30".into(),
            err: DateError::Impossible { year: 2013, month: 2, day: 30 },
        }),
    };
    assert_eq!(text(&m, Lang::En), "line 3, column 备案日期: 2013-02-30 is not a real date");
    assert_eq!(text(&m, Lang::Zh), "第3行，「备案日期」列：2013-02-30 不是真实存在的日期");
    let m = Msg::ImportRow { line: 4, column: None, reason: Box::new(Msg::RowUnclosedQuote { opens: 4 }) };
    assert!(text(&m, Lang::Zh).starts_with("第4行：内容跨越多行"), "{}", text(&m, Lang::Zh));
    let long = "x".repeat(70_000);
    let m = Msg::RowCellTooLong { value: crate::error::v_start(&long), kib: 68, max_kib: 64 };
    assert!(text(&m, Lang::En).chars().count() < 200);
}

#[test]
fn unit_differences_show_kinds_in_the_readers_language() {
    let m = Msg::RowUnitDiffers {
        unit: u(1, "甲"),
        differs: vec![UnitDiff { field: UnitField::Kind, file: "association".into(), stored: "enterprise".into() }],
    };
    assert!(text(&m, Lang::Zh).contains("单位类型（文件「协会」，登记「企业」）"), "{}", text(&m, Lang::Zh));
    assert!(text(&m, Lang::En).contains("kind ('association', stored 'enterprise')"), "{}", text(&m, Lang::En));
}
