//! The two lines above the board: the period's sales KPIs, then stage conversion and days in
//! stage. With `t`, a pane of quota attainment per rep and team takes the board's right side.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table};

use crate::db::board::CardSort;
use crate::domain::{Money, group_thousands};
use crate::tui::app::App;
use crate::tui::screens::pipeline::filter::filter_label;

fn percent(ratio: Option<f64>) -> String {
    ratio.map_or_else(|| "—".into(), |r| format!("{:.0}%", r * 100.0))
}

fn days(d: Option<f64>) -> String {
    d.map_or_else(|| "—".into(), |d| format!("{d:.0}d"))
}

fn initial(stage: crate::domain::Stage) -> &'static str {
    &stage.as_str()[..1]
}

/// Which deals the strip's figures reflect: the filter narrows the cards and the column
/// totals, while the KPIs always count every deal of the period.
fn scope(p: &crate::tui::screens::pipeline::PipelineState) -> String {
    let label = filter_label(p);
    if p.filter == crate::db::board::BoardFilter::default() {
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
    let head = Span::styled(
        format!("{} ({from} – {to})  ", p.period_kind.label()),
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
                    scope(&app.pipeline)
                ),
                theme.muted,
            ));
            vec![first, second]
        }
    };
    frame.render_widget(Paragraph::new(lines), area);
}

/// Draws the quota attainment pane over the right part of `area`.
pub fn draw_quota(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let rect = crate::tui::layout::quota_pane(area);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Span::styled(" Quota attainment (t closes) ", theme.accent))
        .border_style(theme.border);
    let Some(board) = &app.pipeline.kpis else {
        frame.render_widget(
            Paragraph::new("computing…").style(theme.muted).block(block),
            rect,
        );
        return;
    };
    let mut rows: Vec<Row> = board
        .quota
        .teams
        .iter()
        .map(|t| {
            Row::new([
                Cell::from(format!("Team {}", t.team)),
                Cell::from(Line::from(t.won_value.compact()).right_aligned()),
                Cell::from(Line::from(quota_text(t.quota)).right_aligned()),
                Cell::from(Line::from(percent(t.attainment)).right_aligned()),
            ])
            .style(theme.header)
        })
        .collect();
    rows.extend(board.quota.reps.iter().map(|r| {
        Row::new([
            Cell::from(format!("  {}", r.name)),
            Cell::from(Line::from(r.won_value.compact()).right_aligned()),
            Cell::from(Line::from(quota_text(r.quota)).right_aligned()),
            Cell::from(Line::from(percent(r.attainment)).right_aligned()),
        ])
    }));
    let header = Row::new(["", "Won", "Quota", "Attained"]).style(theme.muted);
    let widths = [
        Constraint::Min(20),
        Constraint::Length(9),
        Constraint::Length(9),
        Constraint::Length(9),
    ];
    frame.render_widget(Table::new(rows, widths).header(header).block(block), rect);
}

/// What the sort key says on the strip.
pub fn sort_label(sort: CardSort) -> &'static str {
    match sort {
        CardSort::Amount => "by amount",
        CardSort::CloseDate => "by close date",
    }
}

/// A quota as the table shows it: compact money, or "no quota" for a rep or team without one.
fn quota_text(quota: Option<Money>) -> String {
    quota.map_or_else(|| "no quota".to_string(), |q| q.compact())
}
