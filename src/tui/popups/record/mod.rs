//! The open deal and customer records, stacked: a record opened from another goes on top and
//! `Esc` returns to the one beneath, then to the screen.

use crate::tui::effects::RecordRef;

/// The records open on top of the screen, the newest last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordStack {
    open: Vec<RecordRef>,
}

impl RecordStack {
    /// Opens `record` on top (or brings it to the top when already open).
    pub fn open(&mut self, record: RecordRef) {
        self.open.retain(|r| *r != record);
        self.open.push(record);
    }

    /// Closes the top record; false when none was open.
    pub fn close_top(&mut self) -> bool {
        self.open.pop().is_some()
    }

    /// The record on show, if any.
    pub fn top(&self) -> Option<RecordRef> {
        self.open.last().copied()
    }

    /// True when no record is open.
    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reopening_brings_a_record_to_the_top_and_esc_unwinds() {
        let mut stack = RecordStack::default();
        stack.open(RecordRef::Deal(1));
        stack.open(RecordRef::Customer(2));
        stack.open(RecordRef::Deal(1));
        assert_eq!(stack.top(), Some(RecordRef::Deal(1)));
        assert!(stack.close_top());
        assert_eq!(stack.top(), Some(RecordRef::Customer(2)));
        assert!(stack.close_top());
        assert!(!stack.close_top());
        assert!(stack.is_empty());
    }
}
