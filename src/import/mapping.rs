//! The mapping file: which kind of record a file holds, which column fills which field, and how
//! its cells are written. Checked against the file's header before anything is read or written.

use std::collections::BTreeMap;
use std::path::Path;

use super::ImportError;
use super::cells::{MoneyUnit, check_date_format};
use super::encoding::TextEncoding;
use super::error::toml_error;
use super::fields::{MatchKey, Reference};
use super::source::Delimiter;
use super::stages::{PlannedStage, StagePlan};
use crate::domain::RecordKind;

/// The date format used when a mapping gives none: ISO `YYYY-MM-DD`.
pub const ISO_DATE: &str = "%Y-%m-%d";

/// What a deal with no amount (or 0 on a deal not won) is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountFallback {
    /// Nothing: an empty amount is a rejected row, and 0 stays 0.
    #[default]
    None,
    /// The list price of the deal's product, counted in the report.
    ListPrice,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    kind: RecordKind,
    key: Option<MatchKey>,
    delimiter: Option<String>,
    #[serde(default)]
    encoding: TextEncoding,
    header: Option<Vec<String>>,
    date_format: Option<String>,
    money: Option<MoneyUnit>,
    #[serde(default)]
    create_missing: Vec<Reference>,
    #[serde(default)]
    amount_fallback: AmountFallback,
    #[serde(default)]
    columns: BTreeMap<String, String>,
    #[serde(default)]
    constants: BTreeMap<String, String>,
    #[serde(default)]
    defaults: BTreeMap<String, String>,
    #[serde(default)]
    values: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    money_units: BTreeMap<String, MoneyUnit>,
    pipeline: Option<String>,
    #[serde(default)]
    stages: Vec<PlannedStage>,
    created_in: Option<String>,
}

/// A checked mapping, not yet tied to a file's header.
#[derive(Debug, Clone)]
pub struct Mapping {
    /// What the rows are.
    pub kind: RecordKind,
    /// How a row finds the record it updates.
    pub key: MatchKey,
    /// How cells are separated.
    pub delimiter: Delimiter,
    /// How the file's bytes are read as text.
    pub encoding: TextEncoding,
    /// Column names for a file without a header row.
    pub header: Option<Vec<String>>,
    /// The chrono format of date cells.
    pub date_format: String,
    /// The unit of money cells, unless `money_units` names the field.
    pub money: MoneyUnit,
    /// Per-field money units that differ from `money`.
    pub money_units: BTreeMap<String, MoneyUnit>,
    /// References that are created by name when missing.
    pub create_missing: Vec<Reference>,
    /// What a deal without an amount gets.
    pub amount_fallback: AmountFallback,
    /// Field to source column.
    pub columns: BTreeMap<String, String>,
    /// Field to a value every row gets.
    pub constants: BTreeMap<String, String>,
    /// Field to the value a row gets when its cell is empty.
    pub defaults: BTreeMap<String, String>,
    /// Per field, source value to our value.
    pub values: BTreeMap<String, BTreeMap<String, String>>,
    /// For deals: the pipeline and the stages the rows need.
    pub stages: StagePlan,
    /// True for the built-in mapping, which reads only the columns the file has.
    lenient: bool,
}

impl Mapping {
    /// Reads and checks a mapping file.
    pub fn load(path: &Path) -> Result<Mapping, ImportError> {
        let text = std::fs::read_to_string(path).map_err(|e| ImportError::Mapping {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        Mapping::parse(&text).map_err(|reason| ImportError::Mapping {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// Parses and checks the TOML text of a mapping.
    pub fn parse(text: &str) -> Result<Mapping, String> {
        let file: MappingFile = toml::from_str(text).map_err(|e| toml_error(text, &e))?;
        let kind = file.kind;
        let delimiter = Delimiter::parse(file.delimiter.as_deref().unwrap_or(","))?;
        let date_format = file.date_format.unwrap_or_else(|| ISO_DATE.to_string());
        check_date_format(&date_format)?;
        let explicit_key = file.key.is_some();
        let mapping = Mapping {
            kind,
            key: file.key.unwrap_or(kind.keys()[0]),
            delimiter,
            encoding: file.encoding,
            header: file.header,
            date_format,
            money: file.money.unwrap_or_default(),
            money_units: file.money_units,
            create_missing: file.create_missing,
            amount_fallback: file.amount_fallback,
            columns: file.columns,
            constants: file.constants,
            defaults: file.defaults,
            values: file.values,
            stages: StagePlan {
                pipeline: file.pipeline,
                stages: file.stages,
                created_in: file.created_in,
            },
            lenient: false,
        };
        mapping.check(explicit_key)?;
        Ok(mapping)
    }

    /// The built-in mapping of a kind: every field from the column of the same name, as
    /// `salesdesk export` writes it, matched on `id`.
    pub fn default_for(kind: RecordKind) -> Mapping {
        Mapping {
            kind,
            key: kind.keys()[0],
            delimiter: Delimiter::Char(b','),
            encoding: TextEncoding::Utf8,
            header: None,
            date_format: ISO_DATE.to_string(),
            money: MoneyUnit::Whole,
            money_units: BTreeMap::new(),
            create_missing: match kind {
                RecordKind::ChannelMonths => vec![Reference::Channel],
                _ => Vec::new(),
            },
            amount_fallback: AmountFallback::None,
            columns: kind
                .fields()
                .iter()
                .map(|f| (f.to_string(), f.to_string()))
                .collect(),
            constants: BTreeMap::new(),
            defaults: BTreeMap::new(),
            values: BTreeMap::new(),
            stages: StagePlan::default(),
            lenient: true,
        }
    }

    /// Checks the fields and options; a key the mapping names must be filled (the default key
    /// may be absent, and then every row creates a record).
    fn check(&self, explicit_key: bool) -> Result<(), String> {
        let kind = self.kind;
        if kind != RecordKind::Deals && self.stages != StagePlan::default() {
            return Err("pipeline and [[stages]] are for deals only".into());
        }
        self.stages.check()?;
        let known = |field: &str| kind.fields().contains(&field);
        let sections = [
            ("columns", self.columns.keys().collect::<Vec<_>>()),
            ("constants", self.constants.keys().collect()),
            ("defaults", self.defaults.keys().collect()),
            ("values", self.values.keys().collect()),
            ("money_units", self.money_units.keys().collect()),
        ];
        for (section, fields) in sections {
            if let Some(field) = fields.into_iter().find(|f| !known(f)) {
                return Err(format!(
                    "[{section}] names '{field}', which is not a field of {kind} (fields: {})",
                    kind.fields().join(", ")
                ));
            }
        }
        if let Some(field) = self
            .money_units
            .keys()
            .find(|f| !kind.money_fields().contains(&f.as_str()))
        {
            return Err(format!(
                "[money_units] names '{field}', which is not a money field of {kind}"
            ));
        }
        if let Some(field) = self
            .columns
            .keys()
            .find(|f| self.constants.contains_key(*f))
        {
            return Err(format!(
                "'{field}' is given both a column and a constant; keep one"
            ));
        }
        if let Some(field) = self
            .defaults
            .keys()
            .find(|f| self.constants.contains_key(*f))
        {
            return Err(format!(
                "'{field}' is given both a constant and a default; keep one"
            ));
        }
        if !kind.keys().contains(&self.key) {
            let keys: Vec<_> = kind.keys().iter().map(|k| k.field()).collect();
            return Err(format!(
                "key '{}' cannot match {kind} (use {})",
                self.key.field(),
                keys.join(" or ")
            ));
        }
        if let Some(r) = self
            .create_missing
            .iter()
            .find(|r| !kind.creatable().contains(r))
        {
            return Err(format!(
                "create_missing: {kind} rows cannot create a {}",
                r.name()
            ));
        }
        let filled = |field: &str| {
            self.columns.contains_key(field)
                || self.constants.contains_key(field)
                || self.defaults.contains_key(field)
        };
        let needed = kind.required().iter().copied();
        let key_field = (explicit_key && !self.key.is_composite()).then(|| self.key.field());
        if let Some(field) = needed.chain(key_field).find(|f| !filled(f)) {
            return Err(format!(
                "{kind} need the field '{field}': map a column to it under [columns] or give it under [constants]"
            ));
        }
        Ok(())
    }

    /// True for the built-in mapping of `--kind`, which reads `salesdesk export` files: it reads
    /// only the columns present, and cells guarded against spreadsheet formulas lose the
    /// leading `'` again.
    pub fn reads_our_exports(&self) -> bool {
        self.lenient
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEALS: &str = r#"
        kind = "deals"
        key = "external_id"
        date_format = "%m/%d/%Y"
        create_missing = ["rep"]
        [columns]
        external_id = "opportunity_id"
        stage = "deal_stage"
        amount = "close_value"
        rep = "sales_agent"
        [values.stage]
        Prospecting = "Lead"
        [constants]
        lost_reason = "unknown"
    "#;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn binds_columns_and_lists_the_ignored_ones() {
        let mapping = Mapping::parse(DEALS).unwrap();
        let head = header(&[
            "opportunity_id",
            "Deal_Stage",
            "close_value",
            "sales_agent",
            "x",
        ]);
        let bound = mapping.bind(&head, Path::new("f.csv")).unwrap();
        assert_eq!(bound.ignored, ["x"]);
        let row = header(&["A1", "prospecting", "10", "Ann", "?"]);
        let stage = bound.cell("stage", &row).unwrap();
        assert_eq!((stage.text, stage.column), ("Lead", "Deal_Stage"));
        assert_eq!(
            bound.cell("lost_reason", &row).unwrap().column,
            "(constant)"
        );
        assert_eq!(bound.cell("title", &row), None);
    }

    #[test]
    fn a_missing_column_names_it_and_the_header() {
        let mapping = Mapping::parse(DEALS).unwrap();
        let err = mapping
            .bind(
                &header(&["opportunity_id", "deal_stage"]),
                Path::new("f.csv"),
            )
            .unwrap_err()
            .to_string();
        assert!(err.contains("'close_value'"), "{err}");
        assert!(err.contains("opportunity_id, deal_stage"), "{err}");
    }

    #[test]
    fn mistakes_in_the_mapping_are_named() {
        let cases = [
            (
                "kind = \"deals\"\nkey = \"name\"\n[columns]\nstage = \"s\"",
                "key 'name'",
            ),
            (
                "kind = \"deals\"\n[columns]\nstage = \"s\"\nbudget = \"b\"",
                "'budget'",
            ),
            ("kind = \"deals\"\n[columns]\namount = \"a\"", "'stage'"),
            (
                "kind = \"deals\"\ncolour = 1\n[columns]\nstage = \"s\"",
                "colour",
            ),
            ("kind = \"leads\"", "leads"),
            (
                "kind = \"deals\"\ndelimiter = \"::\"\n[columns]\nstage = \"s\"",
                "'::'",
            ),
            (
                "kind = \"reps\"\ncreate_missing = [\"rep\"]\n[columns]\nname = \"n\"",
                "cannot create",
            ),
            (
                "kind = \"deals\"\ndate_format = \"%Q\"\n[columns]\nstage = \"s\"",
                "%Q",
            ),
        ];
        for (text, expected) in cases {
            let err = Mapping::parse(text).unwrap_err();
            assert!(err.contains(expected), "{text}: {err}");
        }
    }

    #[test]
    fn a_default_fills_empty_cells_only() {
        let text = "kind = \"deals\"\n[columns]\nstage = \"s\"\ncreated_on = \"c\"\n[defaults]\ncreated_on = \"2017-12-31\"";
        let bound = Mapping::parse(text)
            .unwrap()
            .bind(&header(&["s", "c"]), Path::new("f.csv"))
            .unwrap();
        let given = header(&["Won", "2017-01-02"]);
        let empty = header(&["Won", ""]);
        assert_eq!(bound.cell("created_on", &given).unwrap().text, "2017-01-02");
        let defaulted = bound.cell("created_on", &empty).unwrap();
        assert_eq!((defaulted.text, defaulted.column), ("2017-12-31", "c"));
    }

    #[test]
    fn the_default_mapping_reads_only_the_columns_present() {
        let mapping = Mapping::default_for(RecordKind::Reps);
        let bound = mapping
            .bind(&header(&["id", "name", "email"]), Path::new("f.csv"))
            .unwrap();
        assert!(bound.fills("email") && !bound.fills("team"));
    }
}
