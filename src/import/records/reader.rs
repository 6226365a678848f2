//! Reading one mapped row's cells: text, numbers, dates, money and references, each refusal
//! naming its line and column.

use chrono::NaiveDate;

use crate::import::bound::{BoundMapping, Cell};
use crate::import::cells;
use crate::import::fields::{MatchKey, Reference};

use super::types::{KeyValue, RefValue, Rejection};

/// Reads one row's cells through the mapping.
pub struct RowReader<'a> {
    pub(super) bound: &'a BoundMapping,
    pub(super) cells: &'a [String],
    pub(super) line: u64,
    pub(super) as_of: NaiveDate,
}

pub(super) type Field<T> = Result<T, Rejection>;

impl<'a> RowReader<'a> {
    /// A reader over `cells`, the row starting at `line`; `as_of` is the import's today.
    pub fn new(bound: &'a BoundMapping, cells: &'a [String], line: u64, as_of: NaiveDate) -> Self {
        RowReader {
            bound,
            cells,
            line,
            as_of,
        }
    }

    pub(super) fn reject(&self, column: &str, reason: impl Into<String>) -> Rejection {
        Rejection {
            line: self.line,
            column: column.to_string(),
            reason: reason.into(),
        }
    }

    pub(super) fn cell(&self, field: &str) -> Option<Cell<'a>> {
        self.bound.cell(field, self.cells)
    }

    pub(super) fn parsed<T>(
        &self,
        field: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Field<Option<T>> {
        match self.cell(field) {
            None => Ok(None),
            Some(cell) => parse(cell.text)
                .map(Some)
                .map_err(|reason| self.reject(cell.column, reason)),
        }
    }

    pub(super) fn text(&self, field: &str) -> Option<String> {
        self.cell(field).map(|c| c.text.to_string())
    }

    pub(super) fn required_text(&self, field: &str, what: &str) -> Field<String> {
        self.text(field)
            .ok_or_else(|| self.reject(self.bound.column_of(field), format!("is empty; {what}")))
    }

    pub(super) fn integer(&self, field: &str) -> Field<Option<i64>> {
        self.parsed(field, cells::integer)
    }

    pub(super) fn ranged(
        &self,
        field: &str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Field<Option<i64>> {
        let value = self.integer(field)?;
        match value {
            Some(v) if !range.contains(&v) => Err(self.reject(
                self.bound.column_of(field),
                format!(
                    "'{v}' is out of range ({} to {})",
                    range.start(),
                    range.end()
                ),
            )),
            _ => Ok(value),
        }
    }

    pub(super) fn date(&self, field: &str) -> Field<Option<NaiveDate>> {
        let format = self.bound.mapping.date_format.as_str();
        self.parsed(field, |t| cells::date(t, format))
    }

    pub(super) fn money(&self, field: &str) -> Field<Option<i64>> {
        let unit = self.bound.money_unit(field);
        let value = self.parsed(field, |t| cells::money(t, unit))?;
        match value {
            Some(m) if m.cents() < 0 => Err(self.reject(
                self.bound.column_of(field),
                format!("'{}' is negative", m.whole()),
            )),
            _ => Ok(value.map(|m| m.cents())),
        }
    }

    pub(super) fn boolean(&self, field: &str) -> Field<Option<bool>> {
        self.parsed(field, cells::boolean)
    }

    pub(super) fn reference(
        &self,
        reference: Reference,
        id_field: &str,
        name_field: &str,
    ) -> Field<Option<RefValue>> {
        let id = self.integer(id_field)?;
        let name = self.text(name_field);
        if id.is_none() && name.is_none() {
            return Ok(None);
        }
        let column = match id {
            Some(_) => self.bound.column_of(id_field),
            None => self.bound.column_of(name_field),
        };
        Ok(Some(RefValue {
            reference,
            id,
            name,
            column: column.to_string(),
        }))
    }

    pub(super) fn key(&self) -> Field<Option<KeyValue>> {
        Ok(match self.bound.mapping.key {
            MatchKey::Id => self.integer("id")?.map(KeyValue::Id),
            MatchKey::ExternalId => self.text("external_id").map(KeyValue::External),
            MatchKey::Name => self.text("name").map(KeyValue::Text),
            MatchKey::Email => self.text("email").map(KeyValue::Text),
            MatchKey::ChannelMonth | MatchKey::RepQuarter => None,
        })
    }
}
