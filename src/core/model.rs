//! Domain types shared by every layer. Each enum's text form is written once here
//! (`as_str` / `FromStr`) and reused by clap, serde, the store and the renderers.

use std::fmt;
use std::str::FromStr;

pub type Date = chrono::NaiveDate;

/// Declares a text-backed enum with `as_str`, `ALL`, `FromStr`, `Display` and serde support.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The accepted spellings, for error messages and clap.
            pub fn names() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.as_str()).collect()
            }
        }

        impl FromStr for $name {
            type Err = EnumError;
            fn from_str(s: &str) -> Result<Self, EnumError> {
                match s.trim() {
                    $($text => Ok($name::$variant),)+
                    other => Err(EnumError {
                        what: stringify!($name),
                        value: other.to_string(),
                        allowed: Self::names(),
                    }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

/// A value outside an enum's allowed words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumError {
    pub what: &'static str,
    pub value: String,
    pub allowed: Vec<&'static str>,
}

impl fmt::Display for EnumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' is not one of {}", self.value, self.allowed.join(", "))
    }
}

impl std::error::Error for EnumError {}

text_enum!(
    /// What sort of organisation a unit is (DOMAIN.md §2).
    UnitKind { Enterprise = "enterprise", Institution = "institution", Association = "association",
               Department = "department", Other = "other" }
);
text_enum!(
    /// The level of a standard, derived from its number (DOMAIN.md §6).
    Level { International = "international", National = "national", Industry = "industry",
            Local = "local", Group = "group", Enterprise = "enterprise" }
);
text_enum!(Action { Formulate = "formulate", Revise = "revise" });
text_enum!(StandardStatus { Drafting = "drafting", Published = "published", Abolished = "abolished" });
text_enum!(Outcome { Confirm = "confirm", Revise = "revise", Abolish = "abolish" });
text_enum!(AwardKind { CnInnovation = "cn-innovation", CqInnovation = "cq-innovation", CqProduct = "cq-product" });
text_enum!(SeatRole { Secretariat = "secretariat", Convenor = "convenor", Member = "member" });
text_enum!(MilestoneStatus { NotStarted = "not-started", InProgress = "in-progress", Done = "done" });
text_enum!(
    /// How a target is counted; the parameter (level, award kind, roles) lives beside it.
    MeasureKind { Standards = "standards", Filings = "filings", Reviews = "reviews",
                  ParticipatingEnterprises = "participating-enterprises",
                  HostingEnterprises = "hosting-enterprises",
                  AwardEnterprises = "award-enterprises", Awards = "awards" }
);
text_enum!(
    /// Which records a reward rule looks at.
    RuleSource { Project = "project", LeadStandard = "lead-standard", Award = "award" }
);
text_enum!(TargetStatus { Met = "met", OnTrack = "on-track", Behind = "behind", Missed = "missed" });

impl Outcome {
    /// Outcome words as clerks write them in either language.
    pub fn parse_any(s: &str) -> Option<Outcome> {
        match s.trim() {
            "confirm" | "继续有效" | "确认" | "有效" => Some(Outcome::Confirm),
            "revise" | "修订" => Some(Outcome::Revise),
            "abolish" | "废止" => Some(Outcome::Abolish),
            other => other.to_ascii_lowercase().parse().ok(),
        }
    }
}

/// The plan whose window all counts use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub code: String,
    pub title: String,
    pub start: Date,
    pub deadline: Date,
}

/// A unit as records refer to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRef {
    pub id: i64,
    pub name: String,
    pub kind: UnitKind,
}

/// How a target counts, as stored with the target row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    /// Published or abolished standards of one level, by `published_on`.
    Standards(Level),
    Filings,
    Reviews,
    /// Distinct enterprises leading or participating in a counted standard of these levels.
    ParticipatingEnterprises(Vec<Level>),
    /// Distinct enterprises holding a seat with one of these roles, by `since`.
    HostingEnterprises(Vec<SeatRole>),
    /// Distinct enterprises with an award of this kind.
    AwardEnterprises(AwardKind),
    /// Awards of this kind to enterprises.
    Awards(AwardKind),
}

impl Measure {
    pub fn kind(&self) -> MeasureKind {
        match self {
            Measure::Standards(_) => MeasureKind::Standards,
            Measure::Filings => MeasureKind::Filings,
            Measure::Reviews => MeasureKind::Reviews,
            Measure::ParticipatingEnterprises(_) => MeasureKind::ParticipatingEnterprises,
            Measure::HostingEnterprises(_) => MeasureKind::HostingEnterprises,
            Measure::AwardEnterprises(_) => MeasureKind::AwardEnterprises,
            Measure::Awards(_) => MeasureKind::Awards,
        }
    }

    /// The parameter as stored beside the measure: a level, an award kind, or a list.
    pub fn param(&self) -> Option<String> {
        fn list<T: fmt::Display>(items: &[T]) -> String {
            items.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
        }
        match self {
            Measure::Standards(l) => Some(l.to_string()),
            Measure::Filings | Measure::Reviews => None,
            Measure::ParticipatingEnterprises(levels) => Some(list(levels)),
            Measure::HostingEnterprises(roles) => Some(list(roles)),
            Measure::AwardEnterprises(k) | Measure::Awards(k) => Some(k.to_string()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetDef {
    pub code: String,
    pub label_zh: String,
    pub label_en: String,
    pub measure: Measure,
    pub min: i64,
    pub max: Option<i64>,
}

/// A standard that is not voided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandardFact {
    pub id: i64,
    pub number: Option<String>,
    pub title: String,
    pub level: Level,
    pub action: Action,
    pub status: StandardStatus,
    pub published_on: Option<Date>,
    pub lead: Option<UnitRef>,
    pub participants: Vec<UnitRef>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwardFact {
    pub id: i64,
    pub unit: UnitRef,
    pub kind: AwardKind,
    pub awarded_on: Date,
    pub grade: Option<String>,
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFact {
    pub id: i64,
    pub unit: UnitRef,
    pub name: String,
    pub passed_on: Date,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatFact {
    pub id: i64,
    pub unit: UnitRef,
    pub committee: String,
    pub role: SeatRole,
    pub since: Date,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneFact {
    pub code: String,
    pub label_zh: String,
    pub label_en: String,
    pub owner: String,
    pub status: MilestoneStatus,
    pub done_on: Option<Date>,
    pub note: Option<String>,
}

/// Counts of dated records per day, sorted by date: how filings and reviews reach the core,
/// so a million rows cost the store one grouped index scan and the core a few hundred entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DailyCounts(pub Vec<(Date, i64)>);

impl DailyCounts {
    /// Records dated from `from` to `to`, both included; `CountOverflow` if the stored
    /// per-day counts add up past `i64`.
    pub fn between(&self, from: Date, to: Date) -> Result<i64, CountOverflow> {
        if from > to {
            return Ok(0);
        }
        let lo = self.0.partition_point(|(d, _)| *d < from);
        let hi = self.0.partition_point(|(d, _)| *d <= to);
        let mut total: i128 = 0;
        for (_, n) in self.0.get(lo..hi).unwrap_or_default() {
            total = total.checked_add(i128::from(*n)).ok_or(CountOverflow)?;
        }
        i64::try_from(total).map_err(|_| CountOverflow)
    }
}

/// A count or a pace figure that does not fit in `i64`: the database holds a per-day count
/// or a target no office could have recorded. Reports refuse with this rather than print a
/// wrapped or saturated figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountOverflow;

impl fmt::Display for CountOverflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "the stored counts or targets are too large to add up: the database holds a figure no office could have \
             recorded (run `stdtrack check`)",
        )
    }
}

impl std::error::Error for CountOverflow {}

/// Everything the target counts need, voided records already left out.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub standards: Vec<StandardFact>,
    pub awards: Vec<AwardFact>,
    pub seats: Vec<SeatFact>,
    pub filings: DailyCounts,
    pub reviews: DailyCounts,
    pub meetings: Vec<Date>,
}

/// One version of a reward rule: the amount in force from `from` to `to` (both included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleVersion {
    pub amount_yuan: i64,
    pub from: Date,
    pub to: Option<Date>,
    pub fund: String,
}

/// A reward rule (DOMAIN.md §4): which records earn it, and its versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleDef {
    pub code: String,
    pub label_zh: String,
    pub label_en: String,
    pub source: RuleSource,
    /// For `LeadStandard`: the level of standard (national, international).
    pub level: Option<Level>,
    /// For `Award`: the award kind.
    pub award_kind: Option<AwardKind>,
    /// Only enterprises earn it (lead and award rules); projects pay any kind of unit.
    pub enterprise_only: bool,
    pub versions: Vec<RuleVersion>,
}

/// A stored payment against an entitlement key; negative amounts are refunds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    pub id: i64,
    pub key: String,
    pub unit_id: i64,
    pub unit: String,
    pub amount_yuan: i64,
    pub paid_on: Date,
    pub voucher: Option<String>,
}
