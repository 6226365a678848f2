//! The record writes the desk's forms ask of the worker, the lists and records a form opens
//! with, and why a record write was refused.

use crate::db::form_choices::Choice;
use crate::db::reads::{CustomerRecord, DealRecord};
use crate::db::records::{
    ContactInput, CustomerInput, DealEdit, Duplicate, NewActivity, NewDeal, TaskInput,
};
use crate::domain::{FieldError, Money, Quarter};

/// One record write: each is one transaction and one undo step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordWrite {
    /// A new customer; a likely duplicate is refused unless `allow_duplicate`.
    NewCustomer {
        /// Its fields and tags.
        input: CustomerInput,
        /// True once the manager answered "create anyway".
        allow_duplicate: bool,
    },
    /// New fields and tags for a customer.
    EditCustomer {
        /// The customer.
        customer_id: i64,
        /// Its fields and tags as they should be.
        input: CustomerInput,
    },
    /// A new contact of a customer.
    AddContact {
        /// The customer.
        customer_id: i64,
        /// The contact.
        input: ContactInput,
    },
    /// New name, role, email and phone of a contact.
    EditContact {
        /// The contact.
        contact_id: i64,
        /// Its fields as they should be.
        input: ContactInput,
    },
    /// Two customers merged: everything of `gone` moves to `keep` (undo splits them again).
    MergeCustomers {
        /// The customer kept.
        keep: i64,
        /// The customer merged into it and deleted.
        gone: i64,
    },
    /// A contact's name, email and phone erased, here and in the edit log (never undone).
    EraseContact {
        /// The contact.
        contact_id: i64,
    },
    /// A customer's name and notes, its contacts and its activity text erased (never undone).
    EraseCustomer {
        /// The customer.
        customer_id: i64,
    },
    /// A contact removed (undo puts it back).
    RemoveContact {
        /// The contact.
        contact_id: i64,
    },
    /// A new deal at the first open stage.
    NewDeal(NewDeal),
    /// A deal's title, owner, product or customer changed.
    EditDeal {
        /// The deal.
        deal_id: i64,
        /// The fields that change.
        edit: DealEdit,
    },
    /// An activity logged on a customer or a deal.
    LogActivity(NewActivity),
    /// A follow-up task.
    FollowUp(TaskInput),
    /// A rep's quota for a quarter.
    SetQuota {
        /// The rep.
        rep_id: i64,
        /// The quarter.
        quarter: Quarter,
        /// The quota.
        amount: Money,
    },
}

impl RecordWrite {
    /// The deal the write makes or changes, if any (a new deal's id is known only after it).
    pub fn deal_id(&self) -> Option<i64> {
        match self {
            RecordWrite::EditDeal { deal_id, .. } => Some(*deal_id),
            _ => None,
        }
    }
}

/// Which form to open, and on what: the worker answers with [`FormData`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAsk {
    /// A new customer.
    NewCustomer,
    /// Edit this customer.
    EditCustomer(i64),
    /// Add, edit or remove the contacts of this customer.
    Contacts(i64),
    /// A new deal, for this customer when given, in this pipeline.
    NewDeal(Option<i64>, i64),
    /// Edit this deal's title, owner, product and customer.
    EditDeal(i64),
    /// Log an activity on this deal, or else this customer.
    LogActivity {
        /// The deal, if on one.
        deal_id: Option<i64>,
        /// The customer, when not on a deal.
        customer_id: Option<i64>,
    },
    /// A follow-up task from this deal, or else this customer.
    FollowUp {
        /// The deal, if from one.
        deal_id: Option<i64>,
        /// The customer, when not from a deal.
        customer_id: Option<i64>,
    },
    /// A rep's quota for a quarter.
    Quota,
}

/// What a form opens with: its picker lists and the records it starts from.
#[derive(Debug, Clone, PartialEq)]
pub struct FormData {
    /// The form asked for.
    pub ask: FormAsk,
    /// Active reps.
    pub reps: Vec<Choice>,
    /// Customers (only for the deal forms).
    pub customers: Vec<Choice>,
    /// Products with their list prices (only for the deal forms).
    pub products: Vec<Choice>,
    /// Task kinds, most used first.
    pub task_kinds: Vec<String>,
    /// The customer the form is about, if any.
    pub customer: Option<CustomerRecord>,
    /// The deal the form is about, if any.
    pub deal: Option<DealRecord>,
    /// Where a new deal starts: its first stage, and its pipeline when the book has several.
    pub starts_at: String,
}

/// Why a record write was refused; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordRefusal {
    /// A field is empty, malformed or names nothing: the form shows it beside the field.
    Field(FieldError),
    /// The new customer looks like one already in the book; the form asks "create anyway?".
    Duplicate(Vec<Duplicate>),
    /// The write failed for another reason, worded for the status line.
    Failed(String),
}
