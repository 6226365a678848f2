//! The board's filter: the quarters the close-date field offers and the words for its values.

use chrono::NaiveDate;

use crate::domain::Quarter;
use crate::tui::screens::pipeline::{BoardFilterField, PipelineState};

/// Quarters the close-date filter offers: two back, the current one, and four ahead.
const QUARTERS_BACK: usize = 2;
const QUARTERS_AHEAD: usize = 4;

/// The quarters the close-date filter steps through.
pub fn filter_quarters(as_of: NaiveDate) -> Vec<Quarter> {
    let now = Quarter::containing(as_of);
    let mut first = now;
    for _ in 0..QUARTERS_BACK {
        first = first.previous();
    }
    std::iter::successors(Some(first), |q| Some(q.next()))
        .take(QUARTERS_BACK + 1 + QUARTERS_AHEAD)
        .collect()
}

/// The label of one filter field's value ("any" when unset).
pub fn filter_value_label(p: &PipelineState, field: BoardFilterField) -> String {
    let f = &p.filter;
    let name = |list: &[(i64, String)], id: Option<i64>| {
        id.map(|id| {
            list.iter()
                .find(|(i, _)| *i == id)
                .map_or_else(|| id.to_string(), |(_, n)| n.clone())
        })
    };
    let reps: Vec<(i64, String)> = p
        .choices
        .reps
        .iter()
        .map(|(id, n, _)| (*id, n.clone()))
        .collect();
    match field {
        BoardFilterField::Rep => name(&reps, f.rep_id),
        BoardFilterField::Team => f.team.clone(),
        BoardFilterField::Product => name(&p.choices.products, f.product_id),
        BoardFilterField::CloseQuarter => f.close_quarter.map(|q| q.to_string()),
    }
    .unwrap_or_else(|| "any".into())
}

/// The active filters in one phrase, for the strip.
pub fn filter_label(p: &PipelineState) -> String {
    let parts: Vec<String> = BoardFilterField::ALL
        .iter()
        .filter_map(|&field| {
            let value = filter_value_label(p, field);
            (value != "any").then(|| format!("{} {value}", field.title().to_lowercase()))
        })
        .collect();
    if parts.is_empty() {
        "all deals (f filters)".into()
    } else {
        parts.join(" · ")
    }
}
