//! A deterministic demo book of business, so every screen has realistic data to show on first run.
//!
//! The same options always give byte-identical rows: one ChaCha8 stream seeded from
//! [`DemoOptions::seed`] drives every draw, in a fixed order, and the only date the data depends
//! on is [`DemoOptions::as_of`]. Hidden traits (rep skill and diligence, product effects) shape
//! the outcomes so analytics have real signal to find: growth, seasonality, quarter-end peaks,
//! win rates that depend on activity, amount and cycle length, and saturating channel returns.

mod bulk;
mod calendar;
mod channels;
mod clear;
mod company_names;
mod customers;
mod deals;
mod history;
mod names;
mod outcome;
mod pipeline;
mod products;
mod quotas;
mod rows;
mod settings;
mod tasks;
mod team;
mod timing;
mod writer;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rand::SeedableRng;
use rusqlite::{Connection, TransactionBehavior};

use super::{assign_plans, bulk_indexes};
use crate::analytics::monitor::assign::DEFAULT_MINUTES_PER_DAY;
use calendar::Calendar;

/// Tables that get most of the rows; their indexes are rebuilt once at the end.
/// The demo book's one accepted assignment plan was accepted this many days before `as_of`.
const PLAN_DAYS_AGO: u64 = 14;

/// The demo book's open stages: the standard four of a new book's Default pipeline, in order.
const OPEN: [crate::domain::Stage; 4] = [
    crate::domain::Stage::Open(0),
    crate::domain::Stage::Open(1),
    crate::domain::Stage::Open(2),
    crate::domain::Stage::Open(3),
];

/// A demo deal's stage as the book stores it.
fn stage_name(stage: crate::domain::Stage) -> &'static str {
    match stage {
        crate::domain::Stage::Won => "Won",
        crate::domain::Stage::Lost => "Lost",
        crate::domain::Stage::Open(i) => crate::domain::STANDARD_STAGES
            .get(usize::from(i))
            .map_or("Lead", |s| s.0),
    }
}

const BULK_TABLES: [&str; 5] = ["customers", "deals", "stage_changes", "activities", "tasks"];

/// The random stream behind every draw.
type Rng = rand_chacha::ChaCha8Rng;

/// Longest window accepted, in months.
const MAX_MONTHS: u32 = 1_200;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    /// Customers to create (at least 1).
    pub customers: u32,
    /// Deals to create over the window, open ones included (at least 1).
    pub deals: u32,
    /// Months of history, ending with `as_of`'s month (1 to 1,200).
    pub months: u32,
    /// Seed of the random stream; the same seed gives the same data.
    pub seed: u64,
    /// The day the data is "as of": deals closing later are still open.
    pub as_of: NaiveDate,
}

impl DemoOptions {
    /// 2,000 customers, 15,000 deals, 36 months, seed 42, ending at `as_of`.
    pub fn standard(as_of: NaiveDate) -> Self {
        DemoOptions {
            customers: 2_000,
            deals: 15_000,
            months: 36,
            seed: 42,
            as_of,
        }
    }

    /// The calendar these options describe, or why they are invalid.
    fn calendar(&self) -> Result<Calendar, DemoError> {
        let invalid = |why: &str| Err(DemoError::InvalidOptions(why.to_string()));
        if self.customers == 0 {
            return invalid("customers must be at least 1");
        }
        if self.deals == 0 {
            return invalid("deals must be at least 1");
        }
        if self.months == 0 || self.months > MAX_MONTHS {
            return invalid("months must be between 1 and 1200");
        }
        Calendar::new(self.as_of, self.months).ok_or_else(|| {
            DemoError::InvalidOptions(format!("{} is outside the supported dates", self.as_of))
        })
    }
}

/// Row counts written, and how long each phase took (for `salesdesk demo --timings`).
#[derive(Debug, Clone)]
pub struct DemoSummary {
    /// Rows in `reps`.
    pub reps: u64,
    /// Rows in `products`.
    pub products: u64,
    /// Rows in `customers`.
    pub customers: u64,
    /// Rows in `deals`.
    pub deals: u64,
    /// Rows in `stage_changes`.
    pub stage_changes: u64,
    /// Rows in `activities`.
    pub activities: u64,
    /// Rows in `tasks`.
    pub tasks: u64,
    /// Rows in `quotas`.
    pub quotas: u64,
    /// Rows in `channels`.
    pub channels: u64,
    /// Rows in `channel_months`.
    pub channel_months: u64,
    /// Each phase of the run, in order, with its wall-clock time.
    pub phases: Vec<(&'static str, Duration)>,
}

/// Why no demo data was written.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The database already has data and `force` was not given.
    #[error("the database already holds data ({rows} rows); use --force to replace it")]
    NotEmpty {
        /// Rows found in the book-of-business tables.
        rows: u64,
    },
    /// The options cannot produce a book of business.
    #[error("invalid demo options: {0}")]
    InvalidOptions(String),
    /// SQLite failed; the transaction was rolled back.
    #[error("cannot write the demo data: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// Fills `conn` with a demo book of business in ONE transaction. Refuses a non-empty database
/// unless `force`, in which case it deletes every existing row (all tables, in FK-safe order,
/// inside the same transaction) first. On any error nothing is written.
///
/// For speed the indexes of the big tables are rebuilt once at the end (same transaction, same
/// SQL), foreign keys are not checked row by row, and a new book's commit is not synced; the
/// connection's settings are put back before returning. Call it outside a transaction.
pub fn generate(
    conn: &mut Connection,
    opts: &DemoOptions,
    force: bool,
) -> Result<DemoSummary, DemoError> {
    let cal = opts.calendar()?;
    let new = clear::count_rows(conn)? == 0;
    let settings = settings::Settings::bulk(conn, new)?;
    let result = fill(conn, opts, &cal, force);
    let restored = settings.restore(conn);
    let summary = result?;
    restored?;
    Ok(summary)
}

/// Rows in the book-of-business tables (0 means empty).
pub fn row_count(conn: &Connection) -> Result<u64, rusqlite::Error> {
    clear::count_rows(conn)
}

/// The transaction of [`generate`]: clear, write every table, commit.
fn fill(
    conn: &mut Connection,
    opts: &DemoOptions,
    cal: &Calendar,
    force: bool,
) -> Result<DemoSummary, DemoError> {
    let mut clock = Phases::start();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let rows = clear::count_rows(&tx)?;
    if rows > 0 {
        if !force {
            return Err(DemoError::NotEmpty { rows });
        }
        clear::delete_all(&tx)?;
    }
    let deferred = bulk_indexes::drop_indexes(&tx, &BULK_TABLES, &[])?;
    clock.lap("clear");
    let mut rng = Rng::seed_from_u64(opts.seed);
    let lists = names::Lists::load();
    let team = team::write_team(&tx, &mut rng, cal, &lists)?;
    let products = products::write_products(&tx)?;
    clock.lap("reps and products");
    let book = customers::write_customers(&tx, &mut rng, cal, &team, &lists, opts.customers)?;
    clock.lap("customers");
    let deals = pipeline::write_deals(&tx, &mut rng, cal, &team, &book, opts.deals)?;
    clock.lap("deals");
    bulk_indexes::rebuild(&tx, &deferred)?;
    clock.lap("indexes");
    let quotas = quotas::write_quotas(&tx, cal, &team, &deals.won)?;
    let (channels, channel_months) = channels::write_channels(&tx, &mut rng, cal)?;
    let plan_day = opts.as_of - chrono::Days::new(PLAN_DAYS_AGO);
    assign_plans::store_past(&tx, plan_day, DEFAULT_MINUTES_PER_DAY)?;
    clock.lap("quotas, channels, plan");
    tx.commit()?;
    clock.lap("commit");
    Ok(DemoSummary {
        reps: team.reps.len() as u64,
        products,
        customers: book.customers.len() as u64,
        deals: deals.written.deals,
        stage_changes: deals.written.stage_changes,
        activities: deals.written.activities,
        tasks: deals.written.tasks,
        quotas,
        channels,
        channel_months,
        phases: clock.list,
    })
}

/// Wall-clock time of each phase.
struct Phases {
    started: Instant,
    list: Vec<(&'static str, Duration)>,
}

impl Phases {
    fn start() -> Self {
        Phases {
            started: Instant::now(),
            list: Vec::new(),
        }
    }

    /// Records the time since the previous lap under `name`.
    fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.list.push((name, now - self.started));
        self.started = now;
    }
}
