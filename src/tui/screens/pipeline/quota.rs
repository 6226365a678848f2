//! With `t`, a pane of quota attainment per team and rep over the board's right side; j/k,
//! PgUp/PgDn and Home/End scroll it while it is open, and its title says which rows show.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table};

use crate::domain::Money;
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::screens::pipeline::PipelineState;
use crate::tui::screens::pipeline::kpi_strip::percent;

/// Rows of the pane (teams, then reps), or 0 while the KPIs are being computed.
fn row_count(pipeline: &PipelineState) -> usize {
    pipeline
        .kpis
        .as_ref()
        .map_or(0, |b| b.quota.teams.len() + b.quota.reps.len())
}

/// Scrolls the open pane for `command` in a terminal of `size`; false when `command` does not
/// scroll it.
pub fn scroll(pipeline: &mut PipelineState, size: (u16, u16), command: Command) -> bool {
    let page = layout::quota_rows(size);
    let last = row_count(pipeline).saturating_sub(page);
    let at = pipeline.quota_scroll.min(last);
    pipeline.quota_scroll = match command {
        Command::Down => (at + 1).min(last),
        Command::Up => at.saturating_sub(1),
        Command::PageDown => (at + page).min(last),
        Command::PageUp => at.saturating_sub(page),
        Command::Top => 0,
        Command::Bottom => last,
        _ => return false,
    };
    true
}

/// The pane's title: which rows show of how many, and the keys.
fn title(first: usize, shown: usize, total: usize) -> String {
    if shown >= total {
        " Quota attainment (t closes) ".to_string()
    } else {
        format!(
            " Quota attainment {}–{} of {total} · j/k PgDn scroll · t closes ",
            first + 1,
            first + shown
        )
    }
}

/// Draws the quota attainment pane over the right part of the board `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let rect = layout::quota_pane(area);
    frame.render_widget(Clear, rect);
    let Some(board) = &app.pipeline.kpis else {
        let block = Block::bordered()
            .title(Span::styled(title(0, 0, 0), theme.accent))
            .border_style(theme.border);
        frame.render_widget(
            Paragraph::new("computing…").style(theme.muted).block(block),
            rect,
        );
        return;
    };
    let teams = board.quota.teams.iter().map(|t| {
        row(
            format!("Team {}", t.team),
            t.won_value,
            t.quota,
            t.attainment,
        )
        .style(theme.header)
    });
    let reps = board
        .quota
        .reps
        .iter()
        .map(|r| row(format!("  {}", r.name), r.won_value, r.quota, r.attainment));
    let all: Vec<Row> = teams.chain(reps).collect();
    let total = all.len();
    let visible = usize::from(rect.height.saturating_sub(3));
    let first = app.pipeline.quota_scroll.min(total.saturating_sub(visible));
    let rows: Vec<Row> = all.into_iter().skip(first).take(visible).collect();
    let block = Block::bordered()
        .title(Span::styled(title(first, rows.len(), total), theme.accent))
        .border_style(theme.border);
    let header = Row::new(["", "Won", "Quota", "Attained"]).style(theme.muted);
    let widths = [
        Constraint::Min(20),
        Constraint::Length(9),
        Constraint::Length(9),
        Constraint::Length(9),
    ];
    frame.render_widget(Table::new(rows, widths).header(header).block(block), rect);
}

/// One team's or rep's row.
fn row(name: String, won: Money, quota: Option<Money>, attainment: Option<f64>) -> Row<'static> {
    Row::new([
        Cell::from(name),
        Cell::from(Line::from(won.compact()).right_aligned()),
        Cell::from(Line::from(quota_text(quota)).right_aligned()),
        Cell::from(Line::from(percent(attainment)).right_aligned()),
    ])
}

/// A quota as the table shows it: compact money, or "no quota" for a rep or team without one.
fn quota_text(quota: Option<Money>) -> String {
    quota.map_or_else(|| "no quota".to_string(), |q| q.compact())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_names_the_rows_shown_only_when_some_are_hidden() {
        assert_eq!(title(0, 5, 5), " Quota attainment (t closes) ");
        assert_eq!(
            title(10, 20, 40),
            " Quota attainment 11–30 of 40 · j/k PgDn scroll · t closes "
        );
    }
}
