//! The saved views and the list's filters as predicates over one open deal's held keys: the
//! same conditions [`super::pipeline_list`] writes in SQL, with the days of [`ViewDates`]
//! shared by both, so the held list and the SQL page admit the same deals.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::pipeline_list::ViewDates;
use super::pipeline_list::{ListQuery, SavedView};

/// A day as a number that orders as the day does (days from the common era).
pub(super) fn day_number(day: NaiveDate) -> i32 {
    day.num_days_from_ce()
}

/// What the views and filters look at in one open deal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DealKeys {
    /// Deal id.
    pub id: i64,
    /// Title.
    pub title: Box<str>,
    /// Customer name.
    pub customer: Option<Arc<str>>,
    /// Owner name.
    pub owner: Option<Arc<str>>,
    /// Owner's team.
    pub team: Option<Arc<str>>,
    /// Owner's rep id.
    pub rep_id: Option<i64>,
    /// Product id.
    pub product_id: Option<i64>,
    /// Stage name.
    pub stage: Arc<str>,
    /// Amount in cents.
    pub amount_cents: i64,
    /// Expected close, as a [`day_number`].
    pub close: Option<i32>,
    /// Created, as a [`day_number`].
    pub created: i32,
    /// Latest of created, last activity and last stage change, as a [`day_number`].
    pub touch: i32,
    /// The pipeline.
    pub pipeline_id: i64,
    /// Where its stage sorts (see `pipeline_list::STAGE_RANK`).
    pub stage_rank: u32,
}

/// True when `view` admits `deal` as of `dates` (`expected_close_on`, `last_touch` conditions).
pub(super) fn view_admits(view: SavedView, deal: &DealKeys, dates: &ViewDates) -> bool {
    let between = |(first, last): (NaiveDate, NaiveDate)| {
        deal.close
            .is_some_and(|c| (day_number(first)..=day_number(last)).contains(&c))
    };
    match view {
        SavedView::Stale => deal.touch < day_number(dates.stale_cutoff),
        SavedView::Slipped => deal.close.is_some_and(|c| c < day_number(dates.today)),
        SavedView::NoCloseDate => deal.close.is_none(),
        SavedView::ClosingThisMonth => between(dates.month),
        SavedView::ClosingThisQuarter => between(dates.quarter),
        SavedView::BiggestOpen => true,
    }
}

/// A query's view and filters, prepared once to test many deals.
pub(super) struct Filter<'a> {
    query: &'a ListQuery,
    dates: ViewDates,
    text: Option<Vec<char>>,
}

impl<'a> Filter<'a> {
    /// The filter of `query` as of `today`.
    pub fn new(query: &'a ListQuery, today: NaiveDate) -> Self {
        let text = query
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| t.chars().map(|c| c.to_ascii_lowercase()).collect());
        Filter {
            query,
            dates: ViewDates::new(today, query.stale_days),
            text,
        }
    }

    /// True when the view and every filter admit `deal`.
    pub fn admits(&self, deal: &DealKeys) -> bool {
        let q = self.query;
        view_admits(q.view.unwrap_or(SavedView::BiggestOpen), deal, &self.dates)
            && q.pipeline_id.is_none_or(|p| p == deal.pipeline_id)
            && q.stage.as_deref().is_none_or(|s| s == &*deal.stage)
            && q.owner_rep_id.is_none_or(|r| deal.rep_id == Some(r))
            && q.team
                .as_deref()
                .is_none_or(|t| deal.team.as_deref() == Some(t))
            && q.product_id.is_none_or(|p| deal.product_id == Some(p))
            && q.closes_between.is_none_or(|(first, last)| {
                deal.close
                    .is_some_and(|c| (day_number(first)..=day_number(last)).contains(&c))
            })
            && self.text.as_ref().is_none_or(|text| {
                like_contains(&deal.title, text)
                    || deal
                        .customer
                        .as_deref()
                        .is_some_and(|c| like_contains(c, text))
            })
    }
}

/// True when `value LIKE '%pattern%'` in SQLite: `%` any run, `_` any one character, ASCII
/// letters matched without case; `pattern` already folded to ASCII lower case.
pub(super) fn like_contains(value: &str, pattern: &[char]) -> bool {
    let value: Vec<char> = value.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut full = Vec::with_capacity(pattern.len() + 2);
    full.push('%');
    full.extend_from_slice(pattern);
    full.push('%');
    glob(&value, &full)
}

/// Matches `value` against a LIKE pattern of `%`, `_` and literal characters.
fn glob(value: &[char], pattern: &[char]) -> bool {
    // The classic greedy matcher with one back-tracking point per `%`.
    let (mut v, mut p) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while v < value.len() {
        match pattern.get(p) {
            Some('%') => {
                star = Some((p, v));
                p += 1;
            }
            Some(&c) if c == '_' || c == value[v] => {
                v += 1;
                p += 1;
            }
            _ => match star {
                Some((sp, sv)) => {
                    p = sp + 1;
                    v = sv + 1;
                    star = Some((sp, sv + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '%')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    fn deal(close: Option<&str>, touch: &str) -> DealKeys {
        DealKeys {
            id: 1,
            title: "Core Router 50%".into(),
            customer: Some("Acme Corp".into()),
            owner: Some("Ann".into()),
            team: Some("West".into()),
            rep_id: Some(3),
            product_id: Some(7),
            stage: "Proposal".into(),
            amount_cents: 1_000,
            close: close.map(|c| day_number(day(c))),
            created: day_number(day("2026-01-05")),
            touch: day_number(day(touch)),
            pipeline_id: 1,
            stage_rank: 0,
        }
    }

    #[test]
    fn each_view_admits_by_its_own_days() {
        let dates = ViewDates::new(day("2026-11-26"), 30);
        let admitted = |d: &DealKeys| {
            SavedView::ALL
                .iter()
                .filter(|v| view_admits(**v, d, &dates))
                .map(|v| v.label())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            admitted(&deal(Some("2026-11-25"), "2026-10-27")),
            [
                "Slipped",
                "Closing this month",
                "Closing this quarter",
                "Biggest open"
            ]
        );
        assert_eq!(
            admitted(&deal(None, "2026-10-26")),
            ["Stale", "No close date", "Biggest open"]
        );
        assert_eq!(
            admitted(&deal(Some("2026-12-31"), "2026-11-26")),
            ["Closing this quarter", "Biggest open"]
        );
        assert_eq!(
            admitted(&deal(Some("2027-01-01"), "2026-11-26")),
            ["Biggest open"]
        );
    }

    #[test]
    fn text_matches_as_like_does() {
        let p = |t: &str| t.chars().collect::<Vec<_>>();
        assert!(like_contains("Core Router", &p("rout")));
        assert!(like_contains("Core Router", &p("c_re")));
        assert!(like_contains("Core Router", &p("e%t")));
        assert!(!like_contains("Core Router", &p("routers")));
        assert!(!like_contains("Éclair", &p("é")));
        assert!(like_contains("", &p("")));
        assert!(like_contains("aab", &p("ab")));
    }

    #[test]
    fn filters_combine() {
        let query = ListQuery {
            pipeline_id: None,
            view: None,
            stage: Some("Proposal".into()),
            owner_rep_id: Some(3),
            team: Some("West".into()),
            product_id: Some(7),
            closes_between: Some((day("2026-11-01"), day("2026-11-30"))),
            text: Some(" acme ".into()),
            sort: super::super::pipeline_list::SortColumn::Title,
            descending: false,
            offset: 0,
            limit: 10,
            stale_days: 30,
        };
        let filter = Filter::new(&query, day("2026-11-26"));
        let mut d = deal(Some("2026-11-25"), "2026-11-20");
        assert!(filter.admits(&d));
        d.team = None;
        assert!(!filter.admits(&d));
        let other = ListQuery {
            text: Some("zzz".into()),
            team: None,
            ..query.clone()
        };
        assert!(!Filter::new(&other, day("2026-11-26")).admits(&d));
        d.close = None;
        let open = ListQuery {
            closes_between: None,
            text: None,
            team: None,
            ..query
        };
        assert!(Filter::new(&open, day("2026-11-26")).admits(&d));
    }
}
