//! Reads for the record screens: the deal and customer records, search, the pipeline list and
//! the saved views' counts on a hand-made book.

mod common;

use rusqlite::Connection;
use salesdesk::db::reads::{self, HitKind, ListQuery, SavedView, SortColumn};
use salesdesk::db::records::{self, ContactInput, NewActivity, Stamp};
use salesdesk::domain::{Money, Stage};

fn stamp() -> Stamp<'static> {
    Stamp {
        at: "2026-11-26 10:00:00",
        actor: "tester",
        today: common::as_of(),
    }
}

/// The fixture's twelve open deals (ids 3, 7, … 47, Proposal, expected 2026-12-15, created
/// 2026-09-01) with: a call on deal 3 last week, deal 7 slipped (expected 2026-11-01), deal 11
/// without a close date, deal 15 expected 2026-11-30.
fn book() -> Connection {
    let mut conn = common::fixture_db();
    conn.execute_batch(
        "UPDATE deals SET expected_close_on = '2026-11-01' WHERE id = 7;
         UPDATE deals SET expected_close_on = NULL WHERE id = 11;
         UPDATE deals SET expected_close_on = '2026-11-30' WHERE id = 15;",
    )
    .unwrap();
    records::log_activity(
        &mut conn,
        &NewActivity {
            customer_id: None,
            deal_id: Some(3),
            rep_id: Some(1),
            kind: "call".into(),
            happened_on: common::as_of() - chrono::Days::new(6),
            text: "Wants the revised quote by Friday".into(),
        },
        stamp(),
    )
    .unwrap();
    conn
}

fn query(view: Option<SavedView>) -> ListQuery {
    ListQuery::first_page(view, SortColumn::Title, false, 5, 30)
}

#[test]
fn saved_views_count_a_hand_made_book() {
    let conn = book();
    let counts = reads::saved_view_counts(&conn, common::as_of(), 30).unwrap();
    assert_eq!(
        counts,
        [
            (SavedView::Stale, 11),
            (SavedView::Slipped, 1),
            (SavedView::NoCloseDate, 1),
            (SavedView::ClosingThisMonth, 2),
            (SavedView::ClosingThisQuarter, 11),
            (SavedView::BiggestOpen, 12),
        ]
    );
    for (view, count) in counts {
        let page = reads::pipeline_page(&conn, &query(Some(view)), common::as_of()).unwrap();
        assert_eq!(page.total, count, "{view:?}");
    }
    let slipped =
        reads::pipeline_page(&conn, &query(Some(SavedView::Slipped)), common::as_of()).unwrap();
    assert_eq!(slipped.rows[0].id, 7);
}

#[test]
fn the_list_pages_sorts_and_filters_with_no_cap() {
    let conn = book();
    let mut q = query(None);
    q.sort = SortColumn::Amount;
    q.descending = true;
    let first = reads::pipeline_page(&conn, &q, common::as_of()).unwrap();
    assert_eq!(first.total, 12);
    assert_eq!(first.rows.len(), 5);
    assert_eq!(first.rows[0].amount, Money::from_units(24_000));
    q.offset = 10;
    let last = reads::pipeline_page(&conn, &q, common::as_of()).unwrap();
    assert_eq!(last.rows.len(), 2);
    assert_eq!(last.rows[1].amount, Money::from_units(2_000));
    let biggest =
        reads::pipeline_page(&conn, &query(Some(SavedView::BiggestOpen)), common::as_of()).unwrap();
    assert_eq!(biggest.rows[0].id, 3, "biggest first");
    let mut acme = query(None);
    acme.text = Some("acme".into());
    assert_eq!(
        reads::pipeline_page(&conn, &acme, common::as_of())
            .unwrap()
            .total,
        2
    );
    acme.owner_rep_id = Some(3);
    let west = reads::pipeline_page(&conn, &acme, common::as_of()).unwrap();
    assert_eq!(
        (west.total, west.rows[0].customer.as_deref()),
        (1, Some("Acme West"))
    );
    let touched = reads::pipeline_page(&conn, &query(None), common::as_of()).unwrap();
    let three = touched.rows.iter().find(|r| r.id == 3);
    assert_eq!(
        three.and_then(|r| r.last_touch),
        Some(common::as_of() - chrono::Days::new(6))
    );
}

#[test]
fn a_deal_record_tells_its_story() {
    let mut conn = book();
    records::bulk_change(
        &mut conn,
        &[7],
        &records::BulkChange::Move(Stage::Open(3)),
        stamp(),
    )
    .unwrap();
    let deal = reads::deal_record(&conn, 7, common::as_of())
        .unwrap()
        .unwrap();
    assert_eq!(
        deal.customer.as_ref().map(|c| c.1.as_str()),
        Some("Acme West")
    );
    assert_eq!(deal.stage, "Negotiation");
    assert_eq!(deal.age_days, Some(86));
    assert_eq!(deal.days_in_stage, Some(0));
    assert!(deal.slipped);
    assert_eq!(
        deal.stages.last().map(|s| s.to.as_str()),
        Some("Negotiation")
    );
    assert_eq!(deal.history.len(), 1);
    assert!(
        deal.history[0].ends_with("Stage Proposal → Negotiation"),
        "{}",
        deal.history[0]
    );
    let three = reads::deal_record(&conn, 3, common::as_of())
        .unwrap()
        .unwrap();
    assert_eq!(
        three.activities[0].text,
        "Wants the revised quote by Friday"
    );
    assert!(!three.slipped);
    assert_eq!(
        reads::deal_record(&conn, 999, common::as_of()).unwrap(),
        None
    );
}

#[test]
fn a_customer_record_and_search() {
    let mut conn = book();
    records::add_contact(
        &mut conn,
        2,
        &ContactInput {
            name: "Rita Acosta".into(),
            email: "rita@acmewest.example".into(),
            ..Default::default()
        },
        stamp(),
    )
    .unwrap();
    let customer = reads::customer_record(&conn, 2).unwrap().unwrap();
    assert_eq!(customer.name, "Acme West");
    assert_eq!(customer.contacts[0].name, "Rita Acosta");
    assert_eq!(customer.deals.len(), 4);
    assert_eq!(customer.deals[0].stage, "Proposal", "open deals first");
    assert_eq!(customer.tasks.len(), 1);
    let hits = reads::search(&conn, "ac", 10).unwrap();
    let kinds: Vec<(HitKind, &str)> = hits.iter().map(|h| (h.kind, h.label.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (HitKind::Customer, "Acme Corp"),
            (HitKind::Customer, "Acme West"),
            (HitKind::Contact, "Rita Acosta"),
        ]
    );
    let deals = reads::search(&conn, "proposal deal for acme", 10).unwrap();
    assert_eq!(deals.iter().filter(|h| h.kind == HitKind::Deal).count(), 2);
    let tasks = reads::search(&conn, "CALL z", 10).unwrap();
    assert_eq!(
        tasks.iter().map(|h| h.label.as_str()).collect::<Vec<_>>(),
        ["Call Zenith Health"]
    );
    assert!(reads::search(&conn, "50%", 10).unwrap().is_empty());
    assert!(reads::search(&conn, "  ", 10).unwrap().is_empty());
}
