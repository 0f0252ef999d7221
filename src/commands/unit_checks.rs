//! Checks shared by the commands that write units: codes valid and consistent, and no other
//! unit with the same name, USCC or organisation code.

use anyhow::{Result, anyhow, bail};

use crate::core::ids::{self, CodeError};
use crate::core::records::Unit;
use crate::store::Reader;

fn bad_check_hint(field: &str, code: &str, e: &CodeError, allow: bool) -> Result<()> {
    if allow {
        eprintln!("stdtrack: warning: {field} {code}: {e}; kept because --allow-bad-check was given");
        Ok(())
    } else {
        bail!(
            "{field} {code}: {e}; if the code is really printed so (early pilot codes fail the check), \
             add --allow-bad-check"
        )
    }
}

/// Normalises and checks a USCC and an organisation code; returns them as stored.
pub fn checked_codes(
    uscc: Option<&str>,
    org: Option<&str>,
    allow_bad_check: bool,
) -> Result<(Option<String>, Option<String>)> {
    let uscc = match uscc.map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => {
            let (code, warning) = ids::check_uscc_lenient(raw).map_err(|e| anyhow!("--uscc {raw}: {e}"))?;
            if let Some(w) = warning {
                bad_check_hint("--uscc", &code, &w, allow_bad_check)?;
            }
            Some(code)
        }
    };
    let org = match org.map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => {
            let (code, warning) = ids::check_org_code_lenient(raw).map_err(|e| anyhow!("--org-code {raw}: {e}"))?;
            if let Some(w) = warning {
                bad_check_hint("--org-code", &code, &w, allow_bad_check)?;
            }
            Some(code)
        }
    };
    // --allow-bad-check relaxes the check character only; a pair that disagrees would make
    // one unit answer to two organisation codes.
    codes_agree(uscc.as_deref(), org.as_deref())?;
    Ok((uscc, org))
}

/// A unit's organisation code, when it has both, must be the one inside its USCC.
pub fn codes_agree(uscc: Option<&str>, org: Option<&str>) -> Result<()> {
    if let (Some(u), Some(o)) = (uscc, org) {
        let inside = ids::org_code_in_uscc(u);
        if inside.as_deref() != Some(o) {
            bail!(
                "--org-code {o} does not match the organisation code inside USCC {u} ({}); give only one of them",
                inside.unwrap_or_default()
            );
        }
    }
    Ok(())
}

/// Refuses a unit whose name, USCC or organisation code another unit already has.
/// Returns the name key to store.
pub fn ensure_unique(read: Reader<'_>, unit: &Unit) -> Result<String> {
    let key = ids::name_key(&unit.name);
    if let Some(other) = read.unit_by_name_key(&key)?.filter(|o| o.id != unit.id) {
        bail!("--name: a unit named '{}' exists already (#{})", other.name, other.id);
    }
    if let Some(u) = &unit.uscc {
        if let Some(other) = read.unit_by_uscc(u)?.filter(|o| o.id != unit.id) {
            bail!("--uscc {u} belongs to unit #{} '{}' already", other.id, other.name);
        }
    }
    let orgs = [unit.org_code.clone(), unit.uscc.as_deref().and_then(ids::org_code_in_uscc)];
    for org in orgs.iter().flatten() {
        if let Some(other) = read.units_by_org_code(org)?.into_iter().find(|o| o.id != unit.id) {
            bail!("organisation code {org} belongs to unit #{} '{}' already", other.id, other.name);
        }
    }
    Ok(key)
}
