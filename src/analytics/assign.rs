//! The optimal task assignment: which rep should hold each open task so the total cost is least.
//!
//! Pure: open tasks and reps in, a [`Plan`] out. The cost of giving a task to a rep is a
//! weighted sum of documented terms ([`cost`]); each rep takes at most max_open_tasks minus the
//! load it keeps; pinned tasks stay, absent and inactive reps take nothing; and the problem is
//! solved exactly by min-cost flow ([`solver`]), assigning the most tasks possible at the least
//! cost. The formula and the JSON are in `docs/report-assign.md`.

pub mod cost;
mod explain;
mod facts;
mod plan;
pub mod solver;

pub use cost::{AssignWeights, CostTerms};
pub use facts::{ParseScopeError, Rep, Scope, Task};
pub use plan::{AssignInput, Plan, PlanError, PlanMove, PlanRep, PlanTask, Unassigned, plan};
