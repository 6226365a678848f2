//! How the flow rows are written: by name in a report's JSON (the stages' catalogue indexes mean
//! nothing outside the book), with the stages too in the binary form the book keeps analyses in,
//! so a kept result reads back whole (fields in declaration order, as the derived
//! `Deserialize` reads them).

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::flow::{StageConversion, StageDwell};

impl Serialize for StageConversion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let whole = !s.is_human_readable();
        let mut row = s.serialize_struct("StageConversion", if whole { 8 } else { 6 })?;
        if whole {
            row.serialize_field("from_stage", &self.from)?;
            row.serialize_field("to_stage", &self.to)?;
        }
        row.serialize_field("from", &self.from_name)?;
        row.serialize_field("to", &self.to_name)?;
        row.serialize_field("entered", &self.entered)?;
        row.serialize_field("converted", &self.converted)?;
        row.serialize_field("rate", &self.rate)?;
        row.serialize_field("unused", &self.unused)?;
        row.end()
    }
}

impl Serialize for StageDwell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let whole = !s.is_human_readable();
        let mut row = s.serialize_struct("StageDwell", if whole { 5 } else { 4 })?;
        if whole {
            row.serialize_field("open_stage", &self.stage)?;
        }
        row.serialize_field("stage", &self.name)?;
        row.serialize_field("stints", &self.stints)?;
        row.serialize_field("mean_days", &self.mean_days)?;
        row.serialize_field("unused", &self.unused)?;
        row.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Stage;

    fn conversion() -> StageConversion {
        StageConversion {
            from: Stage::Open(1),
            to: Stage::Won,
            from_name: "Qualified".into(),
            to_name: "Won".into(),
            entered: 10,
            converted: 4,
            rate: Some(0.4),
            unused: false,
        }
    }

    #[test]
    fn json_names_the_stages_and_the_kept_form_reads_back_whole()
    -> Result<(), Box<dyn std::error::Error>> {
        let json = serde_json::to_value(conversion())?;
        assert_eq!(json["from"], "Qualified");
        assert!(json.get("from_stage").is_none());
        let kept: StageConversion = postcard::from_bytes(&postcard::to_stdvec(&conversion())?)?;
        assert_eq!(kept, conversion());
        let dwell = StageDwell {
            stage: Stage::Open(2),
            name: "Proposal".into(),
            stints: 3,
            mean_days: Some(12.5),
            unused: false,
        };
        assert_eq!(serde_json::to_value(&dwell)?["stage"], "Proposal");
        let back: StageDwell = postcard::from_bytes(&postcard::to_stdvec(&dwell)?)?;
        assert_eq!(back, dwell);
        Ok(())
    }
}
