//! The command line: `salesdesk` opens the desk; subcommands work headless for scripts and tests.

mod add;
mod backup;
mod completions;
mod config;
mod demo;
mod desk_book;
mod export;
mod failure;
mod import;
mod manpage;
mod paths;
mod privacy;
mod report;
mod show;
mod snapshot;

use std::path::PathBuf;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::config::LoadedConfig;
use crate::db::{self, OpenedDb, demo::DemoOptions, lock::WriteLock};
use crate::domain::group_thousands;
use crate::tui::{self, App, app::Message};

pub use add::{AddArgs, AddWhat};
pub use backup::BackupArgs;
pub use completions::CompletionsArgs;
pub use config::ConfigArgs;
pub use demo::DemoArgs;
pub use export::{ExportArgs, ExportWhat};
pub use failure::{Failure, FailureKind, error_line, kind_of};
pub use import::ImportArgs;
pub use manpage::ManArgs;
pub use privacy::{EraseArgs, EraseWhat, MergeArgs, MergeWhat};
pub use report::{
    AssignArgs, BoundsList, ChannelsArgs, ForecastArgs, NamedBounds, PipelineArgs, QualityArgs,
    Report, ReportArgs, ScoringArgs, TiersArgs, costs_csv,
};
pub use show::{FindArgs, ShowArgs, ShowWhat};
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
    /// The config file [default: config.toml in your config folder; see `salesdesk config --path`]
    #[arg(long, global = true, env = "SALESDESK_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Leave the mouse to the terminal (its own text selection) instead of clicks and the wheel
    #[arg(long, global = true)]
    pub no_mouse: bool,
    /// What to do; without one, the desk opens
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// True when the command asks for JSON, so its errors are JSON too.
    pub fn json(&self) -> bool {
        match &self.command {
            Some(Command::Report(args)) => args.report.json(),
            Some(Command::Add(args)) => args.json,
            Some(Command::Show(args)) => args.json,
            Some(Command::Find(args)) => args.json,
            _ => false,
        }
    }
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
    /// Import records from a CSV export of another CRM or a spreadsheet, through a mapping
    Import(ImportArgs),
    /// Write one kind of record to a CSV file: reps, products, customers, deals, tasks or
    /// channel-months
    Export(ExportArgs),
    /// Add a customer, contact, deal or activity, as the desk would (undoable there)
    Add(AddArgs),
    /// Print a customer's or a deal's record
    Show(ShowArgs),
    /// Search customers, contacts, deals and tasks
    Find(FindArgs),
    /// Copy the database to a new file, consistently, even while the desk is open
    Backup(BackupArgs),
    /// Merge two customers that are one company (undoable in the desk)
    Merge(MergeArgs),
    /// Erase a contact's or a customer's personal data, keeping amounts and dates (not undoable)
    Erase(EraseArgs),
    /// Print the shell completion script for bash, zsh, fish, elvish or powershell
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per command into a folder
    Man(ManArgs),
    /// Print the default config, where the config file is looked for, or check one
    Config(ConfigArgs),
}

/// Runs what the command line asks for.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let explicit_config = cli.config.as_deref();
    // Looked up only by the commands that use a database, so `completions` and `man` work
    // without a home folder.
    let path = || match &cli.db {
        Some(path) => Ok(path.clone()),
        None => paths::default_db_path(),
    };
    let as_of = cli
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    match cli.command {
        Some(Command::Demo(args)) => demo::run(&path()?, as_of, &args),
        Some(Command::Snapshot(args)) => {
            snapshot::run(&path()?, as_of, &args, &config::load(explicit_config)?)
        }
        Some(Command::Report(args)) => report::run(
            &path()?,
            as_of,
            &args,
            &config::load(explicit_config)?.config,
        ),
        Some(Command::Import(args)) => import::run(
            &path()?,
            as_of,
            &args,
            &config::load(explicit_config)?.config.pipeline.seed(),
        ),
        Some(Command::Export(args)) => export::run(&path()?, &args),
        Some(Command::Backup(args)) => backup::run(&path()?, &args),
        Some(Command::Add(args)) => add::run(&path()?, as_of, &args),
        Some(Command::Show(args)) => show::run_show(
            &path()?,
            as_of,
            &args,
            &config::load(explicit_config)?.config.commit,
        ),
        Some(Command::Find(args)) => show::run_find(&path()?, &args),
        Some(Command::Merge(args)) => privacy::run_merge(&path()?, as_of, &args),
        Some(Command::Erase(args)) => privacy::run_erase(&path()?, &args),
        Some(Command::Config(args)) => config::run(explicit_config, &args),
        Some(Command::Completions(args)) => completions::run(&args),
        Some(Command::Man(args)) => manpage::run(&args),
        None => open_desk(
            &path()?,
            as_of,
            &config::load(explicit_config)?,
            !cli.no_mouse,
        ),
    }
}

fn open_desk(
    path: &std::path::Path,
    as_of: NaiveDate,
    loaded: &LoadedConfig,
    mouse: bool,
) -> anyhow::Result<()> {
    let opened = std::time::Instant::now();
    let _log = paths::start_logging();
    let (book, mut app) = configured_app(path, as_of, loaded)?;
    tracing::info!(db = %path.display(), config = ?loaded.file, read_only = ?book.read_only, "opening the desk");
    app.palette.history = paths::load_command_history();
    let analytics = book.analytics_connection(path)?;
    let app = tui::event_loop::run(app, book.opened.conn, analytics, mouse, opened)?;
    paths::save_command_history(&app.palette.history);
    if book.read_only.is_none() {
        remember_pipeline(path, app.pipeline.filter.pipeline_id);
    }
    Ok(())
}

/// Keeps the pipeline the board showed for the next session of this book; a failure only
/// means the next session opens on the first pipeline, so it is logged, not shown.
fn remember_pipeline(path: &std::path::Path, pipeline: Option<i64>) {
    let saved = db::open(path)
        .map_err(|e| e.to_string())
        .and_then(|opened| {
            db::pipelines::remember_shown(&opened.conn, pipeline).map_err(|e| e.to_string())
        });
    if let Err(e) = saved {
        tracing::warn!(error = %e, "cannot remember the pipeline shown");
    }
}

/// Opens the book (creating it with demo data if need be; read-only, with the reason, when it
/// cannot be written), seeds a book without deals with the config's stages and loads the app with its keys, theme
/// and periods: how the desk starts, and `snapshot` with it, so a snapshot shows what the desk
/// would.
fn configured_app(
    path: &std::path::Path,
    as_of: NaiveDate,
    loaded: &LoadedConfig,
) -> anyhow::Result<(desk_book::DeskBook, App)> {
    let mut book = desk_book::DeskBook::open(path, as_of)?;
    if book.read_only.is_none()
        && let Err(e) =
            db::pipelines::seed_stages(&mut book.opened.conn, &loaded.config.pipeline.seed())
    {
        drop(book);
        book = desk_book::DeskBook::read_only(
            path,
            &format!("the config's [pipeline] stages cannot seed the book ({e})"),
        )?;
    }
    let app = App::load_configured(
        &book.opened.conn,
        book.label.clone(),
        as_of,
        book.message.clone(),
        loaded,
    )
    .context("cannot read the customers")?;
    Ok((book, app))
}

/// Takes the database's [`WriteLock`] (failing at once if another salesdesk holds it), then
/// opens it. Every command that may write calls this once per process and keeps the lock for as
/// long as it runs; commands that only read (report, export, backup) do not.
pub fn open_for_writing(path: &std::path::Path) -> anyhow::Result<(WriteLock, OpenedDb)> {
    db::check_path(path)?;
    db::check_book(path)?;
    let lock = WriteLock::acquire(path)?;
    let opened = db::open(path)?;
    Ok((lock, opened))
}

/// Opens the database for writing; a file that did not exist is created and filled with demo
/// data, and the returned message says so.
fn open_or_create(
    path: &std::path::Path,
    as_of: NaiveDate,
) -> anyhow::Result<(WriteLock, OpenedDb, Message)> {
    let (lock, mut opened) = open_for_writing(path)?;
    if !opened.created {
        let message = Message::info(format!("Opened {}", path.display()));
        return Ok((lock, opened, message));
    }
    let summary = db::demo::generate(&mut opened.conn, &DemoOptions::standard(as_of), false)
        .context("cannot fill the new database with demo data")?;
    let message = format!(
        "New database with demo data: {} customers, {} deals",
        group_thousands(u128::from(summary.customers)),
        group_thousands(u128::from(summary.deals)),
    );
    Ok((lock, opened, Message::info(message)))
}

/// A clap error on one line: its text up to the usage, tip or help pointer, with the lines
/// joined (so a list of missing arguments stays with the words that introduce it).
pub fn one_line_error(rendered: &str) -> String {
    let words: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .take_while(|line| {
            !["Usage:", "tip:", "For more information"]
                .iter()
                .any(|end| line.starts_with(end))
        })
        .filter(|line| !line.is_empty())
        .collect();
    let joined = words.join(" ");
    let text = joined.strip_prefix("error: ").unwrap_or(&joined);
    if text.is_empty() {
        "bad command line".to_string()
    } else {
        text.to_string()
    }
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("'{text}' is not a date; use YYYY-MM-DD, e.g. 2026-11-26"))
}
