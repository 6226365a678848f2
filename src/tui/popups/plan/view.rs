//! The optimal plan as a diff: every move with its cost change and reason, and what stays
//! unassigned.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::popups::plan::PlanView;
use crate::tui::widgets::popup::{hints, popup};
use crate::tui::widgets::text::fit;

/// Moves a page holds in a terminal of `size`: the rows the popup keeps for moves when three
/// unassigned tasks show below them (never more than it shows, so paging skips none unseen).
pub fn move_rows(size: (u16, u16)) -> usize {
    usize::from(size.1.saturating_sub(2 + 2 + 2 + 2 + 2 + 4)).max(1)
}

/// Draws the plan over `area`: the cost before and after, the moves (each kept or left out)
/// and the tasks that stay unassigned.
pub fn draw(app: &App, view: &PlanView, frame: &mut Frame, area: Rect) {
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
    let title = if plan.moves.len() > 1 {
        format!(
            " Optimal plan — scope {} — move {} of {} ",
            view.scope,
            view.cursor + 1,
            plan.moves.len()
        )
    } else {
        title
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
