//! Tasks: open ones on open deals due around `as_of` (some overdue, some reps over capacity), and
//! done or cancelled ones from the past.

use super::calendar::{Calendar, Day};
use super::customers::Book;
use super::deals::Deal;
use super::products::PRODUCTS;
use super::rows::TaskRow;
use super::team::Team;
use super::{DemoError, Rng};
use rand::Rng as _;
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;

/// Task kinds with their minutes: shortest, longest and step.
const KINDS: [(&str, u32, u32, u32); 5] = [
    ("call", 15, 30, 5),
    ("email", 10, 20, 5),
    ("meeting", 30, 90, 15),
    ("proposal", 60, 180, 30),
    ("follow-up", 15, 30, 5),
];
/// Kind weights by the open stage a deal is at (Lead … Negotiation).
const KINDS_AT: [[f64; 5]; 4] = [
    [5.0, 4.0, 1.0, 0.0, 1.0],
    [3.0, 2.0, 4.0, 1.0, 1.0],
    [1.0, 1.0, 2.0, 5.0, 2.0],
    [2.0, 1.0, 3.0, 1.0, 5.0],
];
/// Share of open deals that get an open task (while the rep is under their target).
const OPEN_SHARE: f64 = 0.25;
/// One done task in this many was done after its due date.
const LATE_EVERY: i64 = 5;

/// Share of closed deals with a past task, and share of those cancelled rather than done.
const PAST_SHARE: f64 = 0.15;
const CANCELLED_SHARE: f64 = 0.1;
/// Share of open tasks already overdue, and of open tasks pinned to their rep.
const OVERDUE_SHARE: f64 = 0.22;
const PINNED_SHARE: f64 = 0.05;
/// Open tasks fall due up to this many days before `as_of` (overdue) or after it.
const MAX_DAYS_OVERDUE: i32 = 14;
const MAX_DAYS_AHEAD: i32 = 28;
/// Priority 1 is the most urgent: tasks of deals from this amount up and overdue ones. Of the
/// others this share is priority 2, the rest 3.
const BIG_DEAL_CENTS: i64 = 5_000_000;
const PRIORITY_2_SHARE: f64 = 0.6;

/// Draws tasks and keeps each rep's open task count.
pub(super) struct Tasks {
    kinds: Vec<WeightedIndex<f64>>,
    open_per_rep: Vec<u32>,
}

impl Tasks {
    /// Builds the weighted draws; `reps` is the number of reps.
    pub fn new(reps: usize) -> Result<Self, DemoError> {
        Ok(Tasks {
            kinds: KINDS_AT
                .iter()
                .map(WeightedIndex::new)
                .collect::<Result<_, _>>()
                .map_err(|e| DemoError::InvalidOptions(format!("task weights: {e}")))?,
            open_per_rep: vec![0; reps],
        })
    }

    /// The task of deal `id`, if it gets one.
    pub fn draw(
        &mut self,
        rng: &mut Rng,
        cal: &Calendar,
        team: &Team,
        book: &Book,
        id: i64,
        deal: &Deal,
    ) -> Option<TaskRow> {
        let open = !deal.stage.is_closed();
        let (status, due) = if open {
            let rep = &team.reps[deal.rep];
            let load = &mut self.open_per_rep[deal.rep];
            if !rep.active || *load >= rep.task_target || rng.random::<f64>() >= OPEN_SHARE {
                return None;
            }
            *load += 1;
            let due = if rng.random::<f64>() < OVERDUE_SHARE {
                cal.as_of - rng.random_range(1..=MAX_DAYS_OVERDUE)
            } else {
                cal.as_of + rng.random_range(0..=MAX_DAYS_AHEAD)
            };
            ("open", due)
        } else {
            if rng.random::<f64>() >= PAST_SHARE {
                return None;
            }
            let cancelled = rng.random::<f64>() < CANCELLED_SHARE;
            let due = rng.random_range(deal.created..=deal.end.max(deal.created));
            (if cancelled { "cancelled" } else { "done" }, due)
        };
        let kind = self.kinds.get(deal.reached()).map_or(0, |w| w.sample(rng));
        let (name, low, high, step) = KINDS[kind];
        let minutes = low + step * rng.random_range(0..=(high - low) / step);
        let priority = if deal.cents >= BIG_DEAL_CENTS || (open && due < cal.as_of) {
            1
        } else if rng.random::<f64>() < PRIORITY_2_SHARE {
            2
        } else {
            3
        };
        let pinned = open && rng.random::<f64>() < PINNED_SHARE;
        let done = (status == "done").then(|| done_on(id, due).min(cal.as_of));
        let customer = book.customers.get(deal.customer).map_or("", |c| &c.name);
        Some(TaskRow {
            title: title(name, customer, PRODUCTS[deal.product].name),
            kind: name,
            customer: deal.customer as i64 + 1,
            deal: id,
            rep: deal.rep as i64 + 1,
            due,
            minutes,
            priority,
            status,
            pinned,
            done,
        })
    }
}

/// The day a past task was done, drawn from the deal's id and not the generator, so the rest of
/// the book is the same as before tasks had one: one in [`LATE_EVERY`] a few days late, the
/// others on their due date or a day or two early.
fn done_on(id: i64, due: Day) -> Day {
    let step = (id % 4) as Day;
    if id % LATE_EVERY == 0 {
        due + 1 + step
    } else {
        due - step % 3
    }
}

/// What a rep would write on the task.
fn title(kind: &str, customer: &str, product: &str) -> String {
    match kind {
        "call" => format!("Call {customer} about {product}"),
        "email" => format!("Email {customer} re {product}"),
        "meeting" => format!("Meet {customer} on {product}"),
        "proposal" => format!("Send {product} proposal to {customer}"),
        _ => format!("Follow up with {customer} on {product}"),
    }
}
