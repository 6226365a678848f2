//! Where salesdesk keeps its files when not told otherwise.

use std::path::PathBuf;

use anyhow::Context as _;
use directories::ProjectDirs;
use tracing_appender::non_blocking::WorkerGuard;

fn project_dirs() -> anyhow::Result<ProjectDirs> {
    ProjectDirs::from("", "", "salesdesk")
        .context("cannot find a home folder for the database; pass --db PATH or set SALESDESK_DB")
}

/// The data folder's `salesdesk.db`, creating the folder if needed.
pub fn default_db_path() -> anyhow::Result<PathBuf> {
    let dirs = project_dirs()?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the data folder {}", dir.display()))?;
    Ok(dir.join("salesdesk.db"))
}

/// Where the config file is looked for when `--config` is not given: `config.toml` in the
/// config folder.
pub fn default_config_path() -> anyhow::Result<PathBuf> {
    Ok(project_dirs()?.config_dir().join("config.toml"))
}

/// Sends logs to `salesdesk.log` in the state (or data) folder, never to the terminal.
///
/// Logging is a help, not a need: when the folder cannot be made, the desk runs without a log.
/// The returned guard flushes the log when dropped. `SALESDESK_LOG` sets the level (default info).
pub fn start_logging() -> Option<WorkerGuard> {
    let dirs = project_dirs().ok()?;
    let dir = dirs
        .state_dir()
        .unwrap_or_else(|| dirs.data_local_dir())
        .to_path_buf();
    std::fs::create_dir_all(&dir).ok()?;
    let appender = tracing_appender::rolling::never(dir, "salesdesk.log");
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = tracing_subscriber::EnvFilter::try_from_env("SALESDESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .ok()?;
    Some(guard)
}
