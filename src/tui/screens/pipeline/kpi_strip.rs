//! The two lines above the board: the period's sales KPIs, then stage conversion and days in
//! stage.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::db::board::CardSort;
use crate::domain::group_thousands;
use crate::tui::app::App;
use crate::tui::screens::pipeline::filter::filter_label;

/// A ratio as a whole percent, or — when there is none.
pub fn percent(ratio: Option<f64>) -> String {
    ratio.map_or_else(|| "—".into(), |r| format!("{:.0}%", r * 100.0))
}

fn days(d: Option<f64>) -> String {
    d.map_or_else(|| "—".into(), |d| format!("{d:.0}d"))
}

fn initial(stage: crate::domain::Stage) -> &'static str {
    &stage.as_str()[..1]
}

/// Draws the strip into `area` (two lines).
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let p = &app.pipeline;
    let (from, to) = p.period;
    let head = Span::styled(
        format!(
            "{} ({} – {})  ",
            p.period_kind.label(),
            app.config.display.date_format.show(from),
            app.config.display.date_format.show(to)
        ),
        theme.header,
    );
    let lines = match &p.kpis {
        None => vec![
            Line::from(vec![head, Span::styled("computing KPIs…", theme.muted)]),
            Line::from(Span::styled(
                format!(
                    "cards {} · {}",
                    sort_label(p.sort),
                    filter_label(&app.pipeline)
                ),
                theme.muted,
            )),
        ],
        Some(board) => {
            let k = &board.kpis;
            let first = Line::from(vec![
                head,
                Span::raw(format!(
                    "win rate {} ({}/{} won) · avg won {} · cycle {} mean {} median · velocity {}/day",
                    percent(k.win_rate),
                    group_thousands(k.won.into()),
                    group_thousands((k.won + k.lost).into()),
                    k.average_won_deal
                        .map_or_else(|| "—".into(), |m| m.compact()),
                    days(k.cycle_days_mean),
                    days(k.cycle_days_median),
                    k.velocity_per_day
                        .map_or_else(|| "—".into(), |m| m.compact()),
                )),
            ]);
            let conversions: Vec<String> = k
                .conversions
                .iter()
                .map(|c| format!("{}→{} {}", initial(c.from), initial(c.to), percent(c.rate)))
                .collect();
            let dwell: Vec<String> = k
                .days_in_stage
                .iter()
                .map(|d| format!("{} {}", initial(d.stage), days(d.mean_days)))
                .collect();
            let unused = if k.conversions.iter().any(|c| c.unused) {
                " (— stage never used)"
            } else {
                ""
            };
            let second = Line::from(Span::styled(
                format!(
                    "conversion {}{unused} · days in stage {} · cards {} · {} · t quotas",
                    conversions.join(" "),
                    dwell.join(" "),
                    sort_label(p.sort),
                    filter_label(&app.pipeline)
                ),
                theme.muted,
            ));
            vec![first, second]
        }
    };
    frame.render_widget(Paragraph::new(lines), area);
}

/// What the sort key says on the strip.
pub fn sort_label(sort: CardSort) -> &'static str {
    match sort {
        CardSort::Amount => "by amount",
        CardSort::CloseDate => "by close date",
    }
}
