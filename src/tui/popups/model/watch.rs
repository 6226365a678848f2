//! `:model`'s watch: each model fitted at each of the last months' start and scored on what
//! happened next, against today's held-out figures, with the warning when the last month is
//! worse by more than the `[monitor]` margins.

use crate::analytics::monitor::models::{ModelWatch, ModelsWatch};
use crate::domain::group_thousands;

/// The watch's lines: the warnings first, then a table per model.
pub fn lines(watch: &ModelsWatch) -> Vec<String> {
    let mut out = vec![
        "Watched month by month (fitted at the month start, scored on what happened next)"
            .to_string(),
    ];
    for warning in watch.warnings() {
        out.push(format!("  warning: {warning}"));
    }
    for model in &watch.models {
        out.extend(model_lines(model));
    }
    out.push(format!(
        "  a warning when the last month's AUC is more than {} below held out or its Brier more than {} above ([monitor] in the config)",
        watch.margins.auc_margin, watch.margins.brier_margin
    ));
    out
}

fn model_lines(model: &ModelWatch) -> Vec<String> {
    let num = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{v:.3}"));
    let pct = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{:.1}%", v * 100.0));
    let mut out = vec![
        format!(
            "  {}: held out today AUC {} · Brier {}",
            model.model,
            num(model.held_out_auc),
            num(model.held_out_brier)
        ),
        format!("    outcome: {}", model.outcome),
        format!(
            "    {:<8}{:>8}{:>7}{:>7}{:>11}{:>10}",
            "month", "rows", "AUC", "Brier", "predicted", "observed"
        ),
    ];
    for m in &model.months {
        let row = format!(
            "    {:<8}{:>8}{:>7}{:>7}{:>11}{:>10}  {}",
            m.month,
            group_thousands(m.rows as u128),
            num(m.auc),
            num(m.brier),
            pct(m.mean_predicted),
            pct(m.observed_rate),
            m.problem.as_deref().unwrap_or("")
        );
        out.push(row.trim_end().to_string());
    }
    out
}
