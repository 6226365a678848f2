//! The command line: `salesdesk` opens the desk; subcommands work headless for scripts and tests.

mod demo;
mod paths;
mod report;
mod report_assign;
mod report_text;
mod snapshot;

use std::path::PathBuf;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::db::{self, OpenedDb, demo::DemoOptions};
use crate::domain::group_thousands;
use crate::tui::{self, App, app::Message};

pub use demo::DemoArgs;
pub use report::{PipelineArgs, Report, ReportArgs};
pub use report_assign::{AssignArgs, costs_csv};
pub use snapshot::SnapshotArgs;

/// salesdesk: the book of business, pipeline and forecasts in your terminal, offline.
#[derive(Debug, Parser)]
#[command(name = "salesdesk", version, about)]
pub struct Cli {
    /// The database file [default: salesdesk.db in your data folder]
    #[arg(long, global = true, env = "SALESDESK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Treat this date as today (YYYY-MM-DD): trailing windows and demo data end here
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// What to do; without one, the desk opens
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill the database with a realistic, deterministic demo book of business
    Demo(DemoArgs),
    /// Print one frame of a screen as plain text and exit (no terminal needed)
    Snapshot(SnapshotArgs),
    /// Print a report of an existing database, as text or --json
    Report(ReportArgs),
}

/// Runs what the command line asks for.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let path = match cli.db {
        Some(path) => path,
        None => paths::default_db_path()?,
    };
    let as_of = cli
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    match cli.command {
        Some(Command::Demo(args)) => demo::run(&path, as_of, &args),
        Some(Command::Snapshot(args)) => snapshot::run(&path, as_of, &args),
        Some(Command::Report(args)) => report::run(&path, as_of, &args),
        None => open_desk(&path, as_of),
    }
}

fn open_desk(path: &std::path::Path, as_of: NaiveDate) -> anyhow::Result<()> {
    let _log = paths::start_logging();
    let (opened, message) = open_or_create(path, as_of)?;
    tracing::info!(db = %path.display(), "opening the desk");
    let app = App::load(&opened.conn, path.display().to_string(), as_of, message)
        .context("cannot read the customers")?;
    let analytics = db::open(path)?.conn;
    tui::event_loop::run(app, opened.conn, analytics)
}

/// Opens the database; a file that did not exist is created and filled with demo data, and the
/// returned message says so.
fn open_or_create(path: &std::path::Path, as_of: NaiveDate) -> anyhow::Result<(OpenedDb, Message)> {
    let mut opened = db::open(path)?;
    if !opened.created {
        return Ok((opened, Message::info(format!("Opened {}", path.display()))));
    }
    let summary = db::demo::generate(&mut opened.conn, &DemoOptions::standard(as_of), false)
        .context("cannot fill the new database with demo data")?;
    let message = format!(
        "New database with demo data: {} customers, {} deals",
        group_thousands(u128::from(summary.customers)),
        group_thousands(u128::from(summary.deals)),
    );
    Ok((opened, Message::info(message)))
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("'{text}' is not a date; use YYYY-MM-DD, e.g. 2026-11-26"))
}
