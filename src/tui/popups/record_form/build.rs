//! Each kind of record form as it opens: its fields in tab order, filled from the record it is
//! about and the defaults (a follow-up due in three days, the activity dated today).

use chrono::NaiveDate;

use super::{Field, ListKind, Lists, RecordForm};
use crate::db::form_choices::Choice;
use crate::db::records::ACTIVITY_KINDS;
use crate::domain::Quarter;
use crate::worker::{FormAsk, FormData};

/// Whole currency units of `cents` as a form shows them: `12500`, `12500.50`.
pub fn units(cents: i64) -> String {
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{}.{:02}", cents / 100, (cents % 100).abs())
    }
}

fn words(list: &[&str]) -> Vec<Choice> {
    list.iter()
        .enumerate()
        .map(|(i, w)| Choice {
            id: i as i64,
            name: (*w).to_string(),
            value: None,
        })
        .collect()
}

impl RecordForm {
    /// The form `data.ask` asks for, filled from `data`; `today` dates the defaults.
    pub fn open(data: FormData, today: NaiveDate) -> RecordForm {
        let kinds: Vec<&str> = data.task_kinds.iter().map(String::as_str).collect();
        let mut lists = Lists {
            reps: data.reps,
            customers: data.customers,
            products: data.products,
            task_kinds: words(&kinds),
            activity_kinds: words(&ACTIVITY_KINDS),
            contacts: Vec::new(),
        };
        let customer = data.customer;
        let deal = data.deal;
        let customer_name = customer
            .as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_default();
        let owner = deal
            .as_ref()
            .and_then(|d| d.owner.clone())
            .or_else(|| customer.as_ref().and_then(|c| c.owner.clone()));
        let mut contacts = Vec::new();
        let mut note = None;
        let (heading, fields) = match data.ask {
            FormAsk::NewCustomer => ("New customer".to_string(), customer_fields(None)),
            FormAsk::EditCustomer(_) => (
                format!("Edit {customer_name}"),
                customer_fields(customer.as_ref()),
            ),
            FormAsk::Contacts(_) => {
                contacts = customer
                    .as_ref()
                    .map(|c| c.contacts.clone())
                    .unwrap_or_default();
                lists.contacts = contacts
                    .iter()
                    .map(|c| Choice {
                        id: c.id,
                        name: c.name.clone(),
                        value: None,
                    })
                    .collect();
                note =
                    Some("an empty Contact adds a new one; pick one to edit or remove it".into());
                (
                    format!("Contacts of {customer_name}"),
                    vec![
                        Field::pick("Contact", "contact", ListKind::Contacts, None),
                        Field::text("Name", "contact name", ""),
                        Field::text("Role", "role", ""),
                        Field::text("Email", "email", ""),
                        Field::text("Phone", "phone", ""),
                    ],
                )
            }
            FormAsk::NewDeal(..) => {
                note = Some(format!("starts at {}", data.starts_at));
                let customer_choice = customer.as_ref().map(|c| (c.id, c.name.clone()));
                (
                    match &customer {
                        Some(c) => format!("New deal for {}", c.name),
                        None => "New deal".to_string(),
                    },
                    vec![
                        Field::pick("Customer", "customer", ListKind::Customers, customer_choice),
                        Field::pick("Product", "product", ListKind::Products, None),
                        Field::text("Title", "title", ""),
                        Field::text("Amount", "amount", ""),
                        Field::pick("Owner", "owner", ListKind::Reps, owner),
                        Field::text("Close date", "close date", "+30d"),
                    ],
                )
            }
            FormAsk::EditDeal(_) => {
                let d = deal.as_ref();
                (
                    format!("Edit {}", d.map(|d| d.title.as_str()).unwrap_or("deal")),
                    vec![
                        Field::text(
                            "Title",
                            "title",
                            d.map(|d| d.title.clone()).unwrap_or_default(),
                        ),
                        Field::pick(
                            "Owner",
                            "owner",
                            ListKind::Reps,
                            d.and_then(|d| d.owner.clone()),
                        ),
                        Field::pick(
                            "Product",
                            "product",
                            ListKind::Products,
                            d.and_then(|d| d.product.clone()),
                        ),
                        Field::pick(
                            "Customer",
                            "customer",
                            ListKind::Customers,
                            d.and_then(|d| d.customer.clone()),
                        ),
                    ],
                )
            }
            FormAsk::LogActivity { .. } => {
                let on = deal
                    .as_ref()
                    .map_or(customer_name.clone(), |d| d.title.clone());
                note = Some("Ctrl-e writes the text in $VISUAL/$EDITOR, or a box of lines".into());
                (
                    format!("Log an activity on {on}"),
                    vec![
                        Field::pick(
                            "Kind",
                            "kind",
                            ListKind::ActivityKinds,
                            Some((0, "call".into())),
                        ),
                        Field::text("Date", "date", "today"),
                        Field::pick("By", "rep", ListKind::Reps, owner),
                        Field {
                            note: true,
                            ..Field::text("Text", "text", "")
                        },
                    ],
                )
            }
            FormAsk::FollowUp { .. } => {
                let on = deal
                    .as_ref()
                    .map_or(customer_name.clone(), |d| d.title.clone());
                let kind = lists
                    .task_kinds
                    .iter()
                    .find(|k| k.name == "follow-up")
                    .map(|k| (k.id, k.name.clone()));
                (
                    format!("Follow-up task on {on}"),
                    vec![
                        Field::text("Title", "title", format!("Follow up: {on}")),
                        Field::pick("Kind", "kind", ListKind::TaskKinds, kind),
                        Field::text("Due", "due", "+3d"),
                        Field::pick("Owner", "rep", ListKind::Reps, owner),
                    ],
                )
            }
            FormAsk::Quota => (
                "Quota".to_string(),
                vec![
                    Field::pick("Rep", "rep", ListKind::Reps, None),
                    Field::text("Quarter", "quarter", Quarter::containing(today).to_string()),
                    Field::text("Amount", "quota", ""),
                ],
            ),
        };
        let ask = match data.ask {
            FormAsk::FollowUp {
                deal_id: Some(d),
                customer_id: None,
            } => FormAsk::FollowUp {
                deal_id: Some(d),
                customer_id: deal.as_ref().and_then(|d| d.customer.as_ref().map(|c| c.0)),
            },
            other => other,
        };
        RecordForm {
            ask,
            heading,
            fields,
            focus: 0,
            picker: None,
            text_box: false,
            editor_wanted: false,
            lists,
            contacts,
            error: None,
            question: None,
            saving: false,
            note,
        }
    }
}

fn customer_fields(c: Option<&crate::db::reads::CustomerRecord>) -> Vec<Field> {
    let text = |f: fn(&crate::db::reads::CustomerRecord) -> String| c.map(f).unwrap_or_default();
    vec![
        Field::text("Name", "name", text(|c| c.name.clone())),
        Field::text("Industry", "industry", text(|c| c.industry.clone())),
        Field::text("Region", "region", text(|c| c.region.clone())),
        Field::text(
            "Employees",
            "employees",
            text(|c| c.employees.map(|e| e.to_string()).unwrap_or_default()),
        ),
        Field::text(
            "Revenue",
            "revenue",
            text(|c| c.revenue.map(|r| units(r.cents())).unwrap_or_default()),
        ),
        Field::pick(
            "Owner",
            "owner",
            ListKind::Reps,
            c.and_then(|c| c.owner.clone()),
        ),
        Field::text("Needs", "needs", text(|c| c.needs.join(", "))),
        Field::text("Interests", "interests", text(|c| c.interests.join(", "))),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_show_cents_only_when_there_are_some() {
        assert_eq!(units(1_250_000), "12500");
        assert_eq!(units(1_250_050), "12500.50");
        assert_eq!(units(7), "0.07");
    }
}
