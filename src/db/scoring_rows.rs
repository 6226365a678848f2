//! The scoring models' rows: per deal and stage for win probability (from plain scans walked in
//! memory, see `deal_facts`), per customer for purchase propensity (aggregated by SQLite).
//! Features are named as the design columns are; definitions in `docs/report-scoring.md`.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::{Connection, Row};

use super::side_reader::read_beside;
use crate::analytics::scoring::{Categorical, Features, ModelRows, Numeric, TrainingSet};

mod days;
mod deal_facts;
mod win;

pub use win::{open_deal_rows, win_rows};

/// Days before the as-of date at which propensity is trained, and the days after the cutoff in
/// which a Won deal makes the label 1.
pub const PROPENSITY_HORIZON_DAYS: u64 = 90;

/// Per customer created by the date ?1: its RFM-type features at ?1 and whether it had a Won
/// deal in the following ?2 days. The Won sums scan the covering index of the Won deals by
/// customer (half the time of a table scan at 1,000,000 deals); the open count scans `deals`
/// whole (`NOT INDEXED`): through an index it fetched every matching row by key, 2–3 times slower.
const CUSTOMER_ROWS: &str = "
    WITH won AS (
        SELECT customer_id,
               MAX(CASE WHEN closed_on <= ?1 THEN closed_on END) AS last_won,
               SUM(closed_on > date(?1, '-365 days') AND closed_on <= ?1) AS deals,
               SUM(CASE WHEN closed_on > date(?1, '-365 days') AND closed_on <= ?1
                        THEN amount_cents ELSE 0 END) AS cents,
               SUM(closed_on > ?1 AND closed_on <= date(?1, '+' || ?2 || ' days')) AS later
        FROM deals INDEXED BY deals_won_by_customer
        WHERE stage = 'Won' AND customer_id IS NOT NULL
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

/// Propensity rows: every customer at the cutoff (`as_of` − 90 days) labelled by a Won deal in
/// the 90 days after it, and every customer at `as_of` to score.
pub fn propensity_rows(conn: &Connection, as_of: NaiveDate) -> rusqlite::Result<ModelRows> {
    propensity_read(conn, as_of, true)
}

/// Only the labelled rows of [`propensity_rows`] (no customers to score are read).
pub fn propensity_training(conn: &Connection, as_of: NaiveDate) -> rusqlite::Result<TrainingSet> {
    Ok(propensity_read(conn, as_of, false)?.training)
}

fn propensity_read(
    conn: &Connection,
    as_of: NaiveDate,
    with_current: bool,
) -> rusqlite::Result<ModelRows> {
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
    let read = |conn: &Connection,
                at: NaiveDate,
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
    let mut current_columns = new_columns();
    // The customers as of today are read beside those at the cutoff.
    let (training, current) = if with_current {
        read_beside(
            conn,
            |conn| read(conn, cutoff, &mut training_columns),
            |other| read(other, as_of, &mut current_columns),
        )
    } else {
        (
            read(conn, cutoff, &mut training_columns),
            Ok(Default::default()),
        )
    };
    let ((_, labels, time), (ids, _, _)) = (training?, current?);
    let all: Vec<usize> = (0..labels.len()).collect();
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
