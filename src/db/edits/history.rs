//! The audit trail read back for `:history`, in words (see [`super::words`]).

use rusqlite::Connection;

use super::words::{self, Named};
use crate::db::reads::name_of;

/// One line of `:history`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryLine {
    /// When, local time.
    pub at: String,
    /// Who (login name).
    pub actor: String,
    /// The record: the deal's or task's title, the channel's plan, or what a record batch did.
    pub what: String,
    /// The field changed, as a manager names it (`Stage`, `Owner`); empty for a whole record.
    pub field: String,
    /// Value before in words (`$12,000`, `Ann Lee`), if any.
    pub old: Option<String>,
    /// Value after in words, if any.
    pub new: Option<String>,
    /// The change as one sentence: `Stage Proposal → Negotiation`, `Task 'Call back' done`.
    pub words: String,
    /// True when undone.
    pub undone: bool,
}

/// Raw `edits` row: at, actor, record name, entity, field, old, new, undone.
type Raw = (
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    bool,
);

fn in_words(conn: &Connection, raw: Raw) -> Option<HistoryLine> {
    let (at, actor, what, entity, field, old, new, undone) = raw;
    let name = |kind, id| name_of(conn, kind, id);
    let line = |what: String, field: String, old, new, words| HistoryLine {
        at: at.clone(),
        actor: actor.clone(),
        what,
        field,
        old,
        new,
        words,
        undone,
    };
    match entity.as_str() {
        "rec:batch" | "import" | crate::db::privacy::ERASE_ENTITY => {
            let summary = new.unwrap_or_default();
            Some(line(summary.clone(), String::new(), None, None, summary))
        }
        crate::db::pipelines::ENTITY if field == "summary" => {
            let summary = new.unwrap_or_default();
            Some(line(summary.clone(), String::new(), None, None, summary))
        }
        crate::db::pipelines::ENTITY => None,
        "task_row" => {
            let title = new
                .as_deref()
                .and_then(|j| serde_json::from_str::<serde_json::Value>(j).ok())
                .and_then(|v| v["title"].as_str().map(str::to_string))
                .unwrap_or(what);
            let words = format!("New task '{title}'");
            Some(line(title, String::new(), None, None, words))
        }
        "rep_absence" => {
            let value = new.or(old).unwrap_or_default();
            let mut parts = value.splitn(3, '|');
            let rep = parts
                .next()
                .and_then(|r| r.parse().ok())
                .and_then(|r| name(Named::Rep, r))
                .unwrap_or_else(|| "a rep".into());
            let (from, to) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let words = format!("{rep} away {from} to {to}");
            Some(line(rep, "Absence".into(), None, None, words))
        }
        _ if entity.starts_with("rec:") => None,
        _ => {
            let (label, old, new) =
                words::change(&entity, &field, old.as_deref(), new.as_deref(), &name)?;
            let sentence = words::sentence(&what, &entity, &label, &old, &new);
            Some(line(what, label, Some(old), Some(new), sentence))
        }
    }
}

/// The newest `limit` changes, newest first, for `:history`: one line per field of a deal or
/// task edit, one per record batch (its summary), never bookkeeping rows.
pub fn history(conn: &Connection, limit: usize) -> rusqlite::Result<Vec<HistoryLine>> {
    let raw: Vec<Raw> = conn
        .prepare(
            "SELECT e.at, e.actor,
                    COALESCE(d.title, t.title, c.name || ' plan', ''),
                    e.entity, e.field, e.old_value, e.new_value, e.undone
             FROM edits e LEFT JOIN deals d ON e.entity = 'deal' AND d.id = e.entity_id
                          LEFT JOIN tasks t ON e.entity IN ('task', 'task_row') AND t.id = e.entity_id
                          LEFT JOIN channels c ON e.entity = 'channel_plan' AND c.id = e.entity_id
             WHERE e.entity NOT IN ('stage_change', 'import_field')
               AND (e.entity NOT LIKE 'rec:%' OR e.entity = 'rec:batch')
             ORDER BY e.id DESC LIMIT ?1",
        )?
        .query_map([limit as i64], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get::<_, i64>(7)? != 0,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(raw.into_iter().filter_map(|r| in_words(conn, r)).collect())
}
