//! The win probability on the pipeline board: a card's "win 62%", and one line under the board
//! with the selected deal's probability and the three factors that moved it most — one line
//! because every column is only about 14 cells wide at 80×24, too narrow for the factors.
//! When the model cannot be trusted (held-out AUC under 0.6, or too few closed deals to fit)
//! the card shows its stage rate instead ("stage 25%") and the line says why; otherwise the line
//! gives the model's held-out AUC ("win 62% (AUC 0.78): …").

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::analytics::scoring::{Contribution, MIN_HOLDOUT_AUC, Score};
use crate::db::board::Card;
use crate::tui::app::App;

/// The win model's score of an open deal, if the last fit has one.
pub fn score(app: &App, deal_id: i64) -> Option<&Score> {
    app.scores.set.as_ref()?.win.score_of(deal_id)
}

/// Why the desk shows stage rates instead of the model's scores: the model has no scores, or
/// its held-out AUC is under [`MIN_HOLDOUT_AUC`]. `None` while fitting or when it is trusted.
pub fn distrust(app: &App) -> Option<String> {
    let set = app.scores.set.as_ref()?;
    match &set.win.model {
        Err(why) => Some(format!("no win model: {why}")),
        Ok(m) if !m.trusted() => Some(match m.holdout_metrics.as_ref().and_then(|h| h.auc) {
            Some(auc) => format!(
                "win model no better than a coin (held-out AUC {auc:.2} < {MIN_HOLDOUT_AUC})"
            ),
            None => "win model's held-out AUC cannot be measured".into(),
        }),
        Ok(_) => None,
    }
}

/// The stage rate (the deal's own probability, else its stage's) as a percentage.
fn stage_rate(app: &App, card: &Card) -> f64 {
    app.pipeline.probability(card) as f64 / 100.0
}

/// "win 62%" for a card, when the model scored that deal; "stage 25%" when the model is not
/// trusted and the stage rate stands in.
pub fn card_win(app: &App, card: &Card) -> Option<String> {
    if distrust(app).is_some() {
        return Some(format!("stage {:.0}%", stage_rate(app, card)));
    }
    score(app, card.id).map(|s| format!("win {:.0}%", s.probability * 100.0))
}

/// A design column as a manager reads it: `stage_reached=Proposal` → "stage Proposal",
/// `rep=11 Ingrid Martinez` → "rep Ingrid Martinez", `cycle_days` → "days open".
fn factor_name(column: &str) -> String {
    let Some((feature, level)) = column.split_once('=') else {
        return match column {
            "ln_amount" => "amount",
            "cycle_days" => "days open",
            "prior_won_ln" => "prior Won revenue",
            other => other,
        }
        .replace('_', " ");
    };
    let feature = feature.strip_suffix("_reached").unwrap_or(feature);
    let level = match level.split_once(' ') {
        Some((id, name)) if id.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => level,
    };
    format!("{feature} {level}")
}

/// One factor with its arrow and logit: "↓ days open −0.51".
pub fn factor(c: &Contribution) -> String {
    let arrow = if c.logit > 0.0 { '↑' } else { '↓' };
    format!("{arrow} {} {:+.2}", factor_name(&c.column), c.logit)
}

/// What the line under the board says about the selected deal.
fn selected_text(app: &App) -> String {
    let Some(card) = app.pipeline.selected_card() else {
        return String::new();
    };
    if card.closed_on.is_some() {
        let outcome = app.pipeline.catalogue.name(card.stage);
        return format!("{outcome} · closed, no win probability");
    }
    if app.scores.set.is_none() {
        return "win probability: fitting the model…".into();
    };
    if let Some(why) = distrust(app) {
        return format!("stage {:.0}% · {why}", stage_rate(app, card));
    }
    let quality = app
        .scores
        .set
        .as_ref()
        .and_then(|set| set.win.model.as_ref().ok()?.holdout_metrics.as_ref())
        .and_then(|h| Some(format!(" (AUC {:.2})", h.auc?)))
        .unwrap_or_default();
    match score(app, card.id) {
        Some(s) => {
            let factors: Vec<String> = s.top.iter().map(factor).collect();
            format!(
                "win {:.0}%{quality}: {}",
                s.probability * 100.0,
                factors.join(", ")
            )
        }
        None => "no win probability yet: the deal is newer than the model (refitting)".into(),
    }
}

/// Draws the selected deal's line into `area`.
pub fn draw_selected(app: &App, frame: &mut Frame, area: Rect) {
    let text = selected_text(app);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(text, app.theme.muted))),
        area,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn design_columns_read_as_plain_words() {
        assert_eq!(factor_name("stage_reached=Proposal"), "stage Proposal");
        assert_eq!(factor_name("rep=11 Ingrid Martinez"), "rep Ingrid Martinez");
        assert_eq!(factor_name("product=(none)"), "product (none)");
        assert_eq!(factor_name("cycle_days"), "days open");
        assert_eq!(factor_name("size=mid"), "size mid");
        let c = Contribution {
            column: "activities".into(),
            logit: -0.304,
        };
        assert_eq!(factor(&c), "↓ activities -0.30");
    }
}
