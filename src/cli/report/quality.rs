//! `salesdesk report quality`: what in the book needs care — likely duplicate customers, missing
//! fields, impossible values, outliers — each with a count and the first row ids; as JSON (fields
//! in docs/report-quality.md) or text.

use std::fmt::Write as _;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::Args;
use rusqlite::Connection;

use super::output::{json_or_text, print};
use crate::db::quality::{QualityReport, quality_report};
use crate::domain::group_thousands;

/// Options of `salesdesk report quality`.
#[derive(Debug, Args)]
pub struct QualityArgs {
    /// Print the report as JSON (fields in docs/report-quality.md)
    #[arg(long)]
    pub json: bool,
}

/// How many ids and pairs the text lists per check.
const SHOWN: usize = 10;

/// Prints the quality report.
pub fn run(conn: &Connection, as_of: NaiveDate, args: &QualityArgs) -> anyhow::Result<()> {
    let report = quality_report(conn, as_of).context("cannot check the book")?;
    print(&json_or_text(&report, args.json, render)?)
}

/// The report as plain text: one line per check, then the first duplicate pairs.
pub fn render(report: &QualityReport) -> String {
    let mut out = format!(
        "Data quality as of {}: {} rows need care\n",
        report.as_of,
        group_thousands(u128::from(report.total()))
    );
    let mut group = "";
    for check in &report.checks {
        if check.group != group {
            group = check.group;
            let _ = writeln!(out, "\n{group}");
        }
        let _ = write!(
            out,
            "  {:>9}  {}",
            group_thousands(u128::from(check.count)),
            check.words
        );
        if !check.ids.is_empty() && check.key != "duplicate_customers" {
            let ids: Vec<String> = check.ids.iter().take(SHOWN).map(i64::to_string).collect();
            let more = if check.count as usize > SHOWN {
                ", …"
            } else {
                ""
            };
            let _ = write!(out, "\n             ids {}{more}", ids.join(", "));
        }
        out.push('\n');
    }
    if !report.duplicates.is_empty() {
        let _ = writeln!(
            out,
            "\nLikely duplicates (merge with `salesdesk merge customer KEEP GONE`)"
        );
        for pair in report.duplicates.iter().take(SHOWN) {
            let _ = writeln!(
                out,
                "  {} {} / {} {}: {}",
                pair.a, pair.a_name, pair.b, pair.b_name, pair.why
            );
        }
    }
    out
}
