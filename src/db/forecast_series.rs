//! The forecast's inputs, aggregated by SQLite: Won bookings per calendar month and the
//! weighted open pipeline per expected close month (and of deals with none), for the total and
//! every rep, product, team and pipeline. Each query scans the deals once into (month, rep,
//! product) cells and rolls the cells up four ways, so a million deals never travel into Rust;
//! a book with several pipelines is summed per pipeline by three more queries.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::types::Type;
use rusqlite::{Connection, Row};

use crate::analytics::forecast::{Breakdown, GroupBookings};
use crate::domain::Month;

/// Name of the rep group of deals without a rep (and of the product group without a product).
const NO_REP: &str = "(no rep)";
const NO_PRODUCT: &str = "(no product)";
const NO_TEAM: &str = "(no team)";

/// Won amounts closed before the as-of month (?1, `YYYY-MM`) per month, rep and product, in
/// cents; read in order from the index `deals_won_by_month`.
const WON_CELLS: &str = "
    SELECT substr(closed_on, 1, 7) AS month, rep_id, product_id, SUM(amount_cents) AS cents
    FROM deals
    WHERE stage = 'Won' AND substr(closed_on, 1, 7) < ?1
    GROUP BY substr(closed_on, 1, 7), rep_id, product_id";

/// Open deals created by the as-of date (?2): Σ amount in cents × probability in basis points
/// (the deal's own, else its stage's) per expected close month, rep and product; overdue months
/// count in the as-of month (?1). Read in order from the index `deals_open_by_close_month`.
const PIPELINE_CELLS: &str = "
    SELECT max(substr(d.expected_close_on, 1, 7), ?1) AS month, d.rep_id, d.product_id,
           SUM(d.amount_cents * COALESCE(d.probability_bp, s.probability_bp, 0)) AS cents
    FROM deals d INDEXED BY deals_open_by_close_month
    LEFT JOIN stages s ON s.pipeline_id = d.pipeline_id AND s.name = d.stage
    WHERE d.closed_on IS NULL
      AND d.created_on <= ?2 AND substr(d.expected_close_on, 1, 7) IS NOT NULL
    GROUP BY substr(d.expected_close_on, 1, 7), d.rep_id, d.product_id";

/// The same weighted sum over open deals with no expected close date, per rep and product;
/// every row carries the as-of month (?1) only so it reads like the dated cells.
const UNDATED_CELLS: &str = "
    SELECT ?1 AS month, d.rep_id, d.product_id,
           SUM(d.amount_cents * COALESCE(d.probability_bp, s.probability_bp, 0)) AS cents
    FROM deals d
    LEFT JOIN stages s ON s.pipeline_id = d.pipeline_id AND s.name = d.stage
    WHERE d.closed_on IS NULL
      AND d.created_on <= ?2 AND d.expected_close_on IS NULL
    GROUP BY d.rep_id, d.product_id";

/// Won bookings per month and pipeline (before the as-of month ?1), as rolled-up rows of
/// breakdown 4.
const WON_BY_PIPELINE: &str = "
    SELECT 4, pipeline_id, NULL, substr(closed_on, 1, 7) AS month, SUM(amount_cents)
    FROM deals
    WHERE stage = 'Won' AND substr(closed_on, 1, 7) < ?1
    GROUP BY pipeline_id, month";

/// The weighted open pipeline per expected close month and pipeline, like [`PIPELINE_CELLS`].
const PIPELINE_BY_PIPELINE: &str = "
    SELECT 4, d.pipeline_id, NULL, max(substr(d.expected_close_on, 1, 7), ?1) AS month,
           SUM(d.amount_cents * COALESCE(d.probability_bp, s.probability_bp, 0))
    FROM deals d
    LEFT JOIN stages s ON s.pipeline_id = d.pipeline_id AND s.name = d.stage
    WHERE d.closed_on IS NULL
      AND d.created_on <= ?2 AND substr(d.expected_close_on, 1, 7) IS NOT NULL
    GROUP BY d.pipeline_id, month";

/// The weighted open pipeline without a close date per pipeline, like [`UNDATED_CELLS`].
const UNDATED_BY_PIPELINE: &str = "
    SELECT 4, d.pipeline_id, NULL, ?1 AS month,
           SUM(d.amount_cents * COALESCE(d.probability_bp, s.probability_bp, 0))
    FROM deals d
    LEFT JOIN stages s ON s.pipeline_id = d.pipeline_id AND s.name = d.stage
    WHERE d.closed_on IS NULL
      AND d.created_on <= ?2 AND d.expected_close_on IS NULL
    GROUP BY d.pipeline_id";

/// The cells rolled up to the total (0), per rep (1), per product (2) and per team (3):
/// rows of (breakdown, id, team, month, cents).
fn rolled_up(cells: &str) -> String {
    format!(
        "WITH cell AS MATERIALIZED ({cells})
         SELECT 0, NULL, NULL, month, SUM(cents) FROM cell GROUP BY month
         UNION ALL
         SELECT 1, rep_id, NULL, month, SUM(cents) FROM cell GROUP BY rep_id, month
         UNION ALL
         SELECT 2, product_id, NULL, month, SUM(cents) FROM cell GROUP BY product_id, month
         UNION ALL
         SELECT 3, NULL, r.team, cell.month, SUM(cell.cents)
         FROM cell LEFT JOIN reps r ON r.id = cell.rep_id GROUP BY r.team, cell.month"
    )
}

/// Identifies a group within its breakdown: a rep or product id, a team name; `None` for the
/// total and for deals without a rep or product.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum GroupKey {
    Total,
    Id(Breakdown, Option<i64>),
    Team(Option<String>),
}

/// Every group's month sums as of `as_of`: the total, each rep (by id), each product (by id),
/// each team (by name), and a group for deals without a rep or product when there are any.
/// Groups with no Won deal are included with no months, so the screen can say so.
pub fn load_bookings(conn: &Connection, as_of: NaiveDate) -> rusqlite::Result<Vec<GroupBookings>> {
    let as_of_month = Month::containing(as_of).to_string();
    let mut groups = named_groups(conn)?;
    let mut index: HashMap<GroupKey, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (key.clone(), i))
        .collect();
    let mut group_of = |key: GroupKey, groups: &mut Vec<(GroupKey, GroupBookings)>| {
        *index.entry(key.clone()).or_insert_with(|| {
            groups.push((key.clone(), unnamed_group(&key)));
            groups.len() - 1
        })
    };
    let several = conn.query_row("SELECT COUNT(*) > 1 FROM pipelines", [], |r| r.get(0))?;
    let sums = |sql: String, params: &[&str]| -> rusqlite::Result<Vec<(GroupKey, Month, i64)>> {
        conn.prepare(&sql)?
            .query_map(rusqlite::params_from_iter(params), cell_row)?
            .collect()
    };
    let both = |cells: &str, by_pipeline: &str| match several {
        true => format!("{} UNION ALL {by_pipeline}", rolled_up(cells)),
        false => rolled_up(cells),
    };
    let today = as_of.to_string();
    let won = sums(both(WON_CELLS, WON_BY_PIPELINE), &[&as_of_month])?;
    for (key, month, cents) in won {
        let i = group_of(key, &mut groups);
        groups[i].1.won.push((month, cents));
    }
    let pipeline = sums(
        both(PIPELINE_CELLS, PIPELINE_BY_PIPELINE),
        &[&as_of_month, &today],
    )?;
    for (key, month, bp_cents) in pipeline {
        let i = group_of(key, &mut groups);
        groups[i]
            .1
            .pipeline
            .push((month, (bp_cents + 5_000).div_euclid(10_000)));
    }
    let undated = sums(
        both(UNDATED_CELLS, UNDATED_BY_PIPELINE),
        &[&as_of_month, &today],
    )?;
    for (key, _, bp_cents) in undated {
        let i = group_of(key, &mut groups);
        groups[i].1.pipeline_undated += (bp_cents + 5_000).div_euclid(10_000);
    }
    if !several {
        // One pipeline: its series is the total's.
        let total = groups
            .iter()
            .find(|(k, _)| *k == GroupKey::Total)
            .map(|g| g.1.clone());
        for (key, group) in &mut groups {
            if let (GroupKey::Id(Breakdown::Pipeline, _), Some(total)) = (key, &total) {
                group.won = total.won.clone();
                group.pipeline = total.pipeline.clone();
                group.pipeline_undated = total.pipeline_undated;
            }
        }
    }
    Ok(groups.into_iter().map(|(_, g)| g).collect())
}

/// The total, every rep, product and team, in that order, with no months yet.
fn named_groups(conn: &Connection) -> rusqlite::Result<Vec<(GroupKey, GroupBookings)>> {
    let mut groups = vec![(
        GroupKey::Total,
        group(Breakdown::Total, None, "Total".into()),
    )];
    let mut listed = |breakdown: Breakdown, sql: &str| -> rusqlite::Result<()> {
        let rows = conn
            .prepare(sql)?
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        groups.extend(rows.into_iter().map(|(id, name)| {
            (
                GroupKey::Id(breakdown, Some(id)),
                group(breakdown, Some(id), name),
            )
        }));
        Ok(())
    };
    listed(Breakdown::Rep, "SELECT id, name FROM reps ORDER BY id")?;
    listed(
        Breakdown::Product,
        "SELECT id, name FROM products ORDER BY id",
    )?;
    listed(
        Breakdown::Pipeline,
        "SELECT id, name FROM pipelines ORDER BY position, id",
    )?;
    let teams = conn
        .prepare("SELECT DISTINCT team FROM reps ORDER BY team")?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    groups.extend(teams.into_iter().map(|team| {
        (
            GroupKey::Team(Some(team.clone())),
            group(Breakdown::Team, None, team),
        )
    }));
    Ok(groups)
}

/// A group met only in the sums: deals without a rep, product or team.
fn unnamed_group(key: &GroupKey) -> GroupBookings {
    match key {
        GroupKey::Total => group(Breakdown::Total, None, "Total".into()),
        GroupKey::Id(Breakdown::Product, id) => group(Breakdown::Product, *id, NO_PRODUCT.into()),
        GroupKey::Id(breakdown, id) => group(*breakdown, *id, NO_REP.into()),
        GroupKey::Team(name) => group(
            Breakdown::Team,
            None,
            name.clone().unwrap_or_else(|| NO_TEAM.into()),
        ),
    }
}

fn group(breakdown: Breakdown, id: Option<i64>, name: String) -> GroupBookings {
    GroupBookings {
        breakdown,
        id,
        name,
        won: Vec::new(),
        pipeline: Vec::new(),
        pipeline_undated: 0,
    }
}

/// One rolled-up row: which group, which month, how many cents.
fn cell_row(r: &Row<'_>) -> rusqlite::Result<(GroupKey, Month, i64)> {
    let key = match r.get::<_, i64>(0)? {
        0 => GroupKey::Total,
        1 => GroupKey::Id(Breakdown::Rep, r.get(1)?),
        2 => GroupKey::Id(Breakdown::Product, r.get(1)?),
        4 => GroupKey::Id(Breakdown::Pipeline, r.get(1)?),
        _ => GroupKey::Team(r.get(2)?),
    };
    let text = r.get_ref(3)?.as_str()?;
    let month = text
        .parse::<Month>()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(3, Type::Text, Box::new(e)))?;
    Ok((key, month, r.get(4)?))
}
