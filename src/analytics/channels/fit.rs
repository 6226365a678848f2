//! Fitting one channel: both families, the better by AIC, and the reasons a channel is not fitted.

use serde::Serialize;

use super::curve::{Curve, Family};
use super::log_fit::fit_log;
use super::saturating_fit::fit_saturating;

/// A channel needs this many months of non-zero spend before its curve is fitted.
pub const MIN_MONTHS: usize = 6;

/// One month of a channel: what it spent and the revenue it brought, in dollars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthPoint {
    /// Spend that month.
    pub spend: f64,
    /// Revenue attributed to the channel that month.
    pub revenue: f64,
}

impl MonthPoint {
    /// True for a month with neither spend nor revenue: a gap, not history.
    pub fn is_empty(&self) -> bool {
        self.spend == 0.0 && self.revenue == 0.0
    }
}

/// A fitted curve and how well it fits.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Fit {
    /// The chosen curve (family and parameters).
    pub curve: Curve,
    /// Share of the revenue variance the curve explains.
    pub r_squared: f64,
    /// Residual standard error, √(RSS / (n − 2)), in dollars of monthly revenue.
    pub residual_se: f64,
    /// Akaike's information criterion, n·ln(RSS/n) + 2·3 (two parameters and the noise).
    pub aic: f64,
    /// The AIC of the other family, when it could be fitted.
    pub rival_aic: Option<f64>,
    /// Months fitted (those with non-zero spend).
    pub months: usize,
}

/// Why a channel keeps its current spend instead of being fitted.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Unfitted {
    /// Fewer than [`MIN_MONTHS`] months of non-zero spend.
    TooFewMonths {
        /// Months with spend.
        months: usize,
    },
    /// The best fit says more spend brings no more revenue (b ≤ 0 or c ≤ 0).
    NoPositiveResponse {
        /// The fit that says so.
        fit: Fit,
    },
    /// Neither family could be fitted (every month had the same spend, say).
    NoFit {
        /// Why, in words.
        why: String,
    },
}

impl Unfitted {
    /// One line for the screen: why this channel keeps its spend.
    pub fn explain(&self) -> String {
        match self {
            Unfitted::TooFewMonths { months } => {
                format!("only {months} months with spend (needs {MIN_MONTHS}); keeps its spend")
            }
            Unfitted::NoPositiveResponse { fit } => format!(
                "{} fit shows no gain from more spend; keeps its spend",
                fit.curve.family().name()
            ),
            Unfitted::NoFit { why } => format!("cannot fit: {why}; keeps its spend"),
        }
    }
}

/// Fits both families to the months with non-zero spend and keeps the one with the lower AIC;
/// a channel with too little history, or whose best curve does not rise, is not fitted.
pub fn fit_channel(history: &[MonthPoint]) -> Result<Fit, Unfitted> {
    let points: Vec<MonthPoint> = history
        .iter()
        .copied()
        .filter(|p| p.spend > 0.0 && p.spend.is_finite() && p.revenue.is_finite())
        .collect();
    if points.len() < MIN_MONTHS {
        return Err(Unfitted::TooFewMonths {
            months: points.len(),
        });
    }
    let log = fit_log(&points).map(|curve| measure(curve, &points));
    let saturating = fit_saturating(&points).map(|curve| measure(curve, &points));
    let mut fits: Vec<Fit> = log.into_iter().chain(saturating.clone().ok()).collect();
    fits.sort_by(|a, b| a.aic.total_cmp(&b.aic));
    let Some(mut best) = fits.first().copied() else {
        return Err(Unfitted::NoFit {
            why: saturating
                .err()
                .unwrap_or_else(|| "the spend never varied".into()),
        });
    };
    best.rival_aic = fits.get(1).map(|f| f.aic);
    if !best.curve.responds() {
        return Err(Unfitted::NoPositiveResponse { fit: best });
    }
    Ok(best)
}

/// R², residual standard error and AIC of `curve` on `points`.
fn measure(curve: Curve, points: &[MonthPoint]) -> Fit {
    let n = points.len() as f64;
    let mean = points.iter().map(|p| p.revenue).sum::<f64>() / n;
    let tss: f64 = points.iter().map(|p| (p.revenue - mean).powi(2)).sum();
    let rss: f64 = points
        .iter()
        .map(|p| (p.revenue - curve.revenue(p.spend)).powi(2))
        .sum();
    let r_squared = if tss > 0.0 { 1.0 - rss / tss } else { 0.0 };
    let floor = f64::MIN_POSITIVE * n;
    Fit {
        curve,
        r_squared,
        residual_se: (rss / (n - 2.0)).sqrt(),
        aic: n * (rss.max(floor) / n).ln() + 2.0 * 3.0,
        rival_aic: None,
        months: points.len(),
    }
}

/// The family of a fit, for callers that only need the name.
impl Fit {
    /// Which family was chosen.
    pub fn family(&self) -> Family {
        self.curve.family()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic noise in [−1, 1] so the tests need no random generator.
    fn wobble(i: usize) -> f64 {
        ((i as f64 * 12.9898).sin() * 43_758.545).fract() * 2.0 - 1.0
    }

    fn spends(n: usize) -> impl Iterator<Item = (usize, f64)> {
        (0..n).map(move |i| (i, 1_500.0 * 1.35f64.powi((i * 7 % n) as i32)))
    }

    #[test]
    fn log_data_picks_the_log_family_and_recovers_it() {
        let history: Vec<MonthPoint> = spends(18)
            .map(|(i, spend)| MonthPoint {
                spend,
                revenue: -60_000.0 + 15_000.0 * spend.ln() + 150.0 * wobble(i),
            })
            .collect();
        let fit = fit_channel(&history).expect("fits");
        let Curve::Log { a, b } = fit.curve else {
            panic!("chose {:?}", fit.curve);
        };
        assert!((b / 15_000.0 - 1.0).abs() < 0.01, "b = {b}");
        assert!((a + 60_000.0).abs() < 1_500.0, "a = {a}");
        assert!(fit.r_squared > 0.99);
        assert!(fit.rival_aic.is_some_and(|rival| rival > fit.aic));
        assert!(fit.residual_se > 0.0 && fit.residual_se < 200.0);
    }

    #[test]
    fn saturating_data_picks_the_saturating_family_and_recovers_it() {
        let history: Vec<MonthPoint> = spends(18)
            .map(|(i, spend)| MonthPoint {
                spend,
                revenue: 300_000.0 * (1.0 - (-spend / 20_000.0).exp()) + 200.0 * wobble(i),
            })
            .collect();
        let fit = fit_channel(&history).expect("fits");
        let Curve::Saturating { c, k } = fit.curve else {
            panic!("chose {:?}", fit.curve);
        };
        assert!((c / 300_000.0 - 1.0).abs() < 0.01, "c = {c}");
        assert!((k / 20_000.0 - 1.0).abs() < 0.01, "k = {k}");
    }

    #[test]
    fn too_few_months_with_spend_are_not_fitted() {
        let mut history: Vec<MonthPoint> = spends(5)
            .map(|(_, spend)| MonthPoint {
                spend,
                revenue: spend * 3.0,
            })
            .collect();
        history.push(MonthPoint {
            spend: 0.0,
            revenue: 10.0,
        });
        assert_eq!(
            fit_channel(&history),
            Err(Unfitted::TooFewMonths { months: 5 })
        );
    }

    #[test]
    fn falling_revenue_is_no_positive_response() {
        let history: Vec<MonthPoint> = spends(12)
            .map(|(i, spend)| MonthPoint {
                spend,
                revenue: 90_000.0 - 4_000.0 * spend.ln() + 100.0 * wobble(i),
            })
            .collect();
        let result = fit_channel(&history);
        assert!(
            matches!(result, Err(Unfitted::NoPositiveResponse { .. })),
            "{result:?}"
        );
    }
}
