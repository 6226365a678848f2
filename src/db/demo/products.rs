//! The catalogue: 8 products in 3 families, each with a hidden effect on the win rate and a
//! customer size it sells best to.

use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rusqlite::{Transaction, params};

use super::{DemoError, Rng};

/// A product and its hidden traits.
pub(super) struct Product {
    pub name: &'static str,
    family: &'static str,
    /// List price in whole dollars.
    pub list_dollars: f64,
    margin_bp: i64,
    /// Logit offset on the win probability.
    pub effect: f64,
    /// Size tier it sells best to (0 small, 1 mid-market, 2 enterprise).
    tier: usize,
    /// How much more popular it is than the others at its tier.
    popularity: f64,
    /// Multiplier on the sales cycle length.
    pub cycle: f64,
}

/// The catalogue; row id = index + 1.
pub(super) const PRODUCTS: [Product; 8] = [
    Product {
        name: "Core Starter",
        family: "Core Platform",
        list_dollars: 6_000.0,
        margin_bp: 8_600,
        effect: 0.25,
        tier: 0,
        popularity: 1.4,
        cycle: 0.7,
    },
    Product {
        name: "Core Pro",
        family: "Core Platform",
        list_dollars: 18_000.0,
        margin_bp: 8_200,
        effect: 0.1,
        tier: 1,
        popularity: 1.5,
        cycle: 1.0,
    },
    Product {
        name: "Core Enterprise",
        family: "Core Platform",
        list_dollars: 60_000.0,
        margin_bp: 7_800,
        effect: -0.3,
        tier: 2,
        popularity: 1.2,
        cycle: 1.5,
    },
    Product {
        name: "Insight Dashboards",
        family: "Analytics",
        list_dollars: 9_000.0,
        margin_bp: 8_000,
        effect: 0.15,
        tier: 0,
        popularity: 1.0,
        cycle: 0.8,
    },
    Product {
        name: "Insight Predict",
        family: "Analytics",
        list_dollars: 30_000.0,
        margin_bp: 7_400,
        effect: -0.15,
        tier: 2,
        popularity: 0.8,
        cycle: 1.2,
    },
    Product {
        name: "Onboarding Package",
        family: "Services",
        list_dollars: 4_000.0,
        margin_bp: 3_500,
        effect: 0.35,
        tier: 0,
        popularity: 0.9,
        cycle: 0.5,
    },
    Product {
        name: "Premium Support",
        family: "Services",
        list_dollars: 12_000.0,
        margin_bp: 4_200,
        effect: 0.05,
        tier: 1,
        popularity: 1.0,
        cycle: 0.7,
    },
    Product {
        name: "Custom Integration",
        family: "Services",
        list_dollars: 25_000.0,
        margin_bp: 2_800,
        effect: -0.25,
        tier: 2,
        popularity: 0.6,
        cycle: 1.3,
    },
];

/// Writes the catalogue; returns how many products were written.
pub(super) fn write_products(tx: &Transaction<'_>) -> Result<u64, rusqlite::Error> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO products (id, name, family, list_price_cents, margin_bp)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, p) in PRODUCTS.iter().enumerate() {
        let cents = p.list_dollars as i64 * 100;
        insert.execute(params![i as i64 + 1, p.name, p.family, cents, p.margin_bp])?;
    }
    Ok(PRODUCTS.len() as u64)
}

/// Picks a product for a customer of a given size tier.
pub(super) struct ProductPicker {
    by_tier: Vec<WeightedIndex<f64>>,
}

impl ProductPicker {
    /// Products sell best at their own tier, less one tier away, rarely two.
    pub fn new() -> Result<Self, DemoError> {
        let by_tier = (0..3)
            .map(|tier: usize| {
                WeightedIndex::new(
                    PRODUCTS
                        .iter()
                        .map(|p| p.popularity * [4.0, 1.2, 0.25][p.tier.abs_diff(tier)]),
                )
            })
            .collect::<Result<_, _>>()
            .map_err(|e| DemoError::InvalidOptions(format!("product weights: {e}")))?;
        Ok(ProductPicker { by_tier })
    }

    /// Index into [`PRODUCTS`] for a customer of `tier`.
    pub fn pick(&self, rng: &mut Rng, tier: usize) -> usize {
        self.by_tier
            .get(tier)
            .or(self.by_tier.first())
            .map_or(0, |w| w.sample(rng))
    }
}
