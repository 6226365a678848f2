//! The detail pane of one customer: its value, tier, segment, propensity and next product when
//! the worker has them, its deals, recent activities and open tasks.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};

use crate::analytics::value::NO_PURCHASE;
use crate::db::customers::CustomerDetail;
use crate::domain::display_text::shown;
use crate::domain::{Money, group_thousands};
use crate::tui::app::App;
use crate::tui::screens::customers::Detail;

/// Draws the pane for whatever [`Detail`] the customers screen holds.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let (title, body): (String, Option<&CustomerDetail>) = match &app.customers.detail {
        Detail::Shown(detail) => (format!(" {} ", shown(&detail.name)), Some(detail)),
        Detail::Loading(_) => (" loading… ".to_string(), None),
        Detail::Unavailable(_, why) => (format!(" {why} "), None),
        Detail::Closed => return,
    };
    let block = Block::bordered()
        .title(Span::styled(title, theme.accent))
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(detail) = body {
        draw_detail(app, detail, frame, inner);
    }
}

fn draw_detail(app: &App, detail: &CustomerDetail, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let value = value_line(app, detail.id);
    let [facts, value_area, lists] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(value.is_some())),
        Constraint::Min(0),
    ])
    .areas(area);
    if let Some(value) = value {
        frame.render_widget(Paragraph::new(value).style(theme.text), value_area);
    }
    let mut parts = vec![detail.industry.clone(), detail.region.clone()];
    parts.push(format!("owner {}", detail.owner.as_deref().unwrap_or("—")));
    if let Some(n) = detail.employees {
        parts.push(format!(
            "{} employees",
            group_thousands(u128::from(n.unsigned_abs()))
        ));
    }
    if let Some(revenue) = detail.annual_revenue {
        parts.push(format!("turnover {}", revenue.whole()));
    }
    parts.push(format!(
        "customer since {}",
        app.config.display.date_format.show(detail.created_on)
    ));
    frame.render_widget(Paragraph::new(parts.join(" · ")).style(theme.muted), facts);

    let [deals_area, side] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
            .spacing(2)
            .areas(lists);
    let [activity_area, task_area] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(side);
    draw_deals(app, detail, frame, deals_area);

    let activities: Vec<Line> = detail
        .activities
        .iter()
        .map(|a| {
            Line::from(format!(
                "{}  {:<7} {}",
                app.config.display.date_format.show(a.happened_on),
                a.kind,
                a.rep.as_deref().unwrap_or("")
            ))
        })
        .collect();
    draw_list(
        app,
        "Recent activity",
        activities,
        "no activity yet",
        frame,
        activity_area,
    );

    let tasks: Vec<Line> = detail
        .open_tasks
        .iter()
        .map(|t| {
            let due = t.due_on.map_or_else(
                || "no date   ".to_string(),
                |d| app.config.display.date_format.show(d),
            );
            let overdue = t.due_on.is_some_and(|d| d < app.as_of);
            let style = if overdue { theme.error } else { theme.text };
            Line::from(vec![
                Span::styled(due, style),
                Span::raw(format!("  {}  ", shown(&t.title))),
                Span::styled(
                    shown(t.rep.as_deref().unwrap_or_default()).into_owned(),
                    theme.muted,
                ),
            ])
        })
        .collect();
    draw_list(app, "Open tasks", tasks, "no open tasks", frame, task_area);
}

/// "V … · tier … · segment · propensity … · next …" for the customer, once the worker has
/// valued the customers; `None` before.
fn value_line(app: &App, customer_id: i64) -> Option<String> {
    let row = app.tiers.overview.as_ref()?.report.customer(customer_id)?;
    let mut parts = vec![
        format!("V {}", Money(row.value_cents).whole()),
        format!("tier {}", row.tier.label()),
        row.segment.clone().unwrap_or_else(|| NO_PURCHASE.into()),
    ];
    if let Some(set) = &app.scores.set {
        parts.push(match set.propensity.score_of(customer_id) {
            Some(score) => {
                let why: Vec<String> = score
                    .top
                    .iter()
                    .map(|c| format!("{} {:+.2}", c.column, c.logit))
                    .collect();
                format!(
                    "propensity {:.0}% ({})",
                    score.probability * 100.0,
                    why.join(", ")
                )
            }
            None => match &set.propensity.model {
                Err(why) => format!("no propensity score: {why}"),
                Ok(_) => "no propensity score".into(),
            },
        });
    }
    if let Some(next) = &row.next_product {
        parts.push(format!(
            "next {} {:.0}% ({} bought both)",
            next.product,
            next.probability * 100.0,
            next.support
        ));
    }
    Some(parts.join(" · "))
}

fn draw_deals(app: &App, detail: &CustomerDetail, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let title = if detail.deal_count > detail.deals.len() {
        format!("Deals ({} of {})", detail.deals.len(), detail.deal_count)
    } else {
        format!("Deals ({})", detail.deal_count)
    };
    let block = Block::new().title(Span::styled(title, theme.header));
    if detail.deals.is_empty() {
        frame.render_widget(
            Paragraph::new("no deals yet")
                .style(theme.muted)
                .block(block),
            area,
        );
        return;
    }
    let header = Row::new(["Stage", "Deal", "Amount", "Created", "Close"]).style(theme.muted);
    let rows = detail.deals.iter().map(|d| {
        let close = d.close_on.map_or_else(
            || "—".to_string(),
            |c| app.config.display.date_format.show(c),
        );
        let mut deal = shown(d.product.as_deref().unwrap_or(&d.title)).into_owned();
        if let Some(score) = app.scores.set.as_ref().and_then(|s| s.win.score_of(d.id)) {
            deal = format!("{deal} · win {:.0}%", score.probability * 100.0);
        }
        Row::new([
            Cell::from(d.stage.as_str()),
            Cell::from(deal),
            Cell::from(Line::from(d.amount.fitted(10)).right_aligned()),
            Cell::from(app.config.display.date_format.show(d.created_on)),
            Cell::from(close),
        ])
    });
    let widths = [
        Constraint::Length(11),
        Constraint::Min(8),
        Constraint::Length(10),
        Constraint::Length(10),
        Constraint::Length(10),
    ];
    frame.render_widget(Table::new(rows, widths).header(header).block(block), area);
}

fn draw_list(
    app: &App,
    title: &str,
    lines: Vec<Line<'static>>,
    empty: &str,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = &app.theme;
    let block = Block::new().title(Span::styled(format!(" {title}"), theme.header));
    let body = if lines.is_empty() {
        Paragraph::new(format!(" {empty}")).style(theme.muted)
    } else {
        Paragraph::new(lines)
    };
    frame.render_widget(body.block(block).wrap(Wrap { trim: false }), area);
}
