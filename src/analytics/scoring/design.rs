//! The design matrix the optimiser sees: an intercept, numeric features standardised on the
//! training rows (mean and population standard deviation), and categoricals one-hot with their
//! first occurring level as the reference. Columns that are constant on the training rows (and a
//! reference other than the first level) are left out and listed, so the fit stays well-posed.

use nalgebra::{DMatrix, DVector};
use serde::{Deserialize, Serialize};

use super::linear::LinearDesign;

/// A numeric feature: one value per row.
#[derive(Debug, Clone, PartialEq)]
pub struct Numeric {
    /// The column name in the design and the reports.
    pub name: String,
    /// One value per row.
    pub values: Vec<f64>,
}

/// A categorical feature: a level code per row, with the level names by code.
#[derive(Debug, Clone, PartialEq)]
pub struct Categorical {
    /// The feature name; its design columns are named `name=level`.
    pub name: String,
    /// Level names; code `i` is `levels[i]`. Level 0 is the dropped base level.
    pub levels: Vec<String>,
    /// One level code per row.
    pub codes: Vec<u32>,
}

/// The raw features of a set of rows, before standardising and one-hot coding.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Features {
    /// Numeric features.
    pub numeric: Vec<Numeric>,
    /// Categorical features.
    pub categorical: Vec<Categorical>,
}

impl Features {
    /// The number of rows (0 without features).
    pub fn rows(&self) -> usize {
        self.numeric
            .first()
            .map(|n| n.values.len())
            .or_else(|| self.categorical.first().map(|c| c.codes.len()))
            .unwrap_or(0)
    }

    /// The rows at `indices`, in that order.
    pub fn select(&self, indices: &[usize]) -> Features {
        Features {
            numeric: self
                .numeric
                .iter()
                .map(|n| Numeric {
                    name: n.name.clone(),
                    values: indices.iter().map(|&i| n.values[i]).collect(),
                })
                .collect(),
            categorical: self
                .categorical
                .iter()
                .map(|c| Categorical {
                    name: c.name.clone(),
                    levels: c.levels.clone(),
                    codes: indices.iter().map(|&i| c.codes[i]).collect(),
                })
                .collect(),
        }
    }
}

/// How one design column is made from the raw features.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Column {
    Intercept,
    Numeric { feature: usize, mean: f64, sd: f64 },
    Level { feature: usize, code: u32 },
}

/// The recipe that turns raw features into design rows, learned on the training rows and
/// applied unchanged to the rows being scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesignSpec {
    columns: Vec<Column>,
    /// The design column names, `intercept` first.
    pub names: Vec<String>,
    /// Columns left out because they were constant on the training rows.
    pub dropped: Vec<String>,
}

/// A numeric column's training mean and standard deviation, for the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scaling {
    /// The column name.
    pub name: String,
    /// Its mean on the training rows.
    pub mean: f64,
    /// Its population standard deviation on the training rows.
    pub sd: f64,
}

impl DesignSpec {
    /// Learns the recipe from the training rows: means and deviations of the numerics, the
    /// non-base levels that occur, and which columns are constant.
    pub fn learn(train: &Features) -> DesignSpec {
        let rows = train.rows();
        let mut spec = DesignSpec {
            columns: vec![Column::Intercept],
            names: vec!["intercept".into()],
            dropped: Vec::new(),
        };
        for (feature, n) in train.numeric.iter().enumerate() {
            let mean = n.values.iter().sum::<f64>() / rows.max(1) as f64;
            let var = n
                .values
                .iter()
                .map(|v| (v - mean) * (v - mean))
                .sum::<f64>()
                / rows.max(1) as f64;
            let sd = var.sqrt();
            if sd > 1e-12 * mean.abs().max(1.0) {
                spec.columns.push(Column::Numeric { feature, mean, sd });
                spec.names.push(n.name.clone());
            } else {
                spec.dropped.push(n.name.clone());
            }
        }
        for (feature, c) in train.categorical.iter().enumerate() {
            let mut counts = vec![0usize; c.levels.len()];
            for &code in &c.codes {
                if let Some(count) = counts.get_mut(code as usize) {
                    *count += 1;
                }
            }
            // The reference is the first level that occurs: a base level that never occurs
            // would leave the other levels summing to the intercept (a rank-deficient design).
            let reference = counts.iter().position(|&n| n > 0).unwrap_or(0);
            for (code, level) in c.levels.iter().enumerate() {
                if code == 0 && reference == 0 {
                    continue;
                }
                let name = format!("{}={}", c.name, level);
                if code != reference && counts[code] > 0 && counts[code] < rows {
                    spec.columns.push(Column::Level {
                        feature,
                        code: code as u32,
                    });
                    spec.names.push(name);
                } else {
                    spec.dropped.push(name);
                }
            }
        }
        spec
    }

    /// The number of design columns, the intercept included.
    pub fn width(&self) -> usize {
        self.columns.len()
    }

    /// The training mean and deviation of each standardised column.
    pub fn scalings(&self, features: &Features) -> Vec<Scaling> {
        self.columns
            .iter()
            .filter_map(|c| match c {
                Column::Numeric { feature, mean, sd } => Some(Scaling {
                    name: features.numeric[*feature].name.clone(),
                    mean: *mean,
                    sd: *sd,
                }),
                _ => None,
            })
            .collect()
    }

    /// The design matrix of `features` (rows × [`width`](Self::width)), built column by column
    /// straight into one allocation.
    pub fn matrix(&self, features: &Features) -> DMatrix<f64> {
        let rows = features.rows();
        let mut x = DMatrix::<f64>::zeros(rows, self.width());
        for (j, column) in self.columns.iter().enumerate() {
            let mut out = x.column_mut(j);
            match column {
                Column::Intercept => out.fill(1.0),
                Column::Numeric { feature, mean, sd } => {
                    for (o, v) in out.iter_mut().zip(&features.numeric[*feature].values) {
                        *o = (v - mean) / sd;
                    }
                }
                Column::Level { feature, code } => {
                    for (o, c) in out.iter_mut().zip(&features.categorical[*feature].codes) {
                        *o = if c == code { 1.0 } else { 0.0 };
                    }
                }
            }
        }
        x
    }
}

/// The design matrix stored compactly: the intercept and standardised numerics as dense
/// columns, each one-hot block as its rows' level codes. X·w and Xᵀ·r then read a few numbers
/// per row instead of every zero of the one-hot columns; the values are exactly those of
/// [`DesignSpec::matrix`].
#[derive(Debug, Clone, PartialEq)]
pub struct CodedDesign {
    dense: DMatrix<f64>,
    /// Per categorical feature: each row's code, and the design column of each code (`None`
    /// for the dropped base level and dropped levels).
    blocks: Vec<(Vec<u32>, Vec<Option<usize>>)>,
    width: usize,
}

impl DesignSpec {
    /// The design of `features` in compact form.
    pub fn coded(&self, features: &Features) -> CodedDesign {
        let rows = features.rows();
        let dense_width = self
            .columns
            .iter()
            .take_while(|c| !matches!(c, Column::Level { .. }))
            .count();
        let mut dense = DMatrix::<f64>::zeros(rows, dense_width);
        let mut blocks: Vec<(Vec<u32>, Vec<Option<usize>>)> = features
            .categorical
            .iter()
            .map(|c| (Vec::new(), vec![None; c.levels.len()]))
            .collect();
        for (j, column) in self.columns.iter().enumerate() {
            match column {
                Column::Intercept => dense.column_mut(j).fill(1.0),
                Column::Numeric { feature, mean, sd } => {
                    let values = &features.numeric[*feature].values;
                    for (o, v) in dense.column_mut(j).iter_mut().zip(values) {
                        *o = (v - mean) / sd;
                    }
                }
                Column::Level { feature, code } => {
                    let map = &mut blocks[*feature].1;
                    if let Some(slot) = map.get_mut(*code as usize) {
                        *slot = Some(j);
                    }
                }
            }
        }
        for (block, c) in blocks.iter_mut().zip(&features.categorical) {
            if block.1.iter().any(Option::is_some) {
                block.0 = c.codes.clone();
            }
        }
        blocks.retain(|b| !b.0.is_empty());
        CodedDesign {
            dense,
            blocks,
            width: self.width(),
        }
    }
}

impl CodedDesign {
    fn column_of(map: &[Option<usize>], code: u32) -> Option<usize> {
        map.get(code as usize).copied().flatten()
    }
}

impl LinearDesign for CodedDesign {
    fn nrows(&self) -> usize {
        self.dense.nrows()
    }
    fn ncols(&self) -> usize {
        self.width
    }
    fn times(&self, w: &DVector<f64>) -> DVector<f64> {
        let k = self.dense.ncols();
        let mut z = &self.dense * w.rows(0, k);
        for (codes, map) in &self.blocks {
            for (z, &code) in z.iter_mut().zip(codes) {
                if let Some(j) = CodedDesign::column_of(map, code) {
                    *z += w[j];
                }
            }
        }
        z
    }
    fn transpose_times(&self, r: &DVector<f64>) -> DVector<f64> {
        let k = self.dense.ncols();
        let mut g = DVector::zeros(self.width);
        g.rows_mut(0, k).copy_from(&self.dense.tr_mul(r));
        for (codes, map) in &self.blocks {
            for (&r, &code) in r.iter().zip(codes) {
                if let Some(j) = CodedDesign::column_of(map, code) {
                    g[j] += r;
                }
            }
        }
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features() -> Features {
        Features {
            numeric: vec![
                Numeric {
                    name: "amount".into(),
                    values: vec![1.0, 2.0, 3.0, 4.0],
                },
                Numeric {
                    name: "flat".into(),
                    values: vec![5.0; 4],
                },
            ],
            categorical: vec![Categorical {
                name: "rep".into(),
                levels: vec!["Ann".into(), "Bob".into(), "Cy".into(), "Dee".into()],
                codes: vec![0, 1, 2, 2],
            }],
        }
    }

    #[test]
    fn numerics_are_standardised_and_the_first_level_and_constants_dropped() {
        let f = features();
        let spec = DesignSpec::learn(&f);
        assert_eq!(spec.names, vec!["intercept", "amount", "rep=Bob", "rep=Cy"]);
        assert_eq!(spec.dropped, vec!["flat", "rep=Dee"]);
        let x = spec.matrix(&f);
        let sd = 1.25f64.sqrt();
        assert_eq!(x.column(0).as_slice(), &[1.0; 4]);
        let amount: Vec<f64> = x.column(1).iter().map(|v| v * sd).collect();
        assert_eq!(amount, vec![-1.5, -0.5, 0.5, 1.5]);
        assert_eq!(x.column(2).as_slice(), &[0.0, 1.0, 0.0, 0.0]);
        assert_eq!(x.column(3).as_slice(), &[0.0, 0.0, 1.0, 1.0]);
    }

    #[test]
    fn the_coded_design_multiplies_exactly_as_the_dense_one() {
        let f = features();
        let spec = DesignSpec::learn(&f);
        let dense = spec.matrix(&f);
        let coded = spec.coded(&f);
        assert_eq!(LinearDesign::ncols(&coded), 4);
        let w = DVector::from_vec(vec![0.5, -1.0, 2.0, 3.0]);
        let r = DVector::from_vec(vec![1.0, -2.0, 0.25, 4.0]);
        assert_eq!(coded.times(&w), dense.times(&w));
        let (a, b) = (coded.transpose_times(&r), dense.transpose_times(&r));
        assert!((a - b).norm() < 1e-12);
    }

    #[test]
    fn new_rows_use_the_training_scaling() {
        let spec = DesignSpec::learn(&features());
        let new = Features {
            numeric: vec![
                Numeric {
                    name: "amount".into(),
                    values: vec![2.5],
                },
                Numeric {
                    name: "flat".into(),
                    values: vec![9.0],
                },
            ],
            categorical: vec![Categorical {
                name: "rep".into(),
                levels: vec![],
                codes: vec![3],
            }],
        };
        let x = spec.matrix(&new);
        assert_eq!(
            x.row(0).iter().copied().collect::<Vec<_>>(),
            vec![1.0, 0.0, 0.0, 0.0]
        );
    }
}
