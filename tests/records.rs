//! Record writes: each one transaction and one undo step, refused with the field named and
//! nothing written on bad input, undone and redone exactly (also after reopening the file).

mod common;

use rusqlite::Connection;
use rusqlite::types::Value;
use salesdesk::db::edits;
use salesdesk::db::records::{
    self, BulkChange, ContactInput, CustomerInput, DealEdit, NewActivity, NewDeal, RecordError,
    Stamp,
};
use salesdesk::domain::{Money, Quarter, Stage, parse_date};

fn stamp() -> Stamp<'static> {
    Stamp {
        at: "2026-11-26 10:00:00",
        actor: "tester",
        today: common::as_of(),
    }
}

/// Every row of every table a record write touches, every column, in id order.
fn dump(conn: &Connection) -> Vec<Vec<Value>> {
    common::table_rows(
        conn,
        &[
            "customers",
            "contacts",
            "customer_tags",
            "deals",
            "stage_changes",
            "activities",
            "quotas",
        ],
    )
}

fn edit_count(conn: &Connection) -> i64 {
    conn.query_row("SELECT COUNT(*) FROM edits", [], |r| r.get(0))
        .unwrap()
}

fn customer(name: &str) -> CustomerInput {
    CustomerInput {
        name: name.into(),
        industry: "Retail".into(),
        region: "North".into(),
        employees: Some(40),
        revenue: Some(Money::from_units(2_000_000)),
        owner_rep_id: Some(2),
        needs: vec!["Faster invoicing".into()],
        interests: vec!["Analytics".into(), "analytics".into()],
    }
}

fn field_of(err: RecordError) -> String {
    match err {
        RecordError::Field(f) => f.field,
        other => panic!("expected a field error, got {other}"),
    }
}

#[test]
fn a_new_customer_with_contacts_and_tags_is_one_undo_step() {
    let mut conn = common::fixture_db();
    let before = dump(&conn);
    let contact = ContactInput {
        name: "Jo Park".into(),
        role: "CFO".into(),
        email: "jo@lakeside.example".into(),
        phone: String::new(),
    };
    let w = records::create_customer(
        &mut conn,
        &customer("Lakeside Ltd"),
        &[contact],
        false,
        stamp(),
    )
    .unwrap();
    assert_eq!(w.summary, "New customer Lakeside Ltd");
    let tags: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM customer_tags WHERE customer_id = ?1",
            [w.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tags, 2, "one need, one interest (the repeat folded)");
    let after = dump(&conn);
    let undone = edits::undo(&mut conn).unwrap().unwrap();
    assert_eq!(undone.summary, "undone: New customer Lakeside Ltd");
    assert_eq!(dump(&conn), before);
    edits::redo(&mut conn).unwrap().unwrap();
    assert_eq!(dump(&conn), after);
}

#[test]
fn likely_duplicates_are_refused_unless_insisted() {
    let mut conn = common::fixture_db();
    let err = records::create_customer(&mut conn, &customer("ACME corp."), &[], false, stamp())
        .unwrap_err();
    assert!(
        matches!(&err, RecordError::Duplicate(d) if d[0].name == "Acme Corp" && d[0].why == "same name")
    );
    let err =
        records::create_customer(&mut conn, &customer("Müller Logistik"), &[], false, stamp())
            .unwrap_err();
    assert!(err.to_string().contains("Müller Logistik GmbH"), "{err}");
    records::add_contact(
        &mut conn,
        3,
        &ContactInput {
            name: "Kim".into(),
            email: "kim@nw.example".into(),
            ..Default::default()
        },
        stamp(),
    )
    .unwrap();
    let kim = ContactInput {
        name: "Kim".into(),
        email: "KIM@nw.example".into(),
        ..Default::default()
    };
    let err = records::create_customer(
        &mut conn,
        &customer("NW Holdings"),
        std::slice::from_ref(&kim),
        false,
        stamp(),
    )
    .unwrap_err();
    assert!(
        matches!(&err, RecordError::Duplicate(d) if d[0].id == 3 && d[0].why == "same contact email")
    );
    records::create_customer(&mut conn, &customer("NW Holdings"), &[kim], true, stamp()).unwrap();
}

#[test]
fn bad_input_names_the_field_and_writes_nothing() {
    let mut conn = common::fixture_db();
    let before = (dump(&conn), edit_count(&conn));
    assert_eq!(
        field_of(
            records::create_customer(&mut conn, &customer("  "), &[], false, stamp()).unwrap_err()
        ),
        "name"
    );
    let mut bad_owner = customer("Brand New Co");
    bad_owner.owner_rep_id = Some(99);
    assert_eq!(
        field_of(records::create_customer(&mut conn, &bad_owner, &[], false, stamp()).unwrap_err()),
        "owner"
    );
    let deal = NewDeal {
        customer_id: 1,
        product_id: 42,
        title: String::new(),
        amount: None,
        owner_rep_id: None,
        expected_close_on: None,
        pipeline_id: None,
    };
    assert_eq!(
        field_of(records::create_deal(&mut conn, &deal, stamp()).unwrap_err()),
        "product"
    );
    let bad_email = ContactInput {
        name: "X".into(),
        email: "nobody".into(),
        ..Default::default()
    };
    assert_eq!(
        field_of(records::add_contact(&mut conn, 1, &bad_email, stamp()).unwrap_err()),
        "email"
    );
    let activity = NewActivity {
        customer_id: Some(1),
        deal_id: None,
        rep_id: None,
        kind: "fax".into(),
        happened_on: common::as_of(),
        text: String::new(),
    };
    assert_eq!(
        field_of(records::log_activity(&mut conn, &activity, stamp()).unwrap_err()),
        "kind"
    );
    assert_eq!(
        parse_date("close date", "2026-02-30", common::as_of())
            .unwrap_err()
            .to_string(),
        "close date: 2026-02-30 is not a day of the calendar"
    );
    assert_eq!((dump(&conn), edit_count(&conn)), before);
}

#[test]
fn a_new_deal_takes_its_defaults_and_edits_read_in_words() {
    let mut conn = common::fixture_db();
    let w = records::create_deal(
        &mut conn,
        &NewDeal {
            customer_id: 2,
            product_id: 2,
            title: String::new(),
            amount: None,
            owner_rep_id: None,
            expected_close_on: parse_date("close date", "eoq", common::as_of()).ok(),
            pipeline_id: None,
        },
        stamp(),
    )
    .unwrap();
    let (title, amount, rep, stage): (String, i64, i64, String) = conn
        .query_row(
            "SELECT title, amount_cents, rep_id, stage FROM deals WHERE id = ?1",
            [w.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (title.as_str(), amount, rep, stage.as_str()),
        ("Acme West – Insight Plus", 950_000, 3, "Lead")
    );
    assert_eq!(
        w.summary,
        "New deal Acme West – Insight Plus ($9,500, Lead)"
    );
    let e = records::edit_deal(
        &mut conn,
        w.id,
        &DealEdit {
            owner_rep_id: Some(2),
            product_id: Some(1),
            ..Default::default()
        },
        stamp(),
    )
    .unwrap();
    assert_eq!(
        e.summary,
        "Acme West – Insight Plus: Owner Cleo Díaz → Bo Chen, Product Insight Plus → Core Pro"
    );
    assert_eq!(
        edits::undo(&mut conn).unwrap().unwrap().summary,
        format!("undone: {}", e.summary)
    );
}

#[test]
fn bulk_is_one_undo_step_and_skips_closed_deals() {
    let mut conn = common::fixture_db();
    let before = dump(&conn);
    // Deals 1..=8: customers 1 and 2, each Won, Won, Proposal, Lost.
    let ids: Vec<i64> = (1..=8).collect();
    let s =
        records::bulk_change(&mut conn, &ids, &BulkChange::Move(Stage::Open(3)), stamp()).unwrap();
    assert_eq!((s.changed, s.skipped.len()), (2, 6));
    assert_eq!(
        s.written.summary,
        "2 deals moved to Negotiation (6 skipped)"
    );
    let lost = records::bulk_change(
        &mut conn,
        &[3, 7],
        &BulkChange::Lose("Timing".into()),
        stamp(),
    )
    .unwrap();
    assert_eq!(lost.changed, 2);
    let owner = records::bulk_change(&mut conn, &ids, &BulkChange::Owner(4), stamp()).unwrap();
    assert_eq!(owner.changed, 8);
    for _ in 0..3 {
        edits::undo(&mut conn).unwrap().unwrap();
    }
    assert_eq!(dump(&conn), before);
    for _ in 0..3 {
        edits::redo(&mut conn).unwrap().unwrap();
    }
    let lost_stages: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM deals WHERE id IN (3, 7) AND stage = 'Lost' AND rep_id = 4",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(lost_stages, 2);
    let err = records::bulk_change(
        &mut conn,
        &[1, 2],
        &BulkChange::Move(Stage::Open(0)),
        stamp(),
    )
    .unwrap_err();
    assert_eq!(field_of(err), "deals");
}

#[test]
fn activities_contacts_and_quotas_undo_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.salesdesk");
    let mut conn = salesdesk::db::open(&path).unwrap().conn;
    common::fill(&conn);
    let before = dump(&conn);
    let a = records::log_activity(
        &mut conn,
        &NewActivity {
            customer_id: None,
            deal_id: Some(3),
            rep_id: Some(1),
            kind: "Call".into(),
            happened_on: common::as_of(),
            text: "Asked for a revised quote".into(),
        },
        stamp(),
    )
    .unwrap();
    assert_eq!(
        a.summary,
        format!(
            "Call logged on Proposal deal for Acme Corp ({})",
            common::as_of()
        )
    );
    let c = records::add_contact(
        &mut conn,
        1,
        &ContactInput {
            name: "Lee".into(),
            ..Default::default()
        },
        stamp(),
    )
    .unwrap();
    records::edit_contact(
        &mut conn,
        c.id,
        &ContactInput {
            name: "Lee Ray".into(),
            role: "CTO".into(),
            ..Default::default()
        },
        stamp(),
    )
    .unwrap();
    let q = Quarter::new(2027, 1).unwrap();
    records::set_quota(&mut conn, 1, q, Money::from_units(250_000), stamp()).unwrap();
    let changed = records::set_quota(&mut conn, 1, q, Money::from_units(300_000), stamp()).unwrap();
    assert_eq!(changed.summary, "Quota Ann Lee 2027-Q1 $250,000 → $300,000");
    records::remove_contact(&mut conn, c.id, stamp()).unwrap();
    let after = dump(&conn);
    drop(conn);
    let mut conn = salesdesk::db::open(&path).unwrap().conn;
    assert_eq!(dump(&conn), after);
    for _ in 0..6 {
        edits::undo(&mut conn).unwrap().unwrap();
    }
    drop(conn);
    let mut conn = salesdesk::db::open(&path).unwrap().conn;
    assert_eq!(dump(&conn), before);
    for _ in 0..6 {
        edits::redo(&mut conn).unwrap().unwrap();
    }
    assert_eq!(dump(&conn), after);
}

#[test]
fn history_reads_in_words() {
    let mut conn = common::fixture_db();
    edits::apply(
        &mut conn,
        3,
        &salesdesk::domain::DealChange::Move { to: Stage::Open(3) },
        common::as_of(),
        "2026-11-26 09:00:00",
        "tester",
    )
    .unwrap();
    records::bulk_change(&mut conn, &[3], &BulkChange::Owner(2), stamp()).unwrap();
    let lines = edits::history(&conn, 10).unwrap();
    let words: Vec<&str> = lines.iter().map(|l| l.words.as_str()).collect();
    assert_eq!(
        words,
        ["1 deal given to Bo Chen", "Stage Proposal → Negotiation"]
    );
    assert_eq!(lines[1].field, "Stage");
    let undone = edits::undo(&mut conn).unwrap().unwrap();
    assert_eq!(undone.summary, "undone: 1 deal given to Bo Chen");
    let undone = edits::undo(&mut conn).unwrap().unwrap();
    assert_eq!(
        undone.summary,
        "undone: Proposal deal for Acme Corp: Stage Proposal → Negotiation"
    );
    for line in edits::history(&conn, 10).unwrap() {
        assert!(
            !line.words.contains("_cents") && !line.words.contains('{'),
            "{}",
            line.words
        );
    }
}

#[test]
fn a_follow_up_task_comes_prefilled_and_undoes() {
    let mut conn = common::fixture_db();
    let before = edit_count(&conn);
    assert_eq!(
        records::task_kinds(&conn).unwrap()[0],
        "call",
        "the kind in use first"
    );
    let draft = records::follow_up(&conn, Some(7), None, common::as_of()).unwrap();
    assert_eq!(draft.title, "Follow up: Proposal deal for Acme West");
    assert_eq!((draft.customer_id, draft.rep_id), (Some(2), 3));
    assert_eq!(draft.due_on, Some(common::as_of() + chrono::Days::new(3)));
    let mut bad = draft.clone();
    bad.kind = "lunch".into();
    assert_eq!(
        field_of(records::create_task(&mut conn, &bad, stamp()).unwrap_err()),
        "kind"
    );
    assert_eq!(edit_count(&conn), before);
    let w = records::create_task(&mut conn, &draft, stamp()).unwrap();
    assert_eq!(
        w.summary,
        "New task 'Follow up: Proposal deal for Acme West' for Cleo Díaz"
    );
    let linked: (i64, i64) = conn
        .query_row(
            "SELECT customer_id, deal_id FROM tasks WHERE id = ?1",
            [w.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(linked, (2, 7));
    edits::undo(&mut conn).unwrap().unwrap();
    let left: i64 = conn
        .query_row("SELECT COUNT(*) FROM tasks WHERE id = ?1", [w.id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn a_call_is_logged_on_a_deal_without_a_customer_and_undone() {
    let mut conn = common::fixture_db();
    conn.execute("UPDATE deals SET customer_id = NULL WHERE id = 3", [])
        .unwrap();
    let before = dump(&conn);
    let logged = records::log_activity(
        &mut conn,
        &NewActivity {
            customer_id: None,
            deal_id: Some(3),
            rep_id: Some(1),
            kind: "call".into(),
            happened_on: common::as_of(),
            text: "Left a voicemail".into(),
        },
        stamp(),
    )
    .unwrap();
    let (customer, deal): (Option<i64>, i64) = conn
        .query_row(
            "SELECT customer_id, deal_id FROM activities WHERE id = ?1",
            [logged.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((customer, deal), (None, 3), "kept on the deal alone");
    salesdesk::db::edits::undo(&mut conn).unwrap();
    assert_eq!(dump(&conn), before);
}
