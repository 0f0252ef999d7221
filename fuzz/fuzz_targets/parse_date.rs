//! `core::ids::parse_date` on any text: no panic; a date it accepts lies within the year
//! bounds and reads back from its canonical form; the import's fast path agrees with it.
#![no_main]

use chrono::Datelike;
use libfuzzer_sys::fuzz_target;
use stdtrack::core::ids;
use stdtrack::import::rows;

fuzz_target!(|s: &str| {
    let got = ids::parse_date(s);
    if let Ok(d) = got {
        assert!(ids::check_year(d.year()).is_ok(), "{s:?} gave {d}");
        assert_eq!(ids::parse_date(&d.to_string()), Ok(d), "{s:?}");
    }
    assert_eq!(rows::date(s), got, "{s:?}");
});
