//! `salesdesk report tiers`: per customer V = R × P × L, ABC tier, RFM scores and segment and
//! next product, with the summary counts; as JSON (fields in docs/report-tiers.md) or text; or
//! with `--svg` the Tiers screen's charts as an SVG file.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::Args;
use rusqlite::Connection;

use super::output::{pretty_json, print};
use crate::analytics::value::{ValueSet, basis_note, retention_and_lifetime};
use crate::chart::{Chart, TiersChart};
use crate::db::tiers;
use crate::domain::{Money, group_thousands};

/// Options of `salesdesk report tiers`.
#[derive(Debug, Args)]
pub struct TiersArgs {
    /// Print the report as JSON (fields in docs/report-tiers.md)
    #[arg(long)]
    pub json: bool,
    /// Draw the Tiers screen's ABC and RFM bar charts to this SVG file instead of printing the
    /// report
    #[arg(long, value_name = "FILE", conflicts_with = "json")]
    pub svg: Option<PathBuf>,
}

/// Prints the tiers report, or with `--svg` draws its charts to a file and says so.
pub fn run(conn: &Connection, as_of: NaiveDate, args: &TiersArgs) -> anyhow::Result<()> {
    const CANNOT: &str = "cannot read the customers' value";
    if !args.json && args.svg.is_none() {
        return print(&summary(&tiers::values(conn, as_of).context(CANNOT)?));
    }
    let report = tiers::report(conn, as_of).context(CANNOT)?;
    let Some(path) = &args.svg else {
        return print(&pretty_json(&report)?);
    };
    Chart::Tiers(TiersChart::new(&report)?).write(path)?;
    print(&format!(
        "wrote the tiers chart of {} customers to {}\n",
        group_thousands(report.customers.len() as u128),
        path.display()
    ))
}

/// The summary counts as plain text (the per-customer rows, their names and next products are
/// not printed, so not built).
fn summary(set: &ValueSet) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Tiers as of {}: {}",
        set.as_of,
        retention_and_lifetime(set.retention, set.lifetime_years, false)
    );
    if let Some(note) = basis_note(set.basis, set.margin_known_share) {
        let _ = writeln!(out, "Value: {note}");
    }
    for (title, groups) in [("ABC tier", &set.tiers), ("RFM segment", &set.segments)] {
        let _ = writeln!(
            out,
            "\n{title:<14} {:>9} {:>16} {:>7}",
            "customers", "value", "share"
        );
        for g in groups {
            let _ = writeln!(
                out,
                "{:<14} {:>9} {:>16} {:>6.1}%",
                g.name,
                g.customers,
                Money(g.value_cents).whole(),
                g.value_share * 100.0
            );
        }
    }
    out
}
