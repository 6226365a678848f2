//! Why a score is what it is: each design column's contribution to the logit (coefficient ×
//! standardised value), largest in absolute value first.

use nalgebra::{DVector, RowDVector};
use serde::{Deserialize, Serialize};

/// Contributions reported per score.
pub const TOP_CONTRIBUTIONS: usize = 3;

/// One column's share of a logit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    /// The design column.
    pub column: String,
    /// Coefficient × standardised value, in logit units (positive raises the score).
    pub logit: f64,
}

/// The [`TOP_CONTRIBUTIONS`] largest non-zero contributions of one design row, the intercept
/// left out; ties keep the design's column order.
pub fn top_contributions(
    names: &[String],
    coefficients: &DVector<f64>,
    row: &RowDVector<f64>,
) -> Vec<Contribution> {
    let mut all: Vec<(usize, f64)> = coefficients
        .iter()
        .zip(row.iter())
        .map(|(w, x)| w * x)
        .enumerate()
        .skip(1)
        .filter(|&(_, logit)| logit != 0.0)
        .collect();
    all.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    all.truncate(TOP_CONTRIBUTIONS);
    all.into_iter()
        .filter_map(|(j, logit)| {
            Some(Contribution {
                column: names.get(j)?.clone(),
                logit,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_largest_by_absolute_value_without_the_intercept() {
        let names: Vec<String> = ["intercept", "a", "b", "c", "d", "e"]
            .map(String::from)
            .to_vec();
        let w = DVector::from_vec(vec![9.0, 1.0, -2.0, 0.5, 3.0, 4.0]);
        let x = RowDVector::from_vec(vec![1.0, 1.0, 1.0, 2.0, -1.0, 0.0]);
        let top = top_contributions(&names, &w, &x);
        let got: Vec<(&str, f64)> = top.iter().map(|c| (c.column.as_str(), c.logit)).collect();
        assert_eq!(got, vec![("d", -3.0), ("b", -2.0), ("a", 1.0)]);
    }
}
