//! Identifier normalisation and checking: unit names, USCC and organisation codes,
//! standard numbers and dates (DOMAIN.md §2 and §6, CLI.md on dates).
//!
//! Everything here is pure: no I/O, no clock, no printing. Callers decide what to do
//! with an error or a warning.

use std::fmt;

use chrono::NaiveDate;

use crate::core::model::Level;

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

/// Full-width ASCII (U+FF01..U+FF5E) to half-width, U+3000 ideographic space to ' '.
/// Full-width parentheses （） are in that range.
pub fn to_halfwidth(s: &str) -> String {
    s.chars().map(halfwidth).collect()
}

/// One character of [`to_halfwidth`].
pub fn halfwidth(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Invisible characters that Excel/WPS exports and copy-paste leave behind; for
/// comparing they count as blanks, like whitespace.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{00AD}' | '\u{FEFF}')
}

/// A control character a name, title, reason or cell may not hold: C0 and C1 controls and
/// DEL, except tab and line breaks (which tidying turns into spaces).
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Text holding a control character (ESC, NUL, ...), which would corrupt a terminal or a
/// report, is refused wherever a clerk enters it or a file brings it.
pub fn has_forbidden_controls(s: &str) -> bool {
    s.chars().any(is_forbidden_control)
}

/// Whitespace or an invisible character: set aside when names and codes are compared.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Key for comparing unit names: half-width, all whitespace removed, lower-case.
/// `重庆某（集团）有限公司` and `重庆某(集团) 有限公司` give the same key.
pub fn name_key(s: &str) -> String {
    to_halfwidth(s).chars().filter(|c| !is_blank(*c)).flat_map(char::to_lowercase).collect()
}

/// Tidy a name for storage/display: keeps what the user typed (no half-width
/// conversion) but trims and collapses runs of whitespace to one space.
/// `None` when nothing is left.
pub fn clean_text(s: &str) -> Option<String> {
    let visible: String = s.chars().filter(|c| !is_invisible(*c)).collect();
    let cleaned = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.is_empty() { None } else { Some(cleaned) }
}

// ---------------------------------------------------------------------------
// USCC and organisation codes
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    /// The value looks like a number Excel produced from the code.
    ExcelMangled(Mangled),
    Length {
        expected: usize,
        found: usize,
    },
    /// `position` is 1-based, in the normalised code as entered.
    BadChar {
        ch: char,
        position: usize,
    },
    BadCheck {
        expected: char,
        found: char,
    },
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => write!(f, "the code is empty"),
            CodeError::ExcelMangled(why) => {
                let why = match why {
                    Mangled::Scientific => "it is in scientific notation".to_string(),
                    Mangled::Separator => "it has a decimal point or thousands separator".to_string(),
                    Mangled::LostDigits { found, expected } => {
                        format!("{found} digits where {expected} are expected: leading zeros or digits were dropped")
                    }
                    Mangled::FifteenDigits => "only the first 15 digits were kept".to_string(),
                };
                write!(f, "looks like Excel turned it into a number ({why}); format the column as text and re-enter it")
            }
            CodeError::Length { expected, found } => {
                write!(f, "the code has {found} characters, expected {expected}")
            }
            CodeError::BadChar { ch, position } => {
                write!(f, "character '{ch}' at position {position} is not allowed in this code")
            }
            CodeError::BadCheck { expected, found } => {
                write!(f, "check character is {found}, expected {expected}")
            }
        }
    }
}

impl std::error::Error for CodeError {}

/// How Excel mangled a code typed into a General-format cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mangled {
    /// `1.21200004013591E+17`
    Scientific,
    /// A decimal point or thousands separator.
    Separator,
    /// Leading zeros or digits dropped.
    LostDigits { found: usize, expected: usize },
    /// An 18-digit code kept to Excel's 15 significant digits.
    FifteenDigits,
}

/// Normalise a code: half-width, all whitespace removed, upper-case.
pub fn normalize_code(s: &str) -> String {
    to_halfwidth(s).chars().filter(|c| !is_blank(*c)).map(|c| c.to_ascii_uppercase()).collect()
}

/// GB 32100-2015 alphabet: no I, O, S, V, Z; a character's value is its index.
const USCC_CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_LEN: usize = 18;

/// GB 11714-1997: 8 characters 0-9A-Z, then a check 0-9 or X.
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_LEN: usize = 9; // without the hyphen

fn uscc_value(c: char) -> Option<u32> {
    USCC_CHARS.iter().position(|&b| b as char == c).map(|i| i as u32)
}

/// Recognise what Excel does to a code typed into a General-format cell: scientific
/// notation, a decimal or thousands separator, or leading characters lost.
/// `expected` is the length without a hyphen.
fn excel_mangled(code: &str, expected: usize) -> Option<CodeError> {
    if code.contains("E+") {
        return Some(CodeError::ExcelMangled(Mangled::Scientific));
    }
    let numeric = code.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    if numeric && code.chars().any(|c| c.is_ascii_digit()) && code.contains(['.', ',']) {
        return Some(CodeError::ExcelMangled(Mangled::Separator));
    }
    let len = code.chars().count();
    if code.chars().all(|c| c.is_ascii_digit()) && len < expected && len + 2 >= expected {
        return Some(CodeError::ExcelMangled(Mangled::LostDigits { found: len, expected }));
    }
    None
}

/// Check a unified social credit code; a wrong check character is an error.
pub fn check_uscc(s: &str) -> Result<String, CodeError> {
    match check_uscc_lenient(s)? {
        (code, None) => Ok(code),
        (_, Some(warning)) => Err(warning),
    }
}

/// Check a unified social credit code, reporting a wrong check character as a
/// warning (early Fujian pilot codes are real yet fail it). Other faults are errors.
pub fn check_uscc_lenient(s: &str) -> Result<(String, Option<CodeError>), CodeError> {
    let code = normalize_code(s);
    if code.is_empty() {
        return Err(CodeError::Empty);
    }
    if let Some(e) = excel_mangled(&code, USCC_LEN) {
        return Err(e);
    }
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != USCC_LEN {
        return Err(CodeError::Length { expected: USCC_LEN, found: chars.len() });
    }
    let mut sum = 0;
    for (i, &c) in chars.iter().enumerate() {
        let v = uscc_value(c).ok_or(CodeError::BadChar { ch: c, position: i + 1 })?;
        if i < USCC_WEIGHTS.len() {
            sum += v * USCC_WEIGHTS[i];
        }
    }
    let expected = USCC_CHARS[((31 - sum % 31) % 31) as usize] as char;
    let found = chars[USCC_LEN - 1];
    if expected == found {
        return Ok((code, None));
    }
    // Excel keeps 15 significant digits, so an all-digit code typed as a number comes
    // back ending in 000 and (almost surely) fails the check.
    if chars.iter().all(char::is_ascii_digit) && code.ends_with("000") {
        return Err(CodeError::ExcelMangled(Mangled::FifteenDigits));
    }
    Ok((code, Some(CodeError::BadCheck { expected, found })))
}

fn is_dash_like(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FF0D}')
}

/// Check an organisation code (with or without its hyphen); returns "XXXXXXXX-C".
pub fn check_org_code(s: &str) -> Result<String, CodeError> {
    match check_org_code_lenient(s)? {
        (code, None) => Ok(code),
        (_, Some(warning)) => Err(warning),
    }
}

/// As [`check_org_code`], but a wrong check character is returned as a warning.
pub fn check_org_code_lenient(s: &str) -> Result<(String, Option<CodeError>), CodeError> {
    let code: String = normalize_code(s).chars().map(|c| if is_dash_like(c) { '-' } else { c }).collect();
    if code.is_empty() {
        return Err(CodeError::Empty);
    }
    if let Some(e) = excel_mangled(&code, ORG_LEN) {
        return Err(e);
    }
    let chars: Vec<char> = code.chars().collect();
    let found = chars.iter().filter(|&&c| c != '-').count();
    if found != ORG_LEN {
        return Err(CodeError::Length { expected: ORG_LEN, found });
    }
    // The only hyphen allowed is the one before the check character.
    let hyphenated = chars.len() == ORG_LEN + 1 && chars[8] == '-';
    // (1-based position as entered, character)
    let compact: Vec<(usize, char)> =
        chars.iter().enumerate().filter(|&(i, _)| !(hyphenated && i == 8)).map(|(i, &c)| (i + 1, c)).collect();
    let mut sum = 0;
    for (k, &(position, c)) in compact.iter().take(8).enumerate() {
        let v = c.to_digit(36).filter(|_| c.is_ascii_alphanumeric());
        let v = v.ok_or(CodeError::BadChar { ch: c, position })?;
        sum += v * ORG_WEIGHTS[k];
    }
    let (position, found) = compact[8];
    if !(found.is_ascii_digit() || found == 'X') {
        return Err(CodeError::BadChar { ch: found, position });
    }
    let expected = match 11 - sum % 11 {
        11 => '0',
        10 => 'X',
        n => char::from_digit(n, 10).unwrap_or('?'),
    };
    let body: String = compact.iter().take(8).map(|&(_, c)| c).collect();
    let formatted = format!("{body}-{found}");
    if expected == found {
        Ok((formatted, None))
    } else {
        Ok((formatted, Some(CodeError::BadCheck { expected, found })))
    }
}

/// The organisation code inside a USCC (positions 9-17), as "XXXXXXXX-C".
/// `None` unless the input is 18 letters/digits. The code is not checked.
pub fn org_code_in_uscc(uscc: &str) -> Option<String> {
    let chars: Vec<char> = normalize_code(uscc).chars().collect();
    if chars.len() != USCC_LEN || !chars.iter().all(char::is_ascii_alphanumeric) {
        return None;
    }
    let body: String = chars[8..16].iter().collect();
    Some(format!("{body}-{}", chars[16]))
}

// ---------------------------------------------------------------------------
// Standard numbers
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StdNumberError {
    Empty,
    UnknownPrefix { prefix: String },
    Malformed(Malformed),
}

/// What is wrong with the shape of a standard number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed {
    /// It does not start with a prefix such as GB/T, DB50/T or Q/.
    NoPrefix,
    /// `DB` followed by other than 2 or 4 digits.
    DbDigits {
        digits: String,
    },
    /// A local standard not written `DB50/T` or `DB50/`.
    LocalForm {
        digits: String,
    },
    NoNumber {
        prefix: String,
    },
    NumberStart {
        prefix: String,
    },
    /// No `-year` after the number.
    NoYear {
        prefix: String,
    },
}

impl fmt::Display for StdNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StdNumberError::Empty => write!(f, "the standard number is empty"),
            StdNumberError::UnknownPrefix { prefix } => {
                write!(f, "unknown standard number prefix \"{prefix}\"; state the level explicitly")
            }
            StdNumberError::Malformed(m) => {
                let reason = match m {
                    Malformed::NoPrefix => "it must start with a prefix such as GB/T, DB50/T or Q/".to_string(),
                    Malformed::DbDigits { digits } => {
                        format!("DB must be followed by a 2-digit province or 4-digit city code, not {digits}")
                    }
                    Malformed::LocalForm { digits } => {
                        format!("a local standard is written DB{digits}/T or DB{digits}/")
                    }
                    Malformed::NoNumber { prefix } => format!("no number after {prefix}"),
                    Malformed::NumberStart { prefix } => {
                        format!("the number after {prefix} must start with a letter or digit")
                    }
                    Malformed::NoYear { prefix } => {
                        format!("expected a number and year after {prefix}, such as {prefix} 1.1-2020")
                    }
                };
                write!(f, "malformed standard number: {reason}")
            }
        }
    }
}

impl std::error::Error for StdNumberError {}

/// Industry sector codes (DOMAIN.md §6). `DB` alone is the earthquake industry.
/// The real list lives in the database; this is its seed.
pub const DEFAULT_SECTOR_CODES: &[&str] = &[
    "YS", "QC", "JB", "SJ", "WB", "LB", "NY", // named in the table
    "YB", "HG", "SH", "JC", "QB", "FZ", "CB", "HB", "QJ", "WJ", "BB", "DL", "JT", "SN", "SB", "YZ", "CY", "AQ", "WS",
    "GA", "JY", "LD", "TY", "CJ", "TD", "WH", "GY", "HJ", "SL", "LY", "JG", "YY", // other sector codes
    "JGJ", "CJJ", "JTG", // three-letter (engineering construction, transport)
    "DB",  // earthquake
];

/// Half-width, dashes unified, ASCII upper-cased, whitespace collapsed to single
/// spaces, and no spaces next to `- : . + /` (the prefix parser puts back the one
/// space that belongs after a prefix such as `DB50/`).
fn pre_clean(s: &str) -> String {
    let chars: Vec<char> = to_halfwidth(s).chars().collect();
    let neighbour_is_digit = |range: &mut dyn Iterator<Item = usize>| {
        range.map(|j| chars[j]).find(|c| !c.is_whitespace()).is_some_and(|c| c.is_ascii_digit())
    };
    let mut unified = String::with_capacity(s.len());
    for i in 0..chars.len() {
        let c = chars[i];
        // '一' (the character "one") is a dash only between digits: "1.1一2020".
        let dash = is_dash_like(c)
            || (c == '一' && neighbour_is_digit(&mut (0..i).rev()) && neighbour_is_digit(&mut (i + 1..chars.len())));
        unified.push(if dash { '-' } else { c.to_ascii_uppercase() });
    }
    let collapsed: Vec<char> =
        unified.split(is_blank).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ").chars().collect();
    let tight = |c: char| matches!(c, '-' | ':' | '.' | '+' | '/');
    let mut out = String::with_capacity(collapsed.len());
    for (i, &c) in collapsed.iter().enumerate() {
        let next_tight = collapsed.get(i + 1).is_some_and(|&n| tight(n));
        let prev_tight = out.chars().last().is_some_and(tight);
        if c == ' ' && (next_tight || prev_tight) {
            continue;
        }
        out.push(c);
    }
    out
}

/// A standard number split into its prefix and the rest.
#[derive(Debug)]
struct Parsed {
    /// Leading letters, e.g. "GB", "DB", "DBJ", "Q", "T", "ISO", or "ITU-T".
    head: String,
    /// Province/city digits right after DB / DBJ.
    digits: String,
    /// What follows each '/' of the prefix: ["T"], [""] for "DB50/", ["IEC", "TR"], ["JLP"].
    parts: Vec<String>,
    /// A word after ISO/IEC separated by a space: "TR", "TS", "PAS", "GUIDE".
    word: Option<String>,
    /// `DBJ50-052-2014`: the number follows the prefix after a hyphen, not a space.
    hyphen_sep: bool,
    rest: String,
}

impl Parsed {
    fn prefix_text(&self) -> String {
        let mut p = format!("{}{}", self.head, self.digits);
        for part in &self.parts {
            p.push('/');
            p.push_str(part);
        }
        if let Some(w) = &self.word {
            p.push(' ');
            p.push_str(w);
        }
        p
    }

    fn canonical(&self) -> String {
        let prefix = self.prefix_text();
        match (self.rest.is_empty(), self.hyphen_sep) {
            (true, _) => prefix,
            (false, true) => format!("{prefix}-{}", self.rest),
            (false, false) => format!("{prefix} {}", self.rest),
        }
    }
}

/// Parse the prefix of a pre-cleaned standard number. `None` when it does not start
/// with a letter.
fn parse_prefix(t: &str) -> Option<Parsed> {
    let c: Vec<char> = t.chars().collect();
    let n = c.len();
    let mut i = 0;
    let take_while = |i: &mut usize, f: &dyn Fn(char) -> bool| {
        let start = *i;
        while *i < n && f(c[*i]) {
            *i += 1;
        }
        c[start..*i].iter().collect::<String>()
    };

    let mut head = take_while(&mut i, &|ch| ch.is_ascii_uppercase());
    if head.is_empty() {
        return None;
    }
    if head == "ITU" && c.get(i) == Some(&'-') && c.get(i + 1) == Some(&'T') {
        head = "ITU-T".to_string();
        i += 2;
    }

    let mut digits = String::new();
    if head == "DB" || head == "DBJ" {
        digits = take_while(&mut i, &|ch| ch.is_ascii_digit());
        // "DB 50/T 576-2014": a stray space between DB and the province.
        if digits.is_empty() && c.get(i) == Some(&' ') {
            let mut j = i + 1;
            let d = take_while(&mut j, &|ch| ch.is_ascii_digit());
            if !d.is_empty() && c.get(j) == Some(&'/') {
                digits = d;
                i = j;
            }
        }
    }

    let mut parts = Vec::new();
    while c.get(i) == Some(&'/') {
        i += 1;
        if (head == "Q" || head == "T") && parts.is_empty() {
            // Enterprise/association code: up to a space, or when glued to the number
            // ("Q/XYZ0001S-2014") up to the first digit after a letter.
            let start = i;
            let run = take_while(&mut i, &|ch| ch.is_ascii_alphanumeric());
            if i < n && c[i] != ' ' {
                let glued = run
                    .char_indices()
                    .skip_while(|(_, ch)| !ch.is_ascii_alphabetic())
                    .find(|(_, ch)| ch.is_ascii_digit());
                if let Some((k, _)) = glued {
                    i = start + k;
                    parts.push(run[..k].to_string());
                    break;
                }
            }
            parts.push(run);
            break;
        }
        parts.push(take_while(&mut i, &|ch| ch.is_ascii_uppercase()));
    }

    let mut word = None;
    if (head == "ISO" || head == "IEC") && c.get(i) == Some(&' ') {
        let mut j = i + 1;
        let w = take_while(&mut j, &|ch| ch.is_ascii_uppercase());
        let ends = j == n || c[j] == ' ' || c[j].is_ascii_digit();
        if matches!(w.as_str(), "TR" | "TS" | "PAS" | "GUIDE") && ends {
            word = Some(w);
            i = j;
        }
    }

    let mut hyphen_sep = false;
    // A dash before another dash or a slash is part of the number, not the separator:
    // taking it, each writing back (`P -…`, read as `P-…`) lost one more (found by fuzzing).
    let dash_separates = c.get(i + 1).is_some_and(|&ch| !matches!(ch, '-' | '/'));
    match c.get(i) {
        Some(' ') => i += 1,
        Some('-') if dash_separates => {
            hyphen_sep = head == "DBJ";
            i += 1;
        }
        _ => {}
    }

    let rest: String = c[i..].iter().collect();
    Some(Parsed { head, digits, parts, word, hyphen_sep, rest: normalize_adoption(rest.trim()) })
}

/// "19001-2016/ISO9001:2015": normalise the adopted standard's number too.
fn normalize_adoption(rest: &str) -> String {
    let split =
        rest.char_indices().find(|&(k, ch)| ch == '/' && rest[k + 1..].starts_with(|n: char| n.is_ascii_alphabetic()));
    match split {
        Some((k, _)) => {
            let adopted = &rest[k + 1..];
            let adopted = parse_prefix(adopted).map_or_else(|| adopted.to_string(), |p| p.canonical());
            format!("{}/{adopted}", &rest[..k])
        }
        None => rest.to_string(),
    }
}

/// Normalise a standard number: half-width, dash-like characters (and `一` between
/// digits) to '-', one space between prefix and number, upper case. Adoption
/// suffixes ("/ISO 9001:2015") are kept and normalised the same way.
pub fn normalize_standard_number(s: &str) -> String {
    let (t, p) = settle(s);
    p.map_or(t, |p| p.canonical())
}

/// Passes `settle` may take; inputs seen while fuzzing settle within three.
const SETTLE_PASSES: usize = 8;

/// The pre-cleaned text whose parse writes back as text that reads the same, and that
/// parse. For ordinary numbers one parse already is; some odd ones are not (fuzzing found
/// `ISO0/J-/`, written `ISO 0/J /`, which pre_clean reads as `ISO 0/J/`), and a stored
/// number that normalises to something else is never found again by its own text.
fn settle(s: &str) -> (String, Option<Parsed>) {
    let mut t = pre_clean(s);
    let mut p = parse_prefix(&t);
    for _ in 0..SETTLE_PASSES {
        let again = pre_clean(&p.as_ref().map_or_else(|| t.clone(), Parsed::canonical));
        if again == t {
            break;
        }
        p = parse_prefix(&again);
        t = again;
    }
    (t, p)
}

/// The international standard a number says it adopts: the `/ISO …` or `/IEC …` suffix of
/// a Chinese number (`GB/T 19001-2016/ISO 9001:2015` adopts `ISO 9001:2015`), normalised.
pub fn adoption_suffix(number: &str) -> Option<String> {
    let n = normalize_standard_number(number);
    let p = parse_prefix(&n)?;
    if matches!(p.head.as_str(), "ISO" | "IEC" | "ITU-T") {
        return None;
    }
    let (_, adopted) = p.rest.split_once('/')?;
    (adopted.starts_with("ISO") || adopted.starts_with("IEC")).then(|| adopted.to_string())
}

fn malformed(m: Malformed) -> StdNumberError {
    StdNumberError::Malformed(m)
}

/// Level given by a parsed prefix (DOMAIN.md §6 table).
fn level_of(p: &Parsed, sector_codes: &[&str]) -> Result<Level, StdNumberError> {
    let parts: Vec<&str> = p.parts.iter().map(String::as_str).collect();
    let unknown = || StdNumberError::UnknownPrefix { prefix: p.prefix_text() };
    let is_sector = |code: &str| sector_codes.iter().any(|s| s.trim().eq_ignore_ascii_case(code));
    let plain_t_z = matches!(parts.as_slice(), [] | ["T"] | ["Z"]);

    let level = match p.head.as_str() {
        "ITU-T" if parts.is_empty() => Level::International,
        "ISO" | "IEC" if parts.iter().all(|x| matches!(*x, "ISO" | "IEC" | "IEEE" | "TS" | "TR" | "PAS")) => {
            Level::International
        }
        "GB" if plain_t_z => Level::National,
        "GBZ" if matches!(parts.as_slice(), [] | ["T"]) => Level::National,
        "T" if matches!(parts.as_slice(), [code] if !code.is_empty()) => Level::Group,
        "Q" if matches!(parts.as_slice(), [code] if !code.is_empty()) => Level::Enterprise,
        "DB" if !p.digits.is_empty() => {
            if p.digits.len() != 2 && p.digits.len() != 4 {
                return Err(malformed(Malformed::DbDigits { digits: p.digits.clone() }));
            }
            if !matches!(parts.as_slice(), [""] | ["T"]) {
                return Err(malformed(Malformed::LocalForm { digits: p.digits.clone() }));
            }
            Level::Local
        }
        "DBJ" if matches!(parts.as_slice(), [] | ["T"]) => Level::Local,
        head if p.digits.is_empty() && p.word.is_none() && plain_t_z && is_sector(head) => Level::Industry,
        _ => return Err(unknown()),
    };
    Ok(level)
}

/// The number after the prefix: international ones are free-form; Chinese ones end
/// in "-year" (two-digit years allowed: GB 3100-93).
fn check_number_part(p: &Parsed, level: Level) -> Result<(), StdNumberError> {
    let prefix = p.prefix_text();
    if p.rest.is_empty() {
        return Err(malformed(Malformed::NoNumber { prefix }));
    }
    if !p.rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(malformed(Malformed::NumberStart { prefix }));
    }
    if level == Level::International {
        return Ok(());
    }
    let main = p.rest.split('/').next().unwrap_or_default();
    let year_ok = main.rsplit_once('-').is_some_and(|(body, year)| {
        !body.is_empty() && (year.len() == 2 || year.len() == 4) && year.chars().all(|c| c.is_ascii_digit())
    });
    let chars_ok = main.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ' '));
    if !year_ok || !chars_ok {
        return Err(malformed(Malformed::NoYear { prefix }));
    }
    Ok(())
}

/// Normalise a standard number and derive its level from the prefix.
/// `sector_codes` are the known industry codes (see [`DEFAULT_SECTOR_CODES`]).
pub fn classify_standard_number(s: &str, sector_codes: &[&str]) -> Result<(String, Level), StdNumberError> {
    let (t, p) = settle(s);
    if t.is_empty() {
        return Err(StdNumberError::Empty);
    }
    let p = p.ok_or_else(|| malformed(Malformed::NoPrefix))?;
    let level = level_of(&p, sector_codes)?;
    check_number_part(&p, level)?;
    Ok((p.canonical(), level))
}

/// True only when `s` is an enterprise standard number already written exactly as
/// [`classify_standard_number`] would return it (`Q/CODE NUMBER-YEAR`, plain ASCII, one
/// space), so a bulk import can skip the full parse; `false` means "ask
/// `classify_standard_number`", never "invalid".
pub fn is_canonical_enterprise_number(s: &str) -> bool {
    let Some(after) = s.strip_prefix("Q/") else { return false };
    let Some((code, rest)) = after.split_once(' ') else { return false };
    let upper_alnum = |c: u8| c.is_ascii_uppercase() || c.is_ascii_digit();
    if code.is_empty() || !code.bytes().all(upper_alnum) {
        return false;
    }
    if !rest.bytes().next().is_some_and(upper_alnum) || !rest.bytes().all(|c| upper_alnum(c) || c == b'.' || c == b'-')
    {
        return false;
    }
    rest.rsplit_once('-').is_some_and(|(body, year)| {
        !body.is_empty() && (year.len() == 2 || year.len() == 4) && year.bytes().all(|c| c.is_ascii_digit())
    })
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Empty,
    Unrecognised,
    Impossible { year: i32, month: u32, day: u32 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Empty => write!(f, "the date is empty; expected a date such as 2013-05-01"),
            DateError::Unrecognised => write!(f, "expected a date such as 2013-05-01"),
            DateError::Impossible { year, month, day } => {
                write!(f, "{year:04}-{month:02}-{day:02} is not a real date")
            }
        }
    }
}

impl std::error::Error for DateError {}

/// The years a date may fall in: wide enough for any record of the office, narrow enough
/// that a mistyped year (99999, 0213) is refused rather than stored.
pub const YEAR_MIN: i32 = 1900;
pub const YEAR_MAX: i32 = 2100;

/// A year outside `YEAR_MIN..=YEAR_MAX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearError {
    pub year: i32,
}

impl fmt::Display for YearError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is not a year from {YEAR_MIN} to {YEAR_MAX}", self.year)
    }
}

impl std::error::Error for YearError {}

/// The year, if it is one a record may carry (`YEAR_MIN..=YEAR_MAX`).
pub fn check_year(year: i32) -> Result<i32, YearError> {
    if (YEAR_MIN..=YEAR_MAX).contains(&year) { Ok(year) } else { Err(YearError { year }) }
}

/// Parse 2013-05-01, 2013-5-1, 2013/5/1, 2013.5.1, 20130501 or 2013年5月1日, with
/// full-width digits and surrounding spaces allowed. A trailing time ("00:00:00",
/// Excel's "0:00", after a space or 'T') is dropped. Years 1900..=2100.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let t = to_halfwidth(s);
    let t = t.trim();
    if t.is_empty() {
        return Err(DateError::Empty);
    }
    let date_part = strip_time(t).ok_or(DateError::Unrecognised)?;
    let (year, month, day) = split_ymd(date_part).ok_or(DateError::Unrecognised)?;
    check_year(year).map_err(|_| DateError::Unrecognised)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::Impossible { year, month, day })
}

/// Serials above this are past 9999-12-31, the last day Excel counts.
const EXCEL_SERIAL_MAX: i64 = 2_958_465;

/// The day of an Excel serial date in the 1900 date system (the one Windows Excel and WPS
/// use): serial 1 is 1900-01-01, 41456 is 2013-07-01. Excel counts a 1900-02-29 that never
/// was (Lotus 1-2-3's leap-year error, kept): serial 60 is that day, so it is no date, and
/// every serial after it is one more than the days since 1899-12-31. A fraction is a time of
/// day and is dropped. `None` for what no day has.
pub fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || serial < 1.0 || serial >= (EXCEL_SERIAL_MAX + 1) as f64 {
        return None;
    }
    // In range, so the cast is exact.
    let days = serial.floor() as i64;
    let epoch = match days {
        60 => return None,
        ..60 => NaiveDate::from_ymd_opt(1899, 12, 31)?,
        _ => NaiveDate::from_ymd_opt(1899, 12, 30)?,
    };
    epoch.checked_add_days(chrono::Days::new(u64::try_from(days).ok()?))
}

/// A cell that holds an Excel serial date as text (`41456`, `41456.5`, full-width digits
/// allowed): the day it is, as [`excel_serial_date`] counts. `None` when the cell is not a
/// plain number.
pub fn parse_excel_serial(s: &str) -> Option<NaiveDate> {
    let t = to_halfwidth(s);
    let t = t.trim();
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |f: &str| f.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 7 || !digits(whole) || !digits(frac) {
        return None;
    }
    excel_serial_date(whole.parse::<f64>().ok()?)
}

/// The date part of "date", "date time" or "dateTtime"; `None` if what follows the
/// date is not a time.
fn strip_time(t: &str) -> Option<&str> {
    match t.find([' ', 'T', 't']) {
        None => Some(t),
        Some(k) => is_time(t[k + 1..].trim()).then(|| t[..k].trim_end()),
    }
}

/// H:MM, HH:MM:SS or HH:MM:SS.fff, a real time of day: hour 0-23, minute and second 0-59.
/// A date followed by `25:00` is a typing slip somewhere in the cell, not a date to keep.
fn is_time(t: &str) -> bool {
    let fields: Vec<&str> = t.split(':').collect();
    let digits =
        |f: &str, min: usize, max: usize| (min..=max).contains(&f.len()) && f.chars().all(|c| c.is_ascii_digit());
    let at_most = |f: &str, max: u32| f.parse::<u32>().is_ok_and(|v| v <= max);
    let hm = |h: &str, m: &str| digits(h, 1, 2) && digits(m, 2, 2) && at_most(h, 23) && at_most(m, 59);
    match fields.as_slice() {
        [h, m] => hm(h, m),
        [h, m, s] => {
            let (whole, frac) = s.split_once('.').unwrap_or((s, "0"));
            hm(h, m) && digits(whole, 2, 2) && at_most(whole, 59) && digits(frac, 1, 9)
        }
        _ => false,
    }
}

fn number(f: &str, min_len: usize, max_len: usize) -> Option<u32> {
    let f = f.trim();
    if !(min_len..=max_len).contains(&f.len()) || !f.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    f.parse().ok()
}

fn split_ymd(p: &str) -> Option<(i32, u32, u32)> {
    let ymd = |y: &str, m: &str, d: &str| {
        let year = i32::try_from(number(y, 4, 4)?).ok()?;
        Some((year, number(m, 1, 2)?, number(d, 1, 2)?))
    };
    if let Some(body) = p.strip_suffix('日') {
        let (y, md) = body.split_once('年')?;
        let (m, d) = md.split_once('月')?;
        return ymd(y, m, d);
    }
    if p.len() == 8 && p.chars().all(|c| c.is_ascii_digit()) {
        return ymd(&p[..4], &p[4..6], &p[6..]);
    }
    let sep = p.chars().find(|c| !c.is_ascii_digit())?;
    let sep = if is_dash_like(sep) { '-' } else { sep };
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let unified: String = p.chars().map(|c| if is_dash_like(c) { '-' } else { c }).collect();
    match unified.split(sep).collect::<Vec<_>>().as_slice() {
        [y, m, d] => ymd(y, m, d),
        _ => None,
    }
}

// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    // --- text -----------------------------------------------------------------

    #[test]
    fn halfwidth_and_name_key() {
        assert_eq!(to_halfwidth("ＧＢ／Ｔ　１．１（Ａ）"), "GB/T 1.1(A)");
        assert_eq!(name_key("重庆某（集团）有限公司"), name_key("重庆某(集团) 有限公司"));
        assert_eq!(name_key("重庆某（集团）有限公司"), "重庆某(集团)有限公司");
        assert_eq!(name_key(" ABC　Co.\u{FEFF}"), "abcco.");
        assert_ne!(name_key("重庆甲公司"), name_key("重庆乙公司"));
    }

    #[test]
    fn clean_text_cases() {
        let cases: &[(&str, Option<&str>)] = &[
            ("  重庆某（集团）  有限公司 ", Some("重庆某（集团） 有限公司")),
            ("a\t\n b", Some("a b")),
            ("a\u{3000}\u{3000}b", Some("a b")),
            ("", None),
            (" \t\u{3000}\u{FEFF} ", None),
        ];
        for (input, want) in cases {
            assert_eq!(clean_text(input).as_deref(), *want, "input {input:?}");
        }
    }

    // --- USCC -----------------------------------------------------------------

    const VALID_USCC: &[&str] =
        &["91110000600037341L", "121200004013590816", "91310115MA1K3BTP2B", "9144030071526726XG", "91620105L015101280"];

    #[test]
    fn uscc_valid_examples() {
        for code in VALID_USCC {
            assert_eq!(check_uscc(code).as_deref(), Ok(*code), "{code}");
            assert_eq!(check_uscc_lenient(code), Ok((code.to_string(), None)), "{code}");
        }
    }

    #[test]
    fn uscc_every_wrong_check_char_is_caught() {
        // Verifies the weights: exactly one of the 31 check characters passes.
        for code in VALID_USCC {
            let body = &code[..17];
            let passing: Vec<char> =
                USCC_CHARS.iter().map(|&b| b as char).filter(|c| check_uscc(&format!("{body}{c}")).is_ok()).collect();
            assert_eq!(passing, vec![code.chars().last().unwrap()], "{code}");
        }
    }

    #[test]
    fn uscc_errors() {
        let cases: &[(&str, CodeError)] = &[
            ("91110000600037341N", CodeError::BadCheck { expected: 'L', found: 'N' }),
            ("91350211M00013FA1N", CodeError::BadCheck { expected: '3', found: 'N' }),
            ("", CodeError::Empty),
            ("   ", CodeError::Empty),
            ("9111000060003734L", CodeError::Length { expected: 18, found: 17 }),
            ("91110000600037341LL", CodeError::Length { expected: 18, found: 19 }),
            ("9111000060003734IL", CodeError::BadChar { ch: 'I', position: 17 }),
            ("91110000O00037341L", CodeError::BadChar { ch: 'O', position: 9 }),
            ("S1110000600037341L", CodeError::BadChar { ch: 'S', position: 1 }),
            ("911100006000373V1L", CodeError::BadChar { ch: 'V', position: 16 }),
            ("91110000600037341Z", CodeError::BadChar { ch: 'Z', position: 18 }),
            ("9111000060003734-L", CodeError::BadChar { ch: '-', position: 17 }),
        ];
        for (input, want) in cases {
            assert_eq!(check_uscc(input).as_ref(), Err(want), "input {input:?}");
        }
    }

    #[test]
    fn uscc_normalisation() {
        let cases: &[(&str, &str)] = &[
            ("91310115ma1k3btp2b", "91310115MA1K3BTP2B"),
            (" 9131 0115 MA1K 3BTP 2B ", "91310115MA1K3BTP2B"),
            ("９１１１００００６０００３７３４１Ｌ", "91110000600037341L"),
            ("91110000600037341l", "91110000600037341L"),
        ];
        for (input, want) in cases {
            assert_eq!(check_uscc(input).as_deref(), Ok(*want), "input {input:?}");
        }
    }

    #[test]
    fn uscc_lenient() {
        assert_eq!(
            check_uscc_lenient("91350211m00013fa1n"),
            Ok(("91350211M00013FA1N".to_string(), Some(CodeError::BadCheck { expected: '3', found: 'N' })))
        );
        // Only the check character is forgiven.
        assert_eq!(check_uscc_lenient("9135021IM00013FA1N"), Err(CodeError::BadChar { ch: 'I', position: 8 }));
        assert!(matches!(check_uscc_lenient("1.21200004013591E+17"), Err(CodeError::ExcelMangled { .. })));
    }

    #[test]
    fn excel_mangled_codes() {
        let uscc = [
            "1.21200004013591E+17",
            "1.21200004013591e+17",
            "121200004013590816.0",
            "21200004013590816",  // 17 digits
            "1200004013590816",   // 16 digits
            "121200004013591000", // 15 significant digits kept
        ];
        for input in uscc {
            match check_uscc(input) {
                Err(e @ CodeError::ExcelMangled(_)) => {
                    let hint = e.to_string();
                    assert!(hint.contains("Excel"), "{hint}");
                    assert!(hint.contains("format the column as text"), "{hint}");
                }
                other => panic!("{input}: {other:?}"),
            }
        }
        for input in ["2518057", "25180579", "2.51806E+06", "2518057.0"] {
            assert!(matches!(check_org_code(input), Err(CodeError::ExcelMangled(_))), "{input}");
        }
        // 15 digits is too short to be an Excel artefact of a USCC: a plain length error.
        assert_eq!(check_uscc("200004013590816"), Err(CodeError::Length { expected: 18, found: 15 }));
    }

    // --- organisation codes -----------------------------------------------------

    #[test]
    fn org_codes_valid() {
        let cases: &[(&str, &str)] = &[
            ("00251805-7", "00251805-7"),
            ("002518057", "00251805-7"),
            ("00251809-X", "00251809-X"),
            ("00251809x", "00251809-X"),
            ("60003734-1", "60003734-1"),
            ("600037341", "60003734-1"),
            ("６０００３７３４－１", "60003734-1"),
            ("60003734—1", "60003734-1"),
            (" 6000 3734 - 1 ", "60003734-1"),
        ];
        for (input, want) in cases {
            assert_eq!(check_org_code(input).as_deref(), Ok(*want), "input {input:?}");
            assert_eq!(check_org_code_lenient(input), Ok((want.to_string(), None)), "input {input:?}");
        }
    }

    #[test]
    fn org_codes_invalid() {
        let cases: &[(&str, CodeError)] = &[
            ("00251805-8", CodeError::BadCheck { expected: '7', found: '8' }),
            ("002518058", CodeError::BadCheck { expected: '7', found: '8' }),
            ("00251809-0", CodeError::BadCheck { expected: 'X', found: '0' }),
            ("60003734-X", CodeError::BadCheck { expected: '1', found: 'X' }),
            ("", CodeError::Empty),
            ("0025180-57", CodeError::BadChar { ch: '-', position: 8 }),
            ("0025#805-7", CodeError::BadChar { ch: '#', position: 5 }),
            ("00251805-A", CodeError::BadChar { ch: 'A', position: 10 }),
            ("00251805-77", CodeError::Length { expected: 9, found: 10 }),
            ("A0251-7", CodeError::Length { expected: 9, found: 6 }),
        ];
        for (input, want) in cases {
            assert_eq!(check_org_code(input).as_ref(), Err(want), "input {input:?}");
        }
        assert_eq!(
            check_org_code_lenient("002518058"),
            Ok(("00251805-8".to_string(), Some(CodeError::BadCheck { expected: '7', found: '8' })))
        );
    }

    #[test]
    fn org_code_inside_uscc() {
        assert_eq!(org_code_in_uscc("91110000600037341L").as_deref(), Some("60003734-1"));
        assert_eq!(org_code_in_uscc("91110000600037341l").as_deref(), Some("60003734-1"));
        assert_eq!(org_code_in_uscc("91620105L015101280").as_deref(), Some("L0151012-8"));
        assert_eq!(org_code_in_uscc("9111000060003734"), None);
        assert_eq!(org_code_in_uscc("重庆某公司重庆某公司重庆某公司重庆某"), None);
        // The embedded code of a valid USCC is itself a valid organisation code here.
        let inner = org_code_in_uscc("91110000600037341L").unwrap();
        assert_eq!(check_org_code(&inner), Ok(inner.clone()));
    }

    #[test]
    fn code_error_display() {
        let cases: &[(CodeError, &str)] = &[
            (CodeError::BadCheck { expected: 'L', found: 'N' }, "check character is N, expected L"),
            (CodeError::Length { expected: 18, found: 17 }, "the code has 17 characters, expected 18"),
            (CodeError::BadChar { ch: 'I', position: 5 }, "character 'I' at position 5 is not allowed in this code"),
            (CodeError::Empty, "the code is empty"),
        ];
        for (e, want) in cases {
            assert_eq!(e.to_string(), *want);
        }
    }

    // --- standard numbers -------------------------------------------------------

    #[test]
    fn domain_examples_classify() {
        use Level::*;
        let cases: &[(&str, Level)] = &[
            ("GB 7258-2017", National),
            ("GB/T 1.1-2020", National),
            ("GB/T 19001-2016/ISO 9001:2015", National),
            ("GBZ 2.1-2007", National),
            ("GB/Z 1-2000", National),
            ("GB 3100-93", National),
            ("ISO 9001:2015", International),
            ("IEC 60335-1:2020", International),
            ("ISO/IEC TR 29110-5-1-2:2011", International),
            ("ITU-T G.9960", International),
            ("IEC 60335-1:2020+AMD1:2023", International),
            ("YS/T 450-2013", Industry),
            ("QC/T 29106-2014", Industry),
            ("JB/T 10300-2013", Industry),
            ("SJ/T 11363-2006", Industry),
            ("WB/T 1024-2006", Industry),
            ("LB/T 004-2013", Industry),
            ("NY/T 391-2013", Industry),
            ("JGJ 3-2010", Industry),
            ("JTG D60-2015", Industry),
            ("DB/T 15-2002", Industry),
            ("DB50/T 576-2014", Local),
            ("DB50/ 123-2013", Local),
            ("DB5001/T 12-2020", Local),
            ("DBJ50-052-2014", Local),
            ("T/CAS 290-2017", Group),
            ("Q/JLP 001-2013", Enterprise),
            ("Q/XYZ 0001S-2014", Enterprise),
            // other real forms
            ("ISO/TS 16949:2009", International),
            ("ISO/IEC 27001:2013", International),
            ("GBZ/T 229.1-2010", National),
            ("JGJ/T 10-2011", Industry),
            ("DBJ50/T-043-2016", Local),
            ("DBJ/T 15-101-2015", Local),
        ];
        for (input, level) in cases {
            assert_eq!(
                classify_standard_number(input, DEFAULT_SECTOR_CODES),
                Ok((input.to_string(), *level)),
                "input {input:?}"
            );
            assert_eq!(normalize_standard_number(input), *input, "already normal: {input:?}");
        }
    }

    #[test]
    fn normalisation() {
        let cases: &[(&str, &str)] = &[
            ("ＧＢ／Ｔ１．１－２０２０", "GB/T 1.1-2020"),
            ("GB/T1.1-2020", "GB/T 1.1-2020"),
            ("gb/t 1.1—2020", "GB/T 1.1-2020"),
            ("GB/T 1.1一2020", "GB/T 1.1-2020"),
            ("GB/T 1.1 一 2020", "GB/T 1.1-2020"),
            ("gb/t  19001-2016", "GB/T 19001-2016"),
            ("  GB / T 1.1 – 2020 ", "GB/T 1.1-2020"),
            ("GB7258-2017", "GB 7258-2017"),
            ("GB/T19001-2016/iso9001:2015", "GB/T 19001-2016/ISO 9001:2015"),
            ("GB/T 19001-2016 / ISO 9001 : 2015", "GB/T 19001-2016/ISO 9001:2015"),
            ("DB50/T576-2014", "DB50/T 576-2014"),
            ("DB50/123-2013", "DB50/ 123-2013"),
            ("db50/ 123－2013", "DB50/ 123-2013"),
            ("DB 50/T 576-2014", "DB50/T 576-2014"),
            ("dbj50-052-2014", "DBJ50-052-2014"),
            ("t/cas290-2017", "T/CAS 290-2017"),
            ("Q/XYZ0001S-2014", "Q/XYZ 0001S-2014"),
            ("q/jlp 001‐2013", "Q/JLP 001-2013"),
            ("ISO/IEC TR29110-5-1-2:2011", "ISO/IEC TR 29110-5-1-2:2011"),
            ("iso9001:2015", "ISO 9001:2015"),
            ("ITU‑T G.9960", "ITU-T G.9960"),
            ("GB 3100−93", "GB 3100-93"),
            ("", ""),
            ("第一版", "第一版"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_standard_number(input), *want, "input {input:?}");
            assert_eq!(normalize_standard_number(want), *want, "idempotent: {want:?}");
        }
    }

    #[test]
    fn classify_normalises() {
        let (n, level) = classify_standard_number("ＧＢ／Ｔ１．１－２０２０", DEFAULT_SECTOR_CODES).unwrap();
        assert_eq!((n.as_str(), level), ("GB/T 1.1-2020", Level::National));
        let (n, level) = classify_standard_number("gb/t 1.1—2020", DEFAULT_SECTOR_CODES).unwrap();
        assert_eq!((n.as_str(), level), ("GB/T 1.1-2020", Level::National));
        let (n, level) = classify_standard_number("q/xyz0001s-2014", DEFAULT_SECTOR_CODES).unwrap();
        assert_eq!((n.as_str(), level), ("Q/XYZ 0001S-2014", Level::Enterprise));
    }

    #[test]
    fn sector_codes_are_data() {
        // "DB/T" is the earthquake industry only while DB is a known sector code.
        assert_eq!(
            classify_standard_number("DB/T 15-2002", &["YS"]),
            Err(StdNumberError::UnknownPrefix { prefix: "DB/T".into() })
        );
        // Local standards do not depend on the list.
        assert_eq!(classify_standard_number("DB50/T 576-2014", &[]).map(|r| r.1), Ok(Level::Local));
        // An office-added code; case of the list does not matter.
        assert_eq!(classify_standard_number("XX/T 1-2013", &["xx"]).map(|r| r.1), Ok(Level::Industry));
        assert_eq!(
            classify_standard_number("YS/T 450-2013", &[]),
            Err(StdNumberError::UnknownPrefix { prefix: "YS/T".into() })
        );
        assert!(DEFAULT_SECTOR_CODES.contains(&"DB"));
        assert!(DEFAULT_SECTOR_CODES.contains(&"JGJ"));
        assert_eq!(DEFAULT_SECTOR_CODES.len(), 7 + 32 + 3 + 1);
    }

    #[test]
    fn canonical_enterprise_number_fast_path_agrees_with_classify() {
        let inputs = [
            "Q/JLP 001-2013",
            "Q/XYZ 0001S-2014",
            "Q/JLP00000 001-2012",
            "Q/123 1.1-13",
            "Q/JLP 001-2013 ",
            "Q/JLP  001-2013",
            "Q/jlp 001-2013",
            "Q/JLP 001-20131",
            "Q/JLP -2013",
            "Q/JLP 1-2013/ISO 9001:2015",
            "Q/ 001-2013",
            "Q/JLP001-2013",
            "Q/JLP 001—2013",
            "Q/JLP 001-201X",
            "Q/JLP .1-2013",
            "Q/JLP 1..2-2013",
            "Q/JLP A-B-2013",
            "GB/T 1.1-2020",
            "q/JLP 001-2013",
        ];
        for s in inputs {
            if is_canonical_enterprise_number(s) {
                assert_eq!(
                    classify_standard_number(s, DEFAULT_SECTOR_CODES),
                    Ok((s.to_string(), Level::Enterprise)),
                    "{s:?}"
                );
            }
        }
        assert!(is_canonical_enterprise_number("Q/JLP 001-2013"));
        assert!(!is_canonical_enterprise_number("Q/JLP001-2013"));
    }

    #[test]
    fn standard_number_errors() {
        let unknown = |p: &str| StdNumberError::UnknownPrefix { prefix: p.to_string() };
        let cases: &[(&str, StdNumberError)] = &[
            ("XX/T 1-2013", unknown("XX/T")),
            ("ABC 1-2013", unknown("ABC")),
            ("YS/X 1-2013", unknown("YS/X")),
            ("", StdNumberError::Empty),
            ("  ", StdNumberError::Empty),
        ];
        for (input, want) in cases {
            assert_eq!(classify_standard_number(input, DEFAULT_SECTOR_CODES).as_ref(), Err(want), "{input:?}");
        }
        for input in [
            "GB/T",
            "GB/T 1.1",
            "GB/T 1.1-20201",
            "DB500/T 1-2013",
            "DB50 1-2013",
            "T/ 1-2017",
            "12345-2013",
            "GB/T 1.1-2020 修改单",
        ] {
            assert!(
                matches!(classify_standard_number(input, DEFAULT_SECTOR_CODES), Err(StdNumberError::Malformed(_))),
                "{input:?}: {:?}",
                classify_standard_number(input, DEFAULT_SECTOR_CODES)
            );
        }
        assert_eq!(unknown("XX/T").to_string(), "unknown standard number prefix \"XX/T\"; state the level explicitly");
    }

    // --- dates ------------------------------------------------------------------

    #[test]
    fn dates_accepted() {
        let may_day = NaiveDate::from_ymd_opt(2013, 5, 1).unwrap();
        let spellings = [
            "2013-05-01",
            "2013-5-1",
            "2013/5/1",
            "2013/05/01",
            "2013.5.1",
            "20130501",
            "2013年5月1日",
            "2013年05月01日",
            "  2013-05-01 ",
            "２０１３－０５－０１",
            "２０１３年５月１日",
            "2013-05-01 00:00:00",
            "2013-05-01T00:00:00",
            "2013-05-01T00:00:00.000",
            "2013/5/1 0:00",
            "2013-05-01\u{3000}",
        ];
        for s in spellings {
            assert_eq!(parse_date(s), Ok(may_day), "input {s:?}");
        }
        assert_eq!(parse_date("2012-02-29"), NaiveDate::from_ymd_opt(2012, 2, 29).ok_or(DateError::Unrecognised));
        assert_eq!(parse_date("1900-01-01").map(|d| d.to_string()).as_deref(), Ok("1900-01-01"));
        assert_eq!(parse_date("2100-12-31").map(|d| d.to_string()).as_deref(), Ok("2100-12-31"));
    }

    #[test]
    fn dates_refused() {
        let impossible = |year, month, day| DateError::Impossible { year, month, day };
        let cases: &[(&str, DateError)] = &[
            ("2013-02-30", impossible(2013, 2, 30)),
            ("2013-02-29", impossible(2013, 2, 29)),
            ("2013-13-01", impossible(2013, 13, 1)),
            ("20130230", impossible(2013, 2, 30)),
            ("2013年2月30日", impossible(2013, 2, 30)),
            ("", DateError::Empty),
            ("   ", DateError::Empty),
            ("sometime", DateError::Unrecognised),
            ("2013年5月1", DateError::Unrecognised),
            ("2013-5/1", DateError::Unrecognised),
            ("13-5-1", DateError::Unrecognised),
            ("1899-12-31", DateError::Unrecognised),
            ("2101-01-01", DateError::Unrecognised),
            ("2013-05-01 noon", DateError::Unrecognised),
            ("2013-05", DateError::Unrecognised),
            ("201305011", DateError::Unrecognised),
            ("41395", DateError::Unrecognised),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input).as_ref(), Err(want), "input {input:?}");
        }
    }

    #[test]
    fn date_error_display() {
        assert_eq!(
            DateError::Impossible { year: 2013, month: 2, day: 30 }.to_string(),
            "2013-02-30 is not a real date"
        );
        assert_eq!(DateError::Unrecognised.to_string(), "expected a date such as 2013-05-01");
    }

    #[test]
    fn the_time_after_a_date_must_be_a_real_time() {
        let may_day = NaiveDate::from_ymd_opt(2013, 5, 1).unwrap();
        for s in
            ["2013-05-01 23:59", "2013-05-01T23:59:59", "2013-05-01 0:00", "2013-05-01 09:05:00.5", "2013/5/1 12:30"]
        {
            assert_eq!(parse_date(s), Ok(may_day), "input {s:?}");
        }
        for s in [
            "2013-05-01T25:00",
            "2013-05-01 24:00",
            "2013-05-01 99:00:00",
            "2013-05-01 12:60",
            "2013-05-01 12:99:00",
            "2013-05-01 12:00:60",
            "2013-05-01T23:59:99.000",
            "2013-05-01 -1:00",
            "2013-05-01 +1:00",
        ] {
            assert_eq!(parse_date(s), Err(DateError::Unrecognised), "input {s:?}");
        }
    }

    #[test]
    fn excel_serial_dates_in_the_1900_system() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let cases: &[(f64, Option<NaiveDate>)] = &[
            (1.0, d(1900, 1, 1)),
            (59.0, d(1900, 2, 28)),
            // Excel's 1900-02-29, a day that never was.
            (60.0, None),
            (61.0, d(1900, 3, 1)),
            (41395.0, d(2013, 5, 1)),
            (41456.0, d(2013, 7, 1)),
            (41456.75, d(2013, 7, 1)),
            (41121.0, d(2012, 7, 31)),
            (42369.0, d(2015, 12, 31)),
            (2_958_465.0, d(9999, 12, 31)),
            (2_958_466.0, None),
            (0.0, None),
            (-5.0, None),
            (f64::NAN, None),
        ];
        for (serial, want) in cases {
            assert_eq!(excel_serial_date(*serial), *want, "serial {serial}");
        }
        assert_eq!(parse_excel_serial(" 41456 "), d(2013, 7, 1));
        assert_eq!(parse_excel_serial("４１４５６"), d(2013, 7, 1));
        assert_eq!(parse_excel_serial("41456.0"), d(2013, 7, 1));
        for s in ["", "41456a", "-41456", "4.1e4", "41 456", "12345678", ".5"] {
            assert_eq!(parse_excel_serial(s), None, "{s:?}");
        }
    }

    #[test]
    fn years_are_bounded() {
        assert_eq!((YEAR_MIN, YEAR_MAX), (1900, 2100));
        for y in [1900, 2012, 2100] {
            assert_eq!(check_year(y), Ok(y));
        }
        for y in [1899, 2101, 99999, 0, -1, i32::MIN, i32::MAX] {
            assert_eq!(check_year(y), Err(YearError { year: y }));
        }
        assert_eq!(YearError { year: 99999 }.to_string(), "99999 is not a year from 1900 to 2100");
    }

    #[test]
    fn standard_numbers_normalise_to_a_fixed_point() {
        // Inputs the fuzzer (fuzz/, target `codes`) found whose normal form normalised to
        // something else, so a stored number would not be found again by its own text.
        let found = [
            "ISO0/IDBJ-/T B0ETSO0/IO0/IE11",
            "ISO0/J-/",
            "GB-/10",
            "GST/B/I////O//IBI/I/BO/-II/IEC /T/I/BO//IEC /T",
            "Q/0 7PJLISO/IEC ISO/2\u{c}/\u{c}I\u{c}S/T/-2/\u{c}S/3",
            "GST/B//BO------/-----//IEC /T",
        ];
        let ordinary =
            ["GB/T1.1-2020", "db50/t 576-2014", "Q/JLP 001-2013", "GB/T 19001-2016/ISO9001:2015", "DB-50/T 1-2014"];
        for s in found.iter().chain(ordinary.iter()) {
            let n = normalize_standard_number(s);
            assert_eq!(normalize_standard_number(&n), n, "input {s:?}");
            if let Ok((c, level)) = classify_standard_number(s, DEFAULT_SECTOR_CODES) {
                assert_eq!(c, n, "input {s:?}");
                assert_eq!(classify_standard_number(&c, DEFAULT_SECTOR_CODES), Ok((c.clone(), level)), "input {s:?}");
            }
        }
        // A run of dashes is kept, not eaten one per pass.
        assert_eq!(normalize_standard_number("GB--/1"), "GB --/1");
        assert_eq!(normalize_standard_number("ISO0/J-/"), "ISO 0/J -/");
    }
}
