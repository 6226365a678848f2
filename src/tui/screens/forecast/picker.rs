//! The Forecast screen's group picker: the total and every rep, product and team in one list,
//! narrowed by typed words (type-ahead), so one of 35 reps is a few keys away.

use crate::analytics::forecast::{Breakdown, SeriesForecast};
use crate::tui::widgets::picker::{TypeAhead, matching};

/// The picker's typed text and where its cursor is among the matches.
pub type GroupPicker = TypeAhead;

/// One group the picker can offer: which breakdown, its place in that breakdown, its name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Choice<'a> {
    /// The group's breakdown.
    pub breakdown: Breakdown,
    /// Its position among the groups of that breakdown.
    pub position: usize,
    /// The group and its forecast.
    pub group: &'a SeriesForecast,
}

/// A picker with nothing typed, its cursor on `current` among `choices` when it is there.
pub fn opened_at(choices: &[Choice], current: (Breakdown, usize)) -> GroupPicker {
    let cursor = choices
        .iter()
        .position(|c| (c.breakdown, c.position) == current)
        .unwrap_or(0);
    GroupPicker {
        query: String::new(),
        cursor,
    }
}

/// The choices matching what was typed in `picker`, by kind and name (the pickers' one rule):
/// "bo c" finds rep Bo Chen, not Onboarding Pack.
pub fn matches<'a>(picker: &GroupPicker, choices: &[Choice<'a>]) -> Vec<Choice<'a>> {
    matching(choices, &picker.query, |choice| {
        format!("{} {}", choice.breakdown, choice.group.name)
    })
    .into_iter()
    .copied()
    .collect()
}

/// Every group of every breakdown of `groups`, in order, numbered within its breakdown.
pub fn choices(groups: &[SeriesForecast]) -> Vec<Choice<'_>> {
    Breakdown::ALL
        .into_iter()
        .flat_map(|breakdown| {
            groups
                .iter()
                .filter(move |g| g.breakdown == breakdown)
                .enumerate()
                .map(move |(position, group)| Choice {
                    breakdown,
                    position,
                    group,
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::forecast::SeriesProblem;
    use crate::domain::Month;

    fn group(breakdown: Breakdown, name: &str) -> SeriesForecast {
        SeriesForecast {
            breakdown,
            id: None,
            name: name.into(),
            series: None,
            model: Err(SeriesProblem::NoWonDeals {
                last: Month::new(2026, 10).unwrap_or_else(|| panic!("a month")),
            }),
            pipeline: vec![],
            pipeline_undated: 0,
        }
    }

    fn book() -> Vec<SeriesForecast> {
        vec![
            group(Breakdown::Total, "Total"),
            group(Breakdown::Rep, "Ann Lee"),
            group(Breakdown::Rep, "Cleo Díaz"),
            group(Breakdown::Product, "Core Pro"),
            group(Breakdown::Team, "North"),
            group(Breakdown::Team, "Central"),
        ]
    }

    #[test]
    fn choices_number_groups_within_their_breakdown() {
        let groups = book();
        let all = choices(&groups);
        let keys: Vec<_> = all.iter().map(|c| (c.breakdown, c.position)).collect();
        assert_eq!(
            keys,
            [
                (Breakdown::Total, 0),
                (Breakdown::Rep, 0),
                (Breakdown::Rep, 1),
                (Breakdown::Product, 0),
                (Breakdown::Team, 0),
                (Breakdown::Team, 1),
            ]
        );
    }

    #[test]
    fn every_typed_word_must_start_a_word_of_kind_or_name_ignoring_case_and_accents() {
        let groups = book();
        let all = choices(&groups);
        let mut picker = GroupPicker::default();
        let names = |picker: &GroupPicker| -> Vec<String> {
            matches(picker, &all)
                .iter()
                .map(|c| c.group.name.clone())
                .collect()
        };
        assert_eq!(names(&picker).len(), 6, "nothing typed: everything");
        for c in "DIAZ".chars() {
            picker.type_char(c);
        }
        assert_eq!(names(&picker), ["Cleo Díaz"]);
        picker.query = "team".into();
        assert_eq!(names(&picker), ["North", "Central"]);
        picker.query = "team n".into();
        assert_eq!(names(&picker), ["North"]);
        picker.query = "ort".into();
        assert!(names(&picker).is_empty(), "inside a word is no match");
        picker.query = "c".into();
        assert_eq!(names(&picker), ["Cleo Díaz", "Core Pro", "Central"]);
        picker.query = "zzz".into();
        assert!(names(&picker).is_empty());
    }

    #[test]
    fn the_cursor_opens_on_the_group_shown_and_stays_among_the_matches() {
        let groups = book();
        let all = choices(&groups);
        let mut picker = opened_at(&all, (Breakdown::Team, 1));
        assert_eq!(picker.cursor, 5);
        picker.move_by(3, 6);
        assert_eq!(picker.cursor, 5);
        picker.type_char('a');
        assert_eq!(picker.cursor, 0, "typing goes back to the first match");
        picker.move_by(-1, 4);
        assert_eq!(picker.cursor, 0);
        picker.move_by(2, 0);
        assert_eq!(picker.cursor, 0, "no match: nowhere to go");
        picker.delete_char();
        assert_eq!(picker.query, "");
    }
}
