//! Win-probability rows without hindsight: a closed deal gives a row per open stage it passed
//! through, with its features as they stood at that stage, and open deals score sensibly on
//! the demo book (rising with the stage, not collapsed near 0%).

mod common;

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use salesdesk::analytics::scoring::{Features, ScoringSettings, score_all};
use salesdesk::db::scoring_rows::{propensity_rows, win_rows};

use common::as_of;

fn day(text: &str) -> i64 {
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
    date.signed_duration_since(NaiveDate::default()).num_days()
}

/// One customer; a Won deal through Lead, Qualified and Proposal; a deal lost at Lead; an
/// open Proposal deal made on the desk (its first change comes from no stage); a deal made
/// after the as-of date; and an imported Won deal with no stage history.
fn history_db() -> Connection {
    let conn = salesdesk::db::open(std::path::Path::new(":memory:"))
        .unwrap()
        .conn;
    conn.execute_batch(
        "INSERT INTO reps (id, name, email, team, region, max_open_tasks)
             VALUES (1, 'Ann', 'ann@example.com', 'North team', 'North', 20);
         INSERT INTO products (id, name, family, list_price_cents, margin_bp)
             VALUES (1, 'Core', 'Core', 100000, 5000);
         INSERT INTO customers (id, name, industry, region, employees, owner_rep_id, created_on)
             VALUES (1, 'Acme', 'Retail', 'North', 10, 1, '2024-01-01');
         INSERT INTO deals (id, customer_id, rep_id, product_id, title, amount_cents, stage,
                            created_on, closed_on) VALUES
             (1, 1, 1, 1, 'won', 100000, 'Won', '2026-01-01', '2026-02-10'),
             (2, 1, 1, 1, 'lost', 50000, 'Lost', '2026-03-01', '2026-03-11'),
             (3, 1, 1, 1, 'open', 70000, 'Proposal', '2026-11-01', NULL),
             (4, 1, 1, 1, 'later', 70000, 'Lead', '2026-12-01', NULL),
             (5, 1, NULL, NULL, 'imported', 200000, 'Won', '2025-06-01', '2025-06-21');
         INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_on) VALUES
             (1, 'Lead', 'Qualified', '2026-01-11'),
             (1, 'Qualified', 'Proposal', '2026-01-21'),
             (1, 'Proposal', 'Won', '2026-02-10'),
             (2, 'Lead', 'Lost', '2026-03-11'),
             (3, NULL, 'Lead', '2026-11-01'),
             (3, 'Lead', 'Proposal', '2026-11-10'),
             (4, NULL, 'Lead', '2026-12-01');
         INSERT INTO activities (customer_id, deal_id, kind, happened_on) VALUES
             (1, 1, 'call', '2026-01-03'), (1, 1, 'call', '2026-01-15'),
             (1, 1, 'call', '2026-02-01'), (1, 3, 'call', '2026-11-20'),
             (1, 3, 'call', '2026-11-27'), (1, NULL, 'note', '2026-01-02');",
    )
    .unwrap();
    conn
}

fn numeric(features: &Features, name: &str) -> Vec<f64> {
    let column = features.numeric.iter().find(|n| n.name == name).unwrap();
    column.values.clone()
}

fn level_names(features: &Features, name: &str) -> Vec<String> {
    let column = features
        .categorical
        .iter()
        .find(|c| c.name == name)
        .unwrap();
    column
        .codes
        .iter()
        .map(|&c| column.levels[c as usize].clone())
        .collect()
}

fn ln_dollars(cents: f64) -> f64 {
    (cents / 100.0).ln_1p()
}

#[test]
fn a_closed_deal_gives_a_row_per_stage_it_passed_with_the_features_of_that_time() {
    let rows = win_rows(&history_db(), as_of(), usize::MAX).unwrap();
    let t = &rows.training;
    assert_eq!(
        level_names(&t.features, "stage_reached"),
        ["Lead", "Qualified", "Proposal", "Lead", "Lead"]
    );
    assert_eq!(t.labels, [true, true, true, false, true]);
    let (won, lost, imported) = (day("2026-02-10"), day("2026-03-11"), day("2025-06-21"));
    assert_eq!(t.time, [won, won, won, lost, imported]);
    assert_eq!(t.examples, Some((2, 1)));
    // Halfway through each stay: Jan 1–11, Jan 11–21, Jan 21–Feb 10; Mar 1–11; Jun 1–21.
    assert_eq!(
        numeric(&t.features, "cycle_days"),
        [5.0, 15.0, 30.0, 5.0, 10.0]
    );
    assert_eq!(
        numeric(&t.features, "activities"),
        [1.0, 2.0, 2.0, 0.0, 0.0]
    );
    // The customer's Won revenue closed before each deal was created: the imported $2,000
    // deal before deal 1, and deal 1's $1,000 as well before deal 2.
    assert_eq!(
        numeric(&t.features, "prior_won_ln"),
        [ln_dollars(200_000.0); 3]
            .into_iter()
            .chain([ln_dollars(300_000.0), 0.0])
            .collect::<Vec<_>>()
    );
    assert_eq!(
        numeric(&t.features, "ln_amount"),
        [ln_dollars(100_000.0); 3]
            .into_iter()
            .chain([ln_dollars(50_000.0), ln_dollars(200_000.0)])
            .collect::<Vec<_>>()
    );
    assert_eq!(
        level_names(&t.features, "rep"),
        ["1 Ann", "1 Ann", "1 Ann", "1 Ann", "(none)"]
    );
    assert_eq!(level_names(&t.features, "size"), ["small"; 5]);

    assert_eq!(rows.ids, [3]);
    let c = &rows.current;
    assert_eq!(level_names(c, "stage_reached"), ["Proposal"]);
    assert_eq!(numeric(c, "cycle_days"), [25.0]);
    assert_eq!(numeric(c, "activities"), [1.0]);
    assert_eq!(numeric(c, "prior_won_ln"), [ln_dollars(300_000.0)]);
}

#[test]
fn as_of_a_past_day_a_deal_closed_since_is_scored_at_the_stage_it_stood_at() {
    let conn = history_db();
    let on = NaiveDate::from_ymd_opt(2026, 1, 25).unwrap();
    let rows = win_rows(&conn, on, usize::MAX).unwrap();
    // Deal 1 was won on 02-10, so on 01-25 it stood open at Proposal (since 01-21); the imported
    // deal 5 closed before and teaches; the others were not created yet.
    assert_eq!(rows.ids, [1]);
    let c = &rows.current;
    assert_eq!(level_names(c, "stage_reached"), ["Proposal"]);
    assert_eq!(numeric(c, "cycle_days"), [24.0]);
    assert_eq!(numeric(c, "activities"), [2.0]);
    assert_eq!(rows.training.labels, [true]);
}

#[test]
fn a_cap_on_the_rows_keeps_a_fixed_sample_and_counts_every_deal() {
    let conn = history_db();
    let all = win_rows(&conn, as_of(), usize::MAX).unwrap();
    let few = win_rows(&conn, as_of(), 2).unwrap();
    assert!(few.training.labels.len() < all.training.labels.len());
    assert_eq!(few.training.examples, Some((2, 1)));
    assert_eq!(few, win_rows(&conn, as_of(), 2).unwrap());
}

/// The stage coefficients of the win model on a demo book (Qualified, Proposal, Negotiation;
/// Lead is the base), and per stage the mean, median and count of the open deals' win
/// probabilities.
type ByStage = ([f64; 3], HashMap<String, (f64, f64, usize)>);

fn by_stage(customers: u32, deals: u32) -> ByStage {
    let mut opened = salesdesk::db::open(std::path::Path::new(":memory:")).unwrap();
    let options = salesdesk::db::demo::DemoOptions {
        customers,
        deals,
        months: 36,
        seed: 7,
        as_of: as_of(),
    };
    salesdesk::db::demo::generate(&mut opened.conn, &options, false).unwrap();
    let conn = opened.conn;
    let settings = ScoringSettings::default();
    let win = win_rows(&conn, as_of(), settings.max_win_rows).unwrap();
    let propensity = propensity_rows(&conn, as_of()).unwrap();
    let set = score_all(&win, &propensity, &settings);
    let model = set.win.model.as_ref().unwrap();
    let coefficient = |stage: &str| {
        let name = format!("stage_reached={stage}");
        let j = model.spec.names.iter().position(|n| *n == name).unwrap();
        model.fit.coefficients[j]
    };
    let coefficients = ["Qualified", "Proposal", "Negotiation"].map(coefficient);
    let mut stage_of = conn
        .prepare("SELECT stage FROM deals WHERE id = ?1")
        .unwrap();
    let mut probabilities: HashMap<String, Vec<f64>> = HashMap::new();
    for (id, score) in &set.win.scores {
        let stage: String = stage_of.query_row([id], |r| r.get(0)).unwrap();
        probabilities
            .entry(stage)
            .or_default()
            .push(score.probability);
    }
    let stats = probabilities
        .into_iter()
        .map(|(stage, mut p)| {
            p.sort_by(f64::total_cmp);
            let mean = p.iter().sum::<f64>() / p.len() as f64;
            (stage, (mean, p[p.len() / 2], p.len()))
        })
        .collect();
    (coefficients, stats)
}

#[test]
fn open_deals_on_the_demo_book_score_higher_the_further_they_are() {
    let (coefficients, stages) = by_stage(600, 4_500);
    assert!(
        0.0 < coefficients[0]
            && coefficients[0] < coefficients[1]
            && coefficients[1] < coefficients[2],
        "{coefficients:?}"
    );
    let stat = |s: &str| stages.get(s).copied().unwrap_or((0.0, 0.0, 0));
    let (lead, qualified, proposal, negotiation) = (
        stat("Lead"),
        stat("Qualified"),
        stat("Proposal"),
        stat("Negotiation"),
    );
    assert!(proposal.2 > 20 && negotiation.2 > 10, "{stages:?}");
    assert!(proposal.1 > 0.2, "Proposal median {:?}", proposal);
    assert!(lead.1 > 0.1, "Lead median {:?}", lead);
    // Open Negotiation deals in the demo book are old (their age counts against them), so
    // their mean is compared with the early stages only; the stage effect itself is the
    // coefficients' order above.
    assert!(
        lead.0 < qualified.0 && qualified.0 < proposal.0 && lead.0 < negotiation.0,
        "{stages:?}"
    );
}

/// On a book file the customers at the cutoff and today (and the deals' activities) are read on
/// two connections at once; inside an open transaction, one after the other on one. Both give
/// the same rows, and both models fitted together equal each fitted alone.
#[test]
fn rows_read_on_two_connections_equal_rows_read_on_one() {
    let (_dir, path) = common::demo_book_file(&salesdesk::db::demo::DemoOptions {
        customers: 300,
        deals: 2_500,
        months: 36,
        seed: 11,
        as_of: as_of(),
    });
    let mut conn = salesdesk::db::open(&path).unwrap().conn;
    let settings = ScoringSettings::default();
    let parallel = (
        win_rows(&conn, as_of(), settings.max_win_rows).unwrap(),
        propensity_rows(&conn, as_of()).unwrap(),
    );
    let tx = conn.transaction().unwrap();
    let serial = (
        win_rows(&tx, as_of(), settings.max_win_rows).unwrap(),
        propensity_rows(&tx, as_of()).unwrap(),
    );
    tx.rollback().unwrap();
    assert!(!parallel.1.training.labels.is_empty() && !parallel.1.ids.is_empty());
    assert!(!parallel.0.training.labels.is_empty() && !parallel.0.ids.is_empty());
    assert_eq!(parallel, serial);
    let together = score_all(&parallel.0, &parallel.1, &settings);
    assert_eq!(
        together.propensity,
        salesdesk::analytics::scoring::fit_and_score(&parallel.1, &settings)
    );
    assert_eq!(
        together.win,
        salesdesk::analytics::scoring::fit_and_score(&parallel.0, &settings)
    );
}
