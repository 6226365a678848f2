//! `salesdesk report NAME`: headless reports for scripts, as JSON or a plain-text table.

use std::path::Path;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use clap::{Args, Subcommand};

mod assign;
mod channels;
mod commit;
mod commit_report;
mod commit_text;
mod forecast;
mod monitor;
mod output;
mod pipeline_text;
mod quality;
mod scoring;
mod tiers;

pub use assign::{AssignArgs, costs_csv};
pub use channels::{BoundsList, ChannelsArgs, NamedBounds};
pub use commit::CommitArgs;
pub use forecast::ForecastArgs;
pub use monitor::MonitorArgs;
pub use quality::QualityArgs;
pub use scoring::ScoringArgs;
pub use tiers::TiersArgs;

use self::output::{json_or_text, print};
use super::failure::{Failure, FailureKind};
use crate::analytics::pipeline::{PeriodKind, pipeline_report};
use crate::config::Config;
use crate::db;

/// Options of `salesdesk report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Which report
    #[command(subcommand)]
    pub report: Report,
}

/// The reports there are.
#[derive(Debug, Subcommand)]
pub enum Report {
    /// Pipeline KPIs: win rate, deal size, cycle, velocity, conversion, quota, stage totals
    Pipeline(PipelineArgs),
    /// Revenue forecast: OLS trend (+ seasonality), 80%/95% prediction intervals, backtest
    Forecast(ForecastArgs),
    /// Optimal task assignment: cost matrix, capacities, the exact plan, totals before and after
    Assign(AssignArgs),
    /// Channel response curves and the budget split that maximises predicted revenue
    Channels(ChannelsArgs),
    /// Win probability and purchase propensity: logistic models, holdout metrics, scores
    Scoring(ScoringArgs),
    /// Customer value V = R × P × L, ABC tiers, RFM segments and next product per customer
    Tiers(TiersArgs),
    /// The quarter call: P10/P50/P90 of bookings, Commit and Best case, P(hit quota), movers
    Commit(CommitArgs),
    /// Accepted channel plans against results: spend, revenue, months outside the interval
    Monitor(MonitorArgs),
    /// What needs care: likely duplicate customers, missing fields, impossible values, outliers
    Quality(QualityArgs),
}

impl Report {
    /// True when the report is asked for as JSON.
    pub fn json(&self) -> bool {
        match self {
            Report::Pipeline(args) => args.json,
            Report::Forecast(args) => args.json,
            Report::Assign(args) => args.json,
            Report::Channels(args) => args.json,
            Report::Scoring(args) => args.json,
            Report::Tiers(args) => args.json,
            Report::Commit(args) => args.json,
            Report::Monitor(args) => args.json,
            Report::Quality(args) => args.json,
        }
    }
}

/// Options of `salesdesk report pipeline`.
#[derive(Debug, Args)]
pub struct PipelineArgs {
    /// Print the report as JSON (fields in docs/report-pipeline.md)
    #[arg(long)]
    pub json: bool,
    /// The period: trailing-12-months, this-quarter, last-quarter or this-year
    #[arg(long, value_name = "PERIOD", default_value = "trailing-12-months", value_parser = parse_period)]
    pub period: PeriodKind,
}

/// Runs the report on the existing database at `path`; a missing file is an error, never a new
/// demo database.
pub fn run(
    path: &Path,
    as_of: NaiveDate,
    args: &ReportArgs,
    config: &Config,
) -> anyhow::Result<()> {
    if !path.exists() {
        bail!(Failure::new(
            FailureKind::NoDatabase,
            format!("no database at {}", path.display())
        ));
    }
    let opened = db::read_only::open_to_read(path)?;
    match &args.report {
        Report::Pipeline(pipeline) => {
            let facts =
                db::pipeline_facts::load_facts(&opened.conn).context("cannot read the pipeline")?;
            let report = pipeline_report(&facts, pipeline.period, as_of);
            print(&json_or_text(
                &report,
                pipeline.json,
                pipeline_text::render,
            )?)
        }
        Report::Forecast(args) => forecast::run(&opened.conn, as_of, args),
        Report::Channels(args) => print(&channels::render(&opened.conn, args)?),
        Report::Monitor(args) => print(&monitor::render(&opened.conn, as_of, args, config)?),
        Report::Assign(args) => assign::run(&opened.conn, as_of, args, &config.assign),
        Report::Scoring(args) => scoring::run(&opened.conn, as_of, args, &config.scoring),
        Report::Tiers(args) => tiers::run(&opened.conn, as_of, args),
        Report::Quality(args) => quality::run(&opened.conn, as_of, args),
        Report::Commit(args) => commit::run(
            &opened.conn,
            as_of,
            chrono::Local::now().date_naive(),
            args,
            &config.commit,
            &config.scoring,
        ),
    }
}

fn parse_period(name: &str) -> Result<PeriodKind, String> {
    name.parse().map_err(|e| format!("{e}"))
}
