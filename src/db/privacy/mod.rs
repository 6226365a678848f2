//! Personal data: everything held about one customer or contact as JSON, erasing a contact's or a
//! customer's personal fields (names, emails, phones, note text) in place and from the edit log,
//! and a copy of the book with every personal field removed.
//!
//! The personal fields are [`PERSONAL`]; amounts, dates, stages and ids stay, so the analyses
//! read an erased book as before.

mod erase;
mod person;
mod redact;

pub use erase::{Erased, erase_contact, erase_customer};
pub use person::{Person, person_json};
pub use redact::{RedactError, redacted_copy};

/// The personal columns of each table with them: blanked by an erase and by a redacted copy.
pub const PERSONAL: [(&str, &[&str]); 3] = [
    ("customers", &["name", "notes"]),
    ("contacts", &["name", "email", "phone"]),
    ("activities", &["text"]),
];

/// The entity of the history line an erase leaves: shown by `:history`, never undone (it has no
/// batch).
pub const ERASE_ENTITY: &str = "erase";
