//! The forecast's inputs from SQLite: month sums with empty months and deals on month
//! boundaries, groups per rep, product and team, the weighted pipeline, and the cases with too
//! little data.

mod forecast_fixture;

use forecast_fixture::{as_of, deal, empty_book, won};
use salesdesk::analytics::forecast::{
    Breakdown, ForecastOptions, ForecastSet, SeriesForecast, forecast_groups,
};
use salesdesk::db::forecast_series::load_bookings;
use salesdesk::domain::Month;

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

/// A book whose Won deals sit on the first and last days of months, with empty months between.
fn boundary_book() -> rusqlite::Connection {
    let conn = empty_book();
    won(&conn, 2, 1, 40_000, "2025-12-31");
    won(&conn, 1, 1, 100_000, "2026-01-01");
    won(&conn, 1, 2, 50_000, "2026-01-31");
    won(&conn, 1, 1, 20_000, "2026-03-31");
    won(&conn, 1, 2, 30_000, "2026-04-01");
    won(&conn, 1, 1, 5_000, "2026-10-31");
    won(&conn, 3, 3, 0, "2026-11-01");
    won(&conn, 1, 1, 999_000, "2026-11-01");
    won(&conn, 1, 1, 888_000, "2026-11-26");
    won(&conn, 2, 3, 7_000, "2026-09-30");
    deal(
        &conn,
        1,
        1,
        777_700,
        "Lost",
        "2026-01-01",
        Some("2026-02-15"),
        None,
        None,
    );
    // Open: 50% of $10,000 in 2026-12; an overdue one at 90% lands in the as-of month; one
    // created after the as-of date does not count.
    deal(
        &conn,
        1,
        1,
        1_000_000,
        "Proposal",
        "2026-10-01",
        None,
        Some("2026-12-15"),
        None,
    );
    deal(
        &conn,
        2,
        1,
        100_000,
        "Negotiation",
        "2026-08-01",
        None,
        Some("2026-09-01"),
        Some(9_000),
    );
    deal(
        &conn,
        1,
        1,
        500_000,
        "Lead",
        "2026-12-01",
        None,
        Some("2026-12-20"),
        None,
    );
    conn
}

fn fitted_book() -> ForecastSet {
    let conn = boundary_book();
    let groups = load_bookings(&conn, as_of()).unwrap();
    forecast_groups(groups, as_of(), ForecastOptions::default())
}

fn find<'a>(set: &'a ForecastSet, breakdown: Breakdown, name: &str) -> &'a SeriesForecast {
    set.of(breakdown).find(|s| s.name == name).unwrap()
}

fn values(s: &SeriesForecast) -> (Month, Vec<i64>) {
    let series = s.series.as_ref().unwrap();
    (series.start, series.values.clone())
}

#[test]
fn months_run_from_the_first_win_to_the_last_complete_month_with_empty_months_zero() {
    let set = fitted_book();
    assert_eq!(set.last_month, m("2026-10"));
    let total = find(&set, Breakdown::Total, "Total");
    assert_eq!(
        values(total),
        (
            m("2025-12"),
            vec![40_000, 150_000, 0, 20_000, 30_000, 0, 0, 0, 0, 7_000, 5_000]
        )
    );
    let ann = find(&set, Breakdown::Rep, "Ann Lee");
    assert_eq!(
        values(ann),
        (
            m("2026-01"),
            vec![150_000, 0, 20_000, 30_000, 0, 0, 0, 0, 0, 5_000]
        )
    );
    let product = find(&set, Breakdown::Product, "Insight Plus");
    assert_eq!(
        values(product),
        (m("2026-01"), vec![50_000, 0, 0, 30_000, 0, 0, 0, 0, 0, 0])
    );
    let north = find(&set, Breakdown::Team, "North");
    assert_eq!(
        values(north),
        values(ann),
        "Cleo's only win is after the series ends"
    );
    let central = find(&set, Breakdown::Team, "Central");
    assert_eq!(values(central).1.iter().sum::<i64>(), 47_000);
    assert!(total.model.is_ok());
}

#[test]
fn every_rep_product_and_team_has_a_group_in_order() {
    let set = fitted_book();
    let names = |b| set.of(b).map(|s| s.name.as_str()).collect::<Vec<_>>();
    assert_eq!(names(Breakdown::Total), vec!["Total"]);
    assert_eq!(
        names(Breakdown::Rep),
        vec!["Ann Lee", "Bo Chen", "Cleo Díaz"]
    );
    assert_eq!(
        names(Breakdown::Product),
        vec!["Core Pro", "Insight Plus", "Onboarding Pack"]
    );
    assert_eq!(names(Breakdown::Team), vec!["Central", "North"]);
}

#[test]
fn a_rep_without_won_deals_and_a_thin_series_say_why() {
    let set = fitted_book();
    let cleo = find(&set, Breakdown::Rep, "Cleo Díaz");
    assert!(cleo.series.is_none());
    assert_eq!(
        cleo.model.as_ref().unwrap_err().to_string(),
        "no won deals up to 2026-10"
    );
    let onboarding = find(&set, Breakdown::Product, "Onboarding Pack");
    assert_eq!(values(onboarding), (m("2026-09"), vec![7_000, 0]));
    assert_eq!(
        onboarding.model.as_ref().unwrap_err().to_string(),
        "not enough history (2 months, needs 4)"
    );
}

#[test]
fn an_as_of_date_before_any_win_leaves_every_series_empty() {
    let conn = boundary_book();
    let early = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let set = forecast_groups(
        load_bookings(&conn, early).unwrap(),
        early,
        ForecastOptions::default(),
    );
    assert_eq!(set.last_month, m("2025-11"));
    assert!(
        set.series
            .iter()
            .all(|s| s.series.is_none() && s.model.is_err())
    );
}

#[test]
fn the_pipeline_is_weighted_and_overdue_deals_count_now() {
    let set = fitted_book();
    let total = find(&set, Breakdown::Total, "Total");
    let pipeline: Vec<(String, i64)> = total
        .pipeline
        .iter()
        .map(|p| (p.month.to_string(), p.weighted_cents))
        .collect();
    assert_eq!(
        pipeline,
        vec![
            ("2026-11".to_string(), 90_000),
            ("2026-12".to_string(), 500_000)
        ]
    );
    let bo = find(&set, Breakdown::Rep, "Bo Chen");
    assert_eq!(bo.pipeline.len(), 1);
    assert_eq!(bo.pipeline[0].weighted_cents, 90_000);
}

#[test]
fn each_pipeline_is_a_series_and_one_pipeline_is_the_total() {
    let conn = empty_book();
    won(&conn, 1, 1, 100_000, "2026-03-10");
    won(&conn, 2, 1, 50_000, "2026-04-10");
    let one = load_bookings(&conn, as_of()).unwrap();
    let of = |groups: &[salesdesk::analytics::forecast::GroupBookings], b, name: &str| {
        groups
            .iter()
            .find(|g| g.breakdown == b && g.name == name)
            .map(|g| g.won.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        of(&one, Breakdown::Pipeline, "Default"),
        of(&one, Breakdown::Total, "Total"),
        "a book with one pipeline: its series is the total's"
    );
    let mut conn = conn;
    salesdesk::db::pipelines::apply_stage_edit(
        &mut conn,
        &salesdesk::db::pipelines::StageEdit::AddPipeline {
            name: "Renewals".into(),
            stages: vec![salesdesk::db::pipelines::NewStage {
                name: "Due".into(),
                probability_bp: 5_000,
                stale_days: 10,
            }],
        },
        as_of(),
        "2026-11-26 09:00:00",
        "test",
    )
    .unwrap();
    conn.execute(
        "UPDATE deals SET pipeline_id = 2 WHERE amount_cents = 50000",
        [],
    )
    .unwrap();
    let two = load_bookings(&conn, as_of()).unwrap();
    assert_eq!(
        of(&two, Breakdown::Pipeline, "Default"),
        vec![(m("2026-03"), 100_000)]
    );
    assert_eq!(
        of(&two, Breakdown::Pipeline, "Renewals"),
        vec![(m("2026-04"), 50_000)]
    );
    assert_eq!(
        of(&two, Breakdown::Total, "Total"),
        vec![(m("2026-03"), 100_000), (m("2026-04"), 50_000)],
        "the total is every pipeline together"
    );
}
