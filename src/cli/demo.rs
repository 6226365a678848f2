//! `salesdesk demo`: fill a database with a deterministic demo book of business.

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use clap::Args;

use crate::db::{self, demo::DemoOptions};
use crate::domain::group_thousands;

/// Options of `salesdesk demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many customers
    #[arg(long, default_value_t = 2_000, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub customers: u32,
    /// How many deals [default: 7.5 per customer]
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=20_000_000))]
    pub deals: Option<u32>,
    /// Seed of the random generator: the same seed gives the same book
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Months of history, ending at the as-of date
    #[arg(long, default_value_t = 36, value_parser = clap::value_parser!(u32).range(1..=240))]
    pub months: u32,
    /// Replace whatever the database holds
    #[arg(long)]
    pub force: bool,
    /// Print how long each phase took
    #[arg(long)]
    pub timings: bool,
}

/// Generates the demo book into the database at `path`.
pub fn run(path: &Path, as_of: NaiveDate, args: &DemoArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let options = DemoOptions {
        customers: args.customers,
        deals: args
            .deals
            .unwrap_or_else(|| args.customers.saturating_mul(15) / 2)
            .max(1),
        months: args.months,
        seed: args.seed,
        as_of,
    };
    let (_lock, mut opened) = super::open_for_writing(path)?;
    let summary = db::demo::generate(&mut opened.conn, &options, args.force)?;
    let n = |v: u64| group_thousands(u128::from(v));
    println!(
        "Wrote demo data to {}: {} reps, {} products, {} customers, {} deals, {} stage changes, \
         {} activities, {} tasks, {} quotas, {} channels with {} months, in {:.1}s",
        path.display(),
        n(summary.reps),
        n(summary.products),
        n(summary.customers),
        n(summary.deals),
        n(summary.stage_changes),
        n(summary.activities),
        n(summary.tasks),
        n(summary.quotas),
        n(summary.channels),
        n(summary.channel_months),
        started.elapsed().as_secs_f64(),
    );
    if args.timings {
        for (phase, took) in &summary.phases {
            println!("  {phase:<24} {:>8.3}s", took.as_secs_f64());
        }
    }
    Ok(())
}
