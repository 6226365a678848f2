//! Everything the book holds about one customer or one contact, as JSON rows keyed by column.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, params_from_iter};
use serde_json::{Map, Value as Json, json};

/// Whose data to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Person {
    /// A customer: its row, contacts, tags, deals, activities, tasks and their edits.
    Customer(i64),
    /// A contact: its row, its customer's name, the activities naming it and its edits.
    Contact(i64),
}

fn cell(v: ValueRef<'_>) -> Json {
    match v {
        ValueRef::Null | ValueRef::Blob(_) => Json::Null,
        ValueRef::Integer(i) => Json::from(i),
        ValueRef::Real(f) => Json::from(f),
        ValueRef::Text(t) => Json::from(String::from_utf8_lossy(t).into_owned()),
    }
}

/// The rows of `sql` as JSON objects keyed by column name.
fn rows(conn: &Connection, sql: &str, bound: &[&dyn rusqlite::ToSql]) -> rusqlite::Result<Json> {
    let mut stmt = conn.prepare(sql)?;
    let names: Vec<String> = stmt.column_names().iter().map(|n| n.to_string()).collect();
    let mut out = Vec::new();
    let mut found = stmt.query(params_from_iter(bound.iter()))?;
    while let Some(r) = found.next()? {
        let mut row = Map::new();
        for (i, name) in names.iter().enumerate() {
            row.insert(name.clone(), cell(r.get_ref(i)?));
        }
        out.push(Json::Object(row));
    }
    Ok(Json::Array(out))
}

const EDITS: &str = "SELECT at, actor, entity, entity_id, field, old_value, new_value, undone
                     FROM edits WHERE entity = ?1 AND entity_id = ?2 ORDER BY id";

/// Everything held about `who`; `None` when there is no such customer or contact.
pub fn person_json(conn: &Connection, who: Person) -> rusqlite::Result<Option<Json>> {
    match who {
        Person::Customer(id) => {
            let customer = rows(conn, "SELECT * FROM customers WHERE id = ?1", &[&id])?;
            if customer.as_array().is_none_or(Vec::is_empty) {
                return Ok(None);
            }
            Ok(Some(json!({
                "customer": customer[0],
                "contacts": rows(conn, "SELECT * FROM contacts WHERE customer_id = ?1 ORDER BY id", &[&id])?,
                "tags": rows(conn, "SELECT kind, tag FROM customer_tags WHERE customer_id = ?1 ORDER BY id", &[&id])?,
                "deals": rows(conn, "SELECT * FROM deals WHERE customer_id = ?1 ORDER BY id", &[&id])?,
                "activities": rows(conn, "SELECT * FROM activities WHERE customer_id = ?1 ORDER BY id", &[&id])?,
                "tasks": rows(conn, "SELECT * FROM tasks WHERE customer_id = ?1 ORDER BY id", &[&id])?,
                "edits": rows(conn, EDITS, &[&"rec:customers", &id])?,
            })))
        }
        Person::Contact(id) => {
            let contact = rows(conn, "SELECT * FROM contacts WHERE id = ?1", &[&id])?;
            let Some(row) = contact.as_array().and_then(|r| r.first()) else {
                return Ok(None);
            };
            let customer = row["customer_id"].as_i64().unwrap_or_default();
            let name = row["name"].as_str().unwrap_or_default().to_string();
            let email = row["email"].as_str().unwrap_or_default().to_string();
            let email_or_name = if email.is_empty() {
                name.clone()
            } else {
                email
            };
            Ok(Some(json!({
                "contact": row,
                "customer": rows(conn, "SELECT id, name FROM customers WHERE id = ?1", &[&customer])?[0],
                "activities_naming_them": rows(
                    conn,
                    "SELECT * FROM activities WHERE customer_id = ?1
                     AND (instr(text, ?2) > 0 OR instr(text, ?3) > 0) ORDER BY id",
                    &[&customer, &name, &email_or_name],
                )?,
                "edits": rows(conn, EDITS, &[&"rec:contacts", &id])?,
            })))
        }
    }
}
