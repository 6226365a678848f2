//! The demo book of business: deterministic, the right shape, with the signal analytics need,
//! and safe with data that is already there.

use chrono::NaiveDate;
use rusqlite::Connection;
use rusqlite::types::ValueRef;
use salesdesk::db::demo::{DemoError, DemoOptions, generate, row_count};
use salesdesk::db::open;
use tempfile::TempDir;

/// Every table with the columns that order its rows.
const TABLES: [(&str, &str); 12] = [
    ("reps", "id"),
    ("products", "id"),
    ("customers", "id"),
    ("deals", "id"),
    ("stage_changes", "id"),
    ("activities", "id"),
    ("tasks", "id"),
    ("quotas", "rep_id, quarter"),
    ("rep_absences", "id"),
    ("channels", "id"),
    ("channel_months", "channel_id, month"),
    ("edits", "id"),
];

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 15).unwrap()
}

fn options(customers: u32, deals: u32, seed: u64) -> DemoOptions {
    DemoOptions {
        customers,
        deals,
        months: 36,
        seed,
        as_of: as_of(),
    }
}

/// A fresh, migrated database in its own temporary folder.
fn fresh() -> (TempDir, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let db = open(&dir.path().join("demo.db")).unwrap();
    (dir, db.conn)
}

fn generated(opts: &DemoOptions) -> (TempDir, Connection) {
    let (dir, mut conn) = fresh();
    generate(&mut conn, opts, false).unwrap();
    (dir, conn)
}

/// Every row of every table, in primary key order, as text.
fn dump(conn: &Connection) -> Vec<String> {
    let mut out = Vec::new();
    for (table, key) in TABLES {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY {key}"))
            .unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..columns)
                .map(|i| match row.get_ref(i).unwrap() {
                    ValueRef::Text(t) => format!("{:?}", String::from_utf8_lossy(t)),
                    other => format!("{other:?}"),
                })
                .collect();
            out.push(format!("{table}|{}", cells.join("|")));
        }
    }
    out
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn float(conn: &Connection, sql: &str) -> f64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn same_options_give_identical_rows_and_another_seed_differs() {
    let (_a, first) = generated(&options(300, 2_500, 7));
    let (_b, second) = generated(&options(300, 2_500, 7));
    let (_c, other) = generated(&options(300, 2_500, 8));
    let dump_first = dump(&first);
    assert!(dump_first.len() > 10_000);
    assert!(dump_first == dump(&second), "same seed gave different rows");
    assert!(
        dump_first != dump(&other),
        "another seed gave the same rows"
    );
}

#[test]
fn schema_settings_and_integrity_survive_the_bulk_load() {
    let (_dir, mut conn) = fresh();
    let schema = |c: &Connection| {
        let mut stmt = c
            .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| {
            Ok(format!(
                "{}|{}|{}|{:?}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?
            ))
        })
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap()
    };
    let before = schema(&conn);
    conn.pragma_update(None, "cache_size", -4_000).unwrap();
    let threads = count(&conn, "PRAGMA threads");
    generate(&mut conn, &options(200, 1_500, 1), false).unwrap();
    assert_eq!(schema(&conn), before);
    assert!(before.iter().any(|s| s.contains("activities_by_customer")));
    assert_eq!(count(&conn, "PRAGMA foreign_keys"), 1);
    assert_eq!(count(&conn, "PRAGMA cache_size"), -4_000);
    assert_eq!(count(&conn, "PRAGMA threads"), threads);
    let violations: i64 = count(&conn, "SELECT count(*) FROM pragma_foreign_key_check");
    assert_eq!(violations, 0);
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}

#[test]
fn small_book_has_the_expected_shape() {
    let (_dir, mut conn) = fresh();
    let summary = generate(&mut conn, &options(500, 4_000, 42), false).unwrap();
    let c = |sql: &str| count(&conn, sql);
    assert_eq!(c("SELECT count(*) FROM reps"), 12);
    assert_eq!(c("SELECT count(DISTINCT team) FROM reps"), 3);
    assert_eq!(c("SELECT count(DISTINCT region) FROM reps"), 3);
    assert_eq!(c("SELECT count(*) FROM reps WHERE active = 1"), 11);
    assert_eq!(c("SELECT count(*) FROM products"), 8);
    assert_eq!(c("SELECT count(DISTINCT family) FROM products"), 3);
    assert_eq!(c("SELECT count(*) FROM customers"), 500);
    assert_eq!(c("SELECT count(DISTINCT name) FROM customers"), 500);
    assert_eq!(c("SELECT count(*) FROM deals"), 4_000);
    assert_eq!(c("SELECT count(DISTINCT stage) FROM deals"), 6);
    assert_eq!(c("SELECT count(*) FROM channels"), 5);
    assert_eq!(c("SELECT count(*) FROM channel_months"), 5 * 36);

    // Summary counts are the rows written.
    assert_eq!(summary.reps, 12);
    assert_eq!(summary.deals, 4_000);
    assert_eq!(
        summary.stage_changes as i64,
        c("SELECT count(*) FROM stage_changes")
    );
    assert_eq!(
        summary.activities as i64,
        c("SELECT count(*) FROM activities")
    );
    assert_eq!(summary.tasks as i64, c("SELECT count(*) FROM tasks"));
    assert_eq!(summary.quotas as i64, c("SELECT count(*) FROM quotas"));
    assert_eq!(summary.phases.len(), 7);

    let win_rate = float(
        &conn,
        "SELECT avg(stage = 'Won') FROM deals WHERE stage IN ('Won', 'Lost')",
    );
    assert!((0.33..0.47).contains(&win_rate), "win rate {win_rate}");
    let open = c("SELECT count(*) FROM deals WHERE stage NOT IN ('Won', 'Lost')");
    assert!((200..800).contains(&open), "{open} open deals");
    assert_eq!(
        c(
            "SELECT count(*) FROM deals WHERE stage NOT IN ('Won', 'Lost') AND closed_on IS NOT NULL"
        ),
        0
    );
    assert_eq!(
        c("SELECT count(*) FROM deals WHERE stage IN ('Won', 'Lost')
           AND (closed_on IS NULL OR closed_on > '2026-05-15' OR closed_on < created_on)"),
        0
    );
    assert_eq!(
        c("SELECT count(*) FROM deals
           WHERE (stage = 'Lost') <> (lost_reason IS NOT NULL)"),
        0
    );
    assert_eq!(c("SELECT count(DISTINCT lost_reason) FROM deals"), 6);
    assert_eq!(
        c("SELECT count(*) FROM deals WHERE amount_cents % 100 <> 0"),
        0
    );
    assert_eq!(
        c("SELECT count(*) FROM deals WHERE expected_close_on IS NULL"),
        0
    );
    let slipping = c("SELECT count(*) FROM deals
                      WHERE closed_on IS NULL AND expected_close_on < '2026-05-15'");
    assert!(slipping > 0 && slipping < open / 3, "{slipping} slipping");
    assert_eq!(
        c(
            "SELECT count(*) FROM deals d JOIN customers c ON c.id = d.customer_id
           WHERE d.created_on < c.created_on"
        ),
        0
    );

    // Stage history climbs from Lead and ends at the current stage.
    assert_eq!(
        c(
            "SELECT count(*) FROM deals d WHERE stage IN ('Won', 'Lost') AND stage <>
           (SELECT to_stage FROM stage_changes s WHERE s.deal_id = d.id
            ORDER BY changed_on DESC, id DESC LIMIT 1)"
        ),
        0
    );
    assert_eq!(
        c("SELECT count(*) FROM stage_changes WHERE from_stage IS NULL"),
        0
    );
    assert_eq!(
        c("SELECT count(*) FROM deals d WHERE stage = 'Won' AND
           (SELECT count(*) FROM stage_changes s WHERE s.deal_id = d.id) <> 4"),
        0
    );
    assert_eq!(
        c(
            "SELECT count(*) FROM stage_changes s JOIN deals d ON d.id = s.deal_id
           WHERE s.changed_on < d.created_on OR s.changed_on > coalesce(d.closed_on, '2026-05-15')"
        ),
        0
    );
    assert_eq!(
        c(
            "SELECT count(*) FROM activities a JOIN deals d ON d.id = a.deal_id
           WHERE a.happened_on < d.created_on
              OR a.happened_on > coalesce(d.closed_on, '2026-05-15')
              OR a.rep_id <> d.rep_id OR a.customer_id <> d.customer_id"
        ),
        0
    );
    let per_deal = float(&conn, "SELECT count(*) * 1.0 / 4000 FROM activities");
    assert!(
        (2.2..3.8).contains(&per_deal),
        "{per_deal} activities per deal"
    );

    // Tasks: open ones around as_of on open deals of active reps, some overdue, a few pinned.
    let open_tasks = c("SELECT count(*) FROM tasks WHERE status = 'open'");
    assert!(open_tasks > 30, "{open_tasks} open tasks");
    assert_eq!(
        c(
            "SELECT count(*) FROM tasks t JOIN deals d ON d.id = t.deal_id
           JOIN reps r ON r.id = t.rep_id
           WHERE t.status = 'open' AND (d.closed_on IS NOT NULL OR r.active = 0
              OR t.due_on NOT BETWEEN '2026-04-01' AND '2026-06-30')"
        ),
        0
    );
    assert!(c("SELECT count(*) FROM tasks WHERE status = 'open' AND due_on < '2026-05-15'") > 0);
    assert!(c("SELECT count(*) FROM tasks WHERE status = 'done'") > 0);
    assert_eq!(c("SELECT count(DISTINCT kind) FROM tasks"), 5);

    // Quotas for every quarter of the window and the next; absences now and soon.
    assert_eq!(
        c("SELECT count(*) FROM quotas WHERE quarter = '2026-Q3'"),
        11
    );
    assert_eq!(c("SELECT count(DISTINCT quarter) FROM quotas"), 14);
    assert_eq!(
        c("SELECT count(*) FROM quotas WHERE amount_cents % 100000 <> 0"),
        0
    );
    assert_eq!(
        c(
            "SELECT count(*) FROM rep_absences WHERE from_on <= '2026-05-15' AND to_on >= '2026-05-15'"
        ),
        1
    );
    assert_eq!(
        c("SELECT count(*) FROM rep_absences WHERE from_on > '2026-05-15'"),
        1
    );
}

#[test]
fn names_are_distinct_and_some_are_international() {
    let (_dir, conn) = generated(&options(5_000, 500, 3));
    assert_eq!(
        count(&conn, "SELECT count(DISTINCT name) FROM customers"),
        5_000
    );
    let mut stmt = conn.prepare("SELECT name FROM customers").unwrap();
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let international = names.iter().filter(|n| !n.is_ascii()).count();
    assert!((30..200).contains(&international), "{international}");
}

#[test]
fn bookings_show_trend_and_quarter_end_peaks() {
    let (_dir, conn) = generated(&options(800, 8_000, 42));
    let mut stmt = conn
        .prepare(
            "SELECT substr(closed_on, 1, 7), sum(amount_cents) FROM deals
             WHERE stage = 'Won' GROUP BY 1 ORDER BY 1",
        )
        .unwrap();
    let months: Vec<(String, f64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as f64)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(months.len(), 36);
    assert_eq!(months[0].0, "2023-06");
    // The as_of month is only half over; leave it out.
    let full = &months[..35];
    let quarter_end = |m: &str| matches!(&m[5..], "03" | "06" | "09" | "12");
    let mean = |keep: &dyn Fn(&str) -> bool| {
        let picked: Vec<f64> = full
            .iter()
            .filter(|(m, _)| keep(m))
            .map(|(_, v)| *v)
            .collect();
        picked.iter().sum::<f64>() / picked.len() as f64
    };
    let peaks = mean(&|m| quarter_end(m));
    let others = mean(&|m| !quarter_end(m));
    assert!(peaks > 1.4 * others, "quarter ends {peaks} vs {others}");
    let first: f64 = full[..12].iter().map(|(_, v)| v).sum();
    let last: f64 = full[23..35].iter().map(|(_, v)| v).sum();
    assert!(last > 1.3 * first, "last 12 months {last} vs first {first}");
}

#[test]
fn win_rate_depends_on_activity_and_amount() {
    let (_dir, conn) = generated(&options(500, 4_000, 42));
    conn.execute_batch(
        "CREATE TEMP TABLE closed AS
         SELECT d.stage = 'Won' AS won, d.amount_cents AS amount,
                (SELECT count(*) FROM activities a WHERE a.deal_id = d.id) AS acts
         FROM deals d WHERE d.stage IN ('Won', 'Lost')",
    )
    .unwrap();
    let split = |column: &str| {
        let median: i64 = count(
            &conn,
            &format!(
                "SELECT {column} FROM closed ORDER BY {column}
                 LIMIT 1 OFFSET (SELECT count(*) / 2 FROM closed)"
            ),
        );
        let rate = |cmp: &str| {
            float(
                &conn,
                &format!("SELECT avg(won) FROM closed WHERE {column} {cmp} {median}"),
            )
        };
        (rate(">"), rate("<="))
    };
    let (busy, quiet) = split("acts");
    assert!(busy > quiet + 0.12, "activities: {busy} vs {quiet}");
    let (big, small) = split("amount");
    assert!(small > big + 0.08, "amount: small {small} vs big {big}");
}

#[test]
fn refuses_a_non_empty_database_unless_forced() {
    let (_dir, mut conn) = generated(&options(100, 800, 5));
    let before = dump(&conn);
    let rows = row_count(&conn).unwrap();
    assert_eq!(rows as usize, before.len());
    let err = generate(&mut conn, &options(120, 900, 6), false).unwrap_err();
    assert!(matches!(err, DemoError::NotEmpty { rows: r } if r == rows));
    assert_eq!(
        err.to_string(),
        format!("the database already holds data ({rows} rows); use --force to replace it")
    );
    assert!(dump(&conn) == before, "a refused run changed the database");

    conn.execute_batch(
        "INSERT INTO edits (at, entity, entity_id, field) VALUES ('2026-05-01', 'deal', 1, 'x');
         INSERT INTO channel_plan_predictions VALUES (1, '2026-12', 100, 100, 50, 150);",
    )
    .unwrap();
    salesdesk::db::commit::store(
        &conn,
        &salesdesk::analytics::commit::call(
            &salesdesk::db::commit::load_book(&conn).unwrap(),
            salesdesk::analytics::commit::CallPeriod::quarter_of(as_of()),
            as_of(),
            &salesdesk::analytics::commit::CommitSettings::default(),
            salesdesk::analytics::commit::BandScale::MODEL,
        ),
    )
    .unwrap();
    generate(&mut conn, &options(120, 900, 6), true).unwrap();
    for derived in ["channel_plan_predictions", "commit_snapshots"] {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {derived}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "{derived} of the old book left behind");
    }
    let (_other, expected) = generated(&options(120, 900, 6));
    assert!(
        dump(&conn) == dump(&expected),
        "forced run differs from a fresh one"
    );
}

#[test]
fn any_row_makes_the_database_non_empty() {
    let (_dir, mut conn) = fresh();
    assert_eq!(row_count(&conn).unwrap(), 0);
    conn.execute("INSERT INTO channels (name) VALUES ('Billboards')", [])
        .unwrap();
    let err = generate(&mut conn, &options(10, 10, 1), false).unwrap_err();
    assert!(matches!(err, DemoError::NotEmpty { rows: 1 }));
}

#[test]
fn a_failure_midway_writes_nothing_and_restores_settings() {
    let (_dir, mut conn) = fresh();
    conn.execute_batch(
        "CREATE TEMP TRIGGER boom AFTER INSERT ON main.tasks
         BEGIN SELECT RAISE(ABORT, 'boom'); END;",
    )
    .unwrap();
    let err = generate(&mut conn, &options(100, 800, 5), false).unwrap_err();
    assert!(matches!(err, DemoError::Sqlite(_)), "{err}");
    assert_eq!(row_count(&conn).unwrap(), 0);
    assert_eq!(count(&conn, "PRAGMA foreign_keys"), 1);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM sqlite_schema WHERE name = 'deals_by_customer'"
        ),
        1
    );
}

#[test]
fn invalid_options_are_rejected_before_writing() {
    let (_dir, mut conn) = fresh();
    let base = options(100, 800, 1);
    let cases = [
        DemoOptions {
            customers: 0,
            ..base
        },
        DemoOptions { deals: 0, ..base },
        DemoOptions { months: 0, ..base },
        DemoOptions {
            months: 5_000,
            ..base
        },
        DemoOptions {
            as_of: NaiveDate::MIN,
            ..base
        },
    ];
    for opts in cases {
        let err = generate(&mut conn, &opts, false).unwrap_err();
        assert!(
            matches!(err, DemoError::InvalidOptions(_)),
            "{opts:?}: {err}"
        );
    }
    assert_eq!(row_count(&conn).unwrap(), 0);
}

#[test]
fn standard_options_are_the_documented_ones() {
    let opts = DemoOptions::standard(as_of());
    assert_eq!(
        (
            opts.customers,
            opts.deals,
            opts.months,
            opts.seed,
            opts.as_of
        ),
        (2_000, 15_000, 36, 42, as_of())
    );
}

#[test]
fn one_month_window_and_one_deal_work() {
    let (_dir, conn) = generated(&DemoOptions {
        customers: 1,
        deals: 1,
        months: 1,
        seed: 9,
        as_of: NaiveDate::from_ymd_opt(2026, 1, 3).unwrap(),
    });
    assert_eq!(count(&conn, "SELECT count(*) FROM deals"), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM customers"), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM channel_months"), 5);
    assert_eq!(
        count(&conn, "SELECT count(DISTINCT quarter) FROM quotas"),
        2,
        "the current quarter and the next"
    );
}
