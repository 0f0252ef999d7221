//! The identifier checks on any text: no panic, and what they return is a fixed point (a
//! stored code or number checks to itself), so a value never changes on a second pass.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stdtrack::core::ids::{self, DEFAULT_SECTOR_CODES};
use stdtrack::core::model::Level;

fuzz_target!(|s: &str| {
    let _ = ids::normalize_code(s);
    let _ = ids::name_key(s);
    let _ = ids::clean_text(s);
    let _ = ids::org_code_in_uscc(s);

    if let Ok(c) = ids::check_uscc(s) {
        assert_eq!(c.chars().count(), 18, "{s:?}");
        assert_eq!(ids::check_uscc(&c), Ok(c.clone()), "{s:?}");
        assert!(ids::org_code_in_uscc(&c).is_some(), "{s:?}");
    }
    if let Ok((c, warning)) = ids::check_uscc_lenient(s) {
        assert_eq!(ids::check_uscc_lenient(&c), Ok((c.clone(), warning)), "{s:?}");
    }
    if let Ok(c) = ids::check_org_code(s) {
        assert_eq!(ids::check_org_code(&c), Ok(c.clone()), "{s:?}");
    }
    if let Ok((c, warning)) = ids::check_org_code_lenient(s) {
        assert_eq!(ids::check_org_code_lenient(&c), Ok((c.clone(), warning)), "{s:?}");
    }

    // A number stored as normalised (an unknown prefix with a stated level) is looked up
    // by normalising what the clerk types: normalising must not change it again.
    let normalized = ids::normalize_standard_number(s);
    assert_eq!(ids::normalize_standard_number(&normalized), normalized, "{s:?}");
    if let Ok((n, level)) = ids::classify_standard_number(s, DEFAULT_SECTOR_CODES) {
        assert_eq!(normalized, n, "{s:?}");
        assert_eq!(ids::classify_standard_number(&n, DEFAULT_SECTOR_CODES), Ok((n.clone(), level)), "{s:?}");
    }
    // The import's shortcut: "already canonical" must mean exactly what classify returns.
    if ids::is_canonical_enterprise_number(s) {
        assert_eq!(
            ids::classify_standard_number(s, DEFAULT_SECTOR_CODES),
            Ok((s.to_string(), Level::Enterprise)),
            "{s:?}"
        );
    }
});
