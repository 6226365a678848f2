//! Queries behind the pipeline board: the cards of each column (a page, by an index), the column
//! totals (a scan, run in the background), and one card after a change.

use serde::{Deserialize, Serialize};

use crate::analytics::commit::Category;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};

use super::pipelines::stage_column;
use crate::domain::{Money, Pipelines, Quarter, Stage};

/// One deal as a board card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// Deal id.
    pub id: i64,
    /// The pipeline it belongs to.
    pub pipeline_id: i64,
    /// Customer name, if the deal has a customer.
    pub customer: Option<String>,
    /// Deal title.
    pub title: String,
    /// Amount.
    pub amount: Money,
    /// Current stage.
    pub stage: Stage,
    /// When the deal was opened.
    pub created_on: NaiveDate,
    /// Expected close date.
    pub expected_close_on: Option<NaiveDate>,
    /// Close date of a closed deal.
    pub closed_on: Option<NaiveDate>,
    /// Why a lost deal was lost.
    pub lost_reason: Option<String>,
    /// The deal's own probability, overriding its stage's.
    pub probability_bp: Option<i64>,
    /// When it entered its current stage.
    pub stage_since: NaiveDate,
    /// The later of `stage_since` and its last activity.
    pub last_touch: NaiveDate,
    /// Owning rep.
    pub rep_id: Option<i64>,
    /// Product.
    pub product_id: Option<i64>,
    /// The manager's forecast category, when overridden.
    pub category: Option<Category>,
}

/// Which deals the board shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardFilter {
    /// Only this pipeline's deals (`None`: every pipeline's).
    pub pipeline_id: Option<i64>,
    /// Only this rep's deals.
    pub rep_id: Option<i64>,
    /// Only deals of reps in this team.
    pub team: Option<String>,
    /// Only deals of this product.
    pub product_id: Option<i64>,
    /// Only deals expected to close in this quarter.
    pub close_quarter: Option<Quarter>,
}

/// Card order within a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardSort {
    /// Largest amount first.
    Amount,
    /// Soonest expected close first.
    CloseDate,
}

/// A deal's amount × probability, rounded to the cent per deal, as the column totals sum it.
pub fn weighted_amount(amount: Money, probability_bp: i64) -> Money {
    Money((amount.cents().saturating_mul(probability_bp) + 5_000) / 10_000)
}

/// Count, sum and probability-weighted sum of a set of deals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// How many deals.
    pub count: i64,
    /// Sum of amounts.
    pub sum: Money,
    /// Sum of amount × probability.
    pub weighted: Money,
}

/// Column totals and the Won/Lost summary of the period, for the current filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardTotals {
    /// Totals per open stage, by catalogue index (zero for stages outside the filter).
    pub open: Vec<Totals>,
    /// Won in the period.
    pub won: Totals,
    /// Lost in the period.
    pub lost: Totals,
}

/// The cards of every column: the open stages and the deals closed in the period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardCards {
    /// The book's stages the cards were read with (the open stages' indexes are into it).
    pub catalogue: Pipelines,
    /// Cards per open stage by catalogue index, at most the page size each (none for stages
    /// outside the filter's pipeline).
    pub open: Vec<Vec<Card>>,
    /// Deals closed in the period, latest first.
    pub closed: Vec<Card>,
}

/// The reps, teams and products the filters offer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardChoices {
    /// (id, name, team), by name.
    pub reps: Vec<(i64, String, String)>,
    /// Distinct teams, sorted.
    pub teams: Vec<String>,
    /// (id, name), by name.
    pub products: Vec<(i64, String)>,
}

/// The most cards a column loads; the header totals still count every deal.
pub const PAGE: usize = 200;

const CARD_SELECT: &str = "
    SELECT d.id, c.name, d.title, d.amount_cents, d.stage, d.created_on, d.expected_close_on,
           d.closed_on, d.lost_reason, d.probability_bp, d.rep_id, d.product_id,
           (SELECT MAX(sc.changed_on) FROM stage_changes sc WHERE sc.deal_id = d.id),
           (SELECT MAX(a.happened_on) FROM activities a WHERE a.deal_id = d.id),
           d.forecast_category, d.pipeline_id
    FROM deals d LEFT JOIN customers c ON c.id = d.customer_id";

/// The filter as SQL conditions on `d` (with a leading AND) and their parameters.
pub(crate) fn filter_sql(filter: &BoardFilter) -> (String, Vec<Value>) {
    let mut sql = String::new();
    let mut params = Vec::new();
    if let Some(pipeline) = filter.pipeline_id {
        // `+`: a test, not an index choice; every deal of a one-pipeline book matches it.
        sql.push_str(" AND +d.pipeline_id = ?");
        params.push(Value::Integer(pipeline));
    }
    if let Some(rep) = filter.rep_id {
        sql.push_str(" AND d.rep_id = ?");
        params.push(Value::Integer(rep));
    }
    if let Some(team) = &filter.team {
        sql.push_str(" AND d.rep_id IN (SELECT id FROM reps WHERE team = ?)");
        params.push(Value::Text(team.clone()));
    }
    if let Some(product) = filter.product_id {
        sql.push_str(" AND d.product_id = ?");
        params.push(Value::Integer(product));
    }
    if let Some(quarter) = filter.close_quarter
        && let (Some(first), Some(last)) = (quarter.first_day(), quarter.last_day())
    {
        sql.push_str(" AND d.expected_close_on BETWEEN ? AND ?");
        params.push(Value::Text(first.to_string()));
        params.push(Value::Text(last.to_string()));
    }
    (sql, params)
}

/// Loads a page of cards per column; fast at any size because each page is read in index order.
pub fn load_cards(
    conn: &Connection,
    catalogue: &Pipelines,
    filter: &BoardFilter,
    sort: CardSort,
    period: (NaiveDate, NaiveDate),
) -> rusqlite::Result<BoardCards> {
    let mut cards = BoardCards {
        catalogue: catalogue.clone(),
        open: vec![Vec::new(); catalogue.open_count()],
        closed: Vec::new(),
    };
    for stage in catalogue.all_open() {
        let in_scope = filter
            .pipeline_id
            .is_none_or(|p| catalogue.pipeline_of(stage) == Some(p));
        if let (true, Some(slot)) = (in_scope, stage.open_index()) {
            cards.open[slot] =
                load_column_page(conn, catalogue, filter, sort, period, Some(stage), 0)?;
        }
    }
    cards.closed = load_column_page(conn, catalogue, filter, sort, period, None, 0)?;
    Ok(cards)
}

/// The [`PAGE`] cards of one column after the first `offset`: an open stage's, or (`None`)
/// the deals closed in `period`, in the board's order; how the board reaches every card.
pub fn load_column_page(
    conn: &Connection,
    catalogue: &Pipelines,
    filter: &BoardFilter,
    sort: CardSort,
    period: (NaiveDate, NaiveDate),
    stage: Option<Stage>,
    offset: usize,
) -> rusqlite::Result<Vec<Card>> {
    let (where_sql, params) = filter_sql(filter);
    let offset = i64::try_from(offset).unwrap_or(i64::MAX);
    let (sql, mut all) = match stage {
        Some(stage) => {
            let pipeline = catalogue.pipeline_of(stage).unwrap_or_default();
            let order = match sort {
                CardSort::Amount => "d.amount_cents DESC, d.id",
                CardSort::CloseDate => "d.expected_close_on IS NULL, d.expected_close_on, d.id",
            };
            (
                format!(
                    "{CARD_SELECT} WHERE d.pipeline_id = ? AND d.stage = ?{where_sql}
                     ORDER BY {order} LIMIT {PAGE} OFFSET {offset}"
                ),
                vec![
                    Value::Integer(pipeline),
                    Value::Text(catalogue.name(stage).into()),
                ],
            )
        }
        None => (
            format!(
                "{CARD_SELECT} WHERE d.closed_on BETWEEN ? AND ?{where_sql}
                 ORDER BY d.closed_on DESC, d.id DESC LIMIT {PAGE} OFFSET {offset}"
            ),
            vec![
                Value::Text(period.0.to_string()),
                Value::Text(period.1.to_string()),
            ],
        ),
    };
    all.extend(params);
    conn.prepare_cached(&sql)?
        .query_map(params_from_iter(all), |r| card_from(r, catalogue))?
        .collect()
}

/// Counts and sums every column for the filter; scans all open deals, so it runs on the worker.
pub fn load_totals(
    conn: &Connection,
    catalogue: &Pipelines,
    filter: &BoardFilter,
    period: (NaiveDate, NaiveDate),
) -> rusqlite::Result<BoardTotals> {
    let (where_sql, params) = filter_sql(filter);
    let mut totals = BoardTotals {
        open: vec![Totals::default(); catalogue.open_count()],
        ..BoardTotals::default()
    };
    let mut stmt = conn.prepare(&format!(
        // From each stage into its deals by the (pipeline, stage) index: only open deals are read.
        "SELECT s.pipeline_id, s.name, COUNT(*), SUM(d.amount_cents),
                SUM((d.amount_cents * COALESCE(d.probability_bp, s.probability_bp) + 5000) / 10000)
         FROM stages s CROSS JOIN deals d ON d.pipeline_id = s.pipeline_id AND d.stage = s.name
         WHERE 1{where_sql}
         GROUP BY s.pipeline_id, s.name"
    ))?;
    let mut rows = stmt.query(params_from_iter(params.iter().cloned()))?;
    while let Some(row) = rows.next()? {
        let (pipeline, stage): (i64, String) = (row.get(0)?, row.get(1)?);
        let at = catalogue
            .stage_named(pipeline, &stage)
            .and_then(Stage::open_index)
            .and_then(|i| totals.open.get_mut(i));
        if let Some(slot) = at {
            *slot = Totals {
                count: row.get(2)?,
                sum: Money(row.get(3)?),
                weighted: Money(row.get(4)?),
            };
        }
    }
    let mut all = vec![
        Value::Text(period.0.to_string()),
        Value::Text(period.1.to_string()),
    ];
    all.extend(params);
    let mut stmt = conn.prepare(&format!(
        "SELECT d.stage, COUNT(*), SUM(d.amount_cents) FROM deals d
         WHERE d.closed_on BETWEEN ? AND ?{where_sql} GROUP BY d.stage"
    ))?;
    let mut rows = stmt.query(params_from_iter(all))?;
    while let Some(row) = rows.next()? {
        let stage: String = row.get(0)?;
        let t = Totals {
            count: row.get(1)?,
            sum: Money(row.get(2)?),
            weighted: Money(row.get(2)?),
        };
        match stage.as_str() {
            "Won" => totals.won = t,
            "Lost" => {
                totals.lost = Totals {
                    weighted: Money::ZERO,
                    ..t
                }
            }
            _ => {}
        }
    }
    Ok(totals)
}

/// One deal as a card, as it is now; `None` if it no longer exists.
pub fn load_card(conn: &Connection, id: i64) -> rusqlite::Result<Option<Card>> {
    let catalogue = super::pipelines::load(conn)?;
    conn.query_row(&format!("{CARD_SELECT} WHERE d.id = ?1"), [id], |r| {
        card_from(r, &catalogue)
    })
    .optional()
}

/// The reps, teams and products to filter by.
pub fn load_choices(conn: &Connection) -> rusqlite::Result<BoardChoices> {
    let reps: Vec<(i64, String, String)> = conn
        .prepare("SELECT id, name, team FROM reps ORDER BY name, id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut teams: Vec<String> = reps.iter().map(|r| r.2.clone()).collect();
    teams.sort();
    teams.dedup();
    let products = conn
        .prepare("SELECT id, name FROM products ORDER BY name, id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(BoardChoices {
        reps,
        teams,
        products,
    })
}

fn card_from(r: &Row<'_>, catalogue: &Pipelines) -> rusqlite::Result<Card> {
    let pipeline_id: i64 = r.get(15)?;
    let stage = stage_column(r, 4, catalogue, pipeline_id)?;
    let created_on: NaiveDate = r.get(5)?;
    let stage_since: NaiveDate = r.get::<_, Option<NaiveDate>>(12)?.unwrap_or(created_on);
    let last_activity: Option<NaiveDate> = r.get(13)?;
    let category = r
        .get::<_, Option<String>>(14)?
        .map(|c| {
            c.parse::<Category>().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    14,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })
        })
        .transpose()?;
    Ok(Card {
        id: r.get(0)?,
        pipeline_id,
        customer: r.get(1)?,
        title: r.get(2)?,
        amount: Money(r.get(3)?),
        stage,
        created_on,
        expected_close_on: r.get(6)?,
        closed_on: r.get(7)?,
        lost_reason: r.get(8)?,
        probability_bp: r.get(9)?,
        rep_id: r.get(10)?,
        product_id: r.get(11)?,
        stage_since,
        last_touch: last_activity.map_or(stage_since, |a| a.max(stage_since)),
        category,
    })
}
