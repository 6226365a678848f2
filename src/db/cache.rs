//! Analyses stored in the book with the data version they were computed from, so an unchanged
//! book opens on its numbers at once instead of recomputing them.
//!
//! A stored result is used only when its book, its data version ([`DataVersion`]) and the program
//! that computed it ([`PROGRAM`]) are exactly the reader's; anything else — another book, a
//! change since, another build, a payload that does not decode — is a miss, never trusted.

use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::open::BUSY_TIMEOUT_MS;

/// This build's identity: a hash of its sources, migrations and locked dependencies (build.rs).
pub const PROGRAM: &str = env!("SALESDESK_BUILD_ID");

/// Which book, and how many recorded changes (edits, undos, redos, imports) it has seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataVersion {
    /// The book's random identity, new when a book is replaced in place.
    pub book_id: String,
    /// Goes up with every change recorded in `edits` or `imports`.
    pub version: i64,
}

/// A stored result and when it was computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Cached<T> {
    /// The result.
    pub value: T,
    /// When it was computed (local time, `YYYY-MM-DD HH:MM:SS`).
    pub computed_at: String,
}

/// The book's identity and data version now.
pub fn data_version(conn: &Connection) -> rusqlite::Result<DataVersion> {
    conn.query_row(
        "SELECT book_id, version FROM book_state WHERE id = 1",
        [],
        |r| {
            Ok(DataVersion {
                book_id: r.get(0)?,
                version: r.get(1)?,
            })
        },
    )
}

/// The stored result of `kind` with `params`, if it was computed by this program from exactly
/// this version of this book; `None` for anything else (including a payload that does not decode).
pub fn get<T: DeserializeOwned>(
    conn: &Connection,
    kind: &str,
    params: &str,
    at: &DataVersion,
) -> Option<Cached<T>> {
    let found = conn
        .query_row(
            "SELECT payload, computed_at FROM analysis_cache
             WHERE kind = ?1 AND params = ?2 AND book_id = ?3 AND version = ?4 AND program = ?5",
            params![kind, params, at.book_id, at.version, PROGRAM],
            |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, String>(1)?)),
        )
        .optional();
    match found {
        Ok(Some((payload, computed_at))) => match postcard::from_bytes(&payload) {
            Ok(value) => Some(Cached { value, computed_at }),
            Err(e) => {
                tracing::warn!(kind, "stored analysis does not decode, recomputing: {e}");
                None
            }
        },
        Ok(None) => None,
        Err(e) => {
            tracing::warn!(kind, "cannot read the stored analyses: {e}");
            None
        }
    }
}

/// How long storing a result may wait for another writer (an import) before giving up: the
/// result is still answered, only not kept.
const STORE_WAIT: Duration = Duration::from_millis(200);

/// Results of one kind kept at most (the newest), beside those of other parameters: periods,
/// filters, days.
pub const KEPT_PER_KIND: usize = 8;

/// Stores `value` as the result of `kind` with `params` at version `at`, replacing what was
/// stored for them, in one transaction that also forgets every result that can no longer be
/// used (another version, book or build) and all but the newest [`KEPT_PER_KIND`] of the kind;
/// returns when it was computed. Waits at most [`STORE_WAIT`] for the lock.
pub fn put<T: Serialize>(
    conn: &Connection,
    kind: &str,
    params: &str,
    at: &DataVersion,
    value: &T,
) -> Result<String, CacheError> {
    let payload = postcard::to_stdvec(value)?;
    let computed_at = chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
    conn.busy_timeout(STORE_WAIT)?;
    let stored = replace(conn, kind, params, at, &computed_at, &payload);
    conn.busy_timeout(Duration::from_millis(u64::from(BUSY_TIMEOUT_MS)))?;
    stored?;
    Ok(computed_at)
}

fn replace(
    conn: &Connection,
    kind: &str,
    params: &str,
    at: &DataVersion,
    computed_at: &str,
    payload: &[u8],
) -> rusqlite::Result<()> {
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "DELETE FROM analysis_cache WHERE book_id <> ?1 OR version <> ?2 OR program <> ?3",
        params![at.book_id, at.version, PROGRAM],
    )?;
    tx.execute(
        "INSERT INTO analysis_cache (kind, params, book_id, version, program, computed_at, payload)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (kind, params) DO UPDATE SET book_id = excluded.book_id,
             version = excluded.version, program = excluded.program,
             computed_at = excluded.computed_at, payload = excluded.payload",
        params![
            kind,
            params,
            at.book_id,
            at.version,
            PROGRAM,
            computed_at,
            payload
        ],
    )?;
    tx.execute(
        "DELETE FROM analysis_cache WHERE kind = ?1 AND params NOT IN (
             SELECT params FROM analysis_cache WHERE kind = ?1
             ORDER BY computed_at DESC, rowid DESC LIMIT ?2)",
        params![kind, KEPT_PER_KIND as i64],
    )?;
    tx.commit()
}

/// Forgets every stored result (`:refit`); returns how many there were.
pub fn forget_all(conn: &Connection) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM analysis_cache", [])
}

/// Gives the book a new identity and forgets its stored results: what is written next is
/// another book (the demo generator replacing one in place).
pub fn new_identity(conn: &Connection) -> rusqlite::Result<()> {
    forget_all(conn)?;
    conn.execute(
        "UPDATE book_state SET book_id = lower(hex(randomblob(16))), version = version + 1",
        [],
    )?;
    Ok(())
}

/// Why a result could not be stored (the analysis itself is unaffected).
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// The result did not encode.
    #[error("cannot encode the result: {0}")]
    Encode(#[from] postcard::Error),
    /// SQLite refused the write.
    #[error("cannot store the result: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> Result<Connection, Box<dyn std::error::Error>> {
        Ok(crate::db::open(std::path::Path::new(":memory:"))?.conn)
    }

    #[test]
    fn a_result_is_used_only_at_its_version_book_and_program()
    -> Result<(), Box<dyn std::error::Error>> {
        let conn = book()?;
        let at = data_version(&conn)?;
        put(&conn, "k", "p", &at, &vec![1.5_f64, f64::NAN.abs(), -0.0])?;
        let back: Cached<Vec<f64>> = get(&conn, "k", "p", &at).ok_or("stored result missing")?;
        assert_eq!(back.value[0].to_bits(), 1.5_f64.to_bits());
        assert_eq!(back.value[2].to_bits(), (-0.0_f64).to_bits());
        assert!(get::<Vec<f64>>(&conn, "k", "other", &at).is_none());
        let later = DataVersion {
            version: at.version + 1,
            ..at.clone()
        };
        assert!(get::<Vec<f64>>(&conn, "k", "p", &later).is_none());
        let elsewhere = DataVersion {
            book_id: "another book".into(),
            ..at.clone()
        };
        assert!(get::<Vec<f64>>(&conn, "k", "p", &elsewhere).is_none());
        conn.execute("UPDATE analysis_cache SET program = 'an older build'", [])?;
        assert!(get::<Vec<f64>>(&conn, "k", "p", &at).is_none());
        Ok(())
    }

    #[test]
    fn edits_imports_and_a_new_identity_move_the_version() -> Result<(), Box<dyn std::error::Error>>
    {
        let conn = book()?;
        let start = data_version(&conn)?;
        conn.execute(
            "INSERT INTO edits (at, entity, entity_id, field) VALUES ('2026-01-01', 'deal', 1, 'amount')",
            [],
        )?;
        let edited = data_version(&conn)?;
        assert!(edited.version > start.version);
        conn.execute("UPDATE edits SET undone = 1", [])?;
        let undone = data_version(&conn)?;
        assert!(undone.version > edited.version);
        conn.execute(
            "INSERT INTO imports (batch, at, file, kind) VALUES (1, '2026-01-01', 'f.csv', 'deals')",
            [],
        )?;
        assert!(data_version(&conn)?.version > undone.version);
        put(&conn, "k", "p", &data_version(&conn)?, &1_u8)?;
        new_identity(&conn)?;
        let renewed = data_version(&conn)?;
        assert_ne!(renewed.book_id, start.book_id);
        assert_eq!(
            forget_all(&conn)?,
            0,
            "a new identity forgets stored results"
        );
        Ok(())
    }

    #[test]
    fn storing_forgets_what_can_no_longer_be_used_and_caps_each_kind()
    -> Result<(), Box<dyn std::error::Error>> {
        let conn = book()?;
        let at = data_version(&conn)?;
        put(&conn, "other", "p", &at, &1_u8)?;
        let later = DataVersion {
            version: at.version + 1,
            ..at.clone()
        };
        for day in 0..KEPT_PER_KIND + 3 {
            put(&conn, "kpis", &format!("day {day}"), &later, &day)?;
        }
        let kept: Vec<(String, String)> = conn
            .prepare("SELECT kind, params FROM analysis_cache ORDER BY rowid")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        assert_eq!(kept.len(), KEPT_PER_KIND, "{kept:?}");
        assert!(kept.iter().all(|(kind, _)| kind == "kpis"), "{kept:?}");
        assert!(
            get::<usize>(&conn, "kpis", &format!("day {}", KEPT_PER_KIND + 2), &later).is_some()
        );
        Ok(())
    }

    #[test]
    fn a_payload_that_does_not_decode_is_a_miss() -> Result<(), Box<dyn std::error::Error>> {
        let conn = book()?;
        let at = data_version(&conn)?;
        put(&conn, "k", "p", &at, &"text")?;
        assert!(get::<Vec<(i64, f64)>>(&conn, "k", "p", &at).is_none());
        Ok(())
    }
}
