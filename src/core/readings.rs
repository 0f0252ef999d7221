//! Readings of the notice the office may overrule, as data (issue 12; DOMAIN.md §8): which
//! local-standard prefixes count toward the district's local standards (default `DB50`,
//! Chongqing), which committee prefixes are national (default `SAC`, with its TCs, SCs and
//! WGs), and the focus industries figures are split by. What a reading leaves out is listed
//! apart (`not_counted`), never silently dropped.

use std::fmt;

use super::ids::to_halfwidth;
use super::model::{Date, Facts, Level, PlanSetting, StandardStatus};

/// The industry a unit outside the focus industries is counted under.
pub const OTHER_INDUSTRY: &str = "其他";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readings {
    /// `DB50`, `DB5001`: a local standard counts when its province (and city) code starts so.
    pub local_prefixes: Vec<String>,
    /// `SAC`: a committee seat counts as national when its committee code starts so.
    pub national_committees: Vec<String>,
    /// 铝加工, 汽摩制造, 装备制造: the industries figures are split by (the rest are 其他).
    pub focus_industries: Vec<String>,
}

impl Default for Readings {
    /// The notice's own readings (seeded by `schema.sql`).
    fn default() -> Readings {
        Readings {
            local_prefixes: vec!["DB50".into()],
            national_committees: vec!["SAC".into()],
            focus_industries: vec!["铝加工".into(), "汽摩制造".into(), "装备制造".into()],
        }
    }
}

/// Why a `set-plan` value is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingError {
    /// No item at all.
    Empty,
    /// A local prefix that is not `DB` and a 2- or 4-digit code.
    LocalPrefix { item: String },
    /// A committee prefix with something other than letters, digits, `/` and spaces.
    CommitteePrefix { item: String },
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingError::Empty => f.write_str("the list is empty"),
            SettingError::LocalPrefix { item } => write!(f, "'{item}' is not DB with a 2- or 4-digit code"),
            SettingError::CommitteePrefix { item } => write!(f, "'{item}' is not a committee prefix such as SAC"),
        }
    }
}

impl std::error::Error for SettingError {}

/// Upper case, half-width, no spaces.
fn squeeze(s: &str) -> String {
    to_halfwidth(s).chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect()
}

/// The province (and city) digits of a local standard number: `DB50/T 576-2014` -> `50`,
/// `DB5001/T 1-2015` -> `5001`, `DBJ50-052-2014` -> `50`. None for any other number.
fn local_digits(number: &str) -> Option<String> {
    let t = squeeze(number);
    let rest = t.strip_prefix("DBJ").or_else(|| t.strip_prefix("DB"))?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (!digits.is_empty()).then_some(digits)
}

/// Splits a typed list: items separated by commas (half- or full-width), 、 or blanks.
pub fn split_items(values: &[String]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split([',', '，', '、', ';', '；']).map(str::to_string).collect::<Vec<_>>())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A setting's items, checked and written as stored: local prefixes as `DB50`, committee
/// prefixes upper case, industries as typed (trimmed). Duplicates are dropped.
pub fn parse_setting(key: PlanSetting, values: &[String]) -> Result<Vec<String>, SettingError> {
    let mut out: Vec<String> = Vec::new();
    for item in split_items(values) {
        let item = match key {
            PlanSetting::LocalPrefixes => {
                let t = squeeze(&item);
                let t = t.strip_suffix("/T").or_else(|| t.strip_suffix('/')).unwrap_or(&t).to_string();
                let digits = t
                    .strip_prefix("DB")
                    .filter(|d| (d.len() == 2 || d.len() == 4) && d.chars().all(|c| c.is_ascii_digit()));
                match digits {
                    Some(d) => format!("DB{d}"),
                    None => return Err(SettingError::LocalPrefix { item }),
                }
            }
            PlanSetting::NationalCommittees => {
                let t = squeeze(&item);
                if !t.starts_with(|c: char| c.is_ascii_uppercase())
                    || !t.chars().all(|c| c.is_ascii_alphanumeric() || c == '/')
                {
                    return Err(SettingError::CommitteePrefix { item });
                }
                t
            }
            PlanSetting::FocusIndustries => to_halfwidth(&item).trim().to_string(),
        };
        if !out.contains(&item) {
            out.push(item);
        }
    }
    if out.is_empty() {
        return Err(SettingError::Empty);
    }
    Ok(out)
}

/// Reasons a record is left out by a reading, as `not_counted` gives them.
pub const REASON_LOCAL_PREFIX: &str = "local-prefix";
pub const REASON_NOT_NATIONAL: &str = "not-national-committee";

/// A record a reading left out of a target.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NotCounted {
    /// `standard` or `committee_seat`.
    pub kind: String,
    pub id: i64,
    /// The standard's number (or title); the seat's committee and unit.
    pub record: String,
    /// `local-prefix` or `not-national-committee`.
    pub reason: String,
}

impl Readings {
    /// The items of one setting.
    pub fn get(&self, key: PlanSetting) -> &[String] {
        match key {
            PlanSetting::LocalPrefixes => &self.local_prefixes,
            PlanSetting::NationalCommittees => &self.national_committees,
            PlanSetting::FocusIndustries => &self.focus_industries,
        }
    }

    /// Whether a local standard with this number counts: its province (and city) code
    /// starts with one of the prefixes' codes. A local standard without a number (recorded
    /// before it had one) is given the benefit of the doubt.
    pub fn local_counts(&self, number: Option<&str>) -> bool {
        let Some(number) = number else { return true };
        let Some(digits) = local_digits(number) else { return true };
        self.local_prefixes.iter().filter_map(|p| local_digits(p)).any(|p| digits.starts_with(&p))
    }

    /// Whether a committee code is a national one: it starts with a prefix, whole
    /// (`SAC/TC 114/SC 1` for `SAC`; not `SACX/TC 1`).
    pub fn national_committee(&self, committee: &str) -> bool {
        let code = squeeze(committee);
        self.national_committees.iter().any(|p| {
            let p = squeeze(p);
            code.strip_prefix(p.as_str()).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(|c: char| !c.is_ascii_alphabetic()) || p.ends_with('/')
            })
        })
    }

    /// The industry a unit is counted under: a focus industry when its industry names one
    /// (exactly, or containing it: 铝加工及压延 is 铝加工), else 其他.
    pub fn industry_of(&self, industry: Option<&str>) -> String {
        let Some(i) = industry.map(|i| to_halfwidth(i).trim().to_string()).filter(|i| !i.is_empty()) else {
            return OTHER_INDUSTRY.to_string();
        };
        if let Some(f) = self.focus_industries.iter().find(|f| **f == i) {
            return f.clone();
        }
        self.focus_industries
            .iter()
            .find(|f| i.contains(f.as_str()))
            .cloned()
            .unwrap_or_else(|| OTHER_INDUSTRY.to_string())
    }

    /// The industries of a split, in order: the focus industries, then 其他.
    pub fn industries(&self) -> Vec<String> {
        let mut v = self.focus_industries.clone();
        if !v.iter().any(|i| i == OTHER_INDUSTRY) {
            v.push(OTHER_INDUSTRY.to_string());
        }
        v
    }
}

/// What the readings left out as of a date: local standards published in the window whose
/// prefix does not count, and committee seats taken in the window on committees that are not
/// national (international seats are listed apart).
pub fn not_counted(facts: &Facts, from: Date, to: Date) -> Vec<NotCounted> {
    let r = &facts.readings;
    let in_window = |d: Date| from <= d && d <= to;
    let mut out = Vec::new();
    for s in &facts.standards {
        let published = s.status != StandardStatus::Drafting && s.published_on.is_some_and(in_window);
        if published && s.level == Level::Local && !r.local_counts(s.number.as_deref()) {
            out.push(NotCounted {
                kind: "standard".into(),
                id: s.id,
                record: s.number.clone().unwrap_or_else(|| s.title.clone()),
                reason: REASON_LOCAL_PREFIX.into(),
            });
        }
    }
    for seat in &facts.seats {
        if in_window(seat.since) && !r.national_committee(&seat.committee) {
            out.push(NotCounted {
                kind: "committee_seat".into(),
                id: seat.id,
                record: format!("{} {}", seat.committee, seat.unit.name),
                reason: REASON_NOT_NATIONAL.into(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn local_prefixes_count_by_province_and_city() {
        let r = Readings::default();
        for (number, counts) in [
            (Some("DB50/T 576-2014"), true),
            (Some("DB50/ 123-2013"), true),
            (Some("DB5001/T 12-2015"), true),
            (Some("DBJ50-052-2014"), true),
            (Some("DB11/T 123-2014"), false),
            (Some("DB51/T 1-2014"), false),
            (Some("DB500/T 1-2014"), true), // malformed, but Chongqing's code all the same
            (None, true),
        ] {
            assert_eq!(r.local_counts(number), counts, "{number:?}");
        }
        let city = Readings { local_prefixes: items(&["DB5001"]), ..Readings::default() };
        assert!(city.local_counts(Some("DB5001/T 1-2015")));
        assert!(!city.local_counts(Some("DB50/T 1-2015")));
        let two = Readings { local_prefixes: items(&["DB50", "DB11"]), ..Readings::default() };
        assert!(two.local_counts(Some("DB11/T 123-2014")));
    }

    #[test]
    fn national_committees_by_whole_prefix() {
        let r = Readings::default();
        for (code, national) in [
            ("SAC/TC 114", true),
            ("SAC/TC 114/SC 1", true),
            ("SAC/TC 114/SC 1/WG 2", true),
            ("sac/tc 9", true),
            ("ISO/TC 79", false),
            ("IEC/TC 61", false),
            ("SACX/TC 1", false),
        ] {
            assert_eq!(r.national_committee(code), national, "{code}");
        }
        let both = Readings { national_committees: items(&["SAC", "ISO"]), ..Readings::default() };
        assert!(both.national_committee("ISO/TC 79"));
    }

    #[test]
    fn settings_are_checked_and_normalised() {
        let ok = |k, v: &[&str]| parse_setting(k, &items(v)).unwrap();
        assert_eq!(ok(PlanSetting::LocalPrefixes, &["db50", "DB11/T"]), items(&["DB50", "DB11"]));
        assert_eq!(ok(PlanSetting::LocalPrefixes, &["DB50,DB5001，DB50"]), items(&["DB50", "DB5001"]));
        assert_eq!(ok(PlanSetting::NationalCommittees, &["sac"]), items(&["SAC"]));
        assert_eq!(
            ok(PlanSetting::FocusIndustries, &["铝加工、汽摩制造", " 电子信息 "]),
            items(&["铝加工", "汽摩制造", "电子信息"])
        );
        assert_eq!(
            parse_setting(PlanSetting::LocalPrefixes, &items(&["50"])),
            Err(SettingError::LocalPrefix { item: "50".into() })
        );
        assert_eq!(
            parse_setting(PlanSetting::LocalPrefixes, &items(&["DB501"])),
            Err(SettingError::LocalPrefix { item: "DB501".into() })
        );
        assert_eq!(parse_setting(PlanSetting::FocusIndustries, &items(&[" , "])), Err(SettingError::Empty));
        assert!(parse_setting(PlanSetting::NationalCommittees, &items(&["SAC TC!"])).is_err());
    }

    #[test]
    fn industries_fall_into_focus_or_other() {
        let r = Readings::default();
        assert_eq!(r.industry_of(Some("铝加工")), "铝加工");
        assert_eq!(r.industry_of(Some(" 汽摩制造 ")), "汽摩制造");
        assert_eq!(r.industry_of(Some("铝加工及压延")), "铝加工");
        assert_eq!(r.industry_of(Some("电子信息")), OTHER_INDUSTRY);
        assert_eq!(r.industry_of(None), OTHER_INDUSTRY);
        assert_eq!(r.industries(), items(&["铝加工", "汽摩制造", "装备制造", "其他"]));
    }
}
