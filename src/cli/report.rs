//! `salesdesk report NAME`: headless reports for scripts, as JSON or a plain-text table.

use std::io::Write as _;
use std::path::Path;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::report_channels::{self, ChannelsArgs};
use super::report_text;
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
    Forecast(super::report_forecast::ForecastArgs),
    /// Optimal task assignment: cost matrix, capacities, the exact plan, totals before and after
    Assign(super::report_assign::AssignArgs),
    /// Channel response curves and the budget split that maximises predicted revenue
    Channels(ChannelsArgs),
    /// Win probability and purchase propensity: logistic models, holdout metrics, scores
    Scoring(super::report_scoring::ScoringArgs),
    /// Customer value V = R × P × L, ABC tiers, RFM segments and next product per customer
    Tiers(super::report_tiers::TiersArgs),
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
        bail!("no database at {}", path.display());
    }
    let opened = db::read_only::open_to_read(path)?;
    match &args.report {
        Report::Pipeline(pipeline) => {
            let facts =
                db::pipeline_facts::load_facts(&opened.conn).context("cannot read the pipeline")?;
            let report = pipeline_report(&facts, pipeline.period, as_of);
            print(&json_or_text(&report, pipeline.json, report_text::render)?)
        }
        Report::Forecast(forecast) => super::report_forecast::run(&opened.conn, as_of, forecast),
        Report::Channels(channels) => print(&report_channels::render(&opened.conn, channels)?),
        Report::Assign(assign) => {
            super::report_assign::run(&opened.conn, as_of, assign, &config.assign)
        }
        Report::Scoring(scoring) => {
            super::report_scoring::run(&opened.conn, as_of, scoring, &config.scoring)
        }
        Report::Tiers(tiers) => super::report_tiers::run(&opened.conn, as_of, tiers),
    }
}

/// The report as pretty JSON ending in a newline, or as `text` renders it.
pub(super) fn json_or_text<T: serde::Serialize>(
    report: &T,
    json: bool,
    text: impl FnOnce(&T) -> String,
) -> anyhow::Result<String> {
    if !json {
        return Ok(text(report));
    }
    let mut out = serde_json::to_string_pretty(report)?;
    out.push('\n');
    Ok(out)
}

/// Writes a finished report to standard output.
pub(super) fn print(text: &str) -> anyhow::Result<()> {
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .context("cannot write the report")
}

fn parse_period(name: &str) -> Result<PeriodKind, String> {
    name.parse().map_err(|e| format!("{e}"))
}
