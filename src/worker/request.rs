//! What the app asks of the worker: the jobs, their kinds (which decide replacement and thread), and
//! the generation stamp.

use chrono::NaiveDate;

use crate::analytics::assign::{AssignWeights, Scope};
use crate::analytics::forecast::ForecastOptions;
use crate::analytics::monitor::models::Margins;
use crate::analytics::pipeline::PeriodKind;
use crate::analytics::scoring::{Model, ScoringSettings};
use crate::db::board::{BoardFilter, CardSort};
use crate::db::channels::PlanPrediction;
use crate::db::pipelines::StageEdit;
use crate::db::reads::ListQuery;
use crate::db::records::BulkChange;
use crate::domain::{DealChange, Money, Stage, TaskChange};
use crate::export::ExportJob;
use crate::import::ImportJob;
use crate::worker::record_write::{FormAsk, RecordWrite};

pub use crate::worker::job_kind::JobKind;

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
        /// Only this pipeline's deals (`None`: every pipeline's).
        pipeline: Option<i64>,
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
    /// Make this quarter's call (stored once a day) with its history, waterfall and track record.
    Call(crate::worker::CallAsk),
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
    /// Score changed open deals with a model already fitted (no refit).
    ScoreDeals {
        /// Today.
        as_of: NaiveDate,
        /// The deals (those no longer open are answered with no score).
        ids: Vec<i64>,
        /// The win-probability model the desk shows.
        model: Box<Model>,
        /// Which of the desk's fits the model is, handed back with the scores.
        fit: u64,
    },
    /// Score both models month by month on what happened next (`:model`'s watch).
    ModelWatch {
        /// Today.
        as_of: NaiveDate,
        /// The fits' settings.
        settings: ScoringSettings,
        /// Months watched and the warning's margins.
        margins: Margins,
    },
    /// Compute every customer's value, tier and segment, and the tier moves of the quarter.
    Tiers {
        /// Today.
        as_of: NaiveDate,
    },
    /// Check every accepted assignment plan: tasks done on time before and after it, per rep.
    PlanWatch {
        /// Today: the window after a plan ends here at the latest.
        as_of: NaiveDate,
        /// Days counted before and after each plan.
        window_days: i64,
    },
    /// Save a change to the book's pipelines or stages.
    StageEdit {
        /// The change.
        edit: StageEdit,
        /// Today: the day deals a removed stage held moved.
        today: NaiveDate,
    },
    /// Save a change to tasks or absences.
    TaskWrite {
        /// The change.
        change: TaskChange,
        /// Today: a task's done-on day, a plan's day of acceptance.
        today: NaiveDate,
    },
    /// Load the channels and fit each one's response curve.
    Channels,
    /// Save a channel plan: each channel's planned spend for a month (one undoable batch).
    ApplyChannelPlan {
        /// `YYYY-MM`.
        month: String,
        /// Channel id and planned spend.
        spends: Vec<(i64, Money)>,
        /// What the plan predicts for each fitted channel, stored with it.
        predictions: Vec<PlanPrediction>,
    },
    /// Save a record write from a form (customer, contact, deal, activity, task, quota).
    RecordWrite {
        /// The write.
        write: RecordWrite,
        /// Today: new records' dates and the date shorthands.
        today: NaiveDate,
    },
    /// Load what a record form opens with: its picker lists and the record it starts from.
    RecordForm {
        /// Which form, on what.
        ask: FormAsk,
        /// Today, for the record's ages.
        today: NaiveDate,
    },
    /// Read a deal's record (the newest record request wins, deal or customer).
    DealRecord {
        /// Which deal.
        id: i64,
        /// Today, for its age, days in stage and slip.
        as_of: NaiveDate,
    },
    /// Read a customer's record.
    CustomerRecord {
        /// Which customer.
        id: i64,
    },
    /// Search customers, contacts, deals and tasks (the find popup).
    Find {
        /// The text typed.
        text: String,
    },
    /// Read a page of the pipeline's list view.
    DealList {
        /// Filter, sort, view and the page wanted.
        query: ListQuery,
        /// Today, for ages and the saved views' dates.
        as_of: NaiveDate,
    },
    /// Count the open deals of every saved view.
    ViewCounts {
        /// Today.
        as_of: NaiveDate,
        /// The Stale view's days.
        stale_days: u32,
        /// Only this pipeline's deals (`None`: every pipeline's).
        pipeline: Option<i64>,
    },
    /// Apply one change to many deals, as one undo step.
    Bulk {
        /// Which deals.
        target: BulkTarget,
        /// What to do to them.
        change: BulkChange,
        /// The date stage changes and closings are stamped with.
        today: NaiveDate,
    },
    /// Run the data-quality checks of the `:data` view as of today (closings after it are impossible).
    Quality(NaiveDate),
    /// Forget the analyses the book keeps, so the next ones are computed (`:refit`).
    Refit,
    /// Load the next page of one board column.
    BoardMore {
        /// Which deals.
        filter: BoardFilter,
        /// Card order.
        sort: CardSort,
        /// The Won/Lost column's period.
        period: (NaiveDate, NaiveDate),
        /// The open stage of the column, or `None` for the Won/Lost column.
        stage: Option<Stage>,
        /// Cards already loaded.
        offset: usize,
    },
}

/// The deals a bulk change applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkTarget {
    /// These deals.
    Deals(Vec<i64>),
    /// Every deal of a list view (its query's page is ignored), as it is when the change runs.
    View(ListQuery),
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
            | Job::StageEdit { .. }
            | Job::ApplyChannelPlan { .. }
            | Job::RecordWrite { .. } => JobKind::Write,
            Job::Bulk { .. } => JobKind::Write,
            Job::History => JobKind::History,
            Job::Kpis { .. } => JobKind::Kpis,
            Job::Export(_) => JobKind::Export,
            Job::Import(_) => JobKind::Import,
            Job::Forecast { .. } => JobKind::Forecast,
            Job::Call(_) => JobKind::Call,
            Job::Tasks { .. } => JobKind::Tasks,
            Job::Plan { .. } => JobKind::Plan,
            Job::Channels => JobKind::Channels,
            Job::Tiers { .. } => JobKind::Tiers,
            Job::Scores { .. } => JobKind::Scores,
            Job::ScoreDeals { .. } => JobKind::DealScores,
            Job::ModelWatch { .. } => JobKind::ModelWatch,
            Job::RecordForm { .. } => JobKind::RecordForm,
            Job::DealRecord { .. } | Job::CustomerRecord { .. } => JobKind::Record,
            Job::Find { .. } => JobKind::Find,
            Job::DealList { .. } => JobKind::DealList,
            Job::ViewCounts { .. } => JobKind::ViewCounts,
            Job::BoardMore { .. } => JobKind::BoardMore,
            Job::Quality(_) => JobKind::Quality,
            Job::PlanWatch { .. } => JobKind::PlanWatch,
            Job::Refit => JobKind::Refit,
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
