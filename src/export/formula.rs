//! Cells safe for spreadsheets (OWASP "CSV injection"): a text cell that a spreadsheet would read
//! as a formula is written with a leading `'`, which spreadsheets show as text and hide; the
//! importer's built-in mapping (`--kind`) takes it off again, so a round trip is exact.
//!
//! The rule: a cell is guarded when it begins with `=`, `+`, `-`, `@`, a tab, a carriage return
//! or `'` itself (so that taking one `'` off on import is always right), unless the whole cell is a
//! plain number such as `-5`, `+1,234.50` or `-12.5%`, which no spreadsheet runs.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula, and our own quote.
const TRIGGERS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// The cell as written to a safe export: `text` itself, or `'` and `text`.
pub fn guard(text: &str) -> Cow<'_, str> {
    let starts_badly = text.starts_with(TRIGGERS);
    if starts_badly && !is_plain_number(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The cell as it was before [`guard`]: one leading `'` taken off.
pub fn unguard(text: &str) -> &str {
    text.strip_prefix('\'').unwrap_or(text)
}

/// [`unguard`] on a cell read from a file, without a new allocation.
pub fn unguard_in_place(cell: &mut String) {
    if cell.starts_with('\'') {
        cell.remove(0);
    }
}

/// A sign, digits with thousands commas and one decimal point, and an optional `%`.
fn is_plain_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let body = unsigned.strip_suffix('%').unwrap_or(unsigned);
    body.bytes().any(|b| b.is_ascii_digit())
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && body.bytes().filter(|&b| b == b'.').count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formulas_get_a_quote_and_numbers_do_not() {
        assert_eq!(guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard("+1 555 0100"), "'+1 555 0100");
        assert_eq!(guard("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
        assert_eq!(guard("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard("\tx"), "'\tx");
        assert_eq!(guard("'t Hooft"), "''t Hooft");
        assert_eq!(guard("-5"), "-5");
        assert_eq!(guard("-1,234.50"), "-1,234.50");
        assert_eq!(guard("+12.5%"), "+12.5%");
        assert_eq!(guard("-"), "'-");
        assert_eq!(guard("Acme = best"), "Acme = best");
        assert_eq!(unguard("'=1+1"), "=1+1");
        assert_eq!(unguard("plain"), "plain");
        let mut cell = "''t Hooft".to_string();
        unguard_in_place(&mut cell);
        assert_eq!(cell, "'t Hooft");
    }

    proptest! {
        #[test]
        fn a_guarded_cell_comes_back_exactly(text in "['=+@\\-\\t\\ra-z0-9.,% ]{0,12}") {
            let written = guard(&text);
            prop_assert_eq!(unguard(&written), text.as_str());
            let formula = written.starts_with(['=', '+', '-', '@', '\t', '\r']);
            prop_assert!(!formula || is_plain_number(&written));
        }
    }
}
