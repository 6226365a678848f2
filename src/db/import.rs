//! Writing imported rows: matching existing records, looking up and creating references, and
//! inserting or updating, all inside the caller's one transaction.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{ErrorCode, OptionalExtension, Transaction, params};

mod dates;
mod record;

pub use dates::date_customers;
pub use record::{IMPORT_ENTITY, ImportRecord, UndoError, undo as undo_import};

use crate::import::{
    AmountFallback, ColumnValue, KeyValue, MatchKey, OnConflict, PendingRow, RecordKind, RefValue,
    Reference, Rejection, placeholder_email, records::DEFAULT_MAX_OPEN_TASKS,
};

/// What happened to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOutcome {
    /// A new record.
    Created,
    /// An existing record was changed.
    Updated,
    /// An existing record already held what the row says (or only the desk's edits differ).
    Unchanged,
    /// An existing record was left alone (`--on-conflict skip`).
    Skipped,
}

/// A field the desk changed since the last import, kept instead of the file's value.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Conflict {
    /// Line of the file.
    pub line: u64,
    /// The column kept.
    pub field: String,
    /// The desk's value, kept.
    pub desk: Option<String>,
    /// The file's value, not written.
    pub file: Option<String>,
}

/// Why a row was not written: the row's fault, or the database's (which ends the import).
#[derive(Debug)]
pub enum RowFailure {
    /// The row is rejected; the import goes on.
    Rejected(Rejection),
    /// The database failed; the import stops and rolls back.
    Fatal(rusqlite::Error),
}

impl From<rusqlite::Error> for RowFailure {
    fn from(e: rusqlite::Error) -> Self {
        RowFailure::Fatal(e)
    }
}

/// Counts of what an import did besides its rows, for the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SideEffects {
    /// References created by name, per kind of reference.
    pub created_by_name: BTreeMap<&'static str, u64>,
    /// Deals whose missing amount took their product's list price.
    pub amounts_from_list_price: u64,
    /// Deals whose title was made from product and customer.
    pub titles_made: u64,
    /// Deals with no date at all, taken as created on the import date.
    pub created_on_import_date: u64,
}

/// Writes rows of one kind; one per import.
pub struct ImportWriter<'t> {
    tx: &'t Transaction<'t>,
    kind: RecordKind,
    key: MatchKey,
    on_conflict: OnConflict,
    create: Vec<Reference>,
    fallback: AmountFallback,
    update_columns: Vec<&'static str>,
    as_of: NaiveDate,
    refs: HashMap<(Reference, String), i64>,
    overwrite: bool,
    record: ImportRecord,
    /// (record id, column) the desk changed since the last import of this kind.
    desk: HashSet<(i64, String)>,
    /// SQL built once per import: by key, the lookup; by whether the row gives an id, the insert.
    statements: HashMap<&'static str, String>,
    /// Product list prices and record names already read, for deals' amounts and titles.
    looked_up: HashMap<(&'static str, i64), Option<Value>>,
    /// What the import did besides its rows.
    pub effects: SideEffects,
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

fn table(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Reps => "reps",
        RecordKind::Products => "products",
        RecordKind::Customers => "customers",
        RecordKind::Deals => "deals",
        RecordKind::Tasks => "tasks",
        RecordKind::ChannelMonths => "channel_months",
    }
}

fn ref_table(reference: Reference) -> &'static str {
    match reference {
        Reference::Customer => "customers",
        Reference::Rep => "reps",
        Reference::Product => "products",
        Reference::Channel => "channels",
    }
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
            create: settings.create,
            fallback: settings.fallback,
            update_columns: settings.update_columns,
            as_of: settings.as_of,
            overwrite: settings.overwrite,
            record: settings.record,
            desk,
            refs: HashMap::new(),
            statements: HashMap::new(),
            looked_up: HashMap::new(),
            effects: SideEffects::default(),
        })
    }

    /// The import's undo record.
    pub fn record(&self) -> &ImportRecord {
        &self.record
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
                    return Err(self.rejected(
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
                ColumnValue::Ref(Some(r)) => Value::Integer(self.resolve(row.line, &r)?),
            };
            values.push((column, value));
        }
        if row.deal.is_some() {
            self.complete_deal(&row, &mut values)?;
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
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => Err(self
                .rejected(
                    &row,
                    "",
                    format!(
                        "conflicts with what is already stored ({})",
                        constraint_reason(&e)
                    ),
                )),
            Err(e) => Err(RowFailure::Fatal(e)),
            Ok(outcome) => {
                if row.deal.is_some() && existing.is_none() {
                    self.record_stage(self.tx.last_insert_rowid(), &row)?;
                }
                Ok(outcome)
            }
        }
    }

    fn rejected(&self, row: &PendingRow, column: &str, reason: String) -> RowFailure {
        RowFailure::Rejected(Rejection {
            line: row.line,
            column: column.to_string(),
            reason,
        })
    }

    /// The id (or rowid) of the record the row describes, if it exists.
    fn existing(&mut self, row: &mut PendingRow) -> Result<Option<i64>, RowFailure> {
        let table = table(self.kind);
        let Some(key) = row.key.clone() else {
            return Ok(None);
        };
        let (name, sql) = match (&key, self.key) {
            (KeyValue::Id(_), _) => ("by id", format!("SELECT id FROM {table} WHERE id = ?1")),
            (KeyValue::External(_), _) => (
                "by external id",
                format!("SELECT id FROM {table} WHERE external_id = ?1"),
            ),
            (KeyValue::Text(_), MatchKey::Email) => (
                "by email",
                "SELECT id FROM reps WHERE email = ?1 COLLATE NOCASE LIMIT 2".to_string(),
            ),
            (KeyValue::Text(_), _) => (
                "by name",
                format!("SELECT id FROM {table} WHERE name = ?1 COLLATE NOCASE LIMIT 2"),
            ),
            (KeyValue::ChannelMonth(month), _) => {
                let channel = match row.columns.iter_mut().find(|(c, _)| *c == "channel_id") {
                    Some((_, ColumnValue::Ref(Some(r)))) => r.clone(),
                    _ => return Ok(None),
                };
                let id = self.resolve(row.line, &channel)?;
                if let Some((_, value)) = row.columns.iter_mut().find(|(c, _)| *c == "channel_id") {
                    *value = ColumnValue::Plain(Value::Integer(id));
                }
                return Ok(self
                    .tx
                    .prepare_cached(
                        "SELECT rowid FROM channel_months WHERE channel_id = ?1 AND month = ?2",
                    )?
                    .query_row(params![id, month], |r| r.get(0))
                    .optional()?);
            }
        };
        let param: Value = match key {
            KeyValue::Id(id) => Value::Integer(id),
            KeyValue::External(text) | KeyValue::Text(text) => Value::Text(text),
            KeyValue::ChannelMonth(_) => Value::Null,
        };
        let sql = self.statements.entry(name).or_insert(sql);
        let ids = self
            .tx
            .prepare_cached(sql)?
            .query_map([&param], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        match ids.as_slice() {
            [] => Ok(None),
            [id] => Ok(Some(*id)),
            _ => Err(self.rejected(
                row,
                self.key.field(),
                format!(
                    "matches more than one existing record by {}; match on id instead",
                    self.key.field()
                ),
            )),
        }
    }

    /// The id a reference points at, creating it by name when the mapping allows.
    fn resolve(&mut self, line: u64, r: &RefValue) -> Result<i64, RowFailure> {
        let reject = |reason: String| {
            RowFailure::Rejected(Rejection {
                line,
                column: r.column.clone(),
                reason,
            })
        };
        let what = r.reference.name();
        let table = ref_table(r.reference);
        if let Some(id) = r.id {
            let cache_key = (r.reference, format!("#{id}"));
            if self.refs.contains_key(&cache_key) {
                return Ok(id);
            }
            let found: Option<i64> = self
                .tx
                .prepare_cached(&format!("SELECT id FROM {table} WHERE id = ?1"))?
                .query_row([id], |row| row.get(0))
                .optional()?;
            return match found {
                Some(id) => {
                    self.refs.insert(cache_key, id);
                    Ok(id)
                }
                None => Err(reject(format!("there is no {what} with id {id}"))),
            };
        }
        let name = r.name.clone().unwrap_or_default();
        let cache_key = (r.reference, name.to_lowercase());
        if let Some(id) = self.refs.get(&cache_key) {
            return Ok(*id);
        }
        let by_email = r.reference == Reference::Rep && name.contains('@');
        let column = if by_email { "email" } else { "name" };
        let ids = self
            .tx
            .prepare_cached(&format!(
                "SELECT id FROM {table} WHERE {column} = ?1 COLLATE NOCASE LIMIT 2"
            ))?
            .query_map([&name], |row| row.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let id = match ids.as_slice() {
            [id] => *id,
            [] if self.create.contains(&r.reference) => {
                let id = self.create_by_name(r.reference, &name)?;
                *self.effects.created_by_name.entry(what).or_default() += 1;
                id
            }
            [] => {
                return Err(reject(format!(
                    "there is no {what} named '{name}'; import the {what}s first, or add \
                     create_missing = [\"{what}\"] to the mapping"
                )));
            }
            _ => {
                return Err(reject(format!(
                    "'{name}' matches more than one {what}; give its id instead"
                )));
            }
        };
        self.refs.insert(cache_key, id);
        Ok(id)
    }

    fn create_by_name(&self, reference: Reference, name: &str) -> rusqlite::Result<i64> {
        match reference {
            Reference::Customer => self.tx.execute(
                "INSERT INTO customers (name, industry, region, created_on, created_on_inferred, import_id)
                 VALUES (?1, '', '', ?2, 1, ?3)",
                params![name, self.as_of.format("%Y-%m-%d").to_string(), self.record.id],
            ),
            Reference::Rep => self.tx.execute(
                "INSERT INTO reps (name, email, team, region, max_open_tasks, import_id)
                 VALUES (?1, ?2, '', '', ?3, ?4)",
                params![name, self.free_email(name)?, DEFAULT_MAX_OPEN_TASKS, self.record.id],
            ),
            Reference::Product => self.tx.execute(
                "INSERT INTO products (name, family, list_price_cents, margin_bp, import_id)
                 VALUES (?1, '', 0, 0, ?2)",
                params![name, self.record.id],
            ),
            Reference::Channel => self
                .tx
                .execute(
                    "INSERT INTO channels (name, import_id) VALUES (?1, ?2)",
                    params![name, self.record.id],
                ),
        }?;
        Ok(self.tx.last_insert_rowid())
    }

    /// A placeholder email no other rep has.
    fn free_email(&self, name: &str) -> rusqlite::Result<String> {
        let base = placeholder_email(name);
        let mut candidate = base.clone();
        for n in 2..1000 {
            let taken: bool = self.tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM reps WHERE email = ?1 COLLATE NOCASE)",
                [&candidate],
                |r| r.get(0),
            )?;
            if !taken {
                break;
            }
            candidate = base.replacen('@', &format!(".{n}@"), 1);
        }
        Ok(candidate)
    }

    /// Fills a deal's amount and title from its references where the file left them out.
    fn complete_deal(
        &mut self,
        row: &PendingRow,
        values: &mut [(&'static str, Value)],
    ) -> Result<(), RowFailure> {
        let Some(needs) = &row.deal else {
            return Ok(());
        };
        let get = |values: &[(&'static str, Value)], column: &str| {
            values
                .iter()
                .find(|(c, _)| *c == column)
                .and_then(|(_, v)| match v {
                    Value::Integer(i) => Some(*i),
                    _ => None,
                })
        };
        let product = get(values, "product_id");
        if needs.amount_missing && self.fallback == AmountFallback::ListPrice {
            match self.look_up("products", "list_price_cents", product)? {
                Some(Value::Integer(cents)) => {
                    set(values, "amount_cents", Value::Integer(cents));
                    self.effects.amounts_from_list_price += 1;
                }
                _ if needs.stage.is_closed() => {}
                _ => {
                    return Err(self.rejected(
                        row,
                        "amount",
                        "is empty and the deal has no product to take a list price from".into(),
                    ));
                }
            }
        }
        if needs.title_missing {
            let customer = get(values, "customer_id");
            let parts: Vec<String> = [
                self.look_up("products", "name", product)?,
                self.look_up("customers", "name", customer)?,
            ]
            .into_iter()
            .filter_map(|v| match v {
                Some(Value::Text(name)) => Some(name),
                _ => None,
            })
            .collect();
            let title = if parts.is_empty() {
                "Imported deal".to_string()
            } else {
                parts.join(" · ")
            };
            set(values, "title", Value::Text(title));
            self.effects.titles_made += 1;
        }
        if needs.created_defaulted {
            self.effects.created_on_import_date += 1;
        }
        Ok(())
    }

    /// One column of a product or customer, read once per import (`name` or `list_price_cents`).
    fn look_up(
        &mut self,
        table: &'static str,
        column: &'static str,
        id: Option<i64>,
    ) -> rusqlite::Result<Option<Value>> {
        let Some(id) = id else {
            return Ok(None);
        };
        let key = (if column == "name" { table } else { column }, id);
        if let Some(value) = self.looked_up.get(&key) {
            return Ok(value.clone());
        }
        let value: Option<Value> = self
            .tx
            .prepare_cached(&format!("SELECT {column} FROM {table} WHERE id = ?1"))?
            .query_row([id], |r| r.get(0))
            .optional()?;
        self.looked_up.insert(key, value.clone());
        Ok(value)
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
        let id_column = if self.kind == RecordKind::ChannelMonths {
            "rowid"
        } else {
            "id"
        };
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
                    .execute(params![id, old, new, on.format("%Y-%m-%d").to_string()])?;
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

    /// Gives a new deal its first `stage_changes` row: it entered its stage.
    fn record_stage(&self, deal_id: i64, row: &PendingRow) -> rusqlite::Result<()> {
        let Some(needs) = &row.deal else {
            return Ok(());
        };
        self.tx
            .prepare_cached(
                "INSERT INTO stage_changes (deal_id, from_stage, to_stage, changed_on)
                 VALUES (?1, NULL, ?2, ?3)",
            )?
            .execute(params![
                deal_id,
                needs.stage.as_str(),
                needs.stage_on.format("%Y-%m-%d").to_string()
            ])?;
        Ok(())
    }
}
/// Rows a deals file is guessed to hold per byte: a deal row is rarely under 50 bytes.
const MIN_DEAL_ROW_BYTES: u64 = 50;
/// Below this many rows, indexes are kept up row by row.
const BULK_ROWS: u64 = 50_000;

/// For a deals file big next to the deals already stored, drops the deal indexes the import
/// does not read (all but the external-id one) and returns the SQL to rebuild them before
/// commit: one sort per index instead of a million inserts into each.
pub fn defer_deal_indexes(tx: &Transaction<'_>, file_bytes: u64) -> rusqlite::Result<Vec<String>> {
    let rows = file_bytes / MIN_DEAL_ROW_BYTES;
    let stored: i64 = tx.query_row("SELECT COUNT(*) FROM deals", [], |r| r.get(0))?;
    if rows < BULK_ROWS || rows < u64::try_from(stored).unwrap_or(u64::MAX) / 2 {
        return Ok(Vec::new());
    }
    super::bulk_indexes::drop_indexes(tx, &["deals"], &["deals_by_external_id"])
}

/// Rebuilds what [`defer_deal_indexes`] dropped.
pub fn rebuild_indexes(tx: &Transaction<'_>, sql: &[String]) -> rusqlite::Result<()> {
    super::bulk_indexes::rebuild(tx, sql)
}

fn set(values: &mut [(&'static str, Value)], column: &str, value: Value) {
    if let Some((_, v)) = values.iter_mut().find(|(c, _)| *c == column) {
        *v = value;
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
