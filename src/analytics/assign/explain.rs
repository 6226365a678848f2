//! Explaining and tie-breaking a plan: the reason of a move, of an unplaced task, and the small
//! preference for the current rep that makes a tie keep the task where it is.

use chrono::NaiveDate;

use super::cost::CostTerms;
use super::facts::{Rep, Task};

/// The costs the solver sees: each cost times (tasks + 1), plus 1 at every rep but the task's
/// current one. The added ones sum to at most the task count, less than one unit of real cost,
/// so the optimum is unchanged and, among equal optima, the one that moves the fewest tasks.
/// When the scaled costs could overflow the solver's sums, the costs are left as they are
/// (the plan then relies on `keep_ties` after solving).
pub(super) fn tie_broken(
    scaled: &[Vec<Option<i64>>],
    current: &[Option<usize>],
) -> Vec<Vec<Option<i64>>> {
    let tasks = scaled.len() as i64;
    let largest = scaled
        .iter()
        .flatten()
        .flatten()
        .copied()
        .max()
        .unwrap_or(0);
    let fits = largest
        .checked_mul(tasks + 1)
        .and_then(|c| c.checked_add(2))
        .and_then(|c| c.checked_mul(tasks + 1))
        .and_then(|c| c.checked_add(1))
        .and_then(|c| c.checked_mul(4 * (tasks + 1)))
        .is_some();
    if !fits {
        return scaled.to_vec();
    }
    scaled
        .iter()
        .zip(current)
        .map(|(row, now)| {
            row.iter()
                .enumerate()
                .map(|(col, c)| c.map(|c| c * (tasks + 1) + i64::from(Some(col) != *now)))
                .collect()
        })
        .collect()
}

/// Puts back with its current rep every task the solver moved at no saving of its own while that
/// rep still has a free place, until none is left: a tie keeps the current rep.
pub(super) fn keep_ties(
    solution: &mut [Option<usize>],
    scaled: &[Vec<Option<i64>>],
    current: &[Option<usize>],
    capacity: &[usize],
) {
    let mut used = vec![0usize; capacity.len()];
    for col in solution.iter().flatten() {
        used[*col] += 1;
    }
    let mut changed = true;
    while changed {
        changed = false;
        for (i, placed) in solution.iter_mut().enumerate() {
            let (Some(to), Some(from)) = (*placed, current[i]) else {
                continue;
            };
            let (Some(stay), Some(go)) = (scaled[i][from], scaled[i][to]) else {
                continue;
            };
            if to != from && stay <= go && used[from] < capacity[from] {
                used[to] -= 1;
                used[from] += 1;
                *placed = Some(from);
                changed = true;
            }
        }
    }
}

/// Writes a date as `YYYY-MM-DD`.
pub(super) fn date<S: serde::Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

/// Writes a date as `YYYY-MM-DD`, or null.
pub(super) fn optional_date<S: serde::Serializer>(
    date: &Option<NaiveDate>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

/// Below this a term's fall is rounding, not a reason.
const NO_CHANGE: f64 = 1e-9;

/// The name of the term that falls the most from `before` to `after`, when the move saves
/// anything at all; `None` for a move with no saving of its own.
pub(super) fn biggest_saving(before: CostTerms, after: CostTerms) -> Option<&'static str> {
    if after.total() >= before.total() - NO_CHANGE {
        return None;
    }
    let (b, a) = (before.values(), after.values());
    let mut best = 0;
    for i in 1..b.len() {
        if b[i] - a[i] > b[best] - a[best] {
            best = i;
        }
    }
    (b[best] - a[best] > NO_CHANGE).then_some(CostTerms::NAMES[best])
}

/// Why task `t` got no rep.
pub(super) fn unplaced_reason(
    t: &Task,
    reps: &[&Rep],
    capacity: &[usize],
    row: &[Option<f64>],
    tasks: usize,
    slots: i64,
    as_of: NaiveDate,
) -> String {
    if row.iter().all(Option::is_none) {
        let why: Vec<String> = reps
            .iter()
            .filter_map(|r| r.unavailable_for(t, as_of))
            .take(3)
            .collect();
        return format!(
            "no rep in scope can take it ({}{})",
            why.join("; "),
            if reps.len() > 3 { "; …" } else { "" }
        );
    }
    if row
        .iter()
        .zip(capacity)
        .all(|(c, room)| c.is_none() || *room == 0)
    {
        return "every rep who could take it is full".into();
    }
    format!("capacity is short: {tasks} tasks for {slots} free places")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(region: f64, continuity: f64) -> CostTerms {
        CostTerms {
            region,
            continuity,
            ..CostTerms::default()
        }
    }

    #[test]
    fn the_reason_is_a_term_that_fell_and_none_without_a_saving() {
        assert_eq!(
            biggest_saving(terms(1.0, 2.0), terms(1.0, 0.0)),
            Some("customer owner")
        );
        assert_eq!(biggest_saving(terms(1.0, 0.0), terms(1.0, 0.0)), None);
        assert_eq!(biggest_saving(terms(0.0, 0.0), terms(1.0, 0.0)), None);
    }

    #[test]
    fn ties_prefer_the_current_rep_without_changing_the_optimum() {
        let scaled = vec![vec![Some(5), Some(5)], vec![Some(3), Some(4)]];
        let broken = tie_broken(&scaled, &[Some(1), Some(0)]);
        assert_eq!(
            broken,
            vec![vec![Some(16), Some(15)], vec![Some(9), Some(13)]]
        );
    }
}
