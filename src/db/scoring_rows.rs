//! The scoring models' rows, aggregated by SQLite: per deal for win probability, per customer
//! for purchase propensity. Features are named as the design columns are; definitions in
//! `docs/report-scoring.md`.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::{Connection, Row};

use crate::analytics::scoring::{Categorical, Features, ModelRows, Numeric, TrainingSet};

/// Days before the as-of date at which propensity is trained, and the days after the cutoff in
/// which a Won deal makes the label 1.
pub const PROPENSITY_HORIZON_DAYS: u64 = 90;

/// Per deal created by the as-of date (?1) and not closed after it: outcome, amount, cycle
/// days (to the close, or to ?1 for an open deal), the last open stage reached, rep, product,
/// customer size, the customer's Won revenue before the deal was created, activities up to the
/// close, and the day the outcome became known.
const DEAL_ROWS: &str = "
    SELECT d.id, d.stage, d.amount_cents,
           julianday(COALESCE(d.closed_on, ?1)) - julianday(d.created_on),
           CASE WHEN d.stage IN ('Won', 'Lost')
                THEN (SELECT sc.from_stage FROM stage_changes sc
                      WHERE sc.deal_id = d.id AND sc.to_stage = d.stage
                      ORDER BY sc.changed_on DESC LIMIT 1)
                ELSE d.stage END,
           COALESCE(d.rep_id, 0), COALESCE(d.product_id, 0), c.employees,
           (SELECT COALESCE(SUM(p.amount_cents), 0) FROM deals p
            WHERE p.customer_id = d.customer_id AND p.stage = 'Won'
              AND p.closed_on < d.created_on),
           (SELECT COUNT(*) FROM activities a
            WHERE a.deal_id = d.id AND a.happened_on <= COALESCE(d.closed_on, ?1)),
           CAST(julianday(COALESCE(d.closed_on, ?1)) AS INTEGER)
    FROM deals d LEFT JOIN customers c ON c.id = d.customer_id
    WHERE d.created_on <= ?1 AND (d.closed_on IS NULL OR d.closed_on <= ?1)
    ORDER BY d.id";

/// Per customer created by the date ?1: its RFM-type features at ?1 and whether it had a Won
/// deal in the following ?2 days.
const CUSTOMER_ROWS: &str = "
    WITH won AS (
        SELECT customer_id,
               MAX(CASE WHEN closed_on <= ?1 THEN closed_on END) AS last_won,
               SUM(closed_on > date(?1, '-365 days') AND closed_on <= ?1) AS deals,
               SUM(CASE WHEN closed_on > date(?1, '-365 days') AND closed_on <= ?1
                        THEN amount_cents ELSE 0 END) AS cents,
               SUM(closed_on > ?1 AND closed_on <= date(?1, '+' || ?2 || ' days')) AS later
        FROM deals WHERE stage = 'Won' AND customer_id IS NOT NULL GROUP BY customer_id),
    open AS (
        SELECT customer_id, COUNT(*) AS n FROM deals
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

/// Win-probability rows as of `as_of`: closed deals labelled Won = 1, Lost = 0, and the open
/// deals to score.
pub fn win_rows(conn: &Connection, as_of: NaiveDate) -> rusqlite::Result<ModelRows> {
    let reps = Levels::new(std::iter::once("(none)".to_string()).chain(names(
        conn,
        "SELECT id || ' ' || name FROM reps ORDER BY id",
    )?));
    let products = Levels::new(std::iter::once("(none)".to_string()).chain(names(
        conn,
        "SELECT id || ' ' || name FROM products ORDER BY id",
    )?));
    let rep_label: HashMap<i64, String> = reps
        .names
        .iter()
        .filter_map(|n| Some((n.split(' ').next()?.parse().ok()?, n.clone())))
        .collect();
    let product_label: HashMap<i64, String> = products
        .names
        .iter()
        .filter_map(|n| Some((n.split(' ').next()?.parse().ok()?, n.clone())))
        .collect();
    let stages = Levels::new(["Lead", "Qualified", "Proposal", "Negotiation"].map(String::from));
    let sizes = Levels::new(["small", "mid", "enterprise", "unknown"].map(String::from));
    let mut columns = Columns::new(
        &["ln_amount", "cycle_days", "prior_won_ln", "activities"],
        vec![
            ("stage_reached", stages),
            ("rep", reps),
            ("product", products),
            ("size", sizes),
        ],
    );
    let mut labels = Vec::new();
    let mut time = Vec::new();
    let mut closed = Vec::new();
    let mut open = Vec::new();
    let mut ids = Vec::new();
    let mut stmt = conn.prepare(DEAL_ROWS)?;
    let mut rows = stmt.query([as_of.to_string()])?;
    while let Some(r) = rows.next()? {
        let i = ids.len();
        let stage: String = r.get(1)?;
        let reached: Option<String> = r.get(4)?;
        let rep = rep_label
            .get(&r.get::<_, i64>(5)?)
            .map_or("(none)", |s| s.as_str());
        let product = product_label
            .get(&r.get::<_, i64>(6)?)
            .map_or("(none)", |s| s.as_str());
        columns.push(
            &[
                ln_money(r.get(2)?),
                r.get::<_, f64>(3)?,
                ln_money(r.get(8)?),
                r.get::<_, i64>(9)? as f64,
            ],
            &[
                reached.as_deref().unwrap_or("Lead"),
                rep,
                product,
                size_band(r.get(7)?),
            ],
        );
        ids.push(r.get::<_, i64>(0)?);
        match stage.as_str() {
            "Won" | "Lost" => {
                closed.push(i);
                labels.push(stage == "Won");
                time.push(r.get::<_, i64>(10)?);
            }
            _ => open.push(i),
        }
    }
    Ok(ModelRows {
        training: TrainingSet {
            features: columns.features(&closed),
            labels,
            time,
        },
        ids: open.iter().map(|&i| ids[i]).collect(),
        current: columns.features(&open),
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
