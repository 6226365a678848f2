//! The find popup: the search line, then each kind's results under a heading with its count.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::db::reads::HitKind;
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::popups::find::{FindState, KINDS};
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::text::fit;
use crate::worker::FIND_PER_KIND;

fn heading(kind: HitKind) -> &'static str {
    match kind {
        HitKind::Customer => "Customers",
        HitKind::Contact => "Contacts",
        HitKind::Deal => "Deals",
        HitKind::Task => "Tasks",
    }
}

/// The count a heading shows: "first 20" when the kind may have more than the popup lists.
fn shown_count(n: usize) -> String {
    if n >= FIND_PER_KIND {
        format!("first {n}")
    } else {
        n.to_string()
    }
}

/// Draws the popup over `area`.
pub fn draw(app: &App, find: &FindState, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).min(76);
    let height = area.height.saturating_sub(2);
    let inner = usize::from(width.saturating_sub(2));
    let theme = &app.theme;
    let mut lines = vec![Line::from(vec![
        Span::styled("Find: ", theme.header),
        Span::raw(format!("{}▏", find.text)),
    ])];
    let mut body: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    match &find.searched {
        None if find.text.trim().is_empty() => body.push(Line::from(Span::styled(
            "type a customer or contact name, an email, or the start of a deal or task title",
            theme.muted,
        ))),
        None => body.push(Line::from(Span::styled("searching…", theme.muted))),
        Some(_) => {
            let mut index = 0;
            for kind in KINDS {
                let hits: Vec<_> = find.of_kind(kind).collect();
                // Deals and tasks match at the start of their titles (the backend's index).
                let rule = match kind {
                    HitKind::Deal | HitKind::Task => {
                        format!(" · titles starting “{}”", find.text.trim())
                    }
                    HitKind::Customer | HitKind::Contact => String::new(),
                };
                body.push(Line::from(Span::styled(
                    format!("{} ({}){rule}", heading(kind), shown_count(hits.len())),
                    theme.accent,
                )));
                for found in hits {
                    let style = if index == find.cursor {
                        cursor_line = body.len();
                        theme.selected
                    } else {
                        theme.text
                    };
                    let half = inner.saturating_sub(3) / 2;
                    let label = fit(&found.hit.label, half);
                    let detail = fit(&found.hit.detail, inner.saturating_sub(3 + half));
                    body.push(Line::from(vec![
                        Span::styled(format!("  {label} "), style),
                        Span::styled(
                            detail,
                            if index == find.cursor {
                                style
                            } else {
                                theme.muted
                            },
                        ),
                    ]));
                    index += 1;
                }
            }
        }
    }
    let room = usize::from(height.saturating_sub(6)).max(1);
    let skip = cursor_line.saturating_sub(room.saturating_sub(1));
    lines.push(Line::default());
    lines.extend(body.into_iter().skip(skip).take(room));
    while lines.len() < room + 2 {
        lines.push(Line::default());
    }
    let keys = |command| app.keymap.keys_label(Context::Find, command);
    lines.push(Line::from(Span::styled(
        format!(
            "{}/{} move · {} open · {}/{} next or previous kind · {} close",
            keys(Command::Up),
            keys(Command::Down),
            keys(Command::Accept),
            keys(Command::PageDown),
            keys(Command::PageUp),
            keys(Command::Cancel),
        ),
        theme.muted,
    )));
    popup(app, frame, area, " Find ", lines, width, height);
}
