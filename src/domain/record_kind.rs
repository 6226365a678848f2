//! The kinds of record that move in and out of the book as files: what `import` reads and
//! `export` writes, named the same on the command line and in mappings.

use std::fmt;
use std::str::FromStr;

/// A kind of record, named as on the command line (`channel-months`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordKind {
    /// Sales reps.
    Reps,
    /// Each rep's quota per quarter.
    Quotas,
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

impl RecordKind {
    /// Every kind, in the order a fresh book is best imported.
    pub const ALL: [RecordKind; 7] = [
        RecordKind::Reps,
        RecordKind::Quotas,
        RecordKind::Products,
        RecordKind::Customers,
        RecordKind::Deals,
        RecordKind::Tasks,
        RecordKind::ChannelMonths,
    ];

    /// The name used in mappings and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Reps => "reps",
            RecordKind::Quotas => "quotas",
            RecordKind::Products => "products",
            RecordKind::Customers => "customers",
            RecordKind::Deals => "deals",
            RecordKind::Tasks => "tasks",
            RecordKind::ChannelMonths => "channel-months",
        }
    }

    /// What a summary calls the rows (`channel months`).
    pub fn noun(self) -> &'static str {
        match self {
            RecordKind::ChannelMonths => "channel months",
            other => other.name(),
        }
    }
}

/// The kind names, comma-separated, for messages.
pub fn kind_names() -> String {
    RecordKind::ALL.map(RecordKind::name).join(", ")
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for RecordKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RecordKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("'{s}' is not a kind of record; use one of {}", kind_names()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for kind in RecordKind::ALL {
            assert_eq!(kind.name().parse::<RecordKind>(), Ok(kind));
        }
        assert!(
            "leads"
                .parse::<RecordKind>()
                .unwrap_err()
                .contains("channel-months")
        );
    }
}
