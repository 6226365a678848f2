//! The small config sections: pipeline stage defaults, the KPI period, and forecast settings.

use std::str::FromStr;

use serde::Deserialize;

use crate::analytics::forecast::{DEFAULT_HORIZON, DEFAULT_ORIGINS, MAX_HORIZON};
use crate::analytics::pipeline::PeriodKind;
use crate::domain::{LOST_REASONS, STANDARD_STAGES};

/// `[pipeline]`: the open stages a new book starts with (its own list under `stages`, or the
/// standard four with the probabilities and stale days given per stage), and the reasons the
/// lost-reason picker offers. A book's stages are edited in the desk from then on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PipelineSettings {
    /// The stages of a new book, in order; empty means the standard four.
    pub stages: Vec<StageSeed>,
    /// Percent, 0 to 100, per standard stage.
    pub probability: StageProbabilities,
    /// Days, at least 1, per standard stage.
    pub stale_days: StageStaleDays,
    /// The reasons offered when a deal is marked Lost (an "other…" entry takes typed text).
    pub lost_reasons: LostReasons,
}

/// The lost-reason picker's list, in the order it shows them; the built-in list by default.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "Vec<String>")]
pub struct LostReasons(Vec<String>);

/// The longest lost reason, in characters (the picker's width).
pub const MAX_LOST_REASON: usize = 40;

impl LostReasons {
    /// The reasons, in order.
    pub fn as_slice(&self) -> &[String] {
        &self.0
    }
}

impl Default for LostReasons {
    fn default() -> Self {
        LostReasons(LOST_REASONS.iter().map(|r| (*r).to_string()).collect())
    }
}

impl TryFrom<Vec<String>> for LostReasons {
    type Error = String;

    /// Refuses a blank reason, one longer than [`MAX_LOST_REASON`] and one listed twice.
    fn try_from(reasons: Vec<String>) -> Result<Self, String> {
        let mut kept: Vec<String> = Vec::with_capacity(reasons.len());
        for reason in reasons {
            let reason = reason.trim().to_string();
            if reason.is_empty() {
                return Err("a lost reason cannot be blank".into());
            }
            if reason.chars().count() > MAX_LOST_REASON {
                return Err(format!(
                    "lost reason '{reason}' is longer than {MAX_LOST_REASON} characters"
                ));
            }
            if kept.iter().any(|k| k.eq_ignore_ascii_case(&reason)) {
                return Err(format!("lost reason '{reason}' is listed twice"));
            }
            kept.push(reason);
        }
        Ok(LostReasons(kept))
    }
}

/// One stage of `[[pipeline.stages]]`: its name, default win percent and stale days.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageSeed {
    /// The stage's name.
    pub name: String,
    /// Default win probability, percent.
    pub probability: Percent,
    /// Stale after this many days.
    pub stale_days: StaleDays,
}

impl PipelineSettings {
    /// The stages a new book starts with: name, probability in basis points, stale days.
    pub fn seed(&self) -> Vec<(String, i64, i64)> {
        if !self.stages.is_empty() {
            return self
                .stages
                .iter()
                .map(|s| {
                    (
                        s.name.clone(),
                        s.probability.basis_points(),
                        s.stale_days.days(),
                    )
                })
                .collect();
        }
        let p = &self.probability;
        let d = &self.stale_days;
        let numbers = [
            (p.lead, d.lead),
            (p.qualified, d.qualified),
            (p.proposal, d.proposal),
            (p.negotiation, d.negotiation),
        ];
        STANDARD_STAGES
            .iter()
            .zip(numbers)
            .map(|((name, _, _), (percent, days))| {
                ((*name).to_string(), percent.basis_points(), days.days())
            })
            .collect()
    }
}

/// Default win probability of each open stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StageProbabilities {
    /// Lead.
    pub lead: Percent,
    /// Qualified.
    pub qualified: Percent,
    /// Proposal.
    pub proposal: Percent,
    /// Negotiation.
    pub negotiation: Percent,
}

impl Default for StageProbabilities {
    fn default() -> Self {
        StageProbabilities {
            lead: Percent(10),
            qualified: Percent(25),
            proposal: Percent(50),
            negotiation: Percent(70),
        }
    }
}

/// Stale days of each open stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StageStaleDays {
    /// Lead.
    pub lead: StaleDays,
    /// Qualified.
    pub qualified: StaleDays,
    /// Proposal.
    pub proposal: StaleDays,
    /// Negotiation.
    pub negotiation: StaleDays,
}

impl Default for StageStaleDays {
    fn default() -> Self {
        StageStaleDays {
            lead: StaleDays(30),
            qualified: StaleDays(21),
            proposal: StaleDays(14),
            negotiation: StaleDays(10),
        }
    }
}

/// A whole percent from 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "i64")]
pub struct Percent(pub u8);

impl Percent {
    /// The percent in basis points, as the database keeps it.
    pub fn basis_points(self) -> i64 {
        i64::from(self.0) * 100
    }
}

impl TryFrom<i64> for Percent {
    type Error = String;

    fn try_from(value: i64) -> Result<Percent, String> {
        u8::try_from(value)
            .ok()
            .filter(|v| *v <= 100)
            .map(Percent)
            .ok_or_else(|| format!("'{value}' is not a percent; use a whole number from 0 to 100"))
    }
}

/// A number of days, at least 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "i64")]
pub struct StaleDays(pub u32);

impl StaleDays {
    /// The number of days.
    pub fn days(self) -> i64 {
        i64::from(self.0)
    }
}

impl TryFrom<i64> for StaleDays {
    type Error = String;

    fn try_from(value: i64) -> Result<StaleDays, String> {
        u32::try_from(value)
            .ok()
            .filter(|v| *v >= 1)
            .map(StaleDays)
            .ok_or_else(|| format!("'{value}' is not a number of days; use a whole number ≥ 1"))
    }
}

/// `[kpi]`: the period the board's KPIs open with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KpiSettings {
    /// trailing-12-months, this-quarter, last-quarter or this-year.
    pub period: KpiPeriod,
}

/// A [`PeriodKind`] read by its name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct KpiPeriod(pub PeriodKind);

impl TryFrom<String> for KpiPeriod {
    type Error = String;

    fn try_from(name: String) -> Result<KpiPeriod, String> {
        PeriodKind::from_str(&name)
            .map(KpiPeriod)
            .map_err(|e| e.to_string())
    }
}

/// `[forecast]`: how far ahead the Forecast screen looks, and how many origins its backtest uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ForecastSettings {
    /// Months ahead, 1 to 36.
    pub horizon: Horizon,
    /// Rolling origins of the backtest, 1 to 24.
    pub backtest_origins: Origins,
}

impl Default for ForecastSettings {
    fn default() -> Self {
        ForecastSettings {
            horizon: Horizon(DEFAULT_HORIZON),
            backtest_origins: Origins(DEFAULT_ORIGINS),
        }
    }
}

/// A forecast horizon in months, 1 to [`MAX_HORIZON`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "i64")]
pub struct Horizon(pub usize);

impl TryFrom<i64> for Horizon {
    type Error = String;

    fn try_from(value: i64) -> Result<Horizon, String> {
        usize::try_from(value)
            .ok()
            .filter(|v| (1..=MAX_HORIZON).contains(v))
            .map(Horizon)
            .ok_or_else(|| format!("'{value}' is not a horizon; use 1 to {MAX_HORIZON} months"))
    }
}

/// The number of backtest origins, 1 to 24.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "i64")]
pub struct Origins(pub usize);

impl TryFrom<i64> for Origins {
    type Error = String;

    fn try_from(value: i64) -> Result<Origins, String> {
        usize::try_from(value)
            .ok()
            .filter(|v| (1..=24).contains(v))
            .map(Origins)
            .ok_or_else(|| format!("'{value}' is not a number of backtest origins; use 1 to 24"))
    }
}

/// `[views]`: the pipeline's saved views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ViewSettings {
    /// Days without an activity or a stage change after which an open deal is in the Stale view.
    pub stale_days: StaleDays,
}

impl Default for ViewSettings {
    fn default() -> Self {
        ViewSettings {
            stale_days: StaleDays(30),
        }
    }
}
