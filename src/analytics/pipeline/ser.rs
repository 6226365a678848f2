//! Serialisers for the report's JSON: dates as ISO `YYYY-MM-DD`, stages by name.

use chrono::NaiveDate;
use serde::Serializer;

use crate::domain::Stage;

/// Writes a date as `YYYY-MM-DD`.
pub(super) fn date<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

/// Writes a stage by its stored name (`Lead`, `Won`, …).
pub(super) fn stage<S: Serializer>(stage: &Stage, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(stage.as_str())
}
