//! Money as integer cents, so sums never drift the way floats do.

use std::fmt;
use std::ops::{Add, AddAssign};

/// An amount of money in cents of the book's single currency; serialised as integer cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub i64);

impl<'de> serde::Deserialize<'de> for Money {
    /// From integer cents, as [`Serialize`](serde::Serialize) writes it.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        i64::deserialize(d).map(Money)
    }
}

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
    /// Within half a unit below $1,000 and within 0.5% above, so it never reads as a
    /// different amount (`$999,999` is `$1.00M`, never `$1000k`).
    pub fn compact(self) -> String {
        const SCALES: [(f64, &str); 5] =
            [(1.0, ""), (1e3, "k"), (1e6, "M"), (1e9, "B"), (1e12, "T")];
        let sign = if self.0 < 0 { "-" } else { "" };
        let units = self.0.unsigned_abs() as f64 / 100.0;
        let mut text = String::new();
        for (scale, suffix) in SCALES {
            let value = units / scale;
            text = if suffix.is_empty() || value >= 99.95 {
                format!("{value:.0}")
            } else if value >= 9.995 {
                format!("{value:.1}")
            } else {
                format!("{value:.2}")
            };
            text.push_str(suffix);
            if value < 999.5 {
                break;
            }
        }
        format!("{sign}${text}")
    }

    /// The amount in at most `width` cells: whole units with separators when they fit,
    /// the compact form otherwise; never a cut string that would read as another amount.
    pub fn fitted(self, width: usize) -> String {
        let whole = self.whole();
        if whole.chars().count() <= width {
            whole
        } else {
            self.compact()
        }
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
        assert_eq!(Money(9_934_533_200).compact(), "$99.3M");
        assert_eq!(Money(597_000_000).compact(), "$5.97M");
    }

    #[test]
    fn compact_rounds_up_into_the_next_unit() {
        assert_eq!(Money(99_999_900).compact(), "$1.00M");
        assert_eq!(Money(99_960).compact(), "$1.00k");
        assert_eq!(Money(999_500).compact(), "$10.0k");
        assert_eq!(Money(9_999_500).compact(), "$100k");
        assert_eq!(Money(i64::MAX).compact(), "$92234T");
    }

    #[test]
    fn fitted_is_whole_when_it_fits_and_compact_otherwise() {
        assert_eq!(Money(9_934_533_200).fitted(12), "$99,345,332");
        assert_eq!(Money(9_934_533_200).fitted(8), "$99.3M");
        assert_eq!(Money(597_000_000).fitted(6), "$5.97M");
    }

    /// Reads a compact amount back into currency units.
    fn parse_compact(text: &str) -> f64 {
        let (sign, rest) = match text.strip_prefix('-') {
            Some(rest) => (-1.0, rest),
            None => (1.0, text),
        };
        let rest = rest.strip_prefix('$').unwrap_or(rest);
        let (digits, scale) = match rest.chars().last() {
            Some('k') => (&rest[..rest.len() - 1], 1e3),
            Some('M') => (&rest[..rest.len() - 1], 1e6),
            Some('B') => (&rest[..rest.len() - 1], 1e9),
            Some('T') => (&rest[..rest.len() - 1], 1e12),
            _ => (rest, 1.0),
        };
        sign * digits.parse::<f64>().unwrap_or(f64::NAN) * scale
    }

    proptest::proptest! {
        #[test]
        fn compact_parses_back_within_its_precision(cents in proptest::prelude::any::<i64>()) {
            let text = Money(cents).compact();
            let actual = cents as f64 / 100.0;
            let read = parse_compact(&text);
            let tolerance = (actual.abs() * 0.005).max(0.5) * (1.0 + 1e-9);
            proptest::prop_assert!((read - actual).abs() <= tolerance, "{cents} -> {text}");
        }

        #[test]
        fn fitted_parses_back_and_fits_when_compact_does(cents in proptest::prelude::any::<i64>(), width in 0usize..30) {
            let text = Money(cents).fitted(width);
            let actual = cents as f64 / 100.0;
            let read = if text.contains(',') || !text.ends_with(['k', 'M', 'B', 'T']) {
                text.replace([',', '$'], "").parse::<f64>().unwrap_or(f64::NAN)
            } else {
                parse_compact(&text)
            };
            let tolerance = (actual.abs() * 0.005).max(0.5) * (1.0 + 1e-9);
            proptest::prop_assert!((read - actual).abs() <= tolerance, "{cents} -> {text}");
            proptest::prop_assert!(text.len() <= width.max(Money(cents).compact().len()));
        }
    }

    #[test]
    fn sums_saturate_instead_of_overflowing() {
        assert_eq!(Money(i64::MAX) + Money(1), Money(i64::MAX));
    }
}
