//! The one type-ahead picker: the entries of a list matching what was typed (one rule for the
//! record forms, the rep picker and the forecast's group picker), one highlighted, scrolled to
//! keep it in view, with "n of m".

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
    /// Moves the highlight by `delta` within `len` matches, stopping at either end.
    pub fn step(&mut self, delta: isize, len: usize) {
        self.cursor = stepped(self.cursor, delta, len);
    }
}

/// A picker that keeps its own typed text (the rep picker, the forecast's group picker).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeAhead {
    /// The typed text.
    pub query: String,
    /// Position among the matches.
    pub cursor: usize,
}

impl TypeAhead {
    /// Adds a typed character; the cursor goes back to the first match.
    pub fn type_char(&mut self, c: char) {
        self.query.push(c);
        self.cursor = 0;
    }

    /// Deletes the last typed character; the cursor goes back to the first match.
    pub fn delete_char(&mut self) {
        self.query.pop();
        self.cursor = 0;
    }

    /// Moves the cursor `by` places among `count` matches, stopping at either end.
    pub fn move_by(&mut self, by: isize, count: usize) {
        self.cursor = stepped(self.cursor, by, count);
    }
}

/// `cursor` moved by `by` within `count` entries, stopping at either end.
fn stepped(cursor: usize, by: isize, count: usize) -> usize {
    cursor
        .saturating_add_signed(by)
        .min(count.saturating_sub(1))
}

/// The entries of `items` whose `text` matches `query`, the one rule of every picker: each
/// typed word starts a word of the text (case and common accents ignored, so "bo c" finds
/// Bo Chen and "diaz" finds Díaz); entries whose text starts with what was typed come first.
pub fn matching<'a, T>(items: &'a [T], query: &str, text: impl Fn(&T) -> String) -> Vec<&'a T> {
    let typed: Vec<String> = query.split_whitespace().map(fold).collect();
    if typed.is_empty() {
        return items.iter().collect();
    }
    let whole = typed.join(" ");
    let mut starting = Vec::new();
    let mut inside = Vec::new();
    for item in items {
        let folded = fold(&text(item));
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if !typed
            .iter()
            .all(|t| words.iter().any(|w| w.starts_with(t.as_str())))
        {
            continue;
        }
        if folded.starts_with(&whole) {
            starting.push(item);
        } else {
            inside.push(item);
        }
    }
    starting.extend(inside);
    starting
}

/// Lower case with the common Latin accents dropped, so "diaz" finds "Díaz".
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            'ý' | 'ÿ' => 'y',
            other => other,
        })
        .collect()
}

/// The first of `shown` rows to draw so that `cursor` stays in view.
pub fn first_shown(cursor: usize, shown: usize) -> usize {
    cursor.saturating_sub(shown.saturating_sub(1))
}

/// "n of m", where the cursor is among `count` matches ("0 of 0" when none).
pub fn position(cursor: usize, count: usize) -> String {
    format!("{} of {}", (cursor + 1).min(count), count)
}

/// The entries of `items` matching `query` (see [`matching`]).
pub fn matches<'a>(items: &'a [Choice], query: &str) -> Vec<&'a Choice> {
    matching(items, query, |c| c.name.clone())
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
    let first = first_shown(picker.cursor, SHOWN);
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
        format!("    {}", position(picker.cursor, found.len())),
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
        assert_eq!(
            matches(&accented, "gist").len(),
            0,
            "inside a word is no match"
        );
        assert_eq!(
            matches(&accented, "mu lo").len(),
            1,
            "every word starts a word"
        );
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
        p.step(1, 0);
        assert_eq!(p.cursor, 0, "no match: nowhere to go");
        let mut typed = TypeAhead {
            query: "ab".into(),
            cursor: 4,
        };
        typed.delete_char();
        assert_eq!((typed.query.as_str(), typed.cursor), ("a", 0));
        assert_eq!(first_shown(9, 6), 4);
        assert_eq!(position(9, 10), "10 of 10");
        assert_eq!(position(0, 0), "0 of 0");
    }
}
