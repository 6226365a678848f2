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

/// How many command-palette lines are kept between sessions.
const HISTORY_LINES: usize = 500;

fn command_history_path() -> Option<PathBuf> {
    let dirs = project_dirs().ok()?;
    Some(
        dirs.state_dir()
            .unwrap_or_else(|| dirs.data_local_dir())
            .join("command_history"),
    )
}

/// The command-palette lines of earlier sessions, oldest first; none when there is no file yet.
pub fn load_command_history() -> Vec<String> {
    command_history_path()
        .map(|path| read_history(&path))
        .unwrap_or_default()
}

fn read_history(path: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .map(|text| text.lines().map(str::to_string).collect())
        .unwrap_or_default()
}

/// Keeps the last command-palette lines for the next session. Like the log, it is a help, not a
/// need: when it cannot be written the desk still closes normally, and the log says why.
pub fn save_command_history(lines: &[String]) {
    if let Some(path) = command_history_path()
        && let Err(e) = write_history(&path, lines)
    {
        tracing::warn!(path = %path.display(), "cannot keep the command history: {e}");
    }
}

fn write_history(path: &std::path::Path, lines: &[String]) -> std::io::Result<()> {
    let start = lines.len().saturating_sub(HISTORY_LINES);
    let mut text = lines[start..].join("\n");
    text.push('\n');
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_history_keeps_its_last_lines_between_sessions() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("state/command_history");
        assert!(read_history(&path).is_empty());
        let lines: Vec<String> = (0..HISTORY_LINES + 5)
            .map(|i| format!("goto customer {i}"))
            .collect();
        write_history(&path, &lines).unwrap_or_else(|e| panic!("{e}"));
        let back = read_history(&path);
        assert_eq!(back.len(), HISTORY_LINES);
        assert_eq!(back.first().map(String::as_str), Some("goto customer 5"));
        assert_eq!(back.last(), lines.last());
    }
}
