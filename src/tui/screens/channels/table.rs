//! The Channels screen's table: current vs advised spend, revenue and marginal return per
//! channel, laid out from its content so that no amount is ever cut.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Cell, Row, Table};

use crate::analytics::channels::ChannelPlan;
use crate::domain::Money;
use crate::tui::app::App;
use crate::tui::widgets::columns::{FitColumn, fit_columns};
use crate::worker::ChannelsModel;

/// Whole dollars from a dollar amount, `$12,346`.
pub(super) fn whole(dollars: f64) -> String {
    Money((dollars * 100.0).round() as i64).whole()
}

/// Three significant figures, `$12.3k`.
pub(super) fn compact(dollars: f64) -> String {
    Money((dollars * 100.0).round() as i64).compact()
}

/// Draws the table of channels into `area`.
pub(super) fn draw(app: &App, model: &ChannelsModel, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let state = &app.channels;
    let plan = state.plan.as_ref().and_then(|p| p.as_ref().ok());
    let rows: Vec<Option<&ChannelPlan>> = (0..model.fitted.len())
        .map(|i| plan.and_then(|p| p.channels.get(i)))
        .collect();
    let money_column =
        |header: (&str, &str), priority: u8, value: &dyn Fn(usize) -> Option<f64>| {
            let cells = |f: fn(f64) -> String| -> Vec<String> {
                (0..rows.len())
                    .map(|i| value(i).map_or("-".to_string(), f))
                    .collect()
            };
            FitColumn::number(header, cells(whole), cells(compact), priority)
        };
    let roi_column = |header: (&str, &str), priority: u8, value: &dyn Fn(usize) -> Option<f64>| {
        let cells: Vec<String> = (0..rows.len())
            .map(|i| value(i).map_or("-".to_string(), |v| format!("{v:.2}")))
            .collect();
        FitColumn::number(header, cells.clone(), cells, priority)
    };
    let columns = vec![
        FitColumn::text(
            "Channel",
            model.fitted.iter().map(|c| c.name.clone()).collect(),
            0,
            24,
        ),
        FitColumn::text(
            "Curve",
            model
                .fitted
                .iter()
                .map(|c| match &c.fit {
                    Ok(fit) => fit.family().name().to_string(),
                    Err(_) => "not fitted".to_string(),
                })
                .collect(),
            2,
            12,
        ),
        money_column(("Spend now", "Now"), 9, &|i| {
            Some(model.fitted[i].current_spend)
        }),
        money_column(("Advised", "Advised"), 9, &|i| {
            rows[i].map(|r| r.recommended_spend)
        }),
        FitColumn::text(
            "Bounds",
            (0..rows.len())
                .map(|i| {
                    state.bounds.get(i).map_or("-".into(), |b| {
                        format!("{}–{}", compact(b.lo), compact(b.hi))
                    })
                })
                .collect(),
            3,
            u16::MAX,
        ),
        money_column(("Revenue now", "Rev now"), 6, &|i| {
            rows[i].and_then(|r| r.current_revenue)
        }),
        money_column(("Advised rev", "Rev adv"), 7, &|i| {
            rows[i].and_then(|r| r.recommended_revenue)
        }),
        roi_column(("ROI now", "ROI"), 4, &|i| {
            rows[i].and_then(|r| r.current_marginal)
        }),
        roi_column(("ROI adv", "ROI adv"), 5, &|i| {
            rows[i].and_then(|r| r.recommended_marginal)
        }),
    ];
    let fitted = fit_columns(&columns, area.width, 1);
    let header = Row::new(
        fitted
            .padded_header(&columns)
            .into_iter()
            .map(|h| Cell::from(h).style(theme.header)),
    );
    let table_rows = (0..rows.len()).map(|i| {
        let style = if i == state.selected {
            theme.selected
        } else if model.fitted[i].fit.is_err() {
            theme.muted
        } else {
            theme.text
        };
        Row::new(fitted.padded_row(&columns, i).into_iter().map(Cell::from)).style(style)
    });
    let widths = fitted.kept_widths().into_iter().map(Constraint::Length);
    frame.render_widget(Table::new(table_rows, widths).header(header), area);
}
