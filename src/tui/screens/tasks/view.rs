//! The tasks screen: open tasks grouped by rep, each rep with a load bar and flags, overdue tasks
//! highlighted, and a filter line; popups draw on top.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::analytics::assign::{Rep, Task};
use crate::config::DateFormat;
use crate::domain::display_text::shown;
use crate::tui::app::App;
use crate::tui::screens::tasks::filter::filter_value_label;
use crate::tui::screens::tasks::popups;
use crate::tui::screens::tasks::{ListRow, TaskFilterField};
use crate::tui::widgets::columns::{FitColumn, FittedColumns, fit_columns};
use unicode_width::UnicodeWidthStr;

/// Cells of a rep's load bar.
const BAR: usize = 10;

/// Draws the tasks screen into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let [info, list] = crate::tui::layout::task_areas(area);
    draw_info(app, frame, info);
    draw_list(app, frame, list);
    popups::draw(app, frame, area);
}

fn draw_info(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.tasks;
    let filters: Vec<String> = TaskFilterField::ALL
        .iter()
        .map(|&f| {
            format!(
                "{} {}",
                f.title().to_lowercase(),
                filter_value_label(&app.tasks, f)
            )
        })
        .collect();
    let mut spans = vec![Span::styled(filters.join(" · "), app.theme.muted)];
    if !t.selected.is_empty() {
        spans.push(Span::styled(
            format!("   {} selected", t.selected.len()),
            app.theme.accent,
        ));
    }
    spans.push(Span::styled(
        "   f filter · Space select · r reassign · o optimal plan · ? keys",
        app.theme.muted,
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The task columns laid out from the tasks on screen: the title first and never dropped, the
/// pin, deal and kind columns given up before it is cut.
fn task_columns(tasks: &[&Task], dates: &DateFormat) -> Vec<FitColumn> {
    let column = |header: &str, priority: u8, max: u16, text: &dyn Fn(&Task) -> String| {
        FitColumn::text(
            header,
            tasks.iter().map(|t| text(t)).collect(),
            priority,
            max,
        )
    };
    vec![
        column("Title", 0, 48, &|t| shown(&t.title).into_owned()),
        column("Kind", 3, 10, &|t| t.kind.clone()),
        column("Customer", 4, 24, &|t| {
            t.customer.as_deref().unwrap_or("—").to_string()
        }),
        column("Deal", 2, 26, &|t| {
            t.deal.as_deref().unwrap_or("—").to_string()
        }),
        column("Due", 6, 16, &|t| {
            t.due_on.map_or("—".into(), |d| dates.show(d))
        }),
        column("Pri", 5, 3, &|t| format!("P{}", t.priority)),
        column("Pin", 1, 3, &|t| {
            if t.pinned { "pin" } else { "" }.to_string()
        }),
    ]
}

/// Gives the room the kept columns leave over to the title, up to its longest on screen.
fn widen_title(fitted: &mut FittedColumns, columns: &[FitColumn], room: u16) {
    let kept = fitted.kept_widths();
    let used = kept.iter().sum::<u16>() + u16::try_from(kept.len().saturating_sub(1)).unwrap_or(0);
    let longest = columns[0]
        .full
        .iter()
        .map(|t| u16::try_from(t.width()).unwrap_or(u16::MAX))
        .max()
        .unwrap_or(0);
    if let Some(Some(title)) = fitted.widths.first_mut() {
        let spare = room.saturating_sub(used);
        *title = (*title + spare).min(longest.max(*title));
    }
}

/// The flags after a task: overdue, and a rep who cannot keep it.
fn flags(app: &App, task: &Task) -> Vec<(&'static str, bool)> {
    let t = &app.tasks;
    let mut flags = Vec::new();
    if task.due_on.is_some_and(|d| d < t.as_of()) {
        flags.push(("overdue", false));
    }
    if t.needs_new_owner(task) {
        flags.push(("needs a new owner", true));
    }
    flags
}

fn draw_list(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.tasks;
    let open = t.tasks().len();
    let block = Block::bordered()
        .title(Span::styled(
            format!(" Tasks — {open} open ").to_string(),
            app.theme.accent,
        ))
        .border_style(app.theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let visible = usize::from(inner.height.saturating_sub(1));
    let shown_rows: Vec<(usize, &ListRow)> = t
        .rows
        .iter()
        .enumerate()
        .skip(t.scroll)
        .take(visible)
        .collect();
    let shown_tasks: Vec<&Task> = shown_rows
        .iter()
        .filter_map(|(_, row)| match row {
            ListRow::Task(index) => t.tasks().get(*index),
            ListRow::Rep(_) => None,
        })
        .collect();
    let flag_width = shown_tasks
        .iter()
        .map(|task| {
            let texts: Vec<&str> = flags(app, task).iter().map(|f| f.0).collect();
            texts.join(" · ").chars().count()
        })
        .max()
        .unwrap_or(0);
    let columns = task_columns(&shown_tasks, &app.config.display.date_format);
    let room = inner.width.saturating_sub(2 + 1 + flag_width as u16);
    let mut fitted = fit_columns(&columns, room, 1);
    widen_title(&mut fitted, &columns, room);
    let mut lines = vec![Line::from(Span::styled(
        format!("  {}", fitted.padded_header(&columns).join(" ")),
        app.theme.header,
    ))];
    if t.input.is_none() {
        lines.push(Line::from(Span::styled(
            "  loading tasks…",
            app.theme.muted,
        )));
    } else if t.rows.is_empty() {
        lines.push(Line::from(Span::styled(
            "  no open tasks match the filter (f changes it)",
            app.theme.muted,
        )));
    }
    let mut task_at = 0;
    for (i, row) in shown_rows {
        let line = match *row {
            ListRow::Rep(id) => rep_line(app, id.and_then(|id| t.rep(id))),
            ListRow::Task(index) => match t.tasks().get(index) {
                Some(task) => {
                    let cells = fitted.padded_row(&columns, task_at).join(" ");
                    task_at += 1;
                    task_line(app, task, i == t.cursor, cells)
                }
                None => Line::default(),
            },
        };
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn rep_line(app: &App, rep: Option<&Rep>) -> Line<'static> {
    let theme = &app.theme;
    let Some(rep) = rep else {
        return Line::from(Span::styled("▸ No rep", theme.header));
    };
    let t = &app.tasks;
    let load = t.load(rep.id);
    let max = rep.max_open_tasks.max(0);
    let filled = if max == 0 {
        BAR
    } else {
        ((load.open as usize * BAR).div_ceil(max as usize)).min(BAR)
    };
    let bar = format!("{}{}", "█".repeat(filled), "░".repeat(BAR - filled));
    let bar_style = if load.open > max {
        theme.error
    } else {
        theme.accent
    };
    let mut spans = vec![
        Span::styled(format!("▸ {} ", shown(&rep.name)), theme.header),
        Span::styled(format!("{} · {}  ", rep.team, rep.region), theme.muted),
        Span::styled(bar, bar_style),
        Span::raw(format!(
            " {}/{} tasks · {:.1} h",
            load.open,
            max,
            load.minutes as f64 / 60.0
        )),
    ];
    if !rep.active {
        spans.push(Span::styled("  INACTIVE", theme.error));
    }
    let today = t.as_of();
    let away: Vec<String> = rep
        .absences
        .iter()
        .filter(|(_, to)| *to >= today)
        .map(|(from, to)| {
            let dates = &app.config.display.date_format;
            format!("{}..{}", dates.show(*from), dates.show(*to))
        })
        .collect();
    if !away.is_empty() {
        spans.push(Span::styled(
            format!("  ABSENT {}", away.join(", ")),
            theme.warning,
        ));
    }
    Line::from(spans)
}

fn task_line(app: &App, task: &Task, cursor: bool, cells: String) -> Line<'static> {
    let theme = &app.theme;
    let t = &app.tasks;
    let flags = flags(app, task);
    let mark = if t.selected.contains(&task.id) {
        "● "
    } else {
        "  "
    };
    let style = match () {
        _ if cursor => theme.selected,
        _ if !flags.is_empty() && !flags[0].1 => theme.warning,
        _ => theme.text,
    };
    let mut spans = vec![Span::styled(format!("{mark}{cells} "), style)];
    for (i, (flag, severe)) in flags.into_iter().enumerate() {
        let gap = if i > 0 { " · " } else { "" };
        let style = if severe { theme.error } else { theme.warning };
        spans.push(Span::styled(format!("{gap}{flag}"), style));
    }
    Line::from(spans)
}
