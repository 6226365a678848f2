//! The forecast model against statsmodels OLS: coefficients, standard errors, s², R², and the
//! 80%/95% prediction bounds agree to 1e-8 relative. The numbers in
//! `tests/data/forecast_known_answers.json` were computed once by
//! `tests/data/forecast_known_answers.py` (statsmodels 0.15.0); see that script.

use salesdesk::analytics::forecast::{ForecastOptions, MonthlySeries, forecast_series};
use salesdesk::domain::Month;
use serde_json::Value;

const TOLERANCE: f64 = 1e-8;

fn known_answers() -> Value {
    let text = include_str!("data/forecast_known_answers.json");
    serde_json::from_str(text).unwrap()
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn assert_close(what: &str, ours: f64, theirs: f64) {
    let scale = theirs.abs().max(f64::MIN_POSITIVE);
    assert!(
        (ours - theirs).abs() / scale <= TOLERANCE,
        "{what}: ours {ours}, statsmodels {theirs}, relative {}",
        (ours - theirs).abs() / scale
    );
}

fn assert_all_close(what: &str, ours: &[f64], theirs: &[f64]) {
    assert_eq!(ours.len(), theirs.len(), "{what}: lengths");
    for (i, (a, b)) in ours.iter().zip(theirs).enumerate() {
        assert_close(&format!("{what}[{i}]"), *a, *b);
    }
}

fn check_case(name: &str) {
    let answers = known_answers();
    let case = answers["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap();
    let start: Month = case["first_month"].as_str().unwrap().parse().unwrap();
    let values: Vec<i64> = numbers(&case["values"]).iter().map(|v| *v as i64).collect();
    let series = MonthlySeries { start, values };
    let horizon = case["forecast"].as_array().unwrap().len();
    let model = forecast_series(&series, ForecastOptions::with_horizon(horizon)).unwrap();
    let fit = &model.fit;

    let columns: Vec<&str> = case["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(fit.columns, columns);
    assert_all_close(
        "coefficients",
        &fit.coefficients,
        &numbers(&case["coefficients"]),
    );
    assert_all_close(
        "standard errors",
        &fit.standard_errors,
        &numbers(&case["standard_errors"]),
    );
    assert_close("s2", fit.s2, case["s2"].as_f64().unwrap());
    assert_close("r2", fit.r2.unwrap(), case["r2"].as_f64().unwrap());
    assert_close(
        "adj_r2",
        fit.adj_r2.unwrap(),
        case["adj_r2"].as_f64().unwrap(),
    );
    assert_eq!(fit.df as f64, case["df"].as_f64().unwrap());

    for (ours, theirs) in model
        .forecast
        .iter()
        .zip(case["forecast"].as_array().unwrap())
    {
        let h = theirs["h"].as_i64().unwrap() as i32;
        assert_eq!(ours.month, series.last().plus(h));
        for (field, value) in [
            ("mean", ours.mean),
            ("pi80_lo", ours.pi80_lo),
            ("pi80_hi", ours.pi80_hi),
            ("pi95_lo", ours.pi95_lo),
            ("pi95_hi", ours.pi95_hi),
        ] {
            assert_close(
                &format!("h={h} {field}"),
                value,
                theirs[field].as_f64().unwrap(),
            );
        }
    }
}

#[test]
fn a_ten_month_trend_matches_statsmodels() {
    check_case("trend");
}

#[test]
fn a_thirty_six_month_seasonal_series_matches_statsmodels() {
    check_case("seasonal");
}
