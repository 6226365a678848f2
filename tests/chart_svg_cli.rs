//! `salesdesk report forecast|tiers --svg FILE`: the file parses as SVG and holds the series the
//! report computes (one dot per month, one bar per tier, heights in proportion to the numbers),
//! with titles, axis labels and legend; bad paths and empty books are refused in one line.

mod common;
mod forecast_fixture;
mod svg_check;

use std::path::{Path, PathBuf};

use common::bin::{assert_refused, salesdesk, stdout};
use salesdesk::chart::{ForecastPens, TiersPens};
use serde_json::Value;
use svg_check::{Shape, assert_proportional, in_colour, longest, texts};

/// Copies an in-memory book into a database file the binary can open.
fn save(conn: &rusqlite::Connection, dir: &Path) -> PathBuf {
    let db = dir.join("book.db");
    conn.execute("VACUUM INTO ?1", [db.to_string_lossy()])
        .unwrap();
    db
}

fn json(db: &Path, args: &[&str]) -> Value {
    let out = salesdesk(db, args);
    assert!(out.status.success(), "{}", common::bin::stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

/// Asserts `pixels = offset − scale × values` for one offset and scale (y grows downwards),
/// within a pixel of rounding; returns (offset, scale).
fn assert_affine(pixels: &[f64], values: &[f64]) -> (f64, f64) {
    let lo = (0..values.len())
        .min_by(|&a, &b| values[a].total_cmp(&values[b]))
        .unwrap();
    let hi = (0..values.len())
        .max_by(|&a, &b| values[a].total_cmp(&values[b]))
        .unwrap();
    let scale = (pixels[lo] - pixels[hi]) / (values[hi] - values[lo]);
    let offset = pixels[lo] + scale * values[lo];
    assert!(scale > 0.0, "higher values are drawn higher");
    for (p, v) in pixels.iter().zip(values) {
        assert!(
            (p - (offset - scale * v)).abs() <= 1.5,
            "{p} px does not match {v}: {pixels:?}"
        );
    }
    (offset, scale)
}

#[test]
fn the_forecast_chart_holds_history_fit_forecast_bands_pipeline_and_legend() {
    let dir = tempfile::tempdir().unwrap();
    let db = save(&forecast_fixture::seasonal_book(), dir.path());
    let path = dir.path().join("forecast.svg");
    let out = salesdesk(
        &db,
        &["report", "forecast", "--svg", path.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", common::bin::stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "wrote the forecast chart of Total (6 months) to {}\n",
            path.display()
        )
    );
    let report = json(&db, &["report", "forecast", "--json"]);
    let total = &report["series"][0];
    let values = numbers(&total["values"]);
    assert_eq!(values.len(), 30, "2024-05 to 2026-10");

    let shapes = svg_check::read(&path);
    // One dot per month of history, at heights that are the bookings on one scale.
    let dots: Vec<&Shape> = in_colour(&shapes, "circle", ForecastPens::HISTORY);
    assert_eq!(dots.len(), values.len());
    let xs: Vec<f64> = dots.iter().map(|d| d.geometry[0]).collect();
    assert!(
        xs.windows(2)
            .all(|w| (w[1] - w[0] - (xs[1] - xs[0])).abs() <= 1.0),
        "months are evenly spaced: {xs:?}"
    );
    let cys: Vec<f64> = dots.iter().map(|d| d.geometry[1]).collect();
    let (zero, scale) = assert_affine(&cys, &values);
    // The lines: bookings and fit through every month, the forecast from the last month on.
    assert_eq!(
        longest(&shapes, "polyline", ForecastPens::HISTORY)
            .points
            .len(),
        30
    );
    let fitted = longest(&shapes, "polyline", ForecastPens::FITTED);
    let fitted_values = numbers(&total["fitted"]);
    let fitted_y: Vec<f64> = fitted.points.iter().map(|p| p.1).collect();
    for (y, v) in fitted_y.iter().zip(&fitted_values) {
        assert!(
            (y - (zero - scale * v)).abs() <= 1.5,
            "fit {v} drawn at {y}"
        );
    }
    let forecast = longest(&shapes, "polyline", ForecastPens::FORECAST);
    assert_eq!(forecast.points.len(), 7, "the last month and six ahead");
    let means: Vec<f64> = total["forecast"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["mean"].as_f64().unwrap())
        .collect();
    for (p, mean) in forecast.points[1..].iter().zip(&means) {
        assert!((p.1 - (zero - scale * mean)).abs() <= 1.5);
    }
    // Both bands are closed shapes over the seven forecast positions.
    for pen in [ForecastPens::PI80, ForecastPens::PI95] {
        assert_eq!(longest(&shapes, "polygon", pen).points.len(), 14);
    }
    // A bar per month of weighted pipeline (and one legend swatch), under the chart on its own
    // scale: the bars stand on one baseline below the bookings' zero, heights in proportion.
    let weighted: Vec<f64> = total["pipeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["weighted_cents"].as_f64().unwrap())
        .collect();
    assert_eq!(weighted.len(), 3);
    let bars: Vec<&Shape> = in_colour(&shapes, "rect", ForecastPens::PIPELINE);
    assert_eq!(bars.len(), weighted.len() + 1);
    // The swatch floats in the legend, above the chart; the bars stand below it.
    let below = |b: &&&Shape| b.geometry[1] > zero;
    let mut bars: Vec<&&Shape> = bars.iter().filter(below).collect();
    bars.sort_by(|a, b| a.geometry[0].total_cmp(&b.geometry[0]));
    assert_eq!(bars.len(), weighted.len());
    let baseline = bars[0].geometry[1] + bars[0].geometry[3];
    for bar in &bars {
        assert!((bar.geometry[1] + bar.geometry[3] - baseline).abs() <= 1.5);
    }
    let heights: Vec<f64> = bars.iter().map(|b| b.geometry[3]).collect();
    assert_proportional(&heights, &weighted);
    let tallest = heights.iter().copied().fold(0.0, f64::max);
    assert!(
        tallest < scale * weighted.iter().copied().fold(0.0, f64::max),
        "the pipeline's own scale, not the bookings'"
    );
    let texts = texts(&shapes);
    for expected in [
        "Bookings forecast · Total",
        "bookings",
        "fit",
        "forecast",
        "80% PI",
        "95% PI",
        "weighted pipeline (own scale, below)",
        "weighted pipeline",
        "month",
        "bookings per month",
        "2024-07",
        "2027-01",
        "$0",
    ] {
        assert!(texts.contains(&expected), "{expected} missing: {texts:?}");
    }
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("by total · 6 months after 2026-10")),
        "{texts:?}"
    );
    // Bookings of hundreds of thousands a month: the y axis counts thousands of currency.
    assert!(
        texts.iter().any(|t| t.ends_with('k') && t.starts_with('$')),
        "{texts:?}"
    );
}

#[test]
fn a_rep_is_charted_with_group_and_the_horizon_follows_the_option() {
    let dir = tempfile::tempdir().unwrap();
    let db = save(&forecast_fixture::seasonal_book(), dir.path());
    let path = dir.path().join("bo.svg");
    let file = path.to_str().unwrap();
    let out = salesdesk(
        &db,
        &[
            "report",
            "forecast",
            "--by",
            "rep",
            "--group",
            "bo chen",
            "--horizon",
            "12",
            "--svg",
            file,
        ],
    );
    assert!(out.status.success(), "{}", common::bin::stderr(&out));
    let shapes = svg_check::read(&path);
    assert!(texts(&shapes).contains(&"Bookings forecast · Bo Chen"));
    assert_eq!(
        longest(&shapes, "polyline", ForecastPens::FORECAST)
            .points
            .len(),
        13
    );
    assert_eq!(
        in_colour(&shapes, "circle", ForecastPens::HISTORY).len(),
        30
    );
    // Bo has no open deals: the only pipeline rect is the legend's.
    assert_eq!(in_colour(&shapes, "rect", ForecastPens::PIPELINE).len(), 1);
}

#[test]
fn the_tiers_chart_has_a_bar_per_tier_and_segment_in_proportion_to_customers() {
    let dir = tempfile::tempdir().unwrap();
    let db = save(&common::fixture_db(), dir.path());
    let path = dir.path().join("tiers.svg");
    let out = salesdesk(&db, &["report", "tiers", "--svg", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", common::bin::stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "wrote the tiers chart of 12 customers to {}\n",
            path.display()
        )
    );
    let report = json(&db, &["report", "tiers", "--json"]);
    let shapes = svg_check::read(&path);
    let texts = texts(&shapes);
    for (key, pen) in [("tiers", TiersPens::ABC), ("segments", TiersPens::RFM)] {
        let groups = report[key].as_array().unwrap();
        let mut bars = in_colour(&shapes, "rect", pen);
        bars.sort_by(|a, b| a.geometry[0].total_cmp(&b.geometry[0]));
        assert_eq!(bars.len(), groups.len(), "{key}");
        let counts: Vec<f64> = groups
            .iter()
            .map(|g| g["customers"].as_f64().unwrap())
            .collect();
        let heights: Vec<f64> = bars.iter().map(|b| b.geometry[3]).collect();
        assert_proportional(&heights, &counts);
        for group in groups {
            let name = group["name"].as_str().unwrap();
            let share = format!(
                "{:.1}% of V",
                group["value_share"].as_f64().unwrap() * 100.0
            );
            let count = group["customers"].to_string();
            for expected in [name, share.as_str(), count.as_str()] {
                assert!(texts.contains(&expected), "{expected} missing: {texts:?}");
            }
        }
    }
    for expected in [
        "ABC tiers by value",
        "RFM segments",
        "customers",
        "Champions",
        "No purchase",
    ] {
        assert!(texts.contains(&expected), "{expected} missing: {texts:?}");
    }
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Customer tiers as of 2026-11-26 · retention")),
        "{texts:?}"
    );
}

#[cfg(unix)]
#[test]
fn the_file_is_private_and_replaces_an_older_chart() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let db = save(&common::fixture_db(), dir.path());
    let path = dir.path().join("tiers.svg");
    std::fs::write(&path, "old").unwrap();
    let out = salesdesk(&db, &["report", "tiers", "--svg", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", common::bin::stderr(&out));
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("<svg"));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let files = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(files, 2, "the database and the chart, no temporary file");
}

#[test]
fn bad_paths_empty_books_and_ambiguous_series_are_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = save(&forecast_fixture::seasonal_book(), dir.path());
    let missing = dir.path().join("no/such/folder/chart.svg");
    let missing = missing.to_str().unwrap();
    let out = salesdesk(&db, &["report", "forecast", "--svg", missing]);
    assert_refused(&out, "does not exist");
    let out = salesdesk(&db, &["report", "tiers", "--svg", missing]);
    assert_refused(&out, "does not exist");
    let chart = dir.path().join("chart.svg");
    let chart = chart.to_str().unwrap();
    let out = salesdesk(&db, &["report", "forecast", "--by", "rep", "--svg", chart]);
    assert_refused(
        &out,
        "add --group NAME with one rep of: Ann Lee, Bo Chen, Cleo Díaz",
    );
    let out = salesdesk(
        &db,
        &[
            "report", "forecast", "--by", "product", "--group", "Nothing", "--svg", chart,
        ],
    );
    assert_refused(&out, "no product called 'Nothing' to chart");
    let out = salesdesk(
        &db,
        &[
            "report",
            "forecast",
            "--by",
            "rep",
            "--group",
            "Cleo Díaz",
            "--svg",
            chart,
        ],
    );
    assert_refused(&out, "Cleo Díaz: no won deals up to 2026-10");
    let out = salesdesk(&db, &["report", "forecast", "--group", "Total"]);
    assert_refused(&out, "use it with --svg FILE");
    let out = salesdesk(&db, &["report", "forecast", "--json", "--svg", chart]);
    assert_refused(&out, "cannot be used with");
    assert!(
        !Path::new(chart).exists(),
        "nothing written after a refusal"
    );

    let empty = tempfile::tempdir().unwrap();
    let db = save(&forecast_fixture::empty_book(), empty.path());
    let out = salesdesk(&db, &["report", "forecast", "--svg", chart]);
    assert_refused(&out, "nothing to forecast");
    let db = empty.path().join("none.db");
    salesdesk::db::open(&db).unwrap();
    let out = salesdesk(&db, &["report", "tiers", "--svg", chart]);
    assert_refused(&out, "no customers");
    assert!(!Path::new(chart).exists());
}
