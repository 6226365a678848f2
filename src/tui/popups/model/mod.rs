//! `:model`: how far the desk's two models can be trusted, in words a manager can check: the
//! held-out AUC, Brier score and log-loss of the latest fit, whether the desk uses its scores or
//! falls back to stage rates, the calibration by deciles of the predictions (predicted against
//! observed), the columns left out and the training ranges scores are capped to; then both
//! models watched month by month (see [`watch`]).

pub mod watch;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::analytics::scoring::{MIN_HOLDOUT_AUC, Model, Scored, ScoringSet};
use crate::domain::group_thousands;
use crate::tui::app::App;
use crate::tui::popups::history::overlay;
use crate::tui::scores::refit_after;

/// The popup's lines for both models of `set`.
pub fn lines(set: &ScoringSet) -> Vec<String> {
    let mut out = model_lines("Win probability of open deals", &set.win);
    out.push(String::new());
    out.extend(model_lines(
        "Purchase propensity of customers (a Won deal in the next 90 days)",
        &set.propensity,
    ));
    out
}

fn model_lines(title: &str, scored: &Scored) -> Vec<String> {
    let mut out = vec![title.to_string()];
    let model = match &scored.model {
        Ok(model) => model,
        Err(why) => {
            out.push(format!("  no model: {why}"));
            return out;
        }
    };
    out.push(format!(
        "  {} positive and {} negative examples; fitted on the earliest {} rows",
        group_thousands(model.positives as u128),
        group_thousands(model.negatives as u128),
        group_thousands(model.train_rows as u128)
    ));
    let Some(held) = &model.holdout_metrics else {
        out.push("  no held-out rows: the model's quality cannot be measured".into());
        return out;
    };
    let auc = held
        .auc
        .map_or("not measurable".into(), |a| format!("{a:.3}"));
    out.push(format!(
        "  held out (the latest {} rows): AUC {auc} · Brier {:.3} · log-loss {:.3}",
        group_thousands(held.rows as u128),
        held.brier,
        held.log_loss
    ));
    out.push(if model.trusted() {
        format!("  used: the held-out AUC reaches {MIN_HOLDOUT_AUC}")
    } else {
        format!(
            "  not used: no better than a coin (held-out AUC under {MIN_HOLDOUT_AUC}); the desk shows stage rates"
        )
    });
    out.push("  calibration by deciles of the predictions:".into());
    out.push(format!(
        "    {:<14}{:>16}{:>10}{:>8}",
        "predictions", "mean predicted", "observed", "rows"
    ));
    for bin in &held.calibration_deciles {
        let pct = |v: Option<f64>| v.map_or("—".into(), |v| format!("{:.1}%", v * 100.0));
        out.push(format!(
            "    {:<14}{:>16}{:>10}{:>8}",
            format!("{:.1}–{:.1}%", bin.from * 100.0, bin.to * 100.0),
            pct(bin.mean_predicted),
            pct(bin.observed_rate),
            group_thousands(bin.count as u128)
        ));
    }
    out.extend(left_out_and_caps(model));
    out
}

fn left_out_and_caps(model: &Model) -> Vec<String> {
    let mut out = Vec::new();
    if !model.spec.dropped.is_empty() {
        out.push(format!(
            "  left out (never vary on the fitted rows): {}",
            model.spec.dropped.join(", ")
        ));
    }
    for range in &model.ranges.0 {
        out.push(format!(
            "  {} capped to its training 1st–99th percentile, {:.2} to {:.2}",
            range.name, range.low, range.high
        ));
    }
    out
}

/// What changed since the latest fit: deals changed one at a time are scored with its model,
/// and the models refit once [`refit_after`] of them have changed.
fn since_fit(changed: usize, open_scored: usize) -> String {
    let refit = refit_after(open_scored);
    match changed {
        0 => format!(
            "Fitted on the book as it is. After {refit} changed deals the models refit; `:refit` refits now."
        ),
        n => format!(
            "{n} {} changed since the fit, scored with its model; the models refit after {refit} (`:refit` now). Purchase propensities wait for the refit.",
            if n == 1 { "deal" } else { "deals" }
        ),
    }
}

/// Draws the popup over `area`, scrolled by `scroll` lines.
pub fn draw(app: &App, scroll: u16, frame: &mut Frame, area: Rect) {
    let (rect, block) = overlay(app, frame, area, " Models — j/k scroll, Esc closes ");
    let warnings = app.scores.watch.iter().flat_map(|w| w.warnings());
    let mut text: Vec<String> = warnings.map(|w| format!("Warning: {w}")).collect();
    text.extend(match &app.scores.set {
        Some(set) => {
            let mut out = vec![since_fit(app.scores.changed.len(), set.win.scores.len())];
            out.extend(lines(set));
            out
        }
        None => vec!["The models are still fitting.".into()],
    });
    text.push(String::new());
    match &app.scores.watch {
        Some(w) => text.extend(watch::lines(w)),
        None => text.push("The models are still being scored month by month.".into()),
    }
    let text: Vec<Line> = text.into_iter().map(Line::from).collect();
    frame.render_widget(
        Paragraph::new(text)
            .style(app.theme.text)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(block),
        rect,
    );
}
