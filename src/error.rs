//! Errors are values until the edge. A refusal is a `Problem`: its kind (which decides the
//! exit code, in `Kind::exit_code` and nowhere else) and its message, a `Msg` holding the
//! field at fault and the user's value as data. `render::messages` turns a `Msg` into a
//! sentence in Chinese or English; nothing here is text a reader sees.
//!
//! A failure the tool cannot name (a SQLite error it has no sentence for) is not a `Problem`:
//! it stays an `anyhow::Error` and is shown as an internal error with its detail.

use std::fmt;
use std::path::Path;

use crate::core::ids::{CodeError, DateError, StdNumberError};
use crate::core::model::{AwardKind, Date, EnumError, Level, MilestoneStatus, Outcome, PlanSetting, StandardStatus};
use crate::core::quarter::QuarterError;
use crate::core::readings::SettingError;
use crate::core::rewards::PaymentError;

/// What sort of failure, and so which exit code (CLI.md, issue 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A well-formed request refused: nothing was written. Exit 1.
    Refused,
    /// A usage mistake: an option or value outside what the command takes. Exit 2.
    Usage,
    /// An import wrote its good rows and rejected others (`--skip-invalid`). Exit 3.
    RowsRejected,
    /// The record was committed, but its output could not be written. Exit 4.
    OutputLost,
    /// A failure the tool cannot name. Exit 1.
    Internal,
}

impl Kind {
    pub const fn exit_code(self) -> u8 {
        match self {
            Kind::Refused | Kind::Internal => 1,
            Kind::Usage => 2,
            Kind::RowsRejected => 3,
            Kind::OutputLost => 4,
        }
    }
}

/// A refusal or failure the tool can name, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: Kind,
    pub msg: Msg,
}

impl fmt::Display for Problem {
    /// English, for logs and `anyhow` chains; readers get `render::messages::text`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::render::messages::text(&self.msg, crate::render::Lang::En))
    }
}

impl std::error::Error for Problem {}

/// A value the user typed or a file held, quoted in a message: at most `V::MAX` characters,
/// with control characters shown as escapes, so a 20,000-character or binary value cannot
/// flood or corrupt the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct V(pub String);

impl V {
    pub const MAX: usize = 80;
}

impl From<&str> for V {
    fn from(s: &str) -> V {
        V(s.to_string())
    }
}

impl From<String> for V {
    fn from(s: String) -> V {
        V(s)
    }
}

impl From<&String> for V {
    fn from(s: &String) -> V {
        V(s.clone())
    }
}

impl fmt::Display for V {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut shown = 0;
        for c in self.0.chars() {
            if shown == V::MAX {
                return f.write_str("…");
            }
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                write!(f, "{c}")?;
            }
            shown += 1;
        }
        Ok(())
    }
}

/// A path in a message (shown as the user gave it, quoted like any value).
pub fn path(p: &Path) -> V {
    V(p.display().to_string())
}

/// What the operating system (or SQLite) said went wrong, as data: the kinds a clerk meets
/// are worded in the reader's language by the catalogue; anything else keeps the system's own
/// text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OsError {
    pub kind: OsKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OsKind {
    DiskFull,
    NotFound,
    PermissionDenied,
    ReadOnly,
    /// The program reading the output went away.
    BrokenPipe,
    TooLarge,
    Other,
}

impl From<&std::io::Error> for OsError {
    fn from(e: &std::io::Error) -> OsError {
        use std::io::ErrorKind as K;
        let kind = match e.kind() {
            K::StorageFull => OsKind::DiskFull,
            K::NotFound => OsKind::NotFound,
            K::PermissionDenied => OsKind::PermissionDenied,
            K::ReadOnlyFilesystem => OsKind::ReadOnly,
            K::BrokenPipe => OsKind::BrokenPipe,
            K::FileTooLarge => OsKind::TooLarge,
            _ => OsKind::Other,
        };
        OsError { kind, text: e.to_string() }
    }
}

impl From<std::io::Error> for OsError {
    fn from(e: std::io::Error) -> OsError {
        OsError::from(&e)
    }
}

impl From<String> for OsError {
    fn from(text: String) -> OsError {
        OsError { kind: OsKind::Other, text }
    }
}

impl From<&str> for OsError {
    fn from(text: &str) -> OsError {
        OsError { kind: OsKind::Other, text: text.to_string() }
    }
}

/// A unit named in a message: `#id 'name'`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitName {
    pub id: i64,
    pub name: String,
}

/// Every message the tool gives. Each variant holds what its sentence needs; the sentences
/// are in `render::messages`, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumDiscriminants)]
#[strum_discriminants(derive(strum::EnumIter, Hash), name(MsgId))]
pub enum Msg {
    // ----- values typed on the command line -----
    /// A required text is empty.
    Empty {
        field: String,
    },
    /// Text with a control character (ESC, NUL, other C0/C1 controls; tab aside).
    ControlChar {
        field: String,
        value: V,
    },
    Date {
        field: String,
        value: V,
        err: DateError,
    },
    /// A year outside the years dates are read in.
    Year {
        field: String,
        value: V,
    },
    Word {
        field: String,
        err: EnumError,
    },
    Quarter {
        field: String,
        err: QuarterError,
    },
    QuarterNotBegun {
        quarter: String,
        today: Date,
    },
    FromAfterTo {
        from_field: String,
        from: Date,
        to_field: String,
        to: Date,
    },
    Id {
        field: String,
        value: V,
    },
    Yuan {
        field: String,
        value: V,
    },
    /// An amount that may not be negative (a rule's).
    YuanNotNegative {
        field: String,
        value: V,
    },
    YuanTooLarge {
        field: String,
        value: V,
        max: i64,
    },
    /// An option that needs another (`--done` without `--status done`).
    Needs {
        field: String,
        value: V,
        needs: String,
    },

    // ----- units -----
    Code {
        field: String,
        value: V,
        err: CodeError,
    },
    /// A code whose check character is wrong; refused unless `--allow-bad-check`.
    BadCheck {
        field: String,
        code: String,
        err: CodeError,
    },
    /// The same, kept because `--allow-bad-check` was given (a warning).
    BadCheckKept {
        field: String,
        code: String,
        err: CodeError,
    },
    CodesDisagree {
        org: String,
        uscc: String,
        inside: String,
    },
    NameTaken {
        name: String,
        id: i64,
    },
    UsccTaken {
        code: String,
        unit: UnitName,
    },
    OrgCodeTaken {
        code: String,
        unit: UnitName,
    },
    UnitNotFound {
        field: String,
        value: V,
        closest: Vec<UnitName>,
    },
    UnitAmbiguous {
        field: String,
        org: String,
        units: Vec<UnitName>,
    },

    // ----- standards, filings, reviews -----
    StdNumber {
        field: String,
        value: V,
        err: StdNumberError,
    },
    LevelNeeded,
    LevelContradicts {
        stated: Level,
        number: String,
        derived: Level,
    },
    EnterpriseViaFiling,
    NotEnterpriseNumber {
        field: String,
        number: String,
        level: Level,
    },
    BadEnterpriseNumber {
        field: String,
        value: V,
        err: StdNumberError,
    },
    PublishedForDrafting {
        date: Date,
    },
    PublishedRequired {
        status: StandardStatus,
    },
    StandardNeedsUnit,
    LeadAndParticipant {
        unit: UnitName,
    },
    ParticipantTwice {
        unit: UnitName,
    },
    NumberTaken {
        number: String,
        id: i64,
    },
    StandardNotFound {
        value: V,
    },
    FilingNoTaken {
        filing_no: String,
        id: i64,
    },
    ReviewExists {
        number: String,
        unit: String,
        on: Date,
        id: i64,
    },

    // ----- corrections, milestones, rules, money -----
    RecordNotFound {
        kind: String,
        id: i64,
    },
    AlreadyVoided {
        kind: String,
        id: i64,
        reason: String,
    },
    MilestoneNotFound {
        value: V,
        codes: Vec<String>,
    },
    RuleNotFound {
        value: V,
        codes: Vec<String>,
    },
    RuleFromTooEarly {
        from: Date,
        latest: Date,
    },
    FundNotFound {
        value: V,
        codes: Vec<String>,
    },
    FundNeeded,
    KeyNotFound {
        key: V,
    },
    Payment {
        err: PaymentError,
    },
    /// Sums of stored amounts that do not fit the arithmetic (someone stored absurd amounts).
    MoneyOverflow,

    // ----- corrections (issue 11) -----
    /// An event dated after today (`--today`): it cannot have happened yet.
    FutureDate {
        field: String,
        date: Date,
        today: Date,
    },
    /// An imported row dated after today (the column is named before it).
    RowFutureDate {
        date: Date,
        today: Date,
    },
    /// A payment dated before the event that earns it.
    PaidBeforeEvent {
        key: String,
        paid: Date,
        event: Date,
    },
    /// Voiding a payment would leave its payee's net on the key below zero (a refund remains).
    VoidLeavesNegative {
        id: i64,
        key: String,
        net_yuan: i64,
    },
    /// An update command given no field to change.
    NothingToUpdate {
        command: String,
    },
    /// An import batch undone already.
    BatchUndone {
        id: i64,
        at: String,
        reason: String,
    },
    /// A live record outside the batch refers to a unit the batch created.
    UndoBlocked {
        batch: i64,
        kind: String,
        id: i64,
        unit: UnitName,
    },
    /// `merge-units` given the same unit twice.
    MergeSame {
        unit: UnitName,
    },
    /// The two units hold different codes of one kind: not one unit under two names.
    MergeCodesDiffer {
        field: String,
        keep: String,
        duplicate: String,
    },
    /// Both units have the same review (same standard and date): one must be voided first.
    MergeSameReview {
        review: i64,
        other: i64,
    },
    /// A unit voided (merged into another, or created by an undone import), named by a clerk.
    UnitVoided {
        field: String,
        unit: UnitName,
        reason: String,
        into: Option<UnitName>,
    },
    /// A quarter not over cannot be finalized.
    FinalizeNotOver {
        quarter: String,
        end: Date,
    },
    /// A quarter finalized already: finalizing again needs --reason.
    FinalizeNeedsReason {
        quarter: String,
        at: String,
    },
    /// The report stored when the quarter was finalized cannot be read back.
    FinalizedUnreadable {
        quarter: String,
    },
    /// `stdtrack check` found problems (listed on standard output).
    ProblemsFound {
        count: usize,
    },
    /// `stdtrack check` found nothing wrong (its output, not a refusal).
    NoProblems,

    // ----- the database file -----
    NoDatabase {
        path: V,
    },
    NotStdtrack {
        path: V,
    },
    /// A file an older release wrote was upgraded (a warning), its copy kept beside it.
    Upgraded {
        path: V,
        from: i64,
        to: i64,
        backup: V,
    },
    /// A file an older release wrote, opened by a command that only reads.
    OlderSchema {
        path: V,
        version: i64,
        current: i64,
    },
    NewerSchema {
        path: V,
        version: i64,
        known: i64,
    },
    Busy {
        seconds: String,
    },
    ReadOnly {
        path: V,
    },
    DiskFull {
        path: V,
    },
    Damaged {
        path: V,
    },
    CannotOpen {
        path: V,
        detail: OsError,
    },
    Io {
        path: V,
        detail: OsError,
    },
    DbNotAFile {
        path: V,
    },
    BackupExists {
        path: V,
    },
    NoPlan,

    // ----- files written and read -----
    /// `--out`, `--rejects` or the backup would overwrite the database, its companions or
    /// the file being read.
    OutIsProtected {
        option: String,
        path: V,
        what: Protected,
    },
    OutNotRegular {
        option: String,
        path: V,
    },
    CannotWrite {
        path: V,
        detail: OsError,
    },
    InputNotRegular {
        path: V,
    },
    /// Standard output could not be written (a full disk, a closed terminal).
    StdoutFailed {
        detail: OsError,
    },
    CannotRead {
        path: V,
        detail: OsError,
    },

    // ----- office questions (issue 12) -----
    /// `set-milestone --status done` without `--on` (or `--done`): a done task needs its date.
    DoneNeedsDate {
        code: String,
    },
    /// A status change given no `--on`: dated today, and the clerk told so (a notice).
    StatusDatedToday {
        code: String,
        status: MilestoneStatus,
        date: Date,
    },
    /// A command given none of the options that would change something.
    NothingToSet {
        command: String,
        options: Vec<String>,
    },
    /// An option that only means something with another (`--degree` with `--adopts`).
    GoesWith {
        option: String,
        with: String,
    },
    /// An award with the same unit, kind and date as a live one (`--duplicate-ok` insists).
    DuplicateAward {
        id: i64,
        unit: String,
        kind: AwardKind,
        on: Date,
    },
    /// A municipal project with the same name and pass date as a live one, whatever the unit.
    DuplicateProject {
        id: i64,
        name: String,
        unit: String,
        on: Date,
    },
    /// A fund, typed by code or name, that is not one.
    NoSuchFund {
        field: String,
        value: V,
        codes: Vec<String>,
    },
    /// A rule without any version, given no `--amount`.
    AmountNeeded,
    /// A fund's entitlements of a year pass its budget (award-calc's warning line).
    OverBudget {
        fund_zh: String,
        fund_en: String,
        year: i32,
        entitled: i64,
        budget: i64,
    },
    /// A report on a year that has not begun.
    YearNotBegun {
        year: i32,
        today: Date,
    },
    /// A plan setting's value refused.
    Setting {
        key: PlanSetting,
        err: SettingError,
    },

    // ----- usage -----
    FormatNotWritable {
        command: String,
        format: String,
        allowed: Vec<String>,
    },
    /// A list too long for a terminal table.
    TooManyForTable {
        max: usize,
    },
    ExcelNeedsCsv,
    OutNeeded {
        format: String,
    },
    RejectsNeedSkipInvalid,
    Lang {
        value: V,
    },

    // ----- imports -----
    /// Bad rows without `--skip-invalid`: nothing was imported.
    ImportRefused {
        rejected: u64,
        dry_run: bool,
    },
    /// `--skip-invalid`: the good rows were imported; the bad ones are in a file (exit 3).
    RowsRejected {
        rejected: u64,
        rejects: Option<V>,
    },

    // ----- import rows -----
    // The import's header, row and summary messages. A row's fault is an `ImportRow`
    // (`line N, column C: reason`) around one of the `Row*` reasons, which name no column.
    /// One fault of a row, or a warning about it: `line N, column C: reason`.
    ImportRow {
        line: u64,
        /// A workbook's row (`row N`), not a text file's line (`line N`); zh 第N行 either way.
        sheet: bool,
        /// The column's header as written in the file; None for the row as a whole.
        column: Option<V>,
        reason: Box<Msg>,
    },
    /// The same fault in the rejects file's error column, where the line is not needed.
    ImportCell {
        column: Option<V>,
        reason: Box<Msg>,
    },
    /// The file has no header line.
    ImportEmptyFile,
    /// No row within the first ten names every column the kind needs; `line` is the row that
    /// came closest.
    ImportMissingColumns {
        line: u64,
        sheet: bool,
        /// `ImportKind::as_str`: filings, reviews, units.
        kind: String,
        /// Each missing column as (Chinese, English) header.
        missing: Vec<(String, String)>,
        found: Vec<V>,
        /// The header held characters that did not decode, in this encoding.
        undecoded: Option<String>,
    },
    ImportColumnTwice {
        line: u64,
        sheet: bool,
        field: String,
        first: V,
        second: V,
    },
    /// A header column that speaks of a code (代码, 编号, code) but is none the import knows:
    /// never dropped silently. `known` are the columns of the kind, in Chinese.
    ImportUnknownCodeColumn {
        line: u64,
        sheet: bool,
        kind: String,
        column: V,
        known: Vec<String>,
    },
    /// A workbook calamine cannot read (damaged, password-protected, not a spreadsheet).
    ImportWorkbookUnreadable {
        path: V,
        detail: String,
    },
    /// `--sheet` names no sheet of the workbook (or the workbook has none).
    ImportNoSheet {
        path: V,
        sheet: Option<V>,
        sheets: Vec<V>,
    },
    /// `--sheet` given for a file that is not a workbook.
    ImportSheetNeedsWorkbook {
        path: V,
    },
    /// Zero bytes at the start of a file that is not UTF-16: not text.
    ImportBinary {
        path: V,
    },
    /// A warning: the header is on row `header`; the rows above it that held something (a
    /// title, a date, a unit line) were skipped.
    ImportRowsAboveHeader {
        header: u64,
        sheet: bool,
        rows: Vec<(u64, V)>,
    },
    /// A warning: columns the import does not use.
    ImportIgnoredColumns {
        kind: String,
        columns: Vec<V>,
    },
    /// The summary line of an import (or of its dry run).
    ImportSummary {
        kind: String,
        /// Boxed: it would make every `Msg` larger.
        source: Box<ImportSource>,
        batch: Option<i64>,
        dry_run: bool,
        added: u64,
        skipped: u64,
        rejected: u64,
        units_created: u64,
    },
    /// Row errors past the first ones shown; all of them are in the rejects file, if any.
    ImportMoreRowErrors {
        more: u64,
        rejects: Option<V>,
    },
    ImportMoreWarnings {
        more: u64,
    },
    /// A unit a dry run would create (one line each, after the summary).
    ImportNewUnit {
        name: V,
        uscc: Option<String>,
        org_code: Option<String>,
    },
    /// A required value is empty.
    RowEmpty,
    /// Bytes that are not UTF-8 in a file read as UTF-8.
    RowNotUtf8,
    /// Characters that did not decode in the file's encoding (U+FFFD).
    RowUndecodable {
        value: V,
        encoding: String,
    },
    /// ESC, NUL or another C0/C1 control character (tab and line breaks aside).
    RowControlChar {
        value: V,
    },
    /// A cell longer than an import reads (`max_kib`).
    RowCellTooLong {
        value: V,
        kib: u64,
        max_kib: u64,
    },
    /// A row longer than an import reads (`max_mib`); only its start was kept.
    RowTooLong {
        max_mib: u64,
    },
    /// A row with more cells than an import reads; only the first `max` were kept.
    RowTooManyCells {
        max: u64,
    },
    RowExtraFields {
        fields: u64,
        header: u64,
        extra: V,
    },
    /// A quote opened on line `opens` and, it seems, never closed.
    RowUnclosedQuote {
        opens: u64,
    },
    RowDate {
        value: V,
        err: DateError,
    },
    /// A number in a date column that would be an Excel serial date outside the plan's years
    /// `from`..=`to` (inside them it is taken as that date).
    RowDateSerial {
        value: V,
        date: Date,
        from: i32,
        to: i32,
    },
    /// An Excel error cell (`#N/A`, `#REF!`): a formula that failed, not a value.
    RowExcelError {
        value: V,
    },
    RowCode {
        value: V,
        err: CodeError,
    },
    RowBadCheck {
        code: String,
        err: CodeError,
    },
    /// A warning: the same, kept because `--allow-bad-check` was given.
    RowBadCheckKept {
        code: String,
        err: CodeError,
    },
    RowCodesDisagree {
        org: String,
        uscc: String,
        inside: String,
    },
    RowWord {
        err: EnumError,
    },
    RowNotEnterpriseNumber {
        number: String,
        level: Level,
    },
    RowBadEnterpriseNumber {
        value: V,
        err: StdNumberError,
    },
    /// The row's USCC holds an organisation code that belongs to a unit with another USCC.
    RowUsccOrgTaken {
        uscc: String,
        org: String,
        unit: UnitName,
        theirs: String,
    },
    RowOrgAmbiguous {
        org: String,
        units: Vec<UnitName>,
    },
    /// The row's name is a unit's whose USCC differs.
    RowNameOtherUscc {
        unit: UnitName,
        theirs: String,
        mine: String,
    },
    /// The row's name is a unit's whose organisation code differs.
    RowNameOtherOrg {
        unit: UnitName,
        theirs: String,
        mine: String,
    },
    /// A warning: an organisation code in the USCC column, taken as the organisation code.
    RowOrgCodeInUsccColumn {
        code: String,
    },
    /// A warning: a USCC in the organisation-code column, taken as the USCC.
    RowUsccInOrgCodeColumn {
        code: String,
    },
    /// No code identifies the row's unit and its name is no stored name, but it is the same
    /// name in another form as `unit`'s: not made a new unit unless `--new-units`.
    RowNameLikeUnit {
        name: V,
        unit: UnitName,
    },
    /// A warning: a totals row (合计), skipped.
    RowTotals {
        label: V,
    },
    /// A warning: a row the file marks voided (an export's 作废原因), skipped.
    RowVoidedInFile {
        reason: V,
    },
    /// A warning: the row's code belongs to a unit of another name, which the row goes to.
    RowCodeOtherName {
        unit: UnitName,
        name: V,
    },
    /// A filing number met before (stored as filing `stored`, or earlier in the file when None)
    /// with other values.
    RowFilingConflict {
        conflict: Box<FilingConflict>,
    },
    /// A review of the same unit, number and date met before, saying something else.
    RowReviewConflict {
        number: String,
        unit: V,
        on: Date,
        stored: Option<i64>,
        differs: ReviewDiff,
    },
    /// A warning: a units row names a stored unit, left as stored, that the file describes
    /// otherwise.
    RowUnitDiffers {
        unit: UnitName,
        differs: Vec<UnitDiff>,
    },
    /// A warning: the row is a record that was voided (`kind` filing or review); skipped.
    RowVoided {
        kind: String,
        id: i64,
        on: Option<Date>,
        reason: V,
    },

    // ----- after a commit -----
    /// The record was committed; the output could not be written.
    RecordedOutputLost {
        detail: OsError,
    },

    // ----- warnings -----
    /// An internal error with its detail (the kind `Internal`).
    Internal {
        detail: String,
    },
}

/// What an output path must not be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protected {
    /// The database or one of SQLite's files beside it.
    Database,
    /// The file being imported.
    Input,
}

impl Msg {
    /// A refusal (exit 1): nothing was written.
    pub fn refused(self) -> Problem {
        Problem { kind: Kind::Refused, msg: self }
    }

    /// A usage mistake (exit 2).
    pub fn usage(self) -> Problem {
        Problem { kind: Kind::Usage, msg: self }
    }
}

impl From<Msg> for Problem {
    fn from(msg: Msg) -> Problem {
        msg.refused()
    }
}

/// A refusal as an `anyhow::Error`, for `?` in functions that return `anyhow::Result`.
pub fn refuse(msg: Msg) -> anyhow::Error {
    anyhow::Error::new(msg.refused())
}

/// A usage mistake as an `anyhow::Error`.
pub fn usage(msg: Msg) -> anyhow::Error {
    anyhow::Error::new(msg.usage())
}

/// Stored amounts or counts too large to add up: a refusal naming `stdtrack check`, never a
/// wrong figure.
pub fn overflow<E>(_: E) -> anyhow::Error {
    refuse(Msg::MoneyOverflow)
}

/// The first `Problem` in an error's chain, if the error is one the tool can name.
pub fn problem_of(e: &anyhow::Error) -> Option<&Problem> {
    e.chain().find_map(|c| c.downcast_ref::<Problem>())
}

// ----- import rows -----

/// What an import read: the file, its encoding (or the kind of workbook: XLSX, XLS, ODS) and,
/// for a workbook, the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSource {
    pub file: V,
    pub encoding: String,
    pub sheet: Option<String>,
}

/// A filing number met before (stored as filing `stored`, or earlier in the file when None),
/// what it was recorded as, and what the row gives differently. Boxed in its `Msg`, which it
/// would otherwise make twice as large.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilingConflict {
    pub filing_no: String,
    pub stored: Option<i64>,
    pub number: String,
    pub title: V,
    pub unit: V,
    pub filed_on: Date,
    pub differs: Vec<FilingDiff>,
}

/// What a row gives differently from the filing stored under its filing number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilingDiff {
    Unit(V),
    Number(String),
    Title(V),
    Date(Date),
}

/// What a review row says differently from the review stored for its unit, number and date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewDiff {
    Outcome { theirs: Outcome, mine: Outcome },
    FilingNo { theirs: String, mine: String },
}

/// A field of a unit that a units row gives differently from the stored unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitField {
    Name,
    Uscc,
    OrgCode,
    Kind,
    Industry,
    Location,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitDiff {
    pub field: UnitField,
    pub file: V,
    pub stored: V,
}

/// The start of a value for a message: `V` shows 80 characters, so a 64 KiB cell need not be
/// copied whole into one.
pub fn v_start(s: &str) -> V {
    V(s.chars().take(V::MAX + 1).collect())
}
