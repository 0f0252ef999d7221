//! Walks the catalogue: one example of every message, rendered in both languages.

use std::collections::HashSet;

use strum::IntoEnumIterator;

use super::*;
use crate::core::model::{Action, Words};
use crate::error::{MsgId, Protected};

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
        Msg::YuanNotNegative { field: "--amount".into(), value: "-5".into() },
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
        Msg::Upgraded { path: "x.db".into(), from: 1, to: 2, backup: "x.db.v1.bak".into() },
        Msg::OlderSchema { path: "x.db".into(), version: 1, current: 2 },
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
        Msg::StdoutFailed { detail: "No space left on device".into() },
        Msg::CannotRead { path: "a.csv".into(), detail: "denied".into() },
        // ----- office questions (issue 12) -----
        Msg::DoneNeedsDate { code: "info-platform".into() },
        Msg::StatusDatedToday {
            code: "info-platform".into(),
            status: crate::core::model::MilestoneStatus::InProgress,
            date: d("2016-06-01"),
        },
        Msg::NothingToSet { command: "set-milestone".into(), options: vec!["--status".into(), "--owner".into()] },
        Msg::GoesWith { option: "--degree".into(), with: "--adopts".into() },
        Msg::DuplicateAward {
            id: 3,
            unit: "重庆某公司".into(),
            kind: crate::core::model::AwardKind::CqProduct,
            on: d("2014-01-24"),
        },
        Msg::DuplicateProject {
            id: 4, name: "市级标准化试点".into(), unit: "重庆某公司".into(), on: d("2014-06-08")
        },
        Msg::NoSuchFund { field: "FUND".into(), value: "x".into(), codes: vec!["district-finance".into()] },
        Msg::AmountNeeded,
        Msg::OverBudget {
            fund_zh: "区产业发展专项资金".into(),
            fund_en: "District industry development fund".into(),
            year: 2014,
            entitled: 400_000,
            budget: 300_000,
        },
        Msg::YearNotBegun { year: 2017, today: d("2016-06-01") },
        Msg::Setting {
            key: crate::core::model::PlanSetting::LocalPrefixes,
            err: crate::core::readings::SettingError::LocalPrefix { item: "50".into() },
        },
        // ----- usage -----
        Msg::FormatNotWritable {
            command: "list".into(),
            format: "html".into(),
            allowed: vec!["table".into(), "json".into()],
        },
        Msg::TooManyForTable { max: 100_000 },
        Msg::ExcelNeedsCsv,
        Msg::OutNeeded { format: "xlsx".into() },
        Msg::RejectsNeedSkipInvalid,
        Msg::Lang { value: "cn".into() },
        Msg::ImportRefused { rejected: 3, dry_run: true },
        Msg::RowsRejected { rejected: 3, rejects: Some("a.csv.rejects.csv".into()) },
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
