//! The range of each numeric feature seen in training: the 1st to 99th percentile of the
//! fitted rows. A row being scored (or measured on the holdout) has its numerics capped at that
//! range, so a deal older than almost every training row scores as one at the edge of what the
//! model saw instead of being extrapolated along a line no example supports. The fit itself
//! sees the raw values, so its coefficients are those scikit-learn gives on the same design.

use serde::{Deserialize, Serialize};

use super::design::{Features, Numeric};

/// The lower cap's percentile.
pub const LOW_PERCENTILE: f64 = 0.01;
/// The upper cap's percentile.
pub const HIGH_PERCENTILE: f64 = 0.99;

/// One numeric feature's caps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Range {
    /// The feature name.
    pub name: String,
    /// The training 1st percentile: lower values score as this.
    pub low: f64,
    /// The training 99th percentile: higher values score as this.
    pub high: f64,
}

/// The caps of every numeric feature, in feature order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Ranges(pub Vec<Range>);

impl Ranges {
    /// The 1st and 99th percentiles (nearest rank) of each numeric feature of `train`.
    pub fn learn(train: &Features) -> Ranges {
        Ranges(
            train
                .numeric
                .iter()
                .map(|n| {
                    let mut values = n.values.clone();
                    let low = nearest_rank(&mut values, LOW_PERCENTILE);
                    let high = nearest_rank(&mut values, HIGH_PERCENTILE);
                    Range {
                        name: n.name.clone(),
                        low: low.unwrap_or(f64::NEG_INFINITY),
                        high: high.unwrap_or(f64::INFINITY),
                    }
                })
                .collect(),
        )
    }

    /// `features` with every numeric value capped to its feature's range.
    pub fn cap(&self, features: &Features) -> Features {
        Features {
            numeric: features
                .numeric
                .iter()
                .zip(&self.0)
                .map(|(n, r)| Numeric {
                    name: n.name.clone(),
                    values: n.values.iter().map(|v| v.clamp(r.low, r.high)).collect(),
                })
                .collect(),
            categorical: features.categorical.clone(),
        }
    }
}

/// The value at percentile `q` by nearest rank (the ⌈q·n⌉-th smallest); reorders `values`.
/// Linear time, so a million rows cost no sort. `None` when empty.
fn nearest_rank(values: &mut [f64], q: f64) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let k = ((q * n as f64).ceil() as usize).clamp(1, n) - 1;
    let (_, &mut v, _) = values.select_nth_unstable_by(k, f64::total_cmp);
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let mut v: Vec<f64> = (1..=200).map(f64::from).collect();
        assert_eq!(nearest_rank(&mut v, 0.01), Some(2.0));
        assert_eq!(nearest_rank(&mut v, 0.99), Some(198.0));
        assert_eq!(nearest_rank(&mut [], 0.5), None);
        assert_eq!(nearest_rank(&mut [7.0], 0.99), Some(7.0));
    }

    #[test]
    fn values_past_the_training_range_are_capped() {
        let train = Features {
            numeric: vec![Numeric {
                name: "days_open".into(),
                values: (1..=100).map(f64::from).collect(),
            }],
            categorical: vec![],
        };
        let ranges = Ranges::learn(&train);
        assert_eq!(ranges.0[0].low, 1.0);
        assert_eq!(ranges.0[0].high, 99.0);
        let capped = ranges.cap(&Features {
            numeric: vec![Numeric {
                name: "days_open".into(),
                values: vec![-5.0, 50.0, 400.0],
            }],
            categorical: vec![],
        });
        assert_eq!(capped.numeric[0].values, [1.0, 50.0, 99.0]);
    }
}
