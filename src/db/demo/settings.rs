//! Connection settings for a bulk load, and putting the caller's back afterwards.

use rusqlite::Connection;

/// Page cache for the run (negative: KiB). Small on purpose: the tables are appended to in
/// rowid order, so few pages are hot, and SQLite sizes the sorter's in-memory runs by the cache,
/// and runs of 2 MiB sort faster when the indexes are rebuilt than one run of the whole table
/// (fewer cache misses), with memory that stays flat whatever the book's size.
const BULK_CACHE_SIZE: i64 = -2_048;

/// The caller's settings that a bulk load changes.
pub(super) struct Settings {
    cache_size: i64,
    foreign_keys: bool,
    journal_mode: String,
    synchronous: i64,
}

impl Settings {
    /// Reads the current settings, then switches to bulk-load ones: a small page cache (see
    /// [`BULK_CACHE_SIZE`]), no per-row foreign key look-ups (the generator only writes ids it
    /// has written; the tests run `PRAGMA foreign_key_check`), and a rollback journal instead
    /// of WAL, so the new pages are written once rather than to the WAL and again at
    /// checkpoint. The transaction stays atomic either way. When the book is `new` (no rows
    /// yet) the commit is not synced to the disk either, since a power cut could only cost an
    /// empty book. Must be called outside a transaction.
    pub fn bulk(conn: &Connection, new: bool) -> Result<Settings, rusqlite::Error> {
        let saved = Settings {
            cache_size: conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?,
            foreign_keys: conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?,
            journal_mode: conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
            synchronous: conn.query_row("PRAGMA synchronous", [], |r| r.get(0))?,
        };
        conn.pragma_update(None, "cache_size", BULK_CACHE_SIZE)?;
        conn.pragma_update(None, "foreign_keys", false)?;
        set_journal_mode(conn, "DELETE")?;
        if new {
            conn.pragma_update(None, "synchronous", "OFF")?;
        }
        Ok(saved)
    }

    /// Puts the saved settings back.
    pub fn restore(&self, conn: &Connection) -> Result<(), rusqlite::Error> {
        conn.pragma_update(None, "cache_size", self.cache_size)?;
        conn.pragma_update(None, "foreign_keys", self.foreign_keys)?;
        conn.pragma_update(None, "synchronous", self.synchronous)?;
        set_journal_mode(conn, &self.journal_mode)
    }
}

/// Switches the journal mode; SQLite answers with the mode in force, which may stay unchanged
/// (for example for an in-memory database), and that is fine for a bulk load.
fn set_journal_mode(conn: &Connection, mode: &str) -> Result<(), rusqlite::Error> {
    conn.query_row(&format!("PRAGMA journal_mode = {mode}"), [], |r| {
        r.get::<_, String>(0)
    })
    .map(|_| ())
}
