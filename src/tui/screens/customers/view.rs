//! The customers screen: a virtual table (only the visible rows are built), a search and filter
//! line, and the detail pane and filter editor when open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Cell, Paragraph, Row, Scrollbar, ScrollbarOrientation, ScrollbarState, Table, Wrap,
};

use crate::db::customers::CustomerRow;
use crate::domain::display_text::shown;
use crate::domain::group_thousands;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::screens::customers::{Column, CustomersState, Detail, FilterField};
use crate::tui::screens::customers::{detail, filter_view};

/// Draws the customers screen into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let state = &app.customers;
    let areas = layout::customer_areas(area, state.detail != Detail::Closed);
    draw_info(app, frame, areas.info);
    draw_table(app, frame, areas.table);
    if let Some(detail) = areas.detail {
        detail::draw(app, frame, detail);
    }
    if let Some(field) = state.filter_editor {
        filter_view::draw(app, field, frame, area);
    }
}

fn draw_info(app: &App, frame: &mut Frame, area: Rect) {
    let state = &app.customers;
    let theme = &app.theme;
    let mut left = Vec::new();
    if state.searching {
        left.push(Span::styled("/", theme.accent));
        left.push(Span::raw(state.query.clone()));
        left.push(Span::styled("▏", theme.accent));
    } else if !state.query.is_empty() {
        left.push(Span::styled("search ", theme.muted));
        left.push(Span::raw(format!("“{}”", state.query)));
    } else {
        left.push(Span::styled(
            format!(
                "{} search",
                app.keymap.keys_label(
                    crate::tui::keymap::Context::Customers,
                    crate::tui::action::Command::StartSearch
                )
            ),
            theme.muted,
        ));
    }
    for field in FilterField::ALL {
        if state.filter.get(field).is_some() {
            left.push(Span::styled(
                format!("  {} ", field.title().to_lowercase()),
                theme.muted,
            ));
            left.push(Span::raw(state.filter_label(field).to_string()));
        }
    }
    if let Some(only) = &state.only {
        left.push(Span::styled("  only ", theme.muted));
        left.push(Span::raw(only.label.clone()));
    }
    let arrow = if state.sort.descending { "↓" } else { "↑" };
    let mut right = format!(
        "sort {} {arrow}  {} of {} ",
        state.sort.column.title(),
        group_thousands(state.visible_len() as u128),
        group_thousands(state.index.total as u128)
    );
    if !state.index.complete {
        right = format!(
            "loading all {} customers…  {right}",
            group_thousands(state.index.total as u128)
        );
    }
    let right_width =
        u16::try_from(unicode_width::UnicodeWidthStr::width(right.as_str())).unwrap_or(u16::MAX);
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(right_width)]).areas(area);
    frame.render_widget(Paragraph::new(Line::from(left)), left_area);
    frame.render_widget(
        Paragraph::new(Span::styled(right, theme.muted)).right_aligned(),
        right_area,
    );
}

fn draw_table(app: &App, frame: &mut Frame, area: Rect) {
    let state = &app.customers;
    let theme = &app.theme;
    let block = Block::bordered()
        .title(Span::styled(" Customers ", theme.accent))
        .border_style(theme.border);
    if state.visible_len() == 0 {
        let text = empty_text(state);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.muted)
                .wrap(Wrap { trim: true }),
            inner.inner(Margin::new(1, 1)),
        );
        return;
    }
    let columns = columns_for(area.width);
    let header = Row::new(columns.iter().map(|(column, _)| {
        let title = if *column == state.sort.column {
            format!(
                "{} {}",
                column.title(),
                if state.sort.descending { "▼" } else { "▲" }
            )
        } else {
            column.title().to_string()
        };
        aligned(title, right_aligned(*column))
    }))
    .style(theme.header);
    let rows_shown = usize::from(layout::customer_rows(area).height);
    let rows = (state.offset..(state.offset + rows_shown).min(state.visible_len())).filter_map(
        |position| {
            let row = state.visible_row(position)?;
            let cells = columns
                .iter()
                .map(|(column, _)| aligned(cell_text(state, row, *column), right_aligned(*column)));
            let style = if position == state.selected {
                theme.selected
            } else {
                theme.text
            };
            Some(Row::new(cells).style(style))
        },
    );
    let table = Table::new(rows, columns.iter().map(|(_, width)| *width))
        .header(header)
        .column_spacing(1)
        .block(block);
    frame.render_widget(table, area);
    if state.visible_len() > rows_shown {
        let mut scroll = ScrollbarState::new(state.visible_len().saturating_sub(rows_shown))
            .position(state.offset);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight).style(theme.border),
            area.inner(Margin::new(0, 1)),
            &mut scroll,
        );
    }
}

fn empty_text(state: &CustomersState) -> String {
    if state.index.total == 0 {
        "No customers yet. Fill the book with `salesdesk demo`, or import a file.".to_string()
    } else if state.query.is_empty() {
        "No customer passes the filter. Press f to change it.".to_string()
    } else {
        format!(
            "No customer name contains “{}”. Esc clears the search.",
            state.query
        )
    }
}

/// Cells of the money columns; wider amounts show compact rather than cut.
const MONEY_WIDTH: usize = 13;

/// The columns that fit in `width`: industry, then region, give way on narrow terminals.
fn columns_for(width: u16) -> Vec<(Column, Constraint)> {
    let all = [
        (Column::Name, Constraint::Min(16)),
        (Column::Industry, Constraint::Length(16)),
        (Column::Region, Constraint::Length(7)),
        (Column::Owner, Constraint::Length(16)),
        (Column::OpenPipeline, Constraint::Length(MONEY_WIDTH as u16)),
        (Column::Revenue12m, Constraint::Length(MONEY_WIDTH as u16)),
        (Column::LastActivity, Constraint::Length(13)),
    ];
    all.into_iter()
        .filter(|(column, _)| match column {
            Column::Industry => width >= 116,
            Column::Region => width >= 90,
            _ => true,
        })
        .collect()
}

fn right_aligned(column: Column) -> bool {
    matches!(column, Column::OpenPipeline | Column::Revenue12m)
}

fn aligned(text: String, right: bool) -> Cell<'static> {
    let line = Line::from(text);
    Cell::from(if right { line.right_aligned() } else { line })
}

fn cell_text(state: &CustomersState, row: &CustomerRow, column: Column) -> String {
    let label = |list: &[String], i: u32| list.get(i as usize).cloned().unwrap_or_default();
    match column {
        Column::Name => shown(&row.name).into_owned(),
        Column::Industry => label(&state.index.industries, row.industry),
        Column::Region => label(&state.index.regions, row.region),
        Column::Owner => row
            .owner
            .and_then(|o| state.index.owners.get(o as usize))
            .map_or_else(|| "—".to_string(), |o| shown(&o.name).into_owned()),
        Column::OpenPipeline => row.open_pipeline.fitted(MONEY_WIDTH),
        Column::Revenue12m => row.revenue_12m.fitted(MONEY_WIDTH),
        Column::LastActivity => row
            .last_activity
            .map_or_else(|| "—".to_string(), |d| d.format("%Y-%m-%d").to_string()),
    }
}
