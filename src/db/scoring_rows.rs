//! The scoring models' rows: per deal and stage for win probability (from plain scans walked in
//! memory, see `deal_facts`), per customer for purchase propensity (aggregated by SQLite).
//! Features are named as the design columns are; definitions in `docs/report-scoring.md`.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::{Connection, Row};

use crate::analytics::scoring::{
    Categorical, DealHistory, Features, ModelRows, Numeric, Snapshot, TrainingSet,
    current_snapshot, keep_row, training_snapshots,
};

mod deal_facts;

use deal_facts::{
    DealFacts, Histories, PriorWon, SIZES, epoch_day, id_levels, read_activities, read_changes,
    read_deals,
};

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
    let catalogue = super::pipelines::load(conn)?;
    let deals = read_deals(conn, &at, &rep_codes, &product_codes, &catalogue)?;
    let changes = read_changes(conn, &at, &catalogue, &deals)?;
    let activities = read_activities(conn, &at)?;
    let prior = PriorWon::new(&deals);
    let stages = Levels::new(catalogue.all_open().map(|s| catalogue.long_name(s)));
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
    let (ids, _, _) = if with_current {
        read(as_of, &mut current_columns)?
    } else {
        Default::default()
    };
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
