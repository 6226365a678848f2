//! A mapping tied to one file's header: where each field's cell is, which columns go unused,
//! and each field's text in a row after the mapping's constants, defaults and value maps.

use std::collections::BTreeMap;
use std::path::Path;

use super::ImportError;
use super::cells::MoneyUnit;
use super::mapping::Mapping;
use crate::domain::Pipelines;

impl Mapping {
    /// Ties the mapping to a file's header; a mapped column the file lacks is an error.
    pub fn bind(&self, header: &[String], file: &Path) -> Result<BoundMapping, ImportError> {
        let mut columns = BTreeMap::new();
        for (field, column) in &self.columns {
            match find_column(header, column) {
                Some(index) => {
                    columns.insert(field.clone(), (index, header[index].clone()));
                }
                None if self.reads_our_exports()
                    && !self.kind.required().contains(&field.as_str()) => {}
                None => {
                    return Err(ImportError::MissingColumn {
                        path: file.to_path_buf(),
                        column: column.clone(),
                        field: field.clone(),
                        header: header.join(", "),
                    });
                }
            }
        }
        let used: Vec<usize> = columns.values().map(|(i, _)| *i).collect();
        let ignored = header
            .iter()
            .enumerate()
            .filter(|(i, name)| !used.contains(i) && !name.is_empty())
            .map(|(_, name)| name.clone())
            .collect();
        Ok(BoundMapping {
            mapping: self.clone(),
            columns,
            ignored,
            width: header.len(),
            stages: Pipelines::default(),
            pipeline_id: 1,
            created_in: None,
        })
    }
}

fn find_column(header: &[String], column: &str) -> Option<usize> {
    header.iter().position(|h| h == column).or_else(|| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(column.trim()))
    })
}

/// A mapping tied to one file: where each field's cell is, and which columns go unused.
#[derive(Debug, Clone)]
pub struct BoundMapping {
    /// The mapping itself.
    pub mapping: Mapping,
    /// Field to (column index, column name).
    columns: BTreeMap<String, (usize, String)>,
    /// Columns of the file no field reads.
    pub ignored: Vec<String>,
    /// Cells a row must have.
    pub width: usize,
    /// The book's stages, which a deal's stage must be one of.
    pub stages: Pipelines,
    /// The pipeline deals go to.
    pub pipeline_id: i64,
    /// The stage a deal was in on its creation day, when it got that far.
    pub created_in: Option<crate::domain::Stage>,
}

/// A field's text in one row, and where it came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell<'a> {
    /// The value after the mapping's value map.
    pub text: &'a str,
    /// The source column, or `(constant)`.
    pub column: &'a str,
}

impl BoundMapping {
    /// Whether the mapping fills `field` at all (an update leaves unfilled fields alone).
    pub fn fills(&self, field: &str) -> bool {
        self.columns.contains_key(field)
            || self.mapping.constants.contains_key(field)
            || self.mapping.defaults.contains_key(field)
    }

    /// The non-empty value of `field` in `cells`, after the value map, or the field's default.
    pub fn cell<'a>(&'a self, field: &str, cells: &'a [String]) -> Option<Cell<'a>> {
        let from_file = match self.columns.get(field) {
            Some((index, column)) => cells
                .get(*index)
                .map(|text| (self.mapped_value(field, text), column.as_str())),
            None => self
                .mapping
                .constants
                .get(field)
                .map(|text| (self.mapped_value(field, text), "(constant)")),
        };
        match from_file {
            Some((text, column)) if !text.is_empty() => Some(Cell { text, column }),
            _ => self
                .mapping
                .defaults
                .get(field)
                .filter(|text| !text.is_empty())
                .map(|text| Cell {
                    text,
                    column: self
                        .columns
                        .get(field)
                        .map_or("(default)", |(_, c)| c.as_str()),
                }),
        }
    }

    fn mapped_value<'a>(&'a self, field: &str, text: &'a str) -> &'a str {
        let Some(values) = self.mapping.values.get(field) else {
            return text;
        };
        values
            .get(text)
            .or_else(|| {
                values
                    .iter()
                    .find(|(from, _)| from.eq_ignore_ascii_case(text))
                    .map(|(_, to)| to)
            })
            .map_or(text, String::as_str)
    }

    /// The money unit of a money field.
    pub fn money_unit(&self, field: &str) -> MoneyUnit {
        self.mapping
            .money_units
            .get(field)
            .copied()
            .unwrap_or(self.mapping.money)
    }

    /// The column a field reads, for messages about a missing value.
    pub fn column_of<'a>(&'a self, field: &'a str) -> &'a str {
        self.columns.get(field).map_or(field, |(_, c)| c.as_str())
    }
}
