//! The help overlay, written from the key map itself so it always tells what the keys do.

pub mod keys;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::layout;

/// What each board number means; the full text is in docs/report-pipeline.md.
const DEFINITIONS: [(&str, &str); 10] = [
    (
        "weighted",
        "Σ amount × probability (the deal's own, marked *, else its stage's)",
    ),
    (
        "stale ⚠",
        "no stage change and no activity for the stage's stale days",
    ),
    ("win rate", "Won ÷ (Won + Lost), deals closed in the period"),
    ("avg won", "mean amount of the deals Won in the period"),
    (
        "cycle",
        "days from created to closed, Won deals of the period: mean, median",
    ),
    (
        "velocity",
        "open deals × avg won × win rate ÷ mean cycle days, per day",
    ),
    (
        "conversion",
        "of deals reaching a stage in the period, share reaching the next",
    ),
    (
        "days in stage",
        "mean length of stays in the stage that ended in the period",
    ),
    (
        "quota attainment",
        "Won in the period ÷ quotas prorated by the days of each quarter",
    ),
    (
        "Won/Lost column",
        "deals closed in the period, latest first",
    ),
];

/// The help's contexts in reading order: those in use (screen or popup first, the global keys
/// after them), the help's own, then every other screen's.
fn ordered_contexts(app: &App) -> Vec<Context> {
    let mut in_use = app.contexts_beneath_help();
    in_use.sort_by_key(|c| *c == Context::Global);
    if !in_use.contains(&Context::Global) {
        in_use.push(Context::Global);
    }
    in_use.push(Context::Help);
    let rest: Vec<Context> = Context::ALL
        .into_iter()
        .filter(|c| !in_use.contains(c))
        .collect();
    in_use.extend(rest);
    in_use
}

/// The furthest the help scrolls on a terminal `height` rows high.
pub fn max_scroll(app: &App, height: u16) -> u16 {
    let visible = height.saturating_sub(4);
    u16::try_from(help_lines(app).len())
        .unwrap_or(u16::MAX)
        .saturating_sub(visible)
}

/// Draws the help over `area`, scrolled down `scroll` lines.
pub fn draw(app: &App, scroll: u16, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let lines = help_lines(app);
    let popup = layout::centered(area, 96, area.height.saturating_sub(2));
    let visible = popup.height.saturating_sub(2);
    let max_scroll = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(visible);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(Span::styled(
            " Keys — Esc closes, j/k PgDn/PgUp Home/End scroll ",
            theme.accent,
        ))
        .border_style(theme.border);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max_scroll), 0)),
        popup,
    );
}

/// Every line of the help: the key-map contexts in reading order, then the board's definitions.
fn help_lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    for context in ordered_contexts(app) {
        lines.push(Line::from(Span::styled(context.title(), theme.header)));
        for binding in app.keymap.bindings_in(context) {
            let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<22}", keys.join(", ")), theme.accent),
                Span::raw(binding.help),
            ]));
        }
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        "Pipeline definitions",
        theme.header,
    )));
    for (term, meaning) in DEFINITIONS {
        lines.push(Line::from(vec![
            Span::styled(format!("  {term:<22}"), theme.accent),
            Span::raw(meaning),
        ]));
    }
    lines
}
