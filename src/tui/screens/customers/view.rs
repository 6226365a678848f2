//! The customers screen: the virtual table (only the visible rows are built), a search and filter
//! line, and the detail pane and filter editor when open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::config::DateFormat;
use crate::db::customers::CustomerRow;
use crate::domain::display_text::shown;
use crate::domain::{Money, group_thousands};
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::screens::customers::{Column, CustomersState, Detail, FilterField};
use crate::tui::screens::customers::{detail, filter_view};
use crate::tui::widgets::columns::FitColumn;
use crate::tui::widgets::table::{TableStyles, VirtualTable};

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
    let rows_shown = usize::from(layout::customer_rows(area).height);
    let positions: Vec<usize> =
        (state.offset..(state.offset + rows_shown).min(state.visible_len())).collect();
    let shown_rows: Vec<&CustomerRow> = positions
        .iter()
        .filter_map(|&position| state.visible_row(position))
        .collect();
    let columns: Vec<FitColumn> = Column::ALL
        .into_iter()
        .map(|column| fit_column(state, &app.config.display.date_format, &shown_rows, column))
        .collect();
    let table = VirtualTable {
        columns: &columns,
        total: Some(state.visible_len()),
        first: state.offset,
        loaded: vec![true; shown_rows.len()],
        marked: None,
        cursor: state.selected,
        title: " Customers ".into(),
        empty: empty_text(state),
        styles: TableStyles {
            text: theme.text,
            header: theme.header,
            cursor: theme.selected,
            muted: theme.muted,
            border: theme.border,
        },
    };
    frame.render_widget(table, area);
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

/// How far a text column may grow: a long name is ellipsised there, not given half the screen.
fn text_max(column: Column) -> u16 {
    match column {
        Column::Name => 36,
        Column::Industry | Column::Owner => 20,
        _ => 16,
    }
}

/// Which columns give way first when the table does not fit (lower first; the name never).
fn priority(column: Column) -> u8 {
    match column {
        Column::Name => 0,
        Column::Region => 1,
        Column::Industry => 2,
        Column::LastActivity => 3,
        Column::Owner => 4,
        Column::Revenue12m => 5,
        Column::OpenPipeline => 6,
    }
}

/// The header of `column` in full and short form, the sort arrow after the sorted one's title;
/// text columns keep room for the arrow (their widths do not jump when the sort changes).
fn headers(state: &CustomersState, column: Column) -> (String, String) {
    let short = match column {
        Column::OpenPipeline => "Pipeline",
        Column::Revenue12m => "Rev 12m",
        Column::LastActivity => "Last act.",
        other => other.title(),
    };
    let arrow = match (column == state.sort.column, state.sort.descending) {
        (false, _) if right_aligned(column) => "",
        (false, _) => "  ",
        (true, true) => " ▼",
        (true, false) => " ▲",
    };
    (
        format!("{}{arrow}", column.title()),
        format!("{short}{arrow}"),
    )
}

/// One column laid out from the rows on screen: amounts in full, or compact when they do not fit.
fn fit_column(
    state: &CustomersState,
    dates: &DateFormat,
    rows: &[&CustomerRow],
    column: Column,
) -> FitColumn {
    let (full, short) = headers(state, column);
    let money = |amount: fn(&CustomerRow) -> Money| {
        let whole = rows.iter().map(|r| amount(r).whole()).collect();
        let compact = rows.iter().map(|r| amount(r).compact()).collect();
        FitColumn::number((&full, &short), whole, compact, priority(column))
    };
    match column {
        Column::OpenPipeline => money(|r| r.open_pipeline),
        Column::Revenue12m => money(|r| r.revenue_12m),
        _ => {
            let cells = rows
                .iter()
                .map(|r| cell_text(state, dates, r, column))
                .collect();
            let mut fitted = FitColumn::text(&full, cells, priority(column), text_max(column));
            fitted.header.1 = short;
            fitted
        }
    }
}

fn right_aligned(column: Column) -> bool {
    matches!(column, Column::OpenPipeline | Column::Revenue12m)
}

fn cell_text(
    state: &CustomersState,
    dates: &DateFormat,
    row: &CustomerRow,
    column: Column,
) -> String {
    let label = |list: &[String], i: u32| list.get(i as usize).cloned().unwrap_or_default();
    match column {
        Column::Name => shown(&row.name).into_owned(),
        Column::Industry => label(&state.index.industries, row.industry),
        Column::Region => label(&state.index.regions, row.region),
        Column::Owner => row
            .owner
            .and_then(|o| state.index.owners.get(o as usize))
            .map_or_else(|| "—".to_string(), |o| shown(&o.name).into_owned()),
        Column::OpenPipeline => row.open_pipeline.whole(),
        Column::Revenue12m => row.revenue_12m.whole(),
        Column::LastActivity => row
            .last_activity
            .map_or_else(|| "—".to_string(), |d| dates.show(d)),
    }
}
