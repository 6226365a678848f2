//! The lists the desk's record forms pick from: active reps, customers with their owners, and
//! products with their list prices, each by name.

use rusqlite::Connection;

/// One entry of a picker list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Its id (a position for lists of words).
    pub id: i64,
    /// What the picker shows and matches.
    pub name: String,
    /// A product's list price in cents; a customer's owner rep id.
    pub value: Option<i64>,
}

fn choices(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<Choice>> {
    conn.prepare_cached(sql)?
        .query_map([], |r| {
            Ok(Choice {
                id: r.get(0)?,
                name: r.get(1)?,
                value: r.get(2)?,
            })
        })?
        .collect()
}

/// Active reps by name.
pub fn reps(conn: &Connection) -> rusqlite::Result<Vec<Choice>> {
    choices(
        conn,
        "SELECT id, name, NULL FROM reps WHERE active <> 0 ORDER BY name, id",
    )
}

/// Every customer by name, with its owner rep id.
pub fn customers(conn: &Connection) -> rusqlite::Result<Vec<Choice>> {
    choices(
        conn,
        "SELECT id, name, owner_rep_id FROM customers ORDER BY name, id",
    )
}

/// Every product by name, with its list price in cents.
pub fn products(conn: &Connection) -> rusqlite::Result<Vec<Choice>> {
    choices(
        conn,
        "SELECT id, name, list_price_cents FROM products ORDER BY name, id",
    )
}
