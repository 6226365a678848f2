//! A copy of the book for another department: every personal field removed (customer and
//! contact names, emails, phones, notes, activity text, reps' names and emails, and the free
//! titles of deals and tasks, which often name people), the edit log emptied (it holds old
//! values), and the file compacted so no freed page keeps the old text.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::db::backup::copy_all;
use crate::files::{FolderError, temp_beside};

/// Why the redacted copy was not written; nothing is left at the target.
#[derive(Debug, thiserror::Error)]
pub enum RedactError {
    /// The target exists; a copy never replaces a file.
    #[error("{0} already exists; choose a new file name")]
    Exists(PathBuf),
    /// The target's folder cannot take a file.
    #[error(transparent)]
    Folder(#[from] FolderError),
    /// The copy failed.
    #[error("cannot write the redacted copy: {0}")]
    Copy(String),
}

/// The statements that remove the personal fields, in order.
const REDACT: &str = "
    UPDATE customers SET name = 'Customer ' || id, notes = '';
    UPDATE contacts SET name = 'Contact ' || id, email = '', phone = '';
    UPDATE activities SET text = '';
    UPDATE reps SET name = 'Rep ' || id, email = 'rep' || id || '@redacted.invalid';
    UPDATE deals SET title = 'Deal ' || id;
    UPDATE tasks SET title = 'Task ' || id;
    UPDATE commit_snapshots SET deals = '[]';
    DELETE FROM edits;
    DELETE FROM imports;
";

/// Writes a redacted copy of `source`'s book to the new file `target` (mode 0600 on unix).
pub fn redacted_copy(source: &Connection, target: &Path) -> Result<u64, RedactError> {
    if target.exists() {
        return Err(RedactError::Exists(target.to_path_buf()));
    }
    let temp = temp_beside(target)?;
    let fail = |e: &dyn std::fmt::Display| RedactError::Copy(e.to_string());
    {
        let mut copy = Connection::open(temp.path()).map_err(|e| fail(&e))?;
        copy_all(source, &mut copy, target).map_err(|e| fail(&e))?;
        copy.pragma_update(None, "journal_mode", "DELETE")
            .map_err(|e| fail(&e))?;
        copy.execute_batch(REDACT).map_err(|e| fail(&e))?;
        copy.execute_batch("VACUUM").map_err(|e| fail(&e))?;
        copy.close().map_err(|(_, e)| fail(&e))?;
    }
    let size = temp
        .as_file()
        .metadata()
        .map(|m| m.len())
        .map_err(|e| fail(&e))?;
    temp.persist_noclobber(target).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            RedactError::Exists(target.to_path_buf())
        } else {
            fail(&e.error)
        }
    })?;
    Ok(size)
}
