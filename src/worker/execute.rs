//! Runs one request on a connection: the dispatch from a [`Job`] to its run, timed and stamped.

use std::time::Instant;

use rusqlite::Connection;

use super::jobs::{
    board, call, channels, customers, find_list, forecast, quality, record_reads, records, scores,
    tasks, tiers, writes,
};
use super::kept::Keep;
use super::output::{DealScores, Output, Reply};
use super::request::{Job, JobKind, Request};
use super::steps::{Newest, Steps};
use crate::db;

/// Runs one request on `conn` on the calling thread: the worker's body, also used headless.
pub fn execute(conn: &mut Connection, request: Request) -> Reply {
    execute_reporting(conn, request, &mut |_| {})
}

/// Like [`execute`], passing intermediate outputs (import progress, a long job's steps) to
/// `report` as they come.
pub fn execute_reporting(
    conn: &mut Connection,
    request: Request,
    report: &mut dyn FnMut(Output),
) -> Reply {
    execute_steps(conn, request, report, None)
}

/// Like [`execute_reporting`]; with `newest`, a long job stops at its next step once a newer
/// request of its kind is marked there.
pub fn execute_steps(
    conn: &mut Connection,
    request: Request,
    report: &mut dyn FnMut(Output),
    newest: Option<&Newest>,
) -> Reply {
    let started = Instant::now();
    let kind = request.job.kind();
    if let Some(refused) = refusal_when_read_only(conn, &request.job) {
        return Reply {
            generation: request.generation,
            kind,
            elapsed: started.elapsed(),
            computed_at: None,
            output: refused,
        };
    }
    let mut steps = Steps::new(kind, request.generation, newest, report);
    let mut keep = Keep::new(&request.job);
    let output = match request.job {
        Job::CustomerIndex { as_of } => {
            Output::CustomerIndex(keep.or(conn, || customers::index(conn, as_of)))
        }
        Job::CustomerDetail { customer_id } => customers::detail(conn, customer_id),
        Job::BoardCards {
            filter,
            sort,
            period,
        } => board::cards(conn, &filter, sort, period),
        Job::BoardTotals { filter, period } => {
            Output::BoardTotals(keep.or(conn, || board::totals(conn, &filter, period)))
        }
        Job::Kpis {
            kind,
            as_of,
            pipeline,
        } => Output::Kpis(keep.or(conn, || {
            board::kpis(conn, kind, as_of, pipeline, &mut steps)
        })),
        Job::Write {
            deal_id,
            change,
            today,
        } => writes::deal(conn, deal_id, &change, today),
        Job::Undo => writes::undo(conn),
        Job::Redo => writes::redo(conn),
        Job::TaskWrite { change, today } => writes::task(conn, &change, today),
        Job::StageEdit { edit, today } => writes::stage_edit(conn, &edit, today),
        Job::ApplyChannelPlan {
            month,
            spends,
            predictions,
        } => writes::channel_plan(conn, &month, &spends, &predictions),
        Job::History => writes::history(conn),
        Job::Forecast { as_of, options } => {
            Output::Forecast(keep.or(conn, || forecast::run(conn, as_of, options, &mut steps)))
        }
        Job::Call(ask) => Output::Call(call::run(conn, &ask, &mut keep)),
        Job::Tasks { as_of } => tasks::load(conn, as_of),
        Job::Plan {
            scope,
            weights,
            as_of,
        } => tasks::plan(conn, &scope, &weights, as_of),
        Job::PlanWatch { as_of, window_days } => tasks::watch(conn, as_of, window_days),
        Job::Scores { as_of, settings } => {
            Output::Scores(keep.or(conn, || scores::fit(conn, as_of, &settings, &mut steps)))
        }
        Job::ScoreDeals {
            as_of,
            ids,
            model,
            fit,
        } => Output::DealScores(
            scores::rescore(conn, as_of, &ids, &model).map(|scores| DealScores { fit, scores }),
        ),
        Job::ModelWatch {
            as_of,
            settings,
            margins,
        } => scores::watch(conn, as_of, &settings, &margins),
        Job::Tiers { as_of } => Output::Tiers(keep.or(conn, || tiers::run(conn, as_of))),
        Job::Quality(as_of) => quality::run(conn, as_of),
        Job::Channels => channels::load(conn),
        Job::Export(job) => Output::Exported(job.run(conn)),
        Job::Import(job) => Output::Imported(job.run(conn, &mut |progress| {
            steps.pass(Output::ImportProgress(progress))
        })),
        Job::RecordWrite { write, today } => records::write(conn, &write, today),
        Job::RecordForm { ask, today } => records::form(conn, ask, today),
        Job::DealRecord { id, as_of } => record_reads::deal(conn, id, as_of),
        Job::CustomerRecord { id } => record_reads::customer(conn, id),
        Job::Find { text } => find_list::find(conn, &text),
        Job::DealList { query, as_of } => find_list::list(conn, &query, as_of),
        Job::ViewCounts {
            as_of,
            stale_days,
            pipeline,
        } => find_list::counts(conn, as_of, stale_days, pipeline),
        Job::Bulk {
            target,
            change,
            today,
        } => find_list::bulk(conn, &target, &change, today),
        Job::Refit => Output::Refit(
            db::cache::forget_all(conn)
                .map_err(|e| format!("cannot forget the kept analyses: {e}")),
        ),
        Job::BoardMore {
            filter,
            sort,
            period,
            stage,
            offset,
        } => find_list::more_cards(conn, &filter, sort, period, stage, offset),
    };
    Reply {
        generation: request.generation,
        kind,
        elapsed: started.elapsed(),
        computed_at: keep.computed_at,
        output,
    }
}

/// A change asked of a book open read-only is refused, with the reason, before any work.
fn refusal_when_read_only(conn: &Connection, job: &Job) -> Option<Output> {
    let refusal =
        |reason: String| format!("not saved: the book is open read-only because {reason}");
    match job.kind() {
        JobKind::Write => db::read_only::reason(conn).map(|r| Output::Written(Err(refusal(r)))),
        JobKind::Import => db::read_only::reason(conn).map(|r| Output::Imported(Err(refusal(r)))),
        _ => None,
    }
}
