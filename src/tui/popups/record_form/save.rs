//! A filled form read into the record write it describes: every field parsed strictly, and the
//! first bad one refused by name before anything is sent.

use chrono::NaiveDate;

use super::{ListKind, RecordForm};
use crate::db::records::{ContactInput, CustomerInput, DealEdit, NewActivity, NewDeal, TaskInput};
use crate::domain::{FieldError, Quarter, parse_amount, parse_date};
use crate::tui::widgets::picker;
use crate::worker::{FormAsk, RecordWrite};

/// What a list's entries are called in a refusal.
fn noun(list: ListKind) -> &'static str {
    match list {
        ListKind::Reps => "rep",
        ListKind::Customers => "customer",
        ListKind::Products => "product",
        ListKind::TaskKinds => "task kind",
        ListKind::ActivityKinds => "kind",
        ListKind::Contacts => "contact",
    }
}

/// Splits a comma list of tags, dropping empty ones.
fn tags(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

impl RecordForm {
    /// The id picked in the field named `name`: the entry chosen, or the one entry named
    /// exactly as typed; `None` when the field is empty.
    fn picked(&self, name: &str) -> Result<Option<i64>, FieldError> {
        let Some(field) = self.field(name) else {
            return Ok(None);
        };
        if field.picked.is_some() {
            return Ok(field.picked);
        }
        let text = field.text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let Some(list) = field.list else {
            return Ok(None);
        };
        picker::exact(self.lists.get(list), text)
            .map(|c| Some(c.id))
            .ok_or_else(|| {
                FieldError::new(
                    name,
                    format!(
                        "no {} is named '{text}'; type to pick one from the list",
                        noun(list)
                    ),
                )
            })
    }

    /// Like [`RecordForm::picked`], refusing an empty field.
    fn required_pick(&self, name: &str) -> Result<i64, FieldError> {
        self.picked(name)?
            .ok_or_else(|| FieldError::new(name, "pick one: type a few letters, then Enter"))
    }

    /// The name picked in a list field (the words of task and activity kinds).
    fn picked_name(&self, name: &str) -> Result<String, FieldError> {
        let id = self.required_pick(name)?;
        let list = self.field(name).and_then(|f| f.list);
        Ok(list
            .and_then(|l| self.lists.get(l).iter().find(|c| c.id == id))
            .map(|c| c.name.clone())
            .unwrap_or_default())
    }

    fn date(&self, name: &str, today: NaiveDate) -> Result<Option<NaiveDate>, FieldError> {
        match self.text(name) {
            "" => Ok(None),
            text => parse_date(name, text, today).map(Some),
        }
    }

    fn customer_input(&self) -> Result<CustomerInput, FieldError> {
        let employees = match self.text("employees") {
            "" => None,
            text => Some(text.replace(',', "").parse::<i64>().map_err(|_| {
                FieldError::new("employees", format!("'{text}' is not a whole number"))
            })?),
        };
        let revenue = match self.text("revenue") {
            "" => None,
            text => Some(parse_amount("revenue", text)?),
        };
        Ok(CustomerInput {
            name: self.text("name").to_string(),
            industry: self.text("industry").to_string(),
            region: self.text("region").to_string(),
            employees,
            revenue,
            owner_rep_id: self.picked("owner")?,
            needs: tags(self.text("needs")),
            interests: tags(self.text("interests")),
        })
    }

    fn contact_input(&self) -> ContactInput {
        ContactInput {
            name: self.text("contact name").to_string(),
            role: self.text("role").to_string(),
            email: self.text("email").to_string(),
            phone: self.text("phone").to_string(),
        }
    }

    /// The write the form describes, or the first field's refusal. `allow_duplicate` answers
    /// the likely-duplicate question of a new customer.
    pub fn write(
        &self,
        today: NaiveDate,
        allow_duplicate: bool,
    ) -> Result<RecordWrite, FieldError> {
        Ok(match self.ask {
            FormAsk::NewCustomer => RecordWrite::NewCustomer {
                input: self.customer_input()?,
                allow_duplicate,
            },
            FormAsk::EditCustomer(customer_id) => RecordWrite::EditCustomer {
                customer_id,
                input: self.customer_input()?,
            },
            FormAsk::Contacts(customer_id) => match self.picked("contact")? {
                Some(contact_id) => RecordWrite::EditContact {
                    contact_id,
                    input: self.contact_input(),
                },
                None => RecordWrite::AddContact {
                    customer_id,
                    input: self.contact_input(),
                },
            },
            FormAsk::NewDeal(_, pipeline) => RecordWrite::NewDeal(NewDeal {
                pipeline_id: Some(pipeline),
                customer_id: self.required_pick("customer")?,
                product_id: self.required_pick("product")?,
                title: self.text("title").to_string(),
                amount: match self.text("amount") {
                    "" => None,
                    text => Some(parse_amount("amount", text)?),
                },
                owner_rep_id: self.picked("owner")?,
                expected_close_on: self.date("close date", today)?,
            }),
            FormAsk::EditDeal(deal_id) => RecordWrite::EditDeal {
                deal_id,
                edit: DealEdit {
                    title: Some(self.text("title").to_string()),
                    owner_rep_id: self.picked("owner")?,
                    product_id: self.picked("product")?,
                    customer_id: self.picked("customer")?,
                },
            },
            FormAsk::LogActivity {
                deal_id,
                customer_id,
            } => RecordWrite::LogActivity(NewActivity {
                customer_id,
                deal_id,
                rep_id: self.picked("rep")?,
                kind: self.picked_name("kind")?,
                happened_on: parse_date("date", self.text("date"), today)?,
                text: self.text("text").to_string(),
            }),
            FormAsk::FollowUp {
                deal_id,
                customer_id,
            } => RecordWrite::FollowUp(TaskInput {
                title: self.text("title").to_string(),
                kind: self.picked_name("kind")?,
                customer_id,
                deal_id,
                rep_id: self.required_pick("rep")?,
                due_on: self.date("due", today)?,
                est_minutes: 30,
                priority: 2,
            }),
            FormAsk::Quota => RecordWrite::SetQuota {
                rep_id: self.required_pick("rep")?,
                quarter: self.text("quarter").parse::<Quarter>().map_err(|_| {
                    FieldError::new(
                        "quarter",
                        format!("'{}' is not a quarter (e.g. 2026Q4)", self.text("quarter")),
                    )
                })?,
                amount: parse_amount("quota", self.text("quota"))?,
            },
        })
    }

    /// What is shown beside a field: the date it resolves to (`→ 2026-12-26`), or the title
    /// an empty title of a new deal takes.
    pub fn beside(&self, name: &str, today: NaiveDate) -> Option<String> {
        if name == "title" && matches!(self.ask, FormAsk::NewDeal(..)) {
            let (customer, product) = (self.text("customer"), self.text("product"));
            return (self.text("title").is_empty() && !customer.is_empty() && !product.is_empty())
                .then(|| format!("empty: {customer} – {product}"));
        }
        if !matches!(name, "close date" | "due" | "date") {
            return None;
        }
        match self.date(name, today) {
            Ok(Some(day)) if day.to_string() != self.text(name) => Some(format!("→ {day}")),
            Ok(_) => None,
            Err(_) if self.text(name).is_empty() => None,
            Err(_) => Some("→ not a date yet".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::form_choices::Choice;
    use crate::tui::popups::record_form::{Field, Lists};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn quota_form(rep: &str, quarter: &str, amount: &str) -> RecordForm {
        RecordForm {
            ask: FormAsk::Quota,
            heading: "Quota".into(),
            fields: vec![
                Field {
                    text: rep.into(),
                    ..Field::pick("Rep", "rep", ListKind::Reps, None)
                },
                Field::text("Quarter", "quarter", quarter),
                Field::text("Amount", "quota", amount),
            ],
            focus: 0,
            picker: None,
            text_box: false,
            editor_wanted: false,
            lists: Lists {
                reps: vec![Choice {
                    id: 7,
                    name: "Ann Lee".into(),
                    value: None,
                }],
                ..Lists::default()
            },
            contacts: Vec::new(),
            error: None,
            question: None,
            saving: false,
            note: None,
        }
    }

    #[test]
    fn a_name_typed_in_full_counts_as_picked() {
        let form = quota_form("ann lee", "2026Q4", "120,000");
        assert_eq!(
            form.write(day(2026, 11, 26), false),
            Ok(RecordWrite::SetQuota {
                rep_id: 7,
                quarter: "2026-Q4".parse().unwrap(),
                amount: crate::domain::Money(12_000_000),
            })
        );
    }

    #[test]
    fn each_bad_field_is_refused_by_its_name() {
        let today = day(2026, 11, 26);
        let field = |form: RecordForm| form.write(today, false).unwrap_err().field;
        assert_eq!(field(quota_form("Zed", "2026Q4", "1")), "rep");
        assert_eq!(field(quota_form("", "2026Q4", "1")), "rep");
        assert_eq!(field(quota_form("Ann Lee", "2026Q5", "1")), "quarter");
        assert_eq!(field(quota_form("Ann Lee", "2026Q4", "12,5,0")), "quota");
    }

    #[test]
    fn typing_over_a_picked_name_starts_afresh_and_picks_again() {
        let mut form = quota_form("", "2026Q4", "1");
        form.type_char('a');
        assert_eq!(form.matches().len(), 1);
        assert!(form.pick());
        assert_eq!(
            (form.fields[0].text.as_str(), form.fields[0].picked),
            ("Ann Lee", Some(7))
        );
        form.type_char('z');
        assert_eq!(
            (form.fields[0].text.as_str(), form.fields[0].picked),
            ("z", None)
        );
        assert!(form.matches().is_empty());
        form.backspace();
        assert!(form.picker.is_none(), "an empty query closes the list");
    }

    #[test]
    fn tags_are_a_comma_list() {
        assert_eq!(tags(" CRM, ,reporting ,"), ["CRM", "reporting"]);
        assert!(tags("").is_empty());
    }
}
