//! Review reminders (issue 12): an enterprise standard is due for review three years after
//! its filing or its last review (企业标准化管理办法: 复审周期一般不超过三年); an `abolish`
//! review ends the cycle. A filing is linked to its reviews by unit and standard number.

use std::collections::HashMap;

use chrono::Datelike;

use super::model::{Date, Outcome};

/// The review cycle, in years.
pub const CYCLE_YEARS: i32 = 3;

/// The latest live filing of one enterprise standard (unit and number), on or before the
/// as-of date, with the unit's contact fields where stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatestFiling {
    pub unit_id: i64,
    pub unit: String,
    pub contact: Option<String>,
    pub phone: Option<String>,
    pub number: String,
    pub title: String,
    pub filing_no: String,
    pub filed_on: Date,
}

/// The latest live review of one enterprise standard, on or before the as-of date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatestReview {
    pub unit_id: i64,
    pub number: String,
    pub reviewed_on: Date,
    pub outcome: Outcome,
}

/// A standard due for review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueReview {
    pub unit_id: i64,
    pub unit: String,
    pub contact: Option<String>,
    pub phone: Option<String>,
    pub number: String,
    pub title: String,
    pub filing_no: String,
    /// The filing, or the latest review if later.
    pub last_event_on: Date,
    /// `filing` or `review`.
    pub last_event: &'static str,
    pub due_on: Date,
    /// Due before the as-of date.
    pub overdue: bool,
    /// Days from the as-of date to the due date (negative once overdue).
    pub days_left: i64,
}

/// The same day `years` later; 29 February becomes 28 February in a common year.
pub fn years_after(d: Date, years: i32) -> Date {
    let y = d.year().saturating_add(years);
    Date::from_ymd_opt(y, d.month(), d.day()).or_else(|| Date::from_ymd_opt(y, d.month(), 28)).unwrap_or(Date::MAX)
}

/// The due date of a review: the last event plus three years (29 February → 28 February).
pub fn due_date(last_event: Date) -> Date {
    years_after(last_event, CYCLE_YEARS)
}

/// The latest last-event date that can fall due by `horizon`: the store need only read
/// standards whose filing is on or before it. One day of slack for 29 February (a filing of
/// 2012-02-29 falls due on 2015-02-28, as does one of 2012-02-28).
pub fn cutoff(horizon: Date) -> Date {
    let back = years_after(horizon, -CYCLE_YEARS);
    back.succ_opt().unwrap_or(back)
}

/// The standards due for review by `as_of + within_days`, oldest due date first: every
/// filing given (whatever its date) starts a cycle, a later review restarts it, an
/// `abolish` review (the latest event) ends it.
pub fn due_reviews(
    filings: &[LatestFiling],
    reviews: &[LatestReview],
    as_of: Date,
    within_days: i64,
) -> Vec<DueReview> {
    let horizon = as_of.checked_add_signed(chrono::Duration::days(within_days)).unwrap_or(Date::MAX);
    let latest: HashMap<(i64, &str), &LatestReview> =
        reviews.iter().map(|r| ((r.unit_id, r.number.as_str()), r)).collect();
    let mut out: Vec<DueReview> = filings
        .iter()
        .filter(|f| f.filed_on <= as_of)
        .filter_map(|f| {
            let review = latest.get(&(f.unit_id, f.number.as_str())).filter(|r| r.reviewed_on >= f.filed_on);
            let (last_event_on, last_event) = match review {
                Some(r) if r.outcome == Outcome::Abolish => return None,
                Some(r) => (r.reviewed_on, "review"),
                None => (f.filed_on, "filing"),
            };
            let due_on = due_date(last_event_on);
            (due_on <= horizon).then(|| DueReview {
                unit_id: f.unit_id,
                unit: f.unit.clone(),
                contact: f.contact.clone(),
                phone: f.phone.clone(),
                number: f.number.clone(),
                title: f.title.clone(),
                filing_no: f.filing_no.clone(),
                last_event_on,
                last_event,
                due_on,
                overdue: due_on < as_of,
                days_left: (due_on - as_of).num_days(),
            })
        })
        .collect();
    out.sort_by(|a, b| (a.due_on, a.unit_id, &a.number).cmp(&(b.due_on, b.unit_id, &b.number)));
    out
}

/// How many standards are overdue for review on `as_of` (the quarterly report's figure).
pub fn overdue_count(filings: &[LatestFiling], reviews: &[LatestReview], as_of: Date) -> i64 {
    let n = due_reviews(filings, reviews, as_of, 0).iter().filter(|d| d.overdue).count();
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn filing(unit_id: i64, number: &str, on: &str) -> LatestFiling {
        LatestFiling {
            unit_id,
            unit: format!("u{unit_id}"),
            contact: None,
            phone: None,
            number: number.into(),
            title: "t".into(),
            filing_no: format!("F-{number}"),
            filed_on: d(on),
        }
    }

    fn review(unit_id: i64, number: &str, on: &str, outcome: Outcome) -> LatestReview {
        LatestReview { unit_id, number: number.into(), reviewed_on: d(on), outcome }
    }

    #[test]
    fn three_years_on_and_29_february_becomes_28_february() {
        for (last, due) in [
            ("2013-05-01", "2016-05-01"),
            ("2012-02-29", "2015-02-28"),
            ("2013-02-28", "2016-02-28"),
            ("2013-03-01", "2016-03-01"),
            ("2016-02-29", "2019-02-28"),
            ("2012-12-31", "2015-12-31"),
        ] {
            assert_eq!(due_date(d(last)), d(due), "{last}");
        }
        // The cutoff never leaves out a standard due by the horizon.
        for horizon in ["2015-02-28", "2016-02-29", "2016-03-01", "2015-03-01", "2016-06-01"] {
            let h = d(horizon);
            let c = cutoff(h);
            let mut day = c.succ_opt().unwrap();
            for _ in 0..5 {
                assert!(due_date(day) > h, "{horizon}: {day} is due by then but after the cutoff");
                day = day.succ_opt().unwrap();
            }
        }
        assert_eq!(cutoff(d("2015-02-28")), d("2012-02-29"));
    }

    #[test]
    fn due_after_the_filing_or_the_last_review() {
        let filings = vec![
            filing(1, "Q/A 1-2012", "2012-02-29"), // due 2015-02-28
            filing(1, "Q/A 2-2013", "2013-06-01"), // reviewed (revise) 2014-01-10: due 2017-01-10
            filing(2, "Q/B 1-2013", "2013-06-01"), // reviewed (abolish): ends
            filing(2, "Q/B 2-2013", "2013-07-01"), // a review by another unit does not count
            filing(3, "Q/C 1-2012", "2012-09-01"), // confirmed 2015-08-31: due 2018-08-31
            filing(3, "Q/C 2-2016", "2016-07-01"), // filed after the as-of date
        ];
        let reviews = vec![
            review(1, "Q/A 2-2013", "2014-01-10", Outcome::Revise),
            review(2, "Q/B 1-2013", "2014-02-01", Outcome::Abolish),
            review(9, "Q/B 2-2013", "2015-01-01", Outcome::Confirm),
            review(3, "Q/C 1-2012", "2015-08-31", Outcome::Confirm),
        ];
        let as_of = d("2016-06-01");
        let got = due_reviews(&filings, &reviews, as_of, 90);
        let shape: Vec<(&str, &str, &str, bool)> =
            got.iter().map(|r| (r.number.as_str(), r.last_event, r.last_event, r.overdue)).collect();
        assert_eq!(shape, vec![("Q/A 1-2012", "filing", "filing", true), ("Q/B 2-2013", "filing", "filing", false)]);
        assert_eq!(got[0].due_on, d("2015-02-28"));
        assert_eq!(got[0].days_left, -(d("2016-06-01") - d("2015-02-28")).num_days());
        assert_eq!(got[1].due_on, d("2016-07-01"));
        // Within 0 days: only what is due by today; the 2016-07-01 one is not.
        assert_eq!(due_reviews(&filings, &reviews, as_of, 0).len(), 1);
        // Within three years: the revised one (2017-01-10) and the confirmed one (2018-08-31).
        let far = due_reviews(&filings, &reviews, as_of, 1000);
        let numbers: Vec<&str> = far.iter().map(|r| r.number.as_str()).collect();
        assert_eq!(numbers, vec!["Q/A 1-2012", "Q/B 2-2013", "Q/A 2-2013", "Q/C 1-2012"]);
        assert_eq!(far[2].due_on, d("2017-01-10"));
        assert_eq!(far[2].last_event_on, d("2014-01-10"));
        assert_eq!(overdue_count(&filings, &reviews, as_of), 1);
        // Due on the as-of date itself is due, not yet overdue.
        assert_eq!(overdue_count(&filings, &reviews, d("2015-02-28")), 0);
        assert_eq!(overdue_count(&filings, &reviews, d("2015-03-01")), 1);
    }

    #[test]
    fn a_filing_after_an_abolish_review_starts_a_new_cycle() {
        let filings = vec![filing(1, "Q/A 1-2012", "2015-01-01")];
        let reviews = vec![review(1, "Q/A 1-2012", "2013-01-01", Outcome::Abolish)];
        let got = due_reviews(&filings, &reviews, d("2018-06-01"), 0);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].due_on, d("2018-01-01"));
    }
}
