//! Writing imported rows: matching existing records, looking up and creating references, and
//! inserting or updating, all inside the caller's one transaction.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{ErrorCode, OptionalExtension, Transaction, params};

mod dates;
mod indexes;
mod keys;
mod outcome;
mod record;
mod refs;

pub use dates::date_customers;
pub use indexes::{defer_deal_indexes, rebuild_indexes};
use keys::{key_column, period_key, table};
pub use outcome::{Conflict, RowFailure, RowOutcome, SideEffects};
pub use record::{IMPORT_ENTITY, ImportRecord, UndoError, undo as undo_import};
use refs::References;

use crate::import::{
    AmountFallback, ColumnValue, KeyValue, MatchKey, OnConflict, PendingRow, RecordKind, Reference,
};

/// Writes rows of one kind; one per import.
pub struct ImportWriter<'t> {
    tx: &'t Transaction<'t>,
    kind: RecordKind,
    key: MatchKey,
    on_conflict: OnConflict,
    update_columns: Vec<&'static str>,
    refs: References<'t>,
    overwrite: bool,
    record: ImportRecord,
    /// (record id, column) the desk changed since the last import of this kind.
    desk: HashSet<(i64, String)>,
    /// SQL built once per import: by key, the lookup; by whether the row gives an id, the insert.
    statements: HashMap<&'static str, String>,
}

/// The settings of one import that the writer needs.
pub struct WriterSettings {
    /// What the rows are.
    pub kind: RecordKind,
    /// How rows find existing records.
    pub key: MatchKey,
    /// What to do with a row matching an existing record.
    pub on_conflict: OnConflict,
    /// References that may be created by name.
    pub create: Vec<Reference>,
    /// What a deal without an amount gets.
    pub fallback: AmountFallback,
    /// The columns an update changes.
    pub update_columns: Vec<&'static str>,
    /// The import's today, for records created by name.
    pub as_of: NaiveDate,
    /// Take the file's value even where the desk changed a field since the last import.
    pub overwrite: bool,
    /// The import's undo record.
    pub record: ImportRecord,
}

impl<'t> ImportWriter<'t> {
    /// A writer inside `tx`.
    pub fn new(tx: &'t Transaction<'t>, settings: WriterSettings) -> rusqlite::Result<Self> {
        let desk = match settings.kind {
            RecordKind::Deals => settings.record.desk_changes(tx, "deal")?,
            RecordKind::Tasks => settings.record.desk_changes(tx, "task")?,
            _ => HashSet::new(),
        };
        Ok(ImportWriter {
            tx,
            kind: settings.kind,
            key: settings.key,
            on_conflict: settings.on_conflict,
            update_columns: settings.update_columns,
            refs: References::new(
                tx,
                settings.create,
                settings.fallback,
                settings.as_of,
                settings.record.id,
            ),
            overwrite: settings.overwrite,
            record: settings.record,
            desk,
            statements: HashMap::new(),
        })
    }

    /// The import's undo record.
    pub fn record(&self) -> &ImportRecord {
        &self.record
    }

    /// What the import did besides its rows.
    pub fn effects(&self) -> &SideEffects {
        &self.refs.effects
    }

    /// Writes one row: creates, updates or skips its record, or says why it cannot; with the
    /// desk's edits it kept.
    pub fn write(
        &mut self,
        mut row: PendingRow,
    ) -> Result<(RowOutcome, Vec<Conflict>), RowFailure> {
        let existing = self.existing(&mut row)?;
        if existing.is_some() {
            match self.on_conflict {
                OnConflict::Skip => return Ok((RowOutcome::Skipped, Vec::new())),
                OnConflict::Fail => {
                    return Err(RowFailure::rejected(
                        &row,
                        self.key.field(),
                        format!(
                            "already exists (matched on {}); pass --on-conflict update or skip",
                            self.key.field()
                        ),
                    ));
                }
                OnConflict::Update => {}
            }
        }
        let mut values: Vec<(&'static str, Value)> = Vec::with_capacity(row.columns.len());
        for (column, value) in std::mem::take(&mut row.columns) {
            let value = match value {
                ColumnValue::Plain(v) => v,
                ColumnValue::Ref(None) => Value::Null,
                ColumnValue::Ref(Some(r)) => Value::Integer(self.refs.resolve(row.line, &r)?),
            };
            values.push((column, value));
        }
        if row.deal.is_some() {
            self.refs.complete_deal(&row, &mut values)?;
        }
        let stage_on = row.deal.as_ref().map(|d| d.stage_on);
        let result = match existing {
            Some(id) => self
                .update(row.line, id, &values, stage_on)
                .map(|(changed, conflicts)| {
                    let outcome = if changed {
                        RowOutcome::Updated
                    } else {
                        RowOutcome::Unchanged
                    };
                    (outcome, conflicts)
                }),
            None => {
                values.push(("import_id", Value::Integer(self.record.id)));
                self.insert(row.id, &values)
                    .map(|_| (RowOutcome::Created, Vec::new()))
            }
        };
        match result {
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
                Err(RowFailure::rejected(
                    &row,
                    "",
                    format!(
                        "conflicts with what is already stored ({})",
                        constraint_reason(&e)
                    ),
                ))
            }
            Err(e) => Err(RowFailure::Fatal(e)),
            Ok(outcome) => {
                if row.deal.is_some() && existing.is_none() {
                    self.record_stage(self.tx.last_insert_rowid(), &row)?;
                }
                Ok(outcome)
            }
        }
    }

    /// The id (or rowid) of the record the row describes, if it exists.
    fn existing(&mut self, row: &mut PendingRow) -> Result<Option<i64>, RowFailure> {
        let table = table(self.kind);
        let Some(key) = row.key.clone() else {
            return Ok(None);
        };
        let name = match (&key, self.key) {
            (KeyValue::Id(_), _) => "by id",
            (KeyValue::External(_), _) => "by external id",
            (KeyValue::Text(_), MatchKey::Email) => "by email",
            (KeyValue::Text(_), _) => "by name",
            (KeyValue::Period(period), _) => {
                let Some((ref_column, period_column)) = period_key(self.kind) else {
                    return Ok(None);
                };
                let reference = match row.columns.iter_mut().find(|(c, _)| *c == ref_column) {
                    Some((_, ColumnValue::Ref(Some(r)))) => r.clone(),
                    _ => return Ok(None),
                };
                let id = self.refs.resolve(row.line, &reference)?;
                if let Some((_, value)) = row.columns.iter_mut().find(|(c, _)| *c == ref_column) {
                    *value = ColumnValue::Plain(Value::Integer(id));
                }
                return Ok(self
                    .tx
                    .prepare_cached(&format!(
                        "SELECT rowid FROM {table} WHERE {ref_column} = ?1 AND {period_column} = ?2"
                    ))?
                    .query_row(params![id, period], |r| r.get(0))
                    .optional()?);
            }
        };
        let param: Value = match key {
            KeyValue::Id(id) => Value::Integer(id),
            KeyValue::External(text) | KeyValue::Text(text) => Value::Text(text),
            KeyValue::Period(_) => Value::Null,
        };
        let sql = self
            .statements
            .entry(name)
            .or_insert_with(|| lookup_sql(name, table));
        let ids = self
            .tx
            .prepare_cached(sql)?
            .query_map([&param], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        match ids.as_slice() {
            [] => Ok(None),
            [id] => Ok(Some(*id)),
            _ => Err(RowFailure::rejected(
                row,
                self.key.field(),
                format!(
                    "matches more than one existing record by {}; match on id instead",
                    self.key.field()
                ),
            )),
        }
    }

    /// Inserts a row; every row of a kind has the same columns, so the SQL is built once.
    fn insert(
        &mut self,
        id: Option<i64>,
        values: &[(&'static str, Value)],
    ) -> rusqlite::Result<usize> {
        let table = table(self.kind);
        let id_value = id.map(Value::Integer);
        let name = if id.is_some() {
            "insert with id"
        } else {
            "insert"
        };
        let sql = self.statements.entry(name).or_insert_with(|| {
            let mut columns: Vec<&str> = values.iter().map(|(c, _)| *c).collect();
            if id.is_some() {
                columns.push("id");
            }
            let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
            format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                columns.join(", "),
                placeholders.join(", ")
            )
        });
        let params = values.iter().map(|(_, v)| v).chain(id_value.as_ref());
        self.tx
            .prepare_cached(sql)?
            .execute(rusqlite::params_from_iter(params))
    }

    /// Sets the mapped columns that differ from what is stored, recording each old value; a
    /// column the desk changed since the last import is kept (a conflict) unless overwriting.
    /// Returns whether anything changed, and the conflicts.
    fn update(
        &mut self,
        line: u64,
        id: i64,
        values: &[(&'static str, Value)],
        stage_on: Option<NaiveDate>,
    ) -> rusqlite::Result<(bool, Vec<Conflict>)> {
        let table = table(self.kind);
        let id_column = key_column(table);
        let mapped: Vec<&(&'static str, Value)> = values
            .iter()
            .filter(|(c, _)| self.update_columns.contains(c))
            .collect();
        if mapped.is_empty() {
            return Ok((false, Vec::new()));
        }
        let columns: Vec<&str> = mapped.iter().map(|(c, _)| *c).collect();
        let stored: Vec<Value> = self
            .tx
            .prepare_cached(&format!(
                "SELECT {} FROM {table} WHERE {id_column} = ?1",
                columns.join(", ")
            ))?
            .query_row([id], |r| (0..columns.len()).map(|i| r.get(i)).collect())?;
        let mut changed: Vec<&(&'static str, Value)> = Vec::new();
        let mut conflicts = Vec::new();
        for (pair, old) in mapped.into_iter().zip(&stored) {
            let (column, new) = pair;
            if old == new {
                continue;
            }
            if !self.overwrite && self.desk.contains(&(id, column.to_string())) {
                conflicts.push(Conflict {
                    line,
                    field: column.to_string(),
                    desk: record::as_text(old),
                    file: record::as_text(new),
                });
                continue;
            }
            self.record.field(self.tx, table, id, column, old, new)?;
            if *column == "stage"
                && let Some(on) = stage_on
            {
                self.tx
                    .prepare_cached(
                        "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_on)
                         VALUES (?1, ?2, ?3, ?4)",
                    )?
                    .execute(params![id, old, new, crate::domain::iso_date(on)])?;
                self.record
                    .stage_change(self.tx, self.tx.last_insert_rowid())?;
            }
            changed.push(pair);
        }
        if changed.is_empty() {
            return Ok((false, conflicts));
        }
        let sets: Vec<String> = changed
            .iter()
            .enumerate()
            .map(|(i, (c, _))| format!("{c} = ?{}", i + 1))
            .collect();
        let sql = format!(
            "UPDATE {table} SET {} WHERE {id_column} = ?{}",
            sets.join(", "),
            changed.len() + 1
        );
        let id = Value::Integer(id);
        let params = changed.iter().map(|(_, v)| v).chain(std::iter::once(&id));
        self.tx
            .prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(params))?;
        Ok((true, conflicts))
    }

    /// Gives a new deal its first `stage_changes` rows: it entered its stage (first the stage it
    /// was created in, when the mapping names one it got to).
    fn record_stage(&self, deal_id: i64, row: &PendingRow) -> rusqlite::Result<()> {
        let Some(needs) = &row.deal else {
            return Ok(());
        };
        let mut insert = self.tx.prepare_cached(
            "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_on)
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut from: Option<&str> = None;
        if let Some((created_in, on)) = &needs.created_in {
            insert.execute(params![
                deal_id,
                None::<&str>,
                created_in,
                crate::domain::iso_date(*on)
            ])?;
            from = Some(created_in);
        }
        if from != Some(needs.stage_name.as_str()) {
            insert.execute(params![
                deal_id,
                from,
                needs.stage_name,
                crate::domain::iso_date(needs.stage_on)
            ])?;
        }
        Ok(())
    }
}
/// The query that finds a record of `table` by the key `name`d as in `existing`.
fn lookup_sql(name: &str, table: &str) -> String {
    match name {
        "by id" => format!("SELECT id FROM {table} WHERE id = ?1"),
        "by external id" => format!("SELECT id FROM {table} WHERE external_id = ?1"),
        "by email" => "SELECT id FROM reps WHERE email = ?1 COLLATE NOCASE LIMIT 2".to_string(),
        _ => format!("SELECT id FROM {table} WHERE name = ?1 COLLATE NOCASE LIMIT 2"),
    }
}

/// SQLite's constraint message in plainer words.
fn constraint_reason(e: &rusqlite::Error) -> String {
    let text = e.to_string();
    if let Some(column) = text.strip_prefix("UNIQUE constraint failed: ") {
        return format!("another record already has this {column}");
    }
    if text.contains("FOREIGN KEY") {
        return "it points at a record that does not exist".to_string();
    }
    text
}
