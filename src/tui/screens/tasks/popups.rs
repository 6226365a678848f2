//! The popups of the tasks screen: the rep picker, the task and absence form, the filter editor,
//! and the optimal plan as a diff.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::screens::pipeline::popups::{hints, popup};
use crate::tui::screens::tasks::update::filter_value_label;
use crate::tui::screens::tasks::{PlanView, TaskFilterField};
use crate::tui::widgets::text::fit;

/// Draws whichever popup is open over `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.tasks;
    if let Some(view) = &t.plan {
        draw_plan(app, view, frame, area);
    } else if t.picker.is_some() {
        draw_picker(app, frame, area);
    } else if let Some(form) = &t.form {
        let mut lines: Vec<Line> = form
            .labels
            .iter()
            .zip(&form.values)
            .enumerate()
            .map(|(i, (label, value))| {
                let focused = i == form.focus;
                Line::from(vec![
                    Span::raw(if focused { "▶ " } else { "  " }),
                    Span::styled(format!("{label:<14}"), app.theme.header),
                    Span::styled(
                        if focused {
                            format!("{value}▏")
                        } else {
                            value.clone()
                        },
                        if focused {
                            app.theme.selected
                        } else {
                            app.theme.text
                        },
                    ),
                ])
            })
            .collect();
        lines.push(Line::default());
        if let Some(error) = &form.error {
            lines.push(Line::from(Span::styled(
                format!("✗ {error} — nothing saved"),
                app.theme.error,
            )));
        }
        lines.push(hints(app, Context::TaskForm));
        let height = form.labels.len() as u16 + 7;
        popup(
            app,
            frame,
            area,
            &format!(" {} ", form.heading),
            lines,
            90,
            height,
        );
    } else if let Some(editing) = t.filter_editor {
        let mut lines: Vec<Line> = TaskFilterField::ALL
            .iter()
            .map(|&field| {
                let style = if field == editing {
                    app.theme.selected
                } else {
                    app.theme.text
                };
                Line::from(vec![
                    Span::raw(if field == editing { "▶ " } else { "  " }),
                    Span::styled(format!("{:<6}", field.title()), app.theme.header),
                    Span::styled(
                        format!("‹ {} ›", filter_value_label(&app.tasks, field)),
                        style,
                    ),
                ])
            })
            .collect();
        lines.push(Line::default());
        lines.push(hints(app, Context::Filter));
        popup(app, frame, area, " Filter the tasks ", lines, 60, 10);
    }
}

fn draw_picker(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.tasks;
    let Some(picker) = &t.picker else {
        return;
    };
    let moving = &picker.task_ids;
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Rep: ", app.theme.header),
            Span::raw(format!("{}▏", picker.query)),
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
    let reps = t.picker_reps();
    let shown = usize::from(area.height.saturating_sub(10)).max(3);
    let first = picker.cursor.saturating_sub(shown - 1);
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
            if i == picker.cursor { "▶ " } else { "  " },
            fit(&rep.name, 24),
            fit(&rep.team, 16),
            load.open,
            after,
            rep.max_open_tasks,
            if full { "  over max" } else { "" },
            if absent { "  absent today" } else { "" },
        );
        let style = match () {
            _ if i == picker.cursor => app.theme.selected,
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

fn draw_plan(app: &App, view: &PlanView, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let width = area.width.saturating_sub(4);
    let height = area.height.saturating_sub(2);
    let title = format!(" Optimal plan — scope {} ", view.scope);
    let Some(plan) = &view.plan else {
        let lines = vec![
            Line::from(Span::styled("solving the assignment…", theme.muted)),
            Line::default(),
            hints(app, Context::Plan),
        ];
        popup(app, frame, area, &title, lines, width, 7);
        return;
    };
    let after = view.total_after().unwrap_or(plan.total_after);
    let kept = plan.moves.len() - view.skipped.len();
    let mut lines = vec![Line::from(vec![
        Span::styled("Total cost ", theme.header),
        Span::raw(format!(
            "{:.2} → {:.2} ({:+.2})",
            plan.total_before,
            after,
            after - plan.total_before
        )),
        Span::styled(
            format!(
                " · {kept} of {} moves kept · {} unassigned · {} pinned stay",
                plan.moves.len(),
                plan.unassigned.len(),
                plan.pinned.len()
            ),
            theme.muted,
        ),
    ])];
    let inner = usize::from(width.saturating_sub(2));
    let reason_width = inner.saturating_sub(2 + 36 + 16 + 16 + 9).max(10);
    lines.push(Line::from(Span::styled(
        format!(
            "  {} {} {} {} {}",
            fit("Task", 35),
            fit("From", 15),
            fit("To", 15),
            fit("Cost Δ", 8),
            fit("Reason", reason_width)
        ),
        theme.header,
    )));
    if plan.moves.is_empty() {
        lines.push(Line::from(Span::styled(
            "  every task is already with its best rep: nothing to move",
            theme.muted,
        )));
    }
    let unassigned_lines = plan.unassigned.len().min(3) + usize::from(!plan.unassigned.is_empty());
    let rows = usize::from(height.saturating_sub(2))
        .saturating_sub(lines.len() + 2 + unassigned_lines)
        .max(1);
    let first = view.cursor.saturating_sub(rows - 1);
    for (i, m) in plan.moves.iter().enumerate().skip(first).take(rows) {
        let skipped = view.skipped.contains(&m.task_id);
        let text = format!(
            "{}{} {} {} {} {}",
            if skipped { "✗ " } else { "✓ " },
            fit(&m.title, 35),
            fit(&m.from_name, 15),
            fit(&m.to_name, 15),
            fit(&format!("{:+.2}", m.cost_change), 8),
            fit(&m.reason, reason_width),
        );
        let style = match () {
            _ if i == view.cursor => theme.selected,
            _ if skipped => theme.muted,
            _ => theme.text,
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    if !plan.unassigned.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("{} tasks stay unassigned:", plan.unassigned.len()),
            theme.warning,
        )));
        for u in plan.unassigned.iter().take(3) {
            lines.push(Line::from(Span::styled(
                format!("  {} — {}", fit(&u.title, 36), u.reason),
                theme.warning,
            )));
        }
    }
    lines.push(Line::default());
    lines.push(hints(app, Context::Plan));
    // Room for the lines and a wrapped hint line, inside the border.
    let fitted = (lines.len() as u16 + 3).min(height);
    popup(app, frame, area, &title, lines, width, fitted);
}
