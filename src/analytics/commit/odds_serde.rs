//! How a deal's odds are written: in a report's JSON by its stage's name (the catalogue index
//! means nothing outside the book), with the stage too in the binary form the book keeps
//! analyses in, so a kept result reads back whole (fields in declaration order, as the derived
//! `Deserialize` reads them).

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::odds::DealOdds;
use super::ser;

/// Writes an optional date the way [`ser::optional_date`] does, as a field value.
struct OptionalDate<'a>(&'a Option<chrono::NaiveDate>);

impl Serialize for OptionalDate<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ser::optional_date(self.0, s)
    }
}

impl Serialize for DealOdds {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let whole = !s.is_human_readable();
        let mut row = s.serialize_struct("DealOdds", if whole { 11 } else { 10 })?;
        row.serialize_field("id", &self.id)?;
        row.serialize_field("rep_id", &self.rep_id)?;
        row.serialize_field("amount_cents", &self.amount)?;
        if whole {
            row.serialize_field("open_stage", &self.stage)?;
        }
        row.serialize_field("stage", &self.stage_name)?;
        row.serialize_field("expected_close_on", &OptionalDate(&self.expected_close_on))?;
        row.serialize_field("category", &self.category)?;
        row.serialize_field("in_period", &self.in_period)?;
        row.serialize_field("win", &self.win)?;
        row.serialize_field("close", &self.close)?;
        row.serialize_field("land", &self.land)?;
        row.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::commit::{Categorised, Category};
    use crate::domain::{Money, Stage};

    #[test]
    fn json_names_the_stage_and_the_kept_form_reads_back_whole()
    -> Result<(), Box<dyn std::error::Error>> {
        let odds = DealOdds {
            id: 7,
            rep_id: Some(2),
            amount: Money(125_000),
            stage: Stage::Open(3),
            stage_name: "Negotiation".into(),
            expected_close_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 20),
            category: Categorised {
                category: Category::Commit,
                overridden: false,
            },
            in_period: true,
            win: 0.7,
            close: 0.9,
            land: 0.63,
        };
        let json = serde_json::to_value(&odds)?;
        assert_eq!(json["stage"], "Negotiation");
        assert_eq!(json["expected_close_on"], "2026-12-20");
        assert!(json.get("open_stage").is_none());
        let back: DealOdds = postcard::from_bytes(&postcard::to_stdvec(&odds)?)?;
        assert_eq!(back, odds);
        Ok(())
    }
}
