//! The Channels screen: the budget and what it is predicted to earn, a table of current vs
//! advised spend, revenue and marginal return per channel, and the selected channel's history
//! with its fitted curve and both spends marked on it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, LegendPosition, Paragraph, Wrap};

use crate::analytics::channels::{ChannelPlan, Curve, FittedChannel, Plan};
use crate::domain::Money;
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::layout::{self, ChannelAreas};
use crate::tui::screens::channels::ChannelsState;
use crate::tui::screens::channels::table::{compact, whole};
use crate::worker::ChannelsModel;

/// Points the fitted curve is drawn through.
const CURVE_POINTS: usize = 120;

/// Draws the Channels screen into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let state = &app.channels;
    let block = Block::bordered()
        .title(Span::styled(" Channels ", theme.accent))
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(model) = &state.model else {
        let text = match &state.load_error {
            Some(e) => Span::styled(e.clone(), theme.error),
            None => Span::styled("Fitting the channel curves…", theme.muted),
        };
        frame.render_widget(Paragraph::new(Line::from(text)), inner);
        return;
    };
    if model.fitted.is_empty() {
        let text = "No channels yet. Import channel months (kind channel-months, see \
                    docs/import.md) or make a demo database.";
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.muted)
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let mut notes: Vec<Line> = model
        .fitted
        .iter()
        .filter_map(|c| {
            c.fit.as_ref().err().map(|why| {
                Line::from(Span::styled(
                    format!(" {}: {}", c.name, why.explain()),
                    theme.warning,
                ))
            })
        })
        .collect();
    if let Some(selected) = model.fitted.get(state.selected) {
        notes.extend(super::monitor::lines(&model.checks, &selected.name, theme));
    }
    let ChannelAreas {
        summary,
        table,
        notes: note_area,
        chart,
        footer,
    } = layout::channel_areas(area, model.fitted.len(), notes.len());
    draw_summary(app, model, frame, summary);
    super::table::draw(app, model, frame, table);
    frame.render_widget(Paragraph::new(notes), note_area);
    if let Some(channel) = model.fitted.get(state.selected) {
        let row = state
            .plan
            .as_ref()
            .and_then(|p| p.as_ref().ok())
            .and_then(|p| p.channels.get(state.selected));
        draw_chart(app, channel, row, frame, chart);
    }
    draw_footer(app, model, frame, footer);
}

fn draw_summary(app: &App, model: &ChannelsModel, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let state = &app.channels;
    let now: f64 = model.fitted.iter().map(|c| c.current_spend).sum();
    let first = Line::from(vec![
        Span::styled(" Budget ", theme.muted),
        Span::styled(format!("{} a month", whole(state.budget())), theme.header),
        Span::styled(format!("  (spent now {})", whole(now)), theme.muted),
        Span::styled(
            format!(
                "  · plan for {}",
                model.data.plan_month.as_deref().unwrap_or("-")
            ),
            theme.muted,
        ),
    ]);
    let second = match &state.plan {
        Some(Ok(plan)) => totals_line(app, plan, area.width),
        Some(Err(e)) => Line::from(Span::styled(format!(" {e}"), theme.error)),
        None => Line::default(),
    };
    frame.render_widget(Paragraph::new(vec![first, second]), area);
}

/// The predicted revenue now and advised and the uplift; the marginal return too when it fits
/// in `width` (the table's ROI column shows it anyway).
fn totals_line(app: &App, plan: &Plan, width: u16) -> Line<'static> {
    let theme = &app.theme;
    let sign = if plan.uplift >= 0.0 { "+" } else { "" };
    let mut spans = vec![
        Span::styled(" Predicted revenue ", theme.muted),
        Span::raw(whole(plan.current_revenue)),
        Span::styled(" now → ", theme.muted),
        Span::styled(whole(plan.recommended_revenue), theme.header),
        Span::styled(" advised · uplift ", theme.muted),
        Span::styled(format!("{sign}{}", whole(plan.uplift)), theme.accent),
    ];
    if let Some(mu) = plan.multiplier {
        let extra = format!(" · each extra $1 earns ${mu:.2}");
        if Line::from(spans.clone()).width() + extra.len() <= usize::from(width) {
            spans.push(Span::styled(extra, theme.muted));
        }
    }
    Line::from(spans)
}

/// The selected channel's months, fitted curve and current and advised spend.
fn draw_chart(
    app: &App,
    channel: &FittedChannel,
    row: Option<&ChannelPlan>,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = &app.theme;
    let history: Vec<(f64, f64)> = channel
        .history
        .iter()
        .map(|p| (p.spend, p.revenue))
        .collect();
    let bounds = app.channels.bounds.get(app.channels.selected);
    let x_max = history
        .iter()
        .map(|p| p.0)
        .chain(bounds.map(|b| b.hi).filter(|h| h.is_finite()))
        .chain(row.map(|r| r.recommended_spend))
        .fold(1.0, f64::max)
        * 1.05;
    let fit = channel.fit.as_ref().ok();
    let curve: Vec<(f64, f64)> = fit.map_or_else(Vec::new, |f| {
        (1..=CURVE_POINTS)
            .map(|i| {
                let s = x_max * i as f64 / CURVE_POINTS as f64;
                (s, f.curve.revenue(s))
            })
            .collect()
    });
    let mark = |spend: f64| fit.map(|f| vec![(spend, f.curve.revenue(spend))]);
    let now = mark(channel.current_spend).unwrap_or_default();
    let advised = row
        .and_then(|r| mark(r.recommended_spend))
        .unwrap_or_default();
    let y_max = history
        .iter()
        .chain(&curve)
        .map(|p| p.1)
        .fold(1.0, f64::max)
        * 1.05;
    // Zero at the bottom unless a month lost money; a log curve's plunge near zero spend is cut.
    let y_min = history.iter().map(|p| p.1).fold(0.0, f64::min);
    let datasets = vec![
        dataset(
            "fit",
            Marker::Braille,
            GraphType::Line,
            theme.accent,
            &curve,
        ),
        dataset(
            "months",
            Marker::Dot,
            GraphType::Scatter,
            theme.text,
            &history,
        ),
        dataset(
            "now",
            Marker::Block,
            GraphType::Scatter,
            theme.warning,
            &now,
        ),
        dataset(
            "advised",
            Marker::Bar,
            GraphType::Scatter,
            theme.header,
            &advised,
        ),
    ];
    let title = match &channel.fit {
        Ok(f) => format!(
            " {} · {} · R² {:.2} · ±{} a month ",
            channel.name,
            equation(&f.curve),
            f.r_squared,
            whole(f.residual_se)
        ),
        Err(why) => format!(" {} · {} ", channel.name, why.explain()),
    };
    let chart = Chart::new(datasets)
        .legend_position(Some(LegendPosition::BottomRight))
        .hidden_legend_constraints((Constraint::Ratio(1, 3), Constraint::Ratio(1, 2)))
        .block(
            Block::bordered()
                .title(Span::styled(title, theme.header))
                .border_style(theme.border),
        )
        .x_axis(
            Axis::default()
                .title(Span::styled("spend", theme.muted))
                .bounds([0.0, x_max])
                .labels([compact(0.0), compact(x_max / 2.0), compact(x_max)])
                .style(theme.muted),
        )
        .y_axis(
            Axis::default()
                .title(Span::styled("revenue", theme.muted))
                .bounds([y_min, y_max])
                .labels([compact(y_min), compact(y_max)])
                .style(theme.muted),
        );
    frame.render_widget(chart, area);
}

fn dataset<'a>(
    name: &'static str,
    marker: Marker,
    kind: GraphType,
    style: Style,
    data: &'a [(f64, f64)],
) -> Dataset<'a> {
    Dataset::default()
        .name(name)
        .marker(marker)
        .graph_type(kind)
        .style(style)
        .data(data)
}

/// The curve as a formula with its parameters, `R = -12,000 + 9,800·ln(s)`.
fn equation(curve: &Curve) -> String {
    match *curve {
        Curve::Log { a, b } => format!("R = {} + {}·ln(s)", whole(a), whole(b)),
        Curve::Saturating { c, k } => {
            format!("R = {}·(1 − e^(−s/{}))", whole(c), whole(k))
        }
    }
}

fn draw_footer(app: &App, model: &ChannelsModel, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let state: &ChannelsState = &app.channels;
    let line = match &state.entry {
        Some(entry) => Line::from(vec![
            Span::styled(format!(" {}: ", entry.field.prompt()), theme.accent),
            Span::raw(format!("{}▏", entry.text)),
            Span::styled("  Enter use · Esc cancel", theme.muted),
        ]),
        None => {
            let keys = |c: Command| app.keymap.keys_label(Context::Channels, c);
            let planned: Option<i64> = model
                .data
                .channels
                .iter()
                .map(|c| c.planned.map(|m| m.cents()))
                .sum();
            let mut spans = vec![Span::styled(
                format!(
                    " {} budget · {} {} bounds · {} reset · :apply saves the advised spend for {}",
                    keys(Command::EditBudget),
                    keys(Command::EditLowBound),
                    keys(Command::EditHighBound),
                    keys(Command::ResetChannelBounds),
                    model.data.plan_month.as_deref().unwrap_or("-"),
                ),
                theme.muted,
            )];
            if let Some(cents) = planned {
                spans.push(Span::styled(
                    format!(" (planned now: {})", Money(cents).whole()),
                    theme.muted,
                ));
            }
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}
