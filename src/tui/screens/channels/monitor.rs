//! The Channels screen's plans against results: for the selected channel, its latest planned
//! months (planned vs actual spend, predicted vs actual revenue), and a warning for every
//! channel whose actual revenue fell outside the plan's interval two months running.

use ratatui::text::{Line, Span};

use crate::analytics::monitor::ChannelCheck;
use crate::domain::Money;
use crate::tui::theme::Theme;

/// Planned months of the selected channel shown at most.
const MONTHS_SHOWN: usize = 3;

/// The lines for the selected channel `name` and the flagged channels among `checks`.
pub fn lines(checks: &[ChannelCheck], name: &str, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if let Some(check) = checks.iter().find(|c| c.name == name) {
        let start = check.months.len().saturating_sub(MONTHS_SHOWN);
        for m in &check.months[start..] {
            let opt = |v: Option<Money>| v.map_or("-".to_string(), Money::whole);
            let interval = match (m.low_cents, m.high_cents) {
                (Some(low), Some(high)) => format!(" ({}–{})", low.whole(), high.whole()),
                _ => String::new(),
            };
            let style = if m.outside == Some(true) {
                theme.warning
            } else {
                theme.muted
            };
            out.push(Line::from(Span::styled(
                format!(
                    " {} plan {}: spend {} planned, {} actual · revenue {} predicted{}, {} actual{}",
                    check.name,
                    m.month,
                    m.planned_spend_cents.whole(),
                    opt(m.actual_spend_cents),
                    opt(m.predicted_revenue_cents),
                    interval,
                    opt(m.actual_revenue_cents),
                    if m.outside == Some(true) {
                        " — outside"
                    } else {
                        ""
                    },
                ),
                style,
            )));
        }
    }
    for check in checks.iter().filter(|c| c.flagged) {
        out.push(Line::from(Span::styled(
            format!(
                " {}: revenue outside the plan's interval {} months running; the curve no longer fits",
                check.name, check.outside_run
            ),
            theme.warning,
        )));
    }
    out
}
