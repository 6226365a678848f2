//! What a manager types into a form or a script, read into values: dates with shorthands, amounts
//! with thousands separators, and company names folded for the likely-duplicate check. Every
//! refusal names the field and the problem.

use chrono::{Datelike, Days, NaiveDate};

use crate::domain::{Money, Quarter};

/// Bad input: which field, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct FieldError {
    /// The field as the form or the command line names it (`close date`, `amount`, `name`).
    pub field: String,
    /// What is wrong, in words.
    pub problem: String,
}

impl FieldError {
    /// A refusal of `field` for `problem`.
    pub fn new(field: &str, problem: impl Into<String>) -> FieldError {
        FieldError {
            field: field.to_string(),
            problem: problem.into(),
        }
    }
}

/// Reads a date typed into `field`: `YYYY-MM-DD`, `today`, `+30d`, `+2w`, `eom` (end of this
/// month) or `eoq` (end of this quarter), relative to `today`.
pub fn parse_date(field: &str, text: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    let t = text.trim().to_ascii_lowercase();
    let hint = "use YYYY-MM-DD, today, +30d, +2w, eom or eoq";
    match t.as_str() {
        "" => return Err(FieldError::new(field, format!("no date given; {hint}"))),
        "today" => return Ok(today),
        "eom" => return end_of_month(field, today),
        "eoq" => {
            return Quarter::containing(today)
                .last_day()
                .ok_or_else(|| FieldError::new(field, "the quarter's end is out of range"));
        }
        _ => {}
    }
    if let Some(rest) = t.strip_prefix('+') {
        let (number, per) = match rest.char_indices().last() {
            Some((i, 'd')) => (&rest[..i], 1),
            Some((i, 'w')) => (&rest[..i], 7),
            _ => {
                return Err(FieldError::new(
                    field,
                    format!("'{}' is not a date; {hint}", text.trim()),
                ));
            }
        };
        let n: u64 = number.parse().map_err(|_| {
            FieldError::new(field, format!("'{}' is not a date; {hint}", text.trim()))
        })?;
        return n
            .checked_mul(per)
            .and_then(|days| today.checked_add_days(Days::new(days)))
            .ok_or_else(|| FieldError::new(field, format!("'{}' is too far ahead", text.trim())));
    }
    let parts: Vec<&str> = t.split('-').collect();
    let [y, m, d] = parts[..] else {
        return Err(FieldError::new(
            field,
            format!("'{}' is not a date; {hint}", text.trim()),
        ));
    };
    let number = |s: &str| {
        s.parse::<u32>()
            .ok()
            .filter(|_| s.chars().all(|c| c.is_ascii_digit()))
    };
    match (y.len(), number(y), number(m), number(d)) {
        (4, Some(y), Some(m), Some(d)) => {
            NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| {
                FieldError::new(
                    field,
                    format!("{} is not a day of the calendar", text.trim()),
                )
            })
        }
        _ => Err(FieldError::new(
            field,
            format!("'{}' is not a date; {hint}", text.trim()),
        )),
    }
}

fn end_of_month(field: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    let (y, m) = if today.month() == 12 {
        (today.year() + 1, 1)
    } else {
        (today.year(), today.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .ok_or_else(|| FieldError::new(field, "the month's end is out of range"))
}

/// Reads an amount typed into `field`: digits with an optional `$`, commas only between groups of
/// three (`12,500`), and at most two decimals (`12500.50`). `12,5,0` and negatives are refused.
pub fn parse_amount(field: &str, text: &str) -> Result<Money, FieldError> {
    let shown = text.trim();
    let bad = || {
        FieldError::new(
            field,
            format!("'{shown}' is not an amount (e.g. 12,500 or 12500.50)"),
        )
    };
    let body = shown.strip_prefix('$').unwrap_or(shown).trim_start();
    if body.starts_with('-') {
        return Err(FieldError::new(
            field,
            format!("'{shown}' is negative; amounts cannot be below 0"),
        ));
    }
    let (whole, decimals) = match body.split_once('.') {
        Some((w, d)) if (1..=2).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit()) => {
            (w, d)
        }
        Some(_) => return Err(bad()),
        None => (body, ""),
    };
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped_well = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if whole.is_empty()
        || !grouped_well
        || !groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(bad());
    }
    let units: i64 = groups
        .concat()
        .parse()
        .map_err(|_| FieldError::new(field, format!("'{shown}' is too large")))?;
    let cents: i64 = format!("{decimals:0<2}").parse().map_err(|_| bad())?;
    units
        .checked_mul(100)
        .and_then(|u| u.checked_add(cents))
        .map(Money)
        .ok_or_else(|| FieldError::new(field, format!("'{shown}' is too large")))
}

/// Legal-form words dropped when names are compared for duplicates.
const LEGAL_SUFFIXES: [&str; 22] = [
    "inc",
    "incorporated",
    "llc",
    "llp",
    "ltd",
    "limited",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "sarl",
    "bv",
    "nv",
    "plc",
    "co",
    "corp",
    "corporation",
    "company",
    "pty",
    "oy",
    "ab",
    "srl",
];

/// A company name folded for the likely-duplicate check: lower case, punctuation dropped, words
/// single-spaced, trailing legal forms removed (`Acme, Inc.` and `ACME GmbH` both fold to `acme`).
pub fn fold_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else if c == '&' {
                '&'
            } else {
                ' '
            }
        })
        .collect();
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    while words.len() > 1 && words.last().is_some_and(|w| LEGAL_SUFFIXES.contains(w)) {
        words.pop();
    }
    words.join(" ")
}

/// A required text field trimmed, or a refusal naming it when it is empty.
pub fn required(field: &str, text: &str) -> Result<String, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        Err(FieldError::new(field, "cannot be empty"))
    } else {
        Ok(t.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_and_shorthands() {
        let today = day(2026, 2, 10);
        assert_eq!(
            parse_date("close date", "2026-03-01", today),
            Ok(day(2026, 3, 1))
        );
        assert_eq!(parse_date("close date", "today", today), Ok(today));
        assert_eq!(
            parse_date("close date", "+30d", today),
            Ok(day(2026, 3, 12))
        );
        assert_eq!(parse_date("close date", "+2w", today), Ok(day(2026, 2, 24)));
        assert_eq!(parse_date("close date", "EOM", today), Ok(day(2026, 2, 28)));
        assert_eq!(parse_date("close date", "eoq", today), Ok(day(2026, 3, 31)));
        assert_eq!(
            parse_date("due", "eom", day(2026, 12, 5)),
            Ok(day(2026, 12, 31))
        );
    }

    #[test]
    fn impossible_dates_name_the_field() {
        let today = day(2026, 2, 10);
        let err = parse_date("close date", "2026-02-30", today).unwrap_err();
        assert_eq!(
            err.to_string(),
            "close date: 2026-02-30 is not a day of the calendar"
        );
        for bad in [
            "",
            "tomorrow",
            "+d",
            "+3x",
            "26-02-01",
            "2026-2",
            "+-3d",
            "2026-02-1a",
        ] {
            let err = parse_date("due", bad, today).unwrap_err();
            assert_eq!(err.field, "due", "{bad}");
        }
    }

    #[test]
    fn amounts_with_separators() {
        assert_eq!(parse_amount("amount", "12,500"), Ok(Money(1_250_000)));
        assert_eq!(
            parse_amount("amount", "$1,234,567.5"),
            Ok(Money(123_456_750))
        );
        assert_eq!(parse_amount("amount", "12500.05"), Ok(Money(1_250_005)));
        assert_eq!(parse_amount("amount", " 0 "), Ok(Money(0)));
    }

    #[test]
    fn bad_amounts_name_the_field() {
        for bad in [
            "12,5,0",
            "",
            "1,23",
            ",500",
            "12.345",
            "-5",
            "1e3",
            "12.",
            "99999999999999999999",
        ] {
            let err = parse_amount("amount", bad).unwrap_err();
            assert_eq!(err.field, "amount", "{bad}");
        }
        assert_eq!(
            parse_amount("amount", "12,5,0").unwrap_err().to_string(),
            "amount: '12,5,0' is not an amount (e.g. 12,500 or 12500.50)"
        );
    }

    #[test]
    fn names_fold_case_punctuation_and_legal_forms() {
        assert_eq!(fold_name("Acme, Inc."), "acme");
        assert_eq!(fold_name("ACME GmbH"), "acme");
        assert_eq!(fold_name("  Acme   Co. Ltd "), "acme");
        assert_eq!(fold_name("Smith & Sons LLC"), "smith & sons");
        assert_eq!(fold_name("Inc"), "inc");
        assert_ne!(fold_name("Acme Widgets"), fold_name("Acme"));
    }

    #[test]
    fn required_fields() {
        assert_eq!(required("name", "  Ann "), Ok("Ann".to_string()));
        assert_eq!(
            required("name", "  ").unwrap_err().to_string(),
            "name: cannot be empty"
        );
    }
}
