//! `salesdesk report channels`: each channel's fitted response curve and the split of a budget
//! that maximises predicted revenue, as JSON or a plain-text table (fields in
//! docs/report-channels.md).

use anyhow::{Context as _, bail};
use clap::Args;
use rusqlite::Connection;
use serde::Serialize;

use super::output::json_or_text;
use crate::analytics::channels::{Bounds, ChannelPlan, FittedChannel, Plan, default_bounds, plan};
use crate::cli::failure::{Failure, FailureKind};
use crate::db::channels::{self, Channels, dollars};
use crate::domain::{Money, parse_amount};

/// Options of `salesdesk report channels`.
#[derive(Debug, Args)]
pub struct ChannelsArgs {
    /// Print the report as JSON (fields in docs/report-channels.md)
    #[arg(long)]
    pub json: bool,
    /// Monthly budget to split, in dollars (default: what the channels spend now)
    #[arg(long, value_name = "B", value_parser = parse_money)]
    pub budget: Option<Money>,
    /// Per-channel spend bounds in dollars a month, e.g. "Email=500:6000,Events=10000:40000"
    #[arg(long, value_name = "NAME=LO:HI,...", value_parser = parse_bounds)]
    pub bounds: Option<BoundsList>,
}

/// The channels `--bounds` names, with their bounds.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundsList(pub Vec<NamedBounds>);

/// The bounds the command line gives one channel.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedBounds {
    /// The channel's name, as stored (any case).
    pub name: String,
    /// Its bounds, in dollars.
    pub bounds: Bounds,
}

/// One channel of the report: its plan row, the plan in cents and the history it was fitted to.
#[derive(Debug, Serialize)]
struct ReportChannel<'a> {
    #[serde(flatten)]
    plan: &'a ChannelPlan,
    recommended_spend_cents: i64,
    /// Months with spend or revenue (a month with neither is a gap, not history).
    history: Vec<&'a channels::ChannelMonth>,
}

/// The whole report.
#[derive(Debug, Serialize)]
struct ChannelsReport<'a> {
    latest_month: Option<&'a str>,
    plan_month: Option<&'a str>,
    budget: f64,
    multiplier: Option<f64>,
    current_revenue: f64,
    recommended_revenue: f64,
    uplift: f64,
    channels: Vec<ReportChannel<'a>>,
}

/// Builds the report text from the database.
pub fn render(conn: &Connection, args: &ChannelsArgs) -> anyhow::Result<String> {
    let data = channels::load(conn).context("cannot read the channels")?;
    if data.channels.is_empty() {
        bail!(Failure::new(
            FailureKind::NoData,
            "there are no channels (import channel-months or make a demo database)"
        ));
    }
    let fitted: Vec<FittedChannel> = data
        .channels
        .iter()
        .map(|c| FittedChannel::new(c.input()))
        .collect();
    let mut bounds = default_bounds(&fitted);
    for named in args.bounds.iter().flat_map(|list| &list.0) {
        let Some(i) = fitted
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(named.name.trim()))
        else {
            let names: Vec<&str> = fitted.iter().map(|c| c.name.as_str()).collect();
            bail!(Failure::new(
                FailureKind::BadInput,
                format!(
                    "no channel named '{}' (channels: {})",
                    named.name,
                    names.join(", ")
                )
            ));
        };
        bounds[i] = named.bounds;
    }
    let budget = match args.budget {
        Some(b) => dollars(b),
        None => fitted.iter().map(|c| c.current_spend).sum(),
    };
    let plan = plan(&fitted, &bounds, budget)?;
    json_or_text(&report(&data, &plan), args.json, |_| text(&data, &plan))
}

fn report<'a>(data: &'a Channels, plan: &'a Plan) -> ChannelsReport<'a> {
    let cents = plan.recommended_cents();
    ChannelsReport {
        latest_month: data.latest_month.as_deref(),
        plan_month: data.plan_month.as_deref(),
        budget: plan.budget,
        multiplier: plan.multiplier,
        current_revenue: plan.current_revenue,
        recommended_revenue: plan.recommended_revenue,
        uplift: plan.uplift,
        channels: plan
            .channels
            .iter()
            .zip(&data.channels)
            .zip(cents)
            .map(|((row, history), cents)| ReportChannel {
                plan: row,
                recommended_spend_cents: cents,
                history: history
                    .months
                    .iter()
                    .filter(|m| m.spend != Money::ZERO || m.revenue != Money::ZERO)
                    .collect(),
            })
            .collect(),
    }
}

fn whole(dollars: f64) -> String {
    Money((dollars * 100.0).round() as i64).whole()
}

fn text(data: &Channels, plan: &Plan) -> String {
    let mut out = format!(
        "Channels: budget {} a month, planned for {}\n\n{:<20} {:<11} {:>10} {:>10} {:>12} {:>12} {:>7} {:>7}\n",
        whole(plan.budget),
        data.plan_month.as_deref().unwrap_or("-"),
        "channel",
        "curve",
        "spend now",
        "advised",
        "revenue now",
        "advised rev",
        "ROI now",
        "ROI adv"
    );
    for row in &plan.channels {
        let opt = |v: Option<f64>| v.map_or("-".into(), whole);
        let roi = |v: Option<f64>| v.map_or("-".into(), |m| format!("{m:.2}"));
        out.push_str(&format!(
            "{:<20} {:<11} {:>10} {:>10} {:>12} {:>12} {:>7} {:>7}\n",
            row.name,
            row.fit.map_or("not fitted", |f| f.family().name()),
            whole(row.current_spend),
            whole(row.recommended_spend),
            opt(row.current_revenue),
            opt(row.recommended_revenue),
            roi(row.current_marginal),
            roi(row.recommended_marginal),
        ));
        if let Some(why) = &row.unfitted {
            out.push_str(&format!("  {}\n", why.explain()));
        }
    }
    out.push_str(&format!(
        "\npredicted revenue {} now, {} advised: uplift {}\n",
        whole(plan.current_revenue),
        whole(plan.recommended_revenue),
        whole(plan.uplift)
    ));
    out
}

fn parse_money(text: &str) -> Result<Money, String> {
    parse_amount("budget", text).map_err(|e| e.to_string())
}

/// Parses `NAME=LO:HI,...` (amounts in dollars).
fn parse_bounds(text: &str) -> Result<BoundsList, String> {
    let list: Result<Vec<NamedBounds>, String> = text
        .split(',')
        .filter(|part| !part.trim().is_empty())
        .map(|part| {
            let (name, range) = part
                .split_once('=')
                .ok_or_else(|| format!("'{part}' is not NAME=LO:HI"))?;
            let (lo, hi) = range
                .split_once(':')
                .ok_or_else(|| format!("'{range}' is not LO:HI"))?;
            let bounds = Bounds {
                lo: dollars(parse_amount("bounds", lo).map_err(|e| e.to_string())?),
                hi: dollars(parse_amount("bounds", hi).map_err(|e| e.to_string())?),
            };
            if bounds.lo > bounds.hi {
                return Err(format!("the bounds of {name}: {lo} is above {hi}"));
            }
            Ok(NamedBounds {
                name: name.trim().to_string(),
                bounds,
            })
        })
        .collect();
    list.map(BoundsList)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_parse_names_and_dollar_ranges() {
        let parsed = parse_bounds("Paid Search=1000:50000, Email=0:800.50")
            .expect("parses")
            .0;
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].name, "Paid Search");
        assert_eq!(parsed[1].bounds, Bounds { lo: 0.0, hi: 800.5 });
        assert!(parse_bounds("Email=5:1").is_err());
        assert!(parse_bounds("Email").is_err());
        assert!(parse_bounds("Email=5").is_err());
    }
}
