//! Money as the office writes it (DOMAIN.md §4): whole yuan in `i64`, one parser for every
//! amount a clerk types; no floats anywhere.

use std::fmt;

use super::ids::to_halfwidth;

/// The most one rule version or one payment may be: 10^10 yuan (一百亿元), far above any
/// subsidy the notice grants, yet small enough that a sum of billions of them fits in `i64`.
pub const MAX_YUAN: i64 = 10_000_000_000;

/// Why a typed amount is not one the tool takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YuanError {
    /// Nothing but blanks.
    Empty,
    /// Not an integer: `3.5`, `3e5`, `abc`, `-`, `1,,0`.
    NotWholeYuan,
    /// A whole number whose magnitude is above `MAX_YUAN`.
    TooLarge,
}

impl fmt::Display for YuanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            YuanError::Empty => "the amount is empty",
            YuanError::NotWholeYuan => "not a whole number of yuan",
            YuanError::TooLarge => "more than 10,000,000,000 yuan",
        })
    }
}

impl std::error::Error for YuanError {}

/// Reads an amount of whole yuan: `300000`, `300,000`, `300，000`, `300_000`, full-width
/// digits, a leading `-` (or `－`) for a refund, an optional trailing `元`, blanks around.
/// A group separator must sit between two digits. |amount| above `MAX_YUAN` is `TooLarge`,
/// however many digits were typed.
pub fn parse_yuan(raw: &str) -> Result<i64, YuanError> {
    let half = to_halfwidth(raw);
    let t = half.trim();
    if t.is_empty() {
        return Err(YuanError::Empty);
    }
    let t = t.strip_suffix('元').map_or(t, str::trim_end);
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut magnitude: i64 = 0;
    let mut too_large = false;
    let mut prev_digit = false;
    let mut chars = body.chars().peekable();
    if chars.peek().is_none() {
        return Err(YuanError::NotWholeYuan);
    }
    while let Some(c) = chars.next() {
        if let Some(d) = c.to_digit(10) {
            // Once past MAX_YUAN the value no longer matters, only that the rest is digits.
            if !too_large {
                magnitude = magnitude * 10 + i64::from(d);
                too_large = magnitude > MAX_YUAN;
            }
            prev_digit = true;
        } else if matches!(c, ',' | '_') && prev_digit && chars.peek().is_some_and(char::is_ascii_digit) {
            prev_digit = false;
        } else {
            return Err(YuanError::NotWholeYuan);
        }
    }
    if too_large {
        return Err(YuanError::TooLarge);
    }
    Ok(if negative { -magnitude } else { magnitude })
}

/// A sum of stored amounts that does not fit in `i64`: the database holds a figure no rule
/// or payment could have (edited by hand, or written before amounts were bounded). Reports
/// refuse with this rather than print a wrapped or saturated total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoneyOverflow;

impl fmt::Display for MoneyOverflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "the stored amounts are too large to add up: the database holds an amount no rule or payment could have \
             (run `stdtrack check`)",
        )
    }
}

impl std::error::Error for MoneyOverflow {}

/// A figure summed in `i128`, back in `i64` or `MoneyOverflow`.
pub fn narrow(total: i128) -> Result<i64, MoneyOverflow> {
    i64::try_from(total).map_err(|_| MoneyOverflow)
}

/// The exact sum of amounts, or `MoneyOverflow` when it does not fit in `i64`. Summed in
/// `i128`, so a sum that passes out of range on the way and comes back (a payment and its
/// refund) is still exact: only the result must fit.
pub fn sum(amounts: impl IntoIterator<Item = i64>) -> Result<i64, MoneyOverflow> {
    let mut total: i128 = 0;
    for a in amounts {
        total = total.checked_add(i128::from(a)).ok_or(MoneyOverflow)?;
    }
    narrow(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_accepted() {
        let cases: &[(&str, i64)] = &[
            ("300000", 300_000),
            ("300,000", 300_000),
            ("300，000", 300_000),
            ("300_000", 300_000),
            ("1,000,000", 1_000_000),
            ("３０００００", 300_000),
            ("３００，０００", 300_000),
            ("-50000", -50_000),
            ("－50000", -50_000),
            ("－５０，０００", -50_000),
            ("+50000", 50_000),
            ("300000元", 300_000),
            ("300000 元", 300_000),
            ("-20,000元", -20_000),
            ("  300000 ", 300_000),
            ("\u{3000}300000\u{3000}", 300_000),
            ("0", 0),
            ("-0", 0),
            ("007", 7),
            ("10000000000", MAX_YUAN),
            ("10,000,000,000", MAX_YUAN),
            ("-10000000000", -MAX_YUAN),
            ("000000000000000000000000000010000000000", MAX_YUAN),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_yuan(raw), Ok(*want), "input {raw:?}");
        }
    }

    #[test]
    fn yuan_refused() {
        use YuanError::*;
        let cases: &[(&str, YuanError)] = &[
            ("", Empty),
            ("   ", Empty),
            ("\u{3000}", Empty),
            ("3.5", NotWholeYuan),
            ("3.0", NotWholeYuan),
            ("3e5", NotWholeYuan),
            ("1e5", NotWholeYuan),
            ("abc", NotWholeYuan),
            ("-", NotWholeYuan),
            ("+", NotWholeYuan),
            ("元", NotWholeYuan),
            ("--5", NotWholeYuan),
            ("-+5", NotWholeYuan),
            ("5-", NotWholeYuan),
            ("300 000", NotWholeYuan),
            (",300", NotWholeYuan),
            ("300,", NotWholeYuan),
            ("3,,000", NotWholeYuan),
            ("3,_000", NotWholeYuan),
            ("300000元元", NotWholeYuan),
            ("元300000", NotWholeYuan),
            ("30万", NotWholeYuan),
            ("٣٠٠", NotWholeYuan),
            ("¥300000", NotWholeYuan),
            ("0x10", NotWholeYuan),
            ("10000000001", TooLarge),
            ("-10000000001", TooLarge),
            ("99999999999", TooLarge),
            ("9223372036854775807", TooLarge),
            ("-9223372036854775808", TooLarge),
            ("99999999999999999999999999999999999999999", TooLarge),
            // Digits past the bound do not hide what follows them.
            ("99999999999x", NotWholeYuan),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_yuan(raw), Err(*want), "input {raw:?}");
        }
    }

    #[test]
    fn sums_are_exact_or_refused() {
        let half = i64::MAX / 2 + 1;
        assert_eq!(sum([half, half]), Err(MoneyOverflow));
        assert_eq!(sum([i64::MIN, -1]), Err(MoneyOverflow));
        assert_eq!(sum([i64::MIN; 3]), Err(MoneyOverflow));
        // Out of range on the way, back in range at the end: exact.
        assert_eq!(sum([i64::MAX, 1, -2]), Ok(i64::MAX - 1));
        assert_eq!(sum([i64::MIN, i64::MIN, i64::MAX, i64::MAX, 1]), Ok(-1));
        assert_eq!(sum([]), Ok(0));
        assert_eq!(sum([MAX_YUAN, -MAX_YUAN, 5]), Ok(5));
        assert_eq!(narrow(i128::from(i64::MAX) + 1), Err(MoneyOverflow));
        assert_eq!(narrow(i128::from(i64::MIN)), Ok(i64::MIN));
        let msg = MoneyOverflow.to_string();
        assert!(msg.contains("too large to add up") && msg.contains("stdtrack check"), "{msg}");
    }
}
