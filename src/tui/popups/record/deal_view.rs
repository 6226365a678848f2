//! The rows of a deal's record: its facts, its win probability with the factors behind it (or
//! the stage rate, and why, when the model cannot be trusted), stage history, activities, tasks
//! and changes.

use ratatui::text::{Line, Span};

use super::rows::{self, Fact, Row};
use crate::db::reads::DealRecord;
use crate::tui::app::App;
use crate::tui::effects::RecordRef;
use crate::tui::screens::pipeline::{category, deal_score};
use crate::tui::widgets::text::{count, fit};

/// The title bar's words.
pub fn title(record: &DealRecord) -> String {
    format!("Deal #{} · {}", record.id, record.title)
}

/// Every row of the deal's record at `width` cells.
pub fn rows(app: &App, record: &DealRecord, width: usize) -> Vec<Row> {
    let theme = &app.theme;
    let name = |pair: &Option<(i64, String)>| {
        pair.as_ref()
            .map_or_else(|| "none".to_string(), |(_, n)| n.clone())
    };
    let mut customer = Fact::new(theme, "Customer", name(&record.customer));
    customer.target = record
        .customer
        .as_ref()
        .map(|(id, _)| RecordRef::Customer(*id));
    let dates = &app.config.display.date_format;
    let stage = match (&record.closed_on, &record.lost_reason) {
        (Some(on), Some(reason)) if record.stage == "Lost" => {
            format!("Lost on {} · {reason}", dates.show(*on))
        }
        (Some(on), _) => format!("{} on {}", record.stage, dates.show(*on)),
        (None, _) if app.pipeline.catalogue.pipelines().len() > 1 => {
            format!("{} · {}", record.stage, record.pipeline)
        }
        (None, _) => record.stage.clone(),
    };
    let age = match (record.age_days, record.closed_on) {
        (Some(days), Some(_)) => format!("{} to close", count(days, "day")),
        (Some(days), None) => count(days, "day"),
        (None, _) => "unknown (no created date)".to_string(),
    };
    let mut close = Fact::new(
        theme,
        "Closes",
        rows::day(record.expected_close_on, &app.config.display.date_format),
    );
    if record.slipped
        && let Some(expected) = record.expected_close_on
    {
        let late = (app.as_of - expected).num_days();
        close.value = format!("{expected} · slipped {}", count(late, "day"));
        close.style = theme.warning;
    } else if record.expected_close_on.is_none() && record.closed_on.is_none() {
        close.value = "no date set".to_string();
        close.style = theme.warning;
    }
    let in_stage = record
        .days_in_stage
        .map_or_else(|| "—".to_string(), |d| count(d, "day"));
    let catalogue = &app.pipeline.catalogue;
    let stage_now = catalogue.stage_named(record.pipeline_id, &record.stage);
    let overridden = record
        .category_override
        .as_deref()
        .and_then(|c| c.parse().ok());
    let category_words = stage_now
        .and_then(|s| category::in_force(app, record.id, s, record.probability_bp, overridden))
        .map_or_else(|| "none".to_string(), category::words);
    let list = vec![
        customer,
        Fact::new(theme, "Owner", name(&record.owner)),
        Fact::new(theme, "Product", name(&record.product)),
        Fact::new(theme, "Amount", record.amount.to_string()),
        Fact::new(theme, "Stage", stage),
        Fact::new(theme, "In stage", in_stage),
        close,
        Fact::new(theme, "Age", age),
        Fact::new(theme, "Category", category_words),
    ];
    let mut out = rows::facts(theme, list, width.min(rows::FACTS_WIDTH));
    out.extend(win(app, record, width));
    out.extend(stages(app, record));
    out.extend(rows::story(
        theme,
        &record.activities,
        &record.tasks,
        &record.history,
        &app.config.display.date_format,
        width,
    ));
    out
}

/// The stage rate the desk counts an open deal with: its own probability, else its stage's.
fn stage_rate(app: &App, record: &DealRecord) -> f64 {
    let bp = record.probability_bp.unwrap_or_else(|| {
        app.pipeline
            .catalogue
            .stage_named(record.pipeline_id, &record.stage)
            .map_or(0, |s| app.pipeline.default_probability(s))
    });
    bp as f64 / 100.0
}

/// The win probability and, when the model scored the deal, its top factors one to a row.
fn win(app: &App, record: &DealRecord, width: usize) -> Vec<Row> {
    let theme = &app.theme;
    let label = Span::styled(fit("Win", 10), theme.muted);
    let say = |text: String| {
        rows::wrap(&text, width.saturating_sub(10))
            .into_iter()
            .enumerate()
            .map(|(i, part)| {
                let lead = if i == 0 {
                    label.clone()
                } else {
                    Span::raw(" ".repeat(10))
                };
                Row::plain(Line::from(vec![lead, Span::raw(part)]))
            })
            .collect::<Vec<_>>()
    };
    if record.closed_on.is_some() {
        return say(format!("none: the deal is {}", record.stage));
    }
    let Some(set) = app.scores.set.as_ref() else {
        return say("fitting the model…".to_string());
    };
    if let Some(why) = deal_score::distrust(app) {
        return say(format!(
            "{:.0}% (the stage rate, not a model: {why})",
            stage_rate(app, record)
        ));
    }
    let Some(score) = deal_score::score(app, record.id) else {
        return say("not scored yet: the deal is newer than the model (refitting)".to_string());
    };
    let quality = set
        .win
        .model
        .as_ref()
        .ok()
        .and_then(|m| m.holdout_metrics.as_ref()?.auc)
        .map_or_else(String::new, |auc| format!(", held-out AUC {auc:.2}"));
    let mut out = say(format!(
        "{:.0}% (model{quality}; stage rate {:.0}%)",
        score.probability * 100.0,
        stage_rate(app, record)
    ));
    if !score.top.is_empty() {
        out.push(Row::plain(Line::from(vec![
            Span::raw(" ".repeat(10)),
            Span::styled("top factors (their push in log-odds):", theme.muted),
        ])));
    }
    for c in &score.top {
        out.push(Row::plain(Line::from(vec![
            Span::raw(" ".repeat(10)),
            Span::styled(deal_score::factor(c), theme.muted),
        ])));
    }
    out
}

/// The stage moves, oldest first.
fn stages(app: &App, record: &DealRecord) -> Vec<Row> {
    let theme = &app.theme;
    let mut out = rows::heading(theme, "Stage history".to_string()).to_vec();
    let first = record
        .stages
        .first()
        .map_or(Some(&record.stage), |s| s.from.as_ref());
    if let Some(created) = record.created_on {
        let entered = first.map_or(String::new(), |stage| format!(" in {stage}"));
        out.push(Row::plain(Line::from(format!(
            "  {}  created{entered}",
            app.config.display.date_format.show(created)
        ))));
    } else if record.stages.is_empty() {
        out.push(rows::none(theme, "no stage changes recorded"));
    }
    for step in &record.stages {
        let moved = match &step.from {
            Some(from) => format!("{from} → {}", step.to),
            None => format!("entered {}", step.to),
        };
        out.push(Row::plain(Line::from(format!(
            "  {:<10}  {moved}",
            rows::day(step.on, &app.config.display.date_format)
        ))));
    }
    out
}
