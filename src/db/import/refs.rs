//! References of imported rows: ids by id or name (created by name when the mapping allows),
//! and a deal's missing amount and title from its product and customer.

use crate::domain::Stage;
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Transaction, params};

use super::outcome::{RowFailure, SideEffects};
use crate::import::{
    AmountFallback, PendingRow, RefValue, Reference, Rejection, placeholder_email,
    records::DEFAULT_MAX_OPEN_TASKS,
};

/// Looks up and creates references for one import, caching what it has read.
pub(super) struct References<'t> {
    tx: &'t Transaction<'t>,
    /// References that may be created by name.
    create: Vec<Reference>,
    /// What a deal without an amount gets.
    fallback: AmountFallback,
    /// The import's today, for customers created by name.
    as_of: NaiveDate,
    /// The import's id, carried by what it creates.
    import_id: i64,
    /// Ids found by lower-cased name (or email).
    refs: HashMap<(Reference, String), i64>,
    /// Ids given by the file and found to exist.
    ids: HashSet<(Reference, i64)>,
    /// Product list prices and record names already read, for deals' amounts and titles.
    looked_up: HashMap<(&'static str, i64), Option<Value>>,
    /// What the import did besides its rows.
    pub effects: SideEffects,
}

fn ref_table(reference: Reference) -> &'static str {
    match reference {
        Reference::Customer => "customers",
        Reference::Rep => "reps",
        Reference::Product => "products",
        Reference::Channel => "channels",
    }
}

impl<'t> References<'t> {
    /// References inside `tx` for the import `import_id`.
    pub fn new(
        tx: &'t Transaction<'t>,
        create: Vec<Reference>,
        fallback: AmountFallback,
        as_of: NaiveDate,
        import_id: i64,
    ) -> Self {
        References {
            tx,
            create,
            fallback,
            as_of,
            import_id,
            refs: HashMap::new(),
            ids: HashSet::new(),
            looked_up: HashMap::new(),
            effects: SideEffects::default(),
        }
    }

    /// The id a reference points at, creating it by name when the mapping allows.
    pub fn resolve(&mut self, line: u64, r: &RefValue) -> Result<i64, RowFailure> {
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
            if self.ids.contains(&(r.reference, id)) {
                return Ok(id);
            }
            let found: Option<i64> = self
                .tx
                .prepare_cached(&format!("SELECT id FROM {table} WHERE id = ?1"))?
                .query_row([id], |row| row.get(0))
                .optional()?;
            return match found {
                Some(id) => {
                    self.ids.insert((r.reference, id));
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
                params![name, self.as_of.format("%Y-%m-%d").to_string(), self.import_id],
            ),
            Reference::Rep => self.tx.execute(
                "INSERT INTO reps (name, email, team, region, max_open_tasks, import_id)
                 VALUES (?1, ?2, '', '', ?3, ?4)",
                params![name, self.free_email(name)?, DEFAULT_MAX_OPEN_TASKS, self.import_id],
            ),
            Reference::Product => self.tx.execute(
                "INSERT INTO products (name, family, list_price_cents, margin_bp, margin_known, import_id)
                 VALUES (?1, '', 0, 0, 0, ?2)",
                params![name, self.import_id],
            ),
            Reference::Channel => self
                .tx
                .execute(
                    "INSERT INTO channels (name, import_id) VALUES (?1, ?2)",
                    params![name, self.import_id],
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
    pub fn complete_deal(
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
                _ if Stage::closed_named(&needs.stage_name).is_some() => {}
                _ => {
                    return Err(RowFailure::rejected(
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
}

fn set(values: &mut [(&'static str, Value)], column: &str, value: Value) {
    if let Some((_, v)) = values.iter_mut().find(|(c, _)| *c == column) {
        *v = value;
    }
}
