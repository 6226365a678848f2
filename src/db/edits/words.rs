//! Edits put in a manager's words: `Stage Proposal → Negotiation`, `Owner Ann Lee → Bo Chen`,
//! `Amount $12,000 → $15,500`, `Task 'Call back' done` — never column names, ids, cents or JSON.
//! Pure: the caller resolves ids to names through the `name` function it passes.

use crate::domain::Money;

/// What kind of thing an id in an edit names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// A rep.
    Rep,
    /// A product.
    Product,
    /// A customer.
    Customer,
}

/// How a field's stored text reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Text,
    Money,
    Date,
    Percent,
    Minutes,
    Priority,
    YesNo,
    Id(Named),
}

/// The label and shape of a field of an entity, or `None` for bookkeeping rows.
fn field(entity: &str, field: &str) -> Option<(&'static str, Shape)> {
    let table = entity.strip_prefix("rec:").unwrap_or(entity);
    Some(match (table, field) {
        (_, "stage") => ("Stage", Shape::Text),
        (_, "amount_cents") => ("Amount", Shape::Money),
        (_, "annual_revenue_cents") => ("Revenue", Shape::Money),
        (_, "expected_close_on") => ("Expected close", Shape::Date),
        (_, "closed_on") => ("Closed", Shape::Date),
        (_, "due_on") => ("Due", Shape::Date),
        (_, "done_on") => ("Done on", Shape::Date),
        (_, "happened_on") => ("Date", Shape::Date),
        (_, "lost_reason") => ("Lost reason", Shape::Text),
        (_, "probability_bp") => ("Win probability", Shape::Percent),
        (_, "forecast_category") => ("Category", Shape::Text),
        (_, "rep_id" | "owner_rep_id") => ("Owner", Shape::Id(Named::Rep)),
        (_, "product_id") => ("Product", Shape::Id(Named::Product)),
        (_, "customer_id") => ("Customer", Shape::Id(Named::Customer)),
        (_, "est_minutes") => ("Estimate", Shape::Minutes),
        (_, "priority") => ("Priority", Shape::Priority),
        (_, "pinned") => ("Pinned", Shape::YesNo),
        (_, "status") => ("Status", Shape::Text),
        (_, "title") => ("Title", Shape::Text),
        (_, "name") => ("Name", Shape::Text),
        (_, "kind") => ("Kind", Shape::Text),
        (_, "industry") => ("Industry", Shape::Text),
        (_, "region") => ("Region", Shape::Text),
        (_, "employees") => ("Employees", Shape::Text),
        (_, "role") => ("Role", Shape::Text),
        (_, "email") => ("Email", Shape::Text),
        (_, "phone") => ("Phone", Shape::Text),
        (_, "text") => ("Text", Shape::Text),
        ("channel_plan", _) => ("Plan", Shape::Money),
        _ => return None,
    })
}

/// One value in words; `none` when the field was empty.
fn value(shape: Shape, text: Option<&str>, name: &dyn Fn(Named, i64) -> Option<String>) -> String {
    let Some(t) = text.filter(|t| !t.is_empty()) else {
        return "none".into();
    };
    let int = t.parse::<i64>().ok();
    match (shape, int) {
        (Shape::Money, Some(c)) => Money(c).whole(),
        (Shape::Percent, Some(bp)) => format!("{}%", bp as f64 / 100.0),
        (Shape::Minutes, Some(m)) => format!("{m} min"),
        (Shape::Priority, Some(p)) => ["high", "normal", "low"]
            .get((p - 1).clamp(0, 2) as usize)
            .map_or_else(|| p.to_string(), |s| s.to_string()),
        (Shape::YesNo, Some(b)) => if b != 0 { "yes" } else { "no" }.into(),
        (Shape::Id(kind), Some(id)) => name(kind, id).unwrap_or_else(|| "a removed record".into()),
        _ => t.to_string(),
    }
}

/// A field change in words: the field's label and its old and new values, or `None` for rows
/// that are bookkeeping (a stage-change row, a whole inserted row) rather than a field.
pub fn change(
    entity: &str,
    field_name: &str,
    old: Option<&str>,
    new: Option<&str>,
    name: &dyn Fn(Named, i64) -> Option<String>,
) -> Option<(String, String, String)> {
    let (label, shape) = field(entity, field_name)?;
    let label = if entity == "channel_plan" {
        format!("{label} {field_name}")
    } else {
        label.to_string()
    };
    Some((label, value(shape, old, name), value(shape, new, name)))
}

/// The whole line: `Stage Proposal → Negotiation`, or for a task's status `Task 'Call back' done`.
pub fn sentence(what: &str, entity: &str, label: &str, old: &str, new: &str) -> String {
    if entity == "task" && label == "Status" {
        let verb = match new {
            "open" => "reopened",
            other => other,
        };
        return format!("Task '{what}' {verb}");
    }
    match old {
        "none" => format!("{label} set to {new}"),
        _ if new == "none" => format!("{label} {old} cleared"),
        _ => format!("{label} {old} → {new}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(kind: Named, id: i64) -> Option<String> {
        match (kind, id) {
            (Named::Rep, 1) => Some("Ann Lee".into()),
            (Named::Rep, 2) => Some("Bo Chen".into()),
            _ => None,
        }
    }

    fn line(entity: &str, f: &str, old: Option<&str>, new: Option<&str>) -> String {
        let (label, o, n) = change(entity, f, old, new, &names).unwrap();
        sentence("Call back", entity, &label, &o, &n)
    }

    #[test]
    fn changes_read_in_words() {
        assert_eq!(
            line("deal", "stage", Some("Proposal"), Some("Negotiation")),
            "Stage Proposal → Negotiation"
        );
        assert_eq!(
            line("deal", "amount_cents", Some("1200000"), Some("1550000")),
            "Amount $12,000 → $15,500"
        );
        assert_eq!(
            line("rec:deals", "rep_id", Some("1"), Some("2")),
            "Owner Ann Lee → Bo Chen"
        );
        assert_eq!(
            line("task", "status", Some("open"), Some("done")),
            "Task 'Call back' done"
        );
        assert_eq!(
            line("task", "status", Some("done"), Some("open")),
            "Task 'Call back' reopened"
        );
        assert_eq!(
            line("deal", "expected_close_on", None, Some("2026-12-31")),
            "Expected close set to 2026-12-31"
        );
        assert_eq!(
            line("deal", "probability_bp", Some("2500"), None),
            "Win probability 25% cleared"
        );
        assert_eq!(
            line("task", "priority", Some("2"), Some("1")),
            "Priority normal → high"
        );
        assert_eq!(
            line("channel_plan", "2026-03", Some("500000"), Some("750000")),
            "Plan 2026-03 $5,000 → $7,500"
        );
        assert_eq!(
            line("rec:deals", "rep_id", Some("9"), Some("1")),
            "Owner a removed record → Ann Lee"
        );
    }

    #[test]
    fn bookkeeping_rows_have_no_words() {
        assert_eq!(
            change("stage_change", "row", None, Some("a|b|c"), &names),
            None
        );
        assert_eq!(
            change("rec:contacts", "row", None, Some("{}"), &names),
            None
        );
    }
}
