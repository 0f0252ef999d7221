//! The rules a standard must keep (CLI.md, DOMAIN.md §2, §6), in one place for the commands
//! and the import: its level from its number, its publication date agreeing with its status,
//! its district units, and what an enterprise standard number is.

use crate::core::ids::{self, StdNumberError};
use crate::core::model::{Adoption, AdoptionDegree, Date, Level, StandardFact, StandardStatus};
use crate::error::{Msg, UnitName, V};

/// Normalises `number` and settles the level: the number's own level, unless an unknown
/// prefix comes with a stated level. A stated level that contradicts the number is refused,
/// and so is an enterprise standard (recorded as a filing).
pub fn number_and_level(
    number: Option<&str>,
    stated: Option<Level>,
    sector_codes: &[&str],
) -> Result<(Option<String>, Level), Msg> {
    let number = number.map(str::trim).filter(|n| !n.is_empty());
    let (number, level) = match number {
        None => (None, stated.ok_or(Msg::LevelNeeded)?),
        Some(raw) => match ids::classify_standard_number(raw, sector_codes) {
            Ok((n, derived)) => {
                if let Some(s) = stated.filter(|s| *s != derived) {
                    return Err(Msg::LevelContradicts { stated: s, number: n, derived });
                }
                (Some(n), derived)
            }
            Err(StdNumberError::UnknownPrefix { .. }) if stated.is_some() => {
                (Some(ids::normalize_standard_number(raw)), stated.unwrap_or(Level::National))
            }
            Err(err) => return Err(Msg::StdNumber { field: "--number".into(), value: V::from(raw), err }),
        },
    };
    if level == Level::Enterprise {
        return Err(Msg::EnterpriseViaFiling);
    }
    Ok((number, level))
}

/// The status rules: default published with a date, drafting without; a date is required for
/// published/abolished and refused for drafting.
pub fn status_and_date(
    status: Option<StandardStatus>,
    published: Option<Date>,
) -> Result<(StandardStatus, Option<Date>), Msg> {
    let status = match status {
        Some(s) => s,
        None if published.is_some() => StandardStatus::Published,
        None => StandardStatus::Drafting,
    };
    match (status, published) {
        (StandardStatus::Drafting, Some(date)) => Err(Msg::PublishedForDrafting { date }),
        (StandardStatus::Published | StandardStatus::Abolished, None) => Err(Msg::PublishedRequired { status }),
        _ => Ok((status, published)),
    }
}

/// At least one district unit; none both lead and participant, none twice.
pub fn check_units(s: &StandardFact) -> Result<(), Msg> {
    if s.lead.is_none() && s.participants.is_empty() {
        return Err(Msg::StandardNeedsUnit);
    }
    for (i, p) in s.participants.iter().enumerate() {
        let unit = || UnitName { id: p.id, name: p.name.clone() };
        if s.lead.as_ref().is_some_and(|l| l.id == p.id) {
            return Err(Msg::LeadAndParticipant { unit: unit() });
        }
        if s.participants[..i].iter().any(|q| q.id == p.id) {
            return Err(Msg::ParticipantTwice { unit: unit() });
        }
    }
    Ok(())
}

/// What a standard adopts (采标, issue 12): `--adopts` as given (normalised like a number),
/// else the `/ISO …` or `/IEC …` suffix of its number; the degree as given, IDT by default.
/// A degree with nothing adopted is refused.
pub fn adoption(
    number: Option<&str>,
    adopts: Option<&str>,
    degree: Option<AdoptionDegree>,
) -> Result<Option<Adoption>, Msg> {
    let given = adopts.map(str::trim).filter(|a| !a.is_empty()).map(ids::normalize_standard_number);
    match given.or_else(|| number.and_then(ids::adoption_suffix)) {
        Some(adopts) => Ok(Some(Adoption { adopts, degree: degree.unwrap_or(AdoptionDegree::Idt) })),
        None if degree.is_some() => Err(Msg::GoesWith { option: "--degree".into(), with: "--adopts".into() }),
        None => Ok(None),
    }
}

/// Two project names are the same project when equal once full-width characters, spaces and
/// case are normalised (as unit names are).
pub fn same_project(a: &str, b: &str) -> bool {
    ids::name_key(a) == ids::name_key(b)
}

/// An enterprise standard number (Q/...), normalised; any other level is refused.
pub fn enterprise_number(field: &str, raw: &str) -> Result<String, Msg> {
    if ids::is_canonical_enterprise_number(raw) {
        return Ok(raw.to_string());
    }
    match ids::classify_standard_number(raw, &[]) {
        Ok((n, Level::Enterprise)) => Ok(n),
        Ok((number, level)) => Err(Msg::NotEnterpriseNumber { field: field.into(), number, level }),
        Err(err) => Err(Msg::BadEnterpriseNumber { field: field.into(), value: V::from(raw), err }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Action, UnitKind, UnitRef, Words};

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn status_follows_the_publication_date() {
        let cases: &[(Option<StandardStatus>, Option<&str>, Result<(StandardStatus, Option<&str>), ()>)] = &[
            (None, None, Ok((StandardStatus::Drafting, None))),
            (None, Some("2013-01-01"), Ok((StandardStatus::Published, Some("2013-01-01")))),
            (Some(StandardStatus::Abolished), Some("2013-01-01"), Ok((StandardStatus::Abolished, Some("2013-01-01")))),
            (Some(StandardStatus::Drafting), Some("2013-01-01"), Err(())),
            (Some(StandardStatus::Published), None, Err(())),
        ];
        for (status, date, want) in cases {
            let got = status_and_date(*status, date.map(d)).map_err(|_| ());
            let want = want.map(|(s, d2)| (s, d2.map(d)));
            assert_eq!(got, want, "{status:?} {date:?}");
        }
    }

    #[test]
    fn levels_come_from_numbers() {
        let sectors = ids::DEFAULT_SECTOR_CODES;
        assert_eq!(
            number_and_level(Some("GB/T 1.1-2020"), None, sectors),
            Ok((Some("GB/T 1.1-2020".into()), Level::National))
        );
        assert!(matches!(
            number_and_level(Some("GB/T 1.1-2020"), Some(Level::Local), sectors),
            Err(Msg::LevelContradicts { .. })
        ));
        assert_eq!(number_and_level(None, None, sectors), Err(Msg::LevelNeeded));
        assert_eq!(number_and_level(Some("Q/JLP 1-2013"), None, sectors), Err(Msg::EnterpriseViaFiling));
        assert_eq!(
            number_and_level(Some("XX 12-2013"), Some(Level::Group), sectors),
            Ok((Some("XX 12-2013".into()), Level::Group))
        );
    }

    #[test]
    fn a_unit_is_lead_or_participant_once() {
        let u = |id| UnitRef { id, name: format!("u{id}"), kind: UnitKind::Enterprise };
        let s = |lead: Option<i64>, parts: &[i64]| StandardFact {
            id: 1,
            number: None,
            title: "t".into(),
            level: Level::National,
            action: Action::Formulate,
            status: StandardStatus::Drafting,
            published_on: None,
            lead: lead.map(u),
            participants: parts.iter().map(|&p| u(p)).collect(),
            adoption: None,
        };
        assert_eq!(check_units(&s(None, &[])), Err(Msg::StandardNeedsUnit));
        assert!(check_units(&s(Some(1), &[2, 3])).is_ok());
        assert!(matches!(check_units(&s(Some(1), &[1])), Err(Msg::LeadAndParticipant { .. })));
        assert!(matches!(check_units(&s(None, &[2, 2])), Err(Msg::ParticipantTwice { .. })));
    }

    #[test]
    fn adoption_is_read_from_the_number_or_given() {
        let idt = |a: &str| Ok(Some(Adoption { adopts: a.into(), degree: AdoptionDegree::Idt }));
        assert_eq!(adoption(Some("GB/T 19001-2016/ISO 9001:2015"), None, None), idt("ISO 9001:2015"));
        assert_eq!(adoption(Some("GB/T 4706.1-2005/IEC 60335-1:2004"), None, None), idt("IEC 60335-1:2004"));
        assert_eq!(adoption(Some("gb/t 19001-2016/iso9001:2015"), None, None), idt("ISO 9001:2015"));
        assert_eq!(adoption(Some("GB/T 3190-2008"), None, None), Ok(None));
        assert_eq!(adoption(Some("ISO 9001:2015"), None, None), Ok(None));
        assert_eq!(adoption(None, Some("iso 6361-1:2011"), None), idt("ISO 6361-1:2011"));
        assert_eq!(
            adoption(Some("GB/T 3190-2008"), Some("ISO 209:2007"), Some(AdoptionDegree::Mod)),
            Ok(Some(Adoption { adopts: "ISO 209:2007".into(), degree: AdoptionDegree::Mod }))
        );
        // Given, it wins over the suffix.
        assert_eq!(adoption(Some("GB/T 1-2016/ISO 1:2015"), Some("ISO 2:2015"), None), idt("ISO 2:2015"));
        assert!(matches!(adoption(Some("GB/T 3190-2008"), None, Some(AdoptionDegree::Neq)), Err(Msg::GoesWith { .. })));
        assert_eq!(AdoptionDegree::parse_word("修改采用"), Ok(AdoptionDegree::Mod));
        assert_eq!(AdoptionDegree::parse_word("idt"), Ok(AdoptionDegree::Idt));
    }

    #[test]
    fn enterprise_numbers() {
        assert_eq!(enterprise_number("--number", "q/jlp 001—2013"), Ok("Q/JLP 001-2013".into()));
        assert!(matches!(enterprise_number("--number", "GB/T 1.1-2020"), Err(Msg::NotEnterpriseNumber { .. })));
        assert!(matches!(enterprise_number("--number", "abc"), Err(Msg::BadEnterpriseNumber { .. })));
    }
}
