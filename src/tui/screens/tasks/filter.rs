//! The words for the values of the tasks screen's filter.

use crate::tui::screens::tasks::{TaskFilterField, TasksState};

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
