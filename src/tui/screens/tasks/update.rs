//! What the tasks screen's commands do: selection, filters, forms and the rep picker become task
//! writes; `o` asks the worker for the optimal plan; the plan view accepts the kept moves as one
//! write (one undo step).

use crate::analytics::assign::Task;
use crate::domain::TaskChange;
use crate::tui::action::Command;
use crate::tui::effects::{Ctx, Effect, Effects, Message, RecordRef};
use crate::tui::keymap::Context;
use crate::tui::popups::plan;
use crate::tui::popups::task_form::TaskForm;
use crate::tui::screen::Screen;
use crate::tui::screen_update::ScreenUpdate;
use crate::tui::screens::tasks::{
    DueWindow, PlanView, RepPicker, TaskFilterField, TasksState, list_rows, results,
};
use crate::tui::widgets::picker::TypeAhead;
use crate::worker::Job;

/// Asks for the tasks the first time the screen shows.
pub fn ensure_loaded(tasks: &mut TasksState, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    if ctx.screen == Screen::Tasks && !tasks.requested {
        tasks.requested = true;
        effects.request(Job::Tasks { as_of: ctx.as_of });
    }
    effects
}

/// After any saved write, undo or redo: read the tasks again if the screen has them.
pub fn after_write(tasks: &TasksState, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    if tasks.input.is_some() {
        effects.request(Job::Tasks { as_of: ctx.as_of });
    }
    effects.and(results::after_write(tasks, ctx))
}

/// Types into the open picker or form.
pub fn type_char(t: &mut TasksState, c: char) {
    if let Some(picker) = t.picker.as_mut() {
        picker.search.type_char(c);
        start_picker(t);
    } else if let Some(form) = t.form.as_mut() {
        form.type_char(c);
    }
}

/// Runs a command on the tasks screen.
pub fn run_command(tasks: &mut TasksState, command: Command, ctx: &Ctx) -> Effects {
    if tasks.plan.is_some() {
        plan_view(tasks, command, ctx)
    } else if tasks.results.is_some() {
        results::run(tasks, command)
    } else if tasks.picker.is_some() {
        picker(tasks, command, ctx)
    } else if tasks.form.is_some() {
        form(tasks, command, ctx)
    } else if tasks.filter_editor.is_some() {
        filter(tasks, command)
    } else {
        list(tasks, command, ctx)
    }
}

fn write(effects: &mut Effects, change: TaskChange, ctx: &Ctx) {
    let today = ctx.as_of;
    effects.write(Job::TaskWrite { change, today }, "saving…");
}

fn list(tasks: &mut TasksState, command: Command, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    let page = list_rows(ctx.size) as isize;
    let today = ctx.as_of;
    let t = tasks;
    match command {
        Command::Up => t.move_by(-1),
        Command::Down => t.move_by(1),
        Command::PageUp => t.move_by(-page),
        Command::PageDown => t.move_by(page),
        Command::Top => t.move_by(isize::MIN / 2),
        Command::Bottom => t.move_by(isize::MAX / 2),
        Command::OpenRecord => {
            if let Some(task) = t.selected_task() {
                match (task.deal_id, task.customer_id) {
                    (Some(id), _) => effects.push(Effect::OpenRecord(RecordRef::Deal(id))),
                    (None, Some(id)) => effects.push(Effect::OpenRecord(RecordRef::Customer(id))),
                    (None, None) => effects.say(Message::info("this task has no deal or customer")),
                }
            }
        }
        Command::ToggleSelect => {
            if let Some(id) = t.selected_task().map(|t| t.id) {
                if !t.selected.remove(&id) {
                    t.selected.insert(id);
                }
                t.move_by(1);
            }
        }
        Command::ClearSelection => t.selected.clear(),
        Command::Reassign => {
            let task_ids = t.chosen_tasks();
            if task_ids.is_empty() {
                effects.say(Message::info("no task to reassign"));
            } else {
                t.picker = Some(RepPicker {
                    search: TypeAhead::default(),
                    task_ids,
                });
                start_picker(t);
            }
        }
        Command::NewTask => match t.cursor_rep().or_else(|| {
            t.reps()
                .iter()
                .find(|r| r.active && !r.absent_on(today) && t.load(r.id).open < r.max_open_tasks)
                .or_else(|| t.reps().iter().find(|r| r.active))
        }) {
            Some(rep) => t.form = Some(TaskForm::add(rep.id, &rep.name, today)),
            None => effects.say(Message::info("no rep to give a new task to")),
        },
        Command::EditTask => {
            if let Some(task) = t.selected_task() {
                t.form = Some(TaskForm::edit(task));
            }
        }
        Command::MarkDone => {
            if let Some(id) = t.selected_task().map(|t| t.id) {
                write(&mut effects, TaskChange::Done { task_id: id }, ctx);
            }
        }
        Command::TogglePin => {
            if let Some(id) = t.selected_task().map(|t| t.id) {
                write(&mut effects, TaskChange::TogglePin { task_id: id }, ctx);
            }
        }
        Command::MarkAbsent => match t.cursor_rep() {
            Some(rep) => t.form = Some(TaskForm::absence(rep.id, &rep.name, today)),
            None => effects.say(Message::info("move to a rep's tasks first")),
        },
        Command::Optimise => {
            let scope = t.plan_scope();
            t.plan = Some(PlanView {
                scope: scope.clone(),
                plan: None,
                skipped: Default::default(),
                cursor: 0,
            });
            effects.request(Job::Plan {
                scope,
                weights: ctx.config.assign,
                as_of: today,
            });
        }
        Command::OpenFilter => t.filter_editor = Some(TaskFilterField::Team),
        Command::PlansAgainstResults => return results::open(t, ctx),
        _ => {}
    }
    effects
}

fn picker(tasks: &mut TasksState, command: Command, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    let count = tasks.picker_reps().len();
    let Some(p) = tasks.picker.as_mut() else {
        return effects;
    };
    match command {
        Command::Up => p.search.move_by(-1, count),
        Command::Down => p.search.move_by(1, count),
        Command::DeleteChar => {
            p.search.delete_char();
            start_picker(tasks);
        }
        Command::Cancel => tasks.picker = None,
        Command::Accept => {
            let cursor = p.search.cursor;
            let task_ids = p.task_ids.clone();
            let Some(rep) = tasks.picker_reps().get(cursor).map(|r| r.id) else {
                effects.say(Message::error("no rep matches what you typed"));
                return effects;
            };
            tasks.picker = None;
            tasks.selected.clear();
            let moves = task_ids.into_iter().map(|id| (id, rep)).collect();
            write(&mut effects, TaskChange::Reassign { moves }, ctx);
        }
        Command::Quit => effects.push(Effect::Quit),
        _ => {}
    }
    effects
}

fn form(tasks: &mut TasksState, command: Command, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    let Some(form) = tasks.form.as_mut() else {
        return effects;
    };
    match command {
        Command::NextField => form.step_focus(true),
        Command::PreviousField => form.step_focus(false),
        Command::DeleteChar => form.backspace(),
        Command::Cancel => tasks.form = None,
        Command::Accept => match form.change() {
            Ok(change) => {
                tasks.form = None;
                write(&mut effects, change, ctx);
            }
            Err(e) => form.error = Some(e),
        },
        Command::Quit => effects.push(Effect::Quit),
        _ => {}
    }
    effects
}

fn plan_view(tasks: &mut TasksState, command: Command, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    let Some(view) = tasks.plan.as_mut() else {
        return effects;
    };
    if view.step(command, plan::view::move_rows(ctx.size)) {
        return effects;
    }
    match command {
        Command::ToggleSelect => {
            if let Some(id) = view
                .plan
                .as_ref()
                .and_then(|p| p.moves.get(view.cursor))
                .map(|m| m.task_id)
                && !view.skipped.remove(&id)
            {
                view.skipped.insert(id);
            }
        }
        Command::Accept => {
            if view.plan.is_none() {
                effects.say(Message::info("the plan is still being solved"));
                return effects;
            }
            let moves = view.kept_moves();
            tasks.plan = None;
            if moves.is_empty() {
                effects.say(Message::info("no moves kept: nothing changed"));
            } else {
                let minutes_per_day = ctx.config.monitor.plan_minutes_per_day;
                let change = TaskChange::AcceptPlan {
                    moves,
                    minutes_per_day,
                };
                write(&mut effects, change, ctx);
            }
        }
        Command::Cancel => {
            tasks.plan = None;
            effects.say(Message::info("plan closed; nothing changed"));
        }
        Command::Quit => effects.push(Effect::Quit),
        _ => {}
    }
    effects
}

fn filter(tasks: &mut TasksState, command: Command) -> Effects {
    let mut effects = Effects::none();
    let t = tasks;
    let Some(field) = t.filter_editor else {
        return effects;
    };
    let fields = TaskFilterField::ALL;
    let i = fields.iter().position(|f| *f == field).unwrap_or(0);
    let keep = t.selected_task().map(|t| t.id);
    match command {
        Command::NextFilterField => t.filter_editor = Some(fields[(i + 1) % fields.len()]),
        Command::PreviousFilterField => {
            t.filter_editor = Some(fields[(i + fields.len() - 1) % fields.len()]);
        }
        Command::NextFilterValue | Command::PreviousFilterValue => {
            super::filter::step_filter(t, field, command == Command::NextFilterValue);
            t.rebuild(keep);
        }
        Command::ClearFilterField => {
            let f = &mut t.filter;
            match field {
                TaskFilterField::Team => f.team = None,
                TaskFilterField::Rep => f.rep_id = None,
                TaskFilterField::Due => f.due = DueWindow::Any,
                TaskFilterField::Kind => f.kind = None,
            }
            t.rebuild(keep);
        }
        Command::CloseFilter => t.filter_editor = None,
        Command::Quit => effects.push(Effect::Quit),
        _ => {}
    }
    effects
}

/// The worker solved the plan (or could not): show it, or close the view with the reason.
pub fn take_plan(
    tasks: &mut TasksState,
    result: Result<crate::analytics::assign::Plan, String>,
) -> Effects {
    let mut effects = Effects::none();
    let Some(view) = tasks.plan.as_mut() else {
        return effects;
    };
    match result {
        Ok(plan) => {
            effects.say(Message::info(format!(
                "plan: {} moves, cost {:.2} → {:.2}",
                plan.moves.len(),
                plan.total_before,
                plan.total_after
            )));
            view.plan = Some(plan);
        }
        Err(e) => {
            tasks.plan = None;
            effects.say(Message::error(e));
        }
    }
    effects
}

/// Puts the picker's cursor at its start: the first listed rep who may take every chosen task
/// and has room for them (never an absent or full rep while another fits); 0 when none does.
fn start_picker(t: &mut TasksState) {
    let chosen: Vec<i64> = t
        .picker
        .as_ref()
        .map_or_else(Vec::new, |p| p.task_ids.clone());
    let tasks: Vec<&Task> = t
        .tasks()
        .iter()
        .filter(|task| chosen.contains(&task.id))
        .collect();
    let start = t
        .picker_reps()
        .iter()
        .position(|r| r.may_take(&tasks, t.load(r.id).open, t.as_of()))
        .unwrap_or(0);
    if let Some(p) = t.picker.as_mut() {
        p.search.cursor = start;
    }
}

impl ScreenUpdate for TasksState {
    fn contexts(&self) -> Vec<Context> {
        TasksState::contexts(self)
    }

    fn run_command(&mut self, command: Command, ctx: &Ctx) -> Effects {
        run_command(self, command, ctx)
    }

    fn type_char(&mut self, c: char) {
        type_char(self, c)
    }
}
