//! The two lines above the board: the period's sales KPIs, then stage conversion and days in
//! stage.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::db::board::CardSort;
use unicode_width::UnicodeWidthStr;

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

/// A stage name's first letter (of the stage, not of the pipeline in "Renewals · Due"), for the
/// strip's short conversion and dwell lists.
fn initial(name: &str) -> String {
    let stage = name.rsplit(" · ").next().unwrap_or(name);
    stage.chars().next().map_or_else(String::new, String::from)
}

/// Which deals the strip's figures reflect: the filter narrows the cards and the column
/// totals, while the KPIs always count every deal of the period.
fn scope(p: &crate::tui::screens::pipeline::PipelineState) -> String {
    let label = filter_label(p);
    if p.is_unfiltered() {
        label
    } else {
        format!("cards and totals: {label}; KPIs: every deal")
    }
}

/// Draws the strip into `area` (two lines).
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let p = &app.pipeline;
    let (from, to) = p.period;
    // With several pipelines the strip begins with the one shown.
    let shown = if p.catalogue.pipelines().len() > 1 {
        format!("{} · ", p.scope_name())
    } else {
        String::new()
    };
    let head = Span::styled(
        format!(
            "{shown}{} ({} – {})  ",
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
                format!("cards {} · {}", sort_label(p.sort), scope(&app.pipeline)),
                theme.muted,
            )),
        ],
        Some(board) => {
            let k = &board.kpis;
            let win = percent(k.win_rate);
            let won = group_thousands(k.won.into());
            let closed = group_thousands((k.won + k.lost).into());
            let avg = k
                .average_won_deal
                .map_or_else(|| "—".into(), |m| m.compact());
            let (mean, median) = (days(k.cycle_days_mean), days(k.cycle_days_median));
            let velocity = k
                .velocity_per_day
                .map_or_else(|| "—".into(), |m| m.compact());
            let width = usize::from(area.width);
            let label = format!("{shown}{}  ", p.period_kind.label());
            let first = [
                (
                    head.content.to_string(),
                    format!(
                        "win rate {win} ({won}/{closed} won) · avg won {avg} · cycle {mean} mean {median} median · velocity {velocity}/day"
                    ),
                ),
                (
                    label.clone(),
                    format!(
                        "win rate {win} ({won}/{closed} won) · avg won {avg} · cycle {mean} mean {median} median · velocity {velocity}/day"
                    ),
                ),
                (
                    label.clone(),
                    format!(
                        "win rate {win} · avg won {avg} · cycle {mean} mean {median} median · velocity {velocity}/day"
                    ),
                ),
                (
                    label.clone(),
                    format!(
                        "win {win} · avg won {avg} · cycle {mean}/{median} · velocity {velocity}/d"
                    ),
                ),
                (
                    label,
                    format!("win {win} · avg {avg} · cycle {mean} · vel {velocity}/d"),
                ),
            ];
            let (head_text, rest) = first
                .iter()
                .find(|(h, r)| h.width() + r.width() <= width)
                .unwrap_or(&first[first.len() - 1]);
            let first = Line::from(vec![
                Span::styled(head_text.clone(), theme.header),
                Span::raw(rest.clone()),
            ]);
            let conversions: Vec<String> = k
                .conversions
                .iter()
                .map(|c| {
                    let (from, to) = (initial(&c.from_name), initial(&c.to_name));
                    format!("{from}→{to} {}", percent(c.rate))
                })
                .collect();
            let dwell: Vec<String> = k
                .days_in_stage
                .iter()
                .map(|d| format!("{} {}", initial(&d.name), days(d.mean_days)))
                .collect();
            let unused = if k.conversions.iter().any(|c| c.unused) {
                " (— stage never used)"
            } else {
                ""
            };
            let (conversions, dwell) = (conversions.join(" "), dwell.join(" "));
            let cards = format!("cards {} · {}", sort_label(p.sort), scope(&app.pipeline));
            let second = [
                format!(
                    "conversion {conversions}{unused} · days in stage {dwell} · {cards} · t quotas"
                ),
                format!("conversion {conversions}{unused} · days in stage {dwell} · {cards}"),
                format!("conversion {conversions}{unused} · days in stage {dwell}"),
                format!("conv. {conversions}{unused} · days {dwell}"),
            ];
            let second = second
                .iter()
                .find(|line| line.width() <= width)
                .unwrap_or(&second[second.len() - 1]);
            let second = Line::from(Span::styled(second.clone(), theme.muted));
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
