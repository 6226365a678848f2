//! The exact assignment at 2,000 open tasks × 50 reps with about 2,500 capacity slots.
//!
//! `cargo bench --bench assign`. Writes the plan's cost matrix to
//! `target/bench-data/assign-2000x50.csv` (the `report assign --export-costs` format) and its
//! optimal total to `assign-2000x50.total`, so `scripts/scipy_assign.py` can time scipy's
//! `linear_sum_assignment` on the same matrix and check it finds the same optimum.

use std::collections::BTreeMap;

use chrono::Days;
use criterion::{Criterion, criterion_group, criterion_main};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use salesdesk::analytics::assign::solver::{self, Problem};
use salesdesk::analytics::assign::{AssignInput, AssignWeights, Rep, Scope, Task, plan};

// Only the folder and date of the shared helpers are used here; the big-book helpers serve other benches.
#[allow(dead_code)]
mod common;

const TASKS: i64 = 2_000;
const REPS: i64 = 50;
const REGIONS: [&str; 4] = ["North", "South", "East", "West"];
const FAMILIES: [&str; 4] = ["Core", "Analytics", "Services", "Support"];

/// 50 reps with room for 40–60 tasks each (about 2,500 slots), a few away next week, and 2,000
/// open tasks spread over them, due from two weeks ago to four weeks ahead.
fn book() -> AssignInput {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let as_of = common::as_of();
    let reps = (1..=REPS)
        .map(|id| Rep {
            id,
            name: format!("Rep {id:02}"),
            team: format!("Team {}", id % 5),
            region: REGIONS[rng.random_range(0..REGIONS.len())].into(),
            max_open_tasks: rng.random_range(40..=60),
            active: true,
            absences: if id % 10 == 0 {
                vec![(as_of + Days::new(3), as_of + Days::new(10))]
            } else {
                vec![]
            },
            win_rates: FAMILIES
                .iter()
                .map(|f| (f.to_string(), rng.random_range(0.1..0.6)))
                .collect::<BTreeMap<_, _>>(),
        })
        .collect();
    let tasks = (1..=TASKS)
        .map(|id| {
            let due: i64 = rng.random_range(-14..=28);
            Task {
                id,
                title: format!("Task {id}"),
                kind: "call".into(),
                customer: Some(format!("Customer {id}")),
                customer_region: Some(REGIONS[rng.random_range(0..REGIONS.len())].into()),
                owner_rep_id: Some(rng.random_range(1..=REPS)),
                deal: None,
                deal_id: None,
                customer_id: None,
                family: Some(FAMILIES[rng.random_range(0..FAMILIES.len())].into()),
                rep_id: Some(rng.random_range(1..=REPS)),
                due_on: as_of.checked_add_signed(chrono::Duration::days(due)),
                est_minutes: rng.random_range(1..=12) * 15,
                priority: rng.random_range(1..=3),
                pinned: false,
            }
        })
        .collect();
    AssignInput { tasks, reps, as_of }
}

fn assign(c: &mut Criterion) {
    let input = book();
    let weights = AssignWeights::default();
    let made = plan(&input, &Scope::All, &weights).unwrap();
    let slots: i64 = made.reps.iter().map(|r| r.capacity).sum();
    let optimum: f64 = made
        .assignment
        .iter()
        .map(|&(t, r)| {
            let row = made.tasks.iter().position(|x| x.id == t).unwrap();
            let col = made.reps.iter().position(|x| x.id == r).unwrap();
            // As the CSV writes it (six decimals), so scipy's total can match to the last digit.
            (made.costs[row][col].unwrap() * 1e6).round() / 1e6
        })
        .sum();
    let dir = common::data_dir();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("assign-2000x50.csv"),
        salesdesk::cli::costs_csv(&made),
    )
    .unwrap();
    std::fs::write(dir.join("assign-2000x50.total"), format!("{optimum:.6}\n")).unwrap();
    println!(
        "{} tasks × {} reps, {slots} slots; optimal total {optimum:.6}, {} unassigned",
        made.tasks.len(),
        made.reps.len(),
        made.unassigned.len()
    );

    let problem = Problem {
        costs: made
            .costs
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| c.map(|c| (c * 1e6).round() as i64))
                    .collect()
            })
            .collect(),
        capacity: made.reps.iter().map(|r| r.capacity as usize).collect(),
    };
    let mut group = c.benchmark_group("assignment (2,000 tasks x 50 reps, ~2,500 slots)");
    group.sample_size(20);
    group.bench_function("solver only (min-cost flow)", |b| {
        b.iter(|| solver::solve(&problem).unwrap())
    });
    group.bench_function("whole plan: cost matrix, solve, diff", |b| {
        b.iter(|| plan(&input, &Scope::All, &weights).unwrap())
    });
    group.finish();
}

criterion_group!(benches, assign);
criterion_main!(benches);
