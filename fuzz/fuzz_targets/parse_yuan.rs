//! `core::money::parse_yuan` on any text: no panic; what it accepts is within `MAX_YUAN`
//! and reads back from its plain form.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stdtrack::core::money::{MAX_YUAN, parse_yuan};

fuzz_target!(|s: &str| {
    if let Ok(n) = parse_yuan(s) {
        assert!((-MAX_YUAN..=MAX_YUAN).contains(&n), "{s:?} gave {n}");
        assert_eq!(parse_yuan(&n.to_string()), Ok(n), "{s:?}");
    }
});
