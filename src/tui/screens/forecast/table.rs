//! The Forecast screen's side table: the model's coefficients, fit, backtest against the
//! seasonal-naive baseline, and a warning when a bound goes below zero.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::analytics::forecast::{ErrorMetrics, FittedSeries, SeriesForecast};
use crate::domain::Money;
use crate::tui::app::App;

/// Draws the table of `shown` into `area`.
pub fn draw(app: &App, shown: &SeriesForecast, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let block = Block::bordered()
        .title(Span::styled(" Model ", theme.accent))
        .border_style(theme.border);
    let mut lines = Vec::new();
    if let Some(series) = &shown.series {
        lines.push(Line::from(format!(
            "{} months {}…{}",
            series.values.len(),
            series.start,
            series.last()
        )));
    }
    match &shown.model {
        Ok(model) => model_lines(app, model, &mut lines),
        Err(problem) => lines.push(Line::from(Span::styled(problem.to_string(), theme.warning))),
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn model_lines(app: &App, model: &FittedSeries, lines: &mut Vec<Line<'static>>) {
    let theme = &app.theme;
    let fit = &model.fit;
    if let Some(row) = model.forecast.iter().find(|r| r.pi95_lo < 0.0) {
        let which = if row.pi80_lo < 0.0 { "80%" } else { "95%" };
        lines.push(Line::from(Span::styled(
            format!("{which} band below $0 from {} (not clamped)", row.month),
            theme.warning,
        )));
    }
    let seasonal = if fit.columns.len() > 2 {
        " + month"
    } else {
        ""
    };
    lines.push(Line::from(format!("OLS: trend{seasonal}, df {}", fit.df)));
    lines.push(Line::from(Span::styled(
        format!("{:<8}{:>12}{:>12}", "", "coef", "std err"),
        theme.header,
    )));
    for ((name, coef), se) in fit
        .columns
        .iter()
        .zip(&fit.coefficients)
        .zip(&fit.standard_errors)
    {
        lines.push(Line::from(format!(
            "{name:<8}{:>12}{:>12}",
            money(*coef),
            money(*se)
        )));
    }
    let ratio = |v: Option<f64>| v.map_or("n/a".to_string(), |v| format!("{v:.3}"));
    lines.push(Line::from(format!(
        "R² {}  adj. R² {}  s {}",
        ratio(fit.r2),
        ratio(fit.adj_r2),
        money(fit.s2.sqrt())
    )));
    match &model.backtest {
        Some(bt) => {
            lines.push(Line::from(Span::styled(
                format!("Backtest {} origins, h 1–{}", bt.origins, bt.steps),
                theme.header,
            )));
            lines.push(Line::from(format!("{:<8}{:>12}{:>12}", "", "MAE", "MAPE")));
            lines.push(error_line("model", &bt.model));
            lines.push(error_line("naive", &bt.seasonal_naive));
        }
        None => lines.push(Line::from("Backtest: too little history")),
    }
    lines.push(Line::from(Span::styled(
        format!("{:<8}{:>12}{:>24}", "month", "forecast", "80% interval"),
        theme.header,
    )));
    for row in &model.forecast {
        lines.push(Line::from(format!(
            "{:<8}{:>12}{:>24}",
            row.month.to_string(),
            money(row.mean),
            format!("{} – {}", money(row.pi80_lo), money(row.pi80_hi))
        )));
    }
}

fn error_line(name: &str, metrics: &ErrorMetrics) -> Line<'static> {
    let mape = metrics
        .mape
        .map_or("n/a".to_string(), |m| format!("{:.1}%", m * 100.0));
    Line::from(format!("{name:<8}{:>12}{mape:>12}", money(metrics.mae)))
}

fn money(cents: f64) -> String {
    Money(cents.round() as i64).compact()
}
