//! The Tiers screen driven by keys: ABC and RFM bar charts with counts, value and share, and the
//! tier moves since the previous quarter, computed on the worker.

mod common;

use common::{as_of, fixture_db};
use ratatui::crossterm::event::KeyCode;
use salesdesk::tui::App;
use salesdesk::tui::app::Message;
use salesdesk::tui::headless::Headless;
use salesdesk::tui::screen::Screen;

/// The fixture with one small customer's big win after the previous quarter's end.
fn tiers_screen() -> Headless {
    let conn = fixture_db();
    conn.execute(
        "INSERT INTO deals (customer_id, rep_id, product_id, title, amount_cents, stage,
                            created_on, expected_close_on, closed_on)
         VALUES (1, 1, 3, 'Big win', 5000000, 'Won', '2026-08-01', '2026-10-15', '2026-10-15')",
        [],
    )
    .unwrap();
    let app = App::load(&conn, "fixture.db".into(), as_of(), Message::info("Opened")).unwrap();
    let mut h = Headless::new(app, conn);
    h.app.theme = salesdesk::tui::theme::Theme::monochrome();
    h.resize(120, 36);
    h.press(KeyCode::Char('3'));
    h
}

#[test]
fn tiers_show_abc_and_rfm_charts_with_counts_value_share_and_moves() {
    let h = tiers_screen();
    assert_eq!(h.app.screen, Screen::Tiers);
    let overview = h
        .app
        .tiers
        .overview
        .as_ref()
        .expect("computed on the worker");
    let tiers: Vec<usize> = overview.report.tiers.iter().map(|t| t.customers).collect();
    assert_eq!(tiers.iter().sum::<usize>(), 12);
    assert_eq!(overview.since.to_string(), "2026-09-30");
    assert_eq!(overview.moves.counts[2][0] + overview.moves.counts[1][0], 1);
    let text = h.render_text();
    for expected in [
        "ABC tiers by value",
        "RFM segments",
        "Champions",
        "No purchase",
        "Tier moves since 2026-09-30",
        "share",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings.bind(|| insta::assert_snapshot!(text));
}

#[test]
fn tiers_are_not_computed_until_the_screen_is_shown() {
    let conn = fixture_db();
    let app = App::load(&conn, "fixture.db".into(), as_of(), Message::info("Opened")).unwrap();
    let mut h = Headless::new(app, conn);
    h.resize(120, 36);
    assert!(h.app.tiers.overview.is_none());
    assert!(h.app.tiers.needs_fit);
    h.press(KeyCode::Char('3'));
    assert!(h.app.tiers.overview.is_some());
    assert!(!h.app.tiers.needs_fit);
}

#[test]
fn enter_drills_into_a_tier_or_segment_on_the_customers_table_and_a_shows_all_again() {
    let mut h = tiers_screen();
    let report = &h.app.tiers.overview.as_ref().unwrap().report;
    let tier_b = report.tiers[1].customers;
    let champions = report.segments[0].customers;
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.screen, Screen::Customers);
    assert_eq!(h.app.customers.visible_len(), tier_b);
    let text = h.render_text();
    assert!(text.contains("only tier B"), "{text}");
    h.press(KeyCode::Char('a'));
    assert_eq!(h.app.customers.visible_len(), 12);
    h.press(KeyCode::Char('3'));
    for _ in 0..2 {
        h.press(KeyCode::Char('j'));
    }
    h.press(KeyCode::Enter);
    assert_eq!(h.app.customers.visible_len(), champions);
    assert!(h.render_text().contains("only Champions"));
}

#[test]
fn the_customer_detail_shows_value_and_propensity_on_a_demo_book() {
    let mut opened = salesdesk::db::open(std::path::Path::new(":memory:")).unwrap();
    let options = salesdesk::db::demo::DemoOptions {
        customers: 400,
        deals: 3_000,
        months: 36,
        seed: 7,
        as_of: as_of(),
    };
    salesdesk::db::demo::generate(&mut opened.conn, &options, false).unwrap();
    let conn = opened.conn;
    let name: String = conn
        .query_row(
            "SELECT c.name FROM customers c JOIN deals d ON d.customer_id = c.id
             WHERE d.stage IN ('Lead', 'Qualified', 'Proposal', 'Negotiation')
             ORDER BY c.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let app = App::load(&conn, "demo.db".into(), as_of(), Message::info("Opened")).unwrap();
    let mut h = Headless::new(app, conn);
    h.resize(160, 40);
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Char('/'));
    h.type_text(&name);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('d'));
    let set = h.app.scores.set.as_ref().expect("scored on the worker");
    assert!(set.win.model.is_ok() && set.propensity.model.is_ok());
    let text = h.render_text();
    for expected in ["V $", "tier ", "propensity ", "% ("] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    // The open deal's win probability, from a model that sees each closed deal at every stage
    // it passed (so an open deal short of Negotiation is not written off at ~0%).
    let win: f64 = text
        .split(" · win ")
        .nth(1)
        .and_then(|rest| rest.split('%').next())
        .and_then(|p| p.trim().parse().ok())
        .unwrap_or_else(|| panic!("no win probability:\n{text}"));
    assert!((5.0..=95.0).contains(&win), "win {win}%:\n{text}");
}
