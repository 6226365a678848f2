//! Channel response curves against known answers from numpy and scipy
//! (tests/data/channels_known_answers.py made tests/data/channels_known_answers.json).

use salesdesk::analytics::channels::{Curve, Family, MonthPoint, fit_channel};
use serde_json::Value;

fn known() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/channels_known_answers.json"
    ))
    .expect("known answers");
    serde_json::from_str(&text).expect("json")
}

fn number(v: &Value) -> f64 {
    v.as_f64().expect("a number")
}

fn close(found: f64, expected: f64, what: &str) {
    assert!(
        (found - expected).abs() <= 1e-6 * expected.abs().max(1.0),
        "{what}: {found} vs scipy/numpy {expected}"
    );
}

#[test]
fn both_families_match_numpy_and_scipy_and_aic_picks_the_lower() {
    for channel in known()["channels"].as_array().expect("channels") {
        let spend = channel["spend"].as_array().expect("spend");
        let revenue = channel["revenue"].as_array().expect("revenue");
        let history: Vec<MonthPoint> = spend
            .iter()
            .zip(revenue)
            .map(|(s, r)| MonthPoint {
                spend: number(s),
                revenue: number(r),
            })
            .collect();
        let fit = fit_channel(&history).expect("fits");
        let (log, sat) = (&channel["log"], &channel["saturating"]);
        let (chosen, rival) = if number(&log["aic"]) < number(&sat["aic"]) {
            (log, sat)
        } else {
            (sat, log)
        };
        match fit.curve {
            Curve::Log { a, b } => {
                assert!(std::ptr::eq(chosen, log), "{} chose log", channel["name"]);
                close(a, number(&log["a"]), "a");
                close(b, number(&log["b"]), "b");
            }
            Curve::Saturating { c, k } => {
                assert!(
                    std::ptr::eq(chosen, sat),
                    "{} chose saturating",
                    channel["name"]
                );
                close(c, number(&sat["c"]), "c");
                close(k, number(&sat["k"]), "k");
            }
        }
        close(fit.r_squared, number(&chosen["r_squared"]), "R²");
        close(
            fit.residual_se,
            number(&chosen["residual_se"]),
            "residual SE",
        );
        close(fit.aic, number(&chosen["aic"]), "AIC");
        close(
            fit.rival_aic.expect("rival fitted"),
            number(&rival["aic"]),
            "rival AIC",
        );
    }
}

#[test]
fn the_known_answers_cover_both_families() {
    let families: Vec<Family> = known()["channels"]
        .as_array()
        .expect("channels")
        .iter()
        .map(|c| {
            let history: Vec<MonthPoint> = c["spend"]
                .as_array()
                .expect("spend")
                .iter()
                .zip(c["revenue"].as_array().expect("revenue"))
                .map(|(s, r)| MonthPoint {
                    spend: number(s),
                    revenue: number(r),
                })
                .collect();
            fit_channel(&history).expect("fits").family()
        })
        .collect();
    assert_eq!(families, [Family::Log, Family::Saturating]);
}
