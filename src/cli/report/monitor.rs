//! `salesdesk report monitor`: accepted channel plans against results (planned and actual spend,
//! predicted and actual revenue, months outside the 95% interval, channels whose curve no longer
//! fits), as JSON or a plain-text table.

use anyhow::Context as _;
use clap::Args;
use rusqlite::Connection;
use serde::Serialize;

use super::output::json_or_text;
use crate::analytics::monitor::{ChannelCheck, RUN_TO_FLAG, check_channels};
use crate::db;
use crate::domain::Money;

/// Options of `salesdesk report monitor`.
#[derive(Debug, Args)]
pub struct MonitorArgs {
    /// Print the report as JSON
    #[arg(long)]
    pub json: bool,
}

/// The whole report.
#[derive(Debug, Serialize)]
struct MonitorReport {
    /// Consecutive months outside the interval that flag a channel.
    months_to_flag: usize,
    channels: Vec<ChannelCheck>,
}

/// Builds the report text from the database.
pub fn render(conn: &Connection, args: &MonitorArgs) -> anyhow::Result<String> {
    let facts = db::monitor::channel_plans(conn).context("cannot read the channel plans")?;
    let report = MonitorReport {
        months_to_flag: RUN_TO_FLAG,
        channels: check_channels(&facts),
    };
    json_or_text(&report, args.json, text)
}

fn text(report: &MonitorReport) -> String {
    let mut out = String::from("Channel plans against results\n");
    if report.channels.is_empty() {
        out.push_str("\nno channel plan has been accepted yet (:apply on the Channels screen)\n");
        return out;
    }
    out.push_str(&format!(
        "\n{:<20} {:<8} {:>10} {:>10} {:>11} {:>23} {:>11}\n",
        "channel", "month", "planned", "spent", "predicted", "95% interval", "revenue"
    ));
    let opt = |m: Option<Money>| m.map_or("-".to_string(), Money::whole);
    for channel in &report.channels {
        for m in &channel.months {
            let interval = match (m.low_cents, m.high_cents) {
                (Some(low), Some(high)) => format!("{} to {}", low.whole(), high.whole()),
                _ => "-".into(),
            };
            let row = format!(
                "{:<20} {:<8} {:>10} {:>10} {:>11} {:>23} {:>11}  {}",
                channel.name,
                m.month,
                m.planned_spend_cents.whole(),
                opt(m.actual_spend_cents),
                opt(m.predicted_revenue_cents),
                interval,
                opt(m.actual_revenue_cents),
                if m.outside == Some(true) {
                    "outside"
                } else {
                    ""
                },
            );
            out.push_str(row.trim_end());
            out.push('\n');
        }
        if channel.flagged {
            out.push_str(&format!(
                "  {}: outside its interval {} months running; its curve no longer fits\n",
                channel.name, channel.outside_run
            ));
        }
    }
    out
}
