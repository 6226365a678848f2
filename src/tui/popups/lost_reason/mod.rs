//! The lost-reason picker that marking a deal Lost opens: the config's reasons and an
//! "other…" entry that takes typed text; its state, keys and view.

pub mod keys;
pub mod view;

use crate::tui::action::Command;

/// The label of the entry after the configured reasons, which takes typed text.
pub const OTHER: &str = "other…";

/// The picker, while open: the deal, the highlighted entry, and the typed reason once "other…"
/// was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LostPicker {
    /// The deal to mark Lost.
    pub deal_id: i64,
    /// The highlighted entry: a configured reason, or "other…" just after the last of them.
    pub at: usize,
    /// The reason being typed, after "other…" was chosen.
    pub other: Option<String>,
}

/// What a key did to the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The picker stays open.
    Stay,
    /// The deal stays as it is and the picker closes.
    Cancel,
    /// Mark the deal Lost for this reason.
    Lose(String),
}

impl LostPicker {
    /// A picker for `deal_id` with the first reason highlighted.
    pub fn new(deal_id: i64) -> LostPicker {
        LostPicker {
            deal_id,
            at: 0,
            other: None,
        }
    }

    /// True while typed characters go to the "other…" reason.
    pub fn is_typing(&self) -> bool {
        self.other.is_some()
    }

    /// Applies `command` with `reasons` listed (and "other…" after them).
    pub fn run(&mut self, reasons: &[String], command: Command) -> Outcome {
        if let Some(text) = self.other.as_mut() {
            match command {
                Command::FinishSearch if !text.trim().is_empty() => {
                    return Outcome::Lose(text.trim().to_string());
                }
                Command::SearchBackspace => {
                    text.pop();
                }
                Command::CancelSearch => self.other = None,
                _ => {}
            }
            return Outcome::Stay;
        }
        match command {
            Command::Down => self.at = (self.at + 1).min(reasons.len()),
            Command::Up => self.at = self.at.saturating_sub(1),
            Command::Cancel => return Outcome::Cancel,
            Command::Accept => match reasons.get(self.at) {
                Some(reason) => return Outcome::Lose(reason.clone()),
                None => self.other = Some(String::new()),
            },
            _ => {}
        }
        Outcome::Stay
    }

    /// Adds a typed character to the "other…" reason, up to the longest a reason may be.
    pub fn type_char(&mut self, c: char) {
        if let Some(text) = self.other.as_mut()
            && text.chars().count() < crate::config::MAX_LOST_REASON
        {
            text.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons() -> Vec<String> {
        vec!["Price".into(), "Timing".into()]
    }

    #[test]
    fn enter_on_a_reason_loses_the_deal_for_it() {
        let mut picker = LostPicker::new(7);
        picker.run(&reasons(), Command::Down);
        assert_eq!(
            picker.run(&reasons(), Command::Accept),
            Outcome::Lose("Timing".into())
        );
    }

    #[test]
    fn other_takes_typed_text_and_refuses_a_blank_one() {
        let mut picker = LostPicker::new(7);
        for _ in 0..5 {
            picker.run(&reasons(), Command::Down);
        }
        assert_eq!(picker.at, 2, "other… is the last entry");
        assert_eq!(picker.run(&reasons(), Command::Accept), Outcome::Stay);
        assert!(picker.is_typing());
        picker.type_char(' ');
        assert_eq!(picker.run(&reasons(), Command::FinishSearch), Outcome::Stay);
        for c in "Legal x".chars() {
            picker.type_char(c);
        }
        picker.run(&reasons(), Command::SearchBackspace);
        picker.run(&reasons(), Command::SearchBackspace);
        assert_eq!(
            picker.run(&reasons(), Command::FinishSearch),
            Outcome::Lose("Legal".into())
        );
        picker.run(&reasons(), Command::CancelSearch);
        assert!(!picker.is_typing(), "Esc goes back to the list");
    }
}
