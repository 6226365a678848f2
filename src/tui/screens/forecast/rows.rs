//! The side table's rows: text laid out by the caller, or sentences wrapped to the table's width,
//! each with how it is drawn; and the amounts in them, whole or compact, never cut.

use crate::domain::Money;

/// How a row is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Plain text.
    Text,
    /// A section or column heading.
    Header,
    /// Something the reader must not miss.
    Warning,
    /// Secondary: notes and months past the backtested range.
    Muted,
}

/// One line of the side table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The words, already laid out in columns.
    pub text: String,
    /// How to draw them.
    pub role: Role,
}

/// Rows being built, and the width sentences wrap at.
pub struct Rows {
    /// The rows so far.
    pub rows: Vec<Row>,
    /// The width sentences wrap at, in cells.
    pub width: usize,
}

impl Rows {
    /// One row laid out by the caller.
    pub fn push(&mut self, text: impl Into<String>, role: Role) {
        self.rows.push(Row {
            text: text.into(),
            role,
        });
    }

    /// A sentence, wrapped at word boundaries into as many rows as it needs.
    pub fn say(&mut self, text: &str, role: Role) {
        let mut line = String::new();
        for word in text.split(' ') {
            let needed = line.chars().count() + 1 + word.chars().count();
            if !line.is_empty() && needed > self.width {
                self.push(std::mem::take(&mut line), role);
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        self.push(line, role);
    }
}

/// `lo–hi`, each compact: never a cut number.
pub fn interval(lo: f64, hi: f64) -> String {
    format!("{}–{}", cents(lo).compact(), cents(hi).compact())
}

/// An amount in cents as whole currency when it fits `width`, compact otherwise.
pub fn money(value: f64, width: usize) -> String {
    cents(value).fitted(width)
}

/// The nearest whole cent of `value`.
pub fn cents(value: f64) -> Money {
    Money(value.round() as i64)
}
