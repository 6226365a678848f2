//! What the win-probability rows are made from, read in plain scans: the deals, their stage
//! changes and activities (sorted by deal, walked side by side with the deals), each
//! customer's size and prior Won revenue.

use std::collections::HashMap;

use rusqlite::Connection;

use super::days::{day_at, optional_day_at, short_day_at};
use super::{Levels, size_band};
use crate::analytics::scoring::DealHistory;
use crate::domain::{Pipelines, Stage};

/// Per deal created by the as-of date (?1): its stage, amount, dates of creation and close,
/// customer, rep and product. One scan of `deals`.
///
/// A deal closed after the as-of day was open on it: it is read as open, at the last open stage
/// its history reached by then (Lead without one), so a call as of a past day scores the deals
/// open that day, not only those still open today.
const DEALS: &str = "
    SELECT id,
           CASE WHEN closed_on > ?1 THEN COALESCE(
               (SELECT to_stage FROM stage_changes c
                WHERE c.deal_id = deals.id AND c.changed_on <= ?1
                  AND c.to_stage NOT IN ('Won', 'Lost')
                ORDER BY c.changed_on DESC, c.id DESC LIMIT 1),
               (SELECT s.name FROM stages s WHERE s.pipeline_id = deals.pipeline_id
                ORDER BY s.position, s.id LIMIT 1)) ELSE stage END,
           amount_cents, created_on,
           CASE WHEN closed_on > ?1 THEN NULL ELSE closed_on END,
           customer_id, COALESCE(rep_id, 0), COALESCE(product_id, 0), pipeline_id
    FROM deals
    WHERE created_on <= ?1
    ORDER BY id";

/// Every customer's employees, for its size band: one scan instead of a look-up per deal (only
/// the deals' customers when a few deals are read).
const CUSTOMER_SIZES: &str = "SELECT id, employees FROM customers";

/// Every stage change up to ?1, in one scan (sorted by deal and time in memory).
const STAGE_CHANGES: &str = "
    SELECT deal_id, from_stage, to_stage, changed_on, id
    FROM stage_changes WHERE changed_on <= ?1";

/// Every deal activity up to ?1, in one scan (sorted by deal and day in memory).
const DEAL_ACTIVITIES: &str = "
    SELECT deal_id, happened_on FROM activities
    WHERE deal_id IS NOT NULL AND happened_on <= ?1";

/// The open stage code (its catalogue index) of a stage name of pipeline `pipeline_id`, former
/// names included; `None` for Won, Lost, a removed stage or an index past the codes.
pub(super) fn open_stage(
    catalogue: &Pipelines,
    pipeline_id: i64,
    name: Option<&str>,
) -> Option<u8> {
    catalogue
        .stage_in_history(pipeline_id, name?)
        .and_then(Stage::open_index)
        .and_then(|i| u8::try_from(i).ok())
}

/// Which deals a read covers: every deal, or a few by id (with their customers' other deals,
/// whose Won revenue is a feature).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope<'a> {
    /// The whole book.
    Every,
    /// These deals.
    Deals(&'a [i64]),
}

/// Which rows of a read a [`Scope::Deals`] admits, by the id `column` that names them.
#[derive(Debug, Clone, Copy)]
enum Admit {
    /// Rows of the deals (`column` is a deal id).
    Deals,
    /// The deals and every other deal of their customers (`column` is the deal id of `deals`).
    DealsAndTheirCustomers,
    /// The deals' customers (`column` is a customer id).
    TheirCustomers,
}

impl Scope<'_> {
    /// `sql` (its `WHERE` clause last, or before an `ORDER BY`) with the scope's condition on
    /// `column` added, as `admit` says.
    fn narrow(self, sql: &str, column: &str, admit: Admit) -> String {
        let Scope::Deals(ids) = self else {
            return sql.to_string();
        };
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let customers = format!("SELECT customer_id FROM deals WHERE id IN ({list})");
        let condition = match admit {
            Admit::Deals => format!("{column} IN ({list})"),
            Admit::DealsAndTheirCustomers => {
                format!("({column} IN ({list}) OR customer_id IN ({customers}))")
            }
            Admit::TheirCustomers => format!("{column} IN ({customers})"),
        };
        let joint = if sql.contains("WHERE") {
            "AND"
        } else {
            "WHERE"
        };
        match sql.rsplit_once("ORDER BY") {
            Some((head, order)) => format!("{head} {joint} {condition} ORDER BY{order}"),
            None => format!("{sql} {joint} {condition}"),
        }
    }
}

/// One deal as [`DEALS`] reads it.
pub(super) struct DealFacts {
    pub(super) id: i64,
    pub(super) pipeline_id: i64,
    /// The code of its pipeline's first open stage: where a deal with no open stay on record
    /// (an imported closed one) is taken to have spent its life.
    pub(super) first_stage: u8,
    /// The open stage code, or `None` once Won or Lost.
    pub(super) open_stage: Option<u8>,
    pub(super) won: bool,
    pub(super) amount_cents: i64,
    pub(super) created: i64,
    pub(super) closed: Option<i64>,
    pub(super) customer: Option<i64>,
    pub(super) rep: u32,
    pub(super) product: u32,
    pub(super) size: u32,
}

/// A stage change as [`STAGE_CHANGES`] reads it, ordered by deal, day and row id (the fields'
/// order). The day is 32 bits: millions are held at once and 24 bytes a change instead of 32
/// is a quarter less memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Change {
    deal: i64,
    day: i32,
    id: i64,
    /// The open code of the stage left.
    from: Option<u8>,
    /// The open code of the stage entered.
    to: Option<u8>,
}

/// Every deal's history, built by walking the deals (by id) and the changes and activities
/// (sorted by deal) side by side.
pub(super) struct Histories<'a> {
    pub(super) changes: &'a [Change],
    pub(super) activities: &'a [(i64, i64)],
}

impl Histories<'_> {
    /// Fills `h` with the history of `deal`; the cursors move past its changes and activities.
    pub(super) fn next(&mut self, deal: &DealFacts, h: &mut DealHistory) {
        h.created = deal.created;
        h.closed = deal.closed;
        h.stays.clear();
        h.activities.clear();
        let mine = take_deal(&mut self.changes, deal.id, |c| c.deal);
        match mine.first() {
            Some(&Change {
                from: Some(from), ..
            }) => h.stays.push((from, deal.created)),
            None => h.stays.extend(deal.open_stage.map(|s| (s, deal.created))),
            Some(_) => {}
        }
        for change in mine {
            if let Some(to) = change.to {
                let start = if h.stays.is_empty() {
                    deal.created
                } else {
                    i64::from(change.day)
                };
                h.stays.push((to, start));
            }
        }
        if h.stays.is_empty() && deal.closed.is_some() {
            h.stays.push((deal.first_stage, deal.created));
        }
        let mine = take_deal(&mut self.activities, deal.id, |a| a.0);
        h.activities.extend(mine.iter().map(|a| a.1));
    }
}

/// The rows of `deal` at the front of `rows` (sorted by deal), skipping those of earlier
/// deals; `rows` moves past them. A linear walk: the deals come in id order, so each row is
/// looked at once (binary searches over millions of rows cost a cache miss per step).
fn take_deal<'a, T>(rows: &mut &'a [T], deal: i64, id: impl Fn(&T) -> i64) -> &'a [T] {
    let skip = rows.iter().take_while(|r| id(r) < deal).count();
    let rest = &rows[skip..];
    let n = rest.iter().take_while(|r| id(r) == deal).count();
    let (mine, rest) = rest.split_at(n);
    *rows = rest;
    mine
}

/// Per customer, its Won deals' close days and the running total of their amounts, to give
/// any deal its customer's Won revenue closed before the deal was created.
pub(super) struct PriorWon {
    /// Per customer, its range in `days` and `cumulative`.
    ranges: HashMap<i64, (usize, usize)>,
    /// Close days, sorted within each customer's range.
    days: Vec<i64>,
    /// The customer's Won amounts up to and including `days[i]`.
    cumulative: Vec<i64>,
}

impl PriorWon {
    pub(super) fn new(deals: &[DealFacts]) -> PriorWon {
        let mut won: Vec<(i64, i64, i64)> = deals
            .iter()
            .filter(|d| d.won)
            .filter_map(|d| Some((d.customer?, d.closed?, d.amount_cents)))
            .collect();
        won.sort_unstable();
        let mut prior = PriorWon {
            ranges: HashMap::new(),
            days: Vec::with_capacity(won.len()),
            cumulative: Vec::with_capacity(won.len()),
        };
        let mut total = 0i64;
        for (i, &(customer, day, cents)) in won.iter().enumerate() {
            let range = prior.ranges.entry(customer).or_insert((i, i));
            if range.0 == i {
                total = 0;
            }
            range.1 = i + 1;
            total = total.saturating_add(cents);
            prior.days.push(day);
            prior.cumulative.push(total);
        }
        prior
    }

    pub(super) fn before(&self, customer: Option<i64>, day: i64) -> i64 {
        let Some(&(lo, hi)) = customer.and_then(|c| self.ranges.get(&c)) else {
            return 0;
        };
        match self.days[lo..hi].partition_point(|&d| d < day) {
            0 => 0,
            n => self.cumulative[lo + n - 1],
        }
    }
}

/// A categorical read as ids: the level names (`(none)` first, then `id name`) and each id's
/// code.
pub(super) fn id_levels(
    conn: &Connection,
    table: &str,
) -> rusqlite::Result<(Levels, HashMap<i64, u32>)> {
    let mut levels = Levels::new(std::iter::once("(none)".to_string()));
    let mut codes = HashMap::new();
    let sql = format!("SELECT id, id || ' ' || name FROM {table} ORDER BY id");
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let name: String = r.get(1)?;
        codes.insert(r.get(0)?, levels.code(&name));
    }
    Ok((levels, codes))
}

pub(super) fn read_deals(
    conn: &Connection,
    as_of: &str,
    reps: &HashMap<i64, u32>,
    products: &HashMap<i64, u32>,
    catalogue: &Pipelines,
    scope: Scope<'_>,
) -> rusqlite::Result<Vec<DealFacts>> {
    let sizes: HashMap<i64, u32> = conn
        .prepare(&scope.narrow(CUSTOMER_SIZES, "id", Admit::TheirCustomers))?
        .query_map([], |r| Ok((r.get(0)?, size_code(r.get(1)?))))?
        .collect::<rusqlite::Result<_>>()?;
    let unknown = size_code(None);
    let mut stmt = conn.prepare(&scope.narrow(DEALS, "id", Admit::DealsAndTheirCustomers))?;
    let mut rows = stmt.query([as_of])?;
    let mut deals = Vec::new();
    while let Some(r) = rows.next()? {
        let stage = r.get_ref(1)?.as_str().ok();
        let customer: Option<i64> = r.get(5)?;
        let pipeline_id = r.get(8)?;
        deals.push(DealFacts {
            id: r.get(0)?,
            pipeline_id,
            first_stage: catalogue
                .first_open(pipeline_id)
                .and_then(Stage::open_index)
                .and_then(|i| u8::try_from(i).ok())
                .unwrap_or(0),
            open_stage: open_stage(catalogue, pipeline_id, stage),
            won: stage == Some("Won"),
            amount_cents: r.get(2)?,
            created: day_at(r, 3)?,
            closed: optional_day_at(r, 4)?,
            customer,
            rep: reps.get(&r.get::<_, i64>(6)?).copied().unwrap_or(0),
            product: products.get(&r.get::<_, i64>(7)?).copied().unwrap_or(0),
            size: customer
                .and_then(|c| sizes.get(&c).copied())
                .unwrap_or(unknown),
        });
    }
    Ok(deals)
}

/// Every stage change up to `as_of`, sorted; names are read as stages of the deal's pipeline
/// (looked up in `deals` only when the book has more than one).
pub(super) fn read_changes(
    conn: &Connection,
    as_of: &str,
    catalogue: &Pipelines,
    deals: &[DealFacts],
    scope: Scope<'_>,
) -> rusqlite::Result<Vec<Change>> {
    let pipeline_of: HashMap<i64, i64> = match catalogue.pipelines() {
        [_] => HashMap::new(),
        _ => deals.iter().map(|d| (d.id, d.pipeline_id)).collect(),
    };
    let only = catalogue.first_id();
    let mut stmt = conn.prepare(&scope.narrow(STAGE_CHANGES, "deal_id", Admit::Deals))?;
    let mut changes: Vec<Change> = stmt
        .query_map([as_of], |r| {
            let deal: i64 = r.get(0)?;
            let pipeline = pipeline_of.get(&deal).copied().unwrap_or(only);
            Ok(Change {
                deal,
                day: short_day_at(r, 3)?,
                id: r.get(4)?,
                from: open_stage(catalogue, pipeline, r.get_ref(1)?.as_str().ok()),
                to: open_stage(catalogue, pipeline, r.get_ref(2)?.as_str().ok()),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    if !changes.is_sorted() {
        changes.sort_unstable();
    }
    Ok(changes)
}

pub(super) fn read_activities(
    conn: &Connection,
    as_of: &str,
    scope: Scope<'_>,
) -> rusqlite::Result<Vec<(i64, i64)>> {
    let mut stmt = conn.prepare(&scope.narrow(DEAL_ACTIVITIES, "deal_id", Admit::Deals))?;
    let mut activities: Vec<(i64, i64)> = stmt
        .query_map([as_of], |r| Ok((r.get(0)?, day_at(r, 1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if !activities.is_sorted() {
        activities.sort_unstable();
    }
    Ok(activities)
}

/// Size bands in code order.
pub(super) const SIZES: [&str; 4] = ["small", "mid", "enterprise", "unknown"];

/// The code of a customer's size band in [`SIZES`].
fn size_code(employees: Option<i64>) -> u32 {
    let band = size_band(employees);
    SIZES.iter().position(|&s| s == band).unwrap_or(0) as u32
}
