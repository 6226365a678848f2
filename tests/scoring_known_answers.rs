//! The logistic fit against statsmodels (λ = 0) and scikit-learn (λ = 1) on the same raw data,
//! through salesdesk's own design (standardised numerics, one-hot with the first level dropped).
//! The numbers and the script that made them are in tests/data/scoring/.

use std::collections::BTreeMap;

use nalgebra::DVector;
use salesdesk::analytics::scoring::{Categorical, DesignSpec, Features, Numeric, fit};

const DATA: &str = include_str!("data/scoring/logistic.csv");
const KNOWN: &str = include_str!("data/scoring/logistic_known.json");

fn data() -> (Features, DVector<f64>) {
    let mut x1 = Vec::new();
    let mut x2 = Vec::new();
    let mut tier = Vec::new();
    let mut y = Vec::new();
    for line in DATA.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        x1.push(cells[0].parse::<f64>().unwrap());
        x2.push(cells[1].parse::<f64>().unwrap());
        tier.push(match cells[2] {
            "a" => 0,
            "b" => 1,
            _ => 2,
        });
        y.push(cells[3].parse::<f64>().unwrap());
    }
    let features = Features {
        numeric: vec![
            Numeric {
                name: "x1".into(),
                values: x1,
            },
            Numeric {
                name: "x2".into(),
                values: x2,
            },
        ],
        categorical: vec![Categorical {
            name: "tier".into(),
            levels: vec!["a".into(), "b".into(), "c".into()],
            codes: tier,
        }],
    };
    (features, DVector::from_vec(y))
}

fn check(lambda: f64, key: &str) {
    let known: BTreeMap<String, serde_json::Value> = serde_json::from_str(KNOWN).unwrap();
    let want: BTreeMap<String, f64> = serde_json::from_value(known[key].clone()).unwrap();
    let (features, y) = data();
    let spec = DesignSpec::learn(&features);
    let x = spec.matrix(&features);
    let fitted = fit(&x, &y, lambda).unwrap();
    assert!(fitted.converged, "{fitted:?}");
    assert_eq!(spec.names.len(), want.len());
    for (name, got) in spec.names.iter().zip(fitted.coefficients.iter()) {
        let w = want[name];
        assert!(
            (got - w).abs() <= 1e-4 * w.abs(),
            "λ = {lambda}, {name}: {got} vs {w}"
        );
    }
}

#[test]
fn unpenalised_fit_matches_statsmodels() {
    check(0.0, "lambda_0");
}

#[test]
fn penalised_fit_matches_scikit_learn() {
    check(1.0, "lambda_1");
}
