//! Point forecasts with 80% and 95% prediction intervals from a fitted model.

use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, StudentsT};

use super::ols::Fit;
use crate::domain::Month;

/// One forecast month: ŷ ± t(n−p, 1−α/2)·sqrt(s²(1 + x₀ᵀ(XᵀX)⁻¹x₀)). Bounds are not clamped at
/// zero, so a lower bound can be negative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForecastRow {
    /// The month forecast.
    pub month: Month,
    /// The point forecast, in cents.
    pub mean: f64,
    /// Lower bound of the 80% prediction interval, in cents.
    pub pi80_lo: f64,
    /// Upper bound of the 80% prediction interval, in cents.
    pub pi80_hi: f64,
    /// Lower bound of the 95% prediction interval, in cents.
    pub pi95_lo: f64,
    /// Upper bound of the 95% prediction interval, in cents.
    pub pi95_hi: f64,
}

/// The exact two-sided Student-t quantile t(df, 1 − α/2) for `level` = 1 − α.
pub fn t_quantile(df: usize, level: f64) -> f64 {
    match StudentsT::new(0.0, 1.0, df as f64) {
        Ok(t) => t.inverse_cdf(0.5 + level / 2.0),
        Err(_) => f64::NAN,
    }
}

/// Forecasts the `horizon` months after the last fitted one; `last` is that month.
pub fn forecast(fit: &Fit, last: Month, horizon: usize) -> Vec<ForecastRow> {
    let q80 = t_quantile(fit.df, 0.80);
    let q95 = t_quantile(fit.df, 0.95);
    let n = fit.months();
    (1..=horizon)
        .map(|h| {
            let (mean, leverage) = fit.predict(n + h);
            let se = (fit.s2 * (1.0 + leverage)).sqrt();
            ForecastRow {
                month: last.plus(h as i32),
                mean,
                pi80_lo: mean - q80 * se,
                pi80_hi: mean + q80 * se,
                pi95_lo: mean - q95 * se,
                pi95_hi: mean + q95 * se,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_match_published_tables() {
        // t tables: t(10, 0.975) = 2.228139, t(10, 0.90) = 1.372184.
        assert!((t_quantile(10, 0.95) - 2.228_138_851_986_274).abs() < 1e-9);
        assert!((t_quantile(10, 0.80) - 1.372_183_641_110_336).abs() < 1e-9);
    }
}
