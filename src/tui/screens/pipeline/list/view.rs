//! The list view: the saved views with their counts, what the list shows (count, sort, filter,
//! selection), and the virtual table of deals; the bulk popup over it while open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::db::reads::{ListRow, SavedView};
use crate::domain::{LOST_REASONS, group_thousands};
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::layout;
use crate::tui::screens::pipeline::filter::filter_label;
use crate::tui::screens::pipeline::list::bulk::{BulkStep, CATEGORIES, matching_reps};
use crate::tui::screens::pipeline::list::columns::columns;
use crate::tui::screens::pipeline::list::{DealList, view_name, views};
use crate::tui::widgets::popup::{hints, popup};
use crate::tui::widgets::table::{self, TableStyles, VirtualTable};
use crate::tui::widgets::text::{count, fit};

/// The views line, the info line and the table.
fn areas(body: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(body)
}

/// Rows of deals the table shows in a terminal of `size`.
pub fn visible_rows(size: (u16, u16)) -> usize {
    let [_, body, _] = layout::main_areas(Rect::new(0, 0, size.0, size.1));
    let [_, _, table_area] = areas(body);
    table::body_rows(table_area)
}

/// The line of the table's rows (0 the first row shown) at (`column`, `row`) of the screen,
/// when the list is drawn in `body`.
pub fn row_at(body: Rect, column: u16, row: u16) -> Option<usize> {
    let [_, _, table_area] = areas(body);
    let rows = table::rows_area(table_area);
    layout::row_in(rows, column, row)
}

/// The saved views with their counts, the current one highlighted, in `width` cells: padded
/// with a heading where it fits, tighter without it where not, and never a count cut in two —
/// views that do not fit whole are left out behind a "…".
fn views_line(app: &App, list: &DealList, width: u16) -> Line<'static> {
    // The counts are of every open deal; the board's filter narrows only the list itself.
    let heading = if app.pipeline.is_unfiltered() {
        "Views "
    } else {
        "Views (unfiltered) "
    };
    let items: Vec<(String, bool)> = views()
        .map(|view| {
            let count = match (view, &list.counts) {
                (None, _) => String::new(),
                (Some(v), Some(counts)) => counts
                    .iter()
                    .find(|(c, _)| *c == v)
                    .map_or_else(String::new, |(_, n)| {
                        format!(" {}", group_thousands(*n as u128))
                    }),
                (Some(_), None) => " …".into(),
            };
            (format!("{}{count}", view_name(view)), view == list.view)
        })
        .collect();
    let width = usize::from(width);
    let total = |pad: usize, head: usize| {
        head + items
            .iter()
            .map(|(text, _)| text.chars().count() + pad)
            .sum::<usize>()
    };
    let (heading, pad) = if total(2, heading.chars().count()) <= width {
        (heading, 2)
    } else {
        ("", 1)
    };
    let last = items.len().saturating_sub(1);
    let mut spans = vec![Span::styled(heading, app.theme.header)];
    let mut used = heading.chars().count();
    for (i, (text, current)) in items.into_iter().enumerate() {
        let cell = if pad == 2 {
            format!(" {text} ")
        } else {
            format!("{text} ")
        };
        // Room for the "…" unless this is the last view.
        let room = if i == last {
            width
        } else {
            width.saturating_sub(1)
        };
        if used + cell.chars().count() > room {
            spans.push(Span::styled("…", app.theme.muted));
            break;
        }
        used += cell.chars().count();
        let style = if current {
            app.theme.selected
        } else {
            app.theme.text
        };
        spans.push(Span::styled(cell, style));
    }
    Line::from(spans)
}

/// The title of the table: the view's name and its rule.
fn title(list: &DealList, stale_days: u32) -> String {
    match list.view {
        None => " Open deals ".into(),
        Some(SavedView::Stale) => {
            format!(" Stale: no activity or stage change in {stale_days} days ")
        }
        Some(v) => format!(" {} ", v.label()),
    }
}

/// Draws the list view into `area` (the Pipeline screen's body).
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let p = &app.pipeline;
    let list = &p.list;
    let [views_area, info, table_area] = areas(area);
    frame.render_widget(
        Paragraph::new(views_line(app, list, views_area.width)),
        views_area,
    );
    let deals = list
        .total
        .map_or_else(|| "counting… deals".into(), |n| count(n as i64, "deal"));
    let selection = match list.selected_count() {
        0 => "Space selects".to_string(),
        n => format!(
            "{} selected: m stage · o owner · d close · x lost",
            count(n as i64, "deal")
        ),
    };
    let filter = if p.is_unfiltered() {
        "no filter (f)".to_string()
    } else {
        filter_label(p)
    };
    let text = format!("{deals} · {filter} · {selection}");
    frame.render_widget(Paragraph::new(Span::styled(text, app.theme.muted)), info);
    let rows = table::body_rows(table_area);
    let window: Vec<Option<&ListRow>> = (list.top..list.top + rows)
        .take_while(|n| list.total.is_none_or(|t| *n < t))
        .map(|n| list.row(n))
        .collect();
    let marked = window
        .iter()
        .map(|row| list.all_selected || row.is_some_and(|r| list.selected.contains(&r.id)))
        .collect();
    let columns = columns(list, &window, &app.config.display.date_format);
    let table = VirtualTable {
        columns: &columns,
        total: list.total,
        first: list.top,
        loaded: window.iter().map(Option::is_some).collect(),
        marked: Some(marked),
        cursor: list.cursor,
        title: title(list, app.config.views.stale_days.0),
        empty: "No open deal in this view.".into(),
        styles: TableStyles {
            text: app.theme.text,
            header: app.theme.header,
            cursor: app.theme.selected,
            muted: app.theme.muted,
            border: app.theme.border,
        },
    };
    frame.render_widget(table, table_area);
    if let Some(step) = &list.bulk {
        draw_bulk(app, step, frame, area);
    }
}

/// The bulk popup: the choices of its step, or the typed date.
pub fn draw_bulk(app: &App, step: &BulkStep, frame: &mut Frame, area: Rect) {
    const WIDTH: usize = 50;
    let theme = &app.theme;
    let list = &app.pipeline.list;
    let deals = match step {
        BulkStep::Category { only: Some(_), .. } => 1,
        _ => list.selected_count(),
    };
    let mut lines = vec![
        Line::from(Span::styled(
            format!(" {}", count(deals as i64, "deal")),
            theme.header,
        )),
        Line::default(),
    ];
    let choice = |text: &str, on: bool| {
        let style = if on { theme.selected } else { theme.text };
        Line::from(Span::styled(format!(" {} ", fit(text, WIDTH - 6)), style))
    };
    match step {
        BulkStep::Stage(at) => {
            let p = &app.pipeline;
            lines.extend(p.stages.iter().enumerate().map(|(i, s)| {
                let name = match p.filter.pipeline_id {
                    Some(_) => p.catalogue.name(*s).to_string(),
                    None => p.catalogue.long_name(*s),
                };
                choice(&name, i == *at)
            }));
        }
        BulkStep::Category { at, .. } => {
            lines.extend(
                CATEGORIES
                    .iter()
                    .enumerate()
                    .map(|(i, (_, name))| choice(name, i == *at)),
            );
        }
        BulkStep::Lost(at) => {
            lines.extend(
                LOST_REASONS
                    .iter()
                    .enumerate()
                    .map(|(i, r)| choice(r, i == *at)),
            );
        }
        BulkStep::Owner { query, at } => {
            lines.push(Line::from(vec![
                Span::styled(" Rep: ", theme.header),
                Span::raw(format!("{query}▏")),
            ]));
            let reps = matching_reps(&app.pipeline.choices.reps, query);
            let first = at.saturating_sub(5);
            lines.extend(
                reps.iter()
                    .enumerate()
                    .skip(first)
                    .take(6)
                    .map(|(i, (_, name, team))| choice(&format!("{name} · {team}"), i == *at)),
            );
            if reps.is_empty() {
                lines.push(Line::from(Span::styled(" no rep matches", theme.muted)));
            }
        }
        BulkStep::Close { text, error } => {
            lines.push(Line::from(vec![
                Span::styled(" Expected close: ", theme.header),
                Span::raw(format!("{text}▏")),
            ]));
            lines.push(Line::from(Span::styled(
                " YYYY-MM-DD, today, +30d, +2w, eom, eoq, or none",
                theme.muted,
            )));
            if let Some(error) = error {
                lines.push(Line::from(Span::styled(format!(" {error}"), theme.error)));
            }
        }
    }
    lines.push(Line::default());
    lines.push(hints(app, Context::Bulk));
    let height = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
    popup(app, frame, area, step.title(), lines, WIDTH as u16, height);
}
