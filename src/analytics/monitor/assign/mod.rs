//! Assignment plans against results. When a plan is accepted, [`predict`] says, for every open
//! task with a due date, whether its rep gets to it on time: each rep works through their open
//! tasks earliest due first (then most urgent, then oldest) for a set number of minutes a
//! working day (Monday to Friday, not absent), starting on the day of acceptance; a task is on
//! time when the minutes before and including it fit in the working minutes up to and including
//! its due date (a task already overdue is late). [`check_plan`] (in [`check`]) then counts, per rep, the tasks
//! due in the window before the plan and in the window after it that were done on or before
//! their due date, next to what the plan predicted for the window after.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use crate::analytics::assign::{Rep, Task};

/// Days before and after a plan counted when nobody sets another number.
pub const DEFAULT_WINDOW_DAYS: i64 = 28;

/// Minutes of task work a rep does on a working day when nobody sets another number.
pub const DEFAULT_MINUTES_PER_DAY: i64 = 240;

/// What a plan predicted for one rep's load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RepLoad {
    /// The rep.
    pub rep_id: i64,
    /// Open tasks they hold after the plan.
    pub open_tasks: i64,
    /// Their estimated minutes.
    pub load_minutes: i64,
}

/// What a plan predicted for one open task with a due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskForecast {
    /// The task.
    pub task_id: i64,
    /// Its rep after the plan.
    pub rep_id: i64,
    /// When it is due.
    #[serde(serialize_with = "date")]
    pub due_on: NaiveDate,
    /// True when the rep gets to it by its due date.
    pub on_time: bool,
}

/// Everything a plan predicted, as stored with it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct PlanForecast {
    /// Per active rep and per rep with open tasks, by rep id.
    pub reps: Vec<RepLoad>,
    /// Per open task with a due date and a rep, by task id.
    pub tasks: Vec<TaskForecast>,
}

/// Writes a date as `YYYY-MM-DD`.
fn date<S: serde::Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

/// True on Monday to Friday.
fn working(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The working minutes of `rep` from `from` to `to`, both included.
fn minutes_between(rep: Option<&Rep>, from: NaiveDate, to: NaiveDate, per_day: i64) -> i64 {
    from.iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| working(*d) && !rep.is_some_and(|r| r.absent_on(*d)))
        .count() as i64
        * per_day
}

/// What the open `tasks` (with the reps they are held by after the plan) predict as of
/// `accepted_on`, at `per_day` minutes of work a working day.
pub fn predict(tasks: &[Task], reps: &[Rep], accepted_on: NaiveDate, per_day: i64) -> PlanForecast {
    let mut out = PlanForecast::default();
    let mut rep_ids: Vec<i64> = tasks.iter().filter_map(|t| t.rep_id).collect();
    rep_ids.extend(reps.iter().filter(|r| r.active).map(|r| r.id));
    rep_ids.sort_unstable();
    rep_ids.dedup();
    for rep_id in rep_ids {
        let rep = reps.iter().find(|r| r.id == rep_id);
        let mut held: Vec<&Task> = tasks.iter().filter(|t| t.rep_id == Some(rep_id)).collect();
        held.sort_by_key(|t| (t.due_on.is_none(), t.due_on, t.priority, t.id));
        out.reps.push(RepLoad {
            rep_id,
            open_tasks: held.len() as i64,
            load_minutes: held.iter().map(|t| t.est_minutes).sum(),
        });
        let mut worked = 0;
        for t in held {
            worked += t.est_minutes;
            let Some(due) = t.due_on else { continue };
            let on_time =
                due >= accepted_on && worked <= minutes_between(rep, accepted_on, due, per_day);
            out.tasks.push(TaskForecast {
                task_id: t.id,
                rep_id,
                due_on: due,
                on_time,
            });
        }
    }
    out.tasks.sort_by_key(|t| t.task_id);
    out
}

mod check;

pub use check::{
    DueTask, OnTime, PlanCheck, PlanFacts, RepCheck, StoredPlan, check_plan, check_plans,
};

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// November 2026; the 2nd is a Monday.
    fn nov(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
    }

    fn task(id: i64, rep_id: i64, due: Option<u32>, minutes: i64) -> Task {
        Task {
            title: format!("task {id}"),
            kind: "call".into(),
            ..Task::bare(id, Some(rep_id), due.map(nov), minutes, 2)
        }
    }

    fn rep(id: i64, absences: Vec<(NaiveDate, NaiveDate)>) -> Rep {
        Rep {
            id,
            name: format!("rep {id}"),
            team: "North".into(),
            region: "North".into(),
            max_open_tasks: 20,
            active: true,
            absences,
            win_rates: BTreeMap::new(),
        }
    }

    #[test]
    fn a_rep_works_earliest_due_first_on_working_days_they_are_in() {
        let tasks = [
            task(1, 7, Some(2), 200),
            task(2, 7, Some(2), 60),
            task(3, 7, Some(3), 200),
            task(4, 7, Some(1), 10),
            task(5, 7, None, 90),
            task(6, 7, Some(4), 30),
            task(7, 7, Some(7), 10),
        ];
        let reps = [rep(7, vec![(nov(4), nov(4))])];
        let forecast = predict(&tasks, &reps, nov(2), 240);
        assert_eq!(
            forecast.reps,
            [RepLoad {
                rep_id: 7,
                open_tasks: 7,
                load_minutes: 600
            }]
        );
        let on_time: Vec<(i64, bool)> = forecast
            .tasks
            .iter()
            .map(|t| (t.task_id, t.on_time))
            .collect();
        // 4 is overdue; 1 fits Monday's 240 minutes (10 + 200), 2 does not (270); 3 fits
        // Monday and Tuesday (470 of 480); 6 is due on the Wednesday the rep is away (500 of
        // 480); 7 is due on Saturday, after Thursday and Friday (510 of 960). 5 has no date.
        assert_eq!(
            on_time,
            [
                (1, true),
                (2, false),
                (3, true),
                (4, false),
                (6, false),
                (7, true)
            ]
        );
    }
}
