//! The Forecast screen's group picker: the total and every rep, product and team in one list,
//! narrowed by typed words (type-ahead), so one of 35 reps is a few keys away.

use crate::analytics::forecast::{Breakdown, SeriesForecast};

/// The picker's typed text and where its cursor is among the matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupPicker {
    /// The typed text.
    pub query: String,
    /// Position among the matches.
    pub cursor: usize,
}

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

impl GroupPicker {
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

    /// The choices where every typed word starts a word of the kind or the name (any case,
    /// accents ignored): "bo c" finds rep Bo Chen, not Onboarding Pack.
    pub fn matches<'a>(&self, choices: &[Choice<'a>]) -> Vec<Choice<'a>> {
        let typed: Vec<String> = self.query.split_whitespace().map(fold).collect();
        choices
            .iter()
            .filter(|choice| {
                let text = fold(&format!("{} {}", choice.breakdown, choice.group.name));
                let words: Vec<&str> = text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                typed
                    .iter()
                    .all(|t| words.iter().any(|w| w.starts_with(t.as_str())))
            })
            .copied()
            .collect()
    }

    /// Adds a typed character; the cursor goes back to the first match.
    pub fn type_char(&mut self, c: char) {
        self.query.push(c);
        self.cursor = 0;
    }

    /// Deletes the last typed character; the cursor goes back to the first match.
    pub fn delete_char(&mut self) {
        self.query.pop();
        self.cursor = 0;
    }

    /// Moves the cursor `by` places among `count` matches, stopping at either end.
    pub fn move_by(&mut self, by: isize, count: usize) {
        let last = count.saturating_sub(1) as isize;
        self.cursor = (self.cursor as isize + by).clamp(0, last.max(0)) as usize;
    }
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

/// Lower case with the common Latin accents dropped, so "diaz" finds "Díaz".
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            'ý' | 'ÿ' => 'y',
            other => other,
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
            picker
                .matches(&all)
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
        let mut picker = GroupPicker::opened_at(&all, (Breakdown::Team, 1));
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
