//! Money as integer cents, so sums never drift the way floats do.

use std::fmt;
use std::ops::{Add, AddAssign};

/// An amount of money in cents of the book's single currency; serialised as integer cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub i64);

impl Money {
    /// Zero cents.
    pub const ZERO: Money = Money(0);

    /// The amount in cents.
    pub fn cents(self) -> i64 {
        self.0
    }

    /// Builds an amount from whole currency units.
    pub fn from_units(units: i64) -> Money {
        Money(units.saturating_mul(100))
    }

    /// Exact, in whole currency with two decimals and no symbol or separators (`1234.50`,
    /// `-3.05`), the form CSV files and other programs read back without loss.
    pub fn plain(self) -> String {
        hundredths(self.0)
    }

    /// Rounded to whole units with thousands separators (`$12,346`), for tables where cents are noise.
    pub fn whole(self) -> String {
        let units = (self.0 as i128 + if self.0 < 0 { -50 } else { 50 }) / 100;
        let sign = if units < 0 { "-" } else { "" };
        format!("{sign}${}", group_thousands(units.unsigned_abs()))
    }
}

impl serde::Serialize for Money {
    /// As integer cents, the way storage keeps it, so JSON consumers never meet rounding.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0)
    }
}

impl Money {
    /// Three significant figures with a unit (`$950`, `$12.3k`, `$1.24M`), for tight headers.
    pub fn compact(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let units = self.0.unsigned_abs() as f64 / 100.0;
        let (value, suffix) = match units {
            u if u >= 1e9 => (u / 1e9, "B"),
            u if u >= 1e6 => (u / 1e6, "M"),
            u if u >= 1e3 => (u / 1e3, "k"),
            u => return format!("{sign}${u:.0}"),
        };
        let text = if value >= 100.0 {
            format!("{value:.0}")
        } else if value >= 10.0 {
            format!("{value:.1}")
        } else {
            format!("{value:.2}")
        };
        format!("{sign}${text}{suffix}")
    }
}

impl fmt::Display for Money {
    /// Exact, with cents: `$12,345.67`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(
            f,
            "{sign}${}.{:02}",
            group_thousands(u128::from(abs / 100)),
            abs % 100
        )
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        *self = *self + rhs;
    }
}

/// `value / 100` exactly, with two decimals (`3550` → `35.50`, `-5` → `-0.05`): cents as
/// currency, or basis points as a percentage. Integer arithmetic only, so nothing rounds.
pub fn hundredths(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let abs = value.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// Digits grouped in threes with commas (`1234567` → `1,234,567`), for money and counts.
pub fn group_thousands(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_exact_with_grouping() {
        assert_eq!(Money(123_456_789).to_string(), "$1,234,567.89");
        assert_eq!(Money(5).to_string(), "$0.05");
        assert_eq!(Money(-100_050).to_string(), "-$1,000.50");
    }

    #[test]
    fn plain_is_exact_without_symbol_or_grouping() {
        assert_eq!(Money(0).plain(), "0.00");
        assert_eq!(Money(5).plain(), "0.05");
        assert_eq!(Money(-5).plain(), "-0.05");
        assert_eq!(Money(-305).plain(), "-3.05");
        assert_eq!(Money(123_450).plain(), "1234.50");
        assert_eq!(Money(i64::MAX).plain(), "92233720368547758.07");
        assert_eq!(Money(i64::MIN).plain(), "-92233720368547758.08");
        assert_eq!(hundredths(3550), "35.50");
    }

    #[test]
    fn whole_rounds_half_away_from_zero() {
        assert_eq!(Money(1_234_550).whole(), "$12,346");
        assert_eq!(Money(1_234_549).whole(), "$12,345");
        assert_eq!(Money(-150).whole(), "-$2");
        assert_eq!(Money(0).whole(), "$0");
        assert_eq!(Money(i64::MIN).whole(), "-$92,233,720,368,547,758");
    }

    #[test]
    fn compact_keeps_three_figures() {
        assert_eq!(Money(95_000).compact(), "$950");
        assert_eq!(Money(1_234_500).compact(), "$12.3k");
        assert_eq!(Money(12_345_600).compact(), "$123k");
        assert_eq!(Money(123_456_700).compact(), "$1.23M");
        assert_eq!(Money(-250_000_000_000).compact(), "-$2.50B");
    }

    #[test]
    fn sums_saturate_instead_of_overflowing() {
        assert_eq!(Money(i64::MAX) + Money(1), Money(i64::MAX));
    }
}
