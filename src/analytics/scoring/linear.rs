//! What the optimiser needs of a design matrix, and the dense matrix's own answer.

use nalgebra::{DMatrix, DVector};

/// What the optimiser needs of a design matrix X: its shape, X·w and Xᵀ·r.
pub trait LinearDesign {
    /// Rows.
    fn nrows(&self) -> usize;
    /// Columns, the intercept included.
    fn ncols(&self) -> usize;
    /// X·w.
    fn times(&self, w: &DVector<f64>) -> DVector<f64>;
    /// Xᵀ·r.
    fn transpose_times(&self, r: &DVector<f64>) -> DVector<f64>;
}

impl LinearDesign for DMatrix<f64> {
    fn nrows(&self) -> usize {
        self.nrows()
    }
    fn ncols(&self) -> usize {
        self.ncols()
    }
    fn times(&self, w: &DVector<f64>) -> DVector<f64> {
        self * w
    }
    fn transpose_times(&self, r: &DVector<f64>) -> DVector<f64> {
        self.tr_mul(r)
    }
}
