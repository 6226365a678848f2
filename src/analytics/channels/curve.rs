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

    /// Predicted monthly revenue at `spend`.
    pub fn revenue(&self, spend: f64) -> f64 {
        match *self {
            Curve::Log { a, b } => a + b * spend.max(LOG_FLOOR).ln(),
            Curve::Saturating { c, k } => c * (1.0 - (-spend.max(0.0) / k).exp()),
        }
    }

    /// Marginal return dR/ds at `spend`: revenue from the next dollar.
    pub fn marginal(&self, spend: f64) -> f64 {
        match *self {
            Curve::Log { b, .. } => b / spend.max(LOG_FLOOR),
            Curve::Saturating { c, k } => c / k * (-spend.max(0.0) / k).exp(),
        }
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
    fn log_curve_is_flat_below_one_dollar() {
        let curve = Curve::Log { a: 7.0, b: 2.0 };
        assert_eq!(curve.revenue(0.0), 7.0);
        assert_eq!(curve.revenue(f64::exp(1.0)), 9.0);
        assert!(!Curve::Log { a: 7.0, b: 0.0 }.responds());
    }
}
