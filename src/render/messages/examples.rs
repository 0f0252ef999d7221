//! One example of every message: the catalogue's tests walk them, and the manual's list of
//! messages (docs/使用手册.md) is made from them.

use super::*;
use crate::core::model::Action;
use crate::error::Protected;

/// An example date (the examples are all valid dates).
fn d(s: &str) -> crate::core::model::Date {
    s.parse().unwrap_or_default()
}

fn u(id: i64, name: &str) -> UnitName {
    UnitName { id, name: name.into() }
}

/// One message of every kind (the catalogue's test fails when a kind is missing here).
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
        // ----- corrections (issue 11) -----
        Msg::FutureDate { field: "--filed".into(), date: d("2031-01-01"), today: d("2016-06-01") },
        Msg::PaidBeforeEvent { key: "lead-national:standard:1".into(), paid: d("2013-01-01"), event: d("2013-03-15") },
        Msg::VoidLeavesNegative { id: 1, key: "lead-national:standard:1".into(), net_yuan: -50000 },
        Msg::NothingToUpdate { command: "update-filing".into() },
        Msg::BatchUndone { id: 2, at: "2016-06-01T10:00:00+08:00".into(), reason: "错表".into() },
        Msg::UndoBlocked { batch: 2, kind: "filing".into(), id: 9, unit: u(5, "甲") },
        Msg::MergeSame { unit: u(5, "甲") },
        Msg::MergeCodesDiffer {
            field: "uscc".into(),
            keep: "91110000600037341L".into(),
            duplicate: "91500107186265962P".into(),
        },
        Msg::MergeSameReview { review: 4, other: 2 },
        Msg::UnitVoided { field: "--unit".into(), unit: u(5, "甲"), reason: "重复".into(), into: Some(u(3, "乙")) },
        Msg::FinalizeNotOver { quarter: "2016Q2".into(), end: d("2016-06-30") },
        Msg::FinalizeNeedsReason { quarter: "2014Q4".into(), at: "2015-01-10T09:00:00+08:00".into() },
        Msg::FinalizedUnreadable { quarter: "2014Q4".into() },
        Msg::ProblemsFound { count: 3 },
        Msg::NoProblems,
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
