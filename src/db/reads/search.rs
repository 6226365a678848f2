//! One search over customers, contacts, deals and tasks, results grouped by kind. Customers and
//! contacts match anywhere in the name (or a contact's email); deals and tasks, the far larger
//! tables, match at the start of the title (ASCII case folded) through an index.

use rusqlite::Connection;

/// What a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    /// A customer; `id` opens its record.
    Customer,
    /// A contact; `id` is the contact, `customer_id` opens its customer.
    Contact,
    /// A deal; `id` opens its record.
    Deal,
    /// A task.
    Task,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Hit {
    /// What it is.
    pub kind: HitKind,
    /// Its id.
    pub id: i64,
    /// Its name or title.
    pub label: String,
    /// A second line: the customer and stage of a deal, the customer of a contact or task.
    pub detail: String,
    /// The customer to open, when there is one.
    pub customer_id: Option<i64>,
}

/// `text` with LIKE's wildcards escaped (with `\`).
fn escaped(text: &str) -> String {
    text.chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect()
}

/// Up to `per_kind` results of each kind for `text`, grouped customers, contacts, deals, tasks;
/// nothing for blank text.
pub fn search(conn: &Connection, text: &str, per_kind: usize) -> rusqlite::Result<Vec<Hit>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let anywhere = format!("%{}%", escaped(text));
    // A case-insensitive range over the title index: from the text to the text followed by
    // the highest character.
    let (low, high) = (text.to_string(), format!("{text}\u{10FFFF}"));
    let limit = per_kind as i64;
    let queries: [(HitKind, &str, Option<&str>); 4] = [
        (
            HitKind::Customer,
            "SELECT id, name, industry || ', ' || region, id FROM customers
             WHERE name LIKE ?1 ESCAPE '\\' ORDER BY name COLLATE NOCASE, id LIMIT ?2",
            None,
        ),
        (
            HitKind::Contact,
            "SELECT k.id, k.name, c.name || CASE WHEN k.email <> '' THEN ' · ' || k.email ELSE '' END, k.customer_id
             FROM contacts k JOIN customers c ON c.id = k.customer_id
             WHERE k.name LIKE ?1 ESCAPE '\\' OR k.email LIKE ?1 ESCAPE '\\'
             ORDER BY k.name COLLATE NOCASE, k.id LIMIT ?2",
            None,
        ),
        (
            HitKind::Deal,
            "SELECT d.id, d.title, COALESCE(c.name, '') || ' · ' || d.stage, d.customer_id
             FROM deals d LEFT JOIN customers c ON c.id = d.customer_id
             WHERE d.title >= ?1 COLLATE NOCASE AND d.title < ?3 COLLATE NOCASE ORDER BY d.title COLLATE NOCASE, d.id LIMIT ?2",
            Some(&high),
        ),
        (
            HitKind::Task,
            "SELECT t.id, t.title, COALESCE(c.name, '') || ' · ' || t.status, t.customer_id
             FROM tasks t LEFT JOIN customers c ON c.id = t.customer_id
             WHERE t.title >= ?1 COLLATE NOCASE AND t.title < ?3 COLLATE NOCASE ORDER BY t.title COLLATE NOCASE, t.id LIMIT ?2",
            Some(&high),
        ),
    ];
    let mut hits = Vec::new();
    for (kind, sql, high) in queries {
        let mut stmt = conn.prepare_cached(sql)?;
        let params: Vec<rusqlite::types::Value> = match high {
            None => vec![anywhere.clone().into(), limit.into()],
            Some(high) => vec![low.clone().into(), limit.into(), high.to_string().into()],
        };
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok(Hit {
                kind,
                id: r.get(0)?,
                label: r.get(1)?,
                detail: r.get(2)?,
                customer_id: r.get(3)?,
            })
        })?;
        for hit in rows {
            hits.push(hit?);
        }
    }
    Ok(hits)
}

/// The deal a task belongs to, if any (a task found by [`search`] opens its deal's record).
pub fn task_deal(conn: &Connection, task_id: i64) -> rusqlite::Result<Option<i64>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .prepare_cached("SELECT deal_id FROM tasks WHERE id = ?1")?
        .query_row([task_id], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten())
}
