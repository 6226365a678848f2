//! A config error a manager can act on: the file, the line, the key and the bad value in quotes.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// What is wrong with a config file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file read.
    pub file: PathBuf,
    /// The 1-based line, when known.
    pub line: Option<usize>,
    /// The dotted key (`forecast.horizon`), when known.
    pub key: Option<String>,
    /// The value as written, when known.
    pub value: Option<String>,
    /// What is wrong and what would be right.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "config {}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(key) = &self.key {
            write!(f, ", key {key}")?;
        }
        if let Some(value) = &self.value {
            write!(f, ", value '{value}'")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// An error about the whole file (it cannot be read, say).
    pub fn whole_file(file: &Path, message: impl Into<String>) -> ConfigError {
        ConfigError {
            file: file.to_path_buf(),
            line: None,
            key: None,
            value: None,
            message: message.into(),
        }
    }

    /// An error from the TOML reader, placed by its span in `source`.
    pub fn from_toml(file: &Path, source: &str, error: &toml::de::Error) -> ConfigError {
        let message = error.message().trim().to_string();
        match error.span() {
            Some(span) => ConfigError::at_span(file, source, span, message),
            None => ConfigError::whole_file(file, message),
        }
    }

    /// An error about the text at `span` of `source`.
    pub fn at_span(
        file: &Path,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> ConfigError {
        let start = span.start.min(source.len());
        let line_index = source[..start].matches('\n').count();
        let entry = source.lines().nth(line_index).and_then(parse_entry);
        ConfigError {
            file: file.to_path_buf(),
            line: Some(line_index + 1),
            key: entry
                .as_ref()
                .map(|(key, _)| dotted(table_at(source, line_index), key)),
            value: entry.and_then(|(_, value)| value),
            message: message.into(),
        }
    }

    /// An error about `key` in the table `table` (dotted, like `keys.pipeline`), found by
    /// reading the file's lines.
    pub fn at_key(
        file: &Path,
        source: &str,
        table: &str,
        key: &str,
        message: String,
    ) -> ConfigError {
        let mut current = String::new();
        for (index, line) in source.lines().enumerate() {
            if let Some(header) = table_header(line) {
                current = header;
                continue;
            }
            if current == table
                && let Some((found, value)) = parse_entry(line)
                && found == key
            {
                return ConfigError {
                    file: file.to_path_buf(),
                    line: Some(index + 1),
                    key: Some(dotted(&current, key)),
                    value,
                    message,
                };
            }
        }
        ConfigError {
            file: file.to_path_buf(),
            line: None,
            key: Some(dotted(table, key)),
            value: None,
            message,
        }
    }
}

fn dotted(table: &str, key: &str) -> String {
    if table.is_empty() {
        key.to_string()
    } else {
        format!("{table}.{key}")
    }
}

/// The table a line belongs to: the last `[header]` above it.
fn table_at(source: &str, line_index: usize) -> &str {
    source
        .lines()
        .take(line_index + 1)
        .filter_map(|line| {
            let t = line.trim();
            (t.starts_with('[') && !t.starts_with("[[")).then_some(t)
        })
        .last()
        .and_then(|t| t.strip_prefix('['))
        .and_then(|t| t.split(']').next())
        .map(str::trim)
        .unwrap_or("")
}

fn table_header(line: &str) -> Option<String> {
    let t = line.trim();
    let inner = t.strip_prefix('[')?.split(']').next()?;
    Some(inner.trim().to_string())
}

/// A `key = value` line's key (quotes removed) and its value as written (quotes removed).
fn parse_entry(line: &str) -> Option<(String, Option<String>)> {
    let t = line.trim();
    if t.starts_with('#') || t.starts_with('[') {
        return None;
    }
    let (key, value) = match t.split_once('=') {
        Some((k, v)) => (k, Some(v)),
        None => (t, None),
    };
    let key = unquote(key.trim()).to_string();
    if key.is_empty() {
        return None;
    }
    let value = value
        .map(|v| strip_comment(v).trim())
        .filter(|v| !v.is_empty())
        .map(|v| unquote(v).to_string());
    Some((key, value))
}

fn unquote(text: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = text.strip_prefix(q).and_then(|t| t.strip_suffix(q)) {
            return inner;
        }
    }
    text
}

/// Drops a trailing `# comment` that is outside quotes.
fn strip_comment(value: &str) -> &str {
    let mut quote = None;
    for (i, c) in value.char_indices() {
        match (c, quote) {
            ('"' | '\'', None) => quote = Some(c),
            (c, Some(q)) if c == q => quote = None,
            ('#', None) => return &value[..i],
            _ => {}
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str =
        "[forecast]\nhorizon = 0 # months\n\n[keys.pipeline]\n\"mark_won\" = [\"<Hyper-w>\"]\n";

    #[test]
    fn a_span_names_line_key_and_value() {
        let start = SOURCE.find("0 #").unwrap_or(0);
        let e = ConfigError::at_span(Path::new("c.toml"), SOURCE, start..start + 1, "too small");
        assert_eq!(e.line, Some(2));
        assert_eq!(e.key.as_deref(), Some("forecast.horizon"));
        assert_eq!(e.value.as_deref(), Some("0"));
        assert_eq!(
            e.to_string(),
            "config c.toml, line 2, key forecast.horizon, value '0': too small"
        );
    }

    #[test]
    fn a_key_is_found_in_its_table() {
        let e = ConfigError::at_key(
            Path::new("c.toml"),
            SOURCE,
            "keys.pipeline",
            "mark_won",
            "bad".into(),
        );
        assert_eq!(e.line, Some(5));
        assert_eq!(e.value.as_deref(), Some("[\"<Hyper-w>\"]"));
    }
}
