//! Cross-sell by Bayes' rule: P(buys B | bought A) = P(A | B) · P(B) / P(A), the probabilities
//! being shares of customers with a Won deal of each product. A customer's next product is the
//! one it has not bought with the highest such probability over the products it has bought
//! (ties: larger support, then lower product id).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

/// The next product to offer one customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// The customer.
    pub customer_id: i64,
    /// The product to offer.
    pub product_id: i64,
    /// The product it bought that suggests it.
    pub because_of: i64,
    /// P(buys it | bought `because_of`).
    pub probability: f64,
    /// Customers who bought both.
    pub support: usize,
}

/// Customer counts behind the probabilities.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CoPurchases {
    customers: usize,
    by_product: BTreeMap<i64, usize>,
    by_pair: BTreeMap<(i64, i64), usize>,
}

impl CoPurchases {
    /// Counts buyers per product and per pair of products from each customer's set.
    pub fn count(baskets: &BTreeMap<i64, BTreeSet<i64>>) -> CoPurchases {
        let mut counts = CoPurchases {
            customers: baskets.len(),
            ..CoPurchases::default()
        };
        for products in baskets.values() {
            for &a in products {
                *counts.by_product.entry(a).or_default() += 1;
                for &b in products {
                    if a != b {
                        *counts.by_pair.entry((a, b)).or_default() += 1;
                    }
                }
            }
        }
        counts
    }

    /// P(buys `b` | bought `a`) by Bayes' rule, with the customers who bought both; `None`
    /// when nobody bought `a` or `b`.
    pub fn probability(&self, b: i64, a: i64) -> Option<(f64, usize)> {
        let n = self.customers as f64;
        let n_a = *self.by_product.get(&a)? as f64;
        let n_b = *self.by_product.get(&b)? as f64;
        let both = self.by_pair.get(&(a, b)).copied().unwrap_or(0);
        let p_a_given_b = both as f64 / n_b;
        Some((p_a_given_b * (n_b / n) / (n_a / n), both))
    }
}

/// The next product for each customer that has one (a product it has not bought that some
/// buyer of its products also bought).
pub fn next_products(baskets: &BTreeMap<i64, BTreeSet<i64>>) -> Vec<Suggestion> {
    let counts = CoPurchases::count(baskets);
    let products: Vec<i64> = counts.by_product.keys().copied().collect();
    baskets
        .iter()
        .filter_map(|(&customer_id, bought)| {
            let mut best: Option<Suggestion> = None;
            for &b in products.iter().filter(|b| !bought.contains(b)) {
                for &a in bought {
                    let Some((probability, support)) = counts.probability(b, a) else {
                        continue;
                    };
                    if support == 0 {
                        continue;
                    }
                    let better = best
                        .as_ref()
                        .is_none_or(|s| (probability, support) > (s.probability, s.support));
                    if better {
                        best = Some(Suggestion {
                            customer_id,
                            product_id: b,
                            because_of: a,
                            probability,
                            support,
                        });
                    }
                }
            }
            best
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn baskets(rows: &[(i64, &[i64])]) -> BTreeMap<i64, BTreeSet<i64>> {
        rows.iter()
            .map(|(c, p)| (*c, p.iter().copied().collect()))
            .collect()
    }

    #[test]
    fn bayes_rule_on_a_hand_worked_table() {
        // Customers: 1 {A,B}, 2 {A,B}, 3 {A}, 4 {B,C}, 5 {C} with A=10, B=20, C=30.
        // P(A) = 3/5, P(B) = 3/5, P(C) = 2/5; P(A|B) = 2/3 → P(B|A) = (2/3)(3/5)/(3/5) = 2/3.
        // P(C|B) = 1/3 · ... : P(B|C) = 1/2, P(C|B) = P(B|C)P(C)/P(B) = (1/2)(2/5)/(3/5) = 1/3.
        let b = baskets(&[
            (1, &[10, 20]),
            (2, &[10, 20]),
            (3, &[10]),
            (4, &[20, 30]),
            (5, &[30]),
        ]);
        let counts = CoPurchases::count(&b);
        let (p, support) = counts.probability(20, 10).unwrap();
        assert!((p - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(support, 2);
        let (p, support) = counts.probability(30, 20).unwrap();
        assert!((p - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(support, 1);
        let next = next_products(&b);
        let got: Vec<(i64, i64, i64, usize)> = next
            .iter()
            .map(|s| (s.customer_id, s.product_id, s.because_of, s.support))
            .collect();
        // 1 and 2: C via B (1/3). 3: B via A (2/3). 4: A via B (P(A|B) = 2/3). 5: B via C (1/2).
        assert_eq!(
            got,
            vec![
                (1, 30, 20, 1),
                (2, 30, 20, 1),
                (3, 20, 10, 2),
                (4, 10, 20, 2),
                (5, 20, 30, 1)
            ]
        );
        assert!((next[4].probability - 0.5).abs() < 1e-12);
    }
}
