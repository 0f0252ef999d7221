//! Domain types shared by every layer. Each enum's text form is written once here
//! (`as_str` / `FromStr`) and reused by clap, serde, the store and the renderers.

use std::fmt;
use std::str::FromStr;

pub type Date = chrono::NaiveDate;

/// Declares a text-backed enum with `as_str`, `ALL`, `FromStr` (the code only, as stored),
/// `Display` and serde support, and its words: a Chinese and an English name for readers,
/// and every spelling a clerk may type (`parse_word`).
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal / $zh:literal / $en:literal $([$($alias:literal),*])?),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The accepted codes, for error messages and clap.
            pub fn names() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.as_str()).collect()
            }
        }

        impl Words for $name {
            const ALL_WORDS: &'static [$name] = $name::ALL;
            fn code(self) -> &'static str {
                self.as_str()
            }
            fn zh(self) -> &'static str {
                match self { $($name::$variant => $zh),+ }
            }
            fn en(self) -> &'static str {
                match self { $($name::$variant => $en),+ }
            }
            fn aliases(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$($($alias),*)?]),+ }
            }
        }

        impl FromStr for $name {
            type Err = EnumError;
            fn from_str(s: &str) -> Result<Self, EnumError> {
                match s.trim() {
                    $($text => Ok($name::$variant),)+
                    other => Err(EnumError::new::<$name>(other)),
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

/// The words of an enum: its stored code, its names for readers in each language, and the
/// other spellings clerks type. One table per enum, used by commands, imports and renderers.
pub trait Words: Sized + Copy + 'static {
    const ALL_WORDS: &'static [Self];
    fn code(self) -> &'static str;
    fn zh(self) -> &'static str;
    fn en(self) -> &'static str;
    fn aliases(self) -> &'static [&'static str];

    /// Any accepted spelling: the code, the Chinese or English name or an alias; full-width
    /// characters, case, spaces, hyphens and underscores do not matter.
    fn parse_word(s: &str) -> Result<Self, EnumError> {
        let key = word_key(s);
        Self::ALL_WORDS
            .iter()
            .copied()
            .find(|v| {
                word_key(v.code()) == key
                    || word_key(v.zh()) == key
                    || word_key(v.en()) == key
                    || v.aliases().iter().any(|a| word_key(a) == key)
            })
            .ok_or_else(|| EnumError::new::<Self>(s.trim()))
    }
}

/// How spellings of a word are compared: half-width, lower case, no spaces, `-` or `_`.
fn word_key(s: &str) -> String {
    crate::core::ids::to_halfwidth(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A value outside an enum's accepted words: the value as given and the words it could be,
/// each as (code, Chinese name), for the message catalogue to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumError {
    pub value: String,
    pub allowed: Vec<(&'static str, &'static str)>,
}

impl EnumError {
    pub fn new<T: Words>(value: &str) -> EnumError {
        EnumError { value: value.to_string(), allowed: T::ALL_WORDS.iter().map(|v| (v.code(), v.zh())).collect() }
    }
}

impl fmt::Display for EnumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let codes: Vec<&str> = self.allowed.iter().map(|(c, _)| *c).collect();
        write!(f, "'{}' is not one of {}", self.value, codes.join(", "))
    }
}

impl std::error::Error for EnumError {}

text_enum!(
    /// What sort of organisation a unit is (DOMAIN.md §2).
    UnitKind {
        Enterprise = "enterprise" / "企业" / "enterprise" ["公司"],
        Institution = "institution" / "事业单位" / "institution" ["科研院所", "院所", "机构"],
        Association = "association" / "协会" / "association" ["社会团体", "社团", "学会", "商会"],
        Department = "department" / "政府部门" / "department" ["部门", "机关", "行政机关"],
        Other = "other" / "其他" / "other" ["其它"],
    }
);
text_enum!(
    /// The level of a standard, derived from its number (DOMAIN.md §6).
    Level {
        International = "international" / "国际标准" / "international" ["国际"],
        National = "national" / "国家标准" / "national" ["国家", "国标"],
        Industry = "industry" / "行业标准" / "industry" ["行业", "行标"],
        Local = "local" / "地方标准" / "local" ["地方", "地标"],
        Group = "group" / "团体标准" / "group" ["团体", "团标"],
        Enterprise = "enterprise" / "企业标准" / "enterprise" ["企业", "企标"],
    }
);
text_enum!(Action { Formulate = "formulate" / "制定" / "formulate" ["新制定"], Revise = "revise" / "修订" / "revise" ["修改"] });
text_enum!(
    StandardStatus {
        Drafting = "drafting" / "制定中" / "drafting" ["起草中", "在编", "在研", "草案"],
        Published = "published" / "已发布" / "published" ["发布", "现行"],
        Abolished = "abolished" / "已废止" / "abolished" ["废止"],
    }
);
text_enum!(
    Outcome {
        Confirm = "confirm" / "继续有效" / "confirm" ["确认", "有效", "confirmed"],
        Revise = "revise" / "修订" / "revise" ["revised"],
        Abolish = "abolish" / "废止" / "abolish" ["abolished"],
    }
);
text_enum!(
    AwardKind {
        CnInnovation = "cn-innovation" / "中国标准创新贡献奖" / "China Standard Innovation Contribution Award"
            ["国家标准创新贡献奖", "中国标准创新奖"],
        CqInnovation = "cq-innovation" / "重庆市标准创新贡献奖" / "Chongqing Standard Innovation Contribution Award"
            ["重庆标准创新贡献奖", "重庆市标准创新奖"],
        CqProduct = "cq-product" / "重庆市产品标准奖" / "Chongqing Product Standard Award" ["重庆产品标准奖"],
    }
);
text_enum!(
    SeatRole {
        Secretariat = "secretariat" / "秘书处" / "secretariat" ["秘书处承担单位", "承担秘书处"],
        Convenor = "convenor" / "召集人" / "convenor" ["召集单位", "工作组召集单位", "convener"],
        Member = "member" / "委员" / "member" ["成员", "委员单位", "成员单位"],
    }
);
text_enum!(
    MilestoneStatus {
        NotStarted = "not-started" / "未开始" / "not started" ["未启动"],
        InProgress = "in-progress" / "进行中" / "in progress" ["推进中", "实施中"],
        Done = "done" / "已完成" / "done" ["完成"],
    }
);
text_enum!(
    /// Whether a task is done once (most of the notice's tasks) or every year (World
    /// Standards Day, Science Week, training): a yearly one is done, or missed, each year.
    Recurrence {
        Once = "none" / "一次性" / "once" ["不重复", "否", "no", "once"],
        Yearly = "yearly" / "每年" / "yearly" ["年度", "每年一次", "按年", "annual"],
    }
);
text_enum!(
    /// A recurring duty in one year: done, missed (the year is over without it), or open.
    DutyStatus {
        Done = "done" / "已开展" / "done",
        Missed = "missed" / "未开展" / "missed",
        Open = "open" / "待开展" / "open",
    }
);
text_enum!(
    /// How a rule version pays: for each qualifying record, or once per enterprise.
    Per {
        Record = "record" / "按项" / "per record" ["每项", "按记录", "按标准"],
        Enterprise = "enterprise" / "按企业" / "per enterprise" ["每家企业", "按单位", "unit", "按家"],
    }
);
text_enum!(
    /// How closely a standard adopts an international one (采标程度, GB/T 20000.2).
    AdoptionDegree {
        Idt = "IDT" / "等同采用" / "identical" ["等同"],
        Mod = "MOD" / "修改采用" / "modified" ["修改"],
        Neq = "NEQ" / "非等效采用" / "not equivalent" ["非等效", "参照采用"],
    }
);
text_enum!(
    /// The readings of the notice the office sets as data (`set-plan`).
    PlanSetting {
        LocalPrefixes = "local-prefixes" / "地方标准前缀" / "local-standard prefixes" ["地方标准", "地标前缀"],
        NationalCommittees = "national-committees" / "全国标委会前缀" / "national committee prefixes"
            ["全国专业标准化技术委员会", "全国标委会", "标委会前缀"],
        FocusIndustries = "focus-industries" / "重点产业" / "focus industries" ["重点行业"],
    }
);
text_enum!(
    /// How a target is counted; the parameter (level, award kind, roles) lives beside it.
    MeasureKind {
        Standards = "standards" / "标准数" / "standards",
        Filings = "filings" / "备案数" / "filings",
        Reviews = "reviews" / "复审数" / "reviews",
        ParticipatingEnterprises = "participating-enterprises" / "参与制修订的企业数" / "participating enterprises",
        HostingEnterprises = "hosting-enterprises" / "承担技术委员会的企业数" / "hosting enterprises",
        AwardEnterprises = "award-enterprises" / "获奖企业数" / "award-winning enterprises",
        Awards = "awards" / "获奖数" / "awards",
    }
);
text_enum!(
    /// Which records a reward rule looks at.
    RuleSource {
        Project = "project" / "市级标准化项目" / "project",
        LeadStandard = "lead-standard" / "牵头制定标准" / "lead standard",
        Award = "award" / "获奖" / "award",
    }
);
text_enum!(
    TargetStatus {
        Met = "met" / "已达标" / "met",
        OnTrack = "on-track" / "进度正常" / "on track",
        Behind = "behind" / "滞后" / "behind",
        Missed = "missed" / "未完成" / "missed",
    }
);

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
    pub adoption: Option<Adoption>,
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
    pub recurring: Recurrence,
    /// For a yearly duty as of a date: each year of the plan so far (empty otherwise, and as
    /// the milestone row stands).
    pub years: Vec<DutyYear>,
}

/// A dated status change of a milestone (`set-milestone --status S --on DATE`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneChange {
    pub id: i64,
    pub milestone: String,
    pub status: MilestoneStatus,
    pub on: Date,
    pub note: Option<String>,
}

/// One year of a yearly duty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyYear {
    pub year: i32,
    pub status: DutyStatus,
    pub done_on: Option<Date>,
    pub note: Option<String>,
}

/// What a standard adopts (采标): the international standard's number and how closely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adoption {
    pub adopts: String,
    pub degree: AdoptionDegree,
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
    /// The office's readings of the notice (which local standards and committees count).
    pub readings: crate::core::readings::Readings,
}

/// One version of a reward rule: the amount in force from `from` to `to` (both included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleVersion {
    pub amount_yuan: i64,
    pub from: Date,
    pub to: Option<Date>,
    pub fund: String,
    /// Per record (each qualifying record earns it) or once per enterprise.
    pub per: Per,
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
