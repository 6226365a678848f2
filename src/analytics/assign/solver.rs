//! The exact solver: tasks to reps with capacities, the most tasks possible at minimum total cost.
//!
//! It is min-cost flow by successive shortest paths with node potentials (the Jonker–Volgenant
//! scheme), with every rep's capacity slots folded into one column so a shortest path runs over
//! the reps rather than over thousands of slots. Tasks enter one at a time; each enters along a
//! shortest augmenting path, which may move earlier tasks between reps. After each step the
//! assignment of the tasks seen so far is optimal, so after the last it is optimal for all.
//!
//! A task that no rep can take goes to a virtual column "unassigned" with unlimited room and a
//! cost `M` larger than any possible total of real costs, so the optimum assigns the most tasks
//! first and only then minimises the cost. Costs are integers, so the answer is exact.

/// A task's cost at each rep (`None` where the rep may not take it), and each rep's room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `costs[task][rep]`, non-negative; every row has one entry per rep.
    pub costs: Vec<Vec<Option<i64>>>,
    /// How many more tasks each rep may take.
    pub capacity: Vec<usize>,
}

/// Why a problem cannot be solved as given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SolveError {
    /// A row of the cost matrix has the wrong length.
    #[error("task {task} has {got} costs for {reps} reps")]
    Ragged {
        /// The row.
        task: usize,
        /// Its length.
        got: usize,
        /// The number of reps.
        reps: usize,
    },
    /// A cost is negative (the costs of a plan never are).
    #[error("task {task} has a negative cost at rep {rep}")]
    Negative {
        /// The row.
        task: usize,
        /// The column.
        rep: usize,
    },
    /// The costs are so large that their sum would overflow.
    #[error("costs are too large to add up exactly")]
    TooLarge,
}

/// For each task, the rep it goes to, or `None` when capacity (or who may take it) runs short.
///
/// Among all assignments that respect the capacities and the `None` entries, the result assigns
/// the most tasks, and of those has the least total cost.
pub fn solve(problem: &Problem) -> Result<Vec<Option<usize>>, SolveError> {
    let reps = problem.capacity.len();
    let mut largest = 0i64;
    for (task, row) in problem.costs.iter().enumerate() {
        if row.len() != reps {
            return Err(SolveError::Ragged {
                task,
                got: row.len(),
                reps,
            });
        }
        for (rep, cost) in row.iter().enumerate() {
            match cost {
                Some(c) if *c < 0 => return Err(SolveError::Negative { task, rep }),
                Some(c) => largest = largest.max(*c),
                None => {}
            }
        }
    }
    let tasks = i64::try_from(problem.costs.len()).map_err(|_| SolveError::TooLarge)?;
    // M exceeds any difference in real cost between two assignments, times the task count again
    // so potentials and path lengths stay far from overflow.
    let unassigned_cost = largest
        .checked_add(1)
        .and_then(|c| c.checked_mul(tasks + 1))
        .and_then(|c| c.checked_add(1))
        .filter(|m| m.checked_mul(4 * (tasks + 1)).is_some())
        .ok_or(SolveError::TooLarge)?;
    let mut flow = Flow::new(problem, unassigned_cost);
    for task in 0..problem.costs.len() {
        flow.insert(task);
    }
    Ok(flow
        .column_of
        .iter()
        .map(|&c| c.filter(|&c| c < reps))
        .collect())
}

/// The state of the augmentation: columns are the reps plus one "unassigned" column at the end.
struct Flow<'a> {
    problem: &'a Problem,
    /// Cost of leaving a task unassigned.
    unassigned_cost: i64,
    /// Index of the "unassigned" column.
    unassigned: usize,
    /// Room left in each column (the unassigned column never fills).
    room: Vec<usize>,
    /// Potential of each column.
    potential: Vec<i64>,
    /// The tasks in each column.
    members: Vec<Vec<usize>>,
    /// The column of each inserted task.
    column_of: Vec<Option<usize>>,
    /// Cheapest move out of column `a` into `b`: (c[t][b] - c[t][a], t), for t in column a.
    cheapest_move: Vec<Vec<Option<(i64, usize)>>>,
}

impl<'a> Flow<'a> {
    fn new(problem: &'a Problem, unassigned_cost: i64) -> Flow<'a> {
        let columns = problem.capacity.len() + 1;
        let mut room = problem.capacity.clone();
        room.push(usize::MAX);
        Flow {
            problem,
            unassigned_cost,
            unassigned: columns - 1,
            room,
            potential: vec![0; columns],
            members: vec![Vec::new(); columns],
            column_of: vec![None; problem.costs.len()],
            cheapest_move: vec![vec![None; columns]; columns],
        }
    }

    fn cost(&self, task: usize, column: usize) -> Option<i64> {
        if column == self.unassigned {
            Some(self.unassigned_cost)
        } else {
            self.problem.costs[task][column]
        }
    }

    /// Adds `task` along a shortest augmenting path (Dijkstra on reduced costs over columns).
    fn insert(&mut self, task: usize) {
        let columns = self.room.len();
        // Reduced cost of entering each column directly; shift so the cheapest is zero.
        let entry: Vec<Option<i64>> = (0..columns)
            .map(|c| self.cost(task, c).map(|x| x - self.potential[c]))
            .collect();
        let shift = entry.iter().flatten().min().copied().unwrap_or(0);
        let mut dist: Vec<Option<i64>> = entry.iter().map(|e| e.map(|x| x - shift)).collect();
        // Where each column was reached from: None = straight from the new task.
        let mut came_from: Vec<Option<(usize, usize)>> = vec![None; columns];
        let mut done = vec![false; columns];
        let end = loop {
            let next = (0..columns)
                .filter(|&c| !done[c])
                .filter_map(|c| dist[c].map(|d| (d, c)))
                .min();
            let Some((d, column)) = next else {
                unreachable!("the unassigned column is always reachable");
            };
            done[column] = true;
            if self.room[column] > 0 {
                break column;
            }
            for to in 0..columns {
                if done[to] {
                    continue;
                }
                if let Some((delta, moved)) = self.cheapest_move[column][to] {
                    let reduced = delta + self.potential[column] - self.potential[to];
                    let candidate = d + reduced;
                    if dist[to].is_none_or(|old| candidate < old) {
                        dist[to] = Some(candidate);
                        came_from[to] = Some((column, moved));
                    }
                }
            }
        };
        let reached = dist[end].unwrap_or(0);
        for c in 0..columns {
            if done[c] {
                self.potential[c] += dist[c].unwrap_or(reached).min(reached);
            } else {
                self.potential[c] += reached;
            }
        }
        self.augment(task, end, &came_from);
    }

    /// Moves tasks along the path ending in `end` and puts `task` at its start.
    fn augment(&mut self, task: usize, end: usize, came_from: &[Option<(usize, usize)>]) {
        let mut touched = vec![end];
        let mut column = end;
        self.room[end] = self.room[end].saturating_sub(1);
        if end == self.unassigned {
            self.room[end] = usize::MAX;
        }
        while let Some((from, moved)) = came_from[column] {
            self.members[from].retain(|&t| t != moved);
            self.members[column].push(moved);
            self.column_of[moved] = Some(column);
            touched.push(from);
            column = from;
        }
        self.members[column].push(task);
        self.column_of[task] = Some(column);
        touched.sort_unstable();
        touched.dedup();
        // Dijkstra stops at the unassigned column and never leaves it, so its moves are not kept.
        let unassigned = self.unassigned;
        for c in touched.into_iter().filter(|&c| c != unassigned) {
            self.refresh_moves(c);
        }
    }

    /// Recomputes the cheapest move of each task in `column` to every other column.
    fn refresh_moves(&mut self, column: usize) {
        let columns = self.room.len();
        let mut best: Vec<Option<(i64, usize)>> = vec![None; columns];
        for &t in &self.members[column] {
            let Some(here) = self.cost(t, column) else {
                continue;
            };
            for (to, slot) in best.iter_mut().enumerate() {
                if to == column {
                    continue;
                }
                if let Some(there) = self.cost(t, to) {
                    let delta = there - here;
                    if slot.is_none_or(|(d, _)| delta < d) {
                        *slot = Some((delta, t));
                    }
                }
            }
        }
        self.cheapest_move[column] = best;
    }
}

/// The total cost of an assignment (unassigned tasks cost nothing here).
pub fn total_cost(problem: &Problem, assignment: &[Option<usize>]) -> i64 {
    assignment
        .iter()
        .enumerate()
        .filter_map(|(t, rep)| rep.and_then(|r| problem.costs[t][r]))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(costs: &[&[i64]], capacity: &[usize]) -> Problem {
        Problem {
            costs: costs
                .iter()
                .map(|row| row.iter().map(|&c| Some(c)).collect())
                .collect(),
            capacity: capacity.to_vec(),
        }
    }

    #[test]
    fn scipy_documented_example_costs_five() {
        // scipy.optimize.linear_sum_assignment docs: rows 0,1,2 -> cols 1,0,2, total 5.
        let p = full(&[&[4, 1, 3], &[2, 0, 5], &[3, 2, 2]], &[1, 1, 1]);
        let a = solve(&p).unwrap();
        assert_eq!(a, vec![Some(1), Some(0), Some(2)]);
        assert_eq!(total_cost(&p, &a), 5);
    }

    #[test]
    fn capacities_let_a_cheap_rep_take_several_tasks() {
        let p = full(&[&[1, 9], &[1, 9], &[1, 9], &[5, 6]], &[2, 3]);
        let a = solve(&p).unwrap();
        // Rep 0 takes two of the three cheap tasks; the 4th task's extra cost (6-5) is smallest.
        assert_eq!(a.iter().filter(|r| **r == Some(0)).count(), 2);
        assert_eq!(a[3], Some(1));
        assert_eq!(total_cost(&p, &a), 1 + 1 + 9 + 6);
    }

    #[test]
    fn short_capacity_assigns_the_most_tasks_then_the_cheapest() {
        // Tasks 1 and 2 can only go to rep 0, so task 0 must make way to rep 1 even though it
        // costs 50 there; of tasks 1 and 2 the cheaper one (task 2) takes rep 0.
        let p = Problem {
            costs: vec![
                vec![Some(0), Some(50)],
                vec![Some(100), None],
                vec![Some(1), None],
            ],
            capacity: vec![1, 1],
        };
        let a = solve(&p).unwrap();
        assert_eq!(a, vec![Some(1), None, Some(0)]);
        assert_eq!(total_cost(&p, &a), 51);
    }

    #[test]
    fn no_room_and_no_allowed_rep_leave_tasks_unassigned() {
        let p = Problem {
            costs: vec![vec![None, None], vec![Some(3), Some(4)]],
            capacity: vec![0, 1],
        };
        assert_eq!(solve(&p).unwrap(), vec![None, Some(1)]);
        let empty = Problem {
            costs: vec![],
            capacity: vec![2],
        };
        assert_eq!(solve(&empty).unwrap(), Vec::<Option<usize>>::new());
    }

    #[test]
    fn bad_matrices_are_refused() {
        let ragged = Problem {
            costs: vec![vec![Some(1)]],
            capacity: vec![1, 1],
        };
        assert!(matches!(solve(&ragged), Err(SolveError::Ragged { .. })));
        let negative = full(&[&[-1]], &[1]);
        assert!(matches!(solve(&negative), Err(SolveError::Negative { .. })));
        let huge = full(&[&[i64::MAX / 2]], &[1]);
        assert_eq!(solve(&huge), Err(SolveError::TooLarge));
    }
}
