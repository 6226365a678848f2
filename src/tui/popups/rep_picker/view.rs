//! The rep picker: the reps matching what was typed, each with its open tasks now and after
//! the reassignment, over-full and absent reps flagged.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::keymap::Context;

use crate::tui::widgets::picker::{first_shown, position};
use crate::tui::widgets::popup::{hints, popup};
use crate::tui::widgets::text::fit;

/// Draws the rep picker of the tasks screen over `area`, when it is open.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.tasks;
    let Some(picker) = &t.picker else {
        return;
    };
    let moving = &picker.task_ids;
    let reps = t.picker_reps();
    let position = format!("   {}", position(picker.search.cursor, reps.len()));
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Rep: ", app.theme.header),
            Span::raw(format!("{}▏", picker.search.query)),
            Span::styled(position, app.theme.muted),
        ]),
        Line::from(Span::styled(
            format!(
                "  {}{}{}",
                fit("Name", 24),
                fit("Team", 16),
                "Open tasks now → after"
            ),
            app.theme.muted,
        )),
    ];
    let shown = usize::from(area.height.saturating_sub(10)).max(3);
    let first = first_shown(picker.search.cursor, shown);
    for (i, rep) in reps.iter().enumerate().skip(first).take(shown) {
        let load = t.load(rep.id);
        let gaining = t
            .tasks()
            .iter()
            .filter(|task| moving.contains(&task.id) && task.rep_id != Some(rep.id))
            .count() as i64;
        let after = load.open + gaining;
        let full = after > rep.max_open_tasks;
        let absent = rep.absent_on(t.as_of());
        let text = format!(
            "{}{}{}{:>3} → {:>3} / {}{}{}",
            if i == picker.search.cursor {
                "▶ "
            } else {
                "  "
            },
            fit(&rep.name, 24),
            fit(&rep.team, 16),
            load.open,
            after,
            rep.max_open_tasks,
            if full { "  over max" } else { "" },
            if absent { "  absent today" } else { "" },
        );
        let style = match () {
            _ if i == picker.search.cursor => app.theme.selected,
            _ if full || absent => app.theme.warning,
            _ => app.theme.text,
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    if reps.is_empty() {
        lines.push(Line::from(Span::styled(
            "  no active rep matches",
            app.theme.muted,
        )));
    }
    lines.push(Line::default());
    lines.push(hints(app, Context::RepPicker));
    let title = format!(
        " Reassign {} task{} ",
        moving.len(),
        if moving.len() == 1 { "" } else { "s" }
    );
    let height = (lines.len() as u16 + 2).max(8);
    popup(app, frame, area, &title, lines, 80, height);
}
