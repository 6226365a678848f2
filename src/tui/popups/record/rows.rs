//! The rows a record is drawn from, and the small layouts both records share: section headings,
//! label/value facts in one or two columns, and text wrapped under a hanging indent.

use chrono::NaiveDate;

use crate::config::DateFormat;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::db::reads::{ActivityLine, TaskLine};
use crate::tui::effects::RecordRef;
use crate::tui::theme::Theme;
use crate::tui::widgets::text::fit;

/// One screen row of a record, and the record it opens (a deal line, a deal's customer line).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What is drawn.
    pub line: Line<'static>,
    /// What `Enter` or a click on it opens.
    pub target: Option<RecordRef>,
}

impl Row {
    /// A row that opens nothing.
    pub fn plain(line: Line<'static>) -> Row {
        Row { line, target: None }
    }
}

/// Width of a fact's label.
const LABEL: usize = 10;
/// The widest the facts spread on a wide terminal, so a value stays near its label.
pub const FACTS_WIDTH: usize = 110;
/// Narrowest content width that takes two columns of facts.
const TWO_COLUMNS: usize = 70;

/// A date as the records show it, in the configured format; an em dash when there is none.
pub fn day(d: Option<NaiveDate>, format: &DateFormat) -> String {
    d.map_or_else(|| "—".to_string(), |d| format.show(d))
}

/// The story every record ends with: activities, tasks and changes in words.
pub fn story(
    theme: &Theme,
    activities_of: &[ActivityLine],
    tasks_of: &[TaskLine],
    history_of: &[String],
    format: &DateFormat,
    width: usize,
) -> Vec<Row> {
    let mut out = activities(theme, activities_of, format, width);
    out.extend(tasks(theme, tasks_of, format, width));
    out.extend(history(theme, history_of, width));
    out
}

/// A section heading with a blank row above it.
pub fn heading(theme: &Theme, text: String) -> [Row; 2] {
    [
        Row::plain(Line::default()),
        Row::plain(Line::from(Span::styled(text, theme.accent))),
    ]
}

/// A muted row saying a section is empty.
pub fn none(theme: &Theme, text: &str) -> Row {
    Row::plain(Line::from(Span::styled(format!("  {text}"), theme.muted)))
}

/// One fact: its label, its value and the value's style; a target makes the row open it.
pub struct Fact {
    /// The label.
    pub label: &'static str,
    /// The value.
    pub value: String,
    /// The value's style.
    pub style: Style,
    /// What the fact's row opens.
    pub target: Option<RecordRef>,
}

impl Fact {
    /// A fact in plain text style.
    pub fn new(theme: &Theme, label: &'static str, value: String) -> Fact {
        Fact {
            label,
            value,
            style: theme.text,
            target: None,
        }
    }
}

fn fact_spans(theme: &Theme, fact: &Fact, width: usize) -> [Span<'static>; 2] {
    [
        Span::styled(fit(fact.label, LABEL), theme.muted),
        Span::styled(
            clip(&fact.value, width.saturating_sub(LABEL + 1)),
            fact.style,
        ),
    ]
}

/// Facts two to a row when the width allows and both values fit whole, else one to a row.
pub fn facts(theme: &Theme, list: Vec<Fact>, width: usize) -> Vec<Row> {
    let half = width / 2;
    let fits_half = |f: &Fact| f.value.width() < half.saturating_sub(LABEL + 1);
    let mut rows = Vec::new();
    let mut list = list.into_iter().peekable();
    while let Some(first) = list.next() {
        let pair = width >= TWO_COLUMNS && fits_half(&first) && list.peek().is_some_and(&fits_half);
        match list.next_if(|_| pair) {
            Some(second) => {
                let mut spans = fact_spans(theme, &first, half).to_vec();
                spans.extend(fact_spans(theme, &second, half));
                rows.push(Row {
                    line: Line::from(spans),
                    target: first.target.or(second.target),
                });
            }
            None => rows.push(Row {
                line: Line::from(fact_spans(theme, &first, width).to_vec()),
                target: first.target,
            }),
        }
    }
    rows
}

/// `text` cut or padded to exactly `width` cells like [`fit`], but a cut never lands inside a
/// number: the number goes whole behind the "…" (`Renewal 2026…` stays, `Renewal 20…` never).
pub fn clip(text: &str, width: usize) -> String {
    let fitted = fit(text, width);
    let Some(kept) = fitted.trim_end().strip_suffix('…') else {
        return fitted;
    };
    let numeric = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | '$' | '%' | '-');
    let next = text[kept.len()..].chars().next();
    if !kept.ends_with(|c: char| c.is_ascii_digit()) || !next.is_some_and(numeric) {
        return fitted;
    }
    let whole = kept.trim_end_matches(numeric).trim_end();
    format!(
        "{whole}…{}",
        " ".repeat(width.saturating_sub(whole.width() + 1))
    )
}

/// `parts` joined with " · ", a line holding as many whole parts as fit in `width` (a part
/// longer than a line is wrapped on its own).
pub fn wrap_parts(parts: &[&str], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in parts {
        let joined = if line.is_empty() {
            part.to_string()
        } else {
            format!("{line} · {part}")
        };
        if joined.width() <= width {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut pieces = wrap(part, width);
        line = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
    }
    lines.push(line);
    lines
}

/// `text` broken into lines of at most `width` cells, at spaces where it can be, keeping its
/// own line breaks; a word longer than a line is split.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let needed = line.width() + usize::from(!line.is_empty()) + word.width();
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                if line.width() + c.width().unwrap_or(0) > width {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// `text` after a `prefix` on its first row, wrapped to `width` with every further row
/// indented as far as the prefix.
pub fn hanging(prefix: &str, text: &str, width: usize, style: Style) -> Vec<Row> {
    let indent = prefix.width();
    wrap(text, width.saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let lead = if i == 0 {
                prefix.to_string()
            } else {
                " ".repeat(indent)
            };
            Row::plain(Line::from(vec![Span::raw(lead), Span::styled(part, style)]))
        })
        .collect()
}

/// The activity timeline, newest first: date, kind, who, and the text wrapped beneath.
pub fn activities(
    theme: &Theme,
    list: &[ActivityLine],
    format: &DateFormat,
    width: usize,
) -> Vec<Row> {
    let mut rows = heading(theme, format!("Activities ({}, newest first)", list.len())).to_vec();
    if list.is_empty() {
        rows.push(none(theme, "no activity logged"));
    }
    for a in list {
        let who = a
            .rep
            .as_deref()
            .map_or(String::new(), |r| format!(" · {r}"));
        let text = if a.text.trim().is_empty() {
            format!("{}{who}", a.kind)
        } else {
            format!("{}{who} — {}", a.kind, a.text.trim())
        };
        let prefix = format!("  {:<10}  ", day(a.happened_on, format));
        rows.extend(hanging(&prefix, &text, width, theme.text));
    }
    rows
}

/// Open tasks, then done and cancelled ones: status, due date, title, kind and owner.
pub fn tasks(theme: &Theme, list: &[TaskLine], format: &DateFormat, width: usize) -> Vec<Row> {
    let open = list.iter().filter(|t| t.status == "open").count();
    let title = format!(
        "Tasks ({open} open, {} done or cancelled)",
        list.len() - open
    );
    let mut rows = heading(theme, title).to_vec();
    if list.is_empty() {
        rows.push(none(theme, "no tasks"));
    }
    for t in list {
        let style = if t.status == "open" {
            theme.text
        } else {
            theme.muted
        };
        let prefix = format!("  {:<9} due {:<10}  ", t.status, day(t.due_on, format));
        let mut parts = vec![t.title.as_str(), t.kind.as_str()];
        parts.extend(t.rep.as_deref());
        let indent = prefix.width();
        for (i, part) in wrap_parts(&parts, width.saturating_sub(indent))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 {
                prefix.clone()
            } else {
                " ".repeat(indent)
            };
            rows.push(Row::plain(Line::from(vec![
                Span::styled(lead, style),
                Span::styled(part, style),
            ])));
        }
    }
    rows
}

/// The record's changes in words, newest first, each wrapped under its time stamp.
pub fn history(theme: &Theme, list: &[String], width: usize) -> Vec<Row> {
    let mut rows = heading(theme, format!("Changes ({}, newest first)", list.len())).to_vec();
    if list.is_empty() {
        rows.push(none(theme, "no changes recorded in the desk"));
    }
    for line in list {
        rows.extend(hanging("  ", line, width.saturating_sub(2), theme.text));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_at_spaces_keeps_line_breaks_and_splits_long_words() {
        assert_eq!(
            wrap("call back about the renewal", 10),
            ["call back", "about the", "renewal"]
        );
        assert_eq!(wrap("one\n\ntwo", 10), ["one", "", "two"]);
        assert_eq!(wrap("abcdefghij12", 5), ["abcde", "fghij", "12"]);
        assert_eq!(wrap("", 5), [""]);
        assert!(
            wrap("東京精密工業 株式会社", 6)
                .iter()
                .all(|l| l.width() <= 6)
        );
    }

    #[test]
    fn clipping_never_cuts_inside_a_number() {
        assert_eq!(clip("Renewal 2026 for Acme", 14), "Renewal 2026 …");
        assert_eq!(clip("Renewal 2026 for Acme", 13), "Renewal 2026…");
        assert_eq!(clip("Renewal 2026 for Acme", 11), "Renewal…   ");
        assert_eq!(clip("Seats 1,200,000", 12), "Seats…      ");
        assert_eq!(clip("Union Trust", 8), "Union T…");
        assert_eq!(clip("short", 8), "short   ");
    }

    #[test]
    fn parts_wrap_whole() {
        let parts = ["Jane Doe", "Buyer", "jane@example.com", "+1 555 0100"];
        assert_eq!(
            wrap_parts(&parts, 40),
            ["Jane Doe · Buyer · jane@example.com", "+1 555 0100"]
        );
        assert_eq!(wrap_parts(&["abcdefgh"], 4), ["abcd", "efgh"]);
    }

    #[test]
    fn facts_pair_up_only_when_both_fit_whole() {
        let theme = Theme::resolve(&crate::tui::theme::ThemeSettings::default(), true);
        let fact = |v: &str| Fact::new(&theme, "Label", v.to_string());
        let rows = facts(&theme, vec![fact("a"), fact("b"), fact("c")], 80);
        assert_eq!(rows.len(), 2);
        let long = "x".repeat(40);
        let rows = facts(&theme, vec![fact("a"), fact(&long), fact("c")], 80);
        assert_eq!(
            rows.len(),
            3,
            "a value too long for half the row takes a row"
        );
        assert_eq!(facts(&theme, vec![fact("a"), fact("b")], 60).len(), 2);
    }

    #[test]
    fn hanging_rows_indent_under_the_prefix() {
        let rows = hanging("  2026-01-01  ", "a b c d e f", 20, Style::default());
        let texts: Vec<String> = rows.iter().map(|r| r.line.to_string()).collect();
        assert_eq!(texts, ["  2026-01-01  a b c", "              d e f"]);
    }
}
