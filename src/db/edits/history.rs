//! The audit trail read back for `:history`.

use rusqlite::Connection;

/// One line of `:history`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryLine {
    /// When, local time.
    pub at: String,
    /// Who (login name).
    pub actor: String,
    /// The deal's title, or the entity and id.
    pub what: String,
    /// The field changed.
    pub field: String,
    /// Value before, if any.
    pub old: Option<String>,
    /// Value after, if any.
    pub new: Option<String>,
    /// True when undone.
    pub undone: bool,
}

/// The newest `limit` edit rows, newest first, for `:history`.
pub fn history(conn: &Connection, limit: usize) -> rusqlite::Result<Vec<HistoryLine>> {
    conn.prepare(
        "SELECT e.at, e.actor,
                COALESCE(d.title, t.title, c.name || ' plan', e.entity || ' ' || e.entity_id),
                e.field, e.old_value, e.new_value, e.undone
         FROM edits e LEFT JOIN deals d ON e.entity = 'deal' AND d.id = e.entity_id
                      LEFT JOIN tasks t ON e.entity IN ('task', 'task_row') AND t.id = e.entity_id
                      LEFT JOIN channels c ON e.entity = 'channel_plan' AND c.id = e.entity_id
         WHERE e.entity NOT IN ('stage_change', 'import_field')
         ORDER BY e.id DESC LIMIT ?1",
    )?
    .query_map([limit as i64], |r| {
        Ok(HistoryLine {
            at: r.get(0)?,
            actor: r.get(1)?,
            what: r.get(2)?,
            field: r.get(3)?,
            old: r.get(4)?,
            new: r.get(5)?,
            undone: r.get::<_, i64>(6)? != 0,
        })
    })?
    .collect()
}
