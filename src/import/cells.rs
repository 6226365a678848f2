//! Turning one cell of text into a typed value; each failure says what was expected.

use chrono::NaiveDate;

use crate::domain::Money;

/// The unit money cells are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyUnit {
    /// Whole currency with up to 2 decimals: `1234.50`.
    #[default]
    Whole,
    /// Integer cents: `123450`.
    Cents,
    /// Thousands of the currency: `1.2345` is 1,234.50.
    Thousands,
    /// Millions of the currency: `1100.04` is 1,100,040,000.00.
    Millions,
}

impl MoneyUnit {
    /// Powers of ten from one unit to one cent.
    fn cents_exponent(self) -> u32 {
        match self {
            MoneyUnit::Cents => 0,
            MoneyUnit::Whole => 2,
            MoneyUnit::Thousands => 5,
            MoneyUnit::Millions => 8,
        }
    }

    /// The name shown in messages.
    pub fn name(self) -> &'static str {
        match self {
            MoneyUnit::Whole => "whole currency",
            MoneyUnit::Cents => "cents",
            MoneyUnit::Thousands => "thousands",
            MoneyUnit::Millions => "millions",
        }
    }
}

/// Parses a date in `format` (a chrono format such as `%Y-%m-%d`).
pub fn date(text: &str, format: &str) -> Result<NaiveDate, String> {
    if format == "%Y-%m-%d"
        && let Some(date) = crate::domain::iso_date_exact(text)
    {
        return Ok(date);
    }
    NaiveDate::parse_from_str(text, format)
        .map_err(|_| format!("'{text}' is not a date ({format})"))
}

/// Parses a calendar month, `YYYY-MM`, or a full date in `format`; returns its first day.
pub fn month(text: &str, format: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
        .or_else(|_| date(text, format))
        .map(|d| d.with_day0_first())
        .map_err(|_| format!("'{text}' is not a month (YYYY-MM or {format})"))
}

trait FirstOfMonth {
    fn with_day0_first(self) -> NaiveDate;
}

impl FirstOfMonth for NaiveDate {
    fn with_day0_first(self) -> NaiveDate {
        self - chrono::Days::new(u64::from(chrono::Datelike::day0(&self)))
    }
}

/// Parses an amount of money written in `unit`, exactly (no floating point).
///
/// Accepts a leading minus, a currency sign (`$ € £`), thousands separators (`,` or a space or
/// `'`) and a decimal point; more decimals than a cent can hold are an error, not a rounding.
pub fn money(text: &str, unit: MoneyUnit) -> Result<Money, String> {
    let bad = || format!("'{text}' is not an amount of money ({})", unit.name());
    let (units, scale) = decimal(text, &['$', '€', '£']).ok_or_else(bad)?;
    let exponent = unit.cents_exponent();
    if scale > exponent {
        return Err(format!(
            "'{text}' has more decimals than cents can hold ({})",
            unit.name()
        ));
    }
    let cents = units
        .checked_mul(10_i128.pow(exponent - scale))
        .and_then(|c| i64::try_from(c).ok())
        .ok_or_else(|| format!("'{text}' is too large an amount"))?;
    Ok(Money(cents))
}

/// Parses a percentage with up to 2 decimals (`35.5` or `35.5%`) into basis points.
pub fn percent_bp(text: &str) -> Result<i64, String> {
    let bad = || format!("'{text}' is not a percentage (e.g. 35 or 35.5%)");
    let (units, scale) = decimal(text, &['%']).ok_or_else(bad)?;
    if scale > 2 {
        return Err(format!("'{text}' has more than 2 decimals"));
    }
    let bp = units * 10_i128.pow(2 - scale);
    i64::try_from(bp).map_err(|_| bad())
}

/// Parses a whole number, allowing thousands separators.
pub fn integer(text: &str) -> Result<i64, String> {
    match decimal(text, &[]) {
        Some((units, 0)) => i64::try_from(units).map_err(|_| format!("'{text}' is too large")),
        _ => Err(format!("'{text}' is not a whole number")),
    }
}

/// Parses yes/no, true/false, y/n or 1/0, ignoring case.
pub fn boolean(text: &str) -> Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "t" | "1" => Ok(true),
        "no" | "n" | "false" | "f" | "0" => Ok(false),
        _ => Err(format!("'{text}' is not yes or no")),
    }
}

/// Splits a decimal number into an integer of its digits and the count of digits after the point.
fn decimal(text: &str, skip: &[char]) -> Option<(i128, u32)> {
    let mut units: i128 = 0;
    let mut scale: Option<u32> = None;
    let mut digits = 0;
    let mut negative = false;
    for (i, c) in text.trim().char_indices() {
        match c {
            '0'..='9' => {
                units = units
                    .checked_mul(10)?
                    .checked_add(i128::from(c as u8 - b'0'))?;
                digits += 1;
                if let Some(s) = scale.as_mut() {
                    *s += 1;
                }
            }
            '.' if scale.is_none() => scale = Some(0),
            '-' if i == 0 => negative = true,
            ',' | ' ' | '\'' | '_' if scale.is_none() && digits > 0 => {}
            c if skip.contains(&c) => {}
            _ => return None,
        }
    }
    if digits == 0 || digits > 30 {
        return None;
    }
    Some((if negative { -units } else { units }, scale.unwrap_or(0)))
}

/// Checks that `format` is a chrono date format with at least one field.
pub(super) fn check_date_format(format: &str) -> Result<(), String> {
    let valid = chrono::format::StrftimeItems::new(format)
        .all(|item| !matches!(item, chrono::format::Item::Error));
    if valid && format.contains('%') {
        Ok(())
    } else {
        Err(format!(
            "date_format '{format}' is not a chrono date format (e.g. \"%Y-%m-%d\")"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_in_every_unit_is_exact() {
        assert_eq!(money("1234.5", MoneyUnit::Whole), Ok(Money(123_450)));
        assert_eq!(money("$1,234.56", MoneyUnit::Whole), Ok(Money(123_456)));
        assert_eq!(money("-3.05", MoneyUnit::Whole), Ok(Money(-305)));
        assert_eq!(money("0", MoneyUnit::Whole), Ok(Money(0)));
        assert_eq!(money("123450", MoneyUnit::Cents), Ok(Money(123_450)));
        assert_eq!(
            money("1100.04", MoneyUnit::Millions),
            Ok(Money(110_004_000_000))
        );
        assert_eq!(money("1.2345", MoneyUnit::Thousands), Ok(Money(123_450)));
    }

    #[test]
    fn money_refuses_what_it_cannot_hold() {
        assert!(
            money("1.234", MoneyUnit::Whole)
                .unwrap_err()
                .contains("decimals")
        );
        assert!(money("12.5", MoneyUnit::Cents).is_err());
        assert!(
            money("abc", MoneyUnit::Whole)
                .unwrap_err()
                .contains("'abc'")
        );
        assert!(money("", MoneyUnit::Whole).is_err());
        assert!(money("1.2.3", MoneyUnit::Whole).is_err());
        assert!(money("99999999999999999999", MoneyUnit::Whole).is_err());
    }

    #[test]
    fn dates_follow_the_given_format() {
        let d = NaiveDate::from_ymd_opt(2017, 3, 1);
        assert_eq!(date("2017-03-01", "%Y-%m-%d").ok(), d);
        assert_eq!(date("03/01/2017", "%m/%d/%Y").ok(), d);
        assert_eq!(date("20170301", "%Y%m%d").ok(), d);
        assert_eq!(
            date("2017-13-01", "%Y-%m-%d"),
            Err("'2017-13-01' is not a date (%Y-%m-%d)".to_string())
        );
    }

    #[test]
    fn months_accept_a_month_or_a_date() {
        let first = NaiveDate::from_ymd_opt(2024, 2, 1);
        assert_eq!(month("2024-02", "%Y-%m-%d").ok(), first);
        assert_eq!(month("2024-02-29", "%Y-%m-%d").ok(), first);
        assert!(month("2024-14", "%Y-%m-%d").is_err());
    }

    #[test]
    fn percentages_become_basis_points() {
        assert_eq!(percent_bp("35.5%"), Ok(3550));
        assert_eq!(percent_bp("35.50"), Ok(3550));
        assert_eq!(percent_bp("-5"), Ok(-500));
        assert!(percent_bp("1.234").is_err());
    }

    #[test]
    fn integers_and_booleans() {
        assert_eq!(integer("2,822"), Ok(2822));
        assert!(integer("12.5").is_err());
        assert_eq!(boolean("Yes"), Ok(true));
        assert_eq!(boolean("0"), Ok(false));
        assert!(boolean("maybe").is_err());
    }
}
