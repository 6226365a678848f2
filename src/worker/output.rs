//! What the worker sends back: each job's output, wrapped in a reply with its generation and timing.

use serde::{Deserialize, Serialize};

use std::time::Duration;

use crate::analytics::assign::{AssignInput, Plan};
use crate::analytics::channels::FittedChannel;
use crate::analytics::forecast::ForecastSet;
use crate::analytics::monitor::ChannelCheck;
use crate::analytics::monitor::assign::PlanCheck;
use crate::analytics::monitor::models::ModelsWatch;
use crate::analytics::pipeline::{Kpis, PeriodKind, QuotaAttainment};
use crate::analytics::scoring::{Score, ScoringSet};
use crate::analytics::value::TiersOverview;
use crate::db::board::{BoardCards, BoardTotals, Card};
use crate::db::channels::Channels;
use crate::db::customers::{CustomerDetail, CustomerIndex};
use crate::db::edits::{HistoryLine, Saved};
use crate::db::reads::{CustomerRecord, DealRecord};
use crate::db::reads::{Hit, ListPage, SavedView};
use crate::db::records::BulkSummary;
use crate::domain::Stage;
use crate::export::Exported;
use crate::import::{ImportReport, Progress};

use super::call_sheet::CallSheet;
use super::record_write::{FormData, RecordRefusal};
use super::request::JobKind;

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
    /// The step a long job has begun (not the job's final reply).
    Step(JobStep),
    /// A finished import's report (written, dry run, or refused for rejected rows).
    Imported(Result<ImportReport, String>),
    /// Every series' forecast.
    Forecast(Result<ForecastSet, String>),
    /// This quarter's call and what is read around it.
    Call(Result<Box<CallSheet>, String>),
    /// Open tasks and reps.
    Tasks(Result<AssignInput, String>),
    /// The optimal assignment plan.
    Plan(Result<Plan, String>),
    /// Every accepted assignment plan checked, newest first.
    PlanWatch(Result<Vec<PlanCheck>, String>),
    /// The channels with their fitted curves.
    Channels(Result<ChannelsModel, String>),
    /// Values, tiers, segments and tier moves.
    Tiers(Result<TiersOverview, String>),
    /// What the data-quality checks found.
    Quality(Result<Box<crate::db::quality::QualityReport>, String>),
    /// Both scoring models and their scores.
    Scores(Result<Box<ScoringSet>, String>),
    /// Changed deals scored with the desk's model.
    DealScores(Result<DealScores, String>),
    /// Both models scored month by month, with any warning.
    ModelWatch(Result<Box<ModelsWatch>, String>),
    /// A record write refused: the form shows why beside the field, or asks about a duplicate.
    RecordRefused(RecordRefusal),
    /// What a record form opens with.
    RecordForm(Result<Box<FormData>, String>),
    /// The deal asked for by id and its record, `None` when there is no such deal.
    DealRecord(i64, Result<Option<Box<DealRecord>>, String>),
    /// The customer asked for by id and its record, `None` when there is no such customer.
    CustomerRecord(i64, Result<Option<Box<CustomerRecord>>, String>),
    /// What a search found.
    Found(Result<Found, String>),
    /// A page of the pipeline's list view.
    DealList(Result<DealListPage, String>),
    /// Each saved view with its count of open deals.
    ViewCounts(Result<Vec<(SavedView, usize)>, String>),
    /// A bulk change saved.
    Bulk(Result<BulkSummary, String>),
    /// The next page of one board column.
    BoardMore(Result<MoreCards, String>),
    /// How many kept analyses were forgotten.
    Refit(Result<usize, String>),
}

/// How far a long job has got, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobStep {
    /// What it is doing now.
    pub label: &'static str,
    /// Steps begun, this one included.
    pub done: u32,
    /// Steps in all.
    pub of: u32,
}

/// Changed deals scored with a model already fitted.
#[derive(Debug, Clone, PartialEq)]
pub struct DealScores {
    /// Which of the desk's fits the model was (scores of an older fit are not taken).
    pub fit: u64,
    /// Each deal asked for, with its score, or `None` when it is no longer open.
    pub scores: Vec<(i64, Option<Score>)>,
}

/// The results of one search.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The text searched for.
    pub text: String,
    /// Results grouped by kind, each with the deal a task belongs to.
    pub hits: Vec<FoundHit>,
}

/// One search result and, for a task, its deal.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundHit {
    /// The result.
    pub hit: Hit,
    /// The deal of a task, if it has one.
    pub deal_id: Option<i64>,
}

/// A page of the list view and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct DealListPage {
    /// The row number of its first row.
    pub offset: usize,
    /// The rows and the true total.
    pub page: ListPage,
}

/// More cards of one board column.
#[derive(Debug, Clone, PartialEq)]
pub struct MoreCards {
    /// The open stage of the column, or `None` for the Won/Lost column.
    pub stage: Option<Stage>,
    /// How many cards came before these.
    pub offset: usize,
    /// The cards.
    pub cards: Vec<Card>,
}

/// The channels as stored, and each one's fitted curve (same order), for the Channels screen.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelsModel {
    /// Histories, ids and the plan month.
    pub data: Channels,
    /// Each channel's fit, or why it has none.
    pub fitted: Vec<FittedChannel>,
    /// Each planned channel's accepted plans against results, by name.
    pub checks: Vec<ChannelCheck>,
}

/// The KPIs and quota attainment of one period, for the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// When the result was computed, if it was answered from the analyses the book keeps
    /// (computed from exactly this version of the book).
    pub computed_at: Option<String>,
    /// The result.
    pub output: Output,
}
