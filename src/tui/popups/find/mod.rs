//! The find popup (`/` or `:find`): one search over customers, contacts, deals and tasks as
//! you type, results grouped by kind with their counts, `Enter` opens the record.

pub mod keys;
pub mod update;
pub mod view;

use crate::db::reads::HitKind;
use crate::tui::effects::RecordRef;
use crate::worker::FoundHit;

/// The kinds, in the order their groups show.
pub const KINDS: [HitKind; 4] = [
    HitKind::Customer,
    HitKind::Contact,
    HitKind::Deal,
    HitKind::Task,
];

/// What the find popup holds while open.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FindState {
    /// The text typed.
    pub text: String,
    /// The text the results are for (`None` before the first answer).
    pub searched: Option<String>,
    /// The results, grouped by kind.
    pub hits: Vec<FoundHit>,
    /// The highlighted result.
    pub cursor: usize,
}

impl FindState {
    /// A popup with `text` already typed.
    pub fn with_text(text: &str) -> FindState {
        FindState {
            text: text.to_string(),
            ..FindState::default()
        }
    }

    /// The results of one kind.
    pub fn of_kind(&self, kind: HitKind) -> impl Iterator<Item = &FoundHit> {
        self.hits.iter().filter(move |h| h.hit.kind == kind)
    }

    /// The result under the cursor.
    pub fn current(&self) -> Option<&FoundHit> {
        self.hits.get(self.cursor)
    }
}

/// The record a result opens: a customer or deal itself, a contact's customer, a task's deal
/// (or its customer when it has no deal).
pub fn record_of(found: &FoundHit) -> Option<RecordRef> {
    let hit = &found.hit;
    match hit.kind {
        HitKind::Customer => Some(RecordRef::Customer(hit.id)),
        HitKind::Deal => Some(RecordRef::Deal(hit.id)),
        HitKind::Contact => hit.customer_id.map(RecordRef::Customer),
        HitKind::Task => found
            .deal_id
            .map(RecordRef::Deal)
            .or(hit.customer_id.map(RecordRef::Customer)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::reads::Hit;

    fn found(kind: HitKind, customer_id: Option<i64>, deal_id: Option<i64>) -> FoundHit {
        FoundHit {
            hit: Hit {
                kind,
                id: 7,
                label: String::new(),
                detail: String::new(),
                customer_id,
            },
            deal_id,
        }
    }

    #[test]
    fn each_kind_opens_its_record() {
        use RecordRef::{Customer, Deal};
        assert_eq!(
            record_of(&found(HitKind::Customer, Some(7), None)),
            Some(Customer(7))
        );
        assert_eq!(
            record_of(&found(HitKind::Deal, Some(2), None)),
            Some(Deal(7))
        );
        assert_eq!(
            record_of(&found(HitKind::Contact, Some(2), None)),
            Some(Customer(2))
        );
        assert_eq!(
            record_of(&found(HitKind::Task, Some(2), Some(9))),
            Some(Deal(9))
        );
        assert_eq!(
            record_of(&found(HitKind::Task, Some(2), None)),
            Some(Customer(2))
        );
        assert_eq!(record_of(&found(HitKind::Task, None, None)), None);
    }
}
