//! The list held in memory admits, orders and counts exactly as the SQL list does for every
//! saved view and filter, and stays right after writes (a move, a close, undo and redo) without
//! being read again whole.

mod common;

use chrono::NaiveDate;
use rusqlite::{Connection, params};
use salesdesk::db::reads::{self, ListPage, ListQuery, SavedView, SortColumn};
use salesdesk::domain::{DealChange, Stage};
use salesdesk::worker::{Job, Output, Request, execute};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The fixture book and 80 more deals with missing customers, owners and dates, ties, names
/// differing only in case, `_` and `%` in titles, and activities and stage changes.
fn book() -> Connection {
    let conn = common::fixture_db();
    let stages = ["Lead", "Qualified", "Proposal", "Negotiation"];
    for i in 0..80_i64 {
        conn.execute(
            "INSERT INTO deals (customer_id, rep_id, product_id, title, amount_cents, stage,
                                created_on, expected_close_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                (i % 5 != 0).then_some(1 + i % 12),
                (i % 7 != 0).then_some(1 + i % 4),
                (i % 3 != 0).then_some(1 + i % 2),
                format!(
                    "{} deal_{} {}%",
                    ["alpha", "Beta", "gamma", "ALPHA"][(i % 4) as usize],
                    i % 9,
                    i % 5
                ),
                (i % 6) * 50_000,
                stages[(i % 4) as usize],
                format!("2026-{:02}-{:02}", 1 + i % 10, 1 + i % 27),
                (i % 4 != 0).then(|| format!("2026-{:02}-{:02}", 9 + i % 4, 1 + i % 28)),
            ],
        )
        .unwrap();
        if i % 3 == 0 {
            conn.execute(
                "INSERT INTO activities (customer_id, deal_id, rep_id, kind, happened_on)
                 VALUES (1, last_insert_rowid(), 1, 'call', ?1)",
                [format!("2026-{:02}-{:02}", 8 + i % 4, 1 + i % 25)],
            )
            .unwrap();
        }
    }
    conn
}

fn query(view: Option<SavedView>, sort: SortColumn, descending: bool) -> ListQuery {
    ListQuery::first_page(view, sort, descending, 10_000, 30)
}

/// Each filter the list offers, alone, on top of `base`.
fn filtered(base: &ListQuery) -> Vec<ListQuery> {
    let with = |f: &dyn Fn(&mut ListQuery)| {
        let mut q = base.clone();
        f(&mut q);
        q
    };
    vec![
        base.clone(),
        with(&|q| q.stage = Some("Proposal".into())),
        with(&|q| q.owner_rep_id = Some(2)),
        with(&|q| q.team = Some("North team".into())),
        with(&|q| q.product_id = Some(1)),
        with(&|q| q.closes_between = Some((day("2026-10-01"), day("2026-11-15")))),
        with(&|q| q.text = Some(" alpha ".into())),
        with(&|q| q.text = Some("DEAL_3".into())),
        with(&|q| q.text = Some("a_p".into())),
        with(&|q| q.text = Some("3%".into())),
        with(&|q| q.text = Some("corp".into())),
    ]
}

fn views() -> Vec<Option<SavedView>> {
    std::iter::once(None)
        .chain(SavedView::ALL.map(Some))
        .collect()
}

/// The held list's page for `query`, from a list already held.
fn held_page(index: &mut reads::ListIndex, query: &ListQuery) -> ListPage {
    index.select(query, common::as_of());
    index.page(query.offset, query.limit, common::as_of())
}

#[test]
fn every_view_and_filter_admits_as_the_sql_does() {
    let conn = book();
    let mut index = reads::ListIndex::load(&conn).unwrap();
    let sorts = [
        (SortColumn::Title, false),
        (SortColumn::Customer, true),
        (SortColumn::ExpectedClose, false),
        (SortColumn::LastTouch, true),
    ];
    let mut compared = 0;
    for view in views() {
        for (sort, descending) in sorts {
            for q in filtered(&query(view, sort, descending)) {
                let sql = reads::pipeline_page(&conn, &q, common::as_of()).unwrap();
                assert_eq!(held_page(&mut index, &q), sql, "{q:?}");
                compared += sql.total;
            }
        }
    }
    assert!(compared > 1_000, "the filters admit deals: {compared}");
}

#[test]
fn the_views_counts_are_the_sql_views_totals() {
    let conn = book();
    let index = reads::ListIndex::load(&conn).unwrap();
    for stale_days in [0, 30, 90] {
        let counts = index.counts(common::as_of(), stale_days, None);
        let totals: Vec<(SavedView, usize)> = SavedView::ALL
            .iter()
            .map(|&v| {
                let q = ListQuery {
                    stale_days,
                    ..query(Some(v), SortColumn::Title, false)
                };
                (
                    v,
                    reads::pipeline_page(&conn, &q, common::as_of())
                        .unwrap()
                        .total,
                )
            })
            .collect();
        assert_eq!(counts, totals, "stale after {stale_days} days");
        assert_eq!(
            reads::saved_view_counts(&conn, common::as_of(), stale_days).unwrap(),
            totals
        );
    }
}

fn run(conn: &mut Connection, job: Job) -> Output {
    execute(conn, Request { generation: 1, job }).output
}

/// The worker's page and counts for each view equal the SQL's.
fn assert_lists_right(conn: &mut Connection, when: &str) {
    for view in views() {
        let q = query(view, SortColumn::LastTouch, false);
        let sql = reads::pipeline_page(conn, &q, common::as_of()).unwrap();
        let Output::DealList(Ok(held)) = run(
            conn,
            Job::DealList {
                query: q.clone(),
                as_of: common::as_of(),
            },
        ) else {
            panic!("no list page {when}");
        };
        assert_eq!(held.page, sql, "{view:?} {when}");
    }
    let Output::ViewCounts(Ok(counts)) = run(
        conn,
        Job::ViewCounts {
            as_of: common::as_of(),
            stale_days: 30,
            pipeline: None,
        },
    ) else {
        panic!("no counts {when}");
    };
    assert_eq!(
        counts,
        reads::saved_view_counts(conn, common::as_of(), 30).unwrap(),
        "{when}"
    );
}

#[test]
fn the_held_list_follows_moves_closes_undo_and_redo() {
    let mut conn = book();
    assert_lists_right(&mut conn, "at first");
    let stale = query(Some(SavedView::Stale), SortColumn::LastTouch, false);
    let oldest = reads::pipeline_page(&conn, &stale, common::as_of())
        .unwrap()
        .rows[0]
        .id;
    let moved = run(
        &mut conn,
        Job::Write {
            deal_id: oldest,
            change: DealChange::Move { to: Stage::Open(3) },
            today: common::as_of(),
        },
    );
    assert!(matches!(moved, Output::Written(Ok(_))), "{moved:?}");
    assert_lists_right(&mut conn, "after a move");
    let in_stale = |conn: &Connection| {
        reads::pipeline_page(conn, &stale, common::as_of())
            .unwrap()
            .rows
            .iter()
            .any(|r| r.id == oldest)
    };
    assert!(!in_stale(&conn), "a move touches the deal");
    let won = run(
        &mut conn,
        Job::Write {
            deal_id: oldest,
            change: DealChange::Win,
            today: common::as_of(),
        },
    );
    assert!(matches!(won, Output::Written(Ok(_))), "{won:?}");
    assert_lists_right(&mut conn, "after a win");
    run(&mut conn, Job::Undo);
    assert_lists_right(&mut conn, "after undoing the win");
    run(&mut conn, Job::Undo);
    assert_lists_right(&mut conn, "after undoing the move");
    assert!(in_stale(&conn), "undo puts the deal back among the stale");
    run(&mut conn, Job::Redo);
    assert_lists_right(&mut conn, "after redoing the move");
    conn.execute(
        "UPDATE customers SET name = 'Zed Holdings' WHERE id = 2",
        [],
    )
    .unwrap();
    conn.execute("UPDATE reps SET team = 'East team' WHERE id = 1", [])
        .unwrap();
    let by_customer = ListQuery {
        team: Some("East team".into()),
        ..query(None, SortColumn::Customer, false)
    };
    let Output::DealList(Ok(held)) = run(
        &mut conn,
        Job::DealList {
            query: by_customer.clone(),
            as_of: common::as_of(),
        },
    ) else {
        panic!("no list page after renames");
    };
    let sql = reads::pipeline_page(&conn, &by_customer, common::as_of()).unwrap();
    assert!(sql.total > 0);
    assert_eq!(held.page, sql, "after a customer's and a rep's renames");
}

#[test]
fn a_write_brings_only_its_deals_up_to_date() {
    let conn = book();
    let mut index = reads::ListIndex::load(&conn).unwrap();
    let by_touch = query(Some(SavedView::Stale), SortColumn::LastTouch, true);
    for sort in [SortColumn::Title, SortColumn::ExpectedClose] {
        held_page(&mut index, &query(None, sort, false));
    }
    let before = held_page(&mut index, &by_touch);
    let first = before.rows[0].id;
    conn.execute(
        "INSERT INTO activities (customer_id, deal_id, rep_id, kind, happened_on)
         VALUES (1, ?1, 1, 'call', '2026-11-25')",
        [first],
    )
    .unwrap();
    conn.execute(
        "UPDATE deals SET title = 'aaa first', expected_close_on = NULL WHERE id = ?1",
        [before.rows[1].id],
    )
    .unwrap();
    assert!(index.refresh(&conn).unwrap(), "brought up to date in place");
    let after = held_page(&mut index, &by_touch);
    assert_eq!(after.total, before.total - 1);
    assert_eq!(
        after,
        reads::pipeline_page(&conn, &by_touch, common::as_of()).unwrap()
    );
    for view in views() {
        for sort in [SortColumn::Title, SortColumn::ExpectedClose] {
            let q = query(view, sort, false);
            let sql = reads::pipeline_page(&conn, &q, common::as_of()).unwrap();
            assert_eq!(held_page(&mut index, &q), sql, "{q:?}");
        }
    }
    let other = reads::ListIndex::load(&conn).unwrap();
    assert!(
        !index.refresh(&conn).unwrap(),
        "another list took over the notes"
    );
    assert_eq!(other.len(), index.len());
}
