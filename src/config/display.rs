//! `[display]`: how the desk shows things, for now the one date format of every screen.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Deserialize;

/// `[display]` settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DisplaySettings {
    /// The format of every date on screen (`%Y-%m-%d`, ISO, by default).
    pub date_format: DateFormat,
}

/// A chrono `strftime` format for dates, checked when read: it must show the day, month and year
/// and hold nothing a date cannot give (no hours or time zones).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct DateFormat(String);

impl Default for DateFormat {
    fn default() -> Self {
        DateFormat("%Y-%m-%d".to_string())
    }
}

impl DateFormat {
    /// `day` in this format: the one function every screen shows a date through.
    pub fn show(&self, day: NaiveDate) -> String {
        let mut out = String::new();
        match write!(out, "{}", day.format(&self.0)) {
            Ok(()) => out,
            Err(_) => day.format("%Y-%m-%d").to_string(),
        }
    }
}

impl TryFrom<String> for DateFormat {
    type Error = String;

    /// Refuses a format that cannot show a date, or that leaves out its day, month or year.
    fn try_from(format: String) -> Result<Self, String> {
        let sample = NaiveDate::from_ymd_opt(2031, 12, 29).unwrap_or_default();
        let mut shown = String::new();
        if write!(shown, "{}", sample.format(&format)).is_err() {
            return Err(format!(
                "'{format}' is not a date format (use e.g. %Y-%m-%d or %d/%m/%Y)"
            ));
        }
        let has = |parts: &[&str]| parts.iter().any(|p| shown.contains(p));
        if !has(&["29"]) || !has(&["12", "Dec"]) || !has(&["2031", "31"]) {
            return Err(format!(
                "'{format}' leaves out the day, month or year (use e.g. %Y-%m-%d or %d/%m/%Y)"
            ));
        }
        Ok(DateFormat(format))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn iso_by_default_and_a_configured_format_everywhere() {
        assert_eq!(DateFormat::default().show(day()), "2026-11-26");
        let british = DateFormat::try_from("%d/%m/%Y".to_string()).unwrap();
        assert_eq!(british.show(day()), "26/11/2026");
    }

    #[test]
    fn formats_that_cannot_show_a_whole_date_are_refused() {
        for bad in ["%H:%M", "%Y-%m", "%Q", "plain"] {
            assert!(DateFormat::try_from(bad.to_string()).is_err(), "{bad}");
        }
    }
}
