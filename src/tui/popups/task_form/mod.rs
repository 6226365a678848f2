//! The forms of the tasks screen: add a task (`n`), edit one (`e`), and mark a rep absent (`a`).
//! Every field parses strictly and a refusal names the field; nothing is saved until all parse.

pub mod keys;
pub mod view;

use chrono::NaiveDate;

use crate::analytics::assign::Task;
use crate::domain::{NewTask, TASK_KINDS, TaskChange};

/// What the form saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormPurpose {
    /// A new task for this rep.
    Add {
        /// The rep who will hold it.
        rep_id: i64,
    },
    /// New values for this task.
    Edit {
        /// The task.
        task_id: i64,
        /// Its rep (kept).
        rep_id: i64,
    },
    /// An absence of this rep.
    Absence {
        /// The rep.
        rep_id: i64,
    },
}

/// Labels of the task form's fields, in tab order.
const TASK_LABELS: [&str; 5] = ["Title", "Kind", "Due (Y-M-D)", "Minutes", "Priority 1-3"];
/// Labels of the absence form's fields.
const ABSENCE_LABELS: [&str; 2] = ["From (Y-M-D)", "To (Y-M-D)"];

/// A small text form: labels, values, the focused field and the last refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskForm {
    /// What saving does.
    pub purpose: FormPurpose,
    /// The heading.
    pub heading: String,
    /// Field labels.
    pub labels: Vec<&'static str>,
    /// Field texts.
    pub values: Vec<String>,
    /// The field being typed in.
    pub focus: usize,
    /// Why the last save was refused.
    pub error: Option<String>,
}

impl TaskForm {
    /// An empty task form for `rep_id`, due `today`.
    pub fn add(rep_id: i64, rep_name: &str, today: NaiveDate) -> TaskForm {
        TaskForm {
            purpose: FormPurpose::Add { rep_id },
            heading: format!("New task for {rep_name}"),
            labels: TASK_LABELS.to_vec(),
            values: vec![
                String::new(),
                TASK_KINDS[0].into(),
                today.to_string(),
                "30".into(),
                "2".into(),
            ],
            focus: 0,
            error: None,
        }
    }

    /// A form filled with `task`'s values.
    pub fn edit(task: &Task) -> TaskForm {
        TaskForm {
            purpose: FormPurpose::Edit {
                task_id: task.id,
                rep_id: task.rep_id.unwrap_or_default(),
            },
            heading: format!("Edit “{}”", task.title),
            labels: TASK_LABELS.to_vec(),
            values: vec![
                task.title.clone(),
                task.kind.clone(),
                task.due_on.map(|d| d.to_string()).unwrap_or_default(),
                task.est_minutes.to_string(),
                task.priority.to_string(),
            ],
            focus: 0,
            error: None,
        }
    }

    /// An absence form for `rep_id`, from today to today.
    pub fn absence(rep_id: i64, rep_name: &str, today: NaiveDate) -> TaskForm {
        TaskForm {
            purpose: FormPurpose::Absence { rep_id },
            heading: format!("{rep_name} is absent"),
            labels: ABSENCE_LABELS.to_vec(),
            values: vec![today.to_string(), today.to_string()],
            focus: 0,
            error: None,
        }
    }

    /// Types a character into the focused field.
    pub fn type_char(&mut self, c: char) {
        if !c.is_control()
            && let Some(value) = self.values.get_mut(self.focus)
        {
            value.push(c);
            self.error = None;
        }
    }

    /// Deletes the last character of the focused field.
    pub fn backspace(&mut self) {
        if let Some(value) = self.values.get_mut(self.focus) {
            value.pop();
        }
        self.error = None;
    }

    /// Moves to the next (or previous) field.
    pub fn step_focus(&mut self, forward: bool) {
        let n = self.values.len().max(1);
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }

    fn value(&self, i: usize) -> &str {
        self.values.get(i).map_or("", |v| v.trim())
    }

    /// The change the form describes, or the first field's refusal.
    pub fn change(&self) -> Result<TaskChange, String> {
        match self.purpose {
            FormPurpose::Absence { rep_id } => {
                let from = date(self.value(0), "from")?;
                let to = date(self.value(1), "to")?;
                if to < from {
                    return Err(format!("to: {to} is before {from}"));
                }
                Ok(TaskChange::Absence { rep_id, from, to })
            }
            FormPurpose::Add { rep_id } => Ok(TaskChange::Add(self.new_task(rep_id)?)),
            FormPurpose::Edit { task_id, rep_id } => Ok(TaskChange::Edit {
                task_id,
                fields: self.new_task(rep_id)?,
            }),
        }
    }

    fn new_task(&self, rep_id: i64) -> Result<NewTask, String> {
        let title = self.value(0);
        if title.is_empty() {
            return Err("title: a task needs a title".into());
        }
        let kind = self.value(1).to_lowercase();
        if !TASK_KINDS.contains(&kind.as_str()) {
            return Err(format!(
                "kind: '{kind}' is not one of {}",
                TASK_KINDS.join(", ")
            ));
        }
        let due_on = match self.value(2) {
            "" => None,
            text => Some(date(text, "due")?),
        };
        let est_minutes: i64 = self
            .value(3)
            .parse()
            .ok()
            .filter(|m| (0..=10_000).contains(m))
            .ok_or_else(|| format!("minutes: '{}' is not a number of minutes", self.value(3)))?;
        let priority: i64 = self
            .value(4)
            .parse()
            .ok()
            .filter(|p| (1..=3).contains(p))
            .ok_or_else(|| format!("priority: '{}' is not 1, 2 or 3", self.value(4)))?;
        Ok(NewTask {
            title: title.to_string(),
            kind,
            rep_id,
            due_on,
            est_minutes,
            priority,
        })
    }
}

fn date(text: &str, field: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{field}: '{text}' is not a date (YYYY-MM-DD)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
    }

    #[test]
    fn a_filled_add_form_makes_a_new_task() {
        let mut form = TaskForm::add(3, "Cleo", today());
        for c in "Call back".chars() {
            form.type_char(c);
        }
        let Ok(TaskChange::Add(task)) = form.change() else {
            panic!("expected a new task");
        };
        assert_eq!(task.title, "Call back");
        assert_eq!(task.rep_id, 3);
        assert_eq!(task.due_on, Some(today()));
        assert_eq!((task.est_minutes, task.priority), (30, 2));
    }

    #[test]
    fn bad_fields_are_refused_by_name() {
        let mut form = TaskForm::add(1, "Ann", today());
        assert!(form.change().unwrap_err().starts_with("title"));
        form.values[0] = "X".into();
        form.values[1] = "lunch".into();
        assert!(form.change().unwrap_err().starts_with("kind"));
        form.values[1] = "call".into();
        form.values[2] = "26/11/2026".into();
        assert!(form.change().unwrap_err().starts_with("due"));
        form.values[2] = String::new();
        form.values[4] = "4".into();
        assert!(form.change().unwrap_err().starts_with("priority"));
    }

    #[test]
    fn an_absence_must_end_after_it_starts() {
        let mut form = TaskForm::absence(2, "Bo", today());
        form.values[1] = "2026-11-20".into();
        assert!(form.change().unwrap_err().starts_with("to"));
        form.values[1] = "2026-12-04".into();
        assert!(matches!(
            form.change(),
            Ok(TaskChange::Absence { rep_id: 2, .. })
        ));
    }
}
