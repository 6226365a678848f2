//! Two scans of one book at once: a second read-only connection to the same file reads on a
//! thread of its own while the first reads. The big scans (deals, stage changes, activities,
//! customers) are most of an analysis's time at a million deals, and a second core is there.

use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::open::BUSY_TIMEOUT_MS;

/// `here` on `conn` and, at the same time, `aside` on a second read-only connection in another
/// thread; both on `conn`, `here` first, when there is no second connection (an in-memory book,
/// an open transaction whose uncommitted rows another connection would not see, a file only
/// readable as immutable). A panic in `aside` is raised again here.
pub(crate) fn read_beside<A, B>(
    conn: &Connection,
    here: impl FnOnce(&Connection) -> A,
    aside: impl FnOnce(&Connection) -> B + Send,
) -> (A, B)
where
    B: Send,
{
    match second_reader(conn) {
        Some(other) => std::thread::scope(|threads| {
            let aside = threads.spawn(move || aside(&other));
            let here = here(conn);
            let aside = aside
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (here, aside)
        }),
        None => {
            let here = here(conn);
            (here, aside(conn))
        }
    }
}

/// A read-only connection to the same book file that has read its schema, or `None` when there
/// is none to be had (an in-memory book, an open transaction, a file only readable as immutable).
fn second_reader(conn: &Connection) -> Option<Connection> {
    let path = conn.path().filter(|p| !p.is_empty())?;
    if !conn.is_autocommit() {
        return None;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let other = Connection::open_with_flags(path, flags).ok()?;
    other
        .busy_timeout(Duration::from_millis(u64::from(BUSY_TIMEOUT_MS)))
        .ok()?;
    other
        .query_row("SELECT COUNT(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })
        .ok()?;
    Some(other)
}
