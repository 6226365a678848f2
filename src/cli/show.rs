//! `salesdesk show customer|deal ID` and `salesdesk find TEXT`: the records and the search of the
//! desk, as text or `--json`.

use std::path::Path;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::failure::{Failure, FailureKind};
use crate::analytics::commit::{CommitSettings, categorise};
use crate::db::{self, reads};

/// What `show` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowWhat {
    /// A customer's record
    Customer,
    /// A deal's record
    Deal,
}

/// Options of `salesdesk show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// customer or deal
    pub what: ShowWhat,
    /// Its id
    pub id: i64,
    /// Print the record as JSON
    #[arg(long)]
    pub json: bool,
}

/// Options of `salesdesk find`.
#[derive(Debug, Args)]
pub struct FindArgs {
    /// Text to look for in customer and contact names, contact emails, and the start of deal and
    /// task titles
    pub text: String,
    /// Results of each kind at most
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Print the results as JSON
    #[arg(long)]
    pub json: bool,
}

fn opened(path: &Path) -> anyhow::Result<rusqlite::Connection> {
    if !path.exists() {
        return Err(Failure::new(
            FailureKind::NoDatabase,
            format!("no database at {}", path.display()),
        )
        .into());
    }
    Ok(db::open(path)?.conn)
}

fn day(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| Value::from(d.to_string()))
}

fn text_day(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "—".to_string(), |d| d.to_string())
}

fn activities(list: &[reads::ActivityLine]) -> (Value, Vec<String>) {
    let json = list
        .iter()
        .map(|a| json!({"id": a.id, "kind": a.kind, "on": day(a.happened_on), "rep": a.rep, "text": a.text}))
        .collect();
    let text = list
        .iter()
        .map(|a| format!("  {}  {:<8} {}", text_day(a.happened_on), a.kind, a.text))
        .collect();
    (json, text)
}

fn tasks(list: &[reads::TaskLine]) -> (Value, Vec<String>) {
    let json = list
        .iter()
        .map(|t| json!({"id": t.id, "title": t.title, "kind": t.kind, "due": day(t.due_on), "rep": t.rep, "status": t.status}))
        .collect();
    let text = list
        .iter()
        .map(|t| format!("  {:<9} {}  {}", t.status, text_day(t.due_on), t.title))
        .collect();
    (json, text)
}

fn named(pair: &Option<(i64, String)>) -> Value {
    pair.as_ref()
        .map_or(Value::Null, |(id, name)| json!({"id": id, "name": name}))
}

fn name(pair: &Option<(i64, String)>) -> &str {
    pair.as_ref().map_or("—", |(_, n)| n.as_str())
}

fn section(out: &mut Vec<String>, title: &str, lines: Vec<String>) {
    out.push(format!("{title} ({})", lines.len()));
    out.extend(lines);
}

fn deal(
    conn: &rusqlite::Connection,
    id: i64,
    today: NaiveDate,
    commit: &CommitSettings,
) -> anyhow::Result<(Value, Vec<String>)> {
    let d = reads::deal_record(conn, id, today)?.ok_or_else(|| {
        Failure::new(
            FailureKind::BadInput,
            format!("deal: there is no deal {id}"),
        )
    })?;
    // The stage rate stands in for the win model here (fitting it is the report's job).
    let catalogue = crate::db::pipelines::load(conn)?;
    let stage = catalogue.stage_named(d.pipeline_id, &d.stage);
    let category = stage.and_then(|stage| {
        let own = d.category_override.as_deref().and_then(|c| c.parse().ok());
        categorise(
            stage,
            d.stage_rate_bp.unwrap_or(0) as f64 / 10_000.0,
            own,
            commit,
            &catalogue,
        )
    });
    let (acts_json, acts) = activities(&d.activities);
    let (tasks_json, task_lines) = tasks(&d.tasks);
    let stages: Vec<String> = d
        .stages
        .iter()
        .map(|s| {
            format!(
                "  {}  {} → {}",
                text_day(s.on),
                s.from.as_deref().unwrap_or("new"),
                s.to
            )
        })
        .collect();
    let json = json!({
        "id": d.id, "title": d.title, "customer": named(&d.customer), "product": named(&d.product),
        "owner": named(&d.owner), "amount_cents": d.amount.cents(), "stage": d.stage,
        "pipeline": d.pipeline,
        "created_on": day(d.created_on), "age_days": d.age_days, "days_in_stage": d.days_in_stage,
        "expected_close_on": day(d.expected_close_on), "slipped": d.slipped,
        "closed_on": day(d.closed_on), "lost_reason": d.lost_reason,
        "category": category.map(|c| c.category.as_str()),
        "category_overridden": category.is_some_and(|c| c.overridden),
        "stages": d.stages.iter().map(|s| json!({"from": s.from, "to": s.to, "on": day(s.on)})).collect::<Vec<_>>(),
        "activities": acts_json, "tasks": tasks_json, "history": d.history,
    });
    let mut out = vec![
        format!("Deal {}: {}", d.id, d.title),
        format!(
            "Customer {} · Product {} · Owner {}",
            name(&d.customer),
            name(&d.product),
            name(&d.owner)
        ),
        format!(
            "{} · {} · age {} days",
            d.amount.whole(),
            d.stage,
            d.age_days.unwrap_or_default()
        ),
        format!(
            "Expected close {}{}",
            text_day(d.expected_close_on),
            if d.slipped { " (slipped)" } else { "" }
        ),
    ];
    if let Some(c) = category {
        let how = if c.overridden {
            "set by the manager".to_string()
        } else {
            format!(
                "default from the stage and its rate {}%",
                d.stage_rate_bp.unwrap_or(0) as f64 / 100.0
            )
        };
        out.push(format!("Category {} ({how})", c.category));
    }
    if let Some(days) = d.days_in_stage {
        out.push(format!("{days} days in {}", d.stage));
    }
    if let Some(closed) = d.closed_on {
        let why = d
            .lost_reason
            .as_deref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        out.push(format!("Closed {closed}{why}"));
    }
    section(&mut out, "Stages", stages);
    section(&mut out, "Activities", acts);
    section(&mut out, "Tasks", task_lines);
    section(
        &mut out,
        "History",
        d.history.iter().map(|h| format!("  {h}")).collect(),
    );
    Ok((json, out))
}

fn customer(conn: &rusqlite::Connection, id: i64) -> anyhow::Result<(Value, Vec<String>)> {
    let c = reads::customer_record(conn, id)?.ok_or_else(|| {
        Failure::new(
            FailureKind::BadInput,
            format!("customer: there is no customer {id}"),
        )
    })?;
    let (acts_json, acts) = activities(&c.activities);
    let (tasks_json, task_lines) = tasks(&c.tasks);
    let json = json!({
        "id": c.id, "name": c.name, "industry": c.industry, "region": c.region,
        "employees": c.employees, "revenue_cents": c.revenue.map(|r| r.cents()), "owner": named(&c.owner),
        "needs": c.needs, "interests": c.interests,
        "contacts": c.contacts.iter().map(|k| json!({"id": k.id, "name": k.name, "role": k.role, "email": k.email, "phone": k.phone})).collect::<Vec<_>>(),
        "deals": c.deals.iter().map(|d| json!({"id": d.id, "title": d.title, "stage": d.stage, "amount_cents": d.amount.cents(), "close_on": day(d.close_on)})).collect::<Vec<_>>(),
        "activities": acts_json, "tasks": tasks_json, "history": c.history,
    });
    let mut out = vec![
        format!("Customer {}: {}", c.id, c.name),
        format!("{} · {} · Owner {}", c.industry, c.region, name(&c.owner)),
        format!(
            "Needs: {} · Interests: {}",
            c.needs.join(", "),
            c.interests.join(", ")
        ),
    ];
    let contacts = c
        .contacts
        .iter()
        .map(|k| {
            format!("  {}  {}  {}  {}", k.name, k.role, k.email, k.phone)
                .trim_end()
                .to_string()
        })
        .collect();
    let deals = c
        .deals
        .iter()
        .map(|d| {
            format!(
                "  #{} {:<11} {:>12}  {}",
                d.id,
                d.stage,
                d.amount.whole(),
                d.title
            )
        })
        .collect();
    section(&mut out, "Contacts", contacts);
    section(&mut out, "Deals", deals);
    section(&mut out, "Activities", acts);
    section(&mut out, "Tasks", task_lines);
    section(
        &mut out,
        "History",
        c.history.iter().map(|h| format!("  {h}")).collect(),
    );
    Ok((json, out))
}

/// Prints the record `args` names.
pub fn run_show(
    path: &Path,
    today: NaiveDate,
    args: &ShowArgs,
    commit: &CommitSettings,
) -> anyhow::Result<()> {
    let conn = opened(path)?;
    let (json, text) = match args.what {
        ShowWhat::Deal => deal(&conn, args.id, today, commit)?,
        ShowWhat::Customer => customer(&conn, args.id)?,
    };
    if args.json {
        println!("{json}");
    } else {
        println!("{}", text.join("\n"));
    }
    Ok(())
}

/// Prints what `find` finds, grouped by kind.
pub fn run_find(path: &Path, args: &FindArgs) -> anyhow::Result<()> {
    let conn = opened(path)?;
    let hits = reads::search(&conn, &args.text, args.limit)?;
    if args.json {
        println!("{}", serde_json::to_string(&hits)?);
        return Ok(());
    }
    if hits.is_empty() {
        println!("nothing found for '{}'", args.text.trim());
    }
    let mut kind = None;
    for hit in &hits {
        if kind != Some(hit.kind) {
            kind = Some(hit.kind);
            println!("{:?}", hit.kind);
        }
        println!("  #{:<7} {}  ({})", hit.id, hit.label, hit.detail);
    }
    Ok(())
}
