//! The one type-ahead picker of the record forms: the entries of a list matching what was typed
//! (names starting with it first, then names containing it, case ignored), one highlighted.

use ratatui::text::{Line, Span};

use crate::db::form_choices::Choice;
use crate::tui::theme::Theme;
use crate::tui::widgets::text::fit;

/// Most matches a picker lists at once.
pub const SHOWN: usize = 6;

/// An open picker: which match is highlighted. The typed text lives in the form's field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Picker {
    /// Position in the matches.
    pub cursor: usize,
}

impl Picker {
    /// Moves the highlight by `delta` within `len` matches.
    pub fn step(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }
}

/// The entries of `items` matching `query`: those starting with it, then those containing it.
pub fn matches<'a>(items: &'a [Choice], query: &str) -> Vec<&'a Choice> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return items.iter().collect();
    }
    let mut starting = Vec::new();
    let mut containing = Vec::new();
    for item in items {
        match item.name.to_lowercase().find(&query) {
            Some(0) => starting.push(item),
            Some(_) => containing.push(item),
            None => {}
        }
    }
    starting.extend(containing);
    starting
}

/// The entry of `items` named exactly `text` (case ignored), when exactly one is.
pub fn exact<'a>(items: &'a [Choice], text: &str) -> Option<&'a Choice> {
    let text = text.trim();
    let mut named = items.iter().filter(|c| c.name.eq_ignore_ascii_case(text));
    match (named.next(), named.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// The picker's lines: up to [`SHOWN`] matches around the highlighted one, `width` cells wide,
/// and how many there are.
pub fn lines(theme: &Theme, found: &[&Choice], picker: Picker, width: usize) -> Vec<Line<'static>> {
    if found.is_empty() {
        return vec![Line::from(Span::styled(
            "    nothing matches what was typed",
            theme.muted,
        ))];
    }
    let first = picker.cursor.saturating_sub(SHOWN - 1);
    let mut lines: Vec<Line<'static>> = found
        .iter()
        .enumerate()
        .skip(first)
        .take(SHOWN)
        .map(|(i, choice)| {
            let chosen = i == picker.cursor;
            Line::from(Span::styled(
                format!(
                    "  {} {}",
                    if chosen { "›" } else { " " },
                    fit(&choice.name, width.saturating_sub(4))
                ),
                if chosen { theme.selected } else { theme.text },
            ))
        })
        .collect();
    lines.push(Line::from(Span::styled(
        format!("    {} of {}", picker.cursor + 1, found.len()),
        theme.muted,
    )));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(names: &[&str]) -> Vec<Choice> {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| Choice {
                id: i as i64 + 1,
                name: (*n).to_string(),
                value: None,
            })
            .collect()
    }

    #[test]
    fn names_starting_with_the_text_come_first() {
        let items = list(&["Northwind", "Acme West", "Acme Corp", "Big Acme"]);
        let names: Vec<&str> = matches(&items, "acme")
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(names, ["Acme West", "Acme Corp", "Big Acme"]);
        let accented = list(&["Müller Logistik", "MÜNCHEN AG"]);
        assert_eq!(matches(&accented, "mü").len(), 2);
        assert_eq!(matches(&accented, "LOGI").len(), 1);
        assert_eq!(matches(&items, "").len(), 4);
        assert!(matches(&items, "zzz").is_empty());
    }

    #[test]
    fn an_exact_name_must_be_unique() {
        let items = list(&["Acme", "acme", "Bolt"]);
        assert_eq!(exact(&items, " bolt ").map(|c| c.id), Some(3));
        assert_eq!(exact(&items, "ACME"), None);
        assert_eq!(exact(&items, "Bol"), None);
    }

    #[test]
    fn the_highlight_stays_in_the_list() {
        let mut p = Picker::default();
        p.step(-1, 3);
        assert_eq!(p.cursor, 0);
        p.step(5, 3);
        assert_eq!(p.cursor, 2);
    }
}
