//! The assignment solver against known optima and against brute force on small random problems.

use proptest::prelude::*;
use salesdesk::analytics::assign::solver::{Problem, solve, total_cost};

/// The best (most tasks placed, then least cost) over every way to place each task or not.
fn brute_force(p: &Problem) -> (usize, i64) {
    let reps = p.capacity.len();
    let mut best: Option<(usize, i64)> = None;
    let mut choice = vec![0usize; p.costs.len()];
    loop {
        let mut used = vec![0usize; reps];
        let mut ok = true;
        let (mut placed, mut cost) = (0usize, 0i64);
        for (t, &c) in choice.iter().enumerate() {
            if c == reps {
                continue;
            }
            match p.costs[t][c] {
                Some(x) if used[c] < p.capacity[c] => {
                    used[c] += 1;
                    placed += 1;
                    cost += x;
                }
                _ => ok = false,
            }
        }
        if ok && best.is_none_or(|(bp, bc)| placed > bp || (placed == bp && cost < bc)) {
            best = Some((placed, cost));
        }
        // Next choice vector, counting in base reps + 1.
        let mut i = 0;
        loop {
            if i == choice.len() {
                return best.unwrap_or((0, 0));
            }
            choice[i] += 1;
            if choice[i] <= reps {
                break;
            }
            choice[i] = 0;
            i += 1;
        }
    }
}

fn problems() -> impl Strategy<Value = Problem> {
    (1usize..=7, 1usize..=4).prop_flat_map(|(tasks, reps)| {
        (
            prop::collection::vec(
                prop::collection::vec(prop::option::weighted(0.85, 0i64..50), reps),
                tasks,
            ),
            prop::collection::vec(0usize..=3, reps),
        )
            .prop_map(|(costs, capacity)| Problem { costs, capacity })
    })
}

#[test]
fn scipy_documented_three_by_three_is_five() {
    // From the scipy.optimize.linear_sum_assignment documentation.
    let p = Problem {
        costs: vec![
            vec![Some(4), Some(1), Some(3)],
            vec![Some(2), Some(0), Some(5)],
            vec![Some(3), Some(2), Some(2)],
        ],
        capacity: vec![1, 1, 1],
    };
    let a = solve(&p).unwrap();
    assert_eq!(total_cost(&p, &a), 5);
}

#[test]
fn rectangular_with_capacities_matches_a_hand_count() {
    // Five tasks, two reps with room 3 and 2: rep 0 is cheaper for tasks 0..3 by 5, 4, 3, 1, 0.
    let rows = [[1, 6], [2, 6], [3, 6], [5, 6], [6, 6]];
    let p = Problem {
        costs: rows
            .iter()
            .map(|r| r.iter().map(|&c| Some(c)).collect())
            .collect(),
        capacity: vec![3, 2],
    };
    let a = solve(&p).unwrap();
    assert_eq!(a, vec![Some(0), Some(0), Some(0), Some(1), Some(1)]);
    assert_eq!(total_cost(&p, &a), 1 + 2 + 3 + 6 + 6);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn solver_matches_brute_force(p in problems()) {
        let a = solve(&p).unwrap();
        let mut used = vec![0usize; p.capacity.len()];
        for (t, rep) in a.iter().enumerate() {
            if let Some(r) = *rep {
                prop_assert!(p.costs[t][r].is_some(), "task {t} given to a rep who may not take it");
                used[r] += 1;
            }
        }
        for (r, &n) in used.iter().enumerate() {
            prop_assert!(n <= p.capacity[r], "rep {r} over capacity");
        }
        let placed = a.iter().flatten().count();
        prop_assert_eq!((placed, total_cost(&p, &a)), brute_force(&p));
    }
}
