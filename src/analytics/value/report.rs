//! The tiers report as `salesdesk report tiers --json` prints it (fields in
//! `docs/report-tiers.md`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{GroupSummary, Tier, ValueBasis, ValueSet};
use crate::analytics::crosssell::Suggestion;

/// Per-customer value, tier, RFM and next product, with the summaries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TiersReport {
    /// The as-of date, ISO.
    pub as_of: String,
    /// Observed yearly retention r; `None` when nobody bought in the year before.
    pub retention: Option<f64>,
    /// L = r / (1 − r), capped, in years.
    pub lifetime_years: f64,
    /// What P is measured on: `gross_margin`, or `revenue` when no margin is known.
    pub value_basis: ValueBasis,
    /// The share of trailing-12-month Won revenue whose product margin is known; `None` without
    /// revenue.
    pub margin_known_share: Option<f64>,
    /// Customers, V and share per ABC tier.
    pub tiers: Vec<GroupSummary>,
    /// Customers, V and share per RFM segment (and without a purchase).
    pub segments: Vec<GroupSummary>,
    /// Every customer by id.
    pub customers: Vec<CustomerRow>,
}

/// One customer in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerRow {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// V in cents.
    pub value_cents: i64,
    /// R: trailing-12-month revenue in cents.
    pub revenue_cents: i64,
    /// P: gross-margin ratio.
    pub margin_ratio: f64,
    /// L in years.
    pub lifetime_years: f64,
    /// The ABC tier, serialised as "A", "B" or "C".
    pub tier: Tier,
    /// Recency score 1–5 (`None` without a purchase).
    pub r: Option<u8>,
    /// Frequency score 1–5.
    pub f: Option<u8>,
    /// Monetary score 1–5.
    pub m: Option<u8>,
    /// The segment name (`None` without a purchase).
    pub segment: Option<String>,
    /// Days since the last Won deal.
    pub recency_days: Option<i64>,
    /// The next product to offer.
    pub next_product: Option<NextProduct>,
}

/// A cross-sell suggestion with names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NextProduct {
    /// The product to offer.
    pub product: String,
    /// The product bought that suggests it.
    pub because_of: String,
    /// P(buys it | bought `because_of`).
    pub probability: f64,
    /// Customers who bought both.
    pub support: usize,
}

/// Retention and lifetime in words: the observed rate and the lifetime it implies, or, with no
/// one to observe, that the lifetime is an assumption (`brief` leaves out why).
pub fn retention_and_lifetime(retention: Option<f64>, lifetime_years: f64, brief: bool) -> String {
    let why = if brief {
        ""
    } else {
        " (no buyers the year before)"
    };
    match retention {
        Some(r) => format!(
            "retention {:.1}% · lifetime {lifetime_years:.2} years",
            r * 100.0
        ),
        None => format!("retention unknown{why} · lifetime {lifetime_years:.2} years assumed"),
    }
}

impl TiersReport {
    /// What a reader must know about P when not every margin is known (see [`basis_note`]).
    pub fn basis_note(&self) -> Option<String> {
        basis_note(self.value_basis, self.margin_known_share)
    }

    /// The row of one customer (rows are in id order).
    pub fn customer(&self, id: i64) -> Option<&CustomerRow> {
        self.customers
            .binary_search_by_key(&id, |c| c.id)
            .ok()
            .map(|i| &self.customers[i])
    }

    /// Builds the report from the values, the suggestions and the names.
    pub fn new(
        set: &ValueSet,
        suggestions: &[Suggestion],
        customer_names: &BTreeMap<i64, String>,
        product_names: &BTreeMap<i64, String>,
    ) -> TiersReport {
        let product = |id: i64| {
            product_names
                .get(&id)
                .cloned()
                .unwrap_or_else(|| id.to_string())
        };
        let next: BTreeMap<i64, NextProduct> = suggestions
            .iter()
            .map(|s| {
                (
                    s.customer_id,
                    NextProduct {
                        product: product(s.product_id),
                        because_of: product(s.because_of),
                        probability: s.probability,
                        support: s.support,
                    },
                )
            })
            .collect();
        TiersReport {
            as_of: set.as_of.to_string(),
            retention: set.retention,
            lifetime_years: set.lifetime_years,
            value_basis: set.basis,
            margin_known_share: set.margin_known_share,
            tiers: set.tiers.clone(),
            segments: set.segments.clone(),
            customers: set
                .customers
                .iter()
                .map(|c| CustomerRow {
                    id: c.customer_id,
                    name: customer_names
                        .get(&c.customer_id)
                        .cloned()
                        .unwrap_or_default(),
                    value_cents: c.value_cents,
                    revenue_cents: c.revenue_cents,
                    margin_ratio: c.margin_ratio,
                    lifetime_years: c.lifetime_years,
                    tier: c.tier,
                    r: c.rfm.map(|s| s.r),
                    f: c.rfm.map(|s| s.f),
                    m: c.rfm.map(|s| s.m),
                    segment: c.segment.map(|s| s.label().into()),
                    recency_days: c.recency_days,
                    next_product: next.get(&c.customer_id).cloned(),
                })
                .collect(),
        }
    }
}

/// What a reader must know about P when not every margin is known: V on revenue, or the share
/// of revenue whose margin is known. `None` when every margin is known.
pub fn basis_note(basis: ValueBasis, margin_known_share: Option<f64>) -> Option<String> {
    match (basis, margin_known_share) {
        (ValueBasis::Revenue, _) => {
            Some("no product margin known: V = R × L, on revenue".to_string())
        }
        (ValueBasis::GrossMargin, Some(share)) if share < 1.0 => Some(format!(
            "margins known for {} of revenue; the rest at the book's margin",
            percent_floor(share)
        )),
        _ => None,
    }
}

/// A share as a whole percent, rounded down, so that a share short of all never reads "100%".
fn percent_floor(share: f64) -> String {
    match (share * 100.0).floor() as i64 {
        0 if share > 0.0 => "under 1%".to_string(),
        whole => format!("{whole}%"),
    }
}
