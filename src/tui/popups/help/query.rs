//! The help's search text and whether keys still go to it, apart from the app so the app's
//! state can hold it.

/// The help's search: the text typed so far, and whether keys still go to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpSearch {
    /// The typed text; empty matches every line.
    pub query: String,
    /// True while typed characters go to the search (until Enter).
    pub typing: bool,
}

impl HelpSearch {
    /// The popup title while searching: the query, how many lines match and what the keys do.
    pub fn title(&self, matching: usize, total: usize) -> String {
        let cursor = if self.typing { "▏" } else { "" };
        let keys = if self.typing {
            "Enter keeps, Esc clears"
        } else {
            "Esc clears, / edits"
        };
        format!(
            " Keys — /{}{cursor} — {matching} of {total} lines — {keys} ",
            self.query
        )
    }
}

/// True while the help's search line takes typed text.
pub fn is_typing(search: Option<&HelpSearch>) -> bool {
    search.is_some_and(|s| s.typing)
}
