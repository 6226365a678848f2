//! Plans that mean what they say: a tie keeps the current rep, no move is listed without a
//! gain, and the totals count only cells the rep may take.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use salesdesk::analytics::assign::{AssignInput, AssignWeights, Rep, Scope, Task, plan};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn rep(id: i64, max: i64) -> Rep {
    Rep {
        id,
        name: format!("Rep {id}"),
        team: "A".into(),
        region: "North".into(),
        max_open_tasks: max,
        active: true,
        absences: vec![],
        win_rates: BTreeMap::new(),
    }
}

/// A task nobody owns in the reps' region: every rep costs the same for it.
fn task(id: i64, rep: i64, due_in: u64) -> Task {
    Task {
        id,
        title: format!("Task {id}"),
        kind: "call".into(),
        customer: Some(format!("Customer {id}")),
        customer_region: Some("North".into()),
        owner_rep_id: Some(99),
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

#[test]
fn ties_keep_the_current_rep_and_no_move_is_listed_without_a_gain() {
    let reps = vec![rep(1, 10), rep(2, 10), rep(3, 10)];
    let tasks = vec![task(1, 3, 5), task(2, 2, 5), task(3, 3, 9), task(4, 1, 1)];
    let input = AssignInput {
        tasks,
        reps,
        as_of: today(),
    };
    let p = plan(&input, &Scope::All, &AssignWeights::default()).unwrap();
    assert!(p.moves.is_empty(), "moves without a gain: {:?}", p.moves);
    assert!((p.total_before - p.total_after).abs() < 1e-9);
}

#[test]
fn every_listed_move_gains_or_makes_room_and_names_a_term_that_fell() {
    let mut reps = vec![rep(1, 10), rep(2, 10), rep(3, 10)];
    reps[2].region = "South".into();
    let mut tasks: Vec<Task> = (1..=6).map(|id| task(id, 1 + id % 3, 3)).collect();
    tasks[0].owner_rep_id = Some(1);
    let input = AssignInput {
        tasks,
        reps,
        as_of: today(),
    };
    let p = plan(&input, &Scope::All, &AssignWeights::default()).unwrap();
    assert!(!p.moves.is_empty());
    for m in &p.moves {
        assert!(m.cost_change < -1e-9, "no gain: {m:?}");
        assert!(
            m.reason == "region match" || m.reason == "customer owner",
            "{m:?}"
        );
    }
}

#[test]
fn an_absent_reps_task_has_no_cost_before() {
    let mut reps = vec![rep(1, 10), rep(2, 10)];
    reps[0].absences = vec![(today(), today() + Days::new(10))];
    let tasks = vec![task(1, 1, 2), task(2, 2, 20)];
    let input = AssignInput {
        tasks,
        reps,
        as_of: today(),
    };
    let p = plan(&input, &Scope::All, &AssignWeights::default()).unwrap();
    let before_of_kept = p
        .tasks
        .iter()
        .zip(&p.costs)
        .filter(|(t, _)| t.id == 2)
        .map(|(_, row)| row[1].unwrap())
        .sum::<f64>();
    assert!((p.total_before - before_of_kept).abs() < 1e-9);
    assert_eq!(p.moves.len(), 1);
    assert_eq!(p.moves[0].cost_before, None);
}
