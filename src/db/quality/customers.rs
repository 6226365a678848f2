//! The customer checks: likely duplicates (names, shared contact emails and phones), customers
//! missing what the value tiers and propensity model read, and negative channel spend.

use std::collections::{BTreeMap, HashMap};

use rusqlite::Connection;

use super::{Check, DuplicatePair, Found, RowKind, SAMPLE};
use crate::analytics::quality::{name_pairs, phone_key};

/// Adds a pair of every two customers in `group` (sorted, deduplicated) with `why`.
fn pair_up(
    group: &mut Vec<i64>,
    why: &'static str,
    pairs: &mut BTreeMap<(i64, i64), Vec<&'static str>>,
) {
    group.sort_unstable();
    group.dedup();
    for (i, a) in group.iter().enumerate() {
        for b in &group[i + 1..] {
            let reasons = pairs.entry((*a, *b)).or_default();
            if !reasons.contains(&why) {
                reasons.push(why);
            }
        }
    }
}

/// The likely duplicate pairs (the first [`SAMPLE`]) and their check.
pub(super) fn duplicates(conn: &Connection) -> rusqlite::Result<(Vec<DuplicatePair>, Check)> {
    let names: HashMap<i64, String> = conn
        .prepare("SELECT id, name FROM customers")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let listed: Vec<(i64, String)> = names.iter().map(|(i, n)| (*i, n.clone())).collect();
    let mut pairs: BTreeMap<(i64, i64), Vec<&'static str>> = BTreeMap::new();
    for p in name_pairs(&listed) {
        pairs.entry((p.a, p.b)).or_default().push(p.why);
    }
    let mut by_email: HashMap<String, Vec<i64>> = HashMap::new();
    let mut by_phone: HashMap<String, Vec<i64>> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT customer_id, email, phone FROM contacts WHERE email <> '' OR phone <> ''",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let customer: i64 = r.get(0)?;
        let email: String = r.get(1)?;
        let phone: String = r.get(2)?;
        let email = email.trim().to_lowercase();
        if !email.is_empty() {
            by_email.entry(email).or_default().push(customer);
        }
        if let Some(key) = phone_key(&phone) {
            by_phone.entry(key).or_default().push(customer);
        }
    }
    for group in by_email.values_mut().filter(|g| g.len() > 1) {
        pair_up(group, "shared contact email", &mut pairs);
    }
    for group in by_phone.values_mut().filter(|g| g.len() > 1) {
        pair_up(group, "shared contact phone", &mut pairs);
    }
    let mut found = Found::default();
    let mut involved: Vec<i64> = Vec::new();
    let mut listed_pairs = Vec::new();
    for ((a, b), why) in &pairs {
        found.count += 1;
        involved.extend([*a, *b]);
        if listed_pairs.len() < SAMPLE {
            let name = |id: &i64| names.get(id).cloned().unwrap_or_default();
            listed_pairs.push(DuplicatePair {
                a: *a,
                a_name: name(a),
                b: *b,
                b_name: name(b),
                why: why.join(", "),
            });
        }
    }
    involved.sort_unstable();
    involved.dedup();
    involved.truncate(SAMPLE);
    found.ids = involved;
    let check = found.check(
        "duplicate_customers",
        "Duplicates",
        "pairs of customers that look like one company: names equal once folded (case, \
         punctuation, legal suffixes), or 1 edit apart (5-19 letters) or 2 (20+), or a shared \
         contact email or phone (7+ digits)",
        RowKind::Customer,
    );
    Ok((listed_pairs, check))
}

/// Collects the ids `sql` returns (one id column, in id order) as a check.
fn ids_check(
    conn: &Connection,
    sql: &str,
    key: &'static str,
    group: &'static str,
    words: &str,
    rows: RowKind,
) -> rusqlite::Result<Check> {
    let mut found = Found::default();
    let mut stmt = conn.prepare(sql)?;
    let mut rows_read = stmt.query([])?;
    while let Some(r) = rows_read.next()? {
        found.add(r.get(0)?);
    }
    Ok(found.check(key, group, words, rows))
}

/// Customers missing an industry or region (the tiers and the propensity model group by them),
/// or both their head count and revenue (the propensity model's size).
pub(super) fn missing(conn: &Connection) -> rusqlite::Result<Vec<Check>> {
    Ok(vec![
        ids_check(
            conn,
            "SELECT id FROM customers WHERE trim(industry) = '' OR trim(region) = '' ORDER BY id",
            "customer_no_industry_or_region",
            "Missing",
            "customers without an industry or a region (tiers and propensity group by them)",
            RowKind::Customer,
        )?,
        ids_check(
            conn,
            "SELECT id FROM customers WHERE employees IS NULL AND annual_revenue_cents IS NULL
             ORDER BY id",
            "customer_no_size",
            "Missing",
            "customers with neither a head count nor an annual revenue (the propensity model's size)",
            RowKind::Customer,
        )?,
    ])
}

/// Channel months with negative spend or revenue.
pub(super) fn negative_spend(conn: &Connection) -> rusqlite::Result<Check> {
    ids_check(
        conn,
        "SELECT rowid FROM channel_months WHERE spend_cents < 0 OR revenue_cents < 0 ORDER BY rowid",
        "channel_negative_spend",
        "Impossible",
        "channel months with negative spend or revenue",
        RowKind::ChannelMonth,
    )
}
