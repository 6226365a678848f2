//! The fields each kind of record can be imported into, and what a mapping must provide.

use crate::domain::RecordKind;

impl RecordKind {
    /// The fields a mapping may fill, in export column order.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            RecordKind::Reps => &[
                "id",
                "external_id",
                "name",
                "email",
                "team",
                "region",
                "max_open_tasks",
                "active",
            ],
            RecordKind::Products => &[
                "id",
                "external_id",
                "name",
                "family",
                "list_price",
                "margin",
            ],
            RecordKind::Customers => &[
                "id",
                "external_id",
                "name",
                "industry",
                "region",
                "employees",
                "annual_revenue",
                "owner_rep_id",
                "owner",
                "created_on",
                "notes",
            ],
            RecordKind::Deals => &[
                "id",
                "external_id",
                "customer_id",
                "customer",
                "rep_id",
                "rep",
                "product_id",
                "product",
                "title",
                "amount",
                "stage",
                "created_on",
                "expected_close_on",
                "closed_on",
                "lost_reason",
                "probability",
            ],
            RecordKind::Tasks => &[
                "id",
                "external_id",
                "title",
                "kind",
                "customer_id",
                "customer",
                "deal_id",
                "rep_id",
                "rep",
                "due_on",
                "est_minutes",
                "priority",
                "status",
                "pinned",
                "done_on",
            ],
            RecordKind::ChannelMonths => &["channel", "month", "spend", "revenue"],
            RecordKind::Quotas => &["rep_id", "rep", "quarter", "amount"],
        }
    }

    /// Fields every mapping of this kind must fill, from a column or a constant.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            RecordKind::Reps | RecordKind::Products | RecordKind::Customers => &["name"],
            RecordKind::Deals => &["stage"],
            RecordKind::Tasks => &["title"],
            RecordKind::ChannelMonths => &["channel", "month", "spend", "revenue"],
            RecordKind::Quotas => &["quarter", "amount"],
        }
    }

    /// The fields holding money, which the mapping's money unit applies to.
    pub fn money_fields(self) -> &'static [&'static str] {
        match self {
            RecordKind::Products => &["list_price"],
            RecordKind::Customers => &["annual_revenue"],
            RecordKind::Deals => &["amount"],
            RecordKind::ChannelMonths => &["spend", "revenue"],
            RecordKind::Quotas => &["amount"],
            RecordKind::Reps | RecordKind::Tasks => &[],
        }
    }

    /// The keys existing records can be matched on; the first is the default.
    pub fn keys(self) -> &'static [MatchKey] {
        match self {
            RecordKind::Reps => &[
                MatchKey::Id,
                MatchKey::ExternalId,
                MatchKey::Name,
                MatchKey::Email,
            ],
            RecordKind::Products | RecordKind::Customers => {
                &[MatchKey::Id, MatchKey::ExternalId, MatchKey::Name]
            }
            RecordKind::Deals | RecordKind::Tasks => &[MatchKey::Id, MatchKey::ExternalId],
            RecordKind::ChannelMonths => &[MatchKey::ChannelMonth],
            RecordKind::Quotas => &[MatchKey::RepQuarter],
        }
    }

    /// The references a row of this kind may create by name when they do not exist yet.
    pub fn creatable(self) -> &'static [Reference] {
        match self {
            RecordKind::Customers => &[Reference::Rep],
            RecordKind::Deals => &[Reference::Customer, Reference::Rep, Reference::Product],
            RecordKind::Tasks => &[Reference::Customer, Reference::Rep],
            RecordKind::ChannelMonths => &[Reference::Channel],
            RecordKind::Reps | RecordKind::Products | RecordKind::Quotas => &[],
        }
    }
}

/// How a row finds the existing record it describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKey {
    /// Our own numeric id (the `id` column of an export).
    Id,
    /// The id in the system the file came from (`external_id`).
    ExternalId,
    /// The name, ignoring case.
    Name,
    /// A rep's email, ignoring case.
    Email,
    /// A channel-month is its channel and month.
    ChannelMonth,
    /// A quota is its rep and quarter.
    RepQuarter,
}

impl MatchKey {
    /// The field holding the key.
    pub fn field(self) -> &'static str {
        match self {
            MatchKey::Id => "id",
            MatchKey::ExternalId => "external_id",
            MatchKey::Name => "name",
            MatchKey::Email => "email",
            MatchKey::ChannelMonth => "channel_month",
            MatchKey::RepQuarter => "rep_quarter",
        }
    }

    /// True for a key made of a reference and a period, read from the row's own fields rather
    /// than one key field.
    pub fn is_composite(self) -> bool {
        matches!(self, MatchKey::ChannelMonth | MatchKey::RepQuarter)
    }
}

/// A record another record points at, which an import may create by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reference {
    /// A customer, by name.
    Customer,
    /// A rep, by name or email.
    Rep,
    /// A product, by name.
    Product,
    /// A marketing channel, by name.
    Channel,
}

impl Reference {
    /// The name used in mappings and reports.
    pub fn name(self) -> &'static str {
        match self {
            Reference::Customer => "customer",
            Reference::Rep => "rep",
            Reference::Product => "product",
            Reference::Channel => "channel",
        }
    }
}
