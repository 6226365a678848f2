//! The background thread: it owns the database connection, runs jobs, and sends owned results back.
//!
//! The latest request of each kind wins: requests still waiting when a newer one of the same kind
//! arrives are dropped unrun, and every reply carries its generation so the app can drop stale ones.

use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use crossbeam_channel::{Receiver, Sender};
use rusqlite::Connection;

use crate::analytics::assign::{AssignInput, AssignWeights, Plan, Scope};
use crate::analytics::channels::FittedChannel;
use crate::analytics::forecast::{ForecastOptions, ForecastSet, forecast_groups};
use crate::analytics::pipeline::{Kpis, PeriodKind, PipelineView, QuotaAttainment};
use crate::analytics::scoring::{ScoringSet, ScoringSettings, score_all};
use crate::analytics::value::TiersOverview;
use crate::db;
use crate::db::board::{self, BoardCards, BoardFilter, BoardTotals, Card, CardSort};
use crate::db::channels::Channels;
use crate::db::customers::{self, CustomerDetail, CustomerIndex};
use crate::db::edits::{self, HistoryLine, Saved};
use crate::db::pipeline_facts;
use crate::db::{forecast_series, scoring_rows};
use crate::db::{task_edits, tasks};
use crate::domain::{DealChange, Money, TaskChange};
use crate::export::{ExportJob, Exported};
use crate::import::{ImportJob, ImportReport, Progress};

/// How many edits `:history` shows.
pub const HISTORY_LINES: usize = 200;

/// Work the app asks of the background thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// Load every customer with its aggregates.
    CustomerIndex {
        /// The date the trailing windows end at.
        as_of: NaiveDate,
    },
    /// Load the detail pane of one customer.
    CustomerDetail {
        /// Which customer.
        customer_id: i64,
    },
    /// Load a page of cards per board column.
    BoardCards {
        /// Which deals.
        filter: BoardFilter,
        /// Card order.
        sort: CardSort,
        /// The Won/Lost column's period.
        period: (NaiveDate, NaiveDate),
    },
    /// Count and sum every board column.
    BoardTotals {
        /// Which deals.
        filter: BoardFilter,
        /// The Won/Lost column's period.
        period: (NaiveDate, NaiveDate),
    },
    /// Save a change to a deal.
    Write {
        /// The deal.
        deal_id: i64,
        /// The change.
        change: DealChange,
        /// The date stage changes and closings are stamped with.
        today: NaiveDate,
    },
    /// Undo the newest change.
    Undo,
    /// Redo the change undone last.
    Redo,
    /// Read the recent edits.
    History,
    /// Compute the pipeline KPIs of a period.
    Kpis {
        /// Which period.
        kind: PeriodKind,
        /// The day it ends.
        as_of: NaiveDate,
    },
    /// Write a screen's view to a CSV file.
    Export(ExportJob),
    /// Import a file into the database (one transaction).
    Import(Box<ImportJob>),
    /// Build every bookings series (total, reps, products, teams) and fit their forecasts.
    Forecast {
        /// Series end at the last complete month before this date.
        as_of: NaiveDate,
        /// Months to forecast, and the backtest.
        options: ForecastOptions,
    },
    /// Load the open tasks and reps for the tasks screen.
    Tasks {
        /// Today.
        as_of: NaiveDate,
    },
    /// Compute the optimal assignment plan.
    Plan {
        /// Which tasks and reps.
        scope: Scope,
        /// Cost weights.
        weights: AssignWeights,
        /// Today.
        as_of: NaiveDate,
    },
    /// Fit win probability and purchase propensity and score open deals and customers.
    Scores {
        /// Today.
        as_of: NaiveDate,
        /// λ, the minimum examples and the most training rows.
        settings: ScoringSettings,
    },
    /// Compute every customer's value, tier and segment, and the tier moves of the quarter.
    Tiers {
        /// Today.
        as_of: NaiveDate,
    },
    /// Save a change to tasks or absences.
    TaskWrite {
        /// The change.
        change: TaskChange,
    },
    /// Load the channels and fit each one's response curve.
    Channels,
    /// Save a channel plan: each channel's planned spend for a month (one undoable batch).
    ApplyChannelPlan {
        /// `YYYY-MM`.
        month: String,
        /// Channel id and planned spend.
        spends: Vec<(i64, Money)>,
    },
}

/// Jobs of one kind replace each other (except writes); the kind also names the job in the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// [`Job::CustomerIndex`].
    CustomerIndex,
    /// [`Job::CustomerDetail`].
    CustomerDetail,
    /// [`Job::BoardCards`].
    BoardCards,
    /// [`Job::BoardTotals`].
    BoardTotals,
    /// [`Job::Write`], [`Job::Undo`] and [`Job::Redo`]: never replaced, always answered in order.
    Write,
    /// [`Job::History`].
    History,
    /// [`Job::Kpis`].
    Kpis,
    /// [`Job::Export`].
    Export,
    /// [`Job::Import`]: never replaced; it reports progress while it runs.
    Import,
    /// [`Job::Forecast`].
    Forecast,
    /// [`Job::Tasks`].
    Tasks,
    /// [`Job::Plan`].
    Plan,
    /// [`Job::Channels`].
    Channels,
    /// [`Job::Tiers`].
    Tiers,
    /// [`Job::Scores`].
    Scores,
}

impl JobKind {
    /// Every kind, for per-kind bookkeeping.
    pub const ALL: [JobKind; 15] = [
        JobKind::Plan,
        JobKind::Tasks,
        JobKind::Kpis,
        JobKind::Write,
        JobKind::BoardCards,
        JobKind::BoardTotals,
        JobKind::CustomerIndex,
        JobKind::CustomerDetail,
        JobKind::History,
        JobKind::Export,
        JobKind::Import,
        JobKind::Forecast,
        JobKind::Channels,
        JobKind::Tiers,
        JobKind::Scores,
    ];

    /// What the status line says while a job of this kind runs.
    pub fn label(self) -> &'static str {
        match self {
            JobKind::CustomerIndex => "loading customers",
            JobKind::CustomerDetail => "loading customer detail",
            JobKind::BoardCards => "loading the board",
            JobKind::BoardTotals => "counting the pipeline",
            JobKind::Write => "saving",
            JobKind::History => "reading the history",
            JobKind::Kpis => "computing KPIs",
            JobKind::Export => "exporting",
            JobKind::Import => "importing",
            JobKind::Forecast => "fitting forecasts",
            JobKind::Tasks => "loading tasks",
            JobKind::Plan => "solving the assignment",
            JobKind::Channels => "fitting channel curves",
            JobKind::Tiers => "valuing customers",
            JobKind::Scores => "fitting scores",
        }
    }

    /// What the status line names a finished job of this kind by, beside the time it took.
    pub fn done_label(self) -> &'static str {
        match self {
            JobKind::CustomerIndex => "customers",
            JobKind::CustomerDetail => "detail",
            JobKind::BoardCards => "board",
            JobKind::BoardTotals => "totals",
            JobKind::Write => "saved",
            JobKind::History => "history",
            JobKind::Kpis => "KPIs",
            JobKind::Export => "exported",
            JobKind::Import => "imported",
            JobKind::Forecast => "forecast",
            JobKind::Tasks => "tasks",
            JobKind::Plan => "plan",
            JobKind::Channels => "channel fits",
            JobKind::Tiers => "tiers",
            JobKind::Scores => "scores",
        }
    }

    /// False for writes and imports: every one of them must run, in order.
    pub fn replaceable(self) -> bool {
        !matches!(self, JobKind::Write | JobKind::Import)
    }

    /// Scans of the whole book (seconds at a million deals) run on their own thread, so they
    /// never hold up a write or a page of cards.
    pub fn heavy(self) -> bool {
        matches!(
            self,
            JobKind::CustomerIndex
                | JobKind::BoardTotals
                | JobKind::Kpis
                | JobKind::Export
                | JobKind::Forecast
                | JobKind::Plan
                | JobKind::Channels
                | JobKind::Tiers
                | JobKind::Scores
        )
    }
}

impl Job {
    /// The kind of this job.
    pub fn kind(&self) -> JobKind {
        match self {
            Job::CustomerIndex { .. } => JobKind::CustomerIndex,
            Job::CustomerDetail { .. } => JobKind::CustomerDetail,
            Job::BoardCards { .. } => JobKind::BoardCards,
            Job::BoardTotals { .. } => JobKind::BoardTotals,
            Job::Write { .. }
            | Job::Undo
            | Job::Redo
            | Job::TaskWrite { .. }
            | Job::ApplyChannelPlan { .. } => JobKind::Write,
            Job::History => JobKind::History,
            Job::Kpis { .. } => JobKind::Kpis,
            Job::Export(_) => JobKind::Export,
            Job::Import(_) => JobKind::Import,
            Job::Forecast { .. } => JobKind::Forecast,
            Job::Tasks { .. } => JobKind::Tasks,
            Job::Plan { .. } => JobKind::Plan,
            Job::Channels => JobKind::Channels,
            Job::Tiers { .. } => JobKind::Tiers,
            Job::Scores { .. } => JobKind::Scores,
        }
    }
}

/// A job stamped with the generation the app gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// Increases with every request.
    pub generation: u64,
    /// The work.
    pub job: Job,
}

/// A saved change with the deal as it was and as it is, so the board can adjust just that card.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    /// What was saved; `None` when there was nothing to undo or redo.
    pub saved: Option<Saved>,
    /// The deal before the change.
    pub before: Option<Card>,
    /// The deal after the change.
    pub after: Option<Card>,
}

/// What a job produced; errors are already worded for the status line.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// The full customer index.
    CustomerIndex(Result<CustomerIndex, String>),
    /// One customer's detail, `None` if it no longer exists.
    CustomerDetail(Result<Option<CustomerDetail>, String>),
    /// Board cards.
    BoardCards(Result<BoardCards, String>),
    /// Board totals.
    BoardTotals(Result<BoardTotals, String>),
    /// A write, undo or redo.
    Written(Result<Written, String>),
    /// Recent edits.
    History(Result<Vec<HistoryLine>, String>),
    /// KPIs of a period.
    Kpis(Result<BoardKpis, String>),
    /// A view written to a file.
    Exported(Result<Exported, String>),
    /// How far a running import has got (not the job's final reply).
    ImportProgress(Progress),
    /// A finished import's report (written, dry run, or refused for rejected rows).
    Imported(Result<ImportReport, String>),
    /// Every series' forecast.
    Forecast(Result<ForecastSet, String>),
    /// Open tasks and reps.
    Tasks(Result<AssignInput, String>),
    /// The optimal assignment plan.
    Plan(Result<Plan, String>),
    /// The channels with their fitted curves.
    Channels(Result<ChannelsModel, String>),
    /// Values, tiers, segments and tier moves.
    Tiers(Result<TiersOverview, String>),
    /// Both scoring models and their scores.
    Scores(Result<Box<ScoringSet>, String>),
}

/// The channels as stored, and each one's fitted curve (same order), for the Channels screen.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelsModel {
    /// Histories, ids and the plan month.
    pub data: Channels,
    /// Each channel's fit, or why it has none.
    pub fitted: Vec<FittedChannel>,
}

/// The KPIs and quota attainment of one period, for the board.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardKpis {
    /// The period they are for.
    pub kind: PeriodKind,
    /// The headline KPIs.
    pub kpis: Kpis,
    /// Attainment per rep and team.
    pub quota: QuotaAttainment,
}

/// A finished job, sent back to the event loop.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// The generation of the request it answers.
    pub generation: u64,
    /// The kind of that request.
    pub kind: JobKind,
    /// How long the work took.
    pub elapsed: Duration,
    /// The result.
    pub output: Output,
}

/// Runs one request on `conn` on the calling thread: the worker's body, also used headless.
pub fn execute(conn: &mut Connection, request: Request) -> Reply {
    execute_reporting(conn, request, &mut |_| {})
}

/// Like [`execute`], passing intermediate outputs (import progress) to `report` as they come.
pub fn execute_reporting(
    conn: &mut Connection,
    request: Request,
    report: &mut dyn FnMut(Output),
) -> Reply {
    let started = Instant::now();
    let kind = request.job.kind();
    if let Some(refused) = refusal_when_read_only(conn, &request.job) {
        return Reply {
            generation: request.generation,
            kind,
            elapsed: started.elapsed(),
            output: refused,
        };
    }
    let output = match request.job {
        Job::CustomerIndex { as_of } => Output::CustomerIndex(
            customers::load_index(conn, as_of).map_err(|e| format!("cannot load customers: {e}")),
        ),
        Job::CustomerDetail { customer_id } => Output::CustomerDetail(
            customers::load_detail(conn, customer_id)
                .map_err(|e| format!("cannot load customer {customer_id}: {e}")),
        ),
        Job::BoardCards {
            filter,
            sort,
            period,
        } => Output::BoardCards(
            board::load_cards(conn, &filter, sort, period)
                .map_err(|e| format!("cannot load the board: {e}")),
        ),
        Job::BoardTotals { filter, period } => Output::BoardTotals(
            board::load_totals(conn, &filter, period)
                .map_err(|e| format!("cannot count the pipeline: {e}")),
        ),
        Job::Write {
            deal_id,
            change,
            today,
        } => Output::Written(write(conn, Some(deal_id), |conn| {
            edits::apply(conn, deal_id, &change, today, &now_text(), &actor()).map(Some)
        })),
        Job::Undo => Output::Written(
            edits::undo_target(conn)
                .map_err(|e| e.to_string())
                .and_then(|deal| write(conn, deal, edits::undo)),
        ),
        Job::Redo => Output::Written(
            edits::redo_target(conn)
                .map_err(|e| e.to_string())
                .and_then(|deal| write(conn, deal, edits::redo)),
        ),
        Job::Kpis { kind, as_of } => Output::Kpis(
            pipeline_facts::load_facts(conn)
                .map(|facts| {
                    let view = PipelineView::new(&facts, as_of);
                    let period = kind.period(as_of);
                    BoardKpis {
                        kind,
                        kpis: view.kpis(period),
                        quota: crate::analytics::pipeline::quota_attainment(&facts, period),
                    }
                })
                .map_err(|e| format!("cannot compute the KPIs: {e}")),
        ),
        Job::Forecast { as_of, options } => Output::Forecast(
            forecast_series::load_bookings(conn, as_of)
                .map(|groups| forecast_groups(groups, as_of, options))
                .map_err(|e| format!("cannot read the bookings for the forecast: {e}")),
        ),
        Job::Tasks { as_of } => Output::Tasks(
            tasks::load_input(conn, as_of, false).map_err(|e| format!("cannot load tasks: {e}")),
        ),
        Job::Plan {
            scope,
            weights,
            as_of,
        } => Output::Plan(
            tasks::load_input(conn, as_of, true)
                .map_err(|e| format!("cannot load tasks: {e}"))
                .and_then(|input| {
                    crate::analytics::assign::plan(&input, &scope, &weights)
                        .map_err(|e| e.to_string())
                }),
        ),
        Job::Scores { as_of, settings } => Output::Scores(
            scoring_rows::win_rows(conn, as_of, settings.max_win_rows)
                .and_then(|win| Ok((win, scoring_rows::propensity_rows(conn, as_of)?)))
                .map(|(win, propensity)| Box::new(score_all(&win, &propensity, &settings)))
                .map_err(|e| format!("cannot read the rows to score: {e}")),
        ),
        Job::Tiers { as_of } => Output::Tiers(
            crate::db::tiers::overview(conn, as_of)
                .map_err(|e| format!("cannot value the customers: {e}")),
        ),
        Job::TaskWrite { change } => Output::Written(write(conn, None, |conn| {
            task_edits::apply(conn, &change, &now_text(), &actor()).map(Some)
        })),
        Job::History => Output::History(
            edits::history(conn, HISTORY_LINES)
                .map_err(|e| format!("cannot read the history: {e}")),
        ),
        Job::Export(job) => Output::Exported(job.run(conn)),
        Job::Import(job) => Output::Imported(job.run(conn, &mut |progress| {
            report(Output::ImportProgress(progress))
        })),
        Job::Channels => Output::Channels(
            db::channels::load(conn)
                .map(|data| ChannelsModel {
                    fitted: data
                        .channels
                        .iter()
                        .map(|c| FittedChannel::new(c.input()))
                        .collect(),
                    data,
                })
                .map_err(|e| format!("cannot read the channels: {e}")),
        ),
        Job::ApplyChannelPlan { month, spends } => Output::Written(write(conn, None, |conn| {
            db::channels::save_plan(conn, &month, &spends, &now_text(), &actor()).map(Some)
        })),
    };
    Reply {
        generation: request.generation,
        kind,
        elapsed: started.elapsed(),
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

/// Runs a write between reading the deal's card before and after it.
fn write(
    conn: &mut Connection,
    deal_id: Option<i64>,
    action: impl FnOnce(&mut Connection) -> Result<Option<Saved>, edits::WriteError>,
) -> Result<Written, String> {
    let card = |conn: &Connection| -> Result<Option<Card>, String> {
        match deal_id {
            Some(id) => {
                board::load_card(conn, id).map_err(|e| format!("cannot read deal {id}: {e}"))
            }
            None => Ok(None),
        }
    };
    let before = card(conn)?;
    let saved = action(conn).map_err(|e| e.to_string())?;
    let after = card(conn)?;
    Ok(Written {
        saved,
        before,
        after,
    })
}

fn now_text() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

/// Who makes edits: the login name, for the history.
fn actor() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "salesdesk".to_string())
}

/// The running background thread; dropping it lets the thread finish its job and stop.
pub struct Worker {
    requests: Option<Sender<Request>>,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    /// Starts the thread, giving it the connection; replies arrive on the returned receiver.
    pub fn spawn(conn: Connection) -> std::io::Result<(Worker, Receiver<Reply>)> {
        let (reply_tx, reply_rx) = crossbeam_channel::unbounded();
        Ok((
            Worker::spawn_replying(conn, "salesdesk-worker", reply_tx)?,
            reply_rx,
        ))
    }

    /// Starts a thread that sends its replies to `replies`, which other workers may share.
    fn spawn_replying(
        conn: Connection,
        name: &str,
        replies: Sender<Reply>,
    ) -> std::io::Result<Worker> {
        let (request_tx, request_rx) = crossbeam_channel::unbounded::<Request>();
        let thread = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || serve(conn, &request_rx, &replies))?;
        Ok(Worker {
            requests: Some(request_tx),
            thread: Some(thread),
        })
    }

    /// Queues a request; a waiting request of the same kind is replaced by it.
    pub fn submit(&self, request: Request) {
        if let Some(tx) = &self.requests
            && tx.send(request).is_err()
        {
            tracing::warn!("worker thread has stopped; request dropped");
        }
    }
}

/// Two background threads, each with its own connection (WAL lets them read side by side): one
/// for writes and quick reads, one for [heavy](JobKind::heavy) scans. Replies share one channel.
pub struct Workers {
    quick: Worker,
    heavy: Worker,
}

impl Workers {
    /// Starts both threads.
    pub fn spawn(
        quick: Connection,
        heavy: Connection,
    ) -> std::io::Result<(Workers, Receiver<Reply>)> {
        let (reply_tx, reply_rx) = crossbeam_channel::unbounded();
        let workers = Workers {
            quick: Worker::spawn_replying(quick, "salesdesk-worker", reply_tx.clone())?,
            heavy: Worker::spawn_replying(heavy, "salesdesk-analytics", reply_tx)?,
        };
        Ok((workers, reply_rx))
    }

    /// Hands the request to the thread for its kind.
    pub fn submit(&self, request: Request) {
        if request.job.kind().heavy() {
            self.heavy.submit(request);
        } else {
            self.quick.submit(request);
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.requests.take();
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            tracing::error!("worker thread panicked");
        }
    }
}

fn serve(mut conn: Connection, requests: &Receiver<Request>, replies: &Sender<Reply>) {
    while let Ok(first) = requests.recv() {
        for request in latest_per_kind(first, requests.try_iter()) {
            tracing::debug!(kind = ?request.job.kind(), generation = request.generation, "job start");
            let (generation, kind) = (request.generation, request.job.kind());
            let started = Instant::now();
            let mut progress = |output| {
                let reply = Reply {
                    generation,
                    kind,
                    elapsed: started.elapsed(),
                    output,
                };
                if replies.send(reply).is_err() {
                    tracing::debug!("progress dropped: the app has stopped listening");
                }
            };
            let reply = execute_reporting(&mut conn, request, &mut progress);
            tracing::debug!(kind = ?reply.kind, elapsed_ms = reply.elapsed.as_millis(), "job done");
            if replies.send(reply).is_err() {
                return;
            }
        }
    }
}

/// Drops every waiting request that a newer one of the same (replaceable) kind overtakes; the
/// rest keep their arrival order, so a read asked for after a write still runs after it.
fn latest_per_kind(first: Request, rest: impl Iterator<Item = Request>) -> Vec<Request> {
    let mut queue: Vec<Request> = vec![first];
    for request in rest {
        let kind = request.job.kind();
        if kind.replaceable() {
            queue.retain(|q| q.job.kind() != kind);
        }
        queue.push(request);
    }
    queue
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail(generation: u64, customer_id: i64) -> Request {
        Request {
            generation,
            job: Job::CustomerDetail { customer_id },
        }
    }

    #[test]
    fn newer_requests_replace_waiting_ones_of_the_same_kind() {
        let index = Request {
            generation: 1,
            job: Job::CustomerIndex {
                as_of: NaiveDate::MIN,
            },
        };
        let queue = latest_per_kind(
            detail(1, 10),
            vec![index.clone(), detail(2, 11), detail(3, 12)].into_iter(),
        );
        assert_eq!(queue, vec![index, detail(3, 12)]);
    }

    #[test]
    fn writes_are_never_dropped_and_keep_their_order() {
        let undo = |generation| Request {
            generation,
            job: Job::Undo,
        };
        let queue = latest_per_kind(
            undo(1),
            vec![detail(2, 1), undo(3), detail(4, 2)].into_iter(),
        );
        assert_eq!(queue, vec![undo(1), undo(3), detail(4, 2)]);
    }

    #[test]
    fn worker_answers_each_surviving_request() -> Result<(), Box<dyn std::error::Error>> {
        let conn = crate::db::open(std::path::Path::new(":memory:"))?.conn;
        let (worker, replies) = Worker::spawn(conn)?;
        worker.submit(detail(7, 42));
        let reply = replies.recv_timeout(Duration::from_secs(10))?;
        assert_eq!(reply.generation, 7);
        assert_eq!(reply.output, Output::CustomerDetail(Ok(None)));
        Ok(())
    }
}
