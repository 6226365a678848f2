//! Erasing a contact's or a customer's personal fields in place: the fields are blanked (a name
//! becomes `Erased contact 12`), every copy of their old text in the edit log is blanked too (so
//! no undo can bring them back), and one history line records the erase without a batch, so undo
//! and redo never reach it.

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde_json::{Map, Value as Json};

use super::{ERASE_ENTITY, PERSONAL};
use crate::db::edits::WriteError;

/// What an erase did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erased {
    /// The history line, in words.
    pub summary: String,
    /// How many rows of the edit log had personal text blanked.
    pub scrubbed_edits: u64,
}

/// Text put where erased text was in the edit log and in free text.
const MARK: &str = "[erased]";

/// Free text shorter than this is not searched for elsewhere (it would blank unrelated words).
const SHORTEST_SEARCHED: usize = 4;

fn personal_columns(table: &str) -> &'static [&'static str] {
    PERSONAL
        .iter()
        .find(|(t, _)| *t == table)
        .map_or(&[], |(_, c)| *c)
}

/// Keeps the personal fields of one row as they are now in `secrets`, and blanks them: a
/// `name` becomes `label` (so the row still reads as something), the rest empty text.
fn blank_row(
    tx: &Transaction<'_>,
    table: &str,
    id: i64,
    label: &str,
    secrets: &mut Vec<String>,
) -> rusqlite::Result<()> {
    for column in personal_columns(table) {
        let old: String = tx.query_row(
            &format!("SELECT {column} FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )?;
        secrets.push(old);
        tx.execute(
            &format!("UPDATE {table} SET {column} = ?2 WHERE id = ?1"),
            rusqlite::params![id, if *column == "name" { label } else { "" }],
        )?;
    }
    Ok(())
}

/// Blanks one row's personal fields ([`blank_row`]) and their copies in its own edit-log rows
/// ([`scrub_entity`]); returns how many edit-log rows changed.
fn erase_row(
    tx: &Transaction<'_>,
    table: &str,
    id: i64,
    label: &str,
    secrets: &mut Vec<String>,
) -> rusqlite::Result<u64> {
    blank_row(tx, table, id, label, secrets)?;
    scrub_entity(tx, table, id)
}

/// Blanks the personal fields of the edit-log rows of `table` row `id`: field rows lose their
/// old and new text, whole-row JSON its personal keys.
fn scrub_entity(tx: &Transaction<'_>, table: &str, id: i64) -> rusqlite::Result<u64> {
    let entity = format!("rec:{table}");
    let columns = personal_columns(table);
    let mut changed = 0;
    for column in columns {
        changed += tx.execute(
            "UPDATE edits SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE ?4 END,
                              new_value = CASE WHEN new_value IS NULL THEN NULL ELSE ?4 END
             WHERE entity = ?1 AND entity_id = ?2 AND field = ?3",
            rusqlite::params![entity, id, column, MARK],
        )? as u64;
    }
    let json_rows: Vec<(i64, Option<String>, Option<String>)> = tx
        .prepare("SELECT id, old_value, new_value FROM edits WHERE entity = ?1 AND entity_id = ?2 AND field = 'row'")?
        .query_map(rusqlite::params![entity, id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let blank = |json: Option<String>| {
        json.map(
            |text| match serde_json::from_str::<Map<String, Json>>(&text) {
                Ok(mut row) => {
                    for column in columns {
                        if let Some(v) = row.get_mut(*column) {
                            *v = Json::from(if *column == "name" { MARK } else { "" });
                        }
                    }
                    Json::Object(row).to_string()
                }
                Err(_) => MARK.to_string(),
            },
        )
    };
    for (edit, old, new) in json_rows {
        tx.execute(
            "UPDATE edits SET old_value = ?2, new_value = ?3 WHERE id = ?1",
            rusqlite::params![edit, blank(old), blank(new)],
        )?;
        changed += 1;
    }
    Ok(changed)
}

/// Replaces every remaining copy of each secret (as written and as JSON escapes it) in the edit
/// log's values and in the given free-text columns.
fn scrub_text(
    tx: &Transaction<'_>,
    secrets: &[String],
    free_text: &[(&str, &str, &str, i64)],
) -> rusqlite::Result<u64> {
    let mut changed = 0;
    for secret in secrets
        .iter()
        .filter(|s| s.chars().count() >= SHORTEST_SEARCHED)
    {
        let escaped = serde_json::to_string(secret).unwrap_or_default();
        let escaped = escaped.trim_matches('"').to_string();
        for form in [secret.clone(), escaped] {
            changed += tx.execute(
                "UPDATE edits SET old_value = replace(old_value, ?1, ?2),
                                  new_value = replace(new_value, ?1, ?2)
                 WHERE instr(old_value, ?1) > 0 OR instr(new_value, ?1) > 0",
                rusqlite::params![form, MARK],
            )? as u64;
            for (table, column, key, id) in free_text {
                tx.execute(
                    &format!(
                        "UPDATE {table} SET {column} = replace({column}, ?1, ?2) WHERE {key} = ?3"
                    ),
                    rusqlite::params![form, MARK, id],
                )?;
            }
        }
    }
    Ok(changed)
}

/// Ends an erase: writes its history line (no batch: never undone or redone), ends redo so no
/// undone batch is put forward over the erase, and commits.
fn finish(
    tx: Transaction<'_>,
    (at, actor): (&str, &str),
    entity_id: i64,
    summary: String,
    scrubbed_edits: u64,
) -> rusqlite::Result<Erased> {
    tx.execute(
        "UPDATE edits SET superseded = 1 WHERE undone = 1 AND superseded = 0",
        [],
    )?;
    tx.execute(
        "INSERT INTO edits (at, entity, entity_id, field, old_value, new_value, undone, batch, actor)
         VALUES (?1, ?2, ?3, 'summary', NULL, ?4, 0, NULL, ?5)",
        rusqlite::params![at, ERASE_ENTITY, entity_id, summary, actor],
    )?;
    tx.commit()?;
    Ok(Erased {
        summary,
        scrubbed_edits,
    })
}

fn ids(tx: &Transaction<'_>, sql: &str, id: i64) -> rusqlite::Result<Vec<i64>> {
    tx.prepare(sql)?.query_map([id], |r| r.get(0))?.collect()
}

/// Erases contact `id`'s name, email and phone, and their copies in its customer's activity
/// notes and in the edit log.
pub fn erase_contact(
    conn: &mut Connection,
    id: i64,
    at: &str,
    actor: &str,
) -> Result<Erased, WriteError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let customer: i64 = tx
        .query_row(
            "SELECT customer_id FROM contacts WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(WriteError::Missing(id))?;
    let mut secrets = Vec::new();
    let label = format!("Erased contact {id}");
    let mut scrubbed = erase_row(&tx, "contacts", id, &label, &mut secrets)?;
    scrubbed += scrub_text(
        &tx,
        &secrets,
        &[
            ("activities", "text", "customer_id", customer),
            ("tasks", "title", "customer_id", customer),
        ],
    )?;
    let summary = format!("{label}'s personal data (of customer {customer})");
    Ok(finish(tx, (at, actor), id, summary, scrubbed)?)
}

/// Erases customer `id`'s name and notes, every contact's name, email and phone, the text of
/// its activities, and their copies in its deal and task titles and the edit log. Amounts,
/// dates and stages stay.
pub fn erase_customer(
    conn: &mut Connection,
    id: i64,
    at: &str,
    actor: &str,
) -> Result<Erased, WriteError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM customers WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(WriteError::Missing(id));
    }
    let label = format!("Erased customer {id}");
    let mut secrets = Vec::new();
    let mut scrubbed = erase_row(&tx, "customers", id, &label, &mut secrets)?;
    for contact in ids(
        &tx,
        "SELECT id FROM contacts WHERE customer_id = ?1 ORDER BY id",
        id,
    )? {
        let name = format!("Erased contact {contact}");
        scrubbed += erase_row(&tx, "contacts", contact, &name, &mut secrets)?;
    }
    for activity in ids(
        &tx,
        "SELECT id FROM activities WHERE customer_id = ?1 ORDER BY id",
        id,
    )? {
        scrubbed += erase_row(&tx, "activities", activity, "", &mut secrets)?;
    }
    scrubbed += scrub_text(
        &tx,
        &secrets,
        &[
            ("deals", "title", "customer_id", id),
            ("tasks", "title", "customer_id", id),
        ],
    )?;
    let summary = format!("{label}'s personal data, its contacts and its notes");
    Ok(finish(tx, (at, actor), id, summary, scrubbed)?)
}
