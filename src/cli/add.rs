//! `salesdesk add customer|contact|deal|activity|task`: the desk's capture for scripts, with the same
//! validation and the same undoable edits. A refusal names the field; nothing is written.

use std::path::Path;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use rusqlite::{Connection, OptionalExtension};

use super::failure::{Failure, FailureKind};
use crate::db::records::{
    self, ContactInput, CustomerInput, NewActivity, NewDeal, RecordError, Stamp, Written,
};
use crate::domain::{parse_amount, parse_date};

/// Options of `salesdesk add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// What to add
    #[command(subcommand)]
    pub what: AddWhat,
    /// Print the result as JSON (`{"id", "batch", "summary"}`)
    #[arg(long, global = true)]
    pub json: bool,
}

/// The records `add` makes.
#[derive(Debug, Subcommand)]
pub enum AddWhat {
    /// A customer, with its needs, interests and a first contact
    Customer(CustomerArgs),
    /// A contact of a customer
    Contact(ContactArgs),
    /// A deal at the first open stage
    Deal(DealArgs),
    /// A call, email, meeting or note on a customer or a deal
    Activity(ActivityArgs),
    /// A follow-up task on a deal or a customer, prefilled from it
    Task(TaskArgs),
}

/// Options of `salesdesk add customer`.
#[derive(Debug, Args)]
pub struct CustomerArgs {
    /// Company name
    #[arg(long)]
    pub name: String,
    /// Industry
    #[arg(long)]
    pub industry: String,
    /// Sales region
    #[arg(long)]
    pub region: String,
    /// Head count
    #[arg(long)]
    pub employees: Option<i64>,
    /// Annual revenue (e.g. 2,500,000)
    #[arg(long)]
    pub revenue: Option<String>,
    /// Owning rep: id or name
    #[arg(long)]
    pub owner: Option<String>,
    /// A need, as a tag (repeatable)
    #[arg(long = "need")]
    pub needs: Vec<String>,
    /// An interest, as a tag (repeatable)
    #[arg(long = "interest")]
    pub interests: Vec<String>,
    /// A first contact's name
    #[arg(long)]
    pub contact: Option<String>,
    /// The first contact's email
    #[arg(long)]
    pub contact_email: Option<String>,
    /// Create it even when it looks like a customer already in the book
    #[arg(long)]
    pub force: bool,
}

/// Options of `salesdesk add contact`.
#[derive(Debug, Args)]
pub struct ContactArgs {
    /// The customer: id or exact name
    #[arg(long)]
    pub customer: String,
    /// Full name
    #[arg(long)]
    pub name: String,
    /// Role or job title
    #[arg(long, default_value = "")]
    pub role: String,
    /// Email
    #[arg(long, default_value = "")]
    pub email: String,
    /// Phone
    #[arg(long, default_value = "")]
    pub phone: String,
}

/// Options of `salesdesk add deal`.
#[derive(Debug, Args)]
pub struct DealArgs {
    /// The customer: id or exact name
    #[arg(long)]
    pub customer: String,
    /// The product: id or exact name
    #[arg(long)]
    pub product: String,
    /// Title [default: customer – product]
    #[arg(long, default_value = "")]
    pub title: String,
    /// Amount [default: the product's list price]
    #[arg(long)]
    pub amount: Option<String>,
    /// Owner: rep id or name [default: the customer's owner]
    #[arg(long)]
    pub owner: Option<String>,
    /// Expected close: YYYY-MM-DD, today, +30d, +2w, eom or eoq
    #[arg(long)]
    pub close: Option<String>,
    /// Pipeline: id or exact name [default: the book's first]
    #[arg(long)]
    pub pipeline: Option<String>,
}

/// Options of `salesdesk add activity`.
#[derive(Debug, Args)]
pub struct ActivityArgs {
    /// call, email, meeting or note
    #[arg(long)]
    pub kind: String,
    /// The customer: id or exact name
    #[arg(long, required_unless_present = "deal")]
    pub customer: Option<String>,
    /// The deal's id
    #[arg(long)]
    pub deal: Option<i64>,
    /// When: YYYY-MM-DD or a shorthand [default: today]
    #[arg(long, default_value = "today")]
    pub date: String,
    /// What was said or done
    #[arg(long, default_value = "")]
    pub text: String,
    /// Who did it: rep id or name
    #[arg(long)]
    pub rep: Option<String>,
}

/// Options of `salesdesk add task`; what is not given comes from the deal or customer.
#[derive(Debug, Args)]
pub struct TaskArgs {
    /// The deal's id
    #[arg(long)]
    pub deal: Option<i64>,
    /// The customer: id or exact name
    #[arg(long, required_unless_present = "deal")]
    pub customer: Option<String>,
    /// What to do [default: Follow up: <deal or customer>]
    #[arg(long)]
    pub title: Option<String>,
    /// One of the task kinds in use [default: follow-up]
    #[arg(long)]
    pub kind: Option<String>,
    /// Who holds it: rep id or name [default: the deal's or customer's owner]
    #[arg(long)]
    pub rep: Option<String>,
    /// Due: YYYY-MM-DD or a shorthand [default: in 3 days]
    #[arg(long)]
    pub due: Option<String>,
    /// 1 (most urgent) to 3
    #[arg(long)]
    pub priority: Option<i64>,
}

fn bad(message: impl Into<String>) -> anyhow::Error {
    Failure::new(FailureKind::BadInput, message).into()
}

/// The id of a row of `table` named by `text`: an id, or a name matched without case.
pub(super) fn resolve(
    conn: &Connection,
    field: &str,
    table: &str,
    text: &str,
) -> anyhow::Result<i64> {
    let text = text.trim();
    let found: Option<i64> = match text.parse::<i64>() {
        Ok(id) => conn
            .query_row(
                &format!("SELECT id FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .optional()?,
        Err(_) => conn
            .query_row(
                &format!(
                    "SELECT id FROM {table} WHERE name = ?1 COLLATE NOCASE ORDER BY id LIMIT 1"
                ),
                [text],
                |r| r.get(0),
            )
            .optional()?,
    };
    found.ok_or_else(|| bad(format!("{field}: there is no {field} '{text}'")))
}

pub(super) fn stamp_text() -> (String, String) {
    let at = chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
    let actor = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "salesdesk".to_string());
    (at, actor)
}

fn written(result: Result<Written, RecordError>) -> anyhow::Result<Written> {
    result.map_err(|e| match e {
        RecordError::Write(records_error) => anyhow::Error::new(records_error),
        other => bad(other.to_string()),
    })
}

/// Adds the record `args` describes to the database at `path`.
pub fn run(path: &Path, today: NaiveDate, args: &AddArgs) -> anyhow::Result<()> {
    if !path.exists() {
        return Err(Failure::new(
            FailureKind::NoDatabase,
            format!("no database at {}", path.display()),
        )
        .into());
    }
    let (_lock, mut opened) = super::open_for_writing(path)?;
    let conn = &mut opened.conn;
    let (at, actor) = stamp_text();
    let stamp = Stamp {
        at: &at,
        actor: &actor,
        today,
    };
    let field = |e: crate::domain::FieldError| bad(e.to_string());
    let w = match &args.what {
        AddWhat::Customer(c) => {
            let input = CustomerInput {
                name: c.name.clone(),
                industry: c.industry.clone(),
                region: c.region.clone(),
                employees: c.employees,
                revenue: c
                    .revenue
                    .as_deref()
                    .map(|r| parse_amount("revenue", r))
                    .transpose()
                    .map_err(field)?,
                owner_rep_id: c
                    .owner
                    .as_deref()
                    .map(|o| resolve(conn, "owner", "reps", o))
                    .transpose()?,
                needs: c.needs.clone(),
                interests: c.interests.clone(),
            };
            let contacts: Vec<ContactInput> = c
                .contact
                .iter()
                .map(|name| ContactInput {
                    name: name.clone(),
                    email: c.contact_email.clone().unwrap_or_default(),
                    ..Default::default()
                })
                .collect();
            match records::create_customer(conn, &input, &contacts, c.force, stamp) {
                Err(e @ RecordError::Duplicate(_)) => {
                    return Err(bad(format!("{e}; add --force to create it anyway")));
                }
                other => written(other)?,
            }
        }
        AddWhat::Contact(c) => {
            let customer = resolve(conn, "customer", "customers", &c.customer)?;
            let input = ContactInput {
                name: c.name.clone(),
                role: c.role.clone(),
                email: c.email.clone(),
                phone: c.phone.clone(),
            };
            written(records::add_contact(conn, customer, &input, stamp))?
        }
        AddWhat::Deal(d) => {
            let new = NewDeal {
                pipeline_id: d
                    .pipeline
                    .as_deref()
                    .map(|p| resolve(conn, "pipeline", "pipelines", p))
                    .transpose()?,
                customer_id: resolve(conn, "customer", "customers", &d.customer)?,
                product_id: resolve(conn, "product", "products", &d.product)?,
                title: d.title.clone(),
                amount: d
                    .amount
                    .as_deref()
                    .map(|a| parse_amount("amount", a))
                    .transpose()
                    .map_err(field)?,
                owner_rep_id: d
                    .owner
                    .as_deref()
                    .map(|o| resolve(conn, "owner", "reps", o))
                    .transpose()?,
                expected_close_on: d
                    .close
                    .as_deref()
                    .map(|t| parse_date("close", t, today))
                    .transpose()
                    .map_err(field)?,
            };
            written(records::create_deal(conn, &new, stamp))?
        }
        AddWhat::Activity(a) => {
            let new = NewActivity {
                customer_id: a
                    .customer
                    .as_deref()
                    .map(|c| resolve(conn, "customer", "customers", c))
                    .transpose()?,
                deal_id: a.deal,
                rep_id: a
                    .rep
                    .as_deref()
                    .map(|r| resolve(conn, "rep", "reps", r))
                    .transpose()?,
                kind: a.kind.clone(),
                happened_on: parse_date("date", &a.date, today).map_err(field)?,
                text: a.text.clone(),
            };
            written(records::log_activity(conn, &new, stamp))?
        }
        AddWhat::Task(t) => {
            let customer = t
                .customer
                .as_deref()
                .map(|c| resolve(conn, "customer", "customers", c))
                .transpose()?;
            let mut task = match (
                t.rep.as_deref(),
                records::follow_up(conn, t.deal, customer, today),
            ) {
                (_, Ok(task)) => task,
                (Some(_), Err(RecordError::Field(e))) if e.field == "rep" => records::TaskInput {
                    title: String::new(),
                    kind: "follow-up".into(),
                    customer_id: customer,
                    deal_id: t.deal,
                    rep_id: 0,
                    due_on: None,
                    est_minutes: 30,
                    priority: 2,
                },
                (_, Err(e)) => return Err(bad(e.to_string())),
            };
            if let Some(rep) = &t.rep {
                task.rep_id = resolve(conn, "rep", "reps", rep)?;
            }
            if let Some(title) = &t.title {
                task.title = title.clone();
            }
            if let Some(kind) = &t.kind {
                task.kind = kind.trim().to_string();
            }
            if let Some(due) = &t.due {
                task.due_on = Some(parse_date("due", due, today).map_err(field)?);
            }
            if let Some(p) = t.priority {
                task.priority = p;
            }
            written(records::create_task(conn, &task, stamp))?
        }
    };
    if args.json {
        println!(
            "{}",
            serde_json::json!({ "id": w.id, "batch": w.batch, "summary": w.summary })
        );
    } else {
        println!("{} (id {}; undo it in the desk with u)", w.summary, w.id);
    }
    Ok(())
}
