//! The Forecast screen: bookings history, the fitted line, the forecast with its 80% and 95%
//! prediction bands and the weighted open pipeline as a chart, beside a table of the model's
//! coefficients, fit and backtest.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Wrap};

use crate::analytics::forecast::{FittedSeries, MonthlySeries, SeriesForecast};
use crate::chart::ForecastLines;
use crate::domain::Money;
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::screens::forecast::table;

/// Width of the side table.
const TABLE_WIDTH: u16 = 46;

/// Draws the Forecast screen into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let state = &app.forecast;
    let groups = state.groups();
    let title = match state.shown() {
        Some(shown) => format!(
            " Forecast · {} · {} ({} of {}) ",
            state.breakdown,
            shown.name,
            state.selected + 1,
            groups.len()
        ),
        None => format!(" Forecast · {} ", state.breakdown),
    };
    let block = Block::bordered()
        .title(Span::styled(title, app.theme.accent))
        .border_style(app.theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [main, hints] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    let [chart_area, table_area] =
        Layout::horizontal([Constraint::Min(20), Constraint::Length(TABLE_WIDTH)]).areas(main);
    match state.shown() {
        Some(shown) => {
            match (&shown.series, &shown.model) {
                (Some(series), Ok(model)) => {
                    draw_chart(app, shown, series, model, frame, chart_area)
                }
                (_, model) => {
                    let why = model
                        .as_ref()
                        .err()
                        .map_or_else(|| "no bookings".to_string(), ToString::to_string);
                    draw_message(
                        app,
                        &format!("{}: {why}. Nothing to forecast yet.", shown.name),
                        frame,
                        chart_area,
                    )
                }
            }
            table::draw(app, shown, frame, table_area);
        }
        None if app.jobs.is_running(crate::worker::JobKind::Forecast) => {
            draw_message(app, "fitting forecasts…", frame, chart_area);
        }
        None if state.set.is_some() => {
            draw_message(
                app,
                &format!("no {} to forecast", state.breakdown),
                frame,
                chart_area,
            );
        }
        None => draw_message(app, "no forecast yet", frame, chart_area),
    }
    draw_hints(app, frame, hints);
}

fn draw_message(app: &App, text: &str, frame: &mut Frame, area: Rect) {
    let paragraph = Paragraph::new(Line::from(Span::styled(
        text.to_string(),
        app.theme.warning,
    )))
    .wrap(Wrap { trim: true });
    frame.render_widget(paragraph, area.inner(ratatui::layout::Margin::new(2, 1)));
}

/// The key hints and the horizon, from the key table.
fn draw_hints(app: &App, frame: &mut Frame, area: Rect) {
    let keys = |command| {
        let label = app.keymap.keys_label(Context::Forecast, command);
        label.split('/').next().unwrap_or_default().to_string()
    };
    let text = format!(
        " {} breakdown · {}/{} group · {}/{} horizon: {} months · ? help",
        keys(Command::CycleBreakdown),
        keys(Command::Down),
        keys(Command::Up),
        keys(Command::LongerHorizon),
        keys(Command::ShorterHorizon),
        app.forecast.horizon,
    );
    frame.render_widget(Paragraph::new(text).style(app.theme.muted), area);
}

fn draw_chart(
    app: &App,
    shown: &SeriesForecast,
    series: &MonthlySeries,
    model: &FittedSeries,
    frame: &mut Frame,
    area: Rect,
) {
    let lines = ForecastLines::new(series, model, &shown.pipeline);
    let pens = Pens::for_theme(app);
    let [legend_area, area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(
        Paragraph::new(pens.legend(shown.pipeline_undated)),
        legend_area,
    );
    let n = series.values.len();
    let end = n - 1 + model.forecast.len();
    let line = |data, style, marker| {
        Dataset::default()
            .data(data)
            .graph_type(GraphType::Line)
            .marker(marker)
            .style(style)
    };
    let datasets = vec![
        line(&lines.pi95[0][..], pens.pi95, PI95_MARKER),
        line(&lines.pi95[1][..], pens.pi95, PI95_MARKER),
        line(&lines.pi80[0][..], pens.pi80, Marker::Braille),
        line(&lines.pi80[1][..], pens.pi80, Marker::Braille),
        Dataset::default()
            .data(&lines.pipeline)
            .graph_type(GraphType::Bar)
            .marker(Marker::Block)
            .style(pens.pipeline),
        line(&lines.fitted[..], pens.fitted, Marker::Braille),
        line(&lines.history[..], pens.history, Marker::Braille),
        line(&lines.mean[..], pens.forecast, Marker::Braille),
    ];
    let [y_lo, y_hi] = lines.y_bounds();
    let money = |cents: f64| Span::raw(Money(cents.round() as i64).compact());
    let month = |i: usize| Span::raw(series.start.plus(i as i32).to_string());
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .style(app.theme.muted)
                .bounds([0.0, end as f64])
                .labels([month(0), month(n - 1), month(end)]),
        )
        .y_axis(
            Axis::default()
                .style(app.theme.muted)
                .bounds([y_lo, y_hi])
                .labels([money(y_lo), money((y_lo + y_hi) / 2.0), money(y_hi)]),
        )
        .legend_position(None);
    frame.render_widget(chart, area);
}

/// The 95% band is dotted so it reads apart from the 80% band without colour.
const PI95_MARKER: Marker = Marker::Dot;

/// The style of each line, from the theme (plain under `NO_COLOR`, where the markers still differ).
struct Pens {
    history: Style,
    fitted: Style,
    forecast: Style,
    pi80: Style,
    pi95: Style,
    pipeline: Style,
}

impl Pens {
    fn for_theme(app: &App) -> Pens {
        let t = &app.theme;
        Pens {
            history: t.chart_history,
            fitted: t.chart_fit,
            forecast: t.chart_forecast,
            pi80: t.chart_band80,
            pi95: t.chart_band95,
            pipeline: t.chart_pipeline,
        }
    }

    /// The legend: a sample and a name per line of the chart, on one row above it, then the
    /// weighted pipeline of open deals with no expected close date (when there is any), which
    /// no month of the chart can show.
    fn legend(&self, undated: i64) -> Line<'static> {
        let entries = [
            ("⠒⠒", self.history, "bookings"),
            ("⠒⠒", self.fitted, "fit"),
            ("⠒⠒", self.forecast, "forecast"),
            ("⠒⠒", self.pi80, "80% PI"),
            ("••", self.pi95, "95% PI"),
            ("█", self.pipeline, "weighted pipeline"),
        ];
        Line::from(
            entries
                .into_iter()
                .flat_map(|(sample, style, name)| {
                    [Span::styled(format!(" {sample} "), style), Span::raw(name)]
                })
                .chain(
                    (undated != 0)
                        .then(|| Span::raw(format!(" · undated {}", Money(undated).compact()))),
                )
                .collect::<Vec<_>>(),
        )
    }
}
