//! Text fitted to table columns.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::group_thousands;

/// `text` cut or padded to exactly `width` cells.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return format!("{text}{}", " ".repeat(width - text.width()));
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    used += 1;
    out + &" ".repeat(width.saturating_sub(used))
}

/// `n` with thousands separators and `noun` made plural unless `n` is one (`1 deal`, `2,000 deals`).
pub fn count(n: i64, noun: &str) -> String {
    let sign = if n < 0 { "-" } else { "" };
    let plural = if n == 1 { "" } else { "s" };
    format!(
        "{sign}{} {noun}{plural}",
        group_thousands(n.unsigned_abs().into())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_and_plural_only_when_not_one() {
        assert_eq!(count(1, "deal"), "1 deal");
        assert_eq!(count(0, "deal"), "0 deals");
        assert_eq!(count(2_000, "deal"), "2,000 deals");
    }
}
