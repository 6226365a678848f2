//! How a failed command tells its caller: one line on stderr and exit status 2. A `--json`
//! command writes that line as a JSON object, `{"error": "...", "kind": "..."}`, so a script can
//! branch on the kind; its stdout stays empty either way.

use serde::Serialize;

use crate::analytics::channels::ChannelsError;
use crate::config::ConfigError;
use crate::db::OpenError;

/// What went wrong, in the words a script branches on (`kind` in the JSON error).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    /// The command line is wrong: an unknown option, a missing or unreadable value.
    Usage,
    /// The config file cannot be read or is invalid.
    Config,
    /// There is no database at the path given.
    NoDatabase,
    /// The database holds nothing the command can work on (no channels, no won deals).
    NoData,
    /// A value given cannot be used (a budget below the bounds, an unknown channel or group).
    BadInput,
    /// The database cannot be opened or read.
    Database,
    /// A file cannot be read or written.
    Io,
    /// Anything else.
    Other,
}

/// An error that knows its [`FailureKind`]; its message is the line shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Failure {
    /// What went wrong.
    pub kind: FailureKind,
    /// The message for the manager or the script.
    pub message: String,
}

impl Failure {
    /// A failure of `kind` saying `message`.
    pub fn new(kind: FailureKind, message: impl Into<String>) -> Failure {
        Failure {
            kind,
            message: message.into(),
        }
    }
}

/// The kind of `error`: that of the outermost cause that tells (a [`Failure`], a config, database
/// or file error, a budget the bounds cannot hold), else [`FailureKind::Other`].
pub fn kind_of(error: &anyhow::Error) -> FailureKind {
    for cause in error.chain() {
        if let Some(failure) = cause.downcast_ref::<Failure>() {
            return failure.kind;
        }
        if cause.is::<ConfigError>() {
            return FailureKind::Config;
        }
        if cause.is::<ChannelsError>() {
            return FailureKind::BadInput;
        }
        if cause.is::<OpenError>() || cause.is::<rusqlite::Error>() {
            return FailureKind::Database;
        }
        if cause.is::<std::io::Error>() {
            return FailureKind::Io;
        }
    }
    FailureKind::Other
}

/// The line a failed command writes to stderr: `salesdesk: MESSAGE`, or with `json` the object
/// `{"error": MESSAGE, "kind": KIND}` on one line.
pub fn error_line(message: &str, kind: FailureKind, json: bool) -> String {
    if json {
        serde_json::json!({ "error": message, "kind": kind }).to_string()
    } else {
        format!("salesdesk: {message}")
    }
}

#[cfg(test)]
mod tests {
    use anyhow::Context as _;

    use super::*;

    #[test]
    fn the_outermost_telling_cause_gives_the_kind() {
        let sqlite = Err::<(), _>(rusqlite::Error::InvalidQuery)
            .context("cannot read the channels")
            .unwrap_err();
        assert_eq!(kind_of(&sqlite), FailureKind::Database);
        let wrapped = Err::<(), _>(Failure::new(FailureKind::NoData, "no channels"))
            .context("report channels")
            .unwrap_err();
        assert_eq!(kind_of(&wrapped), FailureKind::NoData);
        assert_eq!(kind_of(&anyhow::anyhow!("odd")), FailureKind::Other);
        let budget = anyhow::Error::new(ChannelsError::BadBudget);
        assert_eq!(kind_of(&budget), FailureKind::BadInput);
    }

    #[test]
    fn json_lines_parse_back_to_the_message_and_kind() {
        let line = error_line("no \"db\" at /x", FailureKind::NoDatabase, true);
        assert!(!line.contains('\n'));
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["error"], "no \"db\" at /x");
        assert_eq!(value["kind"], "no_database");
        assert_eq!(
            error_line("gone", FailureKind::Other, false),
            "salesdesk: gone"
        );
    }
}
