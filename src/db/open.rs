//! Opening a salesdesk database: checks before any write, then pragmas and migrations.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::schema;

/// Why a database could not be opened; each message is meant for the manager.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The path names a directory, not a file.
    #[error("{0} is a directory, not a database file")]
    IsDirectory(PathBuf),
    /// The folder that should hold the database does not exist.
    #[error("cannot create {path}: the folder {dir} does not exist")]
    MissingDirectory {
        /// The database path asked for.
        path: PathBuf,
        /// Its missing parent folder.
        dir: PathBuf,
    },
    /// SQLite could not open or create the file (permissions, read-only media).
    #[error(
        "cannot open or create {path}: its folder cannot be written or the file cannot be read ({reason})"
    )]
    CannotOpen {
        /// The database path asked for.
        path: PathBuf,
        /// SQLite's own words.
        reason: String,
    },
    /// The file exists but is not an SQLite database.
    #[error("{0} is not a salesdesk database (the file is not SQLite)")]
    NotSqlite(PathBuf),
    /// An SQLite file of another application: it holds tables but is no salesdesk book.
    #[error(
        "{path} is not a salesdesk book: it is another application's SQLite file holding {tables}; it was left untouched",
        path = .path.display()
    )]
    Foreign {
        /// The database path.
        path: PathBuf,
        /// Its first table names, counted, e.g. `3 tables (orders, items, users)`.
        tables: String,
    },
    /// A newer salesdesk wrote this file; this binary must not touch it.
    #[error(
        "{path} has schema version {found}, newer than this salesdesk knows ({supported}); upgrade salesdesk"
    )]
    TooNew {
        /// The database path.
        path: PathBuf,
        /// The version found in the file.
        found: i64,
        /// The newest version this binary knows.
        supported: i64,
    },
    /// Bringing the schema up to date failed; the migration was rolled back.
    #[error("cannot update the schema of {path}: {reason}")]
    Migration {
        /// The database path.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// Any other SQLite failure while preparing the file.
    #[error("cannot prepare {path}: {source}")]
    Sqlite {
        /// The database path.
        path: PathBuf,
        /// The underlying error.
        source: rusqlite::Error,
    },
}

/// An open, migrated database, and whether this open created the file.
pub struct OpenedDb {
    /// The connection, with foreign keys on, WAL and a busy timeout.
    pub conn: Connection,
    /// True when the file did not exist before this open.
    pub created: bool,
}

/// How long a writer waits for a lock held by another connection.
pub(super) const BUSY_TIMEOUT_MS: u32 = 5_000;

/// Opens (creating if needed) the database at `path` and brings its schema to the latest version.
///
/// Nothing is written to a file that turns out not to be SQLite or to come from a newer salesdesk.
pub fn open(path: &Path) -> Result<OpenedDb, OpenError> {
    check_path(path)?;
    let created = !path.exists();
    if created && path != Path::new(":memory:") {
        create_private(path)?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(|e| OpenError::CannotOpen {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let sqlite_err = |source: rusqlite::Error| classify(path, source);
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(sqlite_err)?;
    // Reading the schema forces SQLite to read the header, which rejects non-SQLite files.
    let tables = table_names(&conn).map_err(sqlite_err)?;
    if !is_salesdesk_book(found, &tables) {
        return Err(OpenError::Foreign {
            path: path.to_path_buf(),
            tables: describe_tables(&tables),
        });
    }
    let supported = schema::latest_version();
    if found > supported {
        return Err(OpenError::TooNew {
            path: path.to_path_buf(),
            found,
            supported,
        });
    }
    conn.busy_timeout(std::time::Duration::from_millis(u64::from(BUSY_TIMEOUT_MS)))
        .map_err(sqlite_err)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(sqlite_err)?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
        .map_err(sqlite_err)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(sqlite_err)?;
    schema::migrate(&mut conn).map_err(|e| OpenError::Migration {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    Ok(OpenedDb { conn, created })
}

/// Refuses, without writing anything (not even a lock file beside it), an existing file that is
/// not SQLite or is another application's SQLite file; a missing or empty file passes.
pub fn check_book(path: &Path) -> Result<(), OpenError> {
    if !path.is_file() || path.metadata().is_ok_and(|m| m.len() == 0) {
        return Ok(());
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| OpenError::CannotOpen {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    let tables = table_names(&conn).map_err(|e| classify(path, e))?;
    if is_salesdesk_book(found, &tables) {
        Ok(())
    } else {
        Err(OpenError::Foreign {
            path: path.to_path_buf(),
            tables: describe_tables(&tables),
        })
    }
}

/// The tables of the file, by name, without SQLite's own.
pub(super) fn table_names(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         ORDER BY name",
    )?;
    stmt.query_map([], |r| r.get(0))?.collect()
}

/// Tables every salesdesk book has from its first migration on.
const BOOK_TABLES: [&str; 3] = ["customers", "deals", "reps"];

/// True for a file salesdesk may write: an empty one (a new book), or one our migrations made
/// (a `user_version` set and our tables present).
pub(super) fn is_salesdesk_book(user_version: i64, tables: &[String]) -> bool {
    if tables.is_empty() {
        return true;
    }
    user_version > 0
        && BOOK_TABLES
            .iter()
            .all(|t| tables.iter().any(|name| name == t))
}

/// `3 tables (albums, artists, tracks)`: the count and the first five names.
fn describe_tables(tables: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut names = tables
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if tables.len() > SHOWN {
        names.push_str(", ...");
    }
    let noun = if tables.len() == 1 { "table" } else { "tables" };
    format!("{} {noun} ({names})", tables.len())
}

/// Refuses, before anything is created, a path that is a folder or whose folder is missing.
pub fn check_path(path: &Path) -> Result<(), OpenError> {
    if path.is_dir() {
        return Err(OpenError::IsDirectory(path.to_path_buf()));
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    match dir.filter(|d| !path.exists() && !d.is_dir()) {
        Some(dir) => Err(OpenError::MissingDirectory {
            path: path.to_path_buf(),
            dir: dir.to_path_buf(),
        }),
        None => Ok(()),
    }
}

/// Creates the empty database file readable and writable by its owner only (mode 0600 on unix)
/// before SQLite opens it: the book of business is nobody else's to read. SQLite gives the -wal
/// and -shm files it adds beside it the same mode.
fn create_private(path: &Path) -> Result<(), OpenError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(OpenError::CannotOpen {
            path: path.to_path_buf(),
            reason: e.to_string(),
        }),
    }
}

fn classify(path: &Path, source: rusqlite::Error) -> OpenError {
    match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => OpenError::NotSqlite(path.to_path_buf()),
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => {
            OpenError::CannotOpen {
                path: path.to_path_buf(),
                reason: source.to_string(),
            }
        }
        _ => OpenError::Sqlite {
            path: path.to_path_buf(),
            source,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn only_an_empty_file_or_one_of_our_books_counts_as_a_book() {
        assert!(is_salesdesk_book(0, &[]));
        assert!(is_salesdesk_book(
            5,
            &names(&["customers", "deals", "edits", "reps"])
        ));
        assert!(!is_salesdesk_book(
            0,
            &names(&["customers", "deals", "reps"])
        ));
        assert!(!is_salesdesk_book(3, &names(&["albums", "artists"])));
    }

    #[test]
    fn a_foreign_file_is_described_by_its_first_tables() {
        assert_eq!(describe_tables(&names(&["orders"])), "1 table (orders)");
        let many = names(&["a", "b", "c", "d", "e", "f"]);
        assert_eq!(describe_tables(&many), "6 tables (a, b, c, d, e, ...)");
    }
}
