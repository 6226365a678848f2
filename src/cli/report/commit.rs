//! `salesdesk report commit`: the quarter call — P10/P50/P90 of bookings, Commit and Best-case
//! roll-ups, P(bookings ≥ quota) for the total and per team or rep, and the deals that move it —
//! as JSON (fields in docs/report-commit.md) or text. Run as of today it also stores the call
//! (once a day per period, never rewritten).

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::Args;
use rusqlite::Connection;

use super::commit_report::{By, CommitReport};
use super::commit_text::{render, render_backtest};
use super::output::{json_or_text, print};
use crate::analytics::commit::{CallPeriod, CommitSettings, backtest};
use crate::analytics::pipeline::Quarter;
use crate::analytics::scoring::ScoringSettings;
use crate::db::commit::{LiveCall, Stored, history, live_call, load_book, store};
use crate::db::read_only;

/// Options of `salesdesk report commit`.
#[derive(Debug, Args)]
pub struct CommitArgs {
    /// Print the report as JSON (fields in docs/report-commit.md)
    #[arg(long)]
    pub json: bool,
    /// The period: a quarter such as 2026Q4 or a month such as 2026-11 [default: the quarter of
    /// the as-of date]
    #[arg(long, value_name = "PERIOD", value_parser = parse_period)]
    pub period: Option<CallPeriod>,
    /// List one row per rep or per team under the total
    #[arg(long, value_enum)]
    pub by: Option<By>,
    /// Instead of today's call, back-test the call over this many quarters before the as-of
    /// date's quarter (1 to 40), replayed from the stage history
    #[arg(long, value_name = "QUARTERS", value_parser = clap::value_parser!(u8).range(1..=40))]
    pub backtest: Option<u8>,
    /// With --backtest: replay each quarter's call as of this many days after its first day
    /// (0 to 89)
    #[arg(long, value_name = "DAYS", default_value_t = 0, requires = "backtest",
          value_parser = clap::value_parser!(i64).range(0..=89))]
    pub days_into: i64,
}

/// Makes the call as of `as_of`, stores it when `as_of` is today, prints it.
pub fn run(
    conn: &Connection,
    as_of: NaiveDate,
    today: NaiveDate,
    args: &CommitArgs,
    commit: &CommitSettings,
    scoring: &ScoringSettings,
) -> anyhow::Result<()> {
    if let Some(n) = args.backtest {
        let book = load_book(conn).context("cannot read the deals")?;
        let mut quarters = vec![Quarter::containing(as_of).previous()];
        while quarters.len() < usize::from(n) {
            let earliest = quarters[quarters.len() - 1];
            quarters.push(earliest.previous());
        }
        quarters.reverse();
        let result = backtest(&book, &quarters, args.days_into, commit);
        return print(&json_or_text(&result, args.json, render_backtest)?);
    }
    let period = args.period.unwrap_or_else(|| CallPeriod::quarter_of(as_of));
    let LiveCall {
        call: made,
        win_probabilities,
        ..
    } = live_call(conn, period, as_of, (scoring, commit)).map_err(anyhow::Error::msg)?;
    let stored = match (read_only::reason(conn), as_of == today) {
        (Some(why), _) => format!("not stored: {why}"),
        (None, false) => "not stored: only a call as of today is stored".to_string(),
        (None, true) => match store(conn, &made).context("cannot store the call")? {
            Stored::Written => "written".to_string(),
            Stored::AlreadyStored => "already stored today".to_string(),
        },
    };
    let history = history(conn, &made.period).context("cannot read the stored calls")?;
    let report = CommitReport {
        call: made,
        win_probabilities,
        stored,
        history,
        by: args.by,
    };
    print(&json_or_text(&report, args.json, render)?)
}

fn parse_period(text: &str) -> Result<CallPeriod, String> {
    text.parse().map_err(|e| format!("{e}"))
}
