//! The command line, as clap types only; no I/O. Names follow shared/CLI.md.
//!
//! Dates, codes and enum words are taken as text here and checked by the commands, so a bad
//! value is a refusal (exit 1, naming the field) rather than a usage error (exit 2).
//!
//! Help comes in two languages. The doc comments are the English help, written for the
//! office's clerks: each says what to type, the accepted words and the default. `zh.rs` holds
//! the Chinese text, keyed by subcommand name and argument id, and [`command`] lays it over the
//! same definitions at run time, with clap's own words (headings, `--help`, `--version`) in
//! Chinese too. `en.rs` holds the English examples that end each command's help.

use std::path::PathBuf;

use clap::builder::StyledStr;
use clap::{Arg, ArgAction, Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::render::Lang;

mod en;
#[cfg(test)]
mod tests;
mod zh;

/// The heading the global options are listed under, after a command's own options.
const GLOBAL_OPTIONS: &str = "Global options";

/// The whole command line in one language: parse with it, print its help, make completions
/// and the man page from it.
///
/// English is the doc comments of [`Cli`]; for [`Lang::Zh`] every about and help is replaced
/// from `zh.rs`, and clap's headings, `--help`, `--version` and its `[default: ...]`, `[env:
/// ...]` and `[possible values: ...]` notes give way to Chinese text that says the same. Each
/// main command's help ends with examples in that language.
///
/// The command comes back built ([`clap::Command::build`]), so the generated `help`
/// subcommand is translated too: parse with it or read it, but add or change no arguments on
/// it afterwards.
pub fn command(lang: Lang) -> clap::Command {
    let cmd = match lang {
        Lang::En => with_examples(Cli::command(), en::EXAMPLES_HEADING, en::EXAMPLES),
        Lang::Zh => localise(Cli::command(), true, &zh::WORDS),
    };
    let mut cmd = with_own_formats(cmd, lang);
    cmd.build();
    match lang {
        Lang::En => cmd,
        Lang::Zh => localise_help_subcommand(cmd, &zh::WORDS),
    }
}

/// The formats each command can write: a record, a report, a list, the import's summary.
/// `Ctx::require_format` refuses any other (exit 2), and each command's `--help` offers
/// only these.
pub fn formats_of(command: &str) -> &'static [Format] {
    use Format::*;
    const RECORD: &[Format] = &[Table, Json, Csv, Markdown];
    const REPORT: &[Format] = &[Table, Json, Csv, Markdown, Html, Xlsx];
    const LIST: &[Format] = &[Table, Json, Csv, Markdown, Html, Xlsx];
    const SUMMARY: &[Format] = &[Table, Json];
    match command {
        "progress" | "award-calc" | "quarterly-report" | "annual-report" | "show" | "due-reviews" | "budget-plan"
        | "check" | "history" => REPORT,
        "list" => LIST,
        "import" | "undo-import" => SUMMARY,
        "completions" | "man" => &[],
        _ => RECORD,
    }
}

/// Each command's help names only the formats it writes, in a line before its examples (the
/// global `--format` is one argument for all commands, so its own help cannot say).
fn with_own_formats(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        let formats = formats_of(&name);
        if formats.is_empty() {
            continue;
        }
        let list: Vec<&str> = formats.iter().map(|f| f.as_str()).collect();
        let to_file: Vec<&str> = formats.iter().filter(|f| matches!(f, Format::Xlsx)).map(|f| f.as_str()).collect();
        let help = match lang {
            Lang::Zh => format!(
                "本命令可输出 {}（默认 table，即表格）{}",
                list.join("、"),
                if to_file.is_empty() {
                    String::new()
                } else {
                    format!("；{} 需用 --out 指定文件", to_file.join("、"))
                }
            ),
            Lang::En => format!(
                "this command writes {} (default table){}",
                list.join(", "),
                if to_file.is_empty() {
                    String::new()
                } else {
                    format!("; {} go to a file named with --out", to_file.join(" and "))
                }
            ),
        };
        cmd = cmd.mut_subcommand(&name, |sc| {
            let after = sc.get_after_help().map(|s| s.to_string()).unwrap_or_default();
            let text =
                if after.is_empty() { format!("--format: {help}") } else { format!("{after}\n\n--format: {help}") };
            sc.after_help(text)
        });
    }
    cmd
}

/// The help of one command in a language other than the doc comments' English.
struct Help {
    /// The subcommand's name as typed (`add-filing`); "" for `stdtrack` itself.
    command: &'static str,
    /// One line, shown in the list of commands and by `-h`.
    about: &'static str,
    /// Shown by `--help` instead of `about` when there is more to say.
    long_about: Option<&'static str>,
    /// (argument id, help). The id is the field's name in the Args struct (`filing_no`), the
    /// option without its dashes and with `_` for `-`.
    args: &'static [(&'static str, &'static str)],
}

/// Examples, by subcommand name ("" for `stdtrack` itself): (what it does, the command line).
type Examples = &'static [(&'static str, &'static [(&'static str, &'static str)])];

/// The words clap writes itself, in the language of a `Help` table.
struct Words {
    usage: &'static str,
    commands: &'static str,
    arguments: &'static str,
    options: &'static str,
    global_options: &'static str,
    examples: &'static str,
    help_flag: &'static str,
    /// For a command whose `--help` says more than `-h`.
    help_flag_long: &'static str,
    version_flag: &'static str,
    help_subcommand: &'static str,
    commands_help: &'static [Help],
    global_args: &'static [(&'static str, &'static str)],
    command_examples: Examples,
}

/// "Examples:" and the examples, indented like clap's own sections, each under a comment
/// saying what it does, so a clerk can copy the line as it is.
fn examples_text(cmd: &clap::Command, heading: &str, examples: &[(&str, &str)]) -> StyledStr {
    let h = cmd.get_styles().get_header();
    let lines: Vec<String> = examples.iter().map(|(what, line)| format!("  # {what}\n  {line}")).collect();
    format!("{h}{heading}:{h:#}\n{}", lines.join("\n\n")).into()
}

fn find_examples(table: Examples, name: &str) -> Option<&'static [(&'static str, &'static str)]> {
    table.iter().find(|(command, _)| *command == name).map(|(_, examples)| *examples)
}

/// Puts the examples after the help of `cmd` and of each of its subcommands.
fn with_examples(cmd: clap::Command, heading: &str, table: Examples) -> clap::Command {
    let cmd = match find_examples(table, "") {
        Some(examples) => {
            let text = examples_text(&cmd, heading, examples);
            cmd.after_help(text)
        }
        None => cmd,
    };
    cmd.mut_subcommands(|sub| match find_examples(table, sub.get_name()) {
        Some(examples) => {
            let text = examples_text(&sub, heading, examples);
            sub.after_help(text)
        }
        None => sub,
    })
}

/// clap's default template with its "Usage:" in the table's language; the other headings
/// are the arguments' own (`localise` gives every argument one) and `subcommand_help_heading`.
fn help_template(cmd: &clap::Command, words: &Words) -> String {
    let u = cmd.get_styles().get_usage();
    format!("{{before-help}}{{about-with-newline}}\n{u}{}:{u:#} {{usage}}\n\n{{all-args}}{{after-help}}", words.usage)
}

/// One argument in the table's language. clap's notes are hidden only where the text, which
/// states the default, the environment variable and the accepted values itself, exists.
fn localise_arg(arg: Arg, text: Option<&'static str>, heading: &'static str) -> Arg {
    let arg = arg.help_heading(heading);
    match text {
        // A flag has no notes to hide (and clap refuses to hide them).
        Some(text) if !arg.get_action().takes_values() => arg.help(text).long_help(None::<&str>),
        Some(text) => {
            arg.help(text).long_help(None::<&str>).hide_default_value(true).hide_env(true).hide_possible_values(true)
        }
        None => arg,
    }
}

/// Lays the table's text over `cmd` and its subcommands, before clap builds them. A text
/// missing from the table leaves the English (and the tests fail).
///
/// The arguments are listed positionals, options, `--help`/`--version`, then the global
/// options: `mut_arg` puts each argument it touches last, so touching them in that order is
/// the order clap shows them in.
fn localise(cmd: clap::Command, top: bool, words: &Words) -> clap::Command {
    let name = if top { String::new() } else { cmd.get_name().to_string() };
    let help = words.commands_help.iter().find(|h| h.command == name);
    let template = help_template(&cmd, words);
    let mut cmd = cmd.help_template(template).subcommand_help_heading(words.commands).disable_help_flag(true);
    if let Some(h) = help {
        cmd = cmd.about(h.about).long_about(h.long_about);
    }
    if let Some(examples) = find_examples(words.command_examples, &name) {
        let text = examples_text(&cmd, words.examples, examples);
        cmd = cmd.after_help(text);
    }

    let args: Vec<(String, bool, bool)> =
        cmd.get_arguments().map(|a| (a.get_id().to_string(), a.is_positional(), a.is_global_set())).collect();
    let own_text = |id: &str| help.and_then(|h| h.args.iter().find(|(a, _)| *a == id)).map(|(_, t)| *t);
    for (id, _, _) in args.iter().filter(|(_, positional, global)| *positional && !*global) {
        cmd = cmd.mut_arg(id, |a| localise_arg(a, own_text(id), words.arguments));
    }
    for (id, _, _) in args.iter().filter(|(_, positional, global)| !*positional && !*global) {
        cmd = cmd.mut_arg(id, |a| localise_arg(a, own_text(id), words.options));
    }
    let long = help.is_some_and(|h| h.long_about.is_some());
    cmd = cmd.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(if long { words.help_flag_long } else { words.help_flag })
            .help_heading(words.options),
    );
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(words.version_flag)
                .help_heading(words.options),
        );
    }
    // Only the top level holds the global options; clap copies them, translated, into each
    // subcommand when it builds it.
    let global_text = |id: &str| words.global_args.iter().find(|(a, _)| *a == id).map(|(_, t)| *t);
    for (id, _, _) in args.iter().filter(|(_, _, global)| *global) {
        cmd = cmd.mut_arg(id, |a| localise_arg(a, global_text(id), words.global_options));
    }
    cmd.mut_subcommands(|sub| localise(sub, false, words))
}

/// The `help` subcommand exists only once clap has built the command, so it is translated
/// after: its about, its headings, and the `help help` inside it.
fn localise_help_subcommand(cmd: clap::Command, words: &Words) -> clap::Command {
    cmd.mut_subcommands(|sub| {
        if sub.get_name() != "help" {
            return sub;
        }
        let template = help_template(&sub, words);
        sub.about(words.help_subcommand)
            .help_template(template)
            .subcommand_help_heading(words.commands)
            .mut_subcommands(
                |inner| if inner.get_name() == "help" { inner.about(words.help_subcommand) } else { inner },
            )
    })
}

#[derive(Debug, Parser)]
#[command(
    name = "stdtrack",
    args_override_self = true,
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
    /// The database file; keep it on this computer's own disk, not on a network drive.
    #[arg(long, global = true, env = "STDTRACK_DB", default_value = "stdtrack.db", value_name = "PATH", help_heading = GLOBAL_OPTIONS)]
    pub db: PathBuf,
    /// How to print the output (default table, for reading); the formats this command writes
    /// are named at the end of its help.
    #[arg(long, global = true, value_enum, default_value_t = Format::Table, help_heading = GLOBAL_OPTIONS, hide_possible_values = true)]
    pub format: Format,
    /// Language of the help, labels and reports: zh or en; default: Chinese unless
    /// STDTRACK_LANG, LC_ALL, LC_MESSAGES or LANG (the first set) says en.
    #[arg(long, global = true, env = "STDTRACK_LANG", help_heading = GLOBAL_OPTIONS)]
    pub lang: Option<String>,
    /// The date taken as today, a date such as 2014-12-31 (also 2014/12/31, 2014年12月31日);
    /// default: today in China Standard Time.
    #[arg(long, global = true, env = "STDTRACK_TODAY", value_name = "DATE", help_heading = GLOBAL_OPTIONS)]
    pub today: Option<String>,
    /// Write the output to this file (e.g. 2014Q4.md) instead of the screen.
    #[arg(long, global = true, value_name = "FILE", help_heading = GLOBAL_OPTIONS)]
    pub out: Option<PathBuf>,
    /// With --format csv: add a UTF-8 BOM and keep text cells from turning into formulas, so
    /// Excel opens the file cleanly.
    #[arg(long, global = true, help_heading = GLOBAL_OPTIONS)]
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
    /// Create the database file with the 2012 notice's targets, reward rules and tasks (safe to
    /// run again).
    Init,
    /// Add a unit: an enterprise or another organisation in the district.
    AddUnit(UnitArgs),
    /// Change a unit's name, codes, kind, industry or location; only the options given change.
    UpdateUnit(UpdateUnitArgs),
    /// Add a national, industry, local, international or group standard that district units
    /// formulate or revise.
    ///
    /// The level comes from the number (GB/T is national, DB50/T local, and so on). A published
    /// or abolished standard needs --published; a drafting one has none. Give at least one
    /// --lead or --participant; a unit cannot be both. Enterprise standards (Q/...) are filings:
    /// record them with add-filing.
    AddStandard(StandardArgs),
    /// Change a standard, found by its id or its number; only the options given change.
    UpdateStandard(UpdateStandardArgs),
    /// Record an enterprise standard filing (备案).
    AddFiling(FilingArgs),
    /// Record a review (复审) of an enterprise standard.
    AddReview(ReviewArgs),
    /// Record a standard award won by a unit: 中国标准创新贡献奖, 重庆市标准创新贡献奖 or
    /// 重庆市产品标准奖.
    AddAward(AwardArgs),
    /// Record a municipal standardization project (市级标准化项目) that passed.
    AddProject(ProjectArgs),
    /// Record a unit's seat on a national technical committee, subcommittee or working group.
    AddCommittee(CommitteeArgs),
    /// Record a joint meeting (联席会议) of the leading group.
    AddMeeting(MeetingArgs),
    /// Set the status, owner or note of one of the notice's tasks (milestones).
    SetMilestone(MilestoneArgs),
    /// Void a record entered by mistake: it is kept, with the reason, and never counts again.
    Void(VoidArgs),
    /// Correct a filing; only the options given change, and the change is kept in the audit
    /// with its reason.
    UpdateFiling(UpdateFilingArgs),
    /// Correct a review; only the options given change, and the change is kept in the audit
    /// with its reason.
    UpdateReview(UpdateReviewArgs),
    /// Correct an award; only the options given change, and the change is kept in the audit
    /// with its reason.
    UpdateAward(UpdateAwardArgs),
    /// Correct a municipal project; only the options given change, and the change is kept in
    /// the audit with its reason.
    UpdateProject(UpdateProjectArgs),
    /// Correct a committee seat; only the options given change, and the change is kept in the
    /// audit with its reason.
    UpdateCommittee(UpdateCommitteeArgs),
    /// Correct a joint meeting; only the options given change, and the change is kept in the
    /// audit with its reason.
    UpdateMeeting(UpdateMeetingArgs),
    /// Undo an import: every record the batch added, and every unit it created, is voided and
    /// kept with the reason.
    ///
    /// Refused, naming the record, while a record outside the batch uses a unit the batch
    /// created. The same file may then be imported again. `stdtrack list batches` shows the
    /// batches.
    UndoImport(UndoImportArgs),
    /// Merge a duplicate unit into the one kept: its records move over, and the duplicate is
    /// voided with the reason.
    ///
    /// Standards (lead and participants), filings, reviews, awards, projects, committee seats
    /// and payments of the duplicate become the kept unit's; codes the kept unit lacks are
    /// taken from the duplicate. Units with different codes are not one unit and are refused.
    MergeUnits(MergeUnitsArgs),
    /// One record's history: every change, oldest first, with who, when, the command, the
    /// reason and the fields that changed.
    History(HistoryArgs),
    /// Examine the database: the file's integrity, the per-day counts, and records that
    /// cannot be right (overpaid, paid before the event, dated in the future, probable
    /// duplicate units, codes that fail their check, standards with no district unit).
    ///
    /// Exit status 0 and "no problems" when all is well; 1 and one line per problem otherwise.
    Check,
    /// List the records of one kind, by date range and unit if wished.
    List(ListArgs),
    /// Where each 2015 target stands on a date, with the tasks and the joint meetings.
    Progress(ProgressArgs),
    /// The subsidies and rewards the policy grants, what has been paid and what is still owed.
    AwardCalc(AwardCalcArgs),
    /// Record a payment (or, with a negative amount, a refund) of a subsidy or reward.
    RecordPayment(PaymentArgs),
    /// Change a subsidy or reward amount from a date on (a new version of the rule).
    SetRule(SetRuleArgs),
    /// The leading group's quarterly report: targets, tasks, meetings, rewards and the
    /// quarter's new records.
    QuarterlyReport(QuarterArgs),
    /// The yearly summary: the year's figures against the targets, what the year added, money
    /// entitled and paid by fund against budget, tasks and yearly duties, meetings held.
    AnnualReport(AnnualArgs),
    /// One unit at a glance: its details, standards, filings, reviews, awards, projects and
    /// committee seats, the targets it counts toward, and what it is owed and was paid.
    Show(ShowArgs),
    /// Enterprise standards due for review (three years after their filing or last review),
    /// overdue first, with the unit's contact where stored.
    DueReviews(DueReviewsArgs),
    /// Set a fund's budget for a year (a later call replaces it).
    SetBudget(SetBudgetArgs),
    /// Estimate a year's need per fund: what is owed, plus a lead reward for each standard
    /// being drafted with a district enterprise as lead.
    BudgetPlan(BudgetPlanArgs),
    /// Change one of the readings of the notice the office decides: which local-standard
    /// prefixes count, which committees are national, the focus industries.
    SetPlan(SetPlanArgs),
    /// Import filings, reviews or units from a workbook (.xlsx, .xls, .ods) or a CSV file saved
    /// from Excel or WPS.
    ///
    /// A workbook's first sheet is read (--sheet for another); a CSV's encoding (GBK, UTF-8,
    /// Unicode text) is recognised by itself. The header row may be below a title (within the
    /// first 10 rows); column headers may be English or Chinese, in any order, in the forms
    /// registers use. Totals rows are skipped. By default nothing is imported while any row has
    /// an error, and every error is listed with its line (a sheet's row number) and column.
    /// With --skip-invalid the good rows are imported and the bad ones saved to a file to
    /// correct and import again. Rows imported before are skipped.
    Import(ImportArgs),
    /// Copy the database to a new file; safe while others are using it.
    Backup(BackupArgs),
    /// Upgrade a database an older stdtrack made to this release's schema.
    ///
    /// The file is first copied beside itself as FILE.vN.bak (N its old version); every
    /// command that writes does the same on its own, and a command that only reads refuses an
    /// older file until it is upgraded.
    Migrate,
    /// Print a shell completion script, so the Tab key completes commands and options.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `stdtrack man > stdtrack.1`.
    Man,
}

#[derive(Debug, Args)]
pub struct UnitArgs {
    /// The unit's full name, e.g. 重庆某铝业有限公司; no two units share a name.
    #[arg(long)]
    pub name: String,
    /// Unified social credit code (统一社会信用代码), 18 characters, e.g. 91500107186265962P.
    #[arg(long)]
    pub uscc: Option<String>,
    /// Organisation code (组织机构代码), e.g. 00251805-7; units recorded before 2015 often have
    /// only this.
    #[arg(long)]
    pub org_code: Option<String>,
    /// enterprise (企业, the default), institution (事业单位), association (社会团体),
    /// department (机关) or other.
    #[arg(long)]
    pub kind: Option<String>,
    /// The industry, e.g. 铝加工, 汽摩制造, 装备制造.
    #[arg(long)]
    pub industry: Option<String>,
    /// Where the unit is, e.g. 西彭镇 or 九龙园区.
    #[arg(long)]
    pub location: Option<String>,
    /// Accept a code whose check character is wrong (some early codes are), with a warning.
    #[arg(long)]
    pub allow_bad_check: bool,
}

#[derive(Debug, Args)]
pub struct UpdateUnitArgs {
    /// The unit: USCC, organisation code, id (12 or #12) or exact name.
    pub unit: String,
    /// The new full name.
    #[arg(long)]
    pub name: Option<String>,
    /// The new unified social credit code; "" removes it.
    #[arg(long)]
    pub uscc: Option<String>,
    /// The new organisation code, e.g. 00251805-7; "" removes it.
    #[arg(long)]
    pub org_code: Option<String>,
    /// The new kind: enterprise, institution, association, department or other.
    #[arg(long)]
    pub kind: Option<String>,
    /// The new industry, e.g. 铝加工; "" removes it.
    #[arg(long)]
    pub industry: Option<String>,
    /// The new location; "" removes it.
    #[arg(long)]
    pub location: Option<String>,
    /// Accept a code whose check character is wrong (some early codes are), with a warning.
    #[arg(long)]
    pub allow_bad_check: bool,
    /// Why it is changed, e.g. 单位更名; kept with the change.
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct StandardArgs {
    /// Standard number, e.g. "GB/T 1.1-2020" or "DB50/T 576-2014"; it gives the level. May be
    /// left out while the standard is drafted.
    #[arg(long)]
    pub number: Option<String>,
    /// The standard's title, e.g. 铝合金建筑型材.
    #[arg(long)]
    pub title: String,
    /// formulate (制定) or revise (修订); the Chinese words work too.
    #[arg(long)]
    pub action: String,
    /// international, national, industry, local or group; needed only without --number (the
    /// number gives it).
    #[arg(long)]
    pub level: Option<String>,
    /// drafting, published or abolished; default: published when --published is given, else
    /// drafting.
    #[arg(long)]
    pub status: Option<String>,
    /// Publication date (发布日期), a date such as 2013-05-01 (also 2013/5/1, 2013年5月1日);
    /// required for published and abolished standards.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// The lead, a district unit that is the first drafting unit of the whole standard: USCC,
    /// organisation code, id (12 or #12) or exact name.
    #[arg(long, value_name = "UNIT")]
    pub lead: Option<String>,
    /// A participating district unit (repeat for several): USCC, organisation code, id (12 or
    /// #12) or exact name.
    #[arg(long, value_name = "UNIT")]
    pub participant: Vec<String>,
    /// The international standard it adopts (采标), e.g. "ISO 6361-1:2011"; read from a
    /// "/ISO …" or "/IEC …" suffix of the number when not given.
    #[arg(long, value_name = "NUMBER")]
    pub adopts: Option<String>,
    /// How closely it adopts it: IDT (等同采用, the default), MOD (修改采用) or NEQ (非等效采用).
    #[arg(long)]
    pub degree: Option<String>,
}

#[derive(Debug, Args)]
pub struct UpdateStandardArgs {
    /// The standard: its id (5 or #5) or its number (e.g. "GB/T 30001-2013").
    pub standard: String,
    /// The new standard number; the level follows it.
    #[arg(long)]
    pub number: Option<String>,
    /// The new title.
    #[arg(long)]
    pub title: Option<String>,
    /// formulate (制定) or revise (修订); the Chinese words work too.
    #[arg(long)]
    pub action: Option<String>,
    /// international, national, industry, local or group, for a number whose prefix is not
    /// known.
    #[arg(long)]
    pub level: Option<String>,
    /// drafting, published or abolished.
    #[arg(long)]
    pub status: Option<String>,
    /// Publication date, a date such as 2013-05-01 (also 2013/5/1, 2013年5月1日); given to a
    /// drafting standard, it publishes it.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// The new lead: USCC, organisation code, id (12 or #12) or exact name.
    #[arg(long, conflicts_with = "no_lead", value_name = "UNIT")]
    pub lead: Option<String>,
    /// Remove the lead.
    #[arg(long)]
    pub no_lead: bool,
    /// A participating unit; given once or more, replaces the list of participants.
    #[arg(long, value_name = "UNIT")]
    pub participant: Vec<String>,
    /// The international standard it adopts (采标), e.g. "ISO 6361-1:2011"; "" removes it.
    #[arg(long, value_name = "NUMBER")]
    pub adopts: Option<String>,
    /// How closely it adopts it: IDT (等同采用), MOD (修改采用) or NEQ (非等效采用).
    #[arg(long)]
    pub degree: Option<String>,
    /// Why it is changed, e.g. 发布日期录错; kept with the change.
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct FilingArgs {
    /// The enterprise: USCC, organisation code, id (12 or #12) or exact name.
    #[arg(long)]
    pub unit: String,
    /// Enterprise standard number, e.g. "Q/JLP 001-2013".
    #[arg(long)]
    pub number: String,
    /// The standard's title, e.g. 铝合金建筑型材.
    #[arg(long)]
    pub title: String,
    /// Filing number (备案号), e.g. 50107-00001.
    #[arg(long)]
    pub filing_no: String,
    /// Filing date (备案日期), a date such as 2013-05-01 (also 2013/5/1, 2013年5月1日).
    #[arg(long, value_name = "DATE")]
    pub filed: String,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The enterprise: USCC, organisation code, id (12 or #12) or exact name.
    #[arg(long)]
    pub unit: String,
    /// Enterprise standard number, e.g. "Q/JLP 001-2013".
    #[arg(long)]
    pub number: String,
    /// Review date (复审日期), a date such as 2013-05-01 (also 2013/5/1, 2013年5月1日).
    #[arg(long, value_name = "DATE")]
    pub reviewed: String,
    /// confirm (继续有效, also 确认), revise (修订) or abolish (废止); the Chinese words work too.
    #[arg(long)]
    pub outcome: String,
    /// The filing number (备案号) of the standard reviewed, if known.
    #[arg(long)]
    pub filing_no: Option<String>,
}

#[derive(Debug, Args)]
pub struct AwardArgs {
    /// The unit that won it: USCC, organisation code, id (12 or #12) or exact name.
    #[arg(long)]
    pub unit: String,
    /// cn-innovation (中国标准创新贡献奖), cq-innovation (重庆市标准创新贡献奖) or cq-product
    /// (重庆市产品标准奖); the Chinese names work too.
    #[arg(long)]
    pub kind: String,
    /// Award date, a date such as 2013-05-01 (also 2013/5/1, 2013年5月1日).
    #[arg(long, value_name = "DATE")]
    pub awarded: String,
    /// The grade, e.g. 一等奖.
    #[arg(long)]
    pub grade: Option<String>,
    /// The title of the standard or project that won it.
    #[arg(long)]
    pub title: Option<String>,
    /// Record it even though a live award has the same unit, kind and date (with --reason).
    #[arg(long, requires = "reason")]
    pub duplicate_ok: bool,
    /// Why a second award with the same unit, kind and date is right; kept in the audit log.
    #[arg(long, requires = "duplicate_ok")]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct ProjectArgs {
    /// The unit that carries the project: USCC, organisation code, id (12 or #12) or exact name.
    #[arg(long)]
    pub unit: String,
    /// The project's name, e.g. 市级标准化试点.
    #[arg(long)]
    pub name: String,
    /// The date the municipal authority passed it, a date such as 2013-05-01 (also 2013/5/1,
    /// 2013年5月1日).
    #[arg(long, value_name = "DATE")]
    pub passed: String,
    /// Record it even though a live project has the same name and pass date (with --reason).
    #[arg(long, requires = "reason")]
    pub duplicate_ok: bool,
    /// Why a second project with the same name and pass date is right; kept in the audit log.
    #[arg(long, requires = "duplicate_ok")]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct CommitteeArgs {
    /// The unit: USCC, organisation code, id (12 or #12) or exact name.
    #[arg(long)]
    pub unit: String,
    /// The committee's code, e.g. "SAC/TC 114/SC 1".
    #[arg(long)]
    pub committee: String,
    /// secretariat (秘书处), convenor (工作组召集单位) or member (委员单位); the Chinese words work
    /// too.
    #[arg(long)]
    pub role: String,
    /// The date the unit took the seat, a date such as 2013-05-01 (also 2013/5/1, 2013年5月1日).
    #[arg(long, value_name = "DATE")]
    pub since: String,
    /// The committee's name, e.g. 全国汽车标准化技术委员会.
    #[arg(long)]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct MeetingArgs {
    /// The date it was held, a date such as 2013-05-01 (also 2013/5/1, 2013年5月1日).
    #[arg(long, value_name = "DATE")]
    pub held: String,
    /// The meeting's title, e.g. 2014年第四季度联席会议.
    #[arg(long)]
    pub title: Option<String>,
    /// Notes, e.g. what was decided.
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Args)]
pub struct MilestoneArgs {
    /// The task's code, e.g. info-platform; `stdtrack list milestones` shows them all.
    pub code: String,
    /// not-started, in-progress or done (the Chinese words work too), recorded as a change
    /// dated --on; a yearly duty done counts for that date's year.
    #[arg(long)]
    pub status: Option<String>,
    /// The date of the change, a date such as 2013-05-01 (also 2013/5/1, 2013年5月1日);
    /// required with --status done; default: today. --done is another name for it.
    #[arg(long, visible_alias = "done", value_name = "DATE")]
    pub on: Option<String>,
    /// The department responsible, e.g. 区质监局; joint owners as 区质监局、区外经贸委.
    #[arg(long)]
    pub owner: Option<String>,
    /// A note kept with the change, e.g. how far it has got; only with --status.
    #[arg(long)]
    pub note: Option<String>,
    /// yearly (a duty done, or missed, each year, such as World Standards Day) or none (done
    /// once).
    #[arg(long)]
    pub recurring: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VoidKind {
    #[value(alias = "标准")]
    Standard,
    #[value(alias = "备案")]
    Filing,
    #[value(alias = "复审")]
    Review,
    #[value(alias = "获奖")]
    Award,
    #[value(alias = "项目")]
    Project,
    #[value(alias = "委员会")]
    Committee,
    #[value(alias = "会议")]
    Meeting,
    #[value(alias = "付款")]
    Payment,
}

#[derive(Debug, Args)]
pub struct VoidArgs {
    /// The kind of record; a payment entered by mistake too (a refund stays a refund). The
    /// Chinese words work too: 标准 备案 复审 获奖 项目 委员会 会议 付款.
    #[arg(value_enum)]
    pub kind: VoidKind,
    /// The record's id (3 or #3), as `stdtrack list` shows it.
    pub id: String,
    /// Why the record is voided, e.g. 重复录入; kept with it.
    #[arg(long)]
    pub reason: String,
}

#[derive(Debug, Args)]
pub struct UpdateFilingArgs {
    /// The filing's id (3 or #3), as `stdtrack list filings` shows it.
    pub id: String,
    /// The enterprise: USCC, organisation code, id (12 or #12) or exact name.
    #[arg(long)]
    pub unit: Option<String>,
    /// Enterprise standard number, e.g. "Q/JLP 001-2013".
    #[arg(long)]
    pub number: Option<String>,
    /// The standard's title.
    #[arg(long)]
    pub title: Option<String>,
    /// Filing number (备案号), e.g. 50107-00001.
    #[arg(long)]
    pub filing_no: Option<String>,
    /// Filing date (备案日期), a date such as 2013-05-01 (also 2013/5/1, 2013年5月1日).
    #[arg(long, value_name = "DATE")]
    pub filed: Option<String>,
    /// Why it is corrected, e.g. 备案日期录错; kept with the change.
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct UpdateReviewArgs {
    /// The review's id (3 or #3), as `stdtrack list reviews` shows it.
    pub id: String,
    /// The enterprise: USCC, organisation code, id (12 or #12) or exact name.
    #[arg(long)]
    pub unit: Option<String>,
    /// Enterprise standard number, e.g. "Q/JLP 001-2013".
    #[arg(long)]
    pub number: Option<String>,
    /// Review date (复审日期), a date such as 2013-05-01 (also 2013/5/1, 2013年5月1日).
    #[arg(long, value_name = "DATE")]
    pub reviewed: Option<String>,
    /// confirm (继续有效, also 确认), revise (修订) or abolish (废止); the Chinese words work too.
    #[arg(long)]
    pub outcome: Option<String>,
    /// The filing number (备案号) of the standard reviewed; "" removes it.
    #[arg(long)]
    pub filing_no: Option<String>,
    /// Why it is corrected, e.g. 复审结论录错; kept with the change.
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct UpdateAwardArgs {
    /// The award's id (3 or #3), as `stdtrack list awards` shows it.
    pub id: String,
    /// The unit that won it: USCC, organisation code, id (12 or #12) or exact name.
    #[arg(long)]
    pub unit: Option<String>,
    /// cn-innovation (中国标准创新贡献奖), cq-innovation (重庆市标准创新贡献奖) or cq-product
    /// (重庆市产品标准奖); the Chinese names work too.
    #[arg(long)]
    pub kind: Option<String>,
    /// Award date, a date such as 2013-05-01 (also 2013/5/1, 2013年5月1日).
    #[arg(long, value_name = "DATE")]
    pub awarded: Option<String>,
    /// The grade, e.g. 一等奖; "" removes it.
    #[arg(long)]
    pub grade: Option<String>,
    /// The title of the standard or project that won it; "" removes it.
    #[arg(long)]
    pub title: Option<String>,
    /// Why it is corrected, e.g. 获奖单位录错; kept with the change.
    #[arg(long)]
    pub reason: Option<String>,
    /// Correct it even into the same unit, kind and date as another live award (with --reason).
    #[arg(long, requires = "reason")]
    pub duplicate_ok: bool,
}

#[derive(Debug, Args)]
pub struct UpdateProjectArgs {
    /// The project's id (3 or #3), as `stdtrack list projects` shows it.
    pub id: String,
    /// The unit that carries the project: USCC, organisation code, id (12 or #12) or exact name.
    #[arg(long)]
    pub unit: Option<String>,
    /// The project's name.
    #[arg(long)]
    pub name: Option<String>,
    /// The date the municipal authority passed it, a date such as 2013-05-01 (also 2013/5/1,
    /// 2013年5月1日).
    #[arg(long, value_name = "DATE")]
    pub passed: Option<String>,
    /// Why it is corrected, e.g. 通过日期录错; kept with the change.
    #[arg(long)]
    pub reason: Option<String>,
    /// Correct it even into the same name and pass date as another live project (with --reason).
    #[arg(long, requires = "reason")]
    pub duplicate_ok: bool,
}

#[derive(Debug, Args)]
pub struct UpdateCommitteeArgs {
    /// The committee seat's id (3 or #3), as `stdtrack list committees` shows it.
    pub id: String,
    /// The unit: USCC, organisation code, id (12 or #12) or exact name.
    #[arg(long)]
    pub unit: Option<String>,
    /// The committee's code, e.g. "SAC/TC 114/SC 1".
    #[arg(long)]
    pub committee: Option<String>,
    /// secretariat (秘书处), convenor (工作组召集单位) or member (委员单位); the Chinese words work
    /// too.
    #[arg(long)]
    pub role: Option<String>,
    /// The date the unit took the seat, a date such as 2013-05-01 (also 2013/5/1, 2013年5月1日).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// The committee's name; "" removes it.
    #[arg(long)]
    pub name: Option<String>,
    /// Why it is corrected, e.g. 角色录错; kept with the change.
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct UpdateMeetingArgs {
    /// The meeting's id (3 or #3), as `stdtrack list meetings` shows it.
    pub id: String,
    /// The date it was held, a date such as 2013-05-01 (also 2013/5/1, 2013年5月1日).
    #[arg(long, value_name = "DATE")]
    pub held: Option<String>,
    /// The meeting's title; "" removes it.
    #[arg(long)]
    pub title: Option<String>,
    /// Notes; "" removes them.
    #[arg(long)]
    pub notes: Option<String>,
    /// Why it is corrected, e.g. 会议日期录错; kept with the change.
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct UndoImportArgs {
    /// The batch's number, as the import printed it and `stdtrack list batches` shows it.
    pub batch: String,
    /// Why the import is undone, e.g. 导错了文件; kept with every record it voids.
    #[arg(long)]
    pub reason: String,
}

#[derive(Debug, Args)]
pub struct MergeUnitsArgs {
    /// The unit kept: USCC, organisation code, id (12 or #12) or exact name.
    pub keep: String,
    /// The duplicate, voided once its records have moved: USCC, organisation code, id (12 or
    /// #12) or exact name.
    pub duplicate: String,
    /// Why they are one unit, e.g. 同一企业重复登记; kept with the duplicate.
    #[arg(long)]
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryKind {
    #[value(alias = "单位")]
    Unit,
    #[value(alias = "标准")]
    Standard,
    #[value(alias = "备案")]
    Filing,
    #[value(alias = "复审")]
    Review,
    #[value(alias = "获奖")]
    Award,
    #[value(alias = "项目")]
    Project,
    #[value(alias = "委员会")]
    Committee,
    #[value(alias = "会议")]
    Meeting,
    #[value(alias = "付款")]
    Payment,
    #[value(aliases = ["批次", "导入批次"])]
    Batch,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The kind of record; the Chinese words work too: 单位 标准 备案 复审 获奖 项目 委员会 会议
    /// 付款 批次.
    #[arg(value_enum)]
    pub kind: HistoryKind,
    /// The record's id (3 or #3), as `stdtrack list` shows it; a batch's number.
    pub id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListKind {
    #[value(alias = "单位")]
    Units,
    #[value(alias = "标准")]
    Standards,
    #[value(alias = "备案")]
    Filings,
    #[value(alias = "复审")]
    Reviews,
    #[value(alias = "获奖")]
    Awards,
    #[value(alias = "项目")]
    Projects,
    #[value(alias = "委员会")]
    Committees,
    #[value(alias = "会议")]
    Meetings,
    #[value(alias = "任务")]
    Milestones,
    #[value(alias = "付款")]
    Payments,
    #[value(alias = "指标")]
    Targets,
    #[value(alias = "规则")]
    Rules,
    #[value(aliases = ["审计", "日志"])]
    Audit,
    #[value(alias = "预算")]
    Budgets,
    #[value(alias = "设置")]
    Settings,
    #[value(aliases = ["批次", "导入批次"])]
    Batches,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// What to list; committees are the units' committee seats, milestones the notice's tasks,
    /// audit the log of every change, batches the imports, budgets the funds' yearly budgets,
    /// settings the readings set with set-plan. The Chinese words work too: 单位 标准 备案 复审
    /// 获奖 项目 委员会 会议 任务 付款 指标 规则 审计 (or 日志) 批次 预算 设置.
    #[arg(value_enum)]
    pub kind: ListKind,
    /// Only records dated on or after this day, a date such as 2014-01-01 (also 2014/1/1,
    /// 2014年1月1日).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only records dated on or before this day, a date such as 2014-12-31 (also 2014/12/31,
    /// 2014年12月31日).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only this unit's records: USCC, organisation code, id (12 or #12) or exact name.
    #[arg(long)]
    pub unit: Option<String>,
    /// With standards: only those adopting an international standard (采标).
    #[arg(long)]
    pub adopted: bool,
}

#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// The date to count up to, a date such as 2015-12-31 (also 2015/12/31, 2015年12月31日);
    /// default: today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Also list the tasks under each owning department (joint tasks under each owner).
    #[arg(long)]
    pub by_owner: bool,
    /// Also split every target's figure by the unit's industry: the focus industries and 其他.
    #[arg(long)]
    pub by_industry: bool,
}

#[derive(Debug, Args)]
pub struct AwardCalcArgs {
    /// From this day (included), a date such as 2014-01-01 (also 2014/1/1, 2014年1月1日); not
    /// with --year or --quarter. No range at all means all time.
    #[arg(long, conflicts_with_all = ["year", "quarter"], value_name = "DATE")]
    pub from: Option<String>,
    /// Up to this day (included), a date such as 2014-12-31 (also 2014/12/31, 2014年12月31日).
    #[arg(long, conflicts_with_all = ["year", "quarter"], value_name = "DATE")]
    pub to: Option<String>,
    /// One calendar year, e.g. 2014; not with --quarter.
    #[arg(long, conflicts_with = "quarter")]
    pub year: Option<i32>,
    /// One quarter: e.g. 2014Q4 (also 2014年第四季度), last or current.
    #[arg(long)]
    pub quarter: Option<String>,
    /// Only this unit: USCC, organisation code, id (12 or #12) or exact name.
    #[arg(long)]
    pub unit: Option<String>,
    /// Only what is still unpaid (on the --as-of day).
    #[arg(long)]
    pub outstanding: bool,
    /// Count the payments made up to this day, a date such as 2013-12-31 (also 2013/12/31,
    /// 2013年12月31日): what was paid and owed then; default: today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

#[derive(Debug, Args)]
pub struct PaymentArgs {
    /// The entitlement's key, as award-calc shows it, e.g. lead-national:standard:12.
    pub key: String,
    /// Payment date, a date such as 2013-05-01 (also 2013/5/1, 2013年5月1日).
    #[arg(long, value_name = "DATE")]
    pub paid: String,
    /// Whole yuan, e.g. 300000; negative for a refund (-50000); default: what is still owed.
    #[arg(long, allow_hyphen_values = true, value_name = "YUAN")]
    pub amount: Option<String>,
    /// The unit paid: USCC, organisation code, id (12 or #12) or exact name; default: the unit
    /// entitled.
    #[arg(long, value_name = "UNIT")]
    pub payee: Option<String>,
    /// The voucher number, e.g. 记-0123.
    #[arg(long)]
    pub voucher: Option<String>,
}

#[derive(Debug, Args)]
pub struct SetRuleArgs {
    /// The rule: municipal-project, lead-national, lead-international, cn-innovation-award or
    /// cq-innovation-award (`stdtrack list rules` shows them).
    pub code: String,
    /// The new amount in whole yuan, e.g. 80000; default: the previous version's.
    #[arg(long, allow_hyphen_values = true, value_name = "YUAN")]
    pub amount: Option<String>,
    /// The first day of the new amount, a date such as 2015-01-01 (also 2015/1/1,
    /// 2015年1月1日); the previous version ends the day before.
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// The last day of the new amount, a date such as 2015-12-31 (also 2015/12/31,
    /// 2015年12月31日); default: no end.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// The fund it is paid from: district-finance (区财政) or industry-fund (区产业发展专项资金);
    /// default: the previous version's.
    #[arg(long)]
    pub fund: Option<String>,
    /// record (each qualifying record earns it) or enterprise (once per enterprise, keyed by
    /// unit); default: the previous version's.
    #[arg(long)]
    pub per: Option<String>,
}

#[derive(Debug, Args)]
pub struct QuarterArgs {
    /// The quarter: e.g. 2014Q4 (also 2014年第四季度), last (the one before today's) or current.
    #[arg(long, default_value = "last")]
    pub quarter: String,
    /// Store the report as submitted; later runs show these figures, and what today's records
    /// would change in them.
    #[arg(long, conflicts_with = "recompute")]
    pub finalize: bool,
    /// Why a quarter finalized already is finalized again (needed then; both are kept).
    #[arg(long, requires = "finalize")]
    pub reason: Option<String>,
    /// For a finalized quarter: show it recomputed from today's records (still as of the
    /// quarter's end) instead of the stored figures.
    #[arg(long)]
    pub recompute: bool,
}

#[derive(Debug, Args)]
pub struct AnnualArgs {
    /// The year, e.g. 2014; a year not yet over is reported as it stands today.
    #[arg(long)]
    pub year: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowKind {
    #[value(alias = "单位")]
    Unit,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// What to show: unit (单位).
    #[arg(value_enum)]
    pub kind: ShowKind,
    /// The unit: USCC, organisation code, id (12 or #12) or exact name.
    #[arg(value_name = "UNIT")]
    pub unit: String,
}

#[derive(Debug, Args)]
pub struct DueReviewsArgs {
    /// The date to look from, a date such as 2016-06-01 (also 2016/6/1, 2016年6月1日);
    /// default: today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Also list standards falling due within this many days; default: 90.
    #[arg(long, default_value_t = 90, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(0..=36600))]
    pub within: u32,
}

#[derive(Debug, Args)]
pub struct SetBudgetArgs {
    /// The fund: district-finance (区财政) or industry-fund (区产业发展专项资金).
    pub fund: String,
    /// The year, e.g. 2015.
    pub year: i32,
    /// The budget in whole yuan, e.g. 1,000,000.
    #[arg(value_name = "YUAN")]
    pub amount: String,
}

#[derive(Debug, Args)]
pub struct BudgetPlanArgs {
    /// The year to plan for, e.g. 2016.
    #[arg(long)]
    pub year: i32,
}

#[derive(Debug, Args)]
pub struct SetPlanArgs {
    /// local-prefixes (地方标准前缀), national-committees (全国标委会前缀) or focus-industries
    /// (重点产业).
    pub key: String,
    /// The list: e.g. DB50 (local-prefixes), SAC (national-committees), 铝加工 汽摩制造 装备制造
    /// (focus-industries); several items as separate words or separated by commas.
    #[arg(required = true, num_args = 1.., value_name = "VALUE")]
    pub values: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    #[value(alias = "备案")]
    Filings,
    #[value(alias = "复审")]
    Reviews,
    #[value(alias = "单位")]
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
    /// What the file holds; the Chinese words work too: 备案 复审 单位.
    #[arg(value_enum)]
    pub kind: ImportKind,
    /// The file: a workbook (.xlsx, .xls, .ods), or a CSV saved from Excel or WPS as CSV or
    /// Unicode text, e.g. filings-2014.xlsx.
    pub file: PathBuf,
    /// The sheet of a workbook to read: its name, or its number counting from 1 (default: the
    /// first sheet).
    #[arg(long, value_name = "NAME|N")]
    pub sheet: Option<String>,
    /// The file's encoding: auto recognises it; gb18030 (or gbk) is Excel's plain CSV, utf-16
    /// its Unicode text.
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    pub encoding: EncodingArg,
    /// Import the good rows and save the bad ones to --rejects (exit status 3).
    #[arg(long)]
    pub skip_invalid: bool,
    /// Where the bad rows go, with an error column (default: FILE.rejects.csv).
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
    /// Check everything and report as a real import would, but write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Accept codes whose check character is wrong (some early codes are), with a warning.
    #[arg(long)]
    pub allow_bad_check: bool,
    /// Create units whose names are close to stored ones (the same name with another legal
    /// form, place prefix, brackets or punctuation); without it such a row is an error naming
    /// the stored unit.
    #[arg(long)]
    pub new_units: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The new file to copy to, e.g. stdtrack-2014-12-31.db; it must not exist yet.
    pub dest: PathBuf,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
