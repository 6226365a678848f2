//! The cost of giving a task to a rep: a weighted sum of five documented terms, each in [0, 1]
//! before its weight (formula in `docs/report-assign.md`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::facts::{Rep, Task};

/// Weights of the cost terms, and the two scales they use. The config file reads these
/// (`[assign]`); every field has a default, so a partial table is fine.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AssignWeights {
    /// Cost when the rep's region differs from the customer's.
    pub region: f64,
    /// Cost when the rep is not the customer's owner.
    pub continuity: f64,
    /// Cost per unit of the rep's kept load (open tasks kept / max_open_tasks).
    pub load: f64,
    /// Cost per unit of lack of skill (1 − the rep's win rate on the deal's product family).
    pub skill: f64,
    /// Cost per unit of urgency × backlog.
    pub urgency: f64,
    /// A task due this many days ahead or sooner counts as urgent (linearly up to 1 when due).
    pub urgency_horizon_days: i64,
    /// Hours of kept open work at which a rep's backlog counts as full.
    pub full_backlog_hours: f64,
}

impl Default for AssignWeights {
    fn default() -> Self {
        AssignWeights {
            region: 1.0,
            continuity: 2.0,
            load: 1.0,
            skill: 1.0,
            urgency: 2.0,
            urgency_horizon_days: 14,
            full_backlog_hours: 20.0,
        }
    }
}

impl AssignWeights {
    /// Checks the weights make sense: finite, not negative, positive scales.
    pub fn validate(&self) -> Result<(), String> {
        match self.invalid_field() {
            Some((_, message)) => Err(message),
            None => Ok(()),
        }
    }

    /// The first field that does not make sense, with why; the config file names it.
    pub fn invalid_field(&self) -> Option<(&'static str, String)> {
        let weights = [
            ("region", self.region),
            ("continuity", self.continuity),
            ("load", self.load),
            ("skill", self.skill),
            ("urgency", self.urgency),
        ];
        for (name, w) in weights {
            if !w.is_finite() || w < 0.0 {
                return Some((
                    name,
                    format!("the {name} weight must be a number ≥ 0, not {w}"),
                ));
            }
        }
        if self.urgency_horizon_days <= 0 {
            return Some((
                "urgency_horizon_days",
                "urgency_horizon_days must be at least 1".into(),
            ));
        }
        if !self.full_backlog_hours.is_finite() || self.full_backlog_hours <= 0.0 {
            return Some((
                "full_backlog_hours",
                "full_backlog_hours must be a positive number".into(),
            ));
        }
        None
    }
}

/// Skill assumed on a product family the rep has closed no deals of.
pub const UNKNOWN_WIN_RATE: f64 = 0.5;

/// The load a rep keeps whatever the plan does: pinned and out-of-scope open tasks.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct KeptLoad {
    /// How many open tasks.
    pub tasks: i64,
    /// Their estimated minutes.
    pub minutes: i64,
}

/// The five weighted terms of one task–rep cost.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct CostTerms {
    /// Region mismatch.
    pub region: f64,
    /// Not the customer's owner.
    pub continuity: f64,
    /// Rep's kept load.
    pub load: f64,
    /// Lack of skill on the product family.
    pub skill: f64,
    /// Due-date urgency × rep's backlog.
    pub urgency: f64,
}

impl CostTerms {
    /// Names of the terms, in field order, as reasons read them.
    pub const NAMES: [&'static str; 5] = [
        "region match",
        "customer owner",
        "lighter load",
        "product skill",
        "urgent, shorter backlog",
    ];

    /// The terms in field order.
    pub fn values(&self) -> [f64; 5] {
        [
            self.region,
            self.continuity,
            self.load,
            self.skill,
            self.urgency,
        ]
    }

    /// Their sum: the cost.
    pub fn total(&self) -> f64 {
        self.values().iter().sum()
    }
}

/// 1 for a task due today or overdue, falling linearly to 0 at the horizon; 0 without a due date.
pub fn urgency(task: &Task, as_of: NaiveDate, horizon_days: i64) -> f64 {
    let Some(due) = task.due_on else {
        return 0.0;
    };
    let days = (due - as_of).num_days();
    ((horizon_days - days) as f64 / horizon_days as f64).clamp(0.0, 1.0)
}

/// The weighted terms of giving `task` to `rep`, who keeps `kept`.
pub fn terms(
    task: &Task,
    rep: &Rep,
    kept: KeptLoad,
    as_of: NaiveDate,
    w: &AssignWeights,
) -> CostTerms {
    let mismatch = task
        .customer_region
        .as_deref()
        .is_some_and(|region| region != rep.region);
    let not_owner = task.owner_rep_id.is_some_and(|owner| owner != rep.id);
    let load = if rep.max_open_tasks > 0 {
        (kept.tasks as f64 / rep.max_open_tasks as f64).min(1.0)
    } else {
        1.0
    };
    let win_rate = task
        .family
        .as_deref()
        .and_then(|f| rep.win_rates.get(f).copied())
        .unwrap_or(UNKNOWN_WIN_RATE);
    let backlog = (kept.minutes as f64 / (60.0 * w.full_backlog_hours)).min(1.0);
    CostTerms {
        region: if mismatch { w.region } else { 0.0 },
        continuity: if not_owner { w.continuity } else { 0.0 },
        load: w.load * load,
        skill: w.skill * (1.0 - win_rate.clamp(0.0, 1.0)),
        urgency: w.urgency * urgency(task, as_of, w.urgency_horizon_days) * backlog,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
    }

    fn task() -> Task {
        Task {
            id: 1,
            title: "Call".into(),
            kind: "call".into(),
            customer: Some("Acme".into()),
            customer_region: Some("North".into()),
            owner_rep_id: Some(1),
            deal: None,
            deal_id: None,
            customer_id: None,
            family: Some("Core".into()),
            rep_id: Some(1),
            due_on: Some(day(20)),
            est_minutes: 30,
            priority: 2,
            pinned: false,
        }
    }

    fn rep(id: i64, region: &str) -> Rep {
        Rep {
            id,
            name: format!("Rep {id}"),
            team: "T".into(),
            region: region.into(),
            max_open_tasks: 10,
            active: true,
            absences: vec![],
            win_rates: [("Core".to_string(), 0.25)].into_iter().collect(),
        }
    }

    #[test]
    fn every_term_follows_the_documented_formula() {
        let w = AssignWeights::default();
        let kept = KeptLoad {
            tasks: 5,
            minutes: 600,
        };
        let owner = terms(&task(), &rep(1, "North"), kept, day(26), &w);
        assert_eq!(owner.region, 0.0);
        assert_eq!(owner.continuity, 0.0);
        assert!((owner.load - 0.5).abs() < 1e-12);
        assert!((owner.skill - 0.75).abs() < 1e-12);
        // Overdue: urgency 1; backlog 600 min / (60 × 20 h) = 0.5; weight 2.
        assert!((owner.urgency - 1.0).abs() < 1e-12);
        let other = terms(&task(), &rep(2, "South"), KeptLoad::default(), day(26), &w);
        assert_eq!(other.region, 1.0);
        assert_eq!(other.continuity, 2.0);
        assert_eq!(other.load, 0.0);
        assert_eq!(other.urgency, 0.0);
        assert!((other.total() - 3.75).abs() < 1e-12);
    }

    #[test]
    fn urgency_falls_to_zero_at_the_horizon() {
        let mut t = task();
        t.due_on = Some(day(26) + chrono::Days::new(7));
        assert!((urgency(&t, day(26), 14) - 0.5).abs() < 1e-12);
        t.due_on = Some(day(26) + chrono::Days::new(30));
        assert_eq!(urgency(&t, day(26), 14), 0.0);
        t.due_on = None;
        assert_eq!(urgency(&t, day(26), 14), 0.0);
    }

    #[test]
    fn weights_deserialise_with_defaults_and_refuse_nonsense() {
        let w: AssignWeights = serde_json::from_str(r#"{"region": 3.0}"#).unwrap();
        assert_eq!(w.region, 3.0);
        assert_eq!(w.continuity, AssignWeights::default().continuity);
        assert!(w.validate().is_ok());
        let bad = AssignWeights {
            load: -1.0,
            ..AssignWeights::default()
        };
        assert!(bad.validate().is_err());
        assert!(serde_json::from_str::<AssignWeights>(r#"{"regoin": 1}"#).is_err());
    }
}
