//! The tasks screen: open tasks grouped by rep, each rep with a load bar and flags, overdue tasks
//! highlighted, and a filter line; popups draw on top.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::analytics::assign::{Rep, Task};
use crate::domain::display_text::shown;
use crate::tui::app::App;
use crate::tui::screens::tasks::filter::filter_value_label;
use crate::tui::screens::tasks::popups;
use crate::tui::screens::tasks::{ListRow, TaskFilterField};
use crate::tui::widgets::text::fit;

/// Cells of a rep's load bar.
const BAR: usize = 10;
/// Cells of the flags at the end of a task line: room for "overdue · needs a new owner".
const FLAG: usize = 27;

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

/// `text` in a column of `width` cells: cut (with "…") or padded, one blank cell kept as a gap.
fn cell(text: &str, width: usize) -> String {
    format!("{} ", fit(text, width.saturating_sub(1)))
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
    let width = usize::from(inner.width);
    let title_width = width
        .saturating_sub(2 + 10 + 20 + 22 + 11 + 4 + 4 + FLAG)
        .max(12);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "  {}{}{}{}{}{}{}",
            cell("Title", title_width),
            cell("Kind", 10),
            cell("Customer", 20),
            cell("Deal", 22),
            cell("Due", 11),
            cell("Pri", 4),
            cell("Pin", 4),
        ),
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
    let visible = usize::from(inner.height.saturating_sub(1));
    for (i, row) in t.rows.iter().enumerate().skip(t.scroll).take(visible) {
        let line = match *row {
            ListRow::Rep(id) => rep_line(app, id.and_then(|id| t.rep(id))),
            ListRow::Task(index) => match t.tasks().get(index) {
                Some(task) => task_line(app, task, i == t.cursor, title_width),
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
        .map(|(from, to)| format!("{from}..{to}"))
        .collect();
    if !away.is_empty() {
        spans.push(Span::styled(
            format!("  ABSENT {}", away.join(", ")),
            theme.warning,
        ));
    }
    Line::from(spans)
}

fn task_line(app: &App, task: &Task, cursor: bool, title_width: usize) -> Line<'static> {
    let theme = &app.theme;
    let t = &app.tasks;
    let overdue = task.due_on.is_some_and(|d| d < t.as_of());
    let mark = if t.selected.contains(&task.id) {
        "● "
    } else {
        "  "
    };
    let text = format!(
        "{mark}{}{}{}{}{}{}{}",
        cell(&shown(&task.title), title_width),
        cell(&task.kind, 10),
        cell(task.customer.as_deref().unwrap_or("—"), 20),
        cell(task.deal.as_deref().unwrap_or("—"), 22),
        cell(&task.due_on.map_or("—".into(), |d| d.to_string()), 11),
        cell(&format!("P{}", task.priority), 4),
        cell(if task.pinned { "pin" } else { "" }, 4),
    );
    let style = match () {
        _ if cursor => theme.selected,
        _ if overdue => theme.warning,
        _ => theme.text,
    };
    let mut spans = vec![Span::styled(text, style)];
    if overdue {
        spans.push(Span::styled("overdue", theme.warning));
    }
    if t.needs_new_owner(task) {
        let gap = if overdue { " · " } else { "" };
        spans.push(Span::styled(format!("{gap}needs a new owner"), theme.error));
    }
    Line::from(spans)
}
