//! One form for every record the desk captures or edits: customers, contacts, deals, activities,
//! follow-up tasks and quotas. Each field is text or a type-ahead pick from a list the worker
//! loaded; saving sends one record write, and a refusal comes back beside the field it names.

mod build;
pub mod editor;
pub mod keys;
mod save;
pub mod update;
pub mod view;

use crate::db::form_choices::Choice;
use crate::db::reads::ContactLine;
use crate::domain::FieldError;
use crate::tui::keymap::Context;
use crate::tui::widgets::picker::{self, Picker};
use crate::worker::FormAsk;

/// The list a pick field chooses from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// Active reps.
    Reps,
    /// Customers.
    Customers,
    /// Products.
    Products,
    /// Task kinds in use.
    TaskKinds,
    /// call, email, meeting, note.
    ActivityKinds,
    /// The customer's contacts.
    Contacts,
}

/// One field: its label, the name refusals call it by, its text, and for a pick field the list
/// and the entry picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Shown beside the value.
    pub label: &'static str,
    /// The field's name in refusals (`name`, `close date`, `amount`).
    pub name: &'static str,
    /// The text typed (for a pick field: the query, or the name picked).
    pub text: String,
    /// The list a pick field chooses from.
    pub list: Option<ListKind>,
    /// The id picked from the list, until the text is typed over.
    pub picked: Option<i64>,
    /// True for a long text that may span lines.
    pub note: bool,
}

impl Field {
    /// A text field.
    pub fn text(label: &'static str, name: &'static str, text: impl Into<String>) -> Field {
        Field {
            label,
            name,
            text: text.into(),
            list: None,
            picked: None,
            note: false,
        }
    }

    /// A pick field, with `picked` (id and name) already chosen when given.
    pub fn pick(
        label: &'static str,
        name: &'static str,
        list: ListKind,
        picked: Option<(i64, String)>,
    ) -> Field {
        Field {
            label,
            name,
            text: picked.as_ref().map(|p| p.1.clone()).unwrap_or_default(),
            list: Some(list),
            picked: picked.map(|p| p.0),
            note: false,
        }
    }
}

/// The picker lists a form chooses from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lists {
    /// Active reps.
    pub reps: Vec<Choice>,
    /// Customers, each with its owner rep id.
    pub customers: Vec<Choice>,
    /// Products, each with its list price in cents.
    pub products: Vec<Choice>,
    /// Task kinds, most used first.
    pub task_kinds: Vec<Choice>,
    /// Activity kinds.
    pub activity_kinds: Vec<Choice>,
    /// The customer's contacts.
    pub contacts: Vec<Choice>,
}

impl Lists {
    /// The entries of one list.
    pub fn get(&self, kind: ListKind) -> &[Choice] {
        match kind {
            ListKind::Reps => &self.reps,
            ListKind::Customers => &self.customers,
            ListKind::Products => &self.products,
            ListKind::TaskKinds => &self.task_kinds,
            ListKind::ActivityKinds => &self.activity_kinds,
            ListKind::Contacts => &self.contacts,
        }
    }
}

/// A yes/no question the form waits on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// The new customer looks like these; create it anyway?
    Duplicate(String),
    /// Remove this contact (id, name)?
    RemoveContact(i64, String),
}

/// A record form: what it saves, its fields, the focused one, an open picker or text box, the
/// last refusal and a question waiting for an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordForm {
    /// What saving does.
    pub ask: FormAsk,
    /// The heading.
    pub heading: String,
    /// The fields in tab order.
    pub fields: Vec<Field>,
    /// The field being typed in.
    pub focus: usize,
    /// The picker of the focused pick field, while open.
    pub picker: Option<Picker>,
    /// True while the focused note is typed in its multi-line box (Enter adds a line).
    pub text_box: bool,
    /// True while `$VISUAL`/`$EDITOR` is wanted for the focused note.
    pub editor_wanted: bool,
    /// The lists the pick fields choose from.
    pub lists: Lists,
    /// The customer's contacts in full, for the contact form.
    pub contacts: Vec<ContactLine>,
    /// Why the last save was refused, naming the field.
    pub error: Option<String>,
    /// A question waiting for y/n.
    pub question: Option<Question>,
    /// True from a save until its answer arrives.
    pub saving: bool,
    /// A line under the fields: the stage a new deal starts at, the record it is about.
    pub note: Option<String>,
}

impl RecordForm {
    /// The key-map contexts of the form as it is now.
    pub fn contexts(&self) -> Vec<Context> {
        if self.question.is_some() {
            vec![Context::Confirm]
        } else if self.picker.is_some() {
            vec![Context::Picker]
        } else {
            vec![Context::RecordForm]
        }
    }

    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    fn field_mut(&mut self, name: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.name == name)
    }

    /// The trimmed text of the field named `name` (empty when there is none).
    pub fn text(&self, name: &str) -> &str {
        self.field(name).map_or("", |f| f.text.trim())
    }

    /// Types a character into the focused field; in a pick field it filters the list, starting
    /// afresh over a name already picked.
    pub fn type_char(&mut self, c: char) {
        if c.is_control() && !(c == '\n' && self.text_box) {
            return;
        }
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        if field.picked.is_some() {
            field.text.clear();
        }
        field.text.push(c);
        self.error = None;
        if field.list.is_some() {
            field.picked = None;
            self.picker = Some(Picker::default());
        }
    }

    /// Deletes the last character of the focused field (the whole name picked in a pick field).
    pub fn backspace(&mut self) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        if field.picked.is_some() {
            field.text.clear();
        } else {
            field.text.pop();
        }
        self.error = None;
        if field.list.is_some() {
            field.picked = None;
            self.picker = (!field.text.is_empty()).then(Picker::default);
        }
    }

    /// Moves to the next (or previous) field, closing any picker.
    pub fn step_focus(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        self.picker = None;
        self.text_box = false;
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }

    /// The entries of the focused pick field's list matching its text.
    pub fn matches(&self) -> Vec<&Choice> {
        match self
            .fields
            .get(self.focus)
            .and_then(|f| f.list.map(|l| (f, l)))
        {
            Some((field, list)) => picker::matches(self.lists.get(list), &field.text),
            None => Vec::new(),
        }
    }

    /// Moves the picker's highlight.
    pub fn step_pick(&mut self, delta: isize) {
        let len = self.matches().len();
        if let Some(p) = self.picker.as_mut() {
            p.step(delta, len);
        }
    }

    /// Picks the highlighted entry into the focused field and fills what follows from it; true
    /// when something was picked.
    pub fn pick(&mut self) -> bool {
        let Some(p) = self.picker.take() else {
            return false;
        };
        let Some(choice) = self.matches().get(p.cursor).map(|c| (*c).clone()) else {
            return false;
        };
        let Some(field) = self.fields.get_mut(self.focus) else {
            return false;
        };
        field.text = choice.name.clone();
        field.picked = Some(choice.id);
        let (name, list) = (field.name, field.list);
        self.error = None;
        self.follow_pick(name, list, &choice);
        true
    }

    /// `Enter` in a picker: picks, then moves on to the next field (not past the last), so the
    /// next thing typed goes where it belongs.
    pub fn pick_and_move_on(&mut self) {
        if self.pick() && self.focus + 1 < self.fields.len() {
            self.step_focus(true);
        }
    }

    /// Fills the fields that default from a pick: a product's list price, a customer's owner,
    /// a contact's details.
    fn follow_pick(&mut self, name: &str, list: Option<ListKind>, choice: &Choice) {
        match (self.ask, list) {
            (FormAsk::NewDeal(..), Some(ListKind::Products)) => {
                let price = choice.value.map(build::units).unwrap_or_default();
                // An amount typed by hand stays; an empty one or another list price follows.
                let prices: Vec<String> = self
                    .lists
                    .products
                    .iter()
                    .filter_map(|p| p.value.map(build::units))
                    .collect();
                if let Some(amount) = self.field_mut("amount")
                    && (amount.text.trim().is_empty() || prices.contains(&amount.text))
                {
                    amount.text = price;
                }
            }
            (FormAsk::NewDeal(..), Some(ListKind::Customers)) => {
                let owner = choice
                    .value
                    .and_then(|id| self.lists.reps.iter().find(|r| r.id == id).cloned());
                if let (Some(owner), Some(field)) = (owner, self.field_mut("owner")) {
                    field.text = owner.name;
                    field.picked = Some(owner.id);
                }
            }
            (_, Some(ListKind::Contacts)) if name == "contact" => {
                if let Some(c) = self.contacts.iter().find(|c| c.id == choice.id).cloned() {
                    for (field, value) in [
                        ("contact name", c.name),
                        ("role", c.role),
                        ("email", c.email),
                        ("phone", c.phone),
                    ] {
                        if let Some(f) = self.field_mut(field) {
                            f.text = value;
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Shows a refusal and puts the cursor on the field it names.
    pub fn refuse(&mut self, error: FieldError) {
        if let Some(i) = self.fields.iter().position(|f| f.name == error.field) {
            self.focus = i;
        }
        self.picker = None;
        self.text_box = false;
        self.error = Some(error.to_string());
        self.saving = false;
    }
}
