//! Ordinary least squares of monthly bookings on a trend and, with two years of history,
//! month-of-year dummies; solved by a QR decomposition (never by inverting XᵀX).

use serde::{Deserialize, Serialize};

use nalgebra::{DMatrix, DVector};

use crate::domain::Month;

/// Months of history from which the month-of-year dummies join the model.
pub const SEASONAL_FROM_MONTHS: usize = 24;

/// Why no model was fitted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum FitError {
    /// Fewer months than the model has coefficients plus two (two residual degrees of freedom).
    #[error("not enough history ({months} months, needs {needs})")]
    NotEnoughHistory {
        /// Months there are.
        months: usize,
        /// Months the model needs.
        needs: usize,
    },
    /// The design's columns are linearly dependent, so the coefficients are not determined.
    #[error("the model cannot be fitted: its columns are linearly dependent")]
    Collinear,
}

/// The regressors of the model for a series starting in a given month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Design {
    /// The calendar month of t = 1.
    pub first_month: Month,
    /// True when the 11 month-of-year dummies (January the base) are in.
    pub seasonal: bool,
}

impl Design {
    /// The design for `months` months of history from `first_month`: seasonal from
    /// [`SEASONAL_FROM_MONTHS`] on.
    pub fn for_history(first_month: Month, months: usize) -> Design {
        Design {
            first_month,
            seasonal: months >= SEASONAL_FROM_MONTHS,
        }
    }

    /// Number of coefficients.
    pub fn columns(self) -> usize {
        if self.seasonal { 13 } else { 2 }
    }

    /// The column names: `const`, `t`, then `Feb` … `Dec` when seasonal.
    pub fn column_names(self) -> Vec<String> {
        let mut names = vec!["const".to_string(), "t".to_string()];
        if self.seasonal {
            names.extend(Month::SHORT_NAMES[1..].iter().map(|m| m.to_string()));
        }
        names
    }

    /// The regressor row of time `t` (1 = the first month).
    pub fn row(self, t: usize) -> Vec<f64> {
        let mut row = vec![1.0, t as f64];
        if self.seasonal {
            let month = self.first_month.plus(t as i32 - 1).number();
            row.extend((2..=12).map(|m| if m == month { 1.0 } else { 0.0 }));
        }
        row
    }

    /// Rows for t = 1..=n.
    fn matrix(self, n: usize) -> DMatrix<f64> {
        DMatrix::from_row_iterator(n, self.columns(), (1..=n).flat_map(|t| self.row(t)))
    }
}

/// A fitted model with the classical (homoskedastic) inference statsmodels' `OLS().fit()` gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fit {
    /// The design's column names, in coefficient order.
    pub columns: Vec<String>,
    /// Least-squares coefficients.
    pub coefficients: Vec<f64>,
    /// Their standard errors, sqrt(s² · diag((XᵀX)⁻¹)).
    pub standard_errors: Vec<f64>,
    /// Residual variance RSS / (n − p).
    pub s2: f64,
    /// 1 − RSS/TSS; `None` when the series is constant (TSS = 0).
    pub r2: Option<f64>,
    /// 1 − (1 − R²)(n − 1)/(n − p); `None` with R².
    pub adj_r2: Option<f64>,
    /// Residual degrees of freedom n − p.
    pub df: usize,
    /// Fitted values ŷ for t = 1..=n.
    pub fitted: Vec<f64>,
    design: Design,
    xtx_inverse: DMatrix<f64>,
}

/// Fits the model to `values` (month 1 in `first_month`); [`FitError::NotEnoughHistory`] when
/// n < p + 2.
pub fn fit(values: &[f64], first_month: Month) -> Result<Fit, FitError> {
    let n = values.len();
    let design = Design::for_history(first_month, n);
    let p = design.columns();
    if n < p + 2 {
        return Err(FitError::NotEnoughHistory {
            months: n,
            needs: p + 2,
        });
    }
    let x = design.matrix(n);
    let y = DVector::from_column_slice(values);
    let qr = x.clone().qr();
    let r = qr.r();
    let largest = r.diagonal().iter().fold(0.0f64, |a, d| a.max(d.abs()));
    if r.diagonal()
        .iter()
        .any(|d| d.abs() <= largest * f64::EPSILON * n as f64)
    {
        return Err(FitError::Collinear);
    }
    let qty = qr.q().transpose() * &y;
    let beta = r.solve_upper_triangular(&qty).ok_or(FitError::Collinear)?;
    let r_inverse = r
        .solve_upper_triangular(&DMatrix::identity(p, p))
        .ok_or(FitError::Collinear)?;
    let xtx_inverse = &r_inverse * r_inverse.transpose();
    let fitted = &x * &beta;
    let rss = (&y - &fitted).norm_squared();
    let df = n - p;
    let s2 = rss / df as f64;
    let mean = y.mean();
    let tss: f64 = y.iter().map(|v| (v - mean).powi(2)).sum();
    let r2 = (tss > 0.0).then(|| 1.0 - rss / tss);
    let adj_r2 = r2.map(|r2| 1.0 - (1.0 - r2) * (n - 1) as f64 / df as f64);
    Ok(Fit {
        columns: design.column_names(),
        coefficients: beta.iter().copied().collect(),
        standard_errors: (0..p).map(|j| (s2 * xtx_inverse[(j, j)]).sqrt()).collect(),
        s2,
        r2,
        adj_r2,
        df,
        fitted: fitted.iter().copied().collect(),
        design,
        xtx_inverse,
    })
}

impl Fit {
    /// Months of history the model was fitted to.
    pub fn months(&self) -> usize {
        self.fitted.len()
    }

    /// The point forecast x₀ᵀb at time `t` and its leverage x₀ᵀ(XᵀX)⁻¹x₀.
    pub fn predict(&self, t: usize) -> (f64, f64) {
        let x0 = DVector::from_vec(self.design.row(t));
        let mean = x0.dot(&DVector::from_column_slice(&self.coefficients));
        let leverage = (x0.transpose() * &self.xtx_inverse * &x0)[(0, 0)];
        (mean, leverage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jan() -> Month {
        Month::new(2024, 1).unwrap()
    }

    #[test]
    fn a_straight_line_is_recovered_exactly() {
        let values: Vec<f64> = (1..=8).map(|t| 100.0 + 25.0 * t as f64).collect();
        let fit = fit(&values, jan()).unwrap();
        assert!((fit.coefficients[0] - 100.0).abs() < 1e-9);
        assert!((fit.coefficients[1] - 25.0).abs() < 1e-9);
        assert!(fit.s2 < 1e-12);
        assert_eq!(fit.df, 6);
        assert_eq!(fit.columns, vec!["const", "t"]);
        let (mean, _) = fit.predict(9);
        assert!((mean - 325.0).abs() < 1e-9);
    }

    #[test]
    fn thin_history_is_refused_with_what_it_needs() {
        assert_eq!(
            fit(&[1.0, 2.0, 4.0], jan()).unwrap_err().to_string(),
            "not enough history (3 months, needs 4)"
        );
        assert!(fit(&[1.0, 2.0, 4.0, 3.0], jan()).is_ok());
    }

    #[test]
    fn two_years_bring_in_eleven_month_dummies() {
        let values: Vec<f64> = (0..24).map(|t| f64::from(t % 12) * 10.0 + 3.0).collect();
        let fit = fit(&values, Month::new(2024, 3).unwrap()).unwrap();
        assert_eq!(fit.columns.len(), 13);
        assert_eq!(fit.columns[2], "Feb");
        assert_eq!(fit.columns[12], "Dec");
        assert_eq!(fit.df, 11);
    }

    #[test]
    fn a_constant_series_has_no_r_squared() {
        let fit = fit(&[5.0; 6], jan()).unwrap();
        assert_eq!(fit.r2, None);
        assert!((fit.coefficients[0] - 5.0).abs() < 1e-12);
    }
}
