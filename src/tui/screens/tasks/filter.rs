//! The words for the values of the tasks screen's filter, and stepping a field through them.

use crate::domain::TASK_KINDS;
use crate::tui::screens::tasks::{DueWindow, TaskFilterField, TasksState};

/// The label of one filter field's value ("any" when unset).
pub fn filter_value_label(t: &TasksState, field: TaskFilterField) -> String {
    match field {
        TaskFilterField::Team => t.filter.team.clone(),
        TaskFilterField::Rep => t
            .filter
            .rep_id
            .map(|id| t.rep(id).map_or_else(|| id.to_string(), |r| r.name.clone())),
        TaskFilterField::Due => Some(t.filter.due.label().to_string()),
        TaskFilterField::Kind => t.filter.kind.clone(),
    }
    .unwrap_or_else(|| "any".into())
}

/// Steps through any → first … last → any.
fn step<T: Clone + PartialEq>(values: &[T], current: Option<T>, forward: bool) -> Option<T> {
    let n = values.len();
    let at = current.and_then(|c| values.iter().position(|v| *v == c));
    let next = match (at, forward) {
        (None, true) => (n > 0).then_some(0),
        (None, false) => n.checked_sub(1),
        (Some(i), true) => (i + 1 < n).then_some(i + 1),
        (Some(i), false) => i.checked_sub(1),
    };
    next.map(|i| values[i].clone())
}

/// Steps one filter field to its next (`forward`) or previous value.
pub(super) fn step_filter(t: &mut TasksState, field: TaskFilterField, forward: bool) {
    match field {
        TaskFilterField::Team => {
            let mut teams: Vec<String> = t.reps().iter().map(|r| r.team.clone()).collect();
            teams.sort();
            teams.dedup();
            t.filter.team = step(&teams, t.filter.team.clone(), forward);
        }
        TaskFilterField::Rep => {
            let ids: Vec<i64> = t
                .reps()
                .iter()
                .filter(|r| t.filter.team.as_ref().is_none_or(|team| *team == r.team))
                .map(|r| r.id)
                .collect();
            t.filter.rep_id = step(&ids, t.filter.rep_id, forward);
        }
        TaskFilterField::Due => {
            let windows = &DueWindow::ALL[1..];
            let current = (t.filter.due != DueWindow::Any).then_some(t.filter.due);
            t.filter.due = step(windows, current, forward).unwrap_or_default();
        }
        TaskFilterField::Kind => {
            let kinds: Vec<String> = TASK_KINDS.iter().map(|k| k.to_string()).collect();
            t.filter.kind = step(&kinds, t.filter.kind.clone(), forward);
        }
    }
}
