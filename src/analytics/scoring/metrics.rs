//! Quality of predicted probabilities against observed 0/1 outcomes: AUC (ties counted half),
//! mean log-loss, Brier score, and calibration in 10 equal-width bins and in deciles of the
//! predictions.

use serde::{Deserialize, Serialize};

/// Probabilities are clipped this far from 0 and 1 in the log-loss, as scikit-learn does.
const LOG_LOSS_CLIP: f64 = 1e-15;
/// Calibration bins over [0, 1].
pub const CALIBRATION_BINS: usize = 10;

/// One calibration bin: predictions in [from, to).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalibrationBin {
    /// Lower edge.
    pub from: f64,
    /// Upper edge (the last bin includes 1).
    pub to: f64,
    /// Rows whose prediction falls in the bin.
    pub count: usize,
    /// Their mean prediction; `None` when empty.
    pub mean_predicted: Option<f64>,
    /// Their observed rate of y = 1; `None` when empty.
    pub observed_rate: Option<f64>,
}

/// All quality measures of one set of predictions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Rows evaluated.
    pub rows: usize,
    /// Area under the ROC curve; `None` when only one outcome occurs.
    pub auc: Option<f64>,
    /// Mean negative log-likelihood.
    pub log_loss: f64,
    /// Mean squared error of the probabilities.
    pub brier: f64,
    /// 10 equal-width bins.
    pub calibration: Vec<CalibrationBin>,
    /// The rows in 10 groups of (nearly) equal size by prediction, lowest first; `from` and
    /// `to` are the lowest and highest prediction in the group. Empty groups (fewer than 10
    /// rows) are left out.
    pub calibration_deciles: Vec<CalibrationBin>,
}

/// Measures predictions `p` against outcomes `y` (same length).
pub fn metrics(p: &[f64], y: &[bool]) -> Metrics {
    let n = p.len().max(1) as f64;
    let log_loss = p
        .iter()
        .zip(y)
        .map(|(&p, &y)| {
            let p = p.clamp(LOG_LOSS_CLIP, 1.0 - LOG_LOSS_CLIP);
            -if y { p.ln() } else { (1.0 - p).ln() }
        })
        .sum::<f64>()
        / n;
    let brier = p
        .iter()
        .zip(y)
        .map(|(&p, &y)| (p - f64::from(u8::from(y))).powi(2))
        .sum::<f64>()
        / n;
    Metrics {
        rows: p.len(),
        auc: auc(p, y),
        log_loss,
        brier,
        calibration: calibration(p, y),
        calibration_deciles: deciles(p, y),
    }
}

/// The Mann–Whitney AUC: the chance a random positive scores above a random negative, ties
/// counting half. `None` without both outcomes.
pub fn auc(p: &[f64], y: &[bool]) -> Option<f64> {
    let positives = y.iter().filter(|&&v| v).count();
    let negatives = y.len() - positives;
    if positives == 0 || negatives == 0 {
        return None;
    }
    let mut order: Vec<usize> = (0..p.len()).collect();
    order.sort_by(|&a, &b| p[a].total_cmp(&p[b]));
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && p[order[j + 1]] == p[order[i]] {
            j += 1;
        }
        let mean_rank = (i + j) as f64 / 2.0 + 1.0;
        rank_sum += mean_rank * order[i..=j].iter().filter(|&&k| y[k]).count() as f64;
        i = j + 1;
    }
    let pos = positives as f64;
    Some((rank_sum - pos * (pos + 1.0) / 2.0) / (pos * negatives as f64))
}

fn calibration(p: &[f64], y: &[bool]) -> Vec<CalibrationBin> {
    let mut sums = vec![(0usize, 0.0, 0usize); CALIBRATION_BINS];
    for (&p, &y) in p.iter().zip(y) {
        let bin = ((p * CALIBRATION_BINS as f64) as usize).min(CALIBRATION_BINS - 1);
        sums[bin].0 += 1;
        sums[bin].1 += p;
        sums[bin].2 += usize::from(y);
    }
    sums.into_iter()
        .enumerate()
        .map(|(i, (count, p_sum, hits))| CalibrationBin {
            from: i as f64 / CALIBRATION_BINS as f64,
            to: (i + 1) as f64 / CALIBRATION_BINS as f64,
            count,
            mean_predicted: (count > 0).then(|| p_sum / count as f64),
            observed_rate: (count > 0).then(|| hits as f64 / count as f64),
        })
        .collect()
}

fn deciles(p: &[f64], y: &[bool]) -> Vec<CalibrationBin> {
    let mut order: Vec<usize> = (0..p.len()).collect();
    order.sort_by(|&a, &b| p[a].total_cmp(&p[b]));
    let n = order.len();
    (0..CALIBRATION_BINS)
        .map(|k| &order[k * n / CALIBRATION_BINS..(k + 1) * n / CALIBRATION_BINS])
        .filter(|group| !group.is_empty())
        .map(|group| {
            let count = group.len();
            let hits = group.iter().filter(|&&i| y[i]).count();
            CalibrationBin {
                from: p[group[0]],
                to: p[group[count - 1]],
                count,
                mean_predicted: Some(group.iter().map(|&i| p[i]).sum::<f64>() / count as f64),
                observed_rate: Some(hits as f64 / count as f64),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_on_a_hand_made_example_counts_ties_half() {
        // Positives 0.9, 0.4, 0.35; negatives 0.8, 0.4, 0.1. Pairs won by the positive:
        // 0.9 beats all 3; 0.4 beats 0.1 and ties 0.4 (½); 0.35 beats 0.1. (3 + 1.5 + 1) / 9.
        let p = [0.9, 0.8, 0.4, 0.4, 0.35, 0.1];
        let y = [true, false, true, false, true, false];
        assert!((auc(&p, &y).unwrap() - 5.5 / 9.0).abs() < 1e-12);
        assert_eq!(auc(&[0.2, 0.3], &[true, true]), None);
    }

    #[test]
    fn log_loss_brier_and_bins_by_hand() {
        let m = metrics(&[0.8, 0.25, 1.0], &[true, false, false]);
        let want_loss = -(0.8f64.ln() + 0.75f64.ln() + (1.0 - (1.0 - 1e-15f64)).ln()) / 3.0;
        assert!((m.log_loss - want_loss).abs() < 1e-9);
        assert!((m.brier - (0.04 + 0.0625 + 1.0) / 3.0).abs() < 1e-12);
        assert_eq!(m.calibration.len(), 10);
        assert_eq!(m.calibration[2].count, 1);
        assert_eq!(m.calibration[8].observed_rate, Some(1.0));
        assert_eq!(m.calibration[9].mean_predicted, Some(1.0));
        assert_eq!(m.calibration[9].observed_rate, Some(0.0));
        assert_eq!(m.calibration[0].mean_predicted, None);
    }

    #[test]
    fn deciles_split_the_rows_by_prediction_into_near_equal_groups() {
        // 20 rows, p = 0.00, 0.05, …, 0.95; every third row is a positive.
        let p: Vec<f64> = (0..20).map(|i| f64::from(i) / 20.0).collect();
        let y: Vec<bool> = (0..20).map(|i| i % 3 == 0).collect();
        let deciles = metrics(&p, &y).calibration_deciles;
        assert_eq!(deciles.len(), 10);
        assert!(deciles.iter().all(|d| d.count == 2));
        assert_eq!((deciles[0].from, deciles[0].to), (0.0, 0.05));
        assert_eq!(deciles[0].mean_predicted, Some(0.025));
        assert_eq!(
            deciles[0].observed_rate,
            Some(0.5),
            "rows 0 and 1: one positive"
        );
        assert_eq!(deciles[1].observed_rate, Some(0.5), "rows 2 and 3: row 3");
        assert_eq!(deciles[9].to, 0.95);
        let few = metrics(&[0.9, 0.1, 0.5], &[true, false, true]).calibration_deciles;
        assert_eq!(few.iter().map(|d| d.count).sum::<usize>(), 3);
        assert_eq!(few[0].from, 0.1, "sorted by prediction");
    }
}
