//! Models watched over time: each month the win-probability and propensity models are fitted on
//! what was known at the month start and scored on what happened next (AUC, Brier score, mean
//! predicted against observed rate). The last month is compared with the held-out figures of
//! the model the desk fits today, and a warning is raised when it is worse by more than a margin.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;

pub use super::margins::{DEFAULT_MONTHS, Margins};
use crate::analytics::scoring::{Metrics, ScoringSettings, TrainingSet, metrics, train};

/// One month's scoring of a model on what happened next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthScore {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Rows scored (outcomes that became known).
    pub rows: usize,
    /// Of those, outcome 1.
    pub positives: usize,
    /// AUC; `None` without both outcomes or without a model.
    pub auc: Option<f64>,
    /// Brier score; `None` without rows or without a model.
    pub brier: Option<f64>,
    /// Mean predicted probability; `None` without rows or without a model.
    pub mean_predicted: Option<f64>,
    /// Observed rate of outcome 1; `None` without rows.
    pub observed_rate: Option<f64>,
    /// Why the month has no figures (no model could be fitted at its start), if so.
    pub problem: Option<String>,
}

/// Fits on `fit_on` (what was known at the month start) and scores `scored` against its labels.
pub fn score_month(
    month: String,
    fit_on: &TrainingSet,
    scored: &TrainingSet,
    settings: &ScoringSettings,
) -> MonthScore {
    let rows = scored.labels.len();
    let positives = scored.labels.iter().filter(|&&y| y).count();
    let observed_rate = (rows > 0).then(|| positives as f64 / rows as f64);
    let empty = MonthScore {
        month,
        rows,
        positives,
        auc: None,
        brier: None,
        mean_predicted: None,
        observed_rate,
        problem: None,
    };
    match train(fit_on, settings) {
        Err(problem) => MonthScore {
            problem: Some(problem.to_string()),
            ..empty
        },
        Ok(_) if rows == 0 => empty,
        Ok(model) => {
            let p: Vec<f64> = model
                .score(&scored.features)
                .into_iter()
                .map(|s| s.probability)
                .collect();
            let m = metrics(&p, &scored.labels);
            MonthScore {
                auc: m.auc,
                brier: Some(m.brier),
                mean_predicted: Some(p.iter().sum::<f64>() / rows as f64),
                ..empty
            }
        }
    }
}

/// The rows of `set` whose time (days since the epoch) satisfies `keep`.
pub fn rows_where(set: &TrainingSet, keep: impl Fn(i64) -> bool) -> TrainingSet {
    let rows: Vec<usize> = (0..set.time.len()).filter(|&i| keep(set.time[i])).collect();
    TrainingSet {
        features: set.features.select(&rows),
        labels: rows.iter().map(|&i| set.labels[i]).collect(),
        time: rows.iter().map(|&i| set.time[i]).collect(),
        examples: None,
    }
}

/// The `n` complete calendar months before the month of `as_of`, oldest first, as (first day,
/// last day).
pub fn last_months(as_of: NaiveDate, n: usize) -> Vec<(NaiveDate, NaiveDate)> {
    let this_month = as_of.with_day(1).unwrap_or(as_of);
    (1..=n as u32)
        .rev()
        .filter_map(|back| {
            let first = this_month.checked_sub_months(Months::new(back))?;
            let last = first
                .checked_add_months(Months::new(1))?
                .checked_sub_days(Days::new(1))?;
            Some((first, last))
        })
        .collect()
}

/// The `n` latest month starts whose following `horizon` days have all passed by `as_of`,
/// oldest first.
pub fn month_starts_with_horizon(as_of: NaiveDate, n: usize, horizon: u64) -> Vec<NaiveDate> {
    let Some(last_known) = as_of.checked_sub_days(Days::new(horizon)) else {
        return Vec::new();
    };
    let newest = last_known.with_day(1).unwrap_or(last_known);
    (0..n as u32)
        .rev()
        .filter_map(|back| newest.checked_sub_months(Months::new(back)))
        .collect()
}

/// Days since the epoch of a date, as the scoring rows' time is counted.
pub fn epoch_day(date: NaiveDate) -> i64 {
    date.signed_duration_since(NaiveDate::default()).num_days()
}

/// Win-probability months from one labelled set (time = close day): each month is fitted on
/// the rows closed before its first day and scored on the rows closed within it.
pub fn win_months(
    set: &TrainingSet,
    months: &[(NaiveDate, NaiveDate)],
    settings: &ScoringSettings,
) -> Vec<MonthScore> {
    months
        .iter()
        .map(|&(first, last)| {
            let (from, to) = (epoch_day(first), epoch_day(last));
            score_month(
                first.format("%Y-%m").to_string(),
                &rows_where(set, |t| t < from),
                &rows_where(set, |t| t >= from && t <= to),
                settings,
            )
        })
        .collect()
}

/// One model watched: its months, its held-out figures today, and the warning if any.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelWatch {
    /// `win` or `propensity`.
    pub model: &'static str,
    /// What one month's outcome is.
    pub outcome: &'static str,
    /// Oldest first.
    pub months: Vec<MonthScore>,
    /// Held-out AUC of the model fitted today; `None` without one.
    pub held_out_auc: Option<f64>,
    /// Held-out Brier score of the model fitted today; `None` without one.
    pub held_out_brier: Option<f64>,
    /// Why the last month is worse than held out, when it is by more than the margins.
    pub warning: Option<String>,
}

/// Compares the last month of `months` with the held-out `held` figures.
pub fn watch(
    model: &'static str,
    outcome: &'static str,
    months: Vec<MonthScore>,
    held: Option<&Metrics>,
    margins: &Margins,
) -> ModelWatch {
    let held_out_auc = held.and_then(|m| m.auc);
    let held_out_brier = held.map(|m| m.brier);
    let mut reasons = Vec::new();
    if let Some(last) = months.last() {
        if let (Some(now), Some(then)) = (last.auc, held_out_auc)
            && now < then - margins.auc_margin
        {
            reasons.push(format!(
                "AUC {now:.3} is below the held-out {then:.3} by more than {}",
                margins.auc_margin
            ));
        }
        if let (Some(now), Some(then)) = (last.brier, held_out_brier)
            && now > then + margins.brier_margin
        {
            reasons.push(format!(
                "Brier {now:.3} is above the held-out {then:.3} by more than {}",
                margins.brier_margin
            ));
        }
    }
    let warning = months
        .last()
        .filter(|_| !reasons.is_empty())
        .map(|last| format!("{} model in {}: {}", model, last.month, reasons.join("; ")));
    ModelWatch {
        model,
        outcome,
        months,
        held_out_auc,
        held_out_brier,
        warning,
    }
}

/// What the watch is computed from, as the database reads it as of the desk's date.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WatchRows {
    /// The win-probability training rows today (time = close day); the months are cut from it.
    pub win: TrainingSet,
    /// Complete months to score the win model on, oldest first.
    pub win_months: Vec<(NaiveDate, NaiveDate)>,
    /// The propensity training rows today, for its held-out figures.
    pub propensity: TrainingSet,
    /// Per month start, oldest first: the propensity rows known then (to fit on) and the
    /// customers at that start labelled by what they bought in the horizon after it.
    pub propensity_months: Vec<(NaiveDate, TrainingSet, TrainingSet)>,
}

/// Both models watched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelsWatch {
    /// The margins the warnings use.
    pub margins: Margins,
    /// Win probability, then purchase propensity.
    pub models: Vec<ModelWatch>,
}

impl ModelsWatch {
    /// The warnings raised, one line each.
    pub fn warnings(&self) -> Vec<&str> {
        self.models
            .iter()
            .filter_map(|m| m.warning.as_deref())
            .collect()
    }
}

/// Scores both models month by month and compares the last month with today's held-out figures.
pub fn watch_models(
    rows: &WatchRows,
    settings: &ScoringSettings,
    margins: &Margins,
) -> ModelsWatch {
    let held = |set: &TrainingSet| train(set, settings).ok().and_then(|m| m.holdout_metrics);
    let win = watch(
        "win",
        "deals closed in the month: Won = 1, Lost = 0 (a row per stage they passed)",
        win_months(&rows.win, &rows.win_months, settings),
        held(&rows.win).as_ref(),
        margins,
    );
    let propensity_months = rows
        .propensity_months
        .iter()
        .map(|(start, fit_on, scored)| {
            score_month(start.format("%Y-%m").to_string(), fit_on, scored, settings)
        })
        .collect();
    let propensity = watch(
        "propensity",
        "customers at the month start: a Won deal in the 90 days after it = 1",
        propensity_months,
        held(&rows.propensity).as_ref(),
        margins,
    );
    ModelsWatch {
        margins: *margins,
        models: vec![win, propensity],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::scoring::{Features, Numeric};

    fn held(auc: f64, brier: f64) -> Metrics {
        let mut m = metrics(&[0.5], &[true]);
        m.auc = Some(auc);
        m.brier = brier;
        m
    }

    fn month(auc: Option<f64>, brier: Option<f64>) -> MonthScore {
        MonthScore {
            month: "2026-11".into(),
            rows: 10,
            positives: 5,
            auc,
            brier,
            mean_predicted: Some(0.5),
            observed_rate: Some(0.5),
            problem: None,
        }
    }

    #[test]
    fn complete_months_before_the_as_of_month() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            last_months(d(2026, 3, 4), 2),
            vec![
                (d(2026, 1, 1), d(2026, 1, 31)),
                (d(2026, 2, 1), d(2026, 2, 28))
            ]
        );
        assert_eq!(
            month_starts_with_horizon(d(2026, 12, 4), 2, 90),
            vec![d(2026, 8, 1), d(2026, 9, 1)]
        );
    }

    #[test]
    fn warns_only_beyond_the_margins() {
        let m = Margins::default();
        let h = held(0.80, 0.15);
        let ok = watch("win", "", vec![month(Some(0.76), Some(0.17))], Some(&h), &m);
        assert_eq!(ok.warning, None);
        let bad_auc = watch("win", "", vec![month(Some(0.74), Some(0.17))], Some(&h), &m);
        assert!(bad_auc.warning.unwrap().contains("AUC 0.740"));
        let bad_brier = watch("win", "", vec![month(Some(0.80), Some(0.19))], Some(&h), &m);
        assert!(bad_brier.warning.unwrap().contains("Brier 0.190"));
        let no_held = watch("win", "", vec![month(Some(0.5), Some(0.5))], None, &m);
        assert_eq!(no_held.warning, None);
    }

    /// A model fitted on a perfectly separating feature ranks the next month perfectly
    /// (AUC 1); a month whose outcomes run against the feature has AUC 0 and a Brier score
    /// near 1; the month's observed rate is counted.
    #[test]
    fn a_month_scored_on_what_happened_next() {
        let set = |x: Vec<f64>, y: Vec<bool>, t: Vec<i64>| TrainingSet {
            features: Features {
                numeric: vec![Numeric {
                    name: "x".into(),
                    values: x,
                }],
                categorical: Vec::new(),
            },
            labels: y,
            time: t,
            examples: None,
        };
        let n = 200;
        let x: Vec<f64> = (0..n).map(|i| f64::from(i % 2) * 2.0 - 1.0).collect();
        let y: Vec<bool> = (0..n).map(|i| i % 2 == 1).collect();
        let settings = ScoringSettings {
            lambda: 0.01,
            min_won: 10,
            min_lost: 10,
            ..ScoringSettings::default()
        };
        let fit_on = set(x, y, (0..n).map(i64::from).collect());
        let same = set(
            vec![-1.0, 1.0, 1.0, -1.0],
            vec![false, true, true, false],
            vec![0; 4],
        );
        let s = score_month("2026-11".into(), &fit_on, &same, &settings);
        assert_eq!((s.rows, s.positives, s.auc), (4, 2, Some(1.0)));
        assert!(s.brier.unwrap() < 0.01);
        assert_eq!(s.observed_rate, Some(0.5));
        let flipped = set(vec![-1.0, 1.0], vec![true, false], vec![0; 2]);
        let s = score_month("2026-11".into(), &fit_on, &flipped, &settings);
        assert_eq!(s.auc, Some(0.0));
        assert!(s.brier.unwrap() > 0.98);
        let months = win_months(
            &set(
                fit_on.features.numeric[0].values.clone(),
                fit_on.labels.clone(),
                vec![0; n as usize],
            ),
            &[(NaiveDate::default(), NaiveDate::default())],
            &settings,
        );
        assert!(
            months[0].problem.is_some(),
            "nothing closed before the month"
        );
        assert_eq!(months[0].rows, n as usize);
    }
}
