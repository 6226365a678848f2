//! The open deal and customer records, stacked: a record opened from another goes on top and
//! `Esc` returns to the one beneath, then to the screen. Each keeps what it last read, where it
//! is scrolled to and (a customer's) which deal the cursor is on.

mod customer_view;
mod deal_view;
pub mod keys;
mod rows;
pub mod update;
pub mod view;

use chrono::NaiveDate;

use crate::db::reads::{CustomerRecord, DealRecord};
use crate::tui::effects::RecordRef;
use crate::worker::Job;

/// What a record has read so far.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Asked for; nothing read yet.
    Loading,
    /// A deal's record.
    Deal(Box<DealRecord>),
    /// A customer's record.
    Customer(Box<CustomerRecord>),
    /// It could not be read, or no longer exists: why.
    Gone(String),
}

/// One open record.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenRecord {
    /// Which record.
    pub what: RecordRef,
    /// What was read.
    pub loaded: Loaded,
    /// True while a fresh read is asked for and the one shown may be out of date.
    pub reloading: bool,
    /// True when the book changed while the record lay beneath another: it is read again when
    /// it comes back on top.
    pub outdated: bool,
    /// First content row shown.
    pub scroll: usize,
    /// The customer record's cursor: which of its deals.
    pub cursor: usize,
}

impl OpenRecord {
    fn new(what: RecordRef) -> OpenRecord {
        OpenRecord {
            what,
            loaded: Loaded::Loading,
            reloading: true,
            outdated: false,
            scroll: 0,
            cursor: 0,
        }
    }
}

/// The records open on top of the screen, the newest last.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordStack {
    open: Vec<OpenRecord>,
}

impl RecordStack {
    /// Opens `record` on top (or brings it to the top when already open, keeping its place).
    pub fn open(&mut self, record: RecordRef) {
        let entry = match self.open.iter().position(|r| r.what == record) {
            Some(i) => self.open.remove(i),
            None => OpenRecord::new(record),
        };
        self.open.push(entry);
    }

    /// The read of the record on top, which is then marked as being read again.
    pub fn read_top(&mut self, as_of: NaiveDate) -> Option<Job> {
        let entry = self.open.last_mut()?;
        entry.outdated = false;
        entry.reloading = true;
        Some(match entry.what {
            RecordRef::Deal(id) => Job::DealRecord { id, as_of },
            RecordRef::Customer(id) => Job::CustomerRecord { id },
        })
    }

    /// Closes the top record; false when none was open.
    pub fn close_top(&mut self) -> bool {
        self.open.pop().is_some()
    }

    /// Closes every record.
    pub fn close_all(&mut self) {
        self.open.clear();
    }

    /// The record on show, if any.
    pub fn top(&self) -> Option<RecordRef> {
        self.open.last().map(|r| r.what)
    }

    /// The record on show with what it has read.
    pub fn top_entry(&self) -> Option<&OpenRecord> {
        self.open.last()
    }

    /// The record on show, to scroll or move its cursor.
    pub fn top_entry_mut(&mut self) -> Option<&mut OpenRecord> {
        self.open.last_mut()
    }

    /// True when no record is open.
    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    /// How many records are open.
    pub fn len(&self) -> usize {
        self.open.len()
    }

    /// Marks every open record out of date (the book changed).
    pub fn mark_outdated(&mut self) {
        for entry in &mut self.open {
            entry.outdated = true;
        }
    }

    /// Stores what was read for `what` in its entry (wherever it is in the stack), keeping the
    /// customer's cursor on one of its deals; false when that record is no longer open.
    pub fn take(&mut self, what: RecordRef, loaded: Loaded) -> bool {
        let Some(entry) = self.open.iter_mut().find(|r| r.what == what) else {
            return false;
        };
        if let Loaded::Customer(record) = &loaded {
            entry.cursor = entry.cursor.min(record.deals.len().saturating_sub(1));
        }
        entry.loaded = loaded;
        entry.reloading = false;
        true
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
        assert_eq!(stack.len(), 2);
        assert!(stack.close_top());
        assert_eq!(stack.top(), Some(RecordRef::Customer(2)));
        assert!(stack.close_top());
        assert!(!stack.close_top());
        assert!(stack.is_empty());
    }

    #[test]
    fn a_read_lands_in_its_own_entry_only() {
        let mut stack = RecordStack::default();
        stack.open(RecordRef::Customer(2));
        stack.open(RecordRef::Deal(1));
        assert!(stack.take(RecordRef::Customer(2), Loaded::Gone("gone".into())));
        assert!(!stack.take(RecordRef::Customer(3), Loaded::Gone("gone".into())));
        assert_eq!(stack.top_entry().map(|r| &r.loaded), Some(&Loaded::Loading));
        stack.close_top();
        let beneath = stack.top_entry();
        assert_eq!(beneath.map(|r| r.reloading), Some(false));
        assert_eq!(
            beneath.map(|r| &r.loaded),
            Some(&Loaded::Gone("gone".into()))
        );
    }
}
