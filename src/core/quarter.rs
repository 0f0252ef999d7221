//! Calendar quarters (DOMAIN.md §3): `2013Q2` is 2013-04-01 to 2013-06-30.

use std::fmt;

use chrono::Datelike;

use super::model::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1..=4; the field order makes the derived `Ord` chronological.
    pub q: u8,
}

/// A date, or the nearest representable one: keeps `start`/`end` total for any `Quarter`
/// value (fields are public) without a panic path.
fn ymd(year: i32, month: u32, day: u32) -> Date {
    Date::from_ymd_opt(year, month, day).unwrap_or(if year < 0 { Date::MIN } else { Date::MAX })
}

impl Quarter {
    pub fn containing(d: Date) -> Quarter {
        Quarter { year: d.year(), q: (d.month0() / 3 + 1) as u8 }
    }

    /// Clamped so that a hand-built out-of-range `q` still yields a date.
    fn q_index(self) -> u32 {
        u32::from(self.q.clamp(1, 4))
    }

    pub fn start(self) -> Date {
        ymd(self.year, (self.q_index() - 1) * 3 + 1, 1)
    }

    pub fn end(self) -> Date {
        // Quarter-end days never depend on leap years: Mar 31, Jun 30, Sep 30, Dec 31.
        let (month, day) = match self.q_index() {
            1 => (3, 31),
            2 => (6, 30),
            3 => (9, 30),
            _ => (12, 31),
        };
        ymd(self.year, month, day)
    }

    pub fn prev(self) -> Quarter {
        match self.q_index() {
            1 => Quarter { year: self.year.saturating_sub(1), q: 4 },
            n => Quarter { year: self.year, q: (n - 1) as u8 },
        }
    }

    pub fn next(self) -> Quarter {
        match self.q_index() {
            4 => Quarter { year: self.year.saturating_add(1), q: 1 },
            n => Quarter { year: self.year, q: (n + 1) as u8 },
        }
    }

    /// "2013Q2" (also "2013q2", "2013-Q2", "2013 Q2", "2013年第二季度", "2013年2季度",
    /// full-width characters), "last" / 上季度 (the latest quarter whose end is before
    /// today, i.e. the quarter before the one containing today), "current" / 本季度
    /// (containing today). Years 1900 to 2100.
    pub fn parse(s: &str, today: Date) -> Result<Quarter, QuarterError> {
        let t: String = crate::core::ids::to_halfwidth(s).chars().filter(|c| !c.is_whitespace()).collect();
        let err = || QuarterError(s.to_string());
        match t.to_ascii_lowercase().as_str() {
            "current" | "本季度" | "当前季度" | "本季" => return Ok(Quarter::containing(today)),
            "last" | "上季度" | "上一季度" | "上季" => return Ok(Quarter::containing(today).prev()),
            _ => {}
        }
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() != 4 {
            return Err(err());
        }
        let year = digits.parse::<i32>().map_err(|_| err())?;
        if !(1900..=2100).contains(&year) {
            return Err(err());
        }
        let rest = &t[4..];
        let q = if let Some(zh) = rest.strip_prefix('年') {
            let zh = zh.strip_prefix('第').unwrap_or(zh);
            let n = zh.strip_suffix("季度").or_else(|| zh.strip_suffix('季')).ok_or_else(err)?;
            match n {
                "一" | "1" => 1,
                "二" | "2" => 2,
                "三" | "3" => 3,
                "四" | "4" => 4,
                _ => return Err(err()),
            }
        } else {
            let rest = rest.strip_prefix('-').unwrap_or(rest);
            match rest.as_bytes() {
                [b'Q' | b'q', d @ b'1'..=b'4'] => d - b'0',
                _ => return Err(err()),
            }
        };
        Ok(Quarter { year, q })
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}Q{}", self.year, self.q)
    }
}

impl serde::Serialize for Quarter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A quarter argument that is none of the accepted forms; holds the value as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterError(pub String);

impl fmt::Display for QuarterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a quarter: write a year and quarter such as 2013Q2 (also 2013q2, 2013-Q2 or 2013 Q2), or 'last' or 'current'",
            self.0
        )
    }
}

impl std::error::Error for QuarterError {}

#[cfg(test)]
#[rustfmt::skip]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn q(year: i32, q: u8) -> Quarter {
        Quarter { year, q }
    }

    #[test]
    fn bounds() {
        let cases = [
            (q(2012, 1), "2012-01-01", "2012-03-31"),
            (q(2013, 2), "2013-04-01", "2013-06-30"),
            (q(2013, 3), "2013-07-01", "2013-09-30"),
            (q(2013, 4), "2013-10-01", "2013-12-31"),
            (q(2016, 1), "2016-01-01", "2016-03-31"),
            (q(2100, 1), "2100-01-01", "2100-03-31"),
        ];
        for (qq, s, e) in cases {
            assert_eq!(qq.start(), d(s), "{qq}");
            assert_eq!(qq.end(), d(e), "{qq}");
            assert_eq!(Quarter::containing(qq.start()), qq);
            assert_eq!(Quarter::containing(qq.end()), qq);
            // The day after the end starts the next quarter.
            assert_eq!(qq.end().succ_opt().unwrap(), qq.next().start());
        }
    }

    #[test]
    fn containing() {
        let cases = [
            ("2012-07-12", q(2012, 3)),
            ("2016-02-29", q(2016, 1)),
            ("2012-02-29", q(2012, 1)),
            ("2015-12-31", q(2015, 4)),
            ("2014-04-01", q(2014, 2)),
            ("2014-03-31", q(2014, 1)),
            ("2014-09-30", q(2014, 3)),
            ("2014-10-01", q(2014, 4)),
        ];
        for (date, want) in cases {
            assert_eq!(Quarter::containing(d(date)), want, "{date}");
        }
    }

    #[test]
    fn prev_next_and_order() {
        assert_eq!(q(2013, 1).prev(), q(2012, 4));
        assert_eq!(q(2012, 4).next(), q(2013, 1));
        assert_eq!(q(2013, 2).prev(), q(2013, 1));
        assert_eq!(q(2013, 2).next(), q(2013, 3));
        assert!(q(2012, 4) < q(2013, 1));
        assert!(q(2013, 1) < q(2013, 2));
    }

    #[test]
    fn parse_forms() {
        let today = d("2014-05-20");
        let cases = [
            ("2013Q2", q(2013, 2)),
            ("2013q2", q(2013, 2)),
            ("2013-Q2", q(2013, 2)),
            ("2013 Q2", q(2013, 2)),
            (" 2013Q4 ", q(2013, 4)),
            ("2013-q1", q(2013, 1)),
            ("current", q(2014, 2)),
            ("last", q(2014, 1)),
            ("LAST", q(2014, 1)),
        ];
        for (s, want) in cases {
            assert_eq!(Quarter::parse(s, today), Ok(want), "{s}");
        }
    }

    #[test]
    fn last_and_current_from_first_quarter() {
        let cases = [
            ("2014-01-01", q(2013, 4), q(2014, 1)),
            ("2014-02-15", q(2013, 4), q(2014, 1)),
            ("2014-03-31", q(2013, 4), q(2014, 1)),
            ("2016-02-29", q(2015, 4), q(2016, 1)),
            ("2014-04-01", q(2014, 1), q(2014, 2)),
            ("2014-12-31", q(2014, 3), q(2014, 4)),
        ];
        for (today, last, current) in cases {
            assert_eq!(Quarter::parse("last", d(today)), Ok(last), "{today}");
            assert_eq!(Quarter::parse("current", d(today)), Ok(current), "{today}");
            // "last" is the latest quarter whose end is before today.
            assert!(last.end() < d(today));
            assert!(last.next().end() >= d(today));
        }
    }

    #[test]
    fn parse_accepts_chinese_spellings() {
        let today = d("2014-05-20");
        for s in ["2014Q4", "2014q4", "2014-Q4", "2014 Q4", "2014年第四季度", "2014年4季度", "2014年第4季度", "2014年第四季", "２０１４Ｑ４"] {
            assert_eq!(Quarter::parse(s, today), Ok(q(2014, 4)), "{s}");
        }
        assert_eq!(Quarter::parse("上季度", today), Ok(q(2014, 1)));
        assert_eq!(Quarter::parse("本季度", today), Ok(q(2014, 2)));
    }

    #[test]
    fn parse_refuses() {
        let today = d("2014-05-20");
        for s in [
            "",
            "2013",
            "2013Q5",
            "2013Q0",
            "2013Q",
            "13Q2",
            "2013/Q2",
            "2013--Q2",
            "Q2 2013",
            "2013Q22",
            "lastt",
            "2013年第五季度",
            "2013年季度",
            "99999Q1",
            "1800Q1",
        ] {
            let e = Quarter::parse(s, today).unwrap_err();
            assert_eq!(e, QuarterError(s.to_string()));
            let msg = e.to_string();
            assert!(msg.contains(&format!("'{s}'")), "{msg}");
            assert!(msg.contains("2013Q2") && msg.contains("last") && msg.contains("current"), "{msg}");
        }
    }

    #[test]
    fn display_and_serialize() {
        assert_eq!(q(2013, 2).to_string(), "2013Q2");
        assert_eq!(serde_json::to_string(&q(2013, 2)).unwrap(), "\"2013Q2\"");
        assert_eq!(serde_json::to_string(&vec![q(2012, 3), q(2013, 1)]).unwrap(), "[\"2012Q3\",\"2013Q1\"]");
    }

    #[test]
    fn out_of_range_values_do_not_panic() {
        let bad = q(2013, 9);
        assert_eq!(bad.start(), d("2013-10-01"));
        assert_eq!(bad.end(), d("2013-12-31"));
        let huge = q(i32::MAX, 1);
        assert_eq!(huge.start(), Date::MAX);
        assert_eq!(huge.next(), q(i32::MAX, 2));
    }
}
