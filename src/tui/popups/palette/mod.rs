//! The `:` command palette: completion of commands, action names and their arguments, and the
//! lines run before. This is its state; [`suggest`] reads the app and offers completions.

pub mod keys;
pub mod suggest;
pub mod view;

/// The commands the palette knows beside the actions, each with what it does. A trailing space
/// means the command takes arguments.
pub const COMMANDS: [(&str, &str); 20] = [
    ("history", "list recent changes"),
    (
        "data",
        "check the book: duplicates, missing fields, impossible values, outliers",
    ),
    (
        "erase ",
        "erase contact|customer ID yes: blank their personal data (cannot be undone)",
    ),
    (
        "model",
        "how well the win and purchase models predict held-out rows",
    ),
    (
        "refit",
        "forget the kept scores, KPIs, tiers, forecasts and call and compute them afresh",
    ),
    ("undo", "undo the last change"),
    ("redo", "redo the change undone last"),
    ("apply", "save the channels' recommended budget split"),
    (
        "export ",
        "export FILE: write the screen's rows to a CSV file",
    ),
    (
        "import ",
        "import FILE MAPPING [--on-conflict update|skip|fail] [--skip-bad] [--dry-run]",
    ),
    (
        "goto customer ",
        "goto customer NAME: select a customer by name",
    ),
    (
        "theme ",
        "theme NAME: switch colours (dark, light, high-contrast)",
    ),
    ("quit", "leave salesdesk"),
    ("new customer", "a new customer"),
    ("new deal", "a new deal (for the customer on show)"),
    (
        "new contact",
        "add, edit or remove the contacts of the customer on show",
    ),
    (
        "log",
        "log a call, email, meeting or note on the record on show",
    ),
    ("quota", "set a rep's quota for a quarter"),
    (
        "find ",
        "find [TEXT]: search customers, contacts, deals and tasks",
    ),
    (
        "view ",
        "view NAME: the pipeline list's saved view (stale, slipped, undated, month, quarter, biggest, all)",
    ),
];

/// How many customer names `:goto customer` offers at most.
pub const NAME_SUGGESTIONS: usize = 50;

/// One completion: the whole line it gives, and a few words on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The command line after choosing it.
    pub line: String,
    /// What it does.
    pub help: String,
}

/// The palette's memory: lines run before, and the completions on offer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Palette {
    /// Lines run this session, oldest first.
    pub history: Vec<String>,
    /// The history line shown, while Up/Down browse it.
    pub browsing: Option<usize>,
    /// Completions of what was typed.
    pub suggestions: Vec<Suggestion>,
    /// The completion Tab put on the line, while Tab cycles.
    pub chosen: Option<usize>,
}

impl Palette {
    /// Starts afresh for `line`: the completions of it, nothing chosen, no history browsed.
    pub fn retype(&mut self, app_suggestions: Vec<Suggestion>) {
        self.suggestions = app_suggestions;
        self.chosen = None;
        self.browsing = None;
    }

    /// The next (or previous) completion, wrapping; `None` when there is none.
    pub fn cycle(&mut self, forward: bool) -> Option<&Suggestion> {
        let n = self.suggestions.len();
        if n == 0 {
            return None;
        }
        let next = match (self.chosen, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.chosen = Some(next);
        self.suggestions.get(next)
    }

    /// An older (or newer) history line; `None` past the newest, meaning an empty line.
    pub fn browse(&mut self, older: bool) -> Option<&str> {
        let n = self.history.len();
        self.browsing = match (self.browsing, older) {
            (_, _) if n == 0 => None,
            (None, true) => Some(n - 1),
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < n => Some(i + 1),
            (_, false) => None,
        };
        self.chosen = None;
        self.browsing
            .and_then(|i| self.history.get(i))
            .map(String::as_str)
    }

    /// Remembers a line that was run (not twice in a row).
    pub fn remember(&mut self, line: &str) {
        let line = line.trim();
        if !line.is_empty() && self.history.last().map(String::as_str) != Some(line) {
            self.history.push(line.to_string());
        }
        self.browsing = None;
        self.chosen = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn palette_with(lines: &[&str]) -> Palette {
        Palette {
            suggestions: lines
                .iter()
                .map(|l| Suggestion {
                    line: (*l).into(),
                    help: String::new(),
                })
                .collect(),
            ..Palette::default()
        }
    }

    #[test]
    fn tab_cycles_and_wraps_both_ways() {
        let mut p = palette_with(&["a", "b", "c"]);
        let mut seen = Vec::new();
        for _ in 0..4 {
            seen.push(p.cycle(true).map(|s| s.line.clone()));
        }
        assert_eq!(seen, ["a", "b", "c", "a"].map(|s| Some(s.to_string())));
        assert_eq!(p.cycle(false).map(|s| s.line.as_str()), Some("c"));
        assert_eq!(palette_with(&[]).cycle(true), None);
    }

    #[test]
    fn history_browses_back_and_forth_and_skips_repeats() {
        let mut p = Palette::default();
        assert_eq!(p.browse(true), None);
        for line in ["history", "undo", "undo", " "] {
            p.remember(line);
        }
        assert_eq!(p.history, ["history", "undo"]);
        assert_eq!(p.browse(true), Some("undo"));
        assert_eq!(p.browse(true), Some("history"));
        assert_eq!(p.browse(true), Some("history"));
        assert_eq!(p.browse(false), Some("undo"));
        assert_eq!(p.browse(false), None);
    }
}
