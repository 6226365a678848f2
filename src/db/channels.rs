//! Channels and their monthly spend and revenue, for the Channels screen and
//! `salesdesk report channels`, and the planned spend that `:apply` writes (one transaction, one
//! undoable batch of `edits` rows).

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use crate::analytics::channels::{ChannelInput, MonthPoint};
use crate::db::edits::record::{EditRow, Saved, Stamp, WriteError, new_batch};
use crate::domain::{Money, next_month};

/// The `edits.entity` of a planned-spend row; its `entity_id` is the channel and `field` the month.
pub const PLAN_ENTITY: &str = "channel_plan";

/// One month of a channel.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ChannelMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// Spend that month.
    #[serde(rename = "spend_cents")]
    pub spend: Money,
    /// Revenue that month.
    #[serde(rename = "revenue_cents")]
    pub revenue: Money,
}

/// A channel with its history and its planned spend for the plan month, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelHistory {
    /// The channel's id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its months, oldest first.
    pub months: Vec<ChannelMonth>,
    /// The spend already planned for [`Channels::plan_month`].
    pub planned: Option<Money>,
}

impl ChannelHistory {
    /// The spend of its latest month: what the channel spends now.
    pub fn current_spend(&self) -> Money {
        self.months.last().map_or(Money::ZERO, |m| m.spend)
    }

    /// The history in dollars, as the analytics take it.
    pub fn input(&self) -> ChannelInput {
        ChannelInput {
            name: self.name.clone(),
            history: self
                .months
                .iter()
                .map(|m| MonthPoint {
                    spend: dollars(m.spend),
                    revenue: dollars(m.revenue),
                })
                .collect(),
            current_spend: dollars(self.current_spend()),
        }
    }
}

/// Every channel, and the month a plan is made for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Channels {
    /// Channels by name.
    pub channels: Vec<ChannelHistory>,
    /// The latest month of any channel's history.
    pub latest_month: Option<String>,
    /// The month after it: the month `:apply` plans.
    pub plan_month: Option<String>,
}

/// Cents as dollars.
pub fn dollars(money: Money) -> f64 {
    money.cents() as f64 / 100.0
}

/// Loads every channel with its months and the spend planned for the month after the latest.
pub fn load(conn: &Connection) -> rusqlite::Result<Channels> {
    let latest_month: Option<String> =
        conn.query_row("SELECT MAX(month) FROM channel_months", [], |r| r.get(0))?;
    let plan_month = latest_month.as_deref().and_then(next_month);
    let mut channels: Vec<ChannelHistory> = conn
        .prepare(
            "SELECT c.id, c.name, p.spend_cents FROM channels c
             LEFT JOIN channel_plans p ON p.channel_id = c.id AND p.month = ?1
             ORDER BY c.name",
        )?
        .query_map([&plan_month], |r| {
            Ok(ChannelHistory {
                id: r.get(0)?,
                name: r.get(1)?,
                months: Vec::new(),
                planned: r.get::<_, Option<i64>>(2)?.map(Money),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut months = conn.prepare(
        "SELECT month, spend_cents, revenue_cents FROM channel_months
         WHERE channel_id = ?1 ORDER BY month",
    )?;
    for channel in &mut channels {
        channel.months = months
            .query_map([channel.id], |r| {
                Ok(ChannelMonth {
                    month: r.get(0)?,
                    spend: Money(r.get(1)?),
                    revenue: Money(r.get(2)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(Channels {
        channels,
        latest_month,
        plan_month,
    })
}

/// What a plan predicted for one channel at its planned spend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanPrediction {
    /// The channel's id.
    pub channel_id: i64,
    /// The planned spend the prediction is for.
    pub spend: Money,
    /// Predicted revenue.
    pub revenue: Money,
    /// Low end of its 95% prediction interval.
    pub low: Money,
    /// High end of its 95% prediction interval.
    pub high: Money,
}

/// Writes `spends` (channel id, planned spend) as the plan of `month`, in one transaction with
/// one batch of edits so a single undo takes the whole plan back.
pub fn save_plan(
    conn: &mut Connection,
    month: &str,
    spends: &[(i64, Money)],
    at: &str,
    actor: &str,
) -> Result<Saved, WriteError> {
    save_plan_with(conn, month, spends, &[], at, actor)
}

/// [`save_plan`], storing with it what the plan predicted for each fitted channel (in the same
/// transaction; a prediction is kept per spend, so undo and redo need not touch it).
pub fn save_plan_with(
    conn: &mut Connection,
    month: &str,
    spends: &[(i64, Money)],
    predictions: &[PlanPrediction],
    at: &str,
    actor: &str,
) -> Result<Saved, WriteError> {
    if next_month(month).is_none() {
        return Err(WriteError::Refused(format!("'{month}' is not a month")));
    }
    if let Some((_, spend)) = spends.iter().find(|(_, s)| s.cents() < 0) {
        return Err(WriteError::Refused(format!(
            "a planned spend cannot be negative ({spend})"
        )));
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut changes = Vec::new();
    for &(channel_id, spend) in spends {
        let old = planned(&tx, channel_id, month)?;
        if old != Some(spend.cents()) {
            changes.push((channel_id, old, spend.cents()));
        }
    }
    if changes.is_empty() {
        return Err(WriteError::Refused(format!(
            "the plan for {month} is already this one"
        )));
    }
    let batch = new_batch(&tx)?;
    let stamp = Stamp { at, actor, batch };
    for (channel_id, old, new) in &changes {
        set_planned(&tx, *channel_id, month, Some(*new))?;
        stamp.write(
            &tx,
            PLAN_ENTITY,
            *channel_id,
            month,
            &old.map(|c| c.to_string()),
            &new.to_string(),
        )?;
    }
    for p in predictions {
        tx.execute(
            "INSERT INTO channel_plan_predictions
                 (channel_id, month, spend_cents, revenue_cents, low_cents, high_cents)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (channel_id, month, spend_cents) DO UPDATE SET
                 revenue_cents = excluded.revenue_cents, low_cents = excluded.low_cents,
                 high_cents = excluded.high_cents",
            params![
                p.channel_id,
                month,
                p.spend.cents(),
                p.revenue.cents(),
                p.low.cents(),
                p.high.cents()
            ],
        )?;
    }
    tx.commit()?;
    let total: i64 = spends.iter().map(|(_, s)| s.cents()).sum();
    Ok(Saved {
        batch,
        deal_id: None,
        summary: format!(
            "planned {} for {month} across {} channels",
            Money(total).whole(),
            spends.len()
        ),
    })
}

fn planned(tx: &Transaction<'_>, channel_id: i64, month: &str) -> rusqlite::Result<Option<i64>> {
    tx.query_row(
        "SELECT spend_cents FROM channel_plans WHERE channel_id = ?1 AND month = ?2",
        params![channel_id, month],
        |r| r.get(0),
    )
    .optional()
}

fn set_planned(
    tx: &Transaction<'_>,
    channel_id: i64,
    month: &str,
    cents: Option<i64>,
) -> rusqlite::Result<()> {
    match cents {
        Some(cents) => tx.execute(
            "INSERT INTO channel_plans (channel_id, month, spend_cents) VALUES (?1, ?2, ?3)
             ON CONFLICT (channel_id, month) DO UPDATE SET spend_cents = excluded.spend_cents",
            params![channel_id, month, cents],
        )?,
        None => tx.execute(
            "DELETE FROM channel_plans WHERE channel_id = ?1 AND month = ?2",
            params![channel_id, month],
        )?,
    };
    Ok(())
}

/// Puts a plan batch back (`back`) or forward again; returns the status-line summary.
pub(crate) fn replay_plan(
    tx: &Transaction<'_>,
    rows: &[EditRow],
    back: bool,
) -> Result<String, WriteError> {
    let mut month = String::new();
    for row in rows.iter().filter(|r| r.entity == PLAN_ENTITY) {
        let value = if back { &row.old } else { &row.new };
        let cents = value
            .as_deref()
            .map(|v| {
                v.parse::<i64>()
                    .map_err(|_| WriteError::Refused(format!("bad planned spend '{v}'")))
            })
            .transpose()?;
        set_planned(tx, row.entity_id, &row.field, cents)?;
        month.clone_from(&row.field);
    }
    let verb = if back { "undone" } else { "redone" };
    Ok(format!("{verb}: channel plan for {month}"))
}
