//! The rows of a customer's record: its facts and tags, contacts, every deal (one row each, the
//! cursor's highlighted, each opening its record), activities, tasks and changes.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::rows::{self, Fact, Row};
use crate::db::reads::{CustomerRecord, DealLine};
use crate::domain::group_thousands;
use crate::tui::app::App;
use crate::tui::effects::RecordRef;
use crate::tui::widgets::text::fit;

/// The widest a deal row grows on a wide terminal, so its columns stay near its title.
const DEAL_ROW_WIDTH: usize = 120;

/// The title bar's words.
pub fn title(record: &CustomerRecord) -> String {
    format!("Customer #{} · {}", record.id, record.name)
}

/// Every row of the customer's record at `width` cells, the deal at `cursor` highlighted.
pub fn rows(app: &App, record: &CustomerRecord, cursor: usize, width: usize) -> Vec<Row> {
    let theme = &app.theme;
    let or_none = |text: &str| {
        if text.trim().is_empty() {
            "—".to_string()
        } else {
            text.to_string()
        }
    };
    let tags = |list: &[String]| {
        if list.is_empty() {
            "none".to_string()
        } else {
            list.join(", ")
        }
    };
    let list = vec![
        Fact::new(theme, "Industry", or_none(&record.industry)),
        Fact::new(theme, "Region", or_none(&record.region)),
        Fact::new(
            theme,
            "Employees",
            record.employees.map_or_else(
                || "—".to_string(),
                |n| {
                    let sign = if n < 0 { "-" } else { "" };
                    format!("{sign}{}", group_thousands(n.unsigned_abs().into()))
                },
            ),
        ),
        Fact::new(
            theme,
            "Revenue",
            record
                .revenue
                .map_or_else(|| "—".to_string(), |m| format!("{} a year", m.whole())),
        ),
        Fact::new(
            theme,
            "Owner",
            record
                .owner
                .as_ref()
                .map_or_else(|| "none".to_string(), |(_, n)| n.clone()),
        ),
    ];
    let mut out = rows::facts(theme, list, width.min(rows::FACTS_WIDTH));
    let label = fit("Tags", 10);
    let tag_text = format!(
        "needs: {} · interests: {}",
        tags(&record.needs),
        tags(&record.interests)
    );
    for (i, part) in rows::wrap(&tag_text, width.saturating_sub(10))
        .into_iter()
        .enumerate()
    {
        let lead = if i == 0 {
            Span::styled(label.clone(), theme.muted)
        } else {
            Span::raw(" ".repeat(10))
        };
        out.push(Row::plain(Line::from(vec![lead, Span::raw(part)])));
    }
    out.extend(rows::heading(
        theme,
        format!("Contacts ({})", record.contacts.len()),
    ));
    if record.contacts.is_empty() {
        out.push(rows::none(theme, "no contacts"));
    }
    for c in &record.contacts {
        let parts: Vec<&str> = [&c.name, &c.role, &c.email, &c.phone]
            .into_iter()
            .map(String::as_str)
            .filter(|s| !s.trim().is_empty())
            .collect();
        for (i, part) in rows::wrap_parts(&parts, width.saturating_sub(4))
            .into_iter()
            .enumerate()
        {
            let indent = if i == 0 { "  " } else { "    " };
            out.push(Row::plain(Line::from(format!("{indent}{part}"))));
        }
    }
    out.extend(deals(app, record, cursor, width));
    out.extend(rows::story(
        theme,
        &record.activities,
        &record.tasks,
        &record.history,
        &app.config.display.date_format,
        width,
    ));
    out
}

/// How many of the deals are open, won and lost, for the section's heading.
fn deal_counts(deals: &[DealLine]) -> String {
    let won = deals.iter().filter(|d| d.stage == "Won").count();
    let lost = deals.iter().filter(|d| d.stage == "Lost").count();
    let open = deals.len() - won - lost;
    format!(
        "Deals ({}: {open} open, {won} won, {lost} lost)",
        deals.len()
    )
}

/// One row per deal: title, stage, amount and the close date (expected, or when it closed).
fn deals(app: &App, record: &CustomerRecord, cursor: usize, width: usize) -> Vec<Row> {
    let theme = &app.theme;
    let mut out = rows::heading(theme, deal_counts(&record.deals)).to_vec();
    if record.deals.is_empty() {
        out.push(rows::none(theme, "no deals"));
    }
    let amount_width = record
        .deals
        .iter()
        .map(|d| d.amount.to_string().width())
        .max()
        .unwrap_or(0)
        .max("Amount".len());
    let fixed = 2 + 2 + 11 + 2 + amount_width + 2 + 10;
    let title_width = width.min(DEAL_ROW_WIDTH).saturating_sub(fixed).max(8);
    if !record.deals.is_empty() {
        let header = format!(
            "  {}  {}  {:>amount_width$}  Closes",
            fit("Title", title_width),
            fit("Stage", 11),
            "Amount"
        );
        out.push(Row::plain(Line::from(Span::styled(header, theme.header))));
    }
    for (i, d) in record.deals.iter().enumerate() {
        let marker = if i == cursor { "▸ " } else { "  " };
        let text = format!(
            "{marker}{}  {}  {:>amount_width$}  {}",
            rows::clip(&d.title, title_width),
            fit(&d.stage, 11),
            d.amount.to_string(),
            rows::day(d.close_on, &app.config.display.date_format)
        );
        let style = if i == cursor {
            theme.selected
        } else {
            theme.text
        };
        out.push(Row {
            line: Line::from(Span::styled(text, style)),
            target: Some(RecordRef::Deal(d.id)),
        });
    }
    out
}
