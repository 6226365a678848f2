//! The search's haystack: every customer name in one buffer.

use crate::db::customers::CustomerRow;

/// Every lower-cased name in one buffer, one per line, so a search is a single fast scan of
/// contiguous memory instead of a hundred thousand scattered string look-ups.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct NameHaystack {
    text: String,
    starts: Vec<usize>,
}

impl NameHaystack {
    pub(super) fn new(rows: &[CustomerRow]) -> Self {
        let mut text = String::with_capacity(rows.iter().map(|r| r.name_lower.len() + 1).sum());
        let mut starts = Vec::with_capacity(rows.len());
        for row in rows {
            starts.push(text.len());
            text.extend(
                row.name_lower
                    .chars()
                    .map(|c| if c == '\n' { ' ' } else { c }),
            );
            text.push('\n');
        }
        NameHaystack { text, starts }
    }

    /// For each row, whether its name contains `query` (already lower-cased, no newline).
    pub(super) fn matches(&self, query: &str) -> Vec<bool> {
        let mut hit = vec![false; self.starts.len()];
        for at in memchr::memmem::find_iter(self.text.as_bytes(), query.as_bytes()) {
            let row = self.starts.partition_point(|&start| start <= at) - 1;
            hit[row] = true;
        }
        hit
    }
}
