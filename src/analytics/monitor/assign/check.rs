//! An accepted assignment plan checked against what happened: per rep, the tasks due in the
//! window before the plan and in the window after it, and how many were done by their due date,
//! next to what the plan predicted for the window after.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::{PlanForecast, date};

/// A task with a due date as the book holds it now (open or done).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueTask {
    /// Its rep now.
    pub rep_id: i64,
    /// When it is due.
    pub due_on: NaiveDate,
    /// When it was marked done, if it was.
    pub done_on: Option<NaiveDate>,
}

/// Tasks due in a window and how many of them were (or are predicted to be) done on time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct OnTime {
    /// Tasks due in the window.
    pub due: usize,
    /// Of those, done on or before their due date.
    pub on_time: usize,
}

impl OnTime {
    /// `on_time / due`; none when nothing was due.
    pub fn share(self) -> Option<f64> {
        (self.due > 0).then(|| self.on_time as f64 / self.due as f64)
    }

    /// "7 of 9 (78%)", or "no tasks due".
    pub fn words(self) -> String {
        match self.share() {
            Some(share) => format!("{} of {} ({:.0}%)", self.on_time, self.due, share * 100.0),
            None => "no tasks due".into(),
        }
    }
}

/// One rep of a plan, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RepCheck {
    /// The rep.
    pub rep_id: i64,
    /// Their name.
    pub name: String,
    /// Open tasks the plan left them.
    pub predicted_open_tasks: i64,
    /// Their estimated minutes.
    pub predicted_load_minutes: i64,
    /// Tasks the plan expected due in the window after, and how many it expected on time.
    pub predicted: OnTime,
    /// Tasks due in the window before the plan, done on time.
    pub before: OnTime,
    /// Tasks due in the window after the plan (so far), done on time.
    pub after: OnTime,
}

/// One accepted plan as the database holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPlan {
    /// Its id.
    pub id: i64,
    /// The day it was accepted.
    pub accepted_on: NaiveDate,
    /// What it predicted.
    pub forecast: PlanForecast,
}

/// One accepted plan, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanCheck {
    /// Its id.
    pub plan_id: i64,
    /// The day it was accepted.
    #[serde(serialize_with = "date")]
    pub accepted_on: NaiveDate,
    /// First day of the window before (due on or after it).
    #[serde(serialize_with = "date")]
    pub before_from: NaiveDate,
    /// Day after the window after ends (due before it): acceptance + the window, or today.
    #[serde(serialize_with = "date")]
    pub after_until: NaiveDate,
    /// Days the window after covers so far (0 when accepted today).
    pub after_days: i64,
    /// Per rep, by name.
    pub reps: Vec<RepCheck>,
}

impl PlanCheck {
    /// The due dates the two windows count: "before: 2026-10-19 to 2026-11-15 · after:
    /// 2026-11-16 to 2026-11-25" (both ends included).
    pub fn windows_words(&self) -> String {
        let last = |until: NaiveDate| until.pred_opt().unwrap_or(until);
        let before = format!("before: {} to {}", self.before_from, last(self.accepted_on));
        if self.after_days == 0 {
            return before;
        }
        format!(
            "{before} · after: {} to {}",
            self.accepted_on,
            last(self.after_until)
        )
    }

    /// Why the window after says little, if it does: "accepted today" or "3 of 28 days so far".
    pub fn after_note(&self, window_days: i64) -> Option<String> {
        match self.after_days {
            0 => Some("accepted today: nothing is due after it yet".into()),
            d if d < window_days => Some(format!("{d} of {window_days} days so far")),
            _ => None,
        }
    }
}

fn count<'a>(tasks: impl Iterator<Item = (NaiveDate, Option<NaiveDate>)> + 'a) -> OnTime {
    let mut out = OnTime::default();
    for (due, done) in tasks {
        out.due += 1;
        if done.is_some_and(|d| d <= due) {
            out.on_time += 1;
        }
    }
    out
}

/// Checks `plan` as of `as_of`: tasks due in the `window` days before acceptance, and from
/// acceptance to `window` days later or today (whichever is first; today's are not yet late),
/// per rep the plan covered; `tasks` are every task with a due date, `names` the reps' names.
pub fn check_plan(
    plan: &StoredPlan,
    tasks: &[DueTask],
    names: &dyn Fn(i64) -> String,
    as_of: NaiveDate,
    window: i64,
) -> PlanCheck {
    let days = Days::new(window.max(0) as u64);
    let accepted = plan.accepted_on;
    let before_from = accepted.checked_sub_days(days).unwrap_or(accepted);
    let after_until = accepted
        .checked_add_days(days)
        .unwrap_or(accepted)
        .min(as_of)
        .max(accepted);
    let in_range = |due: NaiveDate, from: NaiveDate, until: NaiveDate| from <= due && due < until;
    let mut reps: Vec<RepCheck> =
        plan.forecast
            .reps
            .iter()
            .map(|load| {
                let mine = || tasks.iter().filter(|t| t.rep_id == load.rep_id);
                let predicted = plan.forecast.tasks.iter().filter(|t| {
                    t.rep_id == load.rep_id && in_range(t.due_on, accepted, after_until)
                });
                RepCheck {
                    rep_id: load.rep_id,
                    name: names(load.rep_id),
                    predicted_open_tasks: load.open_tasks,
                    predicted_load_minutes: load.load_minutes,
                    predicted: OnTime {
                        due: predicted.clone().count(),
                        on_time: predicted.filter(|t| t.on_time).count(),
                    },
                    before: count(
                        mine()
                            .filter(|t| in_range(t.due_on, before_from, accepted))
                            .map(|t| (t.due_on, t.done_on)),
                    ),
                    after: count(
                        mine()
                            .filter(|t| in_range(t.due_on, accepted, after_until))
                            .map(|t| (t.due_on, t.done_on)),
                    ),
                }
            })
            .collect();
    reps.sort_by(|a, b| a.name.cmp(&b.name).then(a.rep_id.cmp(&b.rep_id)));
    PlanCheck {
        plan_id: plan.id,
        accepted_on: accepted,
        before_from,
        after_until,
        after_days: (after_until - accepted).num_days(),
        reps,
    }
}

/// Every live accepted plan, every task with a due date, and the reps' names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanFacts {
    /// The plans, oldest first.
    pub plans: Vec<StoredPlan>,
    /// Every task with a due date and a rep.
    pub tasks: Vec<DueTask>,
    /// Rep names by id.
    pub names: BTreeMap<i64, String>,
}

/// Checks every plan of `facts` as of `as_of` with `window` days either side, newest first.
pub fn check_plans(facts: &PlanFacts, as_of: NaiveDate, window: i64) -> Vec<PlanCheck> {
    let names = |id: i64| {
        facts
            .names
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("rep {id}"))
    };
    facts
        .plans
        .iter()
        .rev()
        .map(|plan| check_plan(plan, &facts.tasks, &names, as_of, window))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::TaskForecast;
    use super::*;

    /// November 2026.
    fn nov(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
    }

    #[test]
    fn windows_count_tasks_due_before_and_after_done_by_their_due_date() {
        let plan = StoredPlan {
            id: 1,
            accepted_on: nov(10),
            forecast: PlanForecast {
                reps: vec![super::super::RepLoad {
                    rep_id: 7,
                    open_tasks: 3,
                    load_minutes: 90,
                }],
                tasks: vec![
                    TaskForecast {
                        task_id: 1,
                        rep_id: 7,
                        due_on: nov(11),
                        on_time: true,
                    },
                    TaskForecast {
                        task_id: 2,
                        rep_id: 7,
                        due_on: nov(12),
                        on_time: false,
                    },
                    TaskForecast {
                        task_id: 3,
                        rep_id: 7,
                        due_on: nov(20),
                        on_time: true,
                    },
                ],
            },
        };
        let due = |rep_id, d, done: Option<u32>| DueTask {
            rep_id,
            due_on: nov(d),
            done_on: done.map(nov),
        };
        let tasks = [
            due(7, 5, Some(5)),
            due(7, 6, Some(8)),
            due(7, 9, None),
            due(7, 11, Some(11)),
            due(7, 12, Some(12)),
            due(7, 14, None),
            due(9, 11, Some(1)),
        ];
        let check = check_plan(&plan, &tasks, &|id| format!("rep {id}"), nov(15), 7);
        assert_eq!((check.before_from, check.after_until), (nov(3), nov(15)));
        assert_eq!(check.after_days, 5);
        assert_eq!(check.after_note(7).as_deref(), Some("5 of 7 days so far"));
        assert_eq!(
            check.windows_words(),
            "before: 2026-11-03 to 2026-11-09 · after: 2026-11-10 to 2026-11-14"
        );
        let r = &check.reps[0];
        assert_eq!((r.before.on_time, r.before.due), (1, 3));
        // Due the 14th and open: late. Due today (15th) would not count yet.
        assert_eq!((r.after.on_time, r.after.due), (2, 3));
        assert_eq!((r.predicted.on_time, r.predicted.due), (1, 2));
        assert_eq!(r.after.words(), "2 of 3 (67%)");
        let today = check_plan(&plan, &tasks, &|id| format!("rep {id}"), nov(10), 7);
        assert_eq!(today.reps[0].after.words(), "no tasks due");
        assert_eq!(today.after_days, 0);
        assert_eq!(today.windows_words(), "before: 2026-11-03 to 2026-11-09");
    }
}
