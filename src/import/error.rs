//! Why an import stopped before writing anything; each message names the file and what to fix.

use std::path::PathBuf;

/// An import that could not run at all. The database is left exactly as it was.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The mapping file cannot be read, is not valid TOML, or names something that does not exist.
    #[error("mapping {path}: {reason}")]
    Mapping {
        /// The mapping file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The import file cannot be read.
    #[error("cannot read {path}: {reason}")]
    Read {
        /// The import file.
        path: PathBuf,
        /// The system's words.
        reason: String,
    },
    /// The file holds nothing.
    #[error("{0} is empty: there is nothing to import")]
    Empty(PathBuf),
    /// The file is not text.
    #[error("{path} is not a text file ({reason}); export it as CSV first")]
    NotText {
        /// The import file.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },
    /// The file was to be UTF-8 and is not.
    #[error(
        "{path} is not UTF-8 text: line {line} holds bytes that are not UTF-8; if a spreadsheet saved it, try --encoding windows-1252 (or auto, latin1, utf-16)"
    )]
    NotUtf8 {
        /// The import file.
        path: PathBuf,
        /// The first line with bytes that are not UTF-8.
        line: u64,
    },
    /// A column name appears more than once in the header.
    #[error(
        "{path} has the column '{column}' twice in its header (columns {first} and {second}); rename one"
    )]
    RepeatedColumn {
        /// The import file.
        path: PathBuf,
        /// The repeated name.
        column: String,
        /// 1-based position of its first appearance.
        first: usize,
        /// 1-based position of the second.
        second: usize,
    },
    /// The file has a header and no data rows.
    #[error("{0} has a header but no data rows: there is nothing to import")]
    NoRows(PathBuf),
    /// The mapping reads a column the file does not have.
    #[error(
        "the mapping reads column '{column}' for {field}, but {path} has no such column (its columns: {header})"
    )]
    MissingColumn {
        /// The import file.
        path: PathBuf,
        /// The column the mapping names.
        column: String,
        /// The field it was to fill.
        field: String,
        /// The columns the file has.
        header: String,
    },
    /// The pipeline or stages the mapping needs could not be created.
    #[error("the mapping's pipeline and stages cannot be set up: {0}")]
    Stages(String),
    /// The database failed during the import; the transaction was rolled back.
    #[error("the import was rolled back, nothing was written: {0}")]
    Database(String),
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        ImportError::Database(e.to_string())
    }
}

/// A TOML error on one line: where, and what.
pub(super) fn toml_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim().replace('\n', " ");
    match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            format!("line {line}, column {column}: {message}")
        }
        None => message,
    }
}
