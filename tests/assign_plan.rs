//! The assignment plan over tasks and reps: pinned tasks stay, absent and inactive reps take
//! nothing, capacity is respected, a short capacity lists the unplaced tasks, bad scopes and
//! empty ones say so, and the optimum never costs more than a feasible current assignment.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use salesdesk::analytics::assign::{AssignInput, AssignWeights, PlanError, Rep, Scope, Task, plan};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn rep(id: i64, team: &str, region: &str, max: i64) -> Rep {
    Rep {
        id,
        name: format!("Rep {id}"),
        team: team.into(),
        region: region.into(),
        max_open_tasks: max,
        active: true,
        absences: vec![],
        win_rates: BTreeMap::new(),
    }
}

fn task(id: i64, rep: i64, region: &str, due_in: u64) -> Task {
    Task {
        id,
        title: format!("Task {id}"),
        kind: "call".into(),
        customer: Some(format!("Customer {id}")),
        customer_region: Some(region.into()),
        owner_rep_id: Some(rep),
        deal: None,
        deal_id: None,
        customer_id: None,
        family: None,
        rep_id: Some(rep),
        due_on: Some(today() + Days::new(due_in)),
        est_minutes: 30,
        priority: 2,
        pinned: false,
    }
}

fn input(tasks: Vec<Task>, reps: Vec<Rep>) -> AssignInput {
    AssignInput {
        tasks,
        reps,
        as_of: today(),
    }
}

#[test]
fn an_absent_reps_tasks_move_and_nothing_goes_to_them() {
    let mut reps = vec![
        rep(1, "A", "North", 5),
        rep(2, "A", "North", 5),
        rep(3, "A", "South", 5),
    ];
    reps[0].absences = vec![(today(), today() + Days::new(10))];
    let tasks = vec![
        task(1, 1, "North", 2),
        task(2, 1, "North", 3),
        task(3, 2, "North", 20),
    ];
    let p = plan(&input(tasks, reps), &Scope::All, &AssignWeights::default()).unwrap();
    let moved: Vec<(i64, i64)> = p.moves.iter().map(|m| (m.task_id, m.to)).collect();
    assert_eq!(
        moved,
        vec![(1, 2), (2, 2)],
        "same region beats the South rep"
    );
    assert!(
        p.moves
            .iter()
            .all(|m| m.reason == "Rep 1 is absent on 2026-11-28"
                || m.reason == "Rep 1 is absent on 2026-11-29")
    );
    // Task 3 is due after the absence: rep 1 could take it, and the cost column says so.
    let rep1 = p.reps.iter().position(|r| r.id == 1).unwrap();
    assert!(p.costs[2][rep1].is_some());
    assert!(p.costs[0][rep1].is_none() && p.costs[1][rep1].is_none());
    assert!(p.assignment.iter().all(|&(t, r)| !(r == 1 && t != 3)));
}

#[test]
fn pinned_tasks_stay_and_count_against_capacity() {
    let reps = vec![rep(1, "A", "North", 2), rep(2, "A", "South", 5)];
    let mut tasks = vec![
        task(1, 1, "North", 1),
        task(2, 2, "North", 1),
        task(3, 2, "North", 1),
    ];
    tasks[0].pinned = true;
    tasks[1].owner_rep_id = None;
    tasks[2].owner_rep_id = None;
    let p = plan(&input(tasks, reps), &Scope::All, &AssignWeights::default()).unwrap();
    assert_eq!(p.pinned, vec![1]);
    assert!(
        p.tasks.iter().all(|t| t.id != 1),
        "a pinned task is no row of the matrix"
    );
    let cap: BTreeMap<i64, i64> = p.reps.iter().map(|r| (r.id, r.capacity)).collect();
    assert_eq!(cap[&1], 1, "max 2 minus the pinned task");
    let to_rep1 = p.assignment.iter().filter(|(_, r)| *r == 1).count();
    assert_eq!(to_rep1, 1, "the North rep has room for one more North task");
}

#[test]
fn short_capacity_places_the_most_tasks_and_lists_the_rest() {
    let reps = vec![rep(1, "A", "North", 1), rep(2, "A", "North", 1)];
    let tasks = (1..=4).map(|i| task(i, 1, "North", i as u64)).collect();
    let p = plan(&input(tasks, reps), &Scope::All, &AssignWeights::default()).unwrap();
    assert_eq!(p.assignment.len(), 2);
    assert_eq!(p.unassigned.len(), 2);
    for u in &p.unassigned {
        assert_eq!(u.reason, "capacity is short: 4 tasks for 2 free places");
    }
}

#[test]
fn a_task_no_rep_can_take_says_why() {
    let mut reps = vec![rep(1, "A", "North", 3), rep(2, "A", "North", 3)];
    reps[1].active = false;
    reps[0].absences = vec![(today(), today() + Days::new(3))];
    let tasks = vec![task(1, 1, "North", 1), task(2, 1, "North", 9)];
    let p = plan(&input(tasks, reps), &Scope::All, &AssignWeights::default()).unwrap();
    assert_eq!(p.unassigned.len(), 1);
    assert_eq!(p.unassigned[0].task_id, 1);
    assert!(
        p.unassigned[0]
            .reason
            .contains("Rep 1 is absent on 2026-11-27"),
        "{}",
        p.unassigned[0].reason
    );
    assert!(p.unassigned[0].reason.contains("Rep 2 is inactive"));
}

#[test]
fn bad_scopes_and_empty_ones_give_clear_errors() {
    let reps = vec![rep(1, "A", "North", 3), rep(2, "B", "North", 0)];
    let w = AssignWeights::default();
    let one = || input(vec![task(1, 1, "North", 1)], reps.clone());
    let err = |scope: &str, inp: AssignInput| plan(&inp, &scope.parse().unwrap(), &w).unwrap_err();
    assert_eq!(
        err("team=Nope", one()),
        PlanError::UnknownTeam("Nope".into())
    );
    assert_eq!(
        err("rep=Nobody", one()),
        PlanError::UnknownRep("Nobody".into())
    );
    assert_eq!(
        err("team=B", one()).to_string(),
        "no open tasks in scope team=B: nothing to plan"
    );
    let full = input(vec![task(1, 2, "North", 1)], reps.clone());
    assert_eq!(
        err("team=B", full).to_string(),
        "no rep in scope team=B has room: every rep already holds max_open_tasks (or is inactive)"
    );
    let mut pinned = one();
    pinned.tasks[0].pinned = true;
    assert_eq!(err("all", pinned), PlanError::AllPinned("all".into(), 1));
}

#[test]
fn a_team_scope_moves_only_that_teams_tasks_among_its_reps() {
    let reps = vec![
        rep(1, "A", "North", 5),
        rep(2, "A", "South", 5),
        rep(3, "B", "North", 5),
    ];
    let tasks = vec![task(1, 2, "North", 1), task(2, 3, "South", 1)];
    let p = plan(
        &input(tasks, reps),
        &Scope::Team("A".into()),
        &AssignWeights::default(),
    )
    .unwrap();
    assert_eq!(p.tasks.len(), 1);
    assert_eq!(p.reps.iter().map(|r| r.id).collect::<Vec<_>>(), vec![1, 2]);
}

fn instances() -> impl Strategy<Value = AssignInput> {
    (1usize..=5, 1usize..=12).prop_flat_map(|(reps, tasks)| {
        let reps = prop::collection::vec((0i64..6, any::<bool>(), 0u64..6, any::<bool>()), reps);
        let tasks =
            prop::collection::vec((0usize..5, 0u64..12, any::<bool>(), any::<bool>()), tasks);
        (reps, tasks).prop_map(|(reps, tasks)| {
            let n = reps.len();
            let reps: Vec<Rep> = reps
                .into_iter()
                .enumerate()
                .map(|(i, (max, north, away, absent))| {
                    let mut r = rep(
                        i as i64 + 1,
                        "A",
                        if north { "North" } else { "South" },
                        max,
                    );
                    if absent {
                        r.absences =
                            vec![(today() + Days::new(away), today() + Days::new(away + 2))];
                    }
                    r
                })
                .collect();
            let tasks = tasks
                .into_iter()
                .enumerate()
                .map(|(i, (holder, due, north, pinned))| {
                    let mut t = task(
                        i as i64 + 1,
                        (holder % n) as i64 + 1,
                        if north { "North" } else { "South" },
                        due,
                    );
                    t.pinned = pinned;
                    t
                })
                .collect();
            input(tasks, reps)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn plans_respect_capacity_availability_and_pins(inp in instances()) {
        let Ok(p) = plan(&inp, &Scope::All, &AssignWeights::default()) else {
            return Ok(());
        };
        let mut given: BTreeMap<i64, i64> = BTreeMap::new();
        for &(task_id, rep_id) in &p.assignment {
            let task = inp.tasks.iter().find(|t| t.id == task_id).unwrap();
            let rep = inp.reps.iter().find(|r| r.id == rep_id).unwrap();
            prop_assert!(!task.pinned);
            prop_assert!(rep.unavailable_for(task, today()).is_none(), "task {} to absent rep {}", task_id, rep_id);
            *given.entry(rep_id).or_default() += 1;
        }
        for r in &p.reps {
            prop_assert!(given.get(&r.id).copied().unwrap_or(0) <= r.capacity);
        }
        prop_assert_eq!(p.assignment.len() + p.unassigned.len(), p.tasks.len());
        // When everyone could keep what they hold, the optimum costs no more than that.
        let current_feasible = p.reps.iter().all(|r| {
            p.tasks.iter().filter(|t| t.from == Some(r.id)).count() as i64 <= r.capacity
        }) && p.tasks.iter().enumerate().all(|(i, t)| {
            p.reps.iter().position(|r| Some(r.id) == t.from).is_some_and(|c| p.costs[i][c].is_some())
        });
        if current_feasible {
            prop_assert!(p.unassigned.is_empty());
            prop_assert!(p.total_after <= p.total_before + 1e-6, "{} > {}", p.total_after, p.total_before);
        }
    }
}

#[test]
fn each_move_says_why() {
    let reps = vec![rep(1, "A", "North", 1), rep(2, "A", "South", 5)];
    let mut tasks = vec![task(1, 1, "North", 5), task(2, 2, "North", 5)];
    tasks[0].owner_rep_id = None;
    tasks[1].owner_rep_id = Some(1);
    let p = plan(&input(tasks, reps), &Scope::All, &AssignWeights::default()).unwrap();
    let why: Vec<(i64, i64, &str)> = p
        .moves
        .iter()
        .map(|m| (m.task_id, m.to, m.reason.as_str()))
        .collect();
    assert_eq!(
        why,
        vec![
            (1, 2, "makes room at Rep 1 for a better fit"),
            (2, 1, "customer owner"),
        ]
    );
    assert!((p.total_before - 4.0).abs() < 1e-9 && (p.total_after - 2.0).abs() < 1e-9);
}
