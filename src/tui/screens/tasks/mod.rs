//! The tasks screen's state: open tasks grouped by rep, the selection, the filter, and the open
//! popup (rep picker, form, or plan view). Pure data; [`update`] changes it.

pub mod filter;
pub mod keys;
pub mod popups;
pub mod results;
pub mod update;
pub mod view;

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::analytics::assign::{AssignInput, Rep, Scope, Task};
use crate::tui::keymap::binding::Context;
pub use crate::tui::popups::plan::PlanView;
pub use crate::tui::popups::rep_picker::RepPicker;
use crate::tui::popups::task_form::TaskForm;
use crate::tui::widgets::picker::matching;

/// Which due dates the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DueWindow {
    /// Every task.
    #[default]
    Any,
    /// Due before today.
    Overdue,
    /// Due today or before.
    Today,
    /// Due within the next 7 days, or overdue.
    Week,
    /// Due within the next 14 days, or overdue.
    Fortnight,
}

impl DueWindow {
    /// Every window, in the order the filter steps through them.
    pub const ALL: [DueWindow; 5] = [
        DueWindow::Any,
        DueWindow::Overdue,
        DueWindow::Today,
        DueWindow::Week,
        DueWindow::Fortnight,
    ];

    /// How the filter shows it.
    pub fn label(self) -> &'static str {
        match self {
            DueWindow::Any => "any",
            DueWindow::Overdue => "overdue",
            DueWindow::Today => "due by today",
            DueWindow::Week => "due within 7 days",
            DueWindow::Fortnight => "due within 14 days",
        }
    }

    /// True when a task due on `due` falls in the window as of `today`.
    pub fn contains(self, due: Option<NaiveDate>, today: NaiveDate) -> bool {
        let days = due.map(|d| (d - today).num_days());
        match self {
            DueWindow::Any => true,
            DueWindow::Overdue => days.is_some_and(|d| d < 0),
            DueWindow::Today => days.is_some_and(|d| d <= 0),
            DueWindow::Week => days.is_some_and(|d| d <= 7),
            DueWindow::Fortnight => days.is_some_and(|d| d <= 14),
        }
    }
}

/// The fields of the tasks filter, in the editor's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskFilterField {
    /// The rep's team.
    Team,
    /// One rep.
    Rep,
    /// Due window.
    Due,
    /// Task kind.
    Kind,
}

impl TaskFilterField {
    /// Every field.
    pub const ALL: [TaskFilterField; 4] = [
        TaskFilterField::Team,
        TaskFilterField::Rep,
        TaskFilterField::Due,
        TaskFilterField::Kind,
    ];

    /// The field's name.
    pub fn title(self) -> &'static str {
        match self {
            TaskFilterField::Team => "Team",
            TaskFilterField::Rep => "Rep",
            TaskFilterField::Due => "Due",
            TaskFilterField::Kind => "Kind",
        }
    }
}

/// What the list shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TaskFilter {
    /// Only this team's reps.
    pub team: Option<String>,
    /// Only this rep.
    pub rep_id: Option<i64>,
    /// Only tasks due in this window.
    pub due: DueWindow,
    /// Only this kind.
    pub kind: Option<String>,
}

/// A line of the list: a rep's header (None: tasks without a rep) or a task (index into the
/// loaded tasks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow {
    /// A rep with their load bar.
    Rep(Option<i64>),
    /// A task.
    Task(usize),
}

/// A rep's load over every open task (whatever the filter shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Load {
    /// Open tasks.
    pub open: i64,
    /// Their estimated minutes.
    pub minutes: i64,
}

/// Everything the tasks screen shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TasksState {
    /// Open tasks and reps, once loaded.
    pub input: Option<AssignInput>,
    /// True once the first load was asked for (a failed load is not retried on every key).
    pub requested: bool,
    /// The lines of the list.
    pub rows: Vec<ListRow>,
    /// The highlighted line (always a task line when there is one).
    pub cursor: usize,
    /// First line shown.
    pub scroll: usize,
    /// Task ids selected with Space.
    pub selected: BTreeSet<i64>,
    /// The filter.
    pub filter: TaskFilter,
    /// The filter field being edited, while the editor is open.
    pub filter_editor: Option<TaskFilterField>,
    /// The rep picker, while open.
    pub picker: Option<RepPicker>,
    /// The add, edit or absence form, while open.
    pub form: Option<TaskForm>,
    /// The plan view, while open.
    pub plan: Option<PlanView>,
    /// The plans against results, while open.
    pub results: Option<results::ResultsView>,
}

impl TasksState {
    /// The key-map contexts that apply on the tasks screen now, most specific first: an open
    /// popup's, or the screen's and the global ones.
    pub fn contexts(&self) -> Vec<Context> {
        match () {
            _ if self.plan.is_some() => vec![Context::Plan],
            _ if self.results.is_some() => vec![Context::History],
            _ if self.picker.is_some() => vec![Context::RepPicker],
            _ if self.form.is_some() => vec![Context::TaskForm],
            _ if self.filter_editor.is_some() => vec![Context::Filter],
            _ => vec![Context::Tasks, Context::Global],
        }
    }

    /// Takes freshly loaded tasks, keeping the cursor on the same task where it still shows.
    pub fn replace_input(&mut self, input: AssignInput) {
        let current = self.selected_task().map(|t| t.id);
        let open: BTreeSet<i64> = input.tasks.iter().map(|t| t.id).collect();
        self.selected.retain(|id| open.contains(id));
        self.input = Some(input);
        self.rebuild(current);
    }

    /// The loaded reps (none before the first load).
    pub fn reps(&self) -> &[Rep] {
        self.input.as_ref().map_or(&[], |i| &i.reps)
    }

    /// The loaded tasks.
    pub fn tasks(&self) -> &[Task] {
        self.input.as_ref().map_or(&[], |i| &i.tasks)
    }

    /// A rep by id.
    pub fn rep(&self, id: i64) -> Option<&Rep> {
        self.reps().iter().find(|r| r.id == id)
    }

    /// A rep's load over all open tasks.
    pub fn load(&self, rep_id: i64) -> Load {
        self.tasks()
            .iter()
            .filter(|t| t.rep_id == Some(rep_id))
            .fold(Load::default(), |l, t| Load {
                open: l.open + 1,
                minutes: l.minutes + t.est_minutes,
            })
    }

    /// Today, as the loaded tasks were read.
    pub fn as_of(&self) -> NaiveDate {
        self.input.as_ref().map_or(NaiveDate::MIN, |i| i.as_of)
    }

    /// True when the task's rep cannot do it: inactive, or absent on its due date.
    pub fn needs_new_owner(&self, task: &Task) -> bool {
        task.rep_id
            .and_then(|id| self.rep(id))
            .is_some_and(|r| r.unavailable_for(task, self.as_of()).is_some())
    }

    fn shows_rep(&self, rep: &Rep) -> bool {
        self.filter.team.as_ref().is_none_or(|t| *t == rep.team)
            && self.filter.rep_id.is_none_or(|id| id == rep.id)
    }

    fn shows_task(&self, task: &Task) -> bool {
        self.filter.due.contains(task.due_on, self.as_of())
            && self.filter.kind.as_ref().is_none_or(|k| *k == task.kind)
    }

    /// Rebuilds the lines after a load or a filter change, putting the cursor on `keep` if shown.
    pub fn rebuild(&mut self, keep: Option<i64>) {
        let mut rows = Vec::new();
        for rep in self.reps() {
            if !self.shows_rep(rep) {
                continue;
            }
            rows.push(ListRow::Rep(Some(rep.id)));
            rows.extend(
                self.tasks()
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.rep_id == Some(rep.id) && self.shows_task(t))
                    .map(|(i, _)| ListRow::Task(i)),
            );
        }
        let unowned: Vec<ListRow> = self
            .tasks()
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                t.rep_id.is_none_or(|id| self.rep(id).is_none())
                    && self.filter.team.is_none()
                    && self.filter.rep_id.is_none()
                    && self.shows_task(t)
            })
            .map(|(i, _)| ListRow::Task(i))
            .collect();
        if !unowned.is_empty() {
            rows.push(ListRow::Rep(None));
            rows.extend(unowned);
        }
        self.rows = rows;
        let tasks = self.tasks();
        let at = keep.and_then(|id| {
            self.rows
                .iter()
                .position(|r| matches!(r, ListRow::Task(i) if tasks[*i].id == id))
        });
        self.cursor = at.unwrap_or(0);
        self.move_by(0);
    }

    /// The task under the cursor.
    pub fn selected_task(&self) -> Option<&Task> {
        match self.rows.get(self.cursor) {
            Some(ListRow::Task(i)) => self.tasks().get(*i),
            _ => None,
        }
    }

    /// The rep of the group the cursor is in.
    pub fn cursor_rep(&self) -> Option<&Rep> {
        self.rows[..=self.cursor.min(self.rows.len().saturating_sub(1))]
            .iter()
            .rev()
            .find_map(|r| match r {
                ListRow::Rep(id) => Some(*id),
                ListRow::Task(_) => None,
            })
            .flatten()
            .and_then(|id| self.rep(id))
    }

    /// Moves the cursor `by` task lines (skipping rep headers), staying in the list.
    pub fn move_by(&mut self, by: isize) {
        let tasks: Vec<usize> = (0..self.rows.len())
            .filter(|&i| matches!(self.rows[i], ListRow::Task(_)))
            .collect();
        if tasks.is_empty() {
            self.cursor = 0;
            return;
        }
        let now = tasks.partition_point(|&i| i < self.cursor);
        let target = (now as isize + by).clamp(0, tasks.len() as isize - 1) as usize;
        self.cursor = tasks[target];
    }

    /// Scrolls so the cursor (and its rep header, when it fits) is among `rows` visible lines.
    pub fn scroll_into_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.cursor < self.scroll {
            self.scroll = self.cursor.saturating_sub(1);
        } else if self.cursor >= self.scroll + rows {
            self.scroll = self.cursor + 1 - rows;
        }
        self.scroll = self.scroll.min(self.rows.len().saturating_sub(1));
    }

    /// The tasks `r` would move: the selection, or the task under the cursor.
    pub fn chosen_tasks(&self) -> Vec<i64> {
        if self.selected.is_empty() {
            self.selected_task().map(|t| t.id).into_iter().collect()
        } else {
            self.selected.iter().copied().collect()
        }
    }

    /// Active reps whose name or team contains the picker's text, in list order.
    pub fn picker_reps(&self) -> Vec<&Rep> {
        let query = self
            .picker
            .as_ref()
            .map(|p| p.search.query.as_str())
            .unwrap_or_default();
        let active: Vec<&Rep> = self.reps().iter().filter(|r| r.active).collect();
        matching(&active, query, |r| format!("{} {}", r.name, r.team))
            .into_iter()
            .copied()
            .collect()
    }

    /// The scope a plan covers: the rep or team the filter shows, or everything.
    pub fn plan_scope(&self) -> Scope {
        if let Some(rep) = self.filter.rep_id.and_then(|id| self.rep(id)) {
            Scope::Rep(rep.name.clone())
        } else if let Some(team) = &self.filter.team {
            Scope::Team(team.clone())
        } else {
            Scope::All
        }
    }
}

/// Lines the task list shows in a terminal of `size` (tabs, status, filter line, border and
/// column header excluded).
pub fn list_rows(size: (u16, u16)) -> usize {
    usize::from(size.1.saturating_sub(1 + 1 + 1 + 2 + 1)).max(1)
}
