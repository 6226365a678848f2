//! The analyses the book keeps (scores, KPIs, tiers, forecast) are answered from the store only
//! for the exact version of the book they were computed from, and are then identical to a
//! fresh computation, after any sequence of edits, undos, redos and imports; a stored result of
//! another version, book or build is never used.

mod common;

use chrono::NaiveDate;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rusqlite::Connection;
use salesdesk::analytics::commit::CommitSettings;
use salesdesk::analytics::forecast::ForecastOptions;
use salesdesk::analytics::pipeline::PeriodKind;
use salesdesk::analytics::scoring::ScoringSettings;
use salesdesk::db::board::BoardFilter;
use salesdesk::db::cache;
use salesdesk::db::demo::DemoOptions;
use salesdesk::domain::{DealChange, Stage};
use salesdesk::import::{ImportJob, ImportOptions, MappingSource, OnConflict, RecordKind};
use salesdesk::worker::{CallAsk, Job, Output, Reply, Request, execute};
use tempfile::TempDir;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 15).unwrap()
}

fn book() -> (TempDir, Connection) {
    let (dir, path) = common::demo_book_file(&DemoOptions {
        customers: 150,
        deals: 900,
        months: 24,
        seed: 21,
        as_of: as_of(),
    });
    let conn = salesdesk::db::open(&path).unwrap().conn;
    (dir, conn)
}

/// The call view as the desk asks for it on the day it is made (storing that day's call).
fn call_job() -> Job {
    Job::Call(CallAsk {
        as_of: as_of(),
        store: true,
        since: None,
        commit: CommitSettings::default(),
        scoring: ScoringSettings::default(),
    })
}

/// The analyses kept, as the desk asks for them (the call view, slower, is checked apart).
fn kept_jobs() -> Vec<Job> {
    vec![
        Job::Scores {
            as_of: as_of(),
            settings: ScoringSettings::default(),
        },
        Job::Kpis {
            kind: PeriodKind::ThisQuarter,
            as_of: as_of(),
            pipeline: Some(1),
        },
        Job::Tiers { as_of: as_of() },
        Job::BoardTotals {
            filter: BoardFilter {
                pipeline_id: Some(1),
                ..BoardFilter::default()
            },
            period: (as_of() - chrono::Days::new(90), as_of()),
        },
        Job::CustomerIndex { as_of: as_of() },
        Job::Forecast {
            as_of: as_of(),
            options: ForecastOptions::default(),
        },
    ]
}

fn run(conn: &mut Connection, job: Job) -> Reply {
    execute(conn, Request { generation: 1, job })
}

/// The job's answer as the desk gets it (first from an empty store: computed and kept; then
/// from the store), checked against a fresh computation with nothing stored.
fn check_kept(conn: &mut Connection, job: &Job, step: &str) {
    let first = run(conn, job.clone());
    let computed = match &first.output {
        Output::Scores(r) => r
            .as_ref()
            .map(|s| s.win.scores.len() + s.propensity.scores.len())
            .map_err(String::clone),
        Output::Kpis(r) => r
            .as_ref()
            .map(|k| k.kpis.conversions.len() + k.quota.reps.len())
            .map_err(String::clone),
        Output::Tiers(r) => r
            .as_ref()
            .map(|t| t.report.customers.len())
            .map_err(String::clone),
        Output::Forecast(r) => r.as_ref().map(|f| f.series.len()).map_err(String::clone),
        Output::BoardTotals(r) => r
            .as_ref()
            .map(|t| t.open.iter().map(|s| s.count).sum::<i64>() as usize)
            .map_err(String::clone),
        Output::CustomerIndex(r) => r.as_ref().map(|c| c.rows.len()).map_err(String::clone),
        Output::Call(r) => r
            .as_ref()
            .map(|c| c.track.len() + c.history.len())
            .map_err(String::clone),
        other => panic!("not a kept analysis: {other:?}"),
    };
    assert!(
        computed.as_ref().is_ok_and(|n| *n > 0),
        "{step}: {job:?} computed nothing: {computed:?}"
    );
    assert_eq!(
        first.computed_at, None,
        "{step}: {job:?} was answered from a result of an earlier version"
    );
    let again = run(conn, job.clone());
    assert!(again.computed_at.is_some(), "{step}: {job:?} was not kept");
    cache::forget_all(conn).unwrap();
    let fresh = run(conn, job.clone());
    assert_eq!(fresh.computed_at, None);
    assert!(
        again.output == fresh.output,
        "{step}: the kept {job:?} differs from a fresh computation"
    );
    assert!(
        first.output == fresh.output,
        "{step}: {job:?} is not repeatable"
    );
}

/// Saves `change` to deal `deal_id`, as the desk does.
fn change(conn: &mut Connection, deal_id: i64, change: DealChange) {
    let reply = run(
        conn,
        Job::Write {
            deal_id,
            change,
            today: as_of(),
        },
    );
    assert!(
        matches!(reply.output, Output::Written(Ok(_))),
        "{:?}",
        reply.output
    );
}

fn open_deal(conn: &Connection, rng: &mut StdRng) -> i64 {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM deals WHERE closed_on IS NULL ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    ids[rng.random_range(0..ids.len())]
}

fn import_deals(dir: &TempDir, conn: &mut Connection, n: usize) {
    let file = dir.path().join(format!("deals-{n}.csv"));
    let mut csv = String::from(
        "external_id,customer_id,rep_id,product_id,title,amount,stage,created_on,expected_close_on,closed_on\n",
    );
    for i in 0..3 {
        csv.push_str(&format!(
            "K{n}-{i},{},1,1,Imported {n}-{i},{},{},2026-03-0{},2026-06-30,{}\n",
            1 + i,
            1000 + 250 * i,
            ["Won", "Lead", "Lost"][i],
            1 + i,
            ["2026-04-20", "", "2026-05-02"][i],
        ));
    }
    std::fs::write(&file, csv).unwrap();
    let reply = run(
        conn,
        Job::Import(Box::new(ImportJob {
            file,
            mapping: MappingSource::Default(RecordKind::Deals),
            options: ImportOptions {
                on_conflict: OnConflict::Fail,
                dry_run: false,
                overwrite: false,
                skip_bad: false,
                as_of: as_of(),
            },
            encoding: None,
        })),
    );
    assert!(
        matches!(reply.output, Output::Imported(Ok(_))),
        "the import failed: {:?}",
        reply.output
    );
}

#[test]
fn kept_results_equal_fresh_ones_after_random_edits_imports_and_undos() {
    let (dir, mut conn) = book();
    run(&mut conn, call_job());
    cache::forget_all(&conn).unwrap();
    let mut rng = StdRng::seed_from_u64(2026);
    for job in kept_jobs().iter().chain([&call_job()]) {
        check_kept(&mut conn, job, "the new book");
    }
    for step in 0..8 {
        let what = match rng.random_range(0..5) {
            0 => {
                let deal = open_deal(&conn, &mut rng);
                let to = Stage::Open(rng.random_range(0..4));
                change(&mut conn, deal, DealChange::Move { to });
                format!("step {step}: moved deal {deal} to {to:?}")
            }
            1 => {
                let deal = open_deal(&conn, &mut rng);
                change(&mut conn, deal, DealChange::Win);
                format!("step {step}: won deal {deal}")
            }
            2 => {
                run(&mut conn, Job::Undo);
                format!("step {step}: undo")
            }
            3 => {
                run(&mut conn, Job::Redo);
                format!("step {step}: redo")
            }
            _ => {
                import_deals(&dir, &mut conn, step);
                format!("step {step}: imported three deals")
            }
        };
        let jobs = kept_jobs();
        let job = &jobs[step % jobs.len()];
        check_kept(&mut conn, job, &what);
    }
}

#[test]
fn a_change_after_a_result_was_kept_is_seen() {
    let (_dir, mut conn) = book();
    let kpis = kept_jobs().remove(1);
    let before = run(&mut conn, kpis.clone());
    let deal: i64 = conn
        .query_row(
            "SELECT id FROM deals WHERE closed_on IS NULL ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    change(&mut conn, deal, DealChange::Win);
    let after = run(&mut conn, kpis);
    assert_eq!(after.computed_at, None, "a stale result was trusted");
    let won = |reply: &Reply| match &reply.output {
        Output::Kpis(Ok(k)) => k.kpis.won,
        other => panic!("no KPIs: {other:?}"),
    };
    assert_eq!(won(&after), won(&before) + 1);
}

#[test]
fn results_of_another_book_or_build_are_ignored() {
    let (_dir, mut conn) = book();
    let tiers = Job::Tiers { as_of: as_of() };
    run(&mut conn, tiers.clone());
    assert!(run(&mut conn, tiers.clone()).computed_at.is_some());
    conn.execute(
        "UPDATE analysis_cache SET program = 'salesdesk 0.0.9-0'",
        [],
    )
    .unwrap();
    assert_eq!(
        run(&mut conn, tiers.clone()).computed_at,
        None,
        "another build's result was used"
    );
    assert!(run(&mut conn, tiers.clone()).computed_at.is_some());
    conn.execute("UPDATE analysis_cache SET book_id = 'a copied store'", [])
        .unwrap();
    assert_eq!(
        run(&mut conn, tiers).computed_at,
        None,
        "another book's result was used"
    );
}

#[test]
fn deals_read_alone_have_the_features_a_full_read_gives_them() {
    let (_dir, conn) = book();
    let full = salesdesk::db::scoring_rows::win_rows(&conn, as_of(), 600_000).unwrap();
    let mut rng = StdRng::seed_from_u64(7);
    let mut ids: Vec<i64> = (0..25)
        .map(|_| full.ids[rng.random_range(0..full.ids.len())])
        .collect();
    let closed: i64 = conn
        .query_row(
            "SELECT id FROM deals WHERE closed_on IS NOT NULL LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    ids.push(closed);
    ids.push(999_999);
    let alone = salesdesk::db::scoring_rows::open_deal_rows(&conn, as_of(), &ids).unwrap();
    assert!(
        alone.training.labels.is_empty(),
        "no training rows are read"
    );
    assert!(!alone.ids.contains(&closed) && !alone.ids.contains(&999_999));
    assert!(alone.ids.len() >= 20, "{:?}", alone.ids);
    for (row, id) in alone.ids.iter().enumerate() {
        let at = full.ids.iter().position(|f| f == id).unwrap();
        for (a, f) in alone.current.numeric.iter().zip(&full.current.numeric) {
            assert_eq!(a.name, f.name);
            assert_eq!(
                a.values[row].to_bits(),
                f.values[at].to_bits(),
                "{} of deal {id}",
                a.name
            );
        }
        for (a, f) in alone
            .current
            .categorical
            .iter()
            .zip(&full.current.categorical)
        {
            assert_eq!(a.levels, f.levels);
            assert_eq!(a.codes[row], f.codes[at], "{} of deal {id}", a.name);
        }
    }
}

#[test]
fn the_days_call_is_stored_once_and_then_answered_from_the_store() {
    let (_dir, mut conn) = book();
    let stored = |reply: &Reply| match &reply.output {
        Output::Call(Ok(sheet)) => sheet.stored.clone(),
        other => panic!("no call: {other:?}"),
    };
    let made = run(&mut conn, call_job());
    assert_eq!(
        (stored(&made), made.computed_at.is_some()),
        ("stored today".into(), false)
    );
    let kept = run(&mut conn, call_job());
    assert_eq!(
        (stored(&kept), kept.computed_at.is_some()),
        ("already stored today".into(), true)
    );
    cache::forget_all(&conn).unwrap();
    let fresh = run(&mut conn, call_job());
    assert!(
        fresh.output == kept.output,
        "the kept call view differs from a fresh one"
    );
    conn.execute("DELETE FROM commit_snapshots", []).unwrap();
    let remade = run(&mut conn, call_job());
    assert_eq!(
        stored(&remade),
        "stored today",
        "a kept view hid that no call was stored"
    );
}
