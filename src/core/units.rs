//! Finding the unit a clerk means (CLI.md): a USCC, then an organisation code (also the one
//! inside a stored USCC, and the one inside a typed USCC for units recorded before 2015 with
//! only their organisation code), then an id (`12` or `#12`), then the exact name after
//! normalising. One algorithm over a `UnitLookup`, which the store (SQL) and the import (an
//! in-memory index) both implement; `lookup_cases` is the table both are tested against.

use crate::core::ids;
use crate::core::records::Unit;
use crate::error::Msg;

/// The primitive lookups a unit source answers. Codes and keys come normalised.
pub trait UnitLookup {
    type Error;
    fn by_uscc(&self, uscc: &str) -> Result<Option<Unit>, Self::Error>;
    /// Units whose organisation code, stored or inside their USCC, is `org` ("XXXXXXXX-C").
    fn by_org_code(&self, org: &str) -> Result<Vec<Unit>, Self::Error>;
    fn by_id(&self, id: i64) -> Result<Option<Unit>, Self::Error>;
    fn by_name_key(&self, key: &str) -> Result<Option<Unit>, Self::Error>;
    /// Calls `f` with every unit's id, name and name key (for the closest names).
    fn each_name(&self, f: &mut dyn FnMut(i64, &str, &str)) -> Result<(), Self::Error>;
}

/// What a query found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Found(Unit),
    /// An organisation code held by several units: name one by its id.
    Ambiguous {
        org: String,
        units: Vec<Unit>,
    },
    Missing,
}

/// The unit a query names, in CLI.md's order.
pub fn resolve<L: UnitLookup + ?Sized>(source: &L, query: &str) -> Result<Resolved, L::Error> {
    let code = ids::normalize_code(query);
    let mut orgs = Vec::new();
    if code.chars().count() == 18 {
        if let Some(u) = source.by_uscc(&code)? {
            return Ok(Resolved::Found(u));
        }
        // A unit recorded before 2015 may carry only the organisation code inside this USCC.
        orgs.extend(ids::org_code_in_uscc(&code));
    }
    orgs.extend(ids::check_org_code_lenient(&code).ok().map(|(c, _)| c));
    for org in orgs {
        // Through a typed USCC, only units without a USCC of their own can be meant.
        let found: Vec<Unit> =
            source.by_org_code(&org)?.into_iter().filter(|u| code.chars().count() != 18 || u.uscc.is_none()).collect();
        match found.len() {
            0 => {}
            1 => return Ok(Resolved::Found(found.into_iter().next().expect("one unit"))),
            _ => return Ok(Resolved::Ambiguous { org, units: found }),
        }
    }
    if let Ok(id) = code.strip_prefix('#').unwrap_or(&code).parse::<i64>() {
        if let Some(u) = source.by_id(id)? {
            return Ok(Resolved::Found(u));
        }
    }
    match source.by_name_key(&ids::name_key(query))? {
        Some(u) => Ok(Resolved::Found(u)),
        None => Ok(Resolved::Missing),
    }
}

/// A unit's organisation code, when it has both, must be the one inside its USCC: else one
/// unit would answer to two organisation codes. Codes come normalised. The one rule behind
/// `add-unit`/`update-unit` and the import.
pub fn codes_agree(uscc: Option<&str>, org: Option<&str>) -> Result<(), Msg> {
    if let (Some(u), Some(o)) = (uscc, org) {
        let inside = ids::org_code_in_uscc(u);
        if inside.as_deref() != Some(o) {
            return Err(Msg::CodesDisagree { org: o.into(), uscc: u.into(), inside: inside.unwrap_or_default() });
        }
    }
    Ok(())
}

/// The legal forms a name may end in, longest first (one is set aside).
const LEGAL_FORMS: &[&str] = &["集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "公司"];

/// The place names a name may start with, longest first (one is set aside).
const PLACE_PREFIXES: &[&str] = &["重庆市九龙坡区", "重庆市", "重庆"];

/// Brackets, full or half width (full-width ones arrive half-width): what they hold is set
/// aside with them.
fn opens(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '<' | '【' | '〔' | '〖' | '《' | '〈' | '「' | '『')
}

fn closes(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '>' | '】' | '〕' | '〗' | '》' | '〉' | '」' | '』')
}

/// The key under which a unit's names in other forms meet: "the same name in another form".
/// Two names are that when they are equal once these are set aside: brackets (full or half
/// width) and what they hold; spaces and punctuation; case and full-width letters; one place
/// prefix (重庆市九龙坡区, 重庆市, 重庆) at the start; one legal form (集团有限公司, 股份有限公司,
/// 有限责任公司, 有限公司, 公司) at the end. So 重庆西南铝业有限责任公司 and 西南铝业有限公司 meet,
/// while 重庆甲机械有限公司 and 重庆乙机械有限公司, or 新单位甲 and 新单位乙, do not: this is no
/// edit distance, names that differ in any letter of their own stay apart.
///
/// Empty when nothing of the name's own is left (重庆（集团）有限公司): such a name meets
/// no other. Used by the import (a near miss is not made a new unit silently) and by `check`
/// (probable duplicate units).
pub fn name_family_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars().map(ids::halfwidth) {
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            // The common CJK ideographs, nearly every character of a name: letters without
            // case (an import meets every new unit's name here, and the general Unicode
            // lookups are slow for them).
            if depth == 0 {
                key.push(c);
            }
        } else if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    key.push(c.to_ascii_lowercase());
                }
            } else if c.is_alphanumeric() {
                key.extend(c.to_lowercase());
            }
        }
    }
    if let Some(prefix) = PLACE_PREFIXES.iter().find(|p| key.starts_with(*p)) {
        key.drain(..prefix.len());
    }
    if let Some(form) = LEGAL_FORMS.iter().find(|f| key.ends_with(*f)) {
        key.truncate(key.len() - form.len());
    }
    key
}

/// At most this many characters of a query are compared for the closest names, so the work
/// stays bounded whatever was typed (a 20,000-character value once held the lock for 71 s).
const CLOSEST_QUERY_CHARS: usize = 40;

/// Up to `limit` unit names nearest to what was typed, best first: (id, name).
pub fn closest_names<L: UnitLookup + ?Sized>(
    source: &L,
    query: &str,
    limit: usize,
) -> Result<Vec<(i64, String)>, L::Error> {
    let key: String = ids::name_key(query).chars().take(CLOSEST_QUERY_CHARS).collect();
    let key_len = key.chars().count();
    let mut scored: Vec<(f64, i64, String)> = Vec::new();
    source.each_name(&mut |id, name, unit_key| {
        let unit_key: String = unit_key.chars().take(CLOSEST_QUERY_CHARS * 2).collect();
        let mut score = strsim::normalized_levenshtein(&key, &unit_key);
        if key_len > 0 && (unit_key.contains(&key) || key.contains(unit_key.as_str())) {
            score += 0.5;
        }
        if score >= 0.3 {
            scored.push((score, id, name.to_string()));
        }
    })?;
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    Ok(scored.into_iter().take(limit).map(|(_, id, name)| (id, name)).collect())
}

#[cfg(test)]
/// The units of the table every `UnitLookup` is tested against (`lookup_cases`).
pub fn lookup_case_units() -> Vec<Unit> {
    use crate::core::model::UnitKind;
    let unit = |id: i64, name: &str, uscc: Option<&str>, org: Option<&str>| Unit {
        id,
        name: name.into(),
        uscc: uscc.map(Into::into),
        org_code: org.map(Into::into),
        kind: UnitKind::Enterprise,
        industry: None,
        location: None,
    };
    vec![
        unit(1, "重庆甲（集团）有限公司", Some("91110000600037341L"), None),
        unit(2, "重庆乙有限公司", None, Some("00251805-7")),
        unit(3, "重庆丙有限公司", None, None),
        unit(4, "重庆丁有限公司", Some("9150010700251809XD"), None),
        unit(5, "重庆戊有限公司", None, Some("00251809-X")),
        unit(6, "12", None, None),
        unit(12, "重庆庚有限公司", None, None),
    ]
}

#[cfg(test)]
/// The table every `UnitLookup` is tested against: `source` must hold `lookup_case_units()`
/// (with those ids). Run by the store's and the import's tests, so both answer alike.
pub fn lookup_cases<E: std::fmt::Debug>(source: &dyn UnitLookup<Error = E>) {
    let found = |q: &str| match resolve(source, q).expect("lookup") {
        Resolved::Found(u) => Some(u.id),
        Resolved::Ambiguous { units, .. } => Some(-(units.len() as i64)),
        Resolved::Missing => None,
    };
    let cases: &[(&str, Option<i64>, &str)] = &[
        ("91110000600037341L", Some(1), "a USCC"),
        ("９１１１００００６０００３７３４１ｌ", Some(1), "a USCC in full-width characters and lower case"),
        ("60003734-1", Some(1), "the organisation code inside a stored USCC"),
        ("600037341", Some(1), "the same without its hyphen"),
        ("00251805-7", Some(2), "a stored organisation code"),
        ("91500107002518057Q", Some(2), "the organisation code inside a typed USCC, for a unit with no USCC"),
        ("00251809-X", Some(-2), "an organisation code two units share: ambiguous"),
        ("3", Some(3), "an id"),
        ("#3", Some(3), "an id with #"),
        ("12", Some(12), "an id wins over a name that is the same digits"),
        ("重庆甲(集团)有限公司", Some(1), "a name with half-width brackets"),
        (" 重庆丙有限公司 ", Some(3), "a name with spaces"),
        ("重庆丙\u{200B}有限公司", Some(3), "a name with a zero-width space"),
        ("重庆己有限公司", None, "no unit"),
        ("#99", None, "an id no unit has"),
    ];
    for (query, want, why) in cases {
        assert_eq!(found(query), *want, "{why}: {query}");
    }
    let closest = closest_names(source, "重庆丙", 5).expect("closest");
    assert_eq!(closest.first().map(|(id, _)| *id), Some(3), "closest names: {closest:?}");
    let long = "重".repeat(20_000);
    assert!(closest_names(source, &long, 5).is_ok(), "a huge query is compared in bounded time");
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// The simplest source: a list.
    struct List(Vec<Unit>);

    impl UnitLookup for List {
        type Error = std::convert::Infallible;
        fn by_uscc(&self, uscc: &str) -> Result<Option<Unit>, Self::Error> {
            Ok(self.0.iter().find(|u| u.uscc.as_deref() == Some(uscc)).cloned())
        }
        fn by_org_code(&self, org: &str) -> Result<Vec<Unit>, Self::Error> {
            Ok(self
                .0
                .iter()
                .filter(|u| {
                    u.org_code.as_deref() == Some(org)
                        || u.uscc.as_deref().and_then(ids::org_code_in_uscc).as_deref() == Some(org)
                })
                .cloned()
                .collect())
        }
        fn by_id(&self, id: i64) -> Result<Option<Unit>, Self::Error> {
            Ok(self.0.iter().find(|u| u.id == id).cloned())
        }
        fn by_name_key(&self, key: &str) -> Result<Option<Unit>, Self::Error> {
            let keys: HashMap<String, &Unit> = self.0.iter().map(|u| (ids::name_key(&u.name), u)).collect();
            Ok(keys.get(key).map(|u| (*u).clone()))
        }
        fn each_name(&self, f: &mut dyn FnMut(i64, &str, &str)) -> Result<(), Self::Error> {
            for u in &self.0 {
                f(u.id, &u.name, &ids::name_key(&u.name));
            }
            Ok(())
        }
    }

    #[test]
    fn an_org_code_must_be_the_one_inside_the_uscc() {
        assert_eq!(codes_agree(Some("91110000600037341L"), Some("60003734-1")), Ok(()));
        assert_eq!(codes_agree(Some("91110000600037341L"), None), Ok(()));
        assert_eq!(codes_agree(None, Some("00251805-7")), Ok(()));
        assert_eq!(
            codes_agree(Some("91110000600037341L"), Some("00251805-7")),
            Err(Msg::CodesDisagree {
                org: "00251805-7".into(),
                uscc: "91110000600037341L".into(),
                inside: "60003734-1".into()
            })
        );
    }

    #[test]
    fn names_in_another_form_share_a_family_key() {
        let same: &[(&str, &str)] = &[
            ("重庆西南铝业有限责任公司", "重庆西南铝业有限公司"),
            ("重庆西南铝业有限公司", "西南铝业有限公司"),
            ("重庆市西南铝业股份有限公司", "重庆西南铝业"),
            ("重庆市九龙坡区西南铝业有限公司", "西南铝业公司"),
            ("重庆西南铝业（集团）有限责任公司", "重庆 西南铝业有限公司"),
            ("重庆西南铝业集团有限公司", "重庆西南铝业有限公司"),
            ("西南铝业[西彭]有限公司", "西南铝业(集团)有限公司"),
            ("西南铝业【西彭】有限公司", "西南铝业〔集团〕有限公司"),
            ("ＡＢＣ铝业有限公司", "abc 铝业"),
            ("重庆·西南铝业、有限公司。", "重庆西南铝业有限公司"),
            ("重庆某铝业有限公司", "某铝业有限责任公司"),
        ];
        for (a, b) in same {
            assert_eq!(name_family_key(a), name_family_key(b), "{a} / {b}");
            assert!(!name_family_key(a).is_empty(), "{a}");
        }
        let apart: &[(&str, &str)] = &[
            ("重庆甲机械有限公司", "重庆乙机械有限公司"),
            ("新单位甲", "新单位乙"),
            ("重庆某铝业有限公司", "重庆某汽车有限公司"),
            // A branch is not its company.
            ("重庆甲有限公司九龙坡分公司", "重庆甲有限公司"),
            // Only a prefix at the start and a form at the end are set aside.
            ("甲重庆机械有限公司", "甲机械有限公司"),
            ("甲有限公司机械", "甲机械"),
        ];
        for (a, b) in apart {
            assert_ne!(name_family_key(a), name_family_key(b), "{a} / {b}");
        }
        assert_eq!(name_family_key("重庆西南铝业有限责任公司"), "西南铝业");
        assert_eq!(name_family_key("重庆（集团）有限公司"), "");
        assert_eq!(name_family_key(""), "");
    }

    #[test]
    fn the_lookup_table_holds_for_a_plain_list() {
        lookup_cases(&List(lookup_case_units()));
    }
}
