//! One writer per database: an OS advisory lock on `<database file>.lock` beside it, held for the
//! life of the process.
//!
//! The lock is on a file of its own, never on the database: closing any other descriptor of the
//! database file would drop SQLite's own POSIX locks on it. It is not a pid file either: the
//! operating system releases it when the process ends, however it ends, so it never goes stale.

use std::ffi::OsString;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// Why the write lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds the lock.
    #[error(
        "{db} is open in another salesdesk (lock held on {lock}); close it first",
        db = .db.display(),
        lock = .lock.display()
    )]
    Held {
        /// The database.
        db: PathBuf,
        /// Its lock file.
        lock: PathBuf,
    },
    /// The lock file could not be created or locked.
    #[error("cannot lock {db}: the lock file {lock} cannot be written or locked ({error})", db = .db.display(), lock = .lock.display())]
    Io {
        /// The database.
        db: PathBuf,
        /// Its lock file.
        lock: PathBuf,
        /// The system's words.
        error: std::io::Error,
    },
}

/// Proof that this process is the only salesdesk writing to a database; the lock is released
/// when the guard is dropped or the process ends.
#[derive(Debug)]
pub struct WriteLock {
    _file: File,
    path: PathBuf,
}

impl WriteLock {
    /// Takes the write lock of the database at `db`, failing at once if another process has it.
    pub fn acquire(db: &Path) -> Result<WriteLock, LockError> {
        let lock = lock_path(db);
        let io_error = |error| LockError::Io {
            db: db.to_path_buf(),
            lock: lock.clone(),
            error,
        };
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&lock).map_err(io_error)?;
        match file.try_lock() {
            Ok(()) => Ok(WriteLock {
                _file: file,
                path: lock,
            }),
            Err(TryLockError::WouldBlock) => Err(LockError::Held {
                db: db.to_path_buf(),
                lock,
            }),
            Err(TryLockError::Error(error)) => Err(io_error(error)),
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The lock file of the database at `db`: its name with `.lock` added, in the same folder.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(OsString::from).unwrap_or_default();
    name.push(".lock");
    db.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_file_sits_beside_the_database() {
        assert_eq!(
            lock_path(Path::new("/data/salesdesk.db")),
            Path::new("/data/salesdesk.db.lock")
        );
        assert_eq!(lock_path(Path::new("book.db")), Path::new("book.db.lock"));
    }

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let db = dir.path().join("book.db");
        let first = WriteLock::acquire(&db)?;
        assert_eq!(first.path(), dir.path().join("book.db.lock"));
        match WriteLock::acquire(&db) {
            Err(refused @ LockError::Held { .. }) => {
                let message = refused.to_string();
                assert!(
                    message.contains("book.db is open in another salesdesk"),
                    "{message}"
                );
                assert!(
                    message.contains("book.db.lock); close it first"),
                    "{message}"
                );
            }
            other => panic!("a second lock was not refused: {other:?}"),
        }
        drop(first);
        WriteLock::acquire(&db)?;
        Ok(())
    }
}
