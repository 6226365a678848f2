//! The plain-text rendering of `salesdesk report commit`.

use std::fmt::Write as _;

use super::commit_report::{By, CommitReport};
use crate::analytics::commit::{Backtest, GroupCall, MIN_SWING};
use crate::domain::Money;

/// The call as text: the headline, the group rows asked for, the movers, the stored calls.
pub fn render(r: &CommitReport) -> String {
    let c = &r.call;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Call for {} ({} to {}) as of {}; win probabilities from {}",
        c.period, c.from, c.to, c.as_of, r.win_probabilities
    );
    let _ = writeln!(
        out,
        "Bookings: P10 {}  P50 {}  P90 {}  (grid error within ±{}; {}; see docs/report-commit.md)",
        c.total.spread.p10.whole(),
        c.total.spread.p50.whole(),
        c.total.spread.p90.whole(),
        c.total.spread.error.whole(),
        c.band
    );
    let _ = writeln!(
        out,
        "Closed {}  Commit {}  Best case {}  Open in period {} deals, {}",
        c.total.closed.whole(),
        c.total.commit.whole(),
        c.total.best_case.whole(),
        c.total.open_deals,
        c.total.open.whole()
    );
    if c.total.new_business.cents() > 0 {
        let _ = writeln!(
            out,
            "New business (deals not opened yet, from the 4 earlier periods) {} expected, in the spread",
            c.total.new_business.whole()
        );
    }
    let _ = writeln!(out, "Quota {}: P(hit) {}", quota(&c.total), hit(&c.total));
    let rows = match r.by {
        Some(By::Rep) => Some(("Rep", &c.reps)),
        Some(By::Team) => Some(("Team", &c.teams)),
        None => None,
    };
    if let Some((title, rows)) = rows {
        let _ = writeln!(
            out,
            "\n{title:<20} {:>13} {:>13} {:>13} {:>13} {:>13} {:>8}",
            "closed", "commit", "P10", "P50", "P90", "P(hit)"
        );
        for g in rows {
            let _ = writeln!(
                out,
                "{:<20} {:>13} {:>13} {:>13} {:>13} {:>13} {:>8}",
                g.name,
                g.closed.whole(),
                g.commit.whole(),
                g.spread.p10.whole(),
                g.spread.p50.whole(),
                g.spread.p90.whole(),
                hit(g)
            );
        }
    }
    if c.movers.is_empty() {
        let _ = writeln!(
            out,
            "\nNo single deal moves the total's P(hit) by {:.1} points or more",
            MIN_SWING * 100.0
        );
    } else {
        let _ = writeln!(
            out,
            "\nDeals that move P(hit) most\n{:>8} {:>13} {:>7} {:>11} {:>11}",
            "deal", "amount", "lands", "if won", "if not"
        );
        for m in &c.movers {
            let _ = writeln!(
                out,
                "{:>8} {:>13} {:>6.0}% {:>10.1}% {:>10.1}%",
                m.id,
                m.amount.whole(),
                m.land * 100.0,
                m.p_hit_if_won * 100.0,
                m.p_hit_if_not * 100.0
            );
        }
    }
    let _ = writeln!(
        out,
        "\nStored: {} ({} calls of the period stored)",
        r.stored,
        r.history.len()
    );
    out
}

fn quota(g: &GroupCall) -> String {
    g.quota.map_or("none".into(), Money::whole)
}

fn hit(g: &GroupCall) -> String {
    g.p_hit.map_or("—".into(), |p| format!("{:.1}%", p * 100.0))
}

/// The backtest as text: coverage, Brier scores and errors against the naive calls.
pub fn render_backtest(b: &Backtest) -> String {
    let mut out = String::new();
    let brier = |v: Option<f64>| v.map_or("n/a".into(), |v| format!("{v:.3}"));
    let _ = writeln!(
        out,
        "Backtest of {} (rep, quarter) pairs, each call replayed {} days into its quarter",
        b.pairs, b.days_into_quarter
    );
    let _ = writeln!(
        out,
        "Result inside the 80% band (P10 to P90): {:.1}% of pairs",
        b.coverage_80 * 100.0
    );
    let factors = b.results.iter().map(|r| r.band_factor);
    let (low, high) = factors.fold((f64::INFINITY, 0.0f64), |(lo, hi), f| {
        (lo.min(f), hi.max(f))
    });
    if !b.results.is_empty() {
        let _ = writeln!(
            out,
            "Each quarter's band calibrated on the replays of the quarters before it: ×{low:.2} to ×{high:.2}"
        );
    }
    let _ = writeln!(
        out,
        "\n{:<28} {:>12} {:>16}",
        "call", "Brier P(hit)", "mean |error|"
    );
    for (name, brier_score, mae) in [
        ("the call (P50)", b.brier_call, b.mae_call_cents),
        ("weighted pipeline", b.brier_weighted, b.mae_weighted_cents),
        (
            "stage-rate roll-up",
            b.brier_stage_rate,
            b.mae_stage_rate_cents,
        ),
    ] {
        let _ = writeln!(
            out,
            "{name:<28} {:>12} {:>16}",
            brier(brier_score),
            Money(mae.round() as i64).whole()
        );
    }
    out
}
