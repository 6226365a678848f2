//! A deal's forecast category on cards, rows and records: a one-letter mark (C, B, P, O; `!`
//! after it when a manager set it), the words for a record, and the next category the record's
//! key steps to. The category in force is the one the call counts the deal in: the manager's
//! override, else the default from its stage and win odds (the model's when it is trusted, else
//! its own probability or its stage's rate).

use crate::analytics::commit::{Categorised, Category, categorise};
use crate::domain::Stage;
use crate::tui::app::App;
use crate::tui::screens::pipeline::deal_score;

/// The categories a manager steps through on a record, then back to the default (`None`).
pub const CYCLE: [Option<Category>; 5] = [
    Some(Category::Commit),
    Some(Category::BestCase),
    Some(Category::Pipeline),
    Some(Category::Omitted),
    None,
];

/// The category in force for a deal of `stage` with its own probability `own_bp` and the
/// manager's `overridden` one.
pub fn in_force(
    app: &App,
    deal_id: i64,
    stage: Stage,
    own_bp: Option<i64>,
    overridden: Option<Category>,
) -> Option<Categorised> {
    let model = deal_score::distrust(app)
        .is_none()
        .then(|| deal_score::score(app, deal_id).map(|s| s.probability))
        .flatten();
    let win = model.unwrap_or_else(|| {
        own_bp.unwrap_or_else(|| app.pipeline.default_probability(stage)) as f64 / 10_000.0
    });
    categorise(
        stage,
        win,
        overridden,
        &app.config.commit,
        &app.pipeline.catalogue,
    )
}

/// The short mark: `C`, `B`, `P`, `O` (`W` for Closed), with `!` when a manager set it.
pub fn mark(c: Categorised) -> String {
    let letter = match c.category {
        Category::Commit => 'C',
        Category::BestCase => 'B',
        Category::Pipeline => 'P',
        Category::Omitted => 'O',
        Category::Closed => 'W',
    };
    if c.overridden {
        format!("{letter}!")
    } else {
        letter.to_string()
    }
}

/// A record's words: `Commit (set by the manager)` or `Best case (from its stage and odds)`.
pub fn words(c: Categorised) -> String {
    let how = if c.overridden {
        "set by the manager"
    } else {
        "from its stage and odds"
    };
    format!("{} ({how})", c.category)
}

/// The category after `current` (a manager's override or `None`) in [`CYCLE`].
pub fn next(current: Option<Category>) -> Option<Category> {
    let at = CYCLE
        .iter()
        .position(|c| *c == current)
        .unwrap_or(CYCLE.len() - 1);
    CYCLE[(at + 1) % CYCLE.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_key_steps_through_every_category_and_back_to_the_default() {
        let mut seen = vec![None];
        let mut at = None;
        for _ in 0..CYCLE.len() {
            at = next(at);
            seen.push(at);
        }
        assert_eq!(seen.first(), seen.last());
        assert_eq!(seen[1], Some(Category::Commit));
        assert_eq!(next(Some(Category::Omitted)), None);
    }

    #[test]
    fn an_override_is_marked() {
        let c = |category, overridden| Categorised {
            category,
            overridden,
        };
        assert_eq!(mark(c(Category::Commit, false)), "C");
        assert_eq!(mark(c(Category::BestCase, true)), "B!");
        assert_eq!(
            words(c(Category::Omitted, true)),
            "Omitted (set by the manager)"
        );
    }
}
