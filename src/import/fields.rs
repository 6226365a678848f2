//! The fields each kind of record can be imported into, and what a mapping must provide.

use std::fmt;
use std::str::FromStr;

/// What an import file holds, named by the mapping's `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImportKind {
    /// Sales reps.
    Reps,
    /// Products.
    Products,
    /// Customers (accounts).
    Customers,
    /// Deals (opportunities).
    Deals,
    /// Sales tasks.
    Tasks,
    /// Monthly spend and revenue per marketing channel.
    ChannelMonths,
}

impl ImportKind {
    /// Every kind, in the order a fresh book is best imported.
    pub const ALL: [ImportKind; 6] = [
        ImportKind::Reps,
        ImportKind::Products,
        ImportKind::Customers,
        ImportKind::Deals,
        ImportKind::Tasks,
        ImportKind::ChannelMonths,
    ];

    /// The name used in mappings and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ImportKind::Reps => "reps",
            ImportKind::Products => "products",
            ImportKind::Customers => "customers",
            ImportKind::Deals => "deals",
            ImportKind::Tasks => "tasks",
            ImportKind::ChannelMonths => "channel-months",
        }
    }

    /// The fields a mapping may fill, in export column order.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            ImportKind::Reps => &[
                "id",
                "external_id",
                "name",
                "email",
                "team",
                "region",
                "max_open_tasks",
                "active",
            ],
            ImportKind::Products => &[
                "id",
                "external_id",
                "name",
                "family",
                "list_price",
                "margin",
            ],
            ImportKind::Customers => &[
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
            ImportKind::Deals => &[
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
            ImportKind::Tasks => &[
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
            ],
            ImportKind::ChannelMonths => &["channel", "month", "spend", "revenue"],
        }
    }

    /// Fields every mapping of this kind must fill, from a column or a constant.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            ImportKind::Reps | ImportKind::Products | ImportKind::Customers => &["name"],
            ImportKind::Deals => &["stage"],
            ImportKind::Tasks => &["title"],
            ImportKind::ChannelMonths => &["channel", "month", "spend", "revenue"],
        }
    }

    /// The fields holding money, which the mapping's money unit applies to.
    pub fn money_fields(self) -> &'static [&'static str] {
        match self {
            ImportKind::Products => &["list_price"],
            ImportKind::Customers => &["annual_revenue"],
            ImportKind::Deals => &["amount"],
            ImportKind::ChannelMonths => &["spend", "revenue"],
            ImportKind::Reps | ImportKind::Tasks => &[],
        }
    }

    /// The keys existing records can be matched on; the first is the default.
    pub fn keys(self) -> &'static [MatchKey] {
        match self {
            ImportKind::Reps => &[
                MatchKey::Id,
                MatchKey::ExternalId,
                MatchKey::Name,
                MatchKey::Email,
            ],
            ImportKind::Products | ImportKind::Customers => {
                &[MatchKey::Id, MatchKey::ExternalId, MatchKey::Name]
            }
            ImportKind::Deals | ImportKind::Tasks => &[MatchKey::Id, MatchKey::ExternalId],
            ImportKind::ChannelMonths => &[MatchKey::ChannelMonth],
        }
    }

    /// The references a row of this kind may create by name when they do not exist yet.
    pub fn creatable(self) -> &'static [Reference] {
        match self {
            ImportKind::Customers => &[Reference::Rep],
            ImportKind::Deals => &[Reference::Customer, Reference::Rep, Reference::Product],
            ImportKind::Tasks => &[Reference::Customer, Reference::Rep],
            ImportKind::ChannelMonths => &[Reference::Channel],
            ImportKind::Reps | ImportKind::Products => &[],
        }
    }
}

impl fmt::Display for ImportKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ImportKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ImportKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("'{s}' is not a kind of record ({})", kind_names()))
    }
}

/// The kind names, comma-separated, for messages.
pub fn kind_names() -> String {
    ImportKind::ALL.map(ImportKind::name).join(", ")
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
        }
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
