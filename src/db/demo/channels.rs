//! Marketing channels with monthly spend and revenue on diminishing-returns curves
//! (revenue ≈ b·ln(spend / k), plus noise), spend varied enough to identify each curve.

use rand::Rng as _;
use rand_distr::StandardNormal;
use rusqlite::{Transaction, params};

use super::Rng;
use super::calendar::Calendar;
use super::customers::lognormal;

/// A channel: median monthly spend, revenue per unit of ln(spend) and the spend at which revenue
/// would be zero, all in dollars.
struct Channel {
    name: &'static str,
    spend: f64,
    slope: f64,
    zero_at: f64,
}

const CHANNELS: [Channel; 5] = [
    Channel {
        name: "Paid Search",
        spend: 25_000.0,
        slope: 52_000.0,
        zero_at: 3_000.0,
    },
    Channel {
        name: "Events",
        spend: 18_000.0,
        slope: 68_000.0,
        zero_at: 6_000.0,
    },
    Channel {
        name: "Content",
        spend: 8_000.0,
        slope: 30_000.0,
        zero_at: 1_000.0,
    },
    Channel {
        name: "Partner Referrals",
        spend: 12_000.0,
        slope: 64_000.0,
        zero_at: 2_500.0,
    },
    Channel {
        name: "Email",
        spend: 4_000.0,
        slope: 21_000.0,
        zero_at: 400.0,
    },
];
/// Month-to-month spread of spend (log scale) and relative noise on revenue.
const SPEND_SIGMA: f64 = 0.4;
const REVENUE_NOISE: f64 = 0.08;
/// Budgets grow by this factor a year.
const BUDGET_GROWTH: f64 = 1.15;

/// Writes the channels and a month of spend and revenue for each channel and window month;
/// returns the counts of both.
pub(super) fn write_channels(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    cal: &Calendar,
) -> Result<(u64, u64), rusqlite::Error> {
    let mut channel = tx.prepare_cached("INSERT INTO channels (id, name) VALUES (?1, ?2)")?;
    let mut month_row = tx.prepare_cached(
        "INSERT INTO channel_months (channel_id, month, spend_cents, revenue_cents)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut months = 0;
    for (i, c) in CHANNELS.iter().enumerate() {
        let id = i as i64 + 1;
        channel.execute(params![id, c.name])?;
        for (m, month) in cal.months[..cal.window].iter().enumerate() {
            let budget = c.spend * BUDGET_GROWTH.powf(m as f64 / 12.0);
            let spend = (lognormal(rng, budget, SPEND_SIGMA) / 100.0)
                .round()
                .max(5.0)
                * 100.0;
            let z: f64 = rng.sample(StandardNormal);
            let revenue = c.slope * (spend / c.zero_at).ln() * (1.0 + REVENUE_NOISE * z);
            month_row.execute(params![
                id,
                month.label,
                spend as i64 * 100,
                revenue.max(0.0).round() as i64 * 100
            ])?;
            months += 1;
        }
    }
    Ok((CHANNELS.len() as u64, months))
}
