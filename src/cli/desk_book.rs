//! The book the desk (and `snapshot`) shows: written when it can be; when it cannot (another
//! salesdesk holds it, a read-only file or folder, a full disk), opened read-only with the reason
//! on the status line, and every change refused with it by the worker.

use std::path::Path;

use chrono::NaiveDate;

use crate::db::lock::{LockError, WriteLock};
use crate::db::{self, OpenError, OpenedDb};
use crate::tui::app::Message;

/// An open book and how the desk should present it.
pub struct DeskBook {
    /// The write lock, held while the desk runs, when the book is writable.
    pub _lock: Option<WriteLock>,
    /// The connection (read-only when `read_only` says why).
    pub opened: OpenedDb,
    /// The first status-line message.
    pub message: Message,
    /// The status line's name of the book (`… · read-only` when it is).
    pub label: String,
    /// Why the book cannot be written, if it cannot.
    pub read_only: Option<String>,
}

impl DeskBook {
    /// Opens the book at `path` for the desk (see the module doc); a new path gets demo data.
    pub fn open(path: &Path, as_of: NaiveDate) -> anyhow::Result<DeskBook> {
        let error = match super::open_or_create(path, as_of) {
            // SQLite opens a file it may not write read-only without a word: say so.
            Ok((_, opened, _)) if opened.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) => {
                drop(opened);
                return Ok(DeskBook::read_only(path, "the file cannot be written")?);
            }
            Ok((lock, opened, message)) => {
                return Ok(DeskBook {
                    _lock: Some(lock),
                    opened,
                    message,
                    label: path.display().to_string(),
                    read_only: None,
                });
            }
            Err(error) => error,
        };
        match unwritable_reason(&error) {
            Some(reason) if path.is_file() => DeskBook::read_only(path, &reason).map_err(|_| error),
            _ => Err(error),
        }
    }

    /// Opens the existing book at `path` read-only because of `reason`.
    pub fn read_only(path: &Path, reason: &str) -> Result<DeskBook, OpenError> {
        let opened = db::read_only::open_read_only(path, reason)?;
        Ok(DeskBook {
            _lock: None,
            opened,
            message: Message::error(format!(
                "Read-only: {reason}. Changes are refused until it can be written."
            )),
            label: format!("{} · read-only", path.display()),
            read_only: Some(reason.to_string()),
        })
    }

    /// A second connection to the same book, for the analytics thread, opened the same way.
    pub fn analytics_connection(&self, path: &Path) -> Result<rusqlite::Connection, OpenError> {
        match &self.read_only {
            Some(reason) => db::read_only::open_read_only(path, reason).map(|o| o.conn),
            None => db::open(path).map(|o| o.conn),
        }
    }
}

/// Why the book cannot be written, when that is what `error` says; `None` for anything else
/// (another application's file, a newer schema, a folder), which stays an error.
fn unwritable_reason(error: &anyhow::Error) -> Option<String> {
    if let Some(lock) = error.downcast_ref::<LockError>() {
        return Some(match lock {
            LockError::Held { lock, .. } => format!(
                "another salesdesk has it open (it holds {})",
                lock.file_name().unwrap_or_default().to_string_lossy()
            ),
            LockError::Io { .. } => lock.to_string(),
        });
    }
    match error.downcast_ref::<OpenError>()? {
        OpenError::CannotOpen { reason, .. } | OpenError::Migration { reason, .. } => {
            Some(format!("it cannot be written ({reason})"))
        }
        OpenError::Sqlite { source, .. } => Some(format!("it cannot be written ({source})")),
        _ => None,
    }
}
