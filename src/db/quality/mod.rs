//! The data-quality checks of `report quality` and the `:data` view: likely duplicate customers,
//! missing fields the analyses need, impossible values and outliers, each with a count and the
//! ids of the rows (the first [`SAMPLE`] of them) so they can be opened.

mod customers;
mod deals;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

pub use crate::analytics::quality::NamePair;

/// How many row ids a check keeps for opening; its count is always the full number.
pub const SAMPLE: usize = 500;

/// How many rows of each check get a label for the `:data` view to list them by.
pub const LABELLED: usize = 20;

/// What a check's rows are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Customers (open with the customer record).
    Customer,
    /// Deals (open with the deal record).
    Deal,
    /// Months of a channel's spend (rowids of `channel_months`).
    ChannelMonth,
}

/// One check and what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// A stable key (`deal_closed_before_created`).
    pub key: &'static str,
    /// Duplicates, Missing, Impossible or Outliers.
    pub group: &'static str,
    /// What the check looks for, with its rule, in words.
    pub words: String,
    /// What kind of rows it lists.
    pub rows: RowKind,
    /// How many rows (for duplicates: how many pairs) it found.
    pub count: u64,
    /// The first [`SAMPLE`] row ids, in id order.
    pub ids: Vec<i64>,
    /// What the first [`LABELLED`] of them are called: a deal's title, a customer's name, a
    /// channel month's channel and month.
    pub labels: Vec<String>,
}

/// Two customers that look like one, and why (joined when several reasons hold).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicatePair {
    /// The lower id.
    pub a: i64,
    /// Its name.
    pub a_name: String,
    /// The higher id.
    pub b: i64,
    /// Its name.
    pub b_name: String,
    /// `same name`, `similar name`, `shared contact email`, `shared contact phone`, joined by `, `.
    pub why: String,
}

/// Everything the checks found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QualityReport {
    /// The day future dates are measured from, `YYYY-MM-DD`.
    pub as_of: String,
    /// Every check, in a fixed order, found or not.
    pub checks: Vec<Check>,
    /// The likely duplicate customers, pair by pair (the first [`SAMPLE`]).
    pub duplicates: Vec<DuplicatePair>,
}

impl QualityReport {
    /// The rows the checks found in total.
    pub fn total(&self) -> u64 {
        self.checks.iter().map(|c| c.count).sum()
    }
}

/// Collects a check's rows: counts all, keeps the first [`SAMPLE`] ids.
#[derive(Debug, Default)]
struct Found {
    count: u64,
    ids: Vec<i64>,
}

impl Found {
    fn add(&mut self, id: i64) {
        self.count += 1;
        if self.ids.len() < SAMPLE {
            self.ids.push(id);
        }
    }

    fn check(self, key: &'static str, group: &'static str, words: &str, rows: RowKind) -> Check {
        Check {
            key,
            group,
            words: words.to_string(),
            rows,
            count: self.count,
            ids: self.ids,
            labels: Vec::new(),
        }
    }
}

/// The groups of checks, in report order.
pub const GROUPS: [&str; 4] = ["Duplicates", "Missing", "Impossible", "Outliers"];

/// Runs every check on the book as of `today`.
pub fn quality_report(conn: &Connection, today: NaiveDate) -> rusqlite::Result<QualityReport> {
    let (duplicates, dup_check) = customers::duplicates(conn)?;
    let mut checks = vec![dup_check];
    checks.extend(customers::missing(conn)?);
    checks.extend(deals::deal_checks(conn, today)?);
    checks.push(customers::negative_spend(conn)?);
    checks.sort_by_key(|c| GROUPS.iter().position(|g| *g == c.group));
    for check in &mut checks {
        check.labels = labels(
            conn,
            check.rows,
            &check.ids[..check.ids.len().min(LABELLED)],
        )?;
    }
    Ok(QualityReport {
        as_of: today.to_string(),
        checks,
        duplicates,
    })
}

/// The names of rows of one kind, in the order of `ids` (a row gone since reads as its id).
fn labels(conn: &Connection, rows: RowKind, ids: &[i64]) -> rusqlite::Result<Vec<String>> {
    let sql = match rows {
        RowKind::Customer => "SELECT name FROM customers WHERE id = ?1",
        RowKind::Deal => "SELECT title FROM deals WHERE id = ?1",
        RowKind::ChannelMonth => {
            "SELECT c.name || ' ' || m.month FROM channel_months m
             JOIN channels c ON c.id = m.channel_id WHERE m.rowid = ?1"
        }
    };
    let mut stmt = conn.prepare_cached(sql)?;
    ids.iter()
        .map(|id| {
            Ok(stmt
                .query_row([id], |r| r.get::<_, String>(0))
                .optional()?
                .unwrap_or_else(|| id.to_string()))
        })
        .collect()
}
