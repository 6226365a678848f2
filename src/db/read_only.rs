//! A book opened read-only, when it cannot be written (another salesdesk holds it, a read-only
//! file, folder or medium, a full disk): the desk still shows it, and every change is refused with
//! the reason, which the connection itself carries (in a TEMP table, the one part of a read-only
//! connection that may be written), so whoever holds the connection can say why.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::open::{OpenError, OpenedDb, is_salesdesk_book, table_names};
use super::schema;

/// Opens the existing book at `path` without writing anything to it, remembering `reason` (why
/// it cannot be written) on the connection.
///
/// When even a read-only open needs a write (a WAL book's shared-memory file in a folder that
/// cannot be written), the file is opened as immutable: read as it is on disk.
pub fn open_read_only(path: &Path, reason: &str) -> Result<OpenedDb, OpenError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = match check(Connection::open_with_flags(path, flags), path) {
        Ok(conn) => conn,
        Err(_) => {
            let uri = format!("file:{}?immutable=1", uri_path(path));
            check(
                Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI),
                path,
            )?
        }
    };
    conn.execute(
        "CREATE TEMP TABLE read_only_reason (reason TEXT NOT NULL)",
        [],
    )
    .and_then(|_| conn.execute("INSERT INTO temp.read_only_reason VALUES (?1)", [reason]))
    .map_err(|source| OpenError::Sqlite {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(OpenedDb {
        conn,
        created: false,
    })
}

/// Opens the existing book at `path` for a command that only reads (report, export, backup):
/// as usual when it can be written, else read-only, so a book on read-only media or a full disk
/// can still be read.
pub fn open_to_read(path: &Path) -> Result<OpenedDb, OpenError> {
    match super::open(path) {
        Err(OpenError::CannotOpen { reason, .. }) => open_read_only(path, &reason),
        Err(OpenError::Sqlite { source, .. }) => open_read_only(path, &source.to_string()),
        opened => opened,
    }
}

/// Why the book behind `conn` cannot be written, or `None` when it can.
pub fn reason(conn: &Connection) -> Option<String> {
    conn.query_row("SELECT reason FROM temp.read_only_reason", [], |r| r.get(0))
        .ok()
}

/// A read-only connection that reads a salesdesk book of the current schema, or why not.
fn check(opened: rusqlite::Result<Connection>, path: &Path) -> Result<Connection, OpenError> {
    let sqlite = |source| OpenError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let conn = opened.map_err(|e| OpenError::CannotOpen {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(sqlite)?;
    let tables = table_names(&conn).map_err(sqlite)?;
    if tables.is_empty() || !is_salesdesk_book(found, &tables) {
        return Err(OpenError::Foreign {
            path: path.to_path_buf(),
            tables: format!("{} tables", tables.len()),
        });
    }
    if found != schema::latest_version() {
        return Err(OpenError::Migration {
            path: path.to_path_buf(),
            reason: format!(
                "it has schema version {found} and this salesdesk reads {}, which takes a write",
                schema::latest_version()
            ),
        });
    }
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(sqlite)?;
    Ok(conn)
}

/// `path` for a `file:` URI: absolute, with `%`, `?` and `#` escaped.
fn uri_path(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    absolute
        .to_string_lossy()
        .replace('%', "%25")
        .replace('?', "%3f")
        .replace('#', "%23")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_only_book_reads_and_carries_its_reason() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("book.db");
        drop(super::super::open(&path)?);
        let writable = super::super::open(&path)?;
        assert_eq!(reason(&writable.conn), None);
        let opened = open_read_only(&path, "the disk is full")?;
        assert_eq!(reason(&opened.conn).as_deref(), Some("the disk is full"));
        let customers: i64 = opened
            .conn
            .query_row("SELECT COUNT(*) FROM customers", [], |r| r.get(0))?;
        assert_eq!(customers, 0);
        let refused = opened
            .conn
            .execute("INSERT INTO channels (name) VALUES ('x')", []);
        assert!(refused.is_err(), "a read-only connection wrote");
        Ok(())
    }

    #[test]
    fn uri_paths_escape_what_a_uri_reads() {
        assert!(uri_path(Path::new("/a/b?c#d%e.db")).ends_with("/a/b%3fc%23d%25e.db"));
    }
}
