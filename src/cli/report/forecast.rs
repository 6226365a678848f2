//! `salesdesk report forecast`: every series of one breakdown with its model, forecast and
//! backtest, as JSON (fields in docs/report-forecast.md) or a plain-text table; or with `--svg`
//! one series' chart as an SVG file.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use clap::Args;
use rusqlite::Connection;

use super::output::{json_or_text, print};
use crate::analytics::forecast::{
    Breakdown, DEFAULT_HORIZON, ForecastOptions, ForecastReport, ForecastSet, SeriesForecast,
    SeriesReport, check_horizon, forecast_groups,
};
use crate::chart::{Chart, ForecastChart};
use crate::cli::failure::{Failure, FailureKind};
use crate::db::forecast_series;
use crate::domain::Money;

/// Options of `salesdesk report forecast`.
#[derive(Debug, Args)]
pub struct ForecastArgs {
    /// Print the report as JSON (fields in docs/report-forecast.md)
    #[arg(long)]
    pub json: bool,
    /// Months to forecast, 1 to 36
    #[arg(long, value_name = "MONTHS", default_value_t = DEFAULT_HORIZON, value_parser = parse_horizon)]
    pub horizon: usize,
    /// One series for the total, or one per rep, product, team or pipeline
    #[arg(long, value_name = "BREAKDOWN", default_value = "total", value_parser = parse_breakdown)]
    pub by: Breakdown,
    /// Draw the chart of one series (the Forecast screen's) to this SVG file instead of printing
    /// the report
    #[arg(long, value_name = "FILE", conflicts_with = "json")]
    pub svg: Option<PathBuf>,
    /// With --svg: the rep, product or team of --by to draw (the total needs none)
    #[arg(long, value_name = "NAME")]
    pub group: Option<String>,
}

/// Prints the report, or with `--svg` draws one series' chart to a file and says so.
pub fn run(conn: &Connection, as_of: NaiveDate, args: &ForecastArgs) -> anyhow::Result<()> {
    let Some(path) = &args.svg else {
        if args.group.is_some() {
            bail!(Failure::new(
                FailureKind::Usage,
                "--group picks the series to chart; use it with --svg FILE"
            ));
        }
        return print(&render(conn, as_of, args)?);
    };
    let set = fit(conn, as_of, args)?;
    let shown = pick_group(&set, args.by, args.group.as_deref())?;
    let chart = ForecastChart::new(shown, set.as_of)?;
    Chart::Forecast(Box::new(chart)).write(path)?;
    print(&format!(
        "wrote the forecast chart of {} ({} months) to {}\n",
        shown.name,
        set.horizon,
        path.display()
    ))
}

/// Fits the forecasts of `args.by` as of `as_of` and renders them.
pub fn render(conn: &Connection, as_of: NaiveDate, args: &ForecastArgs) -> anyhow::Result<String> {
    let set = fit(conn, as_of, args)?;
    let report = ForecastReport::new(&set, args.by);
    json_or_text(&report, args.json, text)
}

/// Every series fitted as of `as_of`; a book without a won deal has nothing to forecast.
fn fit(conn: &Connection, as_of: NaiveDate, args: &ForecastArgs) -> anyhow::Result<ForecastSet> {
    let groups = forecast_series::load_bookings(conn, as_of).context("cannot read the bookings")?;
    let set = forecast_groups(groups, as_of, ForecastOptions::with_horizon(args.horizon));
    if set.of(Breakdown::Total).all(|s| s.series.is_none()) {
        bail!(Failure::new(
            FailureKind::NoData,
            format!(
                "no won deals closed before {}: nothing to forecast (the series ends at {}; try a later --as-of)",
                set.last_month.plus(1),
                set.last_month
            )
        ));
    }
    Ok(set)
}

/// The group of `by` named `name` (any case); without a name, the breakdown's only group (the
/// total), since a chart shows one series.
fn pick_group<'a>(
    set: &'a ForecastSet,
    by: Breakdown,
    name: Option<&str>,
) -> anyhow::Result<&'a SeriesForecast> {
    let groups: Vec<&SeriesForecast> = set.of(by).collect();
    let found = match (name, groups.as_slice()) {
        (None, [only]) => Some(*only),
        (None, _) => None,
        (Some(name), _) => groups
            .iter()
            .find(|g| g.name.eq_ignore_ascii_case(name.trim()))
            .copied(),
    };
    let failure = || {
        let mut names: Vec<&str> = groups.iter().take(5).map(|g| g.name.as_str()).collect();
        if groups.len() > names.len() {
            names.push("…");
        }
        let names = names.join(", ");
        match name {
            Some(name) => Failure::new(
                FailureKind::BadInput,
                format!("no {by} called '{name}' to chart; try one of: {names}"),
            ),
            None => Failure::new(
                FailureKind::Usage,
                format!("a chart shows one series: add --group NAME with one {by} of: {names}"),
            ),
        }
    };
    Ok(found.ok_or_else(failure)?)
}

/// The report as plain text: per series its fit, backtest and forecast rows.
fn text(report: &ForecastReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Forecast by {}: {} months after {} (as of {})",
        report.by, report.horizon, report.last_month, report.as_of
    );
    for series in &report.series {
        let _ = writeln!(out, "\n{}", series.name);
        if let Some(error) = &series.error {
            let _ = writeln!(out, "  {error}");
        } else {
            series_text(series, &mut out);
        }
        pipeline_text(series, &mut out);
    }
    out
}

/// The weighted open pipeline by expected close month, then the deals with no date as their
/// own bucket.
fn pipeline_text(s: &SeriesReport, out: &mut String) {
    let _ = writeln!(
        out,
        "  weighted open pipeline by expected close month (overdue in the as-of month)"
    );
    for row in &s.pipeline {
        let _ = writeln!(
            out,
            "  {:<8} {:>14}",
            row.month.to_string(),
            Money(row.weighted_cents).whole()
        );
    }
    let _ = writeln!(
        out,
        "  {:<8} {:>14}  (open deals with no expected close date)",
        "undated",
        Money(s.pipeline_undated_cents).whole()
    );
}

fn series_text(s: &SeriesReport, out: &mut String) {
    let ratio = |v: Option<f64>| v.map_or("n/a".to_string(), |v| format!("{v:.3}"));
    let _ = writeln!(
        out,
        "  {} months from {}; R² {}, adjusted {}, df {}",
        s.values.len(),
        s.months.first().map(|m| m.to_string()).unwrap_or_default(),
        ratio(s.r2),
        ratio(s.adj_r2),
        s.df.unwrap_or_default()
    );
    if let Some(bt) = &s.backtest {
        let mape = |m: Option<f64>| m.map_or("n/a".to_string(), |m| format!("{:.1}%", m * 100.0));
        let _ = writeln!(
            out,
            "  backtest ({} origins, h 1-{}): MAE {} (seasonal naive {}), MAPE {} (naive {})",
            bt.origins,
            bt.steps,
            money(bt.model.mae),
            money(bt.seasonal_naive.mae),
            mape(bt.model.mape),
            mape(bt.seasonal_naive.mape)
        );
    }
    let _ = writeln!(
        out,
        "  {:<8} {:>14} {:>29} {:>29}",
        "month", "forecast", "80% interval", "95% interval"
    );
    for row in &s.forecast {
        let line = format!(
            "  {:<8} {:>14} {:>14}–{:<14} {:>14}–{}",
            row.month.to_string(),
            money(row.mean),
            money(row.pi80_lo),
            money(row.pi80_hi),
            money(row.pi95_lo),
            money(row.pi95_hi)
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

fn money(cents: f64) -> String {
    Money(cents.round() as i64).whole()
}

fn parse_horizon(text: &str) -> Result<usize, String> {
    let months: usize = text
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a number of months; use 1 to 36"))?;
    check_horizon(months).map_err(|e| e.to_string())
}

fn parse_breakdown(text: &str) -> Result<Breakdown, String> {
    text.parse().map_err(|e| format!("{e}"))
}
