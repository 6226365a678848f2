//! The small form behind `e` on a deal: amount, expected close date and probability override.
//! Parsing is strict and every refusal says what is wrong; nothing is saved until all fields parse.

pub mod keys;
pub mod view;

use chrono::NaiveDate;

use crate::db::board::Card;
use crate::domain::{DealChange, Money, parse_amount};

/// The fields of the form, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    /// Amount in currency units, e.g. `12,500` or `12500.50`.
    Amount,
    /// Expected close date, `YYYY-MM-DD`, or empty for none.
    ExpectedClose,
    /// Win probability in percent, or empty for the stage's default.
    Probability,
}

impl FormField {
    /// Every field in tab order.
    pub const ALL: [FormField; 3] = [
        FormField::Amount,
        FormField::ExpectedClose,
        FormField::Probability,
    ];

    /// The label shown beside the field.
    pub fn label(self) -> &'static str {
        match self {
            FormField::Amount => "Amount",
            FormField::ExpectedClose => "Expected close",
            FormField::Probability => "Probability %",
        }
    }
}

/// The form's state: the text of each field, which has the cursor, and the last refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealForm {
    /// The deal being edited.
    pub deal_id: i64,
    /// Its title, for the form's heading.
    pub title: String,
    /// Text of each field, in [`FormField::ALL`] order.
    pub values: [String; 3],
    /// The field being typed in.
    pub focus: usize,
    /// Why the last save was refused.
    pub error: Option<String>,
}

impl DealForm {
    /// A form filled with the card's current values.
    pub fn for_card(card: &Card) -> DealForm {
        DealForm {
            deal_id: card.id,
            title: card.title.clone(),
            values: [
                format_units(card.amount),
                card.expected_close_on
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                card.probability_bp.map(format_percent).unwrap_or_default(),
            ],
            focus: 0,
            error: None,
        }
    }

    /// Types a character into the focused field.
    pub fn type_char(&mut self, c: char) {
        if !c.is_control() {
            self.values[self.focus].push(c);
            self.error = None;
        }
    }

    /// Deletes the last character of the focused field.
    pub fn backspace(&mut self) {
        self.values[self.focus].pop();
        self.error = None;
    }

    /// Moves the cursor to the next (or previous) field.
    pub fn step_focus(&mut self, forward: bool) {
        let n = FormField::ALL.len();
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }

    /// The change the form describes, or the first field's refusal.
    pub fn change(&self) -> Result<DealChange, String> {
        Ok(DealChange::Edit {
            amount: parse_amount("amount", &self.values[0]).map_err(|e| e.to_string())?,
            expected_close_on: parse_date(&self.values[1])?,
            probability_bp: parse_probability(&self.values[2])?,
        })
    }
}

/// Parses `YYYY-MM-DD`; empty means no date.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("expected close: '{text}' is not a date (YYYY-MM-DD)"))
}

/// Parses a percentage 0–100 (decimals allowed) into basis points; empty means the stage default.
pub fn parse_probability(text: &str) -> Result<Option<i64>, String> {
    let text = text.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Ok(None);
    }
    let percent: f64 = text
        .parse()
        .map_err(|_| format!("probability: '{text}' is not a percentage"))?;
    if !(0.0..=100.0).contains(&percent) {
        return Err(format!("probability: {text}% is outside 0–100"));
    }
    Ok(Some((percent * 100.0).round() as i64))
}

fn format_units(amount: Money) -> String {
    let cents = amount.cents();
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{}.{:02}", cents / 100, cents % 100)
    }
}

fn format_percent(bp: i64) -> String {
    if bp % 100 == 0 {
        (bp / 100).to_string()
    } else {
        format!("{:.2}", bp as f64 / 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_amount_is_read_strictly_and_named() {
        let mut form = DealForm {
            deal_id: 1,
            title: "T".into(),
            values: ["12,5,0".into(), String::new(), String::new()],
            focus: 0,
            error: None,
        };
        assert_eq!(
            form.change().unwrap_err(),
            "amount: '12,5,0' is not an amount (e.g. 12,500 or 12500.50)"
        );
        form.values[0] = "$12,500.5".into();
        assert_eq!(
            form.change(),
            Ok(DealChange::Edit {
                amount: Money(1_250_050),
                expected_close_on: None,
                probability_bp: None
            })
        );
    }

    #[test]
    fn dates_and_probabilities_are_checked() {
        assert_eq!(parse_date(""), Ok(None));
        assert_eq!(
            parse_date("2026-12-31"),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 31))
        );
        assert!(parse_date("2026-13-01").unwrap_err().contains("not a date"));
        assert_eq!(parse_probability(""), Ok(None));
        assert_eq!(parse_probability("35%"), Ok(Some(3500)));
        assert_eq!(parse_probability("12.5"), Ok(Some(1250)));
        assert!(parse_probability("101").is_err());
        assert!(parse_probability("-1").is_err());
        assert!(parse_probability("high").is_err());
    }

    #[test]
    fn a_form_round_trips_its_values_and_reports_the_first_error() {
        let mut form = DealForm {
            deal_id: 1,
            title: "T".into(),
            values: [
                format_units(Money(1_234_550)),
                String::new(),
                format_percent(3750),
            ],
            focus: 0,
            error: None,
        };
        assert_eq!(form.values, ["12345.50", "", "37.50"]);
        assert_eq!(
            form.change(),
            Ok(DealChange::Edit {
                amount: Money(1_234_550),
                expected_close_on: None,
                probability_bp: Some(3750)
            })
        );
        form.step_focus(true);
        form.type_char('x');
        assert!(form.change().unwrap_err().starts_with("expected close"));
        form.step_focus(false);
        form.step_focus(false);
        assert_eq!(form.focus, 2);
    }
}
