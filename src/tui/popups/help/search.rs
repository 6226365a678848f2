//! The help's `/` search: the typed words narrow the help to the lines whose keys or words
//! contain them, with "n of m lines" in the title.

use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::popups::help::query::HelpSearch;

/// True when `query` (any case) is in the line's keys or its words; an empty query matches all.
pub fn matches(query: &str, keys: &str, words: &str) -> bool {
    let query = query.trim().to_lowercase();
    query.is_empty()
        || keys.to_lowercase().contains(&query)
        || words.to_lowercase().contains(&query)
}

/// Applies a search command to the open help; false when `command` is not one of them.
pub fn run_command(app: &mut App, command: Command) -> bool {
    match command {
        Command::StartSearch => {
            let search = app.help_search.get_or_insert_with(HelpSearch::default);
            search.typing = true;
        }
        Command::FinishSearch => {
            if let Some(search) = app.help_search.as_mut() {
                search.typing = false;
            }
            if app.help_search.as_ref().is_some_and(|s| s.query.is_empty()) {
                app.help_search = None;
            }
        }
        Command::CancelSearch => app.help_search = None,
        Command::SearchBackspace => {
            if let Some(search) = app.help_search.as_mut() {
                search.query.pop();
            }
            app.help = Some(0);
        }
        _ => return false,
    }
    true
}

/// Adds a typed character to the help's search and shows the matches from the top.
pub fn type_char(app: &mut App, c: char) {
    if let Some(search) = app.help_search.as_mut() {
        search.query.push(c);
        app.help = Some(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_matches_keys_or_words_in_any_case() {
        assert!(matches("PGDN", "PgDn", "scroll down a page"));
        assert!(matches("won", "w", "mark the deal Won"));
        assert!(!matches("export", "w", "mark the deal Won"));
        assert!(matches("", "w", "anything"));
    }

    #[test]
    fn the_title_counts_the_matching_lines() {
        let search = HelpSearch {
            query: "undo".into(),
            typing: true,
        };
        assert_eq!(
            search.title(2, 240),
            " Keys — /undo▏ — 2 of 240 lines — Enter keeps, Esc clears "
        );
    }
}
