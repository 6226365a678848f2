//! Whether a design's coefficients are identified without a penalty. A column that is a linear
//! combination of earlier ones (a level that always comes with another, a copy of a numeric)
//! leaves an unpenalised fit with a whole line of optima, so its coefficients mean nothing; the
//! model names such columns instead of reporting "converged". With λ > 0 the penalty picks the
//! one smallest optimum, so the check is needed only at λ = 0.

use nalgebra::{DMatrix, DVector};

use super::linear::LinearDesign;

/// Share of a column's own square sum left after projecting it on the earlier kept columns
/// under which it counts as a combination of them.
const ALIAS_TOLERANCE: f64 = 1e-9;

/// The Gram matrix XᵀX of `x`, one column at a time.
pub fn gram(x: &impl LinearDesign) -> DMatrix<f64> {
    let p = x.ncols();
    let mut g = DMatrix::zeros(p, p);
    for j in 0..p {
        let mut unit = DVector::zeros(p);
        unit[j] = 1.0;
        g.set_column(j, &x.transpose_times(&x.times(&unit)));
    }
    g
}

/// The columns, in order, of the design whose Gram matrix is `g` that are linear combinations
/// of the earlier columns kept (an all-zero column among them).
pub fn aliased_columns(g: &DMatrix<f64>) -> Vec<usize> {
    let mut kept: Vec<usize> = Vec::new();
    let mut aliased = Vec::new();
    for j in 0..g.ncols() {
        let own = g[(j, j)];
        let residual = if kept.is_empty() {
            own
        } else {
            let among_kept = g.select_rows(&kept).select_columns(&kept);
            let with_j = DVector::from_iterator(kept.len(), kept.iter().map(|&k| g[(k, j)]));
            match among_kept.cholesky() {
                Some(factor) => own - with_j.dot(&factor.solve(&with_j)),
                None => 0.0,
            }
        };
        if own <= 0.0 || residual <= ALIAS_TOLERANCE * own {
            aliased.push(j);
        } else {
            kept.push(j);
        }
    }
    aliased
}

#[cfg(test)]
mod tests {
    use super::*;

    fn design(rows: &[[f64; 4]]) -> DMatrix<f64> {
        DMatrix::from_fn(rows.len(), 4, |i, j| rows[i][j])
    }

    #[test]
    fn a_full_rank_design_has_no_aliased_column() {
        let x = design(&[
            [1.0, 0.0, 0.5, 1.0],
            [1.0, 1.0, -0.5, 0.0],
            [1.0, 0.0, 1.5, 0.0],
            [1.0, 1.0, 0.2, 1.0],
            [1.0, 0.0, -1.0, 1.0],
        ]);
        assert_eq!(aliased_columns(&gram(&x)), Vec::<usize>::new());
    }

    #[test]
    fn a_copied_column_and_a_level_that_completes_another_are_named() {
        // Column 2 copies column 1; column 3 is intercept − column 1 (two levels with no base).
        let x = design(&[
            [1.0, 0.0, 0.0, 1.0],
            [1.0, 1.0, 1.0, 0.0],
            [1.0, 0.0, 0.0, 1.0],
            [1.0, 1.0, 1.0, 0.0],
            [1.0, 1.0, 1.0, 0.0],
        ]);
        assert_eq!(aliased_columns(&gram(&x)), vec![2, 3]);
    }

    #[test]
    fn an_all_zero_column_is_aliased() {
        let x = design(&[
            [1.0, 0.3, 0.0, 1.0],
            [1.0, -0.3, 0.0, 0.0],
            [1.0, 0.9, 0.0, 1.0],
        ]);
        assert_eq!(aliased_columns(&gram(&x)), vec![2]);
    }

    #[test]
    fn the_gram_matrix_is_x_transpose_x() {
        let x = design(&[[1.0, 2.0, 0.0, 1.0], [1.0, -1.0, 3.0, 0.0]]);
        assert!((gram(&x) - x.tr_mul(&x)).abs().max() < 1e-12);
    }
}
