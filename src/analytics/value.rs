//! Customer value V = R × P × L, ABC tiers and RFM segments for the Tiers screen and
//! `salesdesk report tiers`. R is the revenue of the trailing 12 months; P the gross-margin
//! ratio of what the customer bought in them (product margins weighted by amount); L the
//! expected remaining lifetime in years, r / (1 − r) capped at [`MAX_LIFETIME_YEARS`], where r is
//! the observed yearly retention: of the customers who bought in the 12 months before the
//! trailing year, the share who bought again in it. Definitions are in `docs/report-tiers.md`.

mod abc;
mod moves;
mod report;
mod rfm;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use abc::{A_SHARE, B_SHARE, Tier, abc_tiers};
pub use moves::{TierMoves, previous_quarter_end, tier_moves};
pub use report::{CustomerRow, NextProduct, TiersReport, basis_note, retention_and_lifetime};
pub use rfm::{RfmInput, RfmScores, Segment, rfm_scores};

/// The longest expected lifetime, so a year of perfect retention does not make V infinite.
pub const MAX_LIFETIME_YEARS: f64 = 10.0;
/// The lifetime used when no customer bought in the year before, so retention is unknown.
pub const UNKNOWN_LIFETIME_YEARS: f64 = 1.0;

/// One customer's inputs, aggregated by the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerInputs {
    /// The customer.
    pub customer_id: i64,
    /// Won cents in the trailing 12 months.
    pub revenue_cents: i64,
    /// Σ Won amount × product margin in the trailing 12 months, over the deals whose margin is
    /// known, in cents.
    pub margin_cents: i64,
    /// Won cents in the trailing 12 months whose margin is unknown (no product, or a product
    /// without a margin).
    pub unknown_margin_cents: i64,
    /// Won deals in the trailing 12 months.
    pub won_deals: i64,
    /// Whether it had a Won deal in the 12 months before the trailing year.
    pub bought_year_before: bool,
    /// Its last Won deal's close date up to the as-of date.
    pub last_won_on: Option<NaiveDate>,
}

/// One customer's value, tier and segment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerValue {
    /// The customer.
    pub customer_id: i64,
    /// R: trailing-12-month revenue in cents.
    pub revenue_cents: i64,
    /// P: gross-margin ratio of what it bought (0 without purchases; 1 when V is on revenue).
    pub margin_ratio: f64,
    /// L: expected remaining lifetime in years (the same for every customer).
    pub lifetime_years: f64,
    /// V = R × P × L, in cents.
    pub value_cents: i64,
    /// ABC tier by cumulative share of V.
    pub tier: Tier,
    /// RFM scores; `None` for a customer that never bought.
    pub rfm: Option<RfmScores>,
    /// RFM segment; `None` for a customer that never bought.
    pub segment: Option<Segment>,
    /// Days since its last Won deal.
    pub recency_days: Option<i64>,
}

/// Count and value of one group of customers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupSummary {
    /// The tier or segment name.
    pub name: String,
    /// Customers in it.
    pub customers: usize,
    /// Their V in cents.
    pub value_cents: i64,
    /// Their share of all V (0 when there is none).
    pub value_share: f64,
}

/// Every customer's value as of one date, with the tier and segment summaries.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueSet {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// Observed yearly retention r; `None` when nobody bought in the year before.
    pub retention: Option<f64>,
    /// L in years.
    pub lifetime_years: f64,
    /// What P is measured on.
    pub basis: ValueBasis,
    /// The share of trailing-12-month Won revenue whose product margin is known; `None` without
    /// revenue.
    pub margin_known_share: Option<f64>,
    /// Per customer, in input order.
    pub customers: Vec<CustomerValue>,
    /// A, B, C.
    pub tiers: Vec<GroupSummary>,
    /// The six segments, best first, then the customers with no purchase.
    pub segments: Vec<GroupSummary>,
}

/// What the P of V = R × P × L is measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueBasis {
    /// Gross margin: P is each customer's margin ratio; revenue of unknown margin counts at the
    /// book's margin ratio over the revenue whose margin is known.
    GrossMargin,
    /// Revenue: no margin of anything bought is known, so P = 1 and V = R × L.
    Revenue,
}

/// The margin basis of `customers`, the share of revenue with a known margin, and the book's
/// margin ratio over that revenue (the rate unknown margins are counted at).
fn margin_basis(customers: &[CustomerInputs]) -> (ValueBasis, Option<f64>, f64) {
    let revenue: i64 = customers.iter().map(|c| c.revenue_cents).sum();
    let unknown: i64 = customers.iter().map(|c| c.unknown_margin_cents).sum();
    let margin: i64 = customers.iter().map(|c| c.margin_cents).sum();
    let known = revenue - unknown;
    let share = (revenue > 0).then(|| known as f64 / revenue as f64);
    if known <= 0 && unknown > 0 {
        return (ValueBasis::Revenue, share, 1.0);
    }
    let ratio = if known > 0 {
        margin as f64 / known as f64
    } else {
        0.0
    };
    (ValueBasis::GrossMargin, share, ratio)
}

/// Observed yearly retention and the lifetime it implies.
pub fn lifetime(customers: &[CustomerInputs]) -> (Option<f64>, f64) {
    let before = customers.iter().filter(|c| c.bought_year_before).count();
    let kept = customers
        .iter()
        .filter(|c| c.bought_year_before && c.won_deals > 0)
        .count();
    if before == 0 {
        return (None, UNKNOWN_LIFETIME_YEARS);
    }
    let r = kept as f64 / before as f64;
    let years = if r >= 1.0 {
        MAX_LIFETIME_YEARS
    } else {
        (r / (1.0 - r)).min(MAX_LIFETIME_YEARS)
    };
    (Some(r), years)
}

/// Values, tiers and segments of every customer.
pub fn customer_values(customers: &[CustomerInputs], as_of: NaiveDate) -> ValueSet {
    let (retention, lifetime_years) = lifetime(customers);
    let (basis, margin_known_share, book_ratio) = margin_basis(customers);
    let margins: Vec<f64> = customers
        .iter()
        .map(|c| match basis {
            ValueBasis::Revenue => 1.0,
            ValueBasis::GrossMargin if c.revenue_cents > 0 => {
                (c.margin_cents as f64 + c.unknown_margin_cents as f64 * book_ratio)
                    / c.revenue_cents as f64
            }
            ValueBasis::GrossMargin => 0.0,
        })
        .collect();
    let values: Vec<(i64, f64)> = customers
        .iter()
        .zip(&margins)
        .map(|(c, p)| (c.customer_id, c.revenue_cents as f64 * p * lifetime_years))
        .collect();
    let tiers = abc_tiers(&values);
    let buyers: Vec<usize> = (0..customers.len())
        .filter(|&i| customers[i].last_won_on.is_some())
        .collect();
    let rfm_inputs: Vec<RfmInput> = buyers
        .iter()
        .map(|&i| {
            let c = &customers[i];
            RfmInput {
                customer_id: c.customer_id,
                recency_days: c.last_won_on.map_or(0, |d| (as_of - d).num_days()),
                frequency: c.won_deals,
                monetary_cents: c.revenue_cents,
            }
        })
        .collect();
    let mut scores = vec![None; customers.len()];
    for (&i, s) in buyers.iter().zip(rfm_scores(&rfm_inputs)) {
        scores[i] = Some(s);
    }
    let rows: Vec<CustomerValue> = customers
        .iter()
        .enumerate()
        .map(|(i, c)| CustomerValue {
            customer_id: c.customer_id,
            revenue_cents: c.revenue_cents,
            margin_ratio: margins[i],
            lifetime_years,
            value_cents: values[i].1.round() as i64,
            tier: tiers[i],
            rfm: scores[i],
            segment: scores[i].map(Segment::of),
            recency_days: c.last_won_on.map(|d| (as_of - d).num_days()),
        })
        .collect();
    let total: i64 = rows.iter().map(|r| r.value_cents.max(0)).sum();
    let summary = |name: &str, members: &mut dyn Iterator<Item = &CustomerValue>| {
        let (customers, value_cents) =
            members.fold((0, 0i64), |(n, v), r| (n + 1, v + r.value_cents.max(0)));
        GroupSummary {
            name: name.to_string(),
            customers,
            value_cents,
            value_share: if total > 0 {
                value_cents as f64 / total as f64
            } else {
                0.0
            },
        }
    };
    let tier_summaries = Tier::ALL
        .iter()
        .map(|&t| summary(t.label(), &mut rows.iter().filter(|r| r.tier == t)))
        .collect();
    let mut segment_summaries: Vec<GroupSummary> = Segment::ALL
        .iter()
        .map(|&s| summary(s.label(), &mut rows.iter().filter(|r| r.segment == Some(s))))
        .collect();
    segment_summaries.push(summary(
        NO_PURCHASE,
        &mut rows.iter().filter(|r| r.segment.is_none()),
    ));
    ValueSet {
        as_of,
        retention,
        lifetime_years,
        basis,
        margin_known_share,
        customers: rows,
        tiers: tier_summaries,
        segments: segment_summaries,
    }
}

/// The tiers report as of one date with the moves since the end of the previous quarter, as the
/// Tiers screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TiersOverview {
    /// Values, tiers, segments and next products now.
    pub report: TiersReport,
    /// The end of the previous quarter the moves are counted from.
    pub since: NaiveDate,
    /// Tier moves since then.
    pub moves: TierMoves,
}

/// The group of customers with no Won deal, beside the RFM segments.
pub const NO_PURCHASE: &str = "No purchase";

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn inputs(
        id: i64,
        revenue: i64,
        margin: i64,
        deals: i64,
        before: bool,
        last: Option<&str>,
    ) -> CustomerInputs {
        CustomerInputs {
            customer_id: id,
            revenue_cents: revenue,
            margin_cents: margin,
            unknown_margin_cents: 0,
            won_deals: deals,
            bought_year_before: before,
            last_won_on: last.map(d),
        }
    }

    #[test]
    fn lifetime_from_retention_and_its_cap() {
        // Four bought the year before, three of them again: r = 0.75, L = 3.
        let c = [
            inputs(1, 10, 1, 1, true, Some("2024-01-01")),
            inputs(2, 10, 1, 1, true, Some("2024-01-01")),
            inputs(3, 10, 1, 1, true, Some("2024-01-01")),
            inputs(4, 0, 0, 0, true, Some("2022-06-01")),
            inputs(5, 10, 1, 1, false, Some("2024-01-01")),
        ];
        assert_eq!(lifetime(&c), (Some(0.75), 3.0));
        assert_eq!(lifetime(&c[..3]), (Some(1.0), MAX_LIFETIME_YEARS));
        assert_eq!(lifetime(&c[4..]), (None, UNKNOWN_LIFETIME_YEARS));
    }

    #[test]
    fn value_is_revenue_times_margin_times_lifetime() {
        // r = 1/2 → L = 1. Customer 1: R = 10 000, P = 0.4 → V = 4 000.
        let c = [
            inputs(1, 10_000, 4_000, 2, true, Some("2024-05-01")),
            inputs(2, 0, 0, 0, true, Some("2022-01-01")),
            inputs(3, 2_000, 1_000, 1, false, Some("2024-03-01")),
            inputs(4, 0, 0, 0, false, None),
        ];
        let set = customer_values(&c, d("2024-06-30"));
        assert_eq!(set.retention, Some(0.5));
        let v: Vec<i64> = set.customers.iter().map(|c| c.value_cents).collect();
        assert_eq!(v, vec![4_000, 0, 1_000, 0]);
        let tiers: Vec<Tier> = set.customers.iter().map(|c| c.tier).collect();
        assert_eq!(tiers, vec![Tier::A, Tier::C, Tier::B, Tier::C]);
        assert_eq!(set.customers[0].recency_days, Some(60));
        assert_eq!(set.customers[3].segment, None);
        assert_eq!(set.tiers[0].customers, 1);
        assert!((set.tiers[0].value_share - 0.8).abs() < 1e-12);
        assert_eq!(set.segments.last().unwrap().customers, 1);
        let counted: usize = set.segments.iter().map(|s| s.customers).sum();
        assert_eq!(counted, 4);
    }

    #[test]
    fn unknown_margins_count_at_the_book_ratio_or_put_value_on_revenue() {
        let mut c = [
            inputs(1, 10_000, 4_000, 2, true, Some("2024-05-01")),
            inputs(2, 5_000, 0, 1, true, Some("2024-05-01")),
        ];
        c[1].unknown_margin_cents = 5_000;
        let set = customer_values(&c, d("2024-06-30"));
        assert_eq!(set.basis, ValueBasis::GrossMargin);
        assert_eq!(set.margin_known_share, Some(10_000.0 / 15_000.0));
        // Customer 2's 5 000 of unknown margin counts at the book's 40%: V = 2 000 × L (10).
        assert_eq!(set.customers[1].value_cents, 20_000);
        assert!((set.customers[1].margin_ratio - 0.4).abs() < 1e-12);

        for row in &mut c {
            row.margin_cents = 0;
            row.unknown_margin_cents = row.revenue_cents;
        }
        let set = customer_values(&c, d("2024-06-30"));
        assert_eq!(set.basis, ValueBasis::Revenue);
        assert_eq!(set.margin_known_share, Some(0.0));
        let v: Vec<i64> = set.customers.iter().map(|c| c.value_cents).collect();
        assert_eq!(
            v,
            vec![100_000, 50_000],
            "V = R × L when no margin is known"
        );
        assert_eq!(
            set.tiers[0].customers, 2,
            "both are A, not C for want of margins"
        );
    }
}
