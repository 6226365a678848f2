//! The data-quality checks of `report quality` and the `:data` view: likely duplicate customers,
//! missing fields the analyses need, impossible values and outliers, each with a count and the
//! ids of the rows (the first [`SAMPLE`] of them) so they can be opened.

mod customers;
mod deals;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

pub use crate::analytics::quality::NamePair;

/// How many row ids a check keeps for opening; its count is always the full number.
pub const SAMPLE: usize = 500;

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
    Ok(QualityReport {
        as_of: today.to_string(),
        checks,
        duplicates,
    })
}
