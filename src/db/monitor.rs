//! Reads for the plan monitor: every channel's planned months with their actuals and the
//! predictions stored when the plan was accepted.

use rusqlite::Connection;

use crate::analytics::monitor::{ChannelFacts, PlanMonthFacts};
use crate::domain::Money;

/// Every channel with a plan, by name, with its planned months oldest first.
pub fn channel_plans(conn: &Connection) -> rusqlite::Result<Vec<ChannelFacts>> {
    let mut stmt = conn.prepare(
        "SELECT c.name, p.month, p.spend_cents, m.spend_cents, m.revenue_cents,
                pr.revenue_cents, pr.low_cents, pr.high_cents
         FROM channel_plans p
         JOIN channels c ON c.id = p.channel_id
         LEFT JOIN channel_months m ON m.channel_id = p.channel_id AND m.month = p.month
         LEFT JOIN channel_plan_predictions pr ON pr.channel_id = p.channel_id
              AND pr.month = p.month AND pr.spend_cents = p.spend_cents
         ORDER BY c.name, c.id, p.month",
    )?;
    let rows = stmt.query_map([], |r| {
        let actual = match (r.get::<_, Option<i64>>(3)?, r.get::<_, Option<i64>>(4)?) {
            (Some(s), Some(v)) => Some((Money(s), Money(v))),
            _ => None,
        };
        let predicted = match (
            r.get::<_, Option<i64>>(5)?,
            r.get::<_, Option<i64>>(6)?,
            r.get::<_, Option<i64>>(7)?,
        ) {
            (Some(mid), Some(low), Some(high)) => Some((Money(mid), Money(low), Money(high))),
            _ => None,
        };
        Ok((
            r.get::<_, String>(0)?,
            PlanMonthFacts {
                month: r.get(1)?,
                planned_spend: Money(r.get(2)?),
                actual,
                predicted,
            },
        ))
    })?;
    let mut out: Vec<ChannelFacts> = Vec::new();
    for row in rows {
        let (name, month) = row?;
        match out.last_mut() {
            Some(last) if last.name == name => last.months.push(month),
            _ => out.push(ChannelFacts {
                name,
                months: vec![month],
            }),
        }
    }
    Ok(out)
}
