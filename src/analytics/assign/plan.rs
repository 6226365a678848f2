//! Building the optimal plan: scope, capacities, the cost matrix, the exact solution, and the
//! plan as a diff against who holds each task now.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::cost::{AssignWeights, CostTerms, KeptLoad, terms};
use super::explain::{biggest_saving, date, keep_ties, optional_date, tie_broken, unplaced_reason};
use super::facts::{Rep, Scope, Task};
use super::solver::{self, Problem};

/// Costs are solved as integers in millionths, so the solver is exact.
const COST_SCALE: f64 = 1_000_000.0;

/// Open tasks and reps as of a day: everything the plan is computed from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssignInput {
    /// Every open task.
    pub tasks: Vec<Task>,
    /// Every rep.
    pub reps: Vec<Rep>,
    /// Today.
    pub as_of: NaiveDate,
}

/// Why no plan was made; each says what to change.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    /// The weights are not usable.
    #[error("bad assignment weights: {0}")]
    Weights(String),
    /// No team by that name.
    #[error("no team named '{0}'")]
    UnknownTeam(String),
    /// No rep by that name.
    #[error("no rep named '{0}'")]
    UnknownRep(String),
    /// The scope holds no open tasks.
    #[error("no open tasks in scope {0}: nothing to plan")]
    NoTasks(String),
    /// Every open task in the scope is pinned.
    #[error("all {1} open tasks in scope {0} are pinned: nothing to move")]
    AllPinned(String, usize),
    /// No rep in scope can take a task.
    #[error("no rep in scope {0} has room: {1}")]
    NoCapacity(String, String),
    /// The solver refused the matrix.
    #[error("cannot solve: {0}")]
    Solve(#[from] solver::SolveError),
}

/// A column of the cost matrix: a rep who may take tasks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanRep {
    /// Rep id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Team.
    pub team: String,
    /// How many more tasks the plan may give them: max_open_tasks minus the load they keep (0
    /// when inactive).
    pub capacity: i64,
    /// Open tasks they keep whatever the plan does (pinned or out of scope).
    pub kept: i64,
}

/// A row of the cost matrix: a task the plan may move.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanTask {
    /// Task id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Rep holding it now.
    pub from: Option<i64>,
    /// Due date.
    #[serde(serialize_with = "optional_date")]
    pub due_on: Option<NaiveDate>,
}

/// One line of the diff: a task that changes rep.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanMove {
    /// Task id.
    pub task_id: i64,
    /// Title.
    pub title: String,
    /// Rep holding it now.
    pub from: Option<i64>,
    /// Their name ("—" when none).
    pub from_name: String,
    /// Rep the plan gives it to.
    pub to: i64,
    /// Their name.
    pub to_name: String,
    /// Cost with the current rep (none without one).
    pub cost_before: Option<f64>,
    /// Cost with the new rep.
    pub cost_after: f64,
    /// `cost_after - cost_before` (negative is a saving).
    pub cost_change: f64,
    /// Why: the current rep's unavailability, or the term that saves the most.
    pub reason: String,
}

/// A task the plan could not place, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unassigned {
    /// Task id.
    pub task_id: i64,
    /// Title.
    pub title: String,
    /// Why it stays where it is.
    pub reason: String,
}

/// The optimal plan and everything that explains it (`report assign --json` prints it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// The scope it covers.
    pub scope: String,
    /// The day it was made for.
    #[serde(serialize_with = "date")]
    pub as_of: NaiveDate,
    /// The weights used.
    pub weights: AssignWeights,
    /// Columns of the cost matrix.
    pub reps: Vec<PlanRep>,
    /// Rows of the cost matrix.
    pub tasks: Vec<PlanTask>,
    /// `costs[task][rep]`; `None` where the rep may not take the task (absent, inactive).
    pub costs: Vec<Vec<Option<f64>>>,
    /// Pinned tasks in scope, which stay with their rep.
    pub pinned: Vec<i64>,
    /// The rep of every placed task, as (task id, rep id).
    pub assignment: Vec<(i64, i64)>,
    /// Tasks that change rep.
    pub moves: Vec<PlanMove>,
    /// Tasks left where they are for lack of room, and why.
    pub unassigned: Vec<Unassigned>,
    /// Sum of the costs of the tasks in scope with their current reps.
    pub total_before: f64,
    /// The same sum after the plan (unplaced tasks counted with their current rep).
    pub total_after: f64,
}

/// The reps who may take tasks, and the tasks in scope.
fn scoped<'a>(
    input: &'a AssignInput,
    scope: &Scope,
) -> Result<(Vec<&'a Rep>, Vec<&'a Task>), PlanError> {
    let reps: Vec<&Rep> = match scope {
        Scope::All => input.reps.iter().collect(),
        Scope::Team(name) => {
            let team: Vec<&Rep> = input
                .reps
                .iter()
                .filter(|r| r.team.eq_ignore_ascii_case(name))
                .collect();
            if team.is_empty() {
                return Err(PlanError::UnknownTeam(name.clone()));
            }
            team
        }
        Scope::Rep(name) => {
            let rep = input
                .reps
                .iter()
                .find(|r| r.name.eq_ignore_ascii_case(name) || r.id.to_string() == *name)
                .ok_or_else(|| PlanError::UnknownRep(name.clone()))?;
            input.reps.iter().filter(|r| r.team == rep.team).collect()
        }
    };
    let holder = |t: &Task| -> bool {
        match scope {
            Scope::All => true,
            Scope::Team(_) => t.rep_id.is_some_and(|id| reps.iter().any(|r| r.id == id)),
            Scope::Rep(name) => t.rep_id.is_some_and(|id| {
                input.reps.iter().any(|r| {
                    r.id == id && (r.name.eq_ignore_ascii_case(name) || r.id.to_string() == *name)
                })
            }),
        }
    };
    let tasks = input.tasks.iter().filter(|t| holder(t)).collect();
    Ok((reps, tasks))
}

/// The optimal plan for `scope`: each unpinned task in scope to one available rep, at most each
/// rep's capacity, the most tasks possible at the least total cost (see the module docs).
pub fn plan(
    input: &AssignInput,
    scope: &Scope,
    weights: &AssignWeights,
) -> Result<Plan, PlanError> {
    weights.validate().map_err(PlanError::Weights)?;
    let label = scope.to_string();
    let (reps, in_scope) = scoped(input, scope)?;
    if in_scope.is_empty() {
        return Err(PlanError::NoTasks(label));
    }
    let movable: Vec<&Task> = in_scope.iter().copied().filter(|t| !t.pinned).collect();
    if movable.is_empty() {
        return Err(PlanError::AllPinned(label, in_scope.len()));
    }
    let movable_ids: HashSet<i64> = movable.iter().map(|t| t.id).collect();
    let mut kept: HashMap<i64, KeptLoad> = HashMap::new();
    for t in &input.tasks {
        if let Some(rep) = t.rep_id
            && !movable_ids.contains(&t.id)
        {
            let k = kept.entry(rep).or_default();
            k.tasks += 1;
            k.minutes += t.est_minutes;
        }
    }
    let kept_of = |id: i64| kept.get(&id).copied().unwrap_or_default();
    let columns: Vec<PlanRep> = reps
        .iter()
        .map(|r| PlanRep {
            id: r.id,
            name: r.name.clone(),
            team: r.team.clone(),
            capacity: if r.active {
                (r.max_open_tasks - kept_of(r.id).tasks).max(0)
            } else {
                0
            },
            kept: kept_of(r.id).tasks,
        })
        .collect();
    if columns.iter().all(|c| c.capacity == 0) {
        let why = if reps.iter().all(|r| !r.active) {
            "every rep is inactive".to_string()
        } else {
            "every rep already holds max_open_tasks (or is inactive)".to_string()
        };
        return Err(PlanError::NoCapacity(label, why));
    }
    let as_of = input.as_of;
    let all_terms: Vec<Vec<CostTerms>> = movable
        .iter()
        .map(|t| {
            reps.iter()
                .map(|r| terms(t, r, kept_of(r.id), as_of, weights))
                .collect()
        })
        .collect();
    let costs: Vec<Vec<Option<f64>>> = movable
        .iter()
        .zip(&all_terms)
        .map(|(t, row)| {
            reps.iter()
                .zip(row)
                .map(|(r, terms)| r.unavailable_for(t, as_of).is_none().then(|| terms.total()))
                .collect()
        })
        .collect();
    let scaled: Vec<Vec<Option<i64>>> = costs
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| c.map(|c| (c * COST_SCALE).round() as i64))
                .collect()
        })
        .collect();
    let current: Vec<Option<usize>> = movable
        .iter()
        .map(|t| reps.iter().position(|r| Some(r.id) == t.rep_id))
        .collect();
    let problem = Problem {
        costs: tie_broken(&scaled, &current),
        capacity: columns.iter().map(|c| c.capacity as usize).collect(),
    };
    let mut solution = solver::solve(&problem)?;
    keep_ties(&mut solution, &scaled, &current, &problem.capacity);

    let rep_by_id: HashMap<i64, &Rep> = input.reps.iter().map(|r| (r.id, r)).collect();
    let terms_now = |t: &Task| -> Option<CostTerms> {
        let rep = rep_by_id.get(&t.rep_id?)?;
        Some(terms(t, rep, kept_of(rep.id), as_of, weights))
    };
    let held_now = |id: i64| movable.iter().filter(|t| t.rep_id == Some(id)).count() as i64;
    let slots: i64 = columns.iter().map(|c| c.capacity).sum();
    let mut plan = Plan {
        scope: label,
        as_of,
        weights: *weights,
        reps: columns.clone(),
        tasks: movable
            .iter()
            .map(|t| PlanTask {
                id: t.id,
                title: t.title.clone(),
                from: t.rep_id,
                due_on: t.due_on,
            })
            .collect(),
        costs,
        pinned: in_scope.iter().filter(|t| t.pinned).map(|t| t.id).collect(),
        assignment: Vec::new(),
        moves: Vec::new(),
        unassigned: Vec::new(),
        total_before: 0.0,
        total_after: 0.0,
    };
    for (i, t) in movable.iter().enumerate() {
        // Only a cell the rep may take has a cost: an absent rep's task has no cost before.
        let now = terms_now(t).filter(|_| current[i].is_some_and(|c| plan.costs[i][c].is_some()));
        let before = now.map(|n| n.total());
        plan.total_before += before.unwrap_or(0.0);
        let Some(col) = solution[i] else {
            plan.total_after += before.unwrap_or(0.0);
            plan.unassigned.push(Unassigned {
                task_id: t.id,
                title: t.title.clone(),
                reason: unplaced_reason(
                    t,
                    &reps,
                    &problem.capacity,
                    &plan.costs[i],
                    movable.len(),
                    slots,
                    as_of,
                ),
            });
            continue;
        };
        let to = reps[col];
        let after = all_terms[i][col];
        plan.total_after += after.total();
        plan.assignment.push((t.id, to.id));
        if t.rep_id == Some(to.id) {
            continue;
        }
        let from = t.rep_id.and_then(|id| rep_by_id.get(&id).copied());
        let reason = match from {
            None => "had no rep".to_string(),
            Some(rep) => rep.unavailable_for(t, as_of).unwrap_or_else(|| {
                let capacity = columns
                    .iter()
                    .find(|c| c.id == rep.id)
                    .map_or(0, |c| c.capacity);
                let before = now.unwrap_or_default();
                if held_now(rep.id) > capacity {
                    format!("{} is over capacity", rep.name)
                } else {
                    // No saving of its own: its place at the rep is worth more to another task.
                    biggest_saving(before, after).map_or_else(
                        || format!("makes room at {} for a better fit", rep.name),
                        str::to_string,
                    )
                }
            }),
        };
        plan.moves.push(PlanMove {
            task_id: t.id,
            title: t.title.clone(),
            from: t.rep_id,
            from_name: from.map_or_else(|| "—".to_string(), |r| r.name.clone()),
            to: to.id,
            to_name: to.name.clone(),
            cost_before: before,
            cost_after: after.total(),
            cost_change: after.total() - before.unwrap_or(0.0),
            reason,
        });
    }
    Ok(plan)
}
