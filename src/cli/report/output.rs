//! How every report leaves: pretty JSON or its plain-text rendering, written to standard output.

use std::io::Write as _;

use anyhow::Context as _;

/// The report as pretty JSON ending in a newline, or as `text` renders it.
pub(in crate::cli::report) fn json_or_text<T: serde::Serialize>(
    report: &T,
    json: bool,
    text: impl FnOnce(&T) -> String,
) -> anyhow::Result<String> {
    if !json {
        return Ok(text(report));
    }
    pretty_json(report)
}

/// The report as pretty JSON ending in a newline.
pub(in crate::cli::report) fn pretty_json<T: serde::Serialize>(
    report: &T,
) -> anyhow::Result<String> {
    let mut out = serde_json::to_string_pretty(report)?;
    out.push('\n');
    Ok(out)
}

/// Writes a finished report to standard output.
pub(in crate::cli::report) fn print(text: &str) -> anyhow::Result<()> {
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .context("cannot write the report")
}
