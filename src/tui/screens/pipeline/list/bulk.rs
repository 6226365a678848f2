//! The bulk change popup of the list view: pick a stage, a rep (type to filter), a close date
//! (typed, with shorthands) or a lost reason, and the selected deals change as one undo step.

use chrono::NaiveDate;

use crate::analytics::commit::Category;
use crate::db::records::BulkChange;
use crate::domain::{LOST_REASONS, Stage, parse_date};
use crate::tui::action::Command;
use crate::tui::effects::{Effect, Effects};

/// The step of a bulk change the popup shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkStep {
    /// Move to the open stage highlighted.
    Stage(usize),
    /// Give to the rep highlighted among those matching the typed text.
    Owner {
        /// The typed text.
        query: String,
        /// Position among the matching reps.
        at: usize,
    },
    /// Set the expected close to the typed date (`none` clears it).
    Close {
        /// The typed text.
        text: String,
        /// Why the text is not a date, after `Enter`.
        error: Option<String>,
    },
    /// Mark Lost for the reason highlighted.
    Lost(usize),
    /// Set the forecast category highlighted among [`CATEGORIES`].
    Category {
        /// Position among the choices.
        at: usize,
        /// The one deal it is for when nothing is selected (the card or row under the cursor).
        only: Option<i64>,
    },
}

/// The category choices: each settable category, then back to the default.
pub const CATEGORIES: [(Option<Category>, &str); 5] = [
    (Some(Category::Commit), "Commit"),
    (Some(Category::BestCase), "Best case"),
    (Some(Category::Pipeline), "Pipeline"),
    (Some(Category::Omitted), "Omitted"),
    (None, "Default (from stage and win odds)"),
];

impl BulkStep {
    /// The popup's title.
    pub fn title(&self) -> &'static str {
        match self {
            BulkStep::Stage(_) => " Move the selected deals to ",
            BulkStep::Owner { .. } => " Give the selected deals to ",
            BulkStep::Close { .. } => " Expected close of the selected deals ",
            BulkStep::Lost(_) => " Mark the selected deals Lost because ",
            BulkStep::Category { .. } => " Forecast category of the deals ",
        }
    }
}

/// The reps of `reps` (id, name, team) whose name contains `query`, ignoring case.
pub fn matching_reps<'a>(
    reps: &'a [(i64, String, String)],
    query: &str,
) -> Vec<&'a (i64, String, String)> {
    let query = query.trim().to_lowercase();
    reps.iter()
        .filter(|(_, name, _)| name.to_lowercase().contains(&query))
        .collect()
}

/// What a key does in the popup: the step as it becomes (`None` closes it) and, on `Enter`,
/// the change to save.
pub fn step(
    current: BulkStep,
    command: Command,
    reps: &[(i64, String, String)],
    stages: &[Stage],
    today: NaiveDate,
    effects: &mut Effects,
) -> (Option<BulkStep>, Option<BulkChange>) {
    let len = match &current {
        BulkStep::Stage(_) => stages.len(),
        BulkStep::Owner { query, .. } => matching_reps(reps, query).len(),
        BulkStep::Close { .. } => 0,
        BulkStep::Lost(_) => LOST_REASONS.len(),
        BulkStep::Category { .. } => CATEGORIES.len(),
    };
    let moved = |at: usize, down: bool| {
        if down {
            (at + 1).min(len.saturating_sub(1))
        } else {
            at.saturating_sub(1)
        }
    };
    match (current, command) {
        (_, Command::Cancel) => (None, None),
        (_, Command::Quit) => {
            effects.push(Effect::Quit);
            (None, None)
        }
        (BulkStep::Stage(at), Command::Up | Command::Down) => (
            Some(BulkStep::Stage(moved(at, command == Command::Down))),
            None,
        ),
        (BulkStep::Category { at, only }, Command::Up | Command::Down) => (
            Some(BulkStep::Category {
                at: moved(at, command == Command::Down),
                only,
            }),
            None,
        ),
        (BulkStep::Category { at, .. }, Command::Accept) => (
            None,
            CATEGORIES.get(at).map(|(c, _)| BulkChange::Category(*c)),
        ),
        (BulkStep::Lost(at), Command::Up | Command::Down) => (
            Some(BulkStep::Lost(moved(at, command == Command::Down))),
            None,
        ),
        (BulkStep::Owner { query, at }, Command::Up | Command::Down) => (
            Some(BulkStep::Owner {
                at: moved(at, command == Command::Down),
                query,
            }),
            None,
        ),
        (BulkStep::Owner { mut query, .. }, Command::DeleteChar) => {
            query.pop();
            (Some(BulkStep::Owner { query, at: 0 }), None)
        }
        (BulkStep::Close { mut text, .. }, Command::DeleteChar) => {
            text.pop();
            (Some(BulkStep::Close { text, error: None }), None)
        }
        (BulkStep::Stage(at), Command::Accept) => {
            (None, stages.get(at).map(|s| BulkChange::Move(*s)))
        }
        (BulkStep::Lost(at), Command::Accept) => (
            None,
            LOST_REASONS
                .get(at)
                .map(|r| BulkChange::Lose((*r).to_string())),
        ),
        (BulkStep::Owner { query, at }, Command::Accept) => {
            match matching_reps(reps, &query).get(at) {
                Some((id, _, _)) => (None, Some(BulkChange::Owner(*id))),
                None => (Some(BulkStep::Owner { query, at }), None),
            }
        }
        (BulkStep::Close { text, .. }, Command::Accept) => {
            if text.trim().eq_ignore_ascii_case("none") {
                return (None, Some(BulkChange::ExpectedClose(None)));
            }
            match parse_date("expected close", &text, today) {
                Ok(date) => (None, Some(BulkChange::ExpectedClose(Some(date)))),
                Err(e) => (
                    Some(BulkStep::Close {
                        text,
                        error: Some(e.to_string()),
                    }),
                    None,
                ),
            }
        }
        (current, _) => (Some(current), None),
    }
}

/// A character typed into the popup: the rep filter or the date.
pub fn type_char(step: &mut BulkStep, c: char) {
    match step {
        BulkStep::Owner { query, at } => {
            query.push(c);
            *at = 0;
        }
        BulkStep::Close { text, error } => {
            text.push(c);
            *error = None;
        }
        BulkStep::Stage(_) | BulkStep::Lost(_) | BulkStep::Category { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reps() -> Vec<(i64, String, String)> {
        vec![
            (1, "Ann Lee".into(), "East".into()),
            (2, "Bo Diaz".into(), "West".into()),
        ]
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 15).unwrap_or_default()
    }

    #[test]
    fn a_typed_rep_and_a_shorthand_date_become_changes() {
        let mut effects = Effects::none();
        let mut owner = BulkStep::Owner {
            query: String::new(),
            at: 0,
        };
        for c in "diaz".chars() {
            type_char(&mut owner, c);
        }
        let (after, change) = step(owner, Command::Accept, &reps(), &[], today(), &mut effects);
        assert_eq!((after, change), (None, Some(BulkChange::Owner(2))));
        let close = BulkStep::Close {
            text: "eom".into(),
            error: None,
        };
        let (_, change) = step(close, Command::Accept, &reps(), &[], today(), &mut effects);
        assert_eq!(
            change,
            Some(BulkChange::ExpectedClose(NaiveDate::from_ymd_opt(
                2026, 11, 30
            )))
        );
    }

    #[test]
    fn a_bad_date_stays_open_with_the_field_named() {
        let mut effects = Effects::none();
        let close = BulkStep::Close {
            text: "2026-02-30".into(),
            error: None,
        };
        let (after, change) = step(close, Command::Accept, &reps(), &[], today(), &mut effects);
        assert_eq!(change, None);
        let Some(BulkStep::Close {
            error: Some(error), ..
        }) = after
        else {
            panic!("the popup closed on a bad date");
        };
        assert!(error.contains("expected close"), "{error}");
    }
}
