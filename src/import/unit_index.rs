//! Which stored unit a row means, from an in-memory index of every unit (units are few next
//! to filings, and a lookup per row in SQL would cost more than the insert). The order is
//! CLI.md's: USCC, then organisation code (also the one inside a stored USCC), then exact
//! name after normalising. A name that belongs to a unit with other codes is a conflict.

use std::collections::HashMap;

use super::columns::Field;
use super::rows::{FieldError, UnitFields};
use crate::core::ids;
use crate::core::records::Unit;
use crate::core::units::UnitLookup;
use crate::error::{Msg, UnitName};

/// A unit as messages name it.
pub fn named(unit: &Unit) -> UnitName {
    UnitName { id: unit.id, name: unit.name.clone() }
}

/// How a row's unit was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    Uscc,
    OrgCode,
    Name,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup<'a> {
    Found(&'a Unit, MatchedBy),
    /// No unit matches: the row's unit is to be created.
    New,
    Conflict(FieldError),
}

#[derive(Debug, Default)]
pub struct UnitIndex {
    units: Vec<Unit>,
    by_uscc: HashMap<String, usize>,
    by_org: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, usize>,
    by_id: HashMap<i64, usize>,
}

impl UnitIndex {
    /// From every stored unit with its name key.
    pub fn new(units: Vec<(Unit, String)>) -> UnitIndex {
        let mut index = UnitIndex::default();
        for (unit, key) in units {
            index.add(unit, key);
        }
        index
    }

    pub fn add(&mut self, unit: Unit, name_key: String) {
        let at = self.units.len();
        if let Some(u) = &unit.uscc {
            self.by_uscc.insert(u.clone(), at);
        }
        let inside = unit.uscc.as_deref().and_then(ids::org_code_in_uscc);
        for org in [unit.org_code.clone(), inside].into_iter().flatten() {
            let list = self.by_org.entry(org).or_default();
            if !list.contains(&at) {
                list.push(at);
            }
        }
        self.by_name.insert(name_key, at);
        self.by_id.insert(unit.id, at);
        self.units.push(unit);
    }

    pub fn get(&self, id: i64) -> Option<&Unit> {
        self.by_id.get(&id).map(|&at| &self.units[at])
    }

    pub fn find(&self, row: &UnitFields) -> Lookup<'_> {
        if let Some(u) = &row.uscc
            && let Some(&at) = self.by_uscc.get(u)
        {
            return Lookup::Found(&self.units[at], MatchedBy::Uscc);
        }
        // The organisation code given, or else the one inside the USCC given.
        let (org, org_field) = match (&row.org_code, row.uscc.as_deref().and_then(ids::org_code_in_uscc)) {
            (Some(o), _) => (Some(o.clone()), Field::OrgCode),
            (None, inside) => (inside, Field::Uscc),
        };
        if let Some(org) = &org {
            let found = self.by_org.get(org).map(Vec::as_slice).unwrap_or_default();
            match found {
                [] => {}
                [at] => {
                    let unit = &self.units[*at];
                    return match (&row.uscc, &unit.uscc) {
                        (Some(mine), Some(theirs)) => Lookup::Conflict(FieldError::new(
                            Field::Uscc,
                            Msg::RowUsccOrgTaken {
                                uscc: mine.clone(),
                                org: org.clone(),
                                unit: named(unit),
                                theirs: theirs.clone(),
                            },
                        )),
                        _ => Lookup::Found(unit, MatchedBy::OrgCode),
                    };
                }
                several => {
                    let units = several.iter().map(|&at| named(&self.units[at])).collect();
                    return Lookup::Conflict(FieldError::new(
                        org_field,
                        Msg::RowOrgAmbiguous { org: org.clone(), units },
                    ));
                }
            }
        }
        if let Some(&at) = self.by_name.get(&row.name_key) {
            let unit = &self.units[at];
            if let (Some(mine), Some(theirs)) = (&row.uscc, &unit.uscc) {
                return Lookup::Conflict(FieldError::new(
                    Field::Name,
                    Msg::RowNameOtherUscc { unit: named(unit), theirs: theirs.clone(), mine: mine.clone() },
                ));
            }
            let theirs = unit.org_code.clone().or_else(|| unit.uscc.as_deref().and_then(ids::org_code_in_uscc));
            if let (Some(mine), Some(theirs)) = (&org, theirs) {
                return Lookup::Conflict(FieldError::new(
                    Field::Name,
                    Msg::RowNameOtherOrg { unit: named(unit), theirs, mine: mine.clone() },
                ));
            }
            return Lookup::Found(unit, MatchedBy::Name);
        }
        Lookup::New
    }
}

/// The import's index answers the core's unit lookup, as the store does.
impl UnitLookup for UnitIndex {
    type Error = std::convert::Infallible;
    fn by_uscc(&self, uscc: &str) -> Result<Option<Unit>, Self::Error> {
        Ok(self.by_uscc.get(uscc).map(|&at| self.units[at].clone()))
    }
    fn by_org_code(&self, org: &str) -> Result<Vec<Unit>, Self::Error> {
        let found = self.by_org.get(org).map(Vec::as_slice).unwrap_or_default();
        let mut units: Vec<Unit> = found.iter().map(|&at| self.units[at].clone()).collect();
        units.sort_by_key(|u| u.id);
        Ok(units)
    }
    fn by_id(&self, id: i64) -> Result<Option<Unit>, Self::Error> {
        Ok(self.get(id).cloned())
    }
    fn by_name_key(&self, key: &str) -> Result<Option<Unit>, Self::Error> {
        Ok(self.by_name.get(key).map(|&at| self.units[at].clone()))
    }
    fn each_name(&self, f: &mut dyn FnMut(i64, &str, &str)) -> Result<(), Self::Error> {
        for (key, &at) in &self.by_name {
            f(self.units[at].id, &self.units[at].name, key);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::UnitKind;

    fn unit(id: i64, name: &str, uscc: Option<&str>, org: Option<&str>) -> (Unit, String) {
        let u = Unit {
            id,
            name: name.into(),
            uscc: uscc.map(Into::into),
            org_code: org.map(Into::into),
            kind: UnitKind::Enterprise,
            industry: None,
            location: None,
        };
        (u, ids::name_key(name))
    }

    fn row(name: &str, uscc: Option<&str>, org: Option<&str>) -> UnitFields {
        UnitFields {
            name: name.into(),
            name_key: ids::name_key(name),
            uscc: uscc.map(Into::into),
            org_code: org.map(Into::into),
            kind: None,
            industry: None,
            location: None,
        }
    }

    fn found(l: Lookup<'_>) -> Option<(i64, MatchedBy)> {
        match l {
            Lookup::Found(u, by) => Some((u.id, by)),
            _ => None,
        }
    }

    #[test]
    fn the_index_answers_the_unit_lookup_table() {
        let units = crate::core::units::lookup_case_units();
        let index = UnitIndex::new(units.into_iter().map(|u| (u.clone(), ids::name_key(&u.name))).collect());
        crate::core::units::lookup_cases(&index);
    }

    #[test]
    fn uscc_then_org_code_then_name() {
        let index = UnitIndex::new(vec![
            unit(1, "重庆甲（集团）有限公司", Some("91110000600037341L"), None),
            unit(2, "重庆乙有限公司", None, Some("00251805-7")),
            unit(3, "重庆丙有限公司", None, None),
        ]);
        // A USCC wins over a different name: a renamed company keeps its code.
        assert_eq!(
            found(index.find(&row("改名后的公司", Some("91110000600037341L"), None))),
            Some((1, MatchedBy::Uscc))
        );
        // The organisation code inside a stored USCC.
        assert_eq!(found(index.find(&row("x", None, Some("60003734-1")))), Some((1, MatchedBy::OrgCode)));
        // The organisation code inside the row's USCC finds a unit stored with only that code.
        assert_eq!(found(index.find(&row("y", Some("91500107002518057Q"), None))), Some((2, MatchedBy::OrgCode)));
        assert_eq!(found(index.find(&row("重庆甲(集团)有限公司", None, None))), Some((1, MatchedBy::Name)));
        assert_eq!(
            found(index.find(&row(" 重庆丙有限公司", Some("91310115MA1K3BTP2B"), None))),
            Some((3, MatchedBy::Name))
        );
        assert_eq!(index.find(&row("重庆丁有限公司", None, None)), Lookup::New);
    }

    #[test]
    fn a_name_with_other_codes_is_a_conflict() {
        let index = UnitIndex::new(vec![
            unit(1, "重庆甲有限公司", Some("91110000600037341L"), None),
            unit(2, "重庆乙有限公司", None, Some("00251805-7")),
        ]);
        let Lookup::Conflict(e) = index.find(&row("重庆甲有限公司", Some("91310115MA1K3BTP2B"), None)) else {
            panic!("expected a conflict")
        };
        assert_eq!(e.place, crate::import::columns::Place::Field(Field::Name));
        assert!(matches!(&e.msg, Msg::RowNameOtherUscc { theirs, .. } if theirs == "91110000600037341L"), "{e:?}");
        assert!(matches!(index.find(&row("重庆乙有限公司", None, Some("00251809-X"))), Lookup::Conflict(_)));
    }

    #[test]
    fn added_units_are_found() {
        let mut index = UnitIndex::new(vec![]);
        let (u, key) = unit(7, "新公司", Some("9144030071526726XG"), None);
        index.add(u, key);
        assert_eq!(found(index.find(&row("新公司", Some("9144030071526726XG"), None))), Some((7, MatchedBy::Uscc)));
        assert_eq!(found(index.find(&row("别名", None, Some("71526726-X")))), Some((7, MatchedBy::OrgCode)));
    }
}
