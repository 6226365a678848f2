//! Channel response curves against known answers from numpy and scipy
//! (tests/data/channels_known_answers.py made tests/data/channels_known_answers.json).

use salesdesk::analytics::channels::{
    Bounds, ChannelInput, Curve, Family, FittedChannel, MonthPoint, fit_channel, plan,
};
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

/// The known log-like channel's least-squares curve has a < 0: it would predict negative revenue
/// below e^(−a/b) ≈ $411. Months with neither spend nor revenue are gaps, not history.
#[test]
fn no_curve_predicts_negative_revenue_in_its_range_and_empty_months_are_not_history() {
    let channel = &known()["channels"][0];
    let mut history: Vec<MonthPoint> = channel["spend"]
        .as_array()
        .expect("spend")
        .iter()
        .zip(channel["revenue"].as_array().expect("revenue"))
        .map(|(s, r)| MonthPoint {
            spend: number(s),
            revenue: number(r),
        })
        .collect();
    let last_spend = history.last().expect("months").spend;
    let empty = MonthPoint {
        spend: 0.0,
        revenue: 0.0,
    };
    history.insert(3, empty);
    history.extend([empty, empty]);
    let fitted = FittedChannel::new(ChannelInput {
        name: "log-like".into(),
        history,
        current_spend: 0.0,
    });
    assert_eq!(fitted.history.len(), 24, "the gaps are not history");
    assert_eq!(fitted.current_spend, last_spend);
    let fit = fitted.fit.as_ref().expect("fits");
    let Curve::Log { a, b } = fit.curve else {
        panic!("chose {:?}", fit.curve);
    };
    assert!(a < 0.0 && b > 0.0);
    let bounds = fitted.default_bounds();
    assert!((bounds.lo - (-a / b).exp()).abs() < 1e-6);
    let mut spend = 0.0;
    while spend <= bounds.hi {
        assert!(fit.curve.revenue(spend) >= 0.0, "negative at {spend}");
        spend += 25.0;
    }
    let channels = [fitted.clone()];
    let manager = [Bounds {
        lo: 0.0,
        hi: bounds.hi,
    }];
    let p = plan(&channels, &manager, 300.0);
    assert!(
        p.is_err(),
        "a budget below the break-even spend is refused: {p:?}"
    );
    let p = plan(&channels, &manager, 5_000.0).expect("plan");
    assert!(p.channels[0].bounds.lo >= bounds.lo);
    assert!(p.channels[0].recommended_revenue.expect("fitted") >= 0.0);
}
