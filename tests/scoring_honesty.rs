//! Honest scores on synthetic books: a model no better than a coin is not trusted, and an
//! unpenalised fit whose coefficients cannot be identified says so instead of "converged".

use salesdesk::analytics::scoring::{
    Features, MIN_HOLDOUT_AUC, ModelProblem, Numeric, ScoringSettings, TrainingSet, train,
};

#[test]
fn a_model_no_better_than_a_coin_on_its_holdout_is_not_trusted() {
    // Outcomes from a scrambled counter, independent of x: the holdout AUC lands near 0.5.
    let n = 2_000u32;
    let set = TrainingSet {
        features: Features {
            numeric: vec![Numeric {
                name: "days open".into(),
                values: (0..n).map(|i| f64::from(i % 97)).collect(),
            }],
            categorical: vec![],
        },
        labels: (0..n)
            .map(|i| i.wrapping_mul(2_654_435_761).rotate_left(13) % 2 == 0)
            .collect(),
        time: (0..i64::from(n)).collect(),
        examples: None,
    };
    let model = train(&set, &ScoringSettings::default()).unwrap();
    let auc = model.holdout_metrics.as_ref().and_then(|m| m.auc).unwrap();
    assert!(auc < MIN_HOLDOUT_AUC, "held-out AUC {auc}");
    assert!(!model.trusted());
}

#[test]
fn an_unpenalised_fit_of_a_copied_column_is_not_identified_and_a_penalised_one_is() {
    let x: Vec<f64> = (0..200).map(|i| f64::from(i % 20)).collect();
    let numeric = |name: &str| Numeric {
        name: name.into(),
        values: x.clone(),
    };
    let set = TrainingSet {
        features: Features {
            numeric: vec![numeric("days open"), numeric("days open again")],
            categorical: vec![],
        },
        labels: (0..200).map(|i| (i % 20) + (i % 7) > 12).collect(),
        time: (0..200).collect(),
        examples: None,
    };
    let unpenalised = ScoringSettings {
        lambda: 0.0,
        ..ScoringSettings::default()
    };
    let err = train(&set, &unpenalised).unwrap_err();
    assert_eq!(
        err,
        ModelProblem::NotIdentified {
            columns: vec!["days open again".into()]
        }
    );
    assert!(
        err.to_string()
            .contains("days open again is a linear combination")
    );
    let penalised = train(&set, &ScoringSettings::default()).unwrap();
    assert!(penalised.fit.converged);
}
