//! The scoring models' rows, aggregated by SQLite: per deal for win probability, per customer
//! for purchase propensity. Features are named as the design columns are; definitions in
//! `docs/report-scoring.md`.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::{Connection, Row};

use crate::analytics::scoring::{
    Categorical, DealHistory, Features, ModelRows, Numeric, Snapshot, TrainingSet,
    current_snapshot, keep_row, training_snapshots,
};
use crate::domain::Stage;

/// Days before the as-of date at which propensity is trained, and the days after the cutoff in
/// which a Won deal makes the label 1.
pub const PROPENSITY_HORIZON_DAYS: u64 = 90;

/// Per deal created by the as-of date (?1) and not closed after it: its stage, amount, dates
/// of creation and close, customer, rep and product. One scan of `deals`.
const DEALS: &str = "
    SELECT id, stage, amount_cents, created_on, closed_on, customer_id, COALESCE(rep_id, 0),
           COALESCE(product_id, 0)
    FROM deals
    WHERE created_on <= ?1 AND (closed_on IS NULL OR closed_on <= ?1)
    ORDER BY id";

/// Every customer's employees, for its size band: one scan instead of a look-up per deal.
const CUSTOMER_SIZES: &str = "SELECT id, employees FROM customers";

/// Every stage change up to ?1, in one scan (sorted by deal and time in memory).
const STAGE_CHANGES: &str = "
    SELECT deal_id, from_stage, to_stage, changed_on, id
    FROM stage_changes WHERE changed_on <= ?1";

/// Every deal activity up to ?1, in one scan (sorted by deal and day in memory).
const DEAL_ACTIVITIES: &str = "
    SELECT deal_id, happened_on FROM activities
    WHERE deal_id IS NOT NULL AND happened_on <= ?1";

/// Per customer created by the date ?1: its RFM-type features at ?1 and whether it had a Won
/// deal in the following ?2 days. The deal aggregates scan `deals` whole (`NOT INDEXED`): through
/// an index they fetched every matching row by key, 2–3 times slower at 1,000,000 deals.
const CUSTOMER_ROWS: &str = "
    WITH won AS (
        SELECT customer_id,
               MAX(CASE WHEN closed_on <= ?1 THEN closed_on END) AS last_won,
               SUM(closed_on > date(?1, '-365 days') AND closed_on <= ?1) AS deals,
               SUM(CASE WHEN closed_on > date(?1, '-365 days') AND closed_on <= ?1
                        THEN amount_cents ELSE 0 END) AS cents,
               SUM(closed_on > ?1 AND closed_on <= date(?1, '+' || ?2 || ' days')) AS later
        FROM deals NOT INDEXED WHERE stage = 'Won' AND customer_id IS NOT NULL
        GROUP BY customer_id),
    open AS (
        SELECT customer_id, COUNT(*) AS n FROM deals NOT INDEXED
        WHERE created_on <= ?1 AND (closed_on IS NULL OR closed_on > ?1)
        GROUP BY customer_id),
    touched AS (
        SELECT customer_id, COUNT(*) AS n FROM activities
        WHERE happened_on > date(?1, '-90 days') AND happened_on <= ?1
        GROUP BY customer_id)
    SELECT c.id, julianday(?1) - julianday(COALESCE(won.last_won, c.created_on)),
           won.last_won IS NOT NULL, COALESCE(won.deals, 0), COALESCE(won.cents, 0),
           COALESCE(open.n, 0), COALESCE(touched.n, 0),
           julianday(?1) - julianday(c.created_on), c.employees, c.industry, c.region,
           COALESCE(won.later, 0) > 0, CAST(julianday(c.created_on) AS INTEGER)
    FROM customers c
    LEFT JOIN won ON won.customer_id = c.id
    LEFT JOIN open ON open.customer_id = c.id
    LEFT JOIN touched ON touched.customer_id = c.id
    WHERE c.created_on <= ?1
    ORDER BY c.id";

/// Levels of a categorical read from the database: a name per code, level 0 first.
#[derive(Debug, Default)]
struct Levels {
    names: Vec<String>,
    codes: HashMap<String, u32>,
}

impl Levels {
    fn new(names: impl IntoIterator<Item = String>) -> Levels {
        let mut levels = Levels::default();
        for name in names {
            levels.code(&name);
        }
        levels
    }

    fn code(&mut self, name: &str) -> u32 {
        if let Some(&code) = self.codes.get(name) {
            return code;
        }
        let code = self.names.len() as u32;
        self.names.push(name.to_string());
        self.codes.insert(name.to_string(), code);
        code
    }
}

/// Columns filled row by row, then split into the labelled and the current rows.
struct Columns {
    numeric: Vec<(&'static str, Vec<f64>)>,
    categorical: Vec<(&'static str, Levels, Vec<u32>)>,
}

impl Columns {
    fn new(numeric: &[&'static str], categorical: Vec<(&'static str, Levels)>) -> Columns {
        Columns {
            numeric: numeric.iter().map(|&n| (n, Vec::new())).collect(),
            categorical: categorical
                .into_iter()
                .map(|(n, l)| (n, l, Vec::new()))
                .collect(),
        }
    }

    fn push(&mut self, numeric: &[f64], categorical: &[&str]) {
        for ((_, col), &v) in self.numeric.iter_mut().zip(numeric) {
            col.push(v);
        }
        for ((_, levels, col), &v) in self.categorical.iter_mut().zip(categorical) {
            col.push(levels.code(v));
        }
    }

    fn push_codes(&mut self, numeric: &[f64], codes: &[u32]) {
        for ((_, col), &v) in self.numeric.iter_mut().zip(numeric) {
            col.push(v);
        }
        for ((_, _, col), &c) in self.categorical.iter_mut().zip(codes) {
            col.push(c);
        }
    }

    fn into_features(self) -> Features {
        Features {
            numeric: self
                .numeric
                .into_iter()
                .map(|(name, values)| Numeric {
                    name: name.into(),
                    values,
                })
                .collect(),
            categorical: self
                .categorical
                .into_iter()
                .map(|(name, levels, codes)| Categorical {
                    name: name.into(),
                    levels: levels.names,
                    codes,
                })
                .collect(),
        }
    }

    fn features(&self, rows: &[usize]) -> Features {
        Features {
            numeric: self
                .numeric
                .iter()
                .map(|(name, col)| Numeric {
                    name: (*name).into(),
                    values: rows.iter().map(|&i| col[i]).collect(),
                })
                .collect(),
            categorical: self
                .categorical
                .iter()
                .map(|(name, levels, col)| Categorical {
                    name: (*name).into(),
                    levels: levels.names.clone(),
                    codes: rows.iter().map(|&i| col[i]).collect(),
                })
                .collect(),
        }
    }
}

/// A customer's size band by employees.
fn size_band(employees: Option<i64>) -> &'static str {
    match employees {
        None => "unknown",
        Some(n) if n < 50 => "small",
        Some(n) if n < 500 => "mid",
        Some(_) => "enterprise",
    }
}

fn ln_money(cents: i64) -> f64 {
    (cents.max(0) as f64 / 100.0).ln_1p()
}

fn names(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<String>> {
    conn.prepare(sql)?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect()
}

/// The open stage code (Lead 0 … Negotiation 3) of a stage name.
fn open_stage(name: Option<&str>) -> Option<u8> {
    let name = name?;
    Stage::OPEN
        .iter()
        .position(|s| s.as_str() == name)
        .map(|i| i as u8)
}

/// The days since the epoch of a date.
fn epoch_day(date: NaiveDate) -> i64 {
    date.signed_duration_since(NaiveDate::default()).num_days()
}

/// The days since the epoch of an ISO date column; a value that is not a date is an error
/// naming the column, not a silent zero. Plain `YYYY-MM-DD` (every date the desk writes) is
/// read digit by digit — millions of dates are read per fit and chrono's general parser was a
/// tenth of the time — anything else goes through chrono.
fn day_at(r: &Row<'_>, i: usize) -> rusqlite::Result<i64> {
    let text = r.get_ref(i)?.as_str()?;
    if let Some(date) = plain_iso_date(text.as_bytes()) {
        return Ok(epoch_day(date));
    }
    text.parse::<NaiveDate>().map(epoch_day).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A `YYYY-MM-DD` date, or `None` for any other text.
fn plain_iso_date(b: &[u8]) -> Option<NaiveDate> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *b else {
        return None;
    };
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(number(&[y0, y1, y2, y3])?).ok()?,
        number(&[m0, m1])?,
        number(&[d0, d1])?,
    )
}

/// [`day_at`] for a column that may be NULL.
fn optional_day_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<i64>> {
    match r.get_ref(i)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        _ => day_at(r, i).map(Some),
    }
}

/// One deal as [`DEALS`] reads it.
struct DealFacts {
    id: i64,
    /// The open stage code, or `None` once Won or Lost.
    open_stage: Option<u8>,
    won: bool,
    amount_cents: i64,
    created: i64,
    closed: Option<i64>,
    customer: Option<i64>,
    rep: u32,
    product: u32,
    size: u32,
}

/// A stage change as [`STAGE_CHANGES`] reads it: deal, day, row id, from and to (open codes).
type Change = (i64, i64, i64, Option<u8>, Option<u8>);

/// Every deal's history, built by walking the deals (by id) and the changes and activities
/// (sorted by deal) side by side.
struct Histories<'a> {
    changes: &'a [Change],
    activities: &'a [(i64, i64)],
}

impl Histories<'_> {
    /// Fills `h` with the history of `deal`; the cursors move past its changes and activities.
    fn next(&mut self, deal: &DealFacts, h: &mut DealHistory) {
        h.created = deal.created;
        h.closed = deal.closed;
        h.stays.clear();
        h.activities.clear();
        let mine = take_deal(&mut self.changes, deal.id, |c| c.0);
        match mine.first() {
            Some(&(_, _, _, Some(from), _)) => h.stays.push((from, deal.created)),
            None => h.stays.extend(deal.open_stage.map(|s| (s, deal.created))),
            Some(_) => {}
        }
        for &(_, day, _, _, to) in mine {
            if let Some(to) = to {
                let start = if h.stays.is_empty() {
                    deal.created
                } else {
                    day
                };
                h.stays.push((to, start));
            }
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
struct PriorWon {
    /// Per customer, its range in `days` and `cumulative`.
    ranges: HashMap<i64, (usize, usize)>,
    /// Close days, sorted within each customer's range.
    days: Vec<i64>,
    /// The customer's Won amounts up to and including `days[i]`.
    cumulative: Vec<i64>,
}

impl PriorWon {
    fn new(deals: &[DealFacts]) -> PriorWon {
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

    fn before(&self, customer: Option<i64>, day: i64) -> i64 {
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
fn id_levels(conn: &Connection, table: &str) -> rusqlite::Result<(Levels, HashMap<i64, u32>)> {
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

fn read_deals(
    conn: &Connection,
    as_of: &str,
    reps: &HashMap<i64, u32>,
    products: &HashMap<i64, u32>,
) -> rusqlite::Result<Vec<DealFacts>> {
    let sizes: HashMap<i64, u32> = conn
        .prepare(CUSTOMER_SIZES)?
        .query_map([], |r| Ok((r.get(0)?, size_code(r.get(1)?))))?
        .collect::<rusqlite::Result<_>>()?;
    let unknown = size_code(None);
    let mut stmt = conn.prepare(DEALS)?;
    let mut rows = stmt.query([as_of])?;
    let mut deals = Vec::new();
    while let Some(r) = rows.next()? {
        let stage = r.get_ref(1)?.as_str().ok();
        let customer: Option<i64> = r.get(5)?;
        deals.push(DealFacts {
            id: r.get(0)?,
            open_stage: open_stage(stage),
            won: stage == Some(Stage::Won.as_str()),
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

fn read_changes(conn: &Connection, as_of: &str) -> rusqlite::Result<Vec<Change>> {
    let mut stmt = conn.prepare(STAGE_CHANGES)?;
    let mut changes: Vec<Change> = stmt
        .query_map([as_of], |r| {
            Ok((
                r.get(0)?,
                day_at(r, 3)?,
                r.get(4)?,
                open_stage(r.get_ref(1)?.as_str().ok()),
                open_stage(r.get_ref(2)?.as_str().ok()),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    if !changes.is_sorted() {
        changes.sort_unstable();
    }
    Ok(changes)
}

fn read_activities(conn: &Connection, as_of: &str) -> rusqlite::Result<Vec<(i64, i64)>> {
    let mut stmt = conn.prepare(DEAL_ACTIVITIES)?;
    let mut activities: Vec<(i64, i64)> = stmt
        .query_map([as_of], |r| Ok((r.get(0)?, day_at(r, 1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if !activities.is_sorted() {
        activities.sort_unstable();
    }
    Ok(activities)
}

/// Size bands in code order.
const SIZES: [&str; 4] = ["small", "mid", "enterprise", "unknown"];

/// The code of a customer's size band in [`SIZES`].
fn size_code(employees: Option<i64>) -> u32 {
    let band = size_band(employees);
    SIZES.iter().position(|&s| s == band).unwrap_or(0) as u32
}

/// Win-probability rows as of `as_of`: for every closed deal a row per open stage it passed
/// through, labelled Won = 1, Lost = 0, with the features as they were at that stage (see
/// [`training_snapshots`]); and the open deals to score, at their stage today. When there are
/// more than `max_rows` training rows, a deterministic uniform sample of about `max_rows` is
/// kept. Four plain scans; everything per deal is computed in memory.
pub fn win_rows(
    conn: &Connection,
    as_of: NaiveDate,
    max_rows: usize,
) -> rusqlite::Result<ModelRows> {
    let at = as_of.to_string();
    let (reps, rep_codes) = id_levels(conn, "reps")?;
    let (products, product_codes) = id_levels(conn, "products")?;
    let deals = read_deals(conn, &at, &rep_codes, &product_codes)?;
    let changes = read_changes(conn, &at)?;
    let activities = read_activities(conn, &at)?;
    let prior = PriorWon::new(&deals);
    let stages = Levels::new(Stage::OPEN.map(|s| s.as_str().to_string()));
    let new_columns = |reps: Levels, products: Levels| {
        Columns::new(
            &["ln_amount", "cycle_days", "prior_won_ln", "activities"],
            vec![
                ("stage_reached", Levels::new(stages.names.clone())),
                ("rep", reps),
                ("product", products),
                ("size", Levels::new(SIZES.map(String::from))),
            ],
        )
    };
    let walk = |visit: &mut dyn FnMut(&DealFacts, &DealHistory)| {
        let mut cursor = Histories {
            changes: &changes,
            activities: &activities,
        };
        let mut h = DealHistory::default();
        for deal in &deals {
            cursor.next(deal, &mut h);
            visit(deal, &h);
        }
    };
    let mut total = 0usize;
    walk(&mut |_, h| total += training_snapshots(h).len());
    let share = max_rows as f64 / total.max(1) as f64;
    let mut training = new_columns(
        Levels::new(reps.names.clone()),
        Levels::new(products.names.clone()),
    );
    let mut current = new_columns(reps, products);
    let (mut labels, mut time, mut ids) = (Vec::new(), Vec::new(), Vec::new());
    let (mut won, mut lost) = (0usize, 0usize);
    let today = epoch_day(as_of);
    walk(&mut |deal, h| {
        let amount = ln_money(deal.amount_cents);
        let prior_won = ln_money(prior.before(deal.customer, deal.created));
        let fixed = |s: &Snapshot| {
            (
                [amount, s.cycle_days, prior_won, f64::from(s.activities)],
                [u32::from(s.stage), deal.rep, deal.product, deal.size],
            )
        };
        match (deal.open_stage, deal.closed) {
            (Some(stage), None) => {
                let (numeric, codes) = fixed(&current_snapshot(h, stage, today));
                current.push_codes(&numeric, &codes);
                ids.push(deal.id);
            }
            (_, Some(closed)) => {
                if deal.won {
                    won += 1;
                } else {
                    lost += 1;
                }
                for s in training_snapshots(h) {
                    if keep_row(deal.id, s.stage, share) {
                        let (numeric, codes) = fixed(&s);
                        training.push_codes(&numeric, &codes);
                        labels.push(deal.won);
                        time.push(closed);
                    }
                }
            }
            (None, None) => {}
        }
    });
    Ok(ModelRows {
        training: TrainingSet {
            features: training.into_features(),
            labels,
            time,
            examples: Some((won, lost)),
        },
        ids,
        current: current.into_features(),
    })
}

/// Propensity rows: every customer at the cutoff (`as_of` − 90 days) labelled by a Won deal in
/// the 90 days after it, and every customer at `as_of` to score.
pub fn propensity_rows(conn: &Connection, as_of: NaiveDate) -> rusqlite::Result<ModelRows> {
    let cutoff = as_of
        .checked_sub_days(Days::new(PROPENSITY_HORIZON_DAYS))
        .unwrap_or(as_of);
    let industries = names(
        conn,
        "SELECT DISTINCT industry FROM customers ORDER BY industry",
    )?;
    let regions = names(
        conn,
        "SELECT DISTINCT region FROM customers ORDER BY region",
    )?;
    let new_columns = || {
        Columns::new(
            &[
                "recency_days",
                "won_deals_12m",
                "won_ln_12m",
                "open_deals",
                "activities_90d",
                "tenure_days",
            ],
            vec![
                ("has_bought", Levels::new(["no", "yes"].map(String::from))),
                (
                    "size",
                    Levels::new(["small", "mid", "enterprise", "unknown"].map(String::from)),
                ),
                ("industry", Levels::new(industries.clone())),
                ("region", Levels::new(regions.clone())),
            ],
        )
    };
    let read = |at: NaiveDate,
                columns: &mut Columns|
     -> rusqlite::Result<(Vec<i64>, Vec<bool>, Vec<i64>)> {
        let mut stmt = conn.prepare(CUSTOMER_ROWS)?;
        let mut rows = stmt.query((at.to_string(), PROPENSITY_HORIZON_DAYS as i64))?;
        let (mut ids, mut labels, mut time) = (Vec::new(), Vec::new(), Vec::new());
        while let Some(r) = rows.next()? {
            push_customer(r, columns)?;
            ids.push(r.get(0)?);
            labels.push(r.get(11)?);
            time.push(r.get(12)?);
        }
        Ok((ids, labels, time))
    };
    let mut training_columns = new_columns();
    let (_, labels, time) = read(cutoff, &mut training_columns)?;
    let all: Vec<usize> = (0..labels.len()).collect();
    let mut current_columns = new_columns();
    let (ids, _, _) = read(as_of, &mut current_columns)?;
    let current: Vec<usize> = (0..ids.len()).collect();
    Ok(ModelRows {
        training: TrainingSet {
            features: training_columns.features(&all),
            labels,
            time,
            examples: None,
        },
        ids,
        current: current_columns.features(&current),
    })
}

fn push_customer(r: &Row<'_>, columns: &mut Columns) -> rusqlite::Result<()> {
    let has_bought: bool = r.get(2)?;
    let industry: String = r.get(9)?;
    let region: String = r.get(10)?;
    columns.push(
        &[
            r.get(1)?,
            r.get::<_, i64>(3)? as f64,
            ln_money(r.get(4)?),
            r.get::<_, i64>(5)? as f64,
            r.get::<_, i64>(6)? as f64,
            r.get(7)?,
        ],
        &[
            if has_bought { "yes" } else { "no" },
            size_band(r.get(8)?),
            &industry,
            &region,
        ],
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_iso_dates_are_read_and_anything_else_is_left_to_chrono() {
        assert_eq!(
            plain_iso_date(b"2026-02-28"),
            NaiveDate::from_ymd_opt(2026, 2, 28)
        );
        assert_eq!(plain_iso_date(b"2026-02-30"), None);
        assert_eq!(plain_iso_date(b"2026-2-28"), None);
        assert_eq!(plain_iso_date(b"2026-02-2x"), None);
        assert_eq!(epoch_day(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 1);
    }
}
