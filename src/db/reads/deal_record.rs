//! A deal's record: its facts, stage history, activities, tasks and change history in words.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::{ActivityLine, TaskLine, activities, date, tasks};
use crate::db::edits::words::{self, Named};
use crate::domain::Money;

/// One move of a deal between stages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageStep {
    /// The stage it left; `None` when the deal entered its first stage.
    pub from: Option<String>,
    /// The stage it entered.
    pub to: String,
    /// When.
    pub on: Option<NaiveDate>,
}

/// Everything the deal record shows.
#[derive(Debug, Clone, PartialEq)]
pub struct DealRecord {
    /// The deal's id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Its customer's id and name.
    pub customer: Option<(i64, String)>,
    /// Its product's id and name.
    pub product: Option<(i64, String)>,
    /// Its owner's id and name.
    pub owner: Option<(i64, String)>,
    /// Amount.
    pub amount: Money,
    /// Stage.
    pub stage: String,
    /// The pipeline's id.
    pub pipeline_id: i64,
    /// The pipeline's name.
    pub pipeline: String,
    /// When it was created.
    pub created_on: Option<NaiveDate>,
    /// Days since it was created (to its close, when closed).
    pub age_days: Option<i64>,
    /// Days since it entered its stage (open deals only).
    pub days_in_stage: Option<i64>,
    /// Expected close date.
    pub expected_close_on: Option<NaiveDate>,
    /// True when an open deal's expected close date has passed.
    pub slipped: bool,
    /// When it closed, if it did.
    pub closed_on: Option<NaiveDate>,
    /// Why it was lost, if it was.
    pub lost_reason: Option<String>,
    /// The deal's own win probability in basis points, when one was set (else its stage's counts).
    pub probability_bp: Option<i64>,
    /// The manager's forecast category, when overridden.
    pub category_override: Option<String>,
    /// Its stage rate: its own win probability, else its stage's default (open deals only).
    pub stage_rate_bp: Option<i64>,
    /// Stage moves, oldest first.
    pub stages: Vec<StageStep>,
    /// Activities, newest first.
    pub activities: Vec<ActivityLine>,
    /// Tasks on the deal, open ones first.
    pub tasks: Vec<TaskLine>,
    /// The deal's changes in words, newest first.
    pub history: Vec<String>,
}

type Row = (
    String,
    Option<(i64, String)>,
    Option<(i64, String)>,
    Option<(i64, String)>,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<i64>,
    (i64, String),
);

/// The record of deal `id` as of `today`; `None` when there is no such deal.
pub fn deal_record(
    conn: &Connection,
    id: i64,
    today: NaiveDate,
) -> rusqlite::Result<Option<DealRecord>> {
    let pair = |id: Option<i64>, name: Option<String>| id.zip(name);
    let row: Option<Row> = conn
        .prepare_cached(
            "SELECT d.title, d.customer_id, c.name, d.product_id, p.name, d.rep_id, r.name,
                    d.amount_cents, d.stage, d.created_on, d.expected_close_on, d.closed_on, d.lost_reason,
                    d.probability_bp, d.forecast_category, COALESCE(d.probability_bp, s.probability_bp),
                    d.pipeline_id, COALESCE(pl.name, '')
             FROM deals d LEFT JOIN customers c ON c.id = d.customer_id
                          LEFT JOIN pipelines pl ON pl.id = d.pipeline_id
                          LEFT JOIN stages s ON s.pipeline_id = d.pipeline_id
                                               AND s.name = d.stage
                          LEFT JOIN products p ON p.id = d.product_id
                          LEFT JOIN reps r ON r.id = d.rep_id
             WHERE d.id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                r.get(0)?,
                pair(r.get(1)?, r.get(2)?),
                pair(r.get(3)?, r.get(4)?),
                pair(r.get(5)?, r.get(6)?),
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
                r.get(11)?,
                r.get(12)?,
                r.get(13)?,
                r.get(14)?,
                r.get(15)?,
                (r.get(16)?, r.get(17)?),
            ))
        })
        .optional()?;
    let Some((
        title,
        customer,
        product,
        owner,
        amount,
        stage,
        created,
        expected,
        closed,
        lost_reason,
        probability_bp,
        category_override,
        stage_rate_bp,
        (pipeline_id, pipeline),
    )) = row
    else {
        return Ok(None);
    };
    let stages: Vec<StageStep> = conn
        .prepare_cached(
            "SELECT from_stage, to_stage, changed_on FROM stage_changes WHERE deal_id = ?1 ORDER BY changed_on, id",
        )?
        .query_map([id], |r| {
            Ok(StageStep {
                from: r.get(0)?,
                to: r.get(1)?,
                on: date(r.get::<_, String>(2)?.as_str()),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let created_on = created.as_deref().and_then(date);
    let closed_on = closed.as_deref().and_then(date);
    let expected_close_on = expected.as_deref().and_then(date);
    let open = closed_on.is_none();
    let entered = stages
        .iter()
        .rev()
        .find(|s| s.to == stage)
        .and_then(|s| s.on)
        .or(created_on);
    Ok(Some(DealRecord {
        id,
        title,
        customer,
        product,
        owner,
        amount: Money(amount),
        age_days: created_on.map(|c| (closed_on.unwrap_or(today) - c).num_days()),
        days_in_stage: entered.filter(|_| open).map(|e| (today - e).num_days()),
        slipped: open && expected_close_on.is_some_and(|e| e < today),
        stage,
        pipeline_id,
        pipeline,
        created_on,
        expected_close_on,
        closed_on,
        lost_reason,
        probability_bp,
        category_override,
        stage_rate_bp,
        stages,
        activities: activities(conn, "deal_id", id)?,
        tasks: tasks(conn, "deal_id", id)?,
        history: deal_history(conn, id)?,
    }))
}

fn deal_history(conn: &Connection, id: i64) -> rusqlite::Result<Vec<String>> {
    let rows = super::edit_rows(
        conn,
        "SELECT at, entity, field, old_value, new_value, undone FROM edits
             WHERE entity IN ('deal', 'rec:deals') AND entity_id = ?1 AND field <> 'row'
             ORDER BY id DESC",
        id,
    )?;
    let name = |kind: Named, id: i64| super::name_of(conn, kind, id);
    Ok(rows
        .into_iter()
        .filter(|(_, _, field, ..)| field != "closed_on")
        .filter_map(|(at, entity, field, old, new, undone)| {
            let (label, old, new) =
                words::change(&entity, &field, old.as_deref(), new.as_deref(), &name)?;
            let undone = if undone { " (undone)" } else { "" };
            Some(format!(
                "{at}  {}{undone}",
                words::sentence("", &entity, &label, &old, &new)
            ))
        })
        .collect())
}
