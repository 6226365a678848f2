//! The two response-curve families: predicted revenue, marginal return and its inverse; and the
//! monthly (spend, revenue) points they are fitted to.

use serde::Serialize;

/// Below this spend (one dollar) the log curve is held flat, so zero spend predicts a finite revenue.
pub const LOG_FLOOR: f64 = 1.0;

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

/// Which family a curve belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// R = a + b·ln(spend).
    Log,
    /// R = c·(1 − e^(−spend/k)).
    Saturating,
}

impl Family {
    /// The name the screen and the report print.
    pub fn name(self) -> &'static str {
        match self {
            Family::Log => "log",
            Family::Saturating => "saturating",
        }
    }
}

/// A fitted response curve: monthly revenue as a function of monthly spend.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "family", rename_all = "snake_case")]
pub enum Curve {
    /// R = a + b·ln(max(spend, 1)).
    Log {
        /// Revenue at one dollar of spend.
        a: f64,
        /// Revenue per unit of ln(spend).
        b: f64,
    },
    /// R = c·(1 − e^(−spend/k)).
    Saturating {
        /// The revenue ceiling.
        c: f64,
        /// The spend scale: at spend k revenue reaches 63% of c.
        k: f64,
    },
}

impl Curve {
    /// The family of this curve.
    pub fn family(&self) -> Family {
        match self {
            Curve::Log { .. } => Family::Log,
            Curve::Saturating { .. } => Family::Saturating,
        }
    }

    /// True when more spend predicts more revenue (b > 0, or c > 0 and k > 0).
    pub fn responds(&self) -> bool {
        match *self {
            Curve::Log { b, .. } => b > 0.0,
            Curve::Saturating { c, k } => c > 0.0 && k > 0.0,
        }
    }

    /// The least spend the curve is used at: for a rising log curve with a < 0, its break-even
    /// spend e^(−a/b), below which a + b·ln(spend) would predict negative revenue; else zero.
    /// Allocations never go below it, and below it the curve is held at zero revenue.
    pub fn min_spend(&self) -> f64 {
        match *self {
            Curve::Log { a, b } if a < 0.0 && b > 0.0 => (-a / b).exp(),
            _ => 0.0,
        }
    }

    /// Predicted monthly revenue at `spend`; never negative on a rising curve.
    pub fn revenue(&self, spend: f64) -> f64 {
        match *self {
            // At and above the break-even spend a rising curve is ≥ 0; the guard keeps rounding
            // at the break-even itself from showing as a negative amount.
            Curve::Log { a, b } if b > 0.0 => (a + b * spend.max(self.log_floor()).ln()).max(0.0),
            Curve::Log { a, b } => a + b * spend.max(self.log_floor()).ln(),
            Curve::Saturating { c, k } => c * (1.0 - (-spend.max(0.0) / k).exp()),
        }
    }

    /// Marginal return dR/ds at `spend`: revenue from the next dollar.
    pub fn marginal(&self, spend: f64) -> f64 {
        match *self {
            Curve::Log { b, .. } => b / spend.max(self.log_floor()),
            Curve::Saturating { c, k } => c / k * (-spend.max(0.0) / k).exp(),
        }
    }

    /// The spend below which a log curve is held flat: one dollar, or its break-even spend.
    fn log_floor(&self) -> f64 {
        self.min_spend().max(LOG_FLOOR)
    }

    /// The spend at which the marginal return equals `mu` (> 0), never below zero: the inverse
    /// of [`Curve::marginal`] on a responding curve.
    pub fn spend_at_marginal(&self, mu: f64) -> f64 {
        match *self {
            Curve::Log { b, .. } => (b / mu).max(0.0),
            Curve::Saturating { c, k } => (k * (c / (k * mu)).ln()).max(0.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spend_at_marginal_inverts_marginal() {
        let curves = [
            Curve::Log { a: -5.0, b: 3.0e4 },
            Curve::Saturating { c: 2.0e5, k: 1.5e4 },
        ];
        for curve in curves {
            for spend in [10.0, 900.0, 12_000.0, 40_000.0] {
                let mu = curve.marginal(spend);
                let back = curve.spend_at_marginal(mu);
                assert!((back - spend).abs() < 1e-6 * spend, "{curve:?} at {spend}");
            }
        }
    }

    #[test]
    fn saturating_marginal_above_its_start_gives_zero_spend() {
        let curve = Curve::Saturating { c: 100.0, k: 10.0 };
        assert_eq!(curve.marginal(0.0), 10.0);
        assert_eq!(curve.spend_at_marginal(20.0), 0.0);
    }

    #[test]
    fn no_rising_curve_predicts_negative_revenue_at_any_spend() {
        let curves = [
            Curve::Log {
                a: -150_123.6,
                b: 24_946.0,
            },
            Curve::Log { a: 7.0, b: 2.0 },
            Curve::Saturating { c: 2.0e5, k: 1.5e4 },
        ];
        for curve in curves {
            assert!(curve.responds());
            let lo = curve.min_spend();
            for spend in [0.0, 0.5, 1.0, 10.0, 100.0, 411.0, 500.0, 1e4, 1e6] {
                assert!(curve.revenue(spend) >= -1e-9, "{curve:?} at {spend}");
            }
            assert!(curve.revenue(lo).abs() < 1e-6 || lo == 0.0, "{curve:?}");
        }
        let log = curves[0];
        assert!((log.min_spend() - f64::exp(150_123.6 / 24_946.0)).abs() < 1e-9);
        assert_eq!(log.revenue(0.0), log.revenue(log.min_spend()));
        assert_eq!(curves[1].min_spend(), 0.0);
    }

    #[test]
    fn log_curve_is_flat_below_one_dollar() {
        let curve = Curve::Log { a: 7.0, b: 2.0 };
        assert_eq!(curve.revenue(0.0), 7.0);
        assert_eq!(curve.revenue(f64::exp(1.0)), 9.0);
        assert!(!Curve::Log { a: 7.0, b: 0.0 }.responds());
    }
}
