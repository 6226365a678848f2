//! The backtest on the demo generator, whose outcomes are known draws: the replayed call covers
//! at least 40 (rep, quarter) pairs, its P(hit) beats both naive calls on the Brier score, and
//! its band, calibrated on the quarters before each, covers 80% ± 5 points of the pairs, as the
//! issue asks (docs/report-commit.md has the figures through the quarter).

use chrono::NaiveDate;
use salesdesk::analytics::commit::{CommitSettings, backtest};
use salesdesk::db::commit::load_book;
use salesdesk::db::demo::{DemoOptions, generate};
use salesdesk::domain::Quarter;

#[test]
fn the_replayed_call_beats_the_naive_calls_on_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = salesdesk::db::open(&dir.path().join("demo.db"))
        .unwrap()
        .conn;
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let options = DemoOptions {
        customers: 400,
        deals: 3_000,
        months: 36,
        seed: 42,
        as_of,
    };
    generate(&mut conn, &options, false).unwrap();
    let book = load_book(&conn).unwrap();
    let mut q = Quarter::containing(as_of);
    let quarters: Vec<Quarter> = (0..8)
        .map(|_| {
            q = q.previous();
            q
        })
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let b = backtest(&book, &quarters, 0, &CommitSettings::default());
    eprintln!(
        "{} pairs, coverage {:.3}, Brier call {:?} weighted {:?} stage rate {:?}",
        b.pairs, b.coverage_80, b.brier_call, b.brier_weighted, b.brier_stage_rate
    );
    assert!(b.pairs >= 40, "{} pairs", b.pairs);
    assert!(
        (0.75..=0.85).contains(&b.coverage_80),
        "coverage {}",
        b.coverage_80
    );
    assert_eq!(b.results.len(), b.pairs);
    let call = b.brier_call.unwrap();
    assert!(call < b.brier_weighted.unwrap());
    assert!(call < b.brier_stage_rate.unwrap());
    for r in &b.results {
        assert!(
            r.p10_cents <= r.p50_cents && r.p50_cents <= r.p90_cents,
            "{r:?}"
        );
    }
}
