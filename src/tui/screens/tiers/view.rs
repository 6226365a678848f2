//! The Tiers screen: customers by ABC tier of value V = R × P × L and by RFM segment as bar
//! charts, each with a table of counts, value and value share, and the tier moves since the end
//! of the previous quarter.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Row, Table};

use crate::analytics::value::{GroupSummary, Tier, TiersOverview};
use crate::domain::{Money, group_thousands};
use unicode_width::UnicodeWidthStr;

use crate::analytics::value::retention_and_lifetime;
use crate::tui::app::App;
use crate::tui::layout::{self, TierAreas};
use crate::tui::widgets::columns::{FitColumn, fit_columns};

/// Draws the Tiers screen into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let title = match &app.tiers.overview {
        Some(o) => {
            let title = |brief| {
                format!(
                    " Tiers · as of {} · {} ",
                    o.report.as_of,
                    retention_and_lifetime(o.report.retention, o.report.lifetime_years, brief)
                )
            };
            let full = title(false);
            if full.width() + 2 <= usize::from(area.width) {
                full
            } else {
                title(true)
            }
        }
        None => " Tiers ".into(),
    };
    let mut block = Block::bordered()
        .title(Span::styled(title, theme.accent))
        .border_style(theme.border);
    if let Some(note) = app
        .tiers
        .overview
        .as_ref()
        .and_then(|o| o.report.basis_note())
    {
        block = block.title_bottom(Span::styled(format!(" {note} "), theme.warning));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(overview) = &app.tiers.overview else {
        frame.render_widget(
            Paragraph::new(Span::styled("Valuing customers…", theme.muted)),
            inner,
        );
        return;
    };
    let TierAreas { abc, rfm, moves } = layout::tier_areas(area);
    let selected = app.tiers.selected;
    let tiers = overview.report.tiers.len();
    draw_groups(
        app,
        "ABC tiers by value",
        &overview.report.tiers,
        Some(selected),
        frame,
        abc,
    );
    draw_groups(
        app,
        "RFM segments",
        &overview.report.segments,
        selected.checked_sub(tiers),
        frame,
        rfm,
    );
    draw_moves(app, overview, frame, moves);
}

/// A bar chart of customers per group above a table of counts, value and share.
/// `selected` is the highlighted row (Enter drills into it), if it is in this table.
fn draw_groups(
    app: &App,
    title: &str,
    groups: &[GroupSummary],
    selected: Option<usize>,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = &app.theme;
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), theme.header))
        .border_style(theme.border);
    frame.render_widget(block, area);
    let [chart, table] = layout::group_parts(area, groups.len());
    let longest = groups
        .iter()
        .map(|g| g.name.chars().count())
        .max()
        .unwrap_or(0);
    let widest = u16::try_from(longest).unwrap_or(u16::MAX).max(9);
    let width = (chart.width / groups.len().max(1) as u16)
        .saturating_sub(1)
        .clamp(1, widest);
    let bars: Vec<Bar> = groups
        .iter()
        .map(|g| {
            Bar::default()
                .value(g.customers as u64)
                .label(Line::from(bar_label(&g.name, usize::from(width))))
                .text_value(g.customers.to_string())
        })
        .collect();
    frame.render_widget(
        BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(width)
            .bar_gap(1)
            .bar_style(theme.accent)
            .value_style(theme.selected),
        chart,
    );
    let columns = [
        FitColumn::text("", groups.iter().map(|g| g.name.clone()).collect(), 0, 12),
        FitColumn::number(
            ("customers", "cust."),
            groups
                .iter()
                .map(|g| group_thousands(g.customers as u128))
                .collect(),
            groups
                .iter()
                .map(|g| group_thousands(g.customers as u128))
                .collect(),
            2,
        ),
        FitColumn::number(
            ("value V", "V"),
            groups
                .iter()
                .map(|g| Money(g.value_cents).whole())
                .collect(),
            groups
                .iter()
                .map(|g| Money(g.value_cents).compact())
                .collect(),
            1,
        ),
        FitColumn::number(
            ("share", "share"),
            groups
                .iter()
                .map(|g| format!("{:.1}%", g.value_share * 100.0))
                .collect(),
            groups
                .iter()
                .map(|g| format!("{:.0}%", g.value_share * 100.0))
                .collect(),
            3,
        ),
    ];
    let fitted = fit_columns(&columns, table.width, 1);
    let rows = (0..groups.len()).map(|i| {
        let row = Row::new(fitted.padded_row(&columns, i));
        if selected == Some(i) {
            row.style(theme.selected)
        } else {
            row
        }
    });
    let widths = fitted.kept_widths().into_iter().map(Constraint::Length);
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(fitted.padded_header(&columns)).style(theme.header)),
        table,
    );
}

/// A bar label of at most `width` characters: the name, or its start marked with "…" when it
/// does not fit, so a shortened label never reads as another word (the table below names it whole).
fn bar_label(name: &str, width: usize) -> String {
    if name.chars().count() <= width {
        return name.to_string();
    }
    let kept: String = name.chars().take(width.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// The 3 × 3 table of tier moves since the end of the previous quarter.
fn draw_moves(app: &App, overview: &TiersOverview, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let moves = &overview.moves;
    let block = Block::bordered()
        .title(Span::styled(
            format!(
                " Tier moves since {} · {} up · {} down ",
                overview.since,
                moves.up(),
                moves.down()
            ),
            theme.header,
        ))
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut rows: Vec<Row> = Tier::ALL
        .iter()
        .zip(moves.counts.iter())
        .map(|(tier, counts)| {
            let mut cells = vec![format!("was {}", tier.label())];
            cells.extend(counts.iter().map(usize::to_string));
            Row::new(cells)
        })
        .collect();
    let mut new = vec!["new".to_string()];
    new.extend(moves.new.iter().map(usize::to_string));
    rows.push(Row::new(new));
    frame.render_widget(
        Table::new(
            rows,
            [
                Constraint::Length(8),
                Constraint::Length(8),
                Constraint::Length(8),
                Constraint::Length(8),
            ],
        )
        .header(Row::new(["", "now A", "now B", "now C"]).style(theme.header)),
        inner,
    );
}
