//! ISO dates (`YYYY-MM-DD`) written and read without going through a format string: the bulk
//! paths (imports of a million rows) do it once or twice per row.

use chrono::{Datelike, NaiveDate};

/// `date` as `YYYY-MM-DD`, exactly as `date.format("%Y-%m-%d")` writes it.
pub fn iso_date(date: NaiveDate) -> String {
    let year = date.year();
    if !(0..=9_999).contains(&year) {
        return date.format("%Y-%m-%d").to_string();
    }
    let digits = |n: u32, width: usize, out: &mut String| {
        for place in (0..width).rev() {
            let digit = (n / 10u32.pow(place as u32)) % 10;
            out.push(char::from(b'0' + digit as u8));
        }
    };
    let mut out = String::with_capacity(10);
    digits(year.unsigned_abs(), 4, &mut out);
    out.push('-');
    digits(date.month(), 2, &mut out);
    out.push('-');
    digits(date.day(), 2, &mut out);
    out
}

/// The date of `text` when it is exactly `YYYY-MM-DD` (ten ASCII characters); `None` both for
/// other shapes and for days that do not exist. Where it gives a date, chrono's
/// `NaiveDate::parse_from_str(text, "%Y-%m-%d")` gives the same one.
pub fn iso_date_exact(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_chrono_writes() {
        for (y, m, d) in [
            (2026, 5, 15),
            (1, 1, 1),
            (999, 12, 31),
            (9999, 2, 3),
            (-5, 1, 1),
            (12345, 6, 7),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso_date(date), date.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn reads_what_chrono_reads() {
        for text in [
            "2026-05-15",
            "0001-01-01",
            "2024-02-29",
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
        ] {
            let chrono = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            assert_eq!(iso_date_exact(text), chrono, "{text}");
        }
        for other in [
            "2026-5-15",
            " 2026-05-15",
            "2026/05/15",
            "20260-5-15",
            "2026-05-1x",
            "",
        ] {
            assert_eq!(iso_date_exact(other), None, "{other}");
        }
    }
}
