//! `salesdesk report assign` as scripts use it: JSON with the documented keys, a plan that
//! respects capacities and absences, the cost matrix as CSV, and clear refusals of bad scopes.

mod common;

use std::path::Path;

use common::bin::salesdesk;
use serde_json::Value;

fn demo_db(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("demo.db");
    let out = salesdesk(&db, &["demo", "--customers", "300"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

#[test]
fn json_plan_matches_the_exported_matrix_and_respects_capacity() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let csv = dir.path().join("costs.csv");
    let out = salesdesk(
        &db,
        &[
            "report",
            "assign",
            "--json",
            "--export-costs",
            csv.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut keys: Vec<&str> = plan
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "as_of",
            "assignment",
            "costs",
            "moves",
            "pinned",
            "reps",
            "scope",
            "tasks",
            "total_after",
            "total_before",
            "unassigned",
            "weights"
        ]
    );
    let reps = plan["reps"].as_array().unwrap();
    let tasks = plan["tasks"].as_array().unwrap();
    let costs = plan["costs"].as_array().unwrap();
    assert!(!tasks.is_empty());
    let mut given = vec![0i64; reps.len()];
    let mut total = 0.0;
    for pair in plan["assignment"].as_array().unwrap() {
        let (task, rep) = (pair[0].as_i64().unwrap(), pair[1].as_i64().unwrap());
        let row = tasks.iter().position(|t| t["id"] == task).unwrap();
        let col = reps.iter().position(|r| r["id"] == rep).unwrap();
        let cost = costs[row][col].as_f64();
        assert!(
            cost.is_some(),
            "task {task} given to rep {rep}, who may not take it"
        );
        total += cost.unwrap_or_default();
        given[col] += 1;
    }
    for (col, rep) in reps.iter().enumerate() {
        assert!(given[col] <= rep["capacity"].as_i64().unwrap());
    }
    assert_eq!(
        plan["assignment"].as_array().unwrap().len() + plan["unassigned"].as_array().unwrap().len(),
        tasks.len()
    );
    assert!(total <= plan["total_after"].as_f64().unwrap() + 1e-6);

    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        tasks.len() + 2,
        "header, one row per task, capacity"
    );
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(header[0], "task_id");
    assert_eq!(header.len(), reps.len() + 1);
    assert_eq!(header[1], reps[0]["id"].to_string());
    let first: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(first[0], tasks[0]["id"].to_string());
    let capacity: Vec<&str> = lines[lines.len() - 1].split(',').collect();
    assert_eq!(capacity[0], "capacity");
    assert_eq!(capacity[1], reps[0]["capacity"].to_string());
}

#[test]
fn text_plan_and_scopes() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = salesdesk(&db, &["report", "assign"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Optimal assignment, scope all as of 2026-11-26"),
        "{text}"
    );
    assert!(text.contains("Total cost"));

    let bad = salesdesk(&db, &["report", "assign", "--scope", "region=North"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("use all, team=NAME or rep=NAME"));
    let unknown = salesdesk(&db, &["report", "assign", "--scope", "team=Nowhere"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no team named 'Nowhere'"));
}
