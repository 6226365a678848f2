//! The pipeline report as a plain-text table for people (the JSON is for scripts).

use std::fmt::Write as _;

use crate::analytics::pipeline::{BreakdownRow, PipelineReport};
use crate::domain::{Money, group_thousands};

/// Renders the report as aligned plain-text sections.
pub fn render(r: &PipelineReport) -> String {
    let mut out = String::new();
    let k = &r.kpis;
    let _ = writeln!(
        out,
        "Pipeline report: {}, {} to {} (as of {})\n",
        r.period_kind.label(),
        r.period.from,
        r.period.to,
        r.as_of
    );
    let lines = [
        (
            "Win rate",
            format!(
                "{} ({} won, {} lost)",
                pct(k.win_rate),
                count(k.won),
                count(k.lost)
            ),
        ),
        ("Won value", k.won_value.whole()),
        ("Average won deal", money(k.average_won_deal)),
        (
            "Sales cycle",
            format!(
                "mean {} days, median {} days",
                num(k.cycle_days_mean),
                num(k.cycle_days_median)
            ),
        ),
        ("Open deals", count(k.open_deals)),
        (
            "Velocity",
            format!(
                "{} per day, {} per 30 days",
                money(k.velocity_per_day),
                money(k.velocity_per_30_days)
            ),
        ),
    ];
    for (label, value) in lines {
        let _ = writeln!(out, "{label:<18} {value}");
    }

    let w = r
        .stages
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(13);
    let _ = writeln!(
        out,
        "\n{:<w$} {:>9} {:>16} {:>16} {:>7}",
        "Stage", "Deals", "Value", "Weighted", "Stale"
    );
    for s in &r.stages {
        let _ = writeln!(
            out,
            "{:<w$} {:>9} {:>16} {:>16} {:>7}",
            s.name,
            count(s.count),
            s.sum.whole(),
            s.weighted.whole(),
            count(s.stale)
        );
    }

    let _ = writeln!(
        out,
        "\n{:<26} {:>9} {:>10} {:>7}",
        "Conversion", "Entered", "Converted", "Rate"
    );
    for c in k.conversions.iter().chain(&k.first_to_won) {
        let step = format!("{} → {}", c.from_name, c.to_name);
        let _ = writeln!(
            out,
            "{step:<26} {:>9} {:>10} {:>7}",
            count(c.entered),
            count(c.converted),
            pct(c.rate)
        );
    }
    let unused: Vec<&str> = k
        .days_in_stage
        .iter()
        .filter(|d| d.unused)
        .map(|d| d.name.as_str())
        .collect();
    if !unused.is_empty() {
        let _ = writeln!(
            out,
            "— No deal in this book ever stood in {}: deals only jump past, so no rate is measured.",
            unused.join(", ")
        );
    }

    let _ = writeln!(
        out,
        "\n{:<w$} {:>9} {:>10}",
        "Days in stage", "Stays", "Mean days"
    );
    for d in &k.days_in_stage {
        let _ = writeln!(
            out,
            "{:<w$} {:>9} {:>10}",
            d.name,
            count(d.stints),
            num(d.mean_days)
        );
    }

    let _ = writeln!(
        out,
        "\n{:<24} {:<16} {:>14} {:>14} {:>8}",
        "Quota", "Team", "Won", "Quota", "Attained"
    );
    for rep in &r.quota.reps {
        let _ = writeln!(
            out,
            "{:<24} {:<16} {:>14} {:>14} {:>8}",
            rep.name,
            rep.team,
            rep.won_value.whole(),
            rep.quota
                .map_or_else(|| "no quota".to_string(), |q| q.whole()),
            pct(rep.attainment)
        );
    }
    for team in &r.quota.teams {
        let name = format!("Team {}", team.team);
        let _ = writeln!(
            out,
            "{name:<24} {:<16} {:>14} {:>14} {:>8}",
            format!("{} reps", team.reps),
            team.won_value.whole(),
            team.quota
                .map_or_else(|| "no quota".to_string(), |q| q.whole()),
            pct(team.attainment)
        );
    }

    breakdown(&mut out, "Rep", &r.by_rep);
    breakdown(&mut out, "Product", &r.by_product);
    out
}

fn breakdown(out: &mut String, title: &str, rows: &[BreakdownRow]) {
    let _ = writeln!(
        out,
        "\n{title:<24} {:>7} {:>7} {:>7} {:>8} {:>14}",
        "Won", "Lost", "Open", "Win rate", "Won value"
    );
    for row in rows {
        let _ = writeln!(
            out,
            "{:<24} {:>7} {:>7} {:>7} {:>8} {:>14}",
            row.name,
            count(row.won),
            count(row.lost),
            count(row.open),
            pct(row.win_rate),
            row.won_value.whole()
        );
    }
}

fn count(n: u64) -> String {
    group_thousands(u128::from(n))
}

fn pct(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_string(), |r| format!("{:.1}%", r * 100.0))
}

fn num(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v:.1}"))
}

fn money(value: Option<Money>) -> String {
    value.map_or_else(|| "—".to_string(), Money::whole)
}
