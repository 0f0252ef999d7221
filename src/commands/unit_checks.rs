//! Checks shared by the commands that write units: codes valid and consistent, and no other
//! unit with the same name, USCC or organisation code.

use anyhow::Result;

use crate::core::ids::{self, CodeError};
use crate::core::records::Unit;
use crate::core::units;
use crate::error::{Msg, UnitName, V, refuse};
use crate::store::Reader;

/// A wrong check character: a warning with --allow-bad-check, else a refusal with the hint.
fn bad_check(field: &str, code: &str, err: CodeError, allow: bool) -> Result<Option<Msg>> {
    let (field, code) = (field.to_string(), code.to_string());
    if allow {
        Ok(Some(Msg::BadCheckKept { field, code, err }))
    } else {
        Err(refuse(Msg::BadCheck { field, code, err }))
    }
}

/// Normalises and checks a USCC and an organisation code; returns them as stored, and the
/// warnings to show (a check character kept because of --allow-bad-check).
pub fn checked_codes(
    uscc: Option<&str>,
    org: Option<&str>,
    allow_bad_check: bool,
) -> Result<(Option<String>, Option<String>, Vec<Msg>)> {
    let mut warnings = Vec::new();
    let mut check = |field: &str,
                     raw: Option<&str>,
                     lenient: fn(&str) -> Result<(String, Option<CodeError>), CodeError>|
     -> Result<Option<String>> {
        let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else { return Ok(None) };
        let (code, warning) =
            lenient(raw).map_err(|err| refuse(Msg::Code { field: field.into(), value: V::from(raw), err }))?;
        if let Some(w) = warning {
            warnings.extend(bad_check(field, &code, w, allow_bad_check)?);
        }
        Ok(Some(code))
    };
    let uscc = check("--uscc", uscc, ids::check_uscc_lenient)?;
    let org = check("--org-code", org, ids::check_org_code_lenient)?;
    // --allow-bad-check relaxes the check character only; a pair that disagrees would make
    // one unit answer to two organisation codes.
    codes_agree(uscc.as_deref(), org.as_deref())?;
    Ok((uscc, org, warnings))
}

/// A unit's organisation code, when it has both, must be the one inside its USCC
/// (`core::units::codes_agree`, the rule the import uses too).
pub fn codes_agree(uscc: Option<&str>, org: Option<&str>) -> Result<()> {
    units::codes_agree(uscc, org).map_err(refuse)
}

/// Refuses a unit whose name, USCC or organisation code another unit already has.
/// Returns the name key to store.
pub fn ensure_unique(read: Reader<'_>, unit: &Unit) -> Result<String> {
    let key = ids::name_key(&unit.name);
    let named = |u: Unit| UnitName { id: u.id, name: u.name };
    if let Some(other) = read.unit_by_name_key(&key)?.filter(|o| o.id != unit.id) {
        return Err(refuse(Msg::NameTaken { name: other.name, id: other.id }));
    }
    if let Some(u) = &unit.uscc {
        if let Some(other) = read.unit_by_uscc(u)?.filter(|o| o.id != unit.id) {
            return Err(refuse(Msg::UsccTaken { code: u.clone(), unit: named(other) }));
        }
    }
    let orgs = [unit.org_code.clone(), unit.uscc.as_deref().and_then(ids::org_code_in_uscc)];
    for org in orgs.iter().flatten() {
        if let Some(other) = read.units_by_org_code(org)?.into_iter().find(|o| o.id != unit.id) {
            return Err(refuse(Msg::OrgCodeTaken { code: org.clone(), unit: named(other) }));
        }
    }
    Ok(key)
}
