//! Pipeline KPIs on a small hand-made book whose every answer is worked out by hand below.
//!
//! As of 2026-11-26. Trailing 12 months = 2025-11-27 ..= 2026-11-26. Amounts in dollars.
//!
//! | deal | stage now   | rep  | product | amount | created    | closed     | stage changes                                   |
//! |------|-------------|------|---------|--------|------------|------------|-------------------------------------------------|
//! | D1   | Won         | Ann  | Core    | 10,000 | 2026-10-01 | 2026-10-11 | Q 10-03, P 10-05, N 10-08, Won 10-11            |
//! | D2   | Won         | Ann  | Support | 20,000 | 2026-08-01 | 2026-08-21 | P 08-06 (skips Q), Won 08-21 (skips N)          |
//! | D3   | Won         | Bo   | Core    | 60,000 | 2026-03-02 | 2026-05-01 | Q 03-12, N 04-01 (skips P), Won 05-01           |
//! | D4   | Lost        | Cleo | Support |  5,000 | 2026-09-01 | 2026-09-15 | Q 09-05, Lost 09-15                             |
//! | D5   | Won         | Ann  | Core    |  7,000 | 2025-09-01 | 2025-11-26 | Won 2025-11-26 (the day before the period)      |
//! | D6   | Lead        | Bo   | Core    |  1,000 | 2026-11-20 |            | none                                            |
//! | D7   | Proposal    | Cleo | Support |  4,000 | 2026-10-01 |            | P 10-20; own probability 90%                    |
//! | D8   | Negotiation | Ann  | Core    |  3,000 | 2026-11-01 |            | Q 11-05, N 11-20                                |
//! | D9   | Proposal    | Bo   | (none)  |  2,000 | 2026-11-10 |            | P 11-24                                         |
//! | D10  | Won         | Cleo | Core    |  8,000 | 2026-11-01 | 2026-12-05 | Q 11-10, Won 12-05 (after as-of: rewound)       |
//! | D11  | Lead        | Ann  | Core    |    500 | 2026-12-01 |            | created after as-of: not there yet              |
//!
//! Stage settings: defaults (10/25/50/70 %, stale after 30/21/14/10 days) except Negotiation
//! stale after 5 days. Teams: Ann and Bo in North, Cleo in South.

use chrono::NaiveDate;
use rusqlite::{Connection, params};
use salesdesk::analytics::pipeline::{
    self, BreakdownRow, PeriodKind, PipelineView, StageConversion, StageDwell, StageTotal,
};
use salesdesk::db::pipeline_facts::load_facts;
use salesdesk::db::pipelines::{NewStage, StageEdit, apply_stage_edit};
use salesdesk::domain::{Money, Stage};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn as_of() -> NaiveDate {
    day(2026, 11, 26)
}

fn close(actual: Option<f64>, expected: f64) -> bool {
    actual.is_some_and(|a| (a - expected).abs() < 1e-9)
}

type DealRow = (
    i64,
    &'static str,
    i64,
    Option<i64>,
    i64,
    &'static str,
    Option<&'static str>,
    Option<i64>,
);

fn book() -> Connection {
    let conn = salesdesk::db::open(std::path::Path::new(":memory:"))
        .unwrap()
        .conn;
    conn.execute_batch(
        "INSERT INTO reps (id, name, email, team, region, max_open_tasks) VALUES
            (1, 'Ann', 'ann@example.com', 'North', 'North', 10),
            (2, 'Bo', 'bo@example.com', 'North', 'North', 10),
            (3, 'Cleo', 'cleo@example.com', 'South', 'South', 10);
         INSERT INTO products (id, name, family, list_price_cents, margin_bp) VALUES
            (1, 'Core', 'Core', 100000, 5000),
            (2, 'Support', 'Services', 50000, 3000);
         INSERT INTO customers (id, name, industry, region, owner_rep_id, created_on)
            VALUES (1, 'Acme', 'Retail', 'North', 1, '2024-01-01');
         UPDATE stages SET stale_days = 5 WHERE name = 'Negotiation';
         INSERT INTO quotas (rep_id, quarter, amount_cents) VALUES
            (1, '2025-Q4', 920000), (1, '2026-Q3', 3950000), (1, '2026-Q4', 9200000),
            (2, '2026-Q2', 6000000), (2, '2027-Q1', 5000000);",
    )
    .unwrap();
    // (id, stage, rep, product, dollars, created, closed, probability_bp)
    let deals: [DealRow; 11] = [
        (
            1,
            "Won",
            1,
            Some(1),
            10_000,
            "2026-10-01",
            Some("2026-10-11"),
            None,
        ),
        (
            2,
            "Won",
            1,
            Some(2),
            20_000,
            "2026-08-01",
            Some("2026-08-21"),
            None,
        ),
        (
            3,
            "Won",
            2,
            Some(1),
            60_000,
            "2026-03-02",
            Some("2026-05-01"),
            None,
        ),
        (
            4,
            "Lost",
            3,
            Some(2),
            5_000,
            "2026-09-01",
            Some("2026-09-15"),
            None,
        ),
        (
            5,
            "Won",
            1,
            Some(1),
            7_000,
            "2025-09-01",
            Some("2025-11-26"),
            None,
        ),
        (6, "Lead", 2, Some(1), 1_000, "2026-11-20", None, None),
        (
            7,
            "Proposal",
            3,
            Some(2),
            4_000,
            "2026-10-01",
            None,
            Some(9000),
        ),
        (
            8,
            "Negotiation",
            1,
            Some(1),
            3_000,
            "2026-11-01",
            None,
            None,
        ),
        (9, "Proposal", 2, None, 2_000, "2026-11-10", None, None),
        (
            10,
            "Won",
            3,
            Some(1),
            8_000,
            "2026-11-01",
            Some("2026-12-05"),
            None,
        ),
        (11, "Lead", 1, Some(1), 500, "2026-12-01", None, None),
    ];
    for (id, stage, rep, product, dollars, created, closed, bp) in deals {
        conn.execute(
            "INSERT INTO deals (id, customer_id, rep_id, product_id, title, amount_cents, stage,
                                created_on, closed_on, probability_bp)
             VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                id,
                rep,
                product,
                format!("D{id}"),
                dollars * 100,
                stage,
                created,
                closed,
                bp
            ],
        )
        .unwrap();
    }
    let changes = [
        (1, "Lead", "Qualified", "2026-10-03"),
        (1, "Qualified", "Proposal", "2026-10-05"),
        (1, "Proposal", "Negotiation", "2026-10-08"),
        (1, "Negotiation", "Won", "2026-10-11"),
        (2, "Lead", "Proposal", "2026-08-06"),
        (2, "Proposal", "Won", "2026-08-21"),
        (3, "Lead", "Qualified", "2026-03-12"),
        (3, "Qualified", "Negotiation", "2026-04-01"),
        (3, "Negotiation", "Won", "2026-05-01"),
        (4, "Lead", "Qualified", "2026-09-05"),
        (4, "Qualified", "Lost", "2026-09-15"),
        (5, "Lead", "Won", "2025-11-26"),
        (7, "Lead", "Proposal", "2026-10-20"),
        // D8's changes are inserted out of date order on purpose.
        (8, "Qualified", "Negotiation", "2026-11-20"),
        (8, "Lead", "Qualified", "2026-11-05"),
        (9, "Lead", "Proposal", "2026-11-24"),
        (10, "Lead", "Qualified", "2026-11-10"),
        (10, "Qualified", "Won", "2026-12-05"),
    ];
    for (deal, from, to, on) in changes {
        conn.execute(
            "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_on)
             VALUES (?1, ?2, ?3, ?4)",
            params![deal, from, to, on],
        )
        .unwrap();
    }
    conn
}

/// A stage's name in the standard book.
fn name(stage: Stage) -> String {
    salesdesk::domain::Pipelines::default()
        .name(stage)
        .to_string()
}

/// The book above with a second pipeline, Renewals (Due 40%, Signed 80%), holding three deals
/// of Bo's for Support: R1 Won $30,000 (created 06-01, Signed 06-15, Won 07-01), R2 open in
/// Signed $9,000 (created 11-01, Signed 11-10), R3 Lost $2,000 (created 10-01, Lost 10-20).
fn two_pipelines() -> Connection {
    let mut conn = book();
    let stage = |name: &str, probability_bp, stale_days| NewStage {
        name: name.into(),
        probability_bp,
        stale_days,
    };
    let renewals = StageEdit::AddPipeline {
        name: "Renewals".into(),
        stages: vec![stage("Due", 4_000, 30), stage("Signed", 8_000, 30)],
    };
    apply_stage_edit(&mut conn, &renewals, as_of(), "2026-11-26 09:00:00", "test").unwrap();
    conn.execute_batch(
        "INSERT INTO deals (id, pipeline_id, customer_id, rep_id, product_id, title, amount_cents,
                           stage, created_on, closed_on) VALUES
            (101, 2, 1, 2, 2, 'R1', 3000000, 'Won', '2026-06-01', '2026-07-01'),
            (102, 2, 1, 2, 2, 'R2', 900000, 'Signed', '2026-11-01', NULL),
            (103, 2, 1, 2, 2, 'R3', 200000, 'Lost', '2026-10-01', '2026-10-20');
         INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_on) VALUES
            (101, 'Due', 'Signed', '2026-06-15'), (101, 'Signed', 'Won', '2026-07-01'),
            (102, 'Due', 'Signed', '2026-11-10'), (103, 'Due', 'Lost', '2026-10-20');",
    )
    .unwrap();
    conn
}

/// The KPIs of the Default pipeline, read from the two-pipeline book: every test below that
/// uses it gives the numbers worked out for the one-pipeline book above.
fn facts() -> pipeline::PipelineFacts {
    load_facts(&two_pipelines()).unwrap().scoped(Some(1))
}

#[test]
fn the_second_pipeline_and_the_book_together() {
    let period = PeriodKind::Trailing12Months.period(as_of());
    let renewals = load_facts(&two_pipelines()).unwrap().scoped(Some(2));
    let k = pipeline::kpis(&renewals, period, as_of());
    assert_eq!((k.won, k.lost), (1, 1));
    assert_eq!(k.won_value, Money::from_units(30_000));
    let rates: Vec<(String, String, u64, u64)> = k
        .conversions
        .iter()
        .map(|c| {
            (
                c.from_name.clone(),
                c.to_name.clone(),
                c.entered,
                c.converted,
            )
        })
        .collect();
    // Due: R1, R2, R3 entered; R1 and R2 reached Signed. Signed: R1 and R2; R1 Won.
    assert_eq!(
        rates,
        [
            ("Due".to_string(), "Signed".to_string(), 3, 2),
            ("Signed".to_string(), "Won".to_string(), 2, 1)
        ]
    );
    assert_eq!(k.first_to_won.len(), 1);
    assert_eq!(
        (k.first_to_won[0].entered, k.first_to_won[0].converted),
        (3, 1)
    );
    // Due stays: R1 14 days, R2 9, R3 19 (to Lost) → 14; Signed: R1 16 (R2's has not ended).
    let dwell: Vec<Option<f64>> = k.days_in_stage.iter().map(|d| d.mean_days).collect();
    assert_eq!(dwell, [Some(14.0), Some(16.0)]);
    let totals = pipeline::stage_totals(&renewals, as_of());
    let signed = totals.iter().find(|t| t.name == "Signed").unwrap();
    assert_eq!(
        (signed.count, signed.weighted),
        (1, Money::from_units(7_200))
    );

    let all = load_facts(&two_pipelines()).unwrap();
    let k = pipeline::kpis(&all, period, as_of());
    assert_eq!((k.won, k.lost), (4, 2), "both pipelines' closes");
    assert_eq!(k.won_value, Money::from_units(120_000));
    let names: Vec<&str> = k.conversions.iter().map(|c| c.from_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Default · Lead",
            "Default · Qualified",
            "Default · Proposal",
            "Default · Negotiation",
            "Renewals · Due",
            "Renewals · Signed"
        ]
    );
    assert_eq!(k.first_to_won.len(), 2);
    assert_eq!(pipeline::stage_totals(&all, as_of()).len(), 6);
}

#[test]
fn headline_kpis_of_the_trailing_year() {
    let facts = facts();
    let period = PeriodKind::Trailing12Months.period(as_of());
    assert_eq!((period.from, period.to), (day(2025, 11, 27), as_of()));
    let k = pipeline::kpis(&facts, period, as_of());
    // Closed in the period: Won D1, D2, D3 and Lost D4 (D5 closed the day before, D10 after).
    assert_eq!((k.won, k.lost), (3, 1));
    // 3 / (3 + 1) = 0.75.
    assert!(close(k.win_rate, 0.75));
    // 10,000 + 20,000 + 60,000 = 90,000; mean 30,000.
    assert_eq!(k.won_value, Money::from_units(90_000));
    assert_eq!(k.average_won_deal, Some(Money::from_units(30_000)));
    // Cycles 10 (Oct 1 → 11), 20 (Aug 1 → 21), 60 (Mar 2 → May 1): mean 30, median 20.
    assert!(close(k.cycle_days_mean, 30.0));
    assert!(close(k.cycle_days_median, 20.0));
    // Open on the as-of date: D6, D7, D8, D9 and D10 (Won only on 12-05); D11 not yet created.
    assert_eq!(k.open_deals, 5);
    // 5 × $30,000 × 0.75 ÷ 30 days = $3,750 per day, $112,500 per 30 days.
    assert_eq!(k.velocity_per_day, Some(Money::from_units(3_750)));
    assert_eq!(k.velocity_per_30_days, Some(Money::from_units(112_500)));
}

#[test]
fn stage_conversion_counts_skipped_stages_as_passed() {
    let k = pipeline::kpis(
        &facts(),
        PeriodKind::Trailing12Months.period(as_of()),
        as_of(),
    );
    let conv = |from, to, entered, converted, rate: f64| StageConversion {
        from,
        to,
        from_name: name(from),
        to_name: name(to),
        entered,
        converted,
        rate: Some(rate),
        unused: false,
    };
    // Reached Lead in the period: every deal but D5 (2025-09-01) and D11 (not yet) = 9;
    // reached Qualified or beyond later: all but D6 = 8.
    // Reached Qualified in the period: D1, D2 (skipped), D3, D4, D7 (skipped), D8, D9
    // (skipped), D10 = 8; reached Proposal or beyond: D1, D2, D3 (skipped), D7, D8 (skipped),
    // D9 = 6 (D4 was lost, D10 sits in Qualified on the as-of date).
    // Reached Proposal: those 6; reached Negotiation or beyond: D1, D2 (skipped), D3, D8 = 4.
    // Reached Negotiation: those 4; Won: D1, D2, D3 = 3. D5 reached everything the day before.
    assert_eq!(
        k.conversions,
        vec![
            conv(Stage::Open(0), Stage::Open(1), 9, 8, 8.0 / 9.0),
            conv(Stage::Open(1), Stage::Open(2), 8, 6, 0.75),
            conv(Stage::Open(2), Stage::Open(3), 6, 4, 4.0 / 6.0),
            conv(Stage::Open(3), Stage::Won, 4, 3, 0.75),
        ]
    );
    // Created in the period (9), Won by the as-of date (D1, D2, D3).
    assert_eq!(
        k.first_to_won,
        vec![conv(Stage::Open(0), Stage::Won, 9, 3, 1.0 / 3.0)]
    );
}

#[test]
fn days_in_stage_average_the_stays_that_ended_in_the_period() {
    let k = pipeline::kpis(
        &facts(),
        PeriodKind::Trailing12Months.period(as_of()),
        as_of(),
    );
    let dwell = |stage, stints, mean: f64| StageDwell {
        stage,
        name: name(stage),
        stints,
        mean_days: Some(mean),
        unused: false,
    };
    // Lead stays: D1 2, D2 5, D3 10, D4 4, D7 19, D8 4, D9 14, D10 9 = 67 over 8 → 8.375
    // (D5's ended 2025-11-26, outside; D6's has not ended).
    // Qualified: D1 2, D3 20, D4 10, D8 15 = 47 over 4 → 11.75 (D10's ends after the as-of).
    // Proposal: D1 3, D2 15 = 18 over 2 → 9. Negotiation: D1 3, D3 30 = 33 over 2 → 16.5.
    assert_eq!(
        k.days_in_stage,
        vec![
            dwell(Stage::Open(0), 8, 8.375),
            dwell(Stage::Open(1), 4, 11.75),
            dwell(Stage::Open(2), 2, 9.0),
            dwell(Stage::Open(3), 2, 16.5),
        ]
    );
}

#[test]
fn stage_totals_weight_by_override_or_stage_default() {
    let totals = pipeline::stage_totals(&facts(), as_of());
    let row = |stage, count, sum, weighted, stale| StageTotal {
        stage,
        name: name(stage),
        count,
        sum: Money::from_units(sum),
        weighted: Money::from_units(weighted),
        stale,
    };
    // Lead: D6 $1,000 × 10% = $100, 6 days (not stale after 30).
    // Qualified: D10 rewound to Qualified (entered 11-10), $8,000 × 25% = $2,000, 16 days ≤ 21.
    // Proposal: D7 $4,000 × its own 90% = $3,600 + D9 $2,000 × 50% = $1,000; D7 has sat there
    // 37 days (> 14: stale), D9 2 days.
    // Negotiation: D8 $3,000 × 70% = $2,100, 6 days > the 5 set for the stage: stale.
    assert_eq!(
        totals,
        vec![
            row(Stage::Open(0), 1, 1_000, 100, 0),
            row(Stage::Open(1), 1, 8_000, 2_000, 0),
            row(Stage::Open(2), 2, 6_000, 4_600, 1),
            row(Stage::Open(3), 1, 3_000, 2_100, 1),
        ]
    );
}

#[test]
fn an_earlier_as_of_date_rewinds_the_board() {
    let facts = facts();
    // On 2026-10-15 only D7 is open, still in Lead (it moves to Proposal on 10-20), and its own
    // 90% follows it: $4,000 × 90% = $3,600.
    let view = PipelineView::new(&facts, day(2026, 10, 15));
    let totals = view.stage_totals();
    assert_eq!(
        (totals[0].count, totals[0].sum, totals[0].weighted),
        (1, Money::from_units(4_000), Money::from_units(3_600))
    );
    assert!(totals[1..].iter().all(|t| t.count == 0));
    let d7 = view.position(6).unwrap();
    assert_eq!((d7.stage, d7.days_in_stage), (Stage::Open(0), 14));
    assert!(!view.is_stale(6));
}

#[test]
fn quotas_are_prorated_to_the_period() {
    let q = pipeline::quota_attainment(&facts(), PeriodKind::Trailing12Months.period(as_of()));
    // Ann: 2025-Q4 $9,200 × 35/92 (Nov 27 – Dec 31 of its 92 days) = $3,500, 2026-Q3
    // $39,500 whole, 2026-Q4 $92,000 × 57/92 (Oct 1 – Nov 26) = $57,000: $100,000 in all.
    // Won D1 + D2 = $30,000 → 0.3.
    // Bo: 2026-Q2 $60,000 whole (2027-Q1 is outside); won D3 $60,000 → 1.0.
    // Cleo: no quota, nothing won → None.
    let reps: Vec<_> = q
        .reps
        .iter()
        .map(|r| (r.name.as_str(), r.won_value, r.quota, r.attainment))
        .collect();
    assert_eq!(reps[0].0, "Ann");
    assert_eq!(
        (reps[0].1, reps[0].2),
        (Money::from_units(30_000), Some(Money::from_units(100_000)))
    );
    assert!(close(reps[0].3, 0.3));
    assert_eq!(
        (reps[1].0, reps[1].1, reps[1].2),
        (
            "Bo",
            Money::from_units(60_000),
            Some(Money::from_units(60_000))
        )
    );
    assert!(close(reps[1].3, 1.0));
    assert_eq!(
        reps[2],
        ("Cleo", Money::ZERO, None, None),
        "no quota, not $0"
    );
    // North: $90,000 of $160,000 = 0.5625. South: no quota → None.
    let north = &q.teams[0];
    assert_eq!(
        (
            north.team.as_str(),
            north.reps,
            north.won_value,
            north.quota
        ),
        (
            "North",
            2,
            Money::from_units(90_000),
            Some(Money::from_units(160_000))
        )
    );
    assert!(close(north.attainment, 0.5625));
    assert_eq!(
        (q.teams[1].team.as_str(), q.teams[1].attainment),
        ("South", None)
    );
}

#[test]
fn per_rep_and_per_product_rows() {
    let facts = facts();
    let period = PeriodKind::Trailing12Months.period(as_of());
    let row = |id, name: &str, won, lost, open, win_rate, dollars| BreakdownRow {
        id,
        name: name.to_string(),
        won,
        lost,
        open,
        win_rate,
        won_value: Money::from_units(dollars),
    };
    // Ann: Won D1, D2; open D8 (D11 not yet created). Bo: Won D3; open D6, D9.
    // Cleo: Lost D4; open D7, D10.
    assert_eq!(
        pipeline::breakdown_by_rep(&facts, period, as_of()),
        vec![
            row(Some(1), "Ann", 2, 0, 1, Some(1.0), 30_000),
            row(Some(2), "Bo", 1, 0, 2, Some(1.0), 60_000),
            row(Some(3), "Cleo", 0, 1, 2, Some(0.0), 0),
        ]
    );
    // Core: Won D1, D3; open D6, D8, D10. Support: Won D2, Lost D4; open D7.
    // No product: D9 open.
    assert_eq!(
        pipeline::breakdown_by_product(&facts, period, as_of()),
        vec![
            row(Some(1), "Core", 2, 0, 3, Some(1.0), 70_000),
            row(Some(2), "Support", 1, 1, 1, Some(0.5), 20_000),
            row(None, "(no product)", 0, 0, 1, None, 0),
        ]
    );
}

#[test]
fn each_period_kind_counts_its_own_closes() {
    let facts = facts();
    let view = PipelineView::new(&facts, as_of());

    // This quarter, 2026-10-01 ..= 11-26: Won D1 only. Cycle 10 → mean = median = 10.
    // Velocity 5 × $10,000 × 1.0 ÷ 10 = $5,000 per day. Ann: $10,000 of Q4's 57/92 share
    // ($57,000); Bo has no quota in the quarter.
    let r = view.report(PeriodKind::ThisQuarter);
    assert_eq!((r.period.from, r.period.to), (day(2026, 10, 1), as_of()));
    assert_eq!((r.kpis.won, r.kpis.lost), (1, 0));
    assert!(close(r.kpis.win_rate, 1.0));
    assert!(close(r.kpis.cycle_days_median, 10.0));
    assert_eq!(r.kpis.velocity_per_day, Some(Money::from_units(5_000)));
    assert_eq!(r.quota.reps[0].quota, Some(Money::from_units(57_000)));
    assert!(close(r.quota.reps[0].attainment, 10.0 / 57.0));
    assert_eq!(r.quota.reps[1].attainment, None);

    // Last quarter, 2026-07-01 ..= 09-30: Won D2, Lost D4 → 0.5; velocity
    // 5 × $20,000 × 0.5 ÷ 20 = $2,500 per day. Ann: $20,000 of $39,500.
    let r = view.report(PeriodKind::LastQuarter);
    assert_eq!(
        (r.period.from, r.period.to),
        (day(2026, 7, 1), day(2026, 9, 30))
    );
    assert_eq!((r.kpis.won, r.kpis.lost), (1, 1));
    assert!(close(r.kpis.win_rate, 0.5));
    assert_eq!(r.kpis.velocity_per_day, Some(Money::from_units(2_500)));
    assert!(close(r.quota.reps[0].attainment, 20_000.0 / 39_500.0));

    // This year, 2026-01-01 ..= 11-26: the same closes as the trailing year; Ann's quota
    // drops 2025-Q4: $39,500 + $57,000 = $96,500.
    let r = view.report(PeriodKind::ThisYear);
    assert_eq!((r.kpis.won, r.kpis.lost), (3, 1));
    assert_eq!(r.quota.reps[0].quota, Some(Money::from_units(96_500)));
}

#[test]
fn a_period_without_closes_gives_none_not_nan() {
    let facts = facts();
    let quiet = pipeline::Period {
        from: day(2020, 1, 1),
        to: day(2020, 12, 31),
    };
    let k = pipeline::kpis(&facts, quiet, as_of());
    assert_eq!((k.won, k.lost, k.win_rate), (0, 0, None));
    assert_eq!(
        (k.average_won_deal, k.cycle_days_mean, k.cycle_days_median),
        (None, None, None)
    );
    assert_eq!((k.velocity_per_day, k.velocity_per_30_days), (None, None));
    assert!(
        k.conversions
            .iter()
            .all(|c| c.entered == 0 && c.rate.is_none())
    );
    assert!(k.days_in_stage.iter().all(|d| d.mean_days.is_none()));
    let empty = pipeline::pipeline_report(
        &pipeline::PipelineFacts::default(),
        PeriodKind::Trailing12Months,
        as_of(),
    );
    assert_eq!(empty.kpis.open_deals, 0);
    assert!(
        empty
            .stages
            .iter()
            .all(|s| s.count == 0 && s.weighted == Money::ZERO)
    );
    assert!(empty.by_rep.is_empty() && empty.by_product.is_empty());
    let json = serde_json::to_value(&empty).unwrap();
    assert!(json["kpis"]["win_rate"].is_null());
}

#[test]
fn a_bad_quarter_label_is_an_error_naming_it() {
    let conn = book();
    conn.execute(
        "INSERT INTO quotas (rep_id, quarter, amount_cents) VALUES (3, '2026-Q7', 100)",
        [],
    )
    .unwrap();
    let err = load_facts(&conn).unwrap_err().to_string();
    assert!(err.contains("2026-Q7"), "{err}");
}
