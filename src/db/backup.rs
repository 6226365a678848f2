//! `salesdesk backup`: a consistent copy of a live database through SQLite's online backup API.
//!
//! The copy is made in one step inside one read transaction, so it is the database as of one
//! moment even while another connection writes (WAL lets the writer go on meanwhile). It goes to
//! a hidden temporary file (mode 0600) beside the target and takes the target's name only when
//! complete, and never over an existing file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

/// How often a step that finds the source busy (another connection checkpointing or writing in
/// rollback mode) is retried, and how long to wait between tries.
const BUSY_RETRIES: u32 = 200;
const BUSY_PAUSE: Duration = Duration::from_millis(50);

/// Why a backup failed; each message names the file.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The target exists; a backup never replaces a file.
    #[error("{0} already exists; choose a new file name (a backup never overwrites a file)")]
    Exists(PathBuf),
    /// The target's folder is missing or cannot be written.
    #[error(transparent)]
    Folder(#[from] crate::files::FolderError),
    /// The source stayed busy through every retry.
    #[error("cannot back up to {0}: the database stayed busy; try again")]
    Busy(PathBuf),
    /// SQLite failed while copying.
    #[error("cannot back up to {path}: {error}")]
    Sqlite {
        /// The target.
        path: PathBuf,
        /// SQLite's words.
        error: rusqlite::Error,
    },
    /// The finished copy could not be put in place.
    #[error("cannot save {path}: {error}")]
    Save {
        /// The target.
        path: PathBuf,
        /// The system's words.
        error: std::io::Error,
    },
}

/// Copies the database of `source` to a new file at `target`; returns the copy's size in bytes.
pub fn backup(source: &Connection, target: &Path) -> Result<u64, BackupError> {
    if target.exists() {
        return Err(BackupError::Exists(target.to_path_buf()));
    }
    let temp = crate::files::temp_beside(target)?;
    let sqlite = |error| BackupError::Sqlite {
        path: target.to_path_buf(),
        error,
    };
    {
        let mut copy = Connection::open(temp.path()).map_err(sqlite)?;
        copy_all(source, &mut copy, target)?;
        copy.close().map_err(|(_, e)| sqlite(e))?;
    }
    let size = temp
        .as_file()
        .metadata()
        .map(|m| m.len())
        .map_err(|error| BackupError::Save {
            path: target.to_path_buf(),
            error,
        })?;
    temp.persist_noclobber(target).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            BackupError::Exists(target.to_path_buf())
        } else {
            BackupError::Save {
                path: target.to_path_buf(),
                error: e.error,
            }
        }
    })?;
    Ok(size)
}

/// Copies every page in one step (so in one read transaction), retrying while the source is busy.
pub(crate) fn copy_all(
    source: &Connection,
    copy: &mut Connection,
    target: &Path,
) -> Result<(), BackupError> {
    let sqlite = |error| BackupError::Sqlite {
        path: target.to_path_buf(),
        error,
    };
    let backup = Backup::new(source, copy).map_err(sqlite)?;
    for _ in 0..BUSY_RETRIES {
        match backup.step(-1).map_err(sqlite)? {
            StepResult::Done => return Ok(()),
            _ => std::thread::sleep(BUSY_PAUSE),
        }
    }
    Err(BackupError::Busy(target.to_path_buf()))
}
