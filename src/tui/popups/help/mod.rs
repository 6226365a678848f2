//! The help overlay, written from the key map itself so it always tells what the keys do.

pub mod keys;
pub mod query;
pub mod search;

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
    u16::try_from(shown_lines(app).0.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(visible)
}

/// Draws the help over `area`, scrolled down `scroll` lines.
pub fn draw(app: &App, scroll: u16, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let (lines, title) = shown_lines(app);
    let popup = layout::centered(area, 96, area.height.saturating_sub(2));
    let visible = popup.height.saturating_sub(2);
    let max_scroll = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(visible);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(Span::styled(title, theme.accent))
        .border_style(theme.border);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max_scroll), 0)),
        popup,
    );
}

/// The lines the help shows now (all of them, or those matching the search under their
/// headings) and the popup's title, which counts the matching lines while a search is on.
fn shown_lines(app: &App) -> (Vec<Line<'static>>, String) {
    let theme = &app.theme;
    let query = app
        .help_search
        .as_ref()
        .map(|s| s.query.as_str())
        .unwrap_or_default();
    let mut lines = Vec::new();
    let mut total = 0;
    let mut matching = 0;
    for (heading, entries) in help_sections(app) {
        total += entries.len();
        let kept: Vec<&(String, &str)> = entries
            .iter()
            .filter(|(keys, words)| search::matches(query, keys, words))
            .collect();
        matching += kept.len();
        if kept.is_empty() && !query.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(heading, theme.header)));
        for (keys, words) in kept {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<22}"), theme.accent),
                Span::raw(*words),
            ]));
        }
    }
    let title = match &app.help_search {
        None => " Keys — Esc closes, / searches, j/k PgDn/PgUp Home/End scroll ".to_string(),
        Some(search) => search.title(matching, total),
    };
    (lines, title)
}

/// The help's sections: each key-map context in reading order with its keys and what they do,
/// then the board's definitions.
fn help_sections(app: &App) -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let mut sections: Vec<(&'static str, Vec<(String, &'static str)>)> = ordered_contexts(app)
        .into_iter()
        .map(|context| {
            let entries = app
                .keymap
                .bindings_in(context)
                .map(|binding| {
                    let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
                    (keys.join(", "), binding.help)
                })
                .collect();
            (context.title(), entries)
        })
        .collect();
    sections.push((
        "Pipeline definitions",
        DEFINITIONS
            .iter()
            .map(|(term, meaning)| ((*term).to_string(), *meaning))
            .collect(),
    ));
    sections
}
