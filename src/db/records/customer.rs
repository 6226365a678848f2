//! New and edited customers with their needs and interests as tags, the likely-duplicate check,
//! and the customer's contacts.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction};

use super::journal::Journal;
use super::{RecordError, Stamp, Written, lookup, write};
use crate::domain::{FieldError, Money, fold_name, required};

/// A customer as the form or the command line gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerInput {
    /// Company name (required).
    pub name: String,
    /// Industry (required).
    pub industry: String,
    /// Sales region (required).
    pub region: String,
    /// Head count, if known.
    pub employees: Option<i64>,
    /// Annual revenue, if known.
    pub revenue: Option<Money>,
    /// Owning rep, if any.
    pub owner_rep_id: Option<i64>,
    /// What the customer needs, as tags.
    pub needs: Vec<String>,
    /// What the customer is interested in, as tags.
    pub interests: Vec<String>,
}

/// A contact person as the form or the command line gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactInput {
    /// Full name (required).
    pub name: String,
    /// Job title or role.
    pub role: String,
    /// Email address; must hold an `@` when given.
    pub email: String,
    /// Phone number.
    pub phone: String,
}

/// A customer already in the book that a new one may duplicate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Why it looks the same: `same name` or `same contact email`.
    pub why: String,
}

/// Customers other than `except` whose name folds like `name` or that have a contact with one of
/// `emails` (case-insensitive).
pub fn likely_duplicates(
    conn: &Connection,
    name: &str,
    emails: &[&str],
    except: Option<i64>,
) -> rusqlite::Result<Vec<Duplicate>> {
    let folded = fold_name(name);
    let except = except.unwrap_or(-1);
    let mut found = Vec::new();
    let mut stmt = conn.prepare_cached("SELECT id, name FROM customers WHERE id <> ?1")?;
    let mut rows = stmt.query([except])?;
    while let Some(r) = rows.next()? {
        let other: String = r.get(1)?;
        if !folded.is_empty() && fold_name(&other) == folded {
            found.push(Duplicate {
                id: r.get(0)?,
                name: other,
                why: "same name".into(),
            });
        }
    }
    let mut by_email = conn.prepare_cached(
        "SELECT DISTINCT c.id, c.name FROM contacts k JOIN customers c ON c.id = k.customer_id
         WHERE k.email = ?1 COLLATE NOCASE AND c.id <> ?2",
    )?;
    for email in emails.iter().map(|e| e.trim()).filter(|e| !e.is_empty()) {
        let mut rows = by_email.query(rusqlite::params![email, except])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if !found.iter().any(|d| d.id == id) {
                found.push(Duplicate {
                    id,
                    name: r.get(1)?,
                    why: "same contact email".into(),
                });
            }
        }
    }
    Ok(found)
}

fn checked(input: &CustomerInput) -> Result<CustomerInput, RecordError> {
    if input.employees.is_some_and(|e| e < 0) {
        return Err(FieldError::new("employees", "cannot be negative").into());
    }
    if input.revenue.is_some_and(|r| r.cents() < 0) {
        return Err(FieldError::new("revenue", "cannot be negative").into());
    }
    let tags = |field: &str, tags: &[String]| -> Result<Vec<String>, RecordError> {
        let mut out: Vec<String> = Vec::new();
        for t in tags {
            let t = required(field, t)?;
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&t)) {
                out.push(t);
            }
        }
        Ok(out)
    };
    Ok(CustomerInput {
        name: required("name", &input.name)?,
        industry: required("industry", &input.industry)?,
        region: required("region", &input.region)?,
        employees: input.employees,
        revenue: input.revenue,
        owner_rep_id: input.owner_rep_id,
        needs: tags("needs", &input.needs)?,
        interests: tags("interests", &input.interests)?,
    })
}

fn checked_contact(input: &ContactInput) -> Result<ContactInput, RecordError> {
    let email = input.email.trim().to_string();
    if !email.is_empty() && !email.contains('@') {
        return Err(FieldError::new("email", format!("'{email}' has no @")).into());
    }
    Ok(ContactInput {
        name: required("contact name", &input.name)?,
        role: input.role.trim().to_string(),
        email,
        phone: input.phone.trim().to_string(),
    })
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn opt_int(v: Option<i64>) -> Value {
    v.map_or(Value::Null, Value::Integer)
}

fn tag_rows(
    tx: &Transaction<'_>,
    customer_id: i64,
) -> rusqlite::Result<Vec<(i64, String, String)>> {
    tx.prepare("SELECT id, kind, tag FROM customer_tags WHERE customer_id = ?1 ORDER BY id")?
        .query_map([customer_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect()
}

/// Makes the customer's tags exactly `input`'s needs and interests; the words of what changed.
fn put_tags(
    j: &Journal<'_, '_>,
    customer_id: i64,
    input: &CustomerInput,
) -> Result<Vec<String>, RecordError> {
    let wanted: Vec<(&str, &String)> = input
        .needs
        .iter()
        .map(|t| ("need", t))
        .chain(input.interests.iter().map(|t| ("interest", t)))
        .collect();
    let current = tag_rows(j.tx(), customer_id)?;
    let mut words = Vec::new();
    for (id, kind, tag) in &current {
        if !wanted.iter().any(|(k, t)| k == kind && *t == tag) {
            j.delete("customer_tags", *id)?;
            words.push(format!("{} '{tag}' removed", capital(kind)));
        }
    }
    for (kind, tag) in wanted {
        if !current.iter().any(|(_, k, t)| k == kind && t == tag) {
            j.insert(
                "customer_tags",
                &[
                    ("customer_id", Value::Integer(customer_id)),
                    ("kind", text(kind)),
                    ("tag", text(tag)),
                ],
            )?;
            words.push(format!("{} '{tag}' added", capital(kind)));
        }
    }
    Ok(words)
}

fn capital(kind: &str) -> &'static str {
    if kind == "need" { "Need" } else { "Interest" }
}

fn insert_contact(
    j: &Journal<'_, '_>,
    customer_id: i64,
    c: &ContactInput,
) -> Result<i64, RecordError> {
    Ok(j.insert(
        "contacts",
        &[
            ("customer_id", Value::Integer(customer_id)),
            ("name", text(&c.name)),
            ("role", text(&c.role)),
            ("email", text(&c.email)),
            ("phone", text(&c.phone)),
        ],
    )?)
}

/// Creates a customer with its tags and first contacts as one undoable step. Refuses a likely
/// duplicate unless `allow_duplicate`.
pub fn create_customer(
    conn: &mut Connection,
    input: &CustomerInput,
    contacts: &[ContactInput],
    allow_duplicate: bool,
    stamp: Stamp<'_>,
) -> Result<Written, RecordError> {
    let input = checked(input)?;
    let contacts = contacts
        .iter()
        .map(checked_contact)
        .collect::<Result<Vec<_>, _>>()?;
    if !allow_duplicate {
        let emails: Vec<&str> = contacts.iter().map(|c| c.email.as_str()).collect();
        let dups = likely_duplicates(conn, &input.name, &emails, None)?;
        if !dups.is_empty() {
            return Err(RecordError::Duplicate(dups));
        }
    }
    write(conn, stamp, |j| {
        if let Some(rep) = input.owner_rep_id {
            lookup::rep(j.tx(), "owner", rep)?;
        }
        let id = j.insert(
            "customers",
            &[
                ("name", text(&input.name)),
                ("industry", text(&input.industry)),
                ("region", text(&input.region)),
                ("employees", opt_int(input.employees)),
                (
                    "annual_revenue_cents",
                    opt_int(input.revenue.map(Money::cents)),
                ),
                ("owner_rep_id", opt_int(input.owner_rep_id)),
                ("created_on", text(&stamp.today.to_string())),
            ],
        )?;
        put_tags(j, id, &input)?;
        for c in &contacts {
            insert_contact(j, id, c)?;
        }
        Ok((id, format!("New customer {}", input.name)))
    })
}

/// Changes a customer's fields and tags to `input` as one undoable step.
pub fn edit_customer(
    conn: &mut Connection,
    customer_id: i64,
    input: &CustomerInput,
    stamp: Stamp<'_>,
) -> Result<Written, RecordError> {
    let input = checked(input)?;
    write(conn, stamp, |j| {
        let old_name = lookup::customer(j.tx(), "customer", customer_id)?;
        let mut words = Vec::new();
        for (column, label, value) in [
            ("name", "Name", text(&input.name)),
            ("industry", "Industry", text(&input.industry)),
            ("region", "Region", text(&input.region)),
            ("employees", "Employees", opt_int(input.employees)),
            (
                "annual_revenue_cents",
                "Revenue",
                opt_int(input.revenue.map(Money::cents)),
            ),
        ] {
            if j.set("customers", customer_id, column, value)? {
                words.push(label.to_string());
            }
        }
        if let Some(rep) = input.owner_rep_id {
            lookup::rep(j.tx(), "owner", rep)?;
        }
        if j.set(
            "customers",
            customer_id,
            "owner_rep_id",
            opt_int(input.owner_rep_id),
        )? {
            words.push("Owner".into());
        }
        words.extend(put_tags(j, customer_id, &input)?);
        if words.is_empty() {
            return Err(FieldError::new("customer", "nothing changed").into());
        }
        Ok((
            customer_id,
            format!("Customer {old_name}: {} changed", words.join(", ")),
        ))
    })
}

fn contact_name(tx: &Transaction<'_>, contact_id: i64) -> Result<String, RecordError> {
    tx.query_row(
        "SELECT name FROM contacts WHERE id = ?1",
        [contact_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| FieldError::new("contact", format!("there is no contact {contact_id}")).into())
}

/// Adds a contact to a customer.
pub fn add_contact(
    conn: &mut Connection,
    customer_id: i64,
    input: &ContactInput,
    stamp: Stamp<'_>,
) -> Result<Written, RecordError> {
    let c = checked_contact(input)?;
    write(conn, stamp, |j| {
        let customer = lookup::customer(j.tx(), "customer", customer_id)?;
        let id = insert_contact(j, customer_id, &c)?;
        Ok((id, format!("Contact {} added to {customer}", c.name)))
    })
}

/// Changes a contact's name, role, email and phone.
pub fn edit_contact(
    conn: &mut Connection,
    contact_id: i64,
    input: &ContactInput,
    stamp: Stamp<'_>,
) -> Result<Written, RecordError> {
    let c = checked_contact(input)?;
    write(conn, stamp, |j| {
        contact_name(j.tx(), contact_id)?;
        let mut changed = Vec::new();
        for (column, label, value) in [
            ("name", "name", &c.name),
            ("role", "role", &c.role),
            ("email", "email", &c.email),
            ("phone", "phone", &c.phone),
        ] {
            if j.set("contacts", contact_id, column, text(value))? {
                changed.push(label);
            }
        }
        if changed.is_empty() {
            return Err(FieldError::new("contact", "nothing changed").into());
        }
        Ok((
            contact_id,
            format!("Contact {}: {} changed", c.name, changed.join(", ")),
        ))
    })
}

/// Removes a contact (undo puts it back).
pub fn remove_contact(
    conn: &mut Connection,
    contact_id: i64,
    stamp: Stamp<'_>,
) -> Result<Written, RecordError> {
    write(conn, stamp, |j| {
        let name = contact_name(j.tx(), contact_id)?;
        j.delete("contacts", contact_id)?;
        Ok((contact_id, format!("Contact {name} removed")))
    })
}
