//! `salesdesk report assign`: the optimal task assignment as JSON or text, and the cost matrix
//! as CSV for checking it with another solver.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::Args;
use rusqlite::Connection;

use super::output::{json_or_text, print};
use crate::analytics::assign::{AssignWeights, Plan, Scope, plan};
use crate::db;

/// Options of `salesdesk report assign`.
#[derive(Debug, Args)]
pub struct AssignArgs {
    /// Print the plan as JSON (fields in docs/report-assign.md)
    #[arg(long)]
    pub json: bool,
    /// Which tasks and reps: all, team=NAME or rep=NAME
    #[arg(long, value_name = "SCOPE", default_value = "all", value_parser = parse_scope)]
    pub scope: Scope,
    /// Also write the cost matrix as CSV: first column task id, header rep ids, a capacity row
    #[arg(long, value_name = "FILE")]
    pub export_costs: Option<PathBuf>,
}

/// Solves the plan on `conn` and prints it; with `--export-costs`, writes the matrix too.
/// The cost weights come from the config file's `[assign]` section.
pub fn run(
    conn: &Connection,
    as_of: NaiveDate,
    args: &AssignArgs,
    weights: &AssignWeights,
) -> anyhow::Result<()> {
    let input = db::tasks::load_input(conn, as_of, true).context("cannot read the tasks")?;
    let plan = plan(&input, &args.scope, weights)?;
    if let Some(path) = &args.export_costs {
        std::fs::write(path, costs_csv(&plan))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    print(&json_or_text(&plan, args.json, render)?)
}

/// The cost matrix as CSV: `task_id,<rep id>…`, one row per task (empty where the rep may not
/// take it), then `capacity,<room>…`.
pub fn costs_csv(plan: &Plan) -> String {
    let mut out = String::from("task_id");
    for rep in &plan.reps {
        let _ = write!(out, ",{}", rep.id);
    }
    out.push('\n');
    for (task, row) in plan.tasks.iter().zip(&plan.costs) {
        out.push_str(&task.id.to_string());
        for cost in row {
            match cost {
                Some(c) => {
                    let _ = write!(out, ",{c:.6}");
                }
                None => out.push(','),
            }
        }
        out.push('\n');
    }
    out.push_str("capacity");
    for rep in &plan.reps {
        let _ = write!(out, ",{}", rep.capacity);
    }
    out.push('\n');
    out
}

/// The plan as a plain-text diff.
fn render(plan: &Plan) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Optimal assignment, scope {} as of {}: {} tasks, {} reps, {} pinned",
        plan.scope,
        plan.as_of,
        plan.tasks.len(),
        plan.reps.len(),
        plan.pinned.len()
    );
    let _ = writeln!(
        out,
        "Total cost {:.2} -> {:.2} ({:+.2}); {} moves, {} unassigned\n",
        plan.total_before,
        plan.total_after,
        plan.total_after - plan.total_before,
        plan.moves.len(),
        plan.unassigned.len()
    );
    for m in &plan.moves {
        let _ = writeln!(
            out,
            "{:>7}  {:<50}  {:<20} -> {:<20} {:+7.2}  {}",
            m.task_id,
            m.title.chars().take(50).collect::<String>(),
            m.from_name,
            m.to_name,
            m.cost_change,
            m.reason
        );
    }
    for u in &plan.unassigned {
        let _ = writeln!(
            out,
            "{:>7}  {:<50}  unassigned: {}",
            u.task_id, u.title, u.reason
        );
    }
    out
}

fn parse_scope(text: &str) -> Result<Scope, String> {
    text.parse().map_err(|e| format!("{e}"))
}
