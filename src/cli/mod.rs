//! The command line, as clap derive types only; no I/O. Names follow shared/CLI.md.
//!
//! Dates, codes and enum words are taken as text here and checked by the commands, so a bad
//! value is a refusal (exit 1, naming the field) rather than a usage error (exit 2).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "stdtrack",
    version,
    about = "Keeps the record of Jiulongpo's standards strategy: targets, rewards, quarterly reports.",
    long_about = "stdtrack keeps the district standardization office's record of its standards strategy \
                  (九龙坡区技术标准战略) in one SQLite file, and answers where each 2015 target stands, \
                  what the district owes whom under its reward policy, and what goes in the leading \
                  group's quarterly report."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// The database file.
    #[arg(long, global = true, env = "STDTRACK_DB", default_value = "stdtrack.db")]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Labels in reports and tables: zh or en (default zh when LANG starts with zh).
    #[arg(long, global = true, env = "STDTRACK_LANG")]
    pub lang: Option<String>,
    /// The date taken as today (default: today in China Standard Time).
    #[arg(long, global = true, env = "STDTRACK_TODAY")]
    pub today: Option<String>,
    /// Write the report to this file instead of standard output.
    #[arg(long, global = true)]
    pub out: Option<PathBuf>,
    /// With --format csv: a UTF-8 BOM and formula-safe text cells, for opening in Excel.
    #[arg(long, global = true)]
    pub excel: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Markdown,
    Html,
    Xlsx,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database file, its schema and the seeded plan (idempotent).
    Init,
    /// Add a unit (enterprise or other organisation).
    AddUnit(UnitArgs),
    /// Change a unit's name, codes, kind, industry or location.
    UpdateUnit(UpdateUnitArgs),
    /// Add a standard that district units formulate or revise.
    AddStandard(StandardArgs),
    /// Change a standard (by id or number).
    UpdateStandard(UpdateStandardArgs),
    /// Add an enterprise standard filing (备案).
    AddFiling(FilingArgs),
    /// Add a review (复审) of an enterprise standard.
    AddReview(ReviewArgs),
    /// Add a standard innovation or product award.
    AddAward(AwardArgs),
    /// Add a municipal standardization project that passed.
    AddProject(ProjectArgs),
    /// Add a unit's seat on a national technical committee.
    AddCommittee(CommitteeArgs),
    /// Add a leading-group joint meeting (联席会议).
    AddMeeting(MeetingArgs),
    /// Set a milestone's status, owner or note.
    SetMilestone(MilestoneArgs),
    /// Void a record as a correction: it is kept, with the reason, and never counts again.
    Void(VoidArgs),
    /// List records of one kind.
    List(ListArgs),
    /// Where each target stands as of a date.
    Progress(ProgressArgs),
    /// What the reward policy grants, what was paid and what is outstanding.
    AwardCalc(AwardCalcArgs),
    /// Record a payment (or, negative, a refund) against an entitlement.
    RecordPayment(PaymentArgs),
    /// Add a new version of a reward rule.
    SetRule(SetRuleArgs),
    /// The leading group's quarterly report.
    QuarterlyReport(QuarterArgs),
    /// Import filings, reviews or units from a CSV file saved from Excel or WPS.
    Import(ImportArgs),
    /// Copy the database to a new file, safely while others use it.
    Backup(BackupArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `stdtrack man > stdtrack.1`.
    Man,
}

#[derive(Debug, Args)]
pub struct UnitArgs {
    #[arg(long)]
    pub name: String,
    /// Unified social credit code (统一社会信用代码).
    #[arg(long)]
    pub uscc: Option<String>,
    /// Organisation code (组织机构代码), e.g. 00251805-7.
    #[arg(long)]
    pub org_code: Option<String>,
    /// enterprise, institution, association, department or other (default enterprise).
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long)]
    pub industry: Option<String>,
    #[arg(long)]
    pub location: Option<String>,
    /// Accept a code whose check character is wrong, with a warning.
    #[arg(long)]
    pub allow_bad_check: bool,
}

#[derive(Debug, Args)]
pub struct UpdateUnitArgs {
    /// The unit: USCC, organisation code, id (12 or #12) or exact name.
    pub unit: String,
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub uscc: Option<String>,
    #[arg(long)]
    pub org_code: Option<String>,
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long)]
    pub industry: Option<String>,
    #[arg(long)]
    pub location: Option<String>,
    #[arg(long)]
    pub allow_bad_check: bool,
}

#[derive(Debug, Args)]
pub struct StandardArgs {
    /// Standard number, e.g. "GB/T 1.1-2020"; gives the level.
    #[arg(long)]
    pub number: Option<String>,
    #[arg(long)]
    pub title: String,
    /// formulate or revise.
    #[arg(long)]
    pub action: String,
    /// international, national, industry, local or group (derived from --number when given).
    #[arg(long)]
    pub level: Option<String>,
    /// drafting, published or abolished.
    #[arg(long)]
    pub status: Option<String>,
    /// Publication date (发布日期).
    #[arg(long)]
    pub published: Option<String>,
    /// The district unit that is first drafting unit.
    #[arg(long)]
    pub lead: Option<String>,
    /// A participating district unit (repeat for several).
    #[arg(long)]
    pub participant: Vec<String>,
}

#[derive(Debug, Args)]
pub struct UpdateStandardArgs {
    /// The standard: its id or its number.
    pub standard: String,
    #[arg(long)]
    pub number: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub action: Option<String>,
    #[arg(long)]
    pub level: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub published: Option<String>,
    #[arg(long, conflicts_with = "no_lead")]
    pub lead: Option<String>,
    /// Remove the lead.
    #[arg(long)]
    pub no_lead: bool,
    /// Given once or more, replaces the list of participants.
    #[arg(long)]
    pub participant: Vec<String>,
}

#[derive(Debug, Args)]
pub struct FilingArgs {
    #[arg(long)]
    pub unit: String,
    /// Enterprise standard number, Q/...
    #[arg(long)]
    pub number: String,
    #[arg(long)]
    pub title: String,
    /// Filing number (备案号).
    #[arg(long)]
    pub filing_no: String,
    #[arg(long)]
    pub filed: String,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[arg(long)]
    pub unit: String,
    #[arg(long)]
    pub number: String,
    #[arg(long)]
    pub reviewed: String,
    /// confirm, revise or abolish (继续有效, 修订, 废止).
    #[arg(long)]
    pub outcome: String,
    #[arg(long)]
    pub filing_no: Option<String>,
}

#[derive(Debug, Args)]
pub struct AwardArgs {
    #[arg(long)]
    pub unit: String,
    /// cn-innovation, cq-innovation or cq-product.
    #[arg(long)]
    pub kind: String,
    #[arg(long)]
    pub awarded: String,
    #[arg(long)]
    pub grade: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Debug, Args)]
pub struct ProjectArgs {
    #[arg(long)]
    pub unit: String,
    #[arg(long)]
    pub name: String,
    #[arg(long)]
    pub passed: String,
}

#[derive(Debug, Args)]
pub struct CommitteeArgs {
    #[arg(long)]
    pub unit: String,
    /// e.g. "SAC/TC 114/SC 1".
    #[arg(long)]
    pub committee: String,
    /// secretariat, convenor or member.
    #[arg(long)]
    pub role: String,
    #[arg(long)]
    pub since: String,
    /// The committee's name.
    #[arg(long)]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct MeetingArgs {
    #[arg(long)]
    pub held: String,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Args)]
pub struct MilestoneArgs {
    pub code: String,
    /// not-started, in-progress or done.
    #[arg(long)]
    pub status: String,
    /// The date it was done (default today, with --status done).
    #[arg(long)]
    pub done: Option<String>,
    #[arg(long)]
    pub owner: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VoidKind {
    Standard,
    Filing,
    Review,
    Award,
    Project,
    Committee,
    Meeting,
}

#[derive(Debug, Args)]
pub struct VoidArgs {
    #[arg(value_enum)]
    pub kind: VoidKind,
    pub id: String,
    /// Why the record is voided (kept with it).
    #[arg(long)]
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListKind {
    Units,
    Standards,
    Filings,
    Reviews,
    Awards,
    Projects,
    Committees,
    Meetings,
    Milestones,
    Payments,
    Targets,
    Rules,
    Audit,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(value_enum)]
    pub kind: ListKind,
    #[arg(long)]
    pub from: Option<String>,
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub unit: Option<String>,
}

#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// Default: today.
    #[arg(long)]
    pub as_of: Option<String>,
}

#[derive(Debug, Args)]
pub struct AwardCalcArgs {
    #[arg(long, conflicts_with_all = ["year", "quarter"])]
    pub from: Option<String>,
    #[arg(long, conflicts_with_all = ["year", "quarter"])]
    pub to: Option<String>,
    #[arg(long, conflicts_with = "quarter")]
    pub year: Option<i32>,
    /// e.g. 2013Q2, last, current.
    #[arg(long)]
    pub quarter: Option<String>,
    #[arg(long)]
    pub unit: Option<String>,
    /// Only what is still unpaid.
    #[arg(long)]
    pub outstanding: bool,
}

#[derive(Debug, Args)]
pub struct PaymentArgs {
    /// The entitlement key, e.g. lead-national:standard:12.
    pub key: String,
    #[arg(long)]
    pub paid: String,
    /// Whole yuan; negative for a refund. Default: what is outstanding.
    #[arg(long, allow_hyphen_values = true)]
    pub amount: Option<String>,
    /// Default: the entitlement's unit.
    #[arg(long)]
    pub payee: Option<String>,
    #[arg(long)]
    pub voucher: Option<String>,
}

#[derive(Debug, Args)]
pub struct SetRuleArgs {
    pub code: String,
    /// Whole yuan.
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    #[arg(long)]
    pub from: String,
    #[arg(long)]
    pub until: Option<String>,
    /// The fund it is paid from (default: the previous version's).
    #[arg(long)]
    pub fund: Option<String>,
}

#[derive(Debug, Args)]
pub struct QuarterArgs {
    /// 2013Q2, last or current.
    #[arg(long, default_value = "last")]
    pub quarter: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    Filings,
    Reviews,
    Units,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "gb18030", alias = "gbk")]
    Gb18030,
    #[value(name = "utf-16", alias = "utf16")]
    Utf16,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(value_enum)]
    pub kind: ImportKind,
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    pub encoding: EncodingArg,
    /// Write the good rows and put the bad ones in --rejects (exit 3).
    #[arg(long)]
    pub skip_invalid: bool,
    /// Where rejected rows go (default FILE.rejects.csv).
    #[arg(long)]
    pub rejects: Option<PathBuf>,
    /// Check everything, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub allow_bad_check: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The new file.
    pub dest: PathBuf,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
