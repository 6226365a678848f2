//! The pipeline board: a KPI strip, a column per open stage of the pipeline shown and the
//! period's Won/Lost column.
//! Only the visible cards of each column are drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::db::board::{Card, Totals};
use crate::domain::display_text::shown;
use crate::domain::{Stage, group_thousands};
use crate::tui::app::App;
use crate::tui::layout::{self, CARD_LINES};
use crate::tui::screens::pipeline::PipelineState;
use crate::tui::screens::pipeline::popups;
use crate::tui::screens::pipeline::{category, deal_score, kpi_strip, quota};
use crate::tui::widgets::text::count;

/// Draws the board into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    if app.pipeline.list.shown {
        super::list::view::draw(app, frame, area);
        popups::draw(app, frame, area);
        return;
    }
    let [strip, board, selected] = layout::pipeline_areas(area);
    kpi_strip::draw(app, frame, strip);
    let count = app.pipeline.column_count();
    for (column, rect) in layout::board_columns(board, count).into_iter().enumerate() {
        draw_column(app, column, frame, rect);
    }
    deal_score::draw_selected(app, frame, selected);
    if app.pipeline.show_quota {
        quota::draw(app, frame, board);
    }
    popups::draw(app, frame, area);
    if let Some(step) = &app.pipeline.list.bulk {
        super::list::view::draw_bulk(app, step, frame, area);
    }
}

fn draw_column(app: &App, column: usize, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let p = &app.pipeline;
    let focused = column == p.column;
    let title = match p.column_stage(column) {
        None => "Won/Lost".to_string(),
        Some(stage) if p.filter.pipeline_id.is_some() => p.catalogue.name(stage).to_string(),
        // All pipelines: the stage first, so a narrow column still shows it.
        Some(stage) => {
            let pipeline = p.catalogue.pipeline_of(stage);
            let name = pipeline.and_then(|id| p.catalogue.pipeline(id));
            format!(
                "{} · {}",
                p.catalogue.name(stage),
                name.map_or("", |n| n.name.as_str())
            )
        }
    };
    let title_style = if focused {
        theme.selected
    } else {
        theme.accent
    };
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), title_style))
        .border_style(if focused { theme.accent } else { theme.border });
    frame.render_widget(block, area);
    let [header, cards] = layout::column_parts(area);
    frame.render_widget(
        Paragraph::new(header_lines(app, column, usize::from(header.width))).style(theme.muted),
        header,
    );

    let list = p.column_cards(column);
    if list.is_empty() {
        frame.render_widget(Paragraph::new("no deals").style(theme.muted), cards);
        return;
    }
    let width = usize::from(cards.width);
    let rows = usize::from(cards.height / CARD_LINES);
    let mut lines = Vec::new();
    let (offset, chosen) = (p.offset.get(column), p.selected.get(column));
    for (i, card) in list
        .iter()
        .enumerate()
        .skip(offset.copied().unwrap_or(0))
        .take(rows)
    {
        let selected = focused && chosen == Some(&i);
        lines.extend(card_lines(app, card, width, selected));
    }
    frame.render_widget(Paragraph::new(lines), cards);
}

fn header_lines(app: &App, column: usize, width: usize) -> Vec<Line<'static>> {
    let p = &app.pipeline;
    let Some(totals) = &p.totals else {
        return vec![Line::from("counting…")];
    };
    if p.column_stage(column).is_none() {
        let forms = |label: &str, sign: &str, t: &Totals| {
            let n = group_thousands(t.count.unsigned_abs().into());
            let sum = t.sum.compact();
            [
                format!("{label} {n} · {sum}"),
                format!("{label} {n} {sum}"),
                format!("{sign}{n} {sum}"),
                format!("{sign}{n}"),
            ]
        };
        let won_forms = forms("Won", "✓", &totals.won);
        let lost_forms = forms("Lost", "✗", &totals.lost);
        // Won and Lost in the same form, the fullest that fits both.
        let form = (0..won_forms.len())
            .find(|&i| won_forms[i].width() <= width && lost_forms[i].width() <= width)
            .unwrap_or(won_forms.len() - 1);
        let line = |forms: &[String; 4]| fit(&forms[form], width);
        let won = totals.won.count;
        let closed = won + totals.lost.count;
        let rate = if closed > 0 {
            let rate = 100.0 * won as f64 / closed as f64;
            first_fitting(
                &[format!("win rate {rate:.0}%"), format!("won {rate:.0}%")],
                width,
            )
        } else {
            String::new()
        };
        return vec![
            Line::from(line(&won_forms)),
            Line::from(line(&lost_forms)),
            Line::from(rate),
        ];
    }
    let Some(t) = p.stage_totals(column) else {
        return Vec::new();
    };
    // Every open column in the same forms: the fullest that fits all of them.
    let open = 0..p.stages.len();
    let counts: Vec<[String; 3]> = open.clone().map(|c| count_forms(p, c)).collect();
    let weights: Vec<[String; 3]> = open.map(|c| weighted_forms(p, c)).collect();
    let form = |all: &[[String; 3]]| {
        (0..3)
            .find(|&i| all.iter().all(|forms| forms[i].width() <= width))
            .unwrap_or(2)
    };
    vec![
        Line::from(fit(&counts[column][form(&counts)], width)),
        Line::from(format!("{} total", t.sum.compact())),
        Line::from(fit(&weights[column][form(&weights)], width)),
    ]
}

/// The count line of an open column, fullest form first: how many deals, and how many of them
/// are loaded when not all are.
fn count_forms(p: &PipelineState, column: usize) -> [String; 3] {
    let total = p.stage_totals(column).map_or(0, |t| t.count);
    let deals = count(total, "deal");
    let shown = p.column_cards(column).len();
    if total as usize > shown {
        [
            format!("{deals} ({shown} loaded)"),
            format!("{deals} ({shown})"),
            deals,
        ]
    } else {
        [deals.clone(), deals.clone(), deals]
    }
}

/// The weighted line of an open column, fullest form first.
fn weighted_forms(p: &PipelineState, column: usize) -> [String; 3] {
    let weighted = p
        .stage_totals(column)
        .map_or_else(String::new, |t| t.weighted.compact());
    let rate = p
        .column_stage(column)
        .map_or(0, |s| p.default_probability(s))
        / 100;
    [
        format!("{weighted} weighted · {rate}%"),
        format!("{weighted} wtd · {rate}%"),
        format!("{weighted} wtd"),
    ]
}

/// The first of `candidates` (longest first) that fits `width`, else the last one cut to fit.
fn first_fitting(candidates: &[String], width: usize) -> String {
    candidates
        .iter()
        .find(|c| c.width() <= width)
        .cloned()
        .unwrap_or_else(|| fit(candidates.last().map_or("", String::as_str), width))
}

fn card_lines(app: &App, card: &Card, width: usize, selected: bool) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let p = &app.pipeline;
    let base = if selected { theme.selected } else { theme.text };
    let dates = &app.config.display.date_format;
    let star = if card.probability_bp.is_some() {
        "*"
    } else {
        ""
    };
    let customer = card
        .customer
        .as_deref()
        .map_or_else(|| "(no customer)".into(), |name| shown(name).into_owned());
    let customer = if p.list.selected.contains(&card.id) {
        format!("✓ {customer}")
    } else {
        customer
    };
    let mark = match card.closed_on {
        None => category::in_force(app, card.id, card.stage, card.probability_bp, card.category)
            .map_or(String::new(), |c| format!("{} ", category::mark(c))),
        Some(_) => String::new(),
    };
    let mut amount = format!("{mark}{}{star}", card.amount.fitted(width / 2));
    let compact = format!("{mark}{}{star}", card.amount.compact());
    if customer.width() + 1 + amount.width() > width
        && customer.width() + 1 + compact.width() <= width
    {
        amount = compact;
    }
    let first = pad_between(&customer, &amount, width);
    let mut second = fit(&shown(&card.title), width);
    let stale = card.closed_on.is_none() && p.is_stale(card, app.as_of);
    let third = match card.closed_on {
        Some(closed) => closed_card_line(card, &dates.show(closed), width),
        None => {
            let days = (app.as_of - card.stage_since).num_days().max(0);
            let mark = if stale { "⚠ " } else { "" };
            let win = deal_score::card_win(app, card);
            let close = card.expected_close_on.map(|d| dates.show(d));
            let line = open_card_line(win.clone(), mark, days, close, width);
            if let Some(win) = win.filter(|w| !line.contains(w.as_str())) {
                // No room beside the close date: the bare percentage ends the title line.
                let percent = win.rsplit(' ').next().unwrap_or(&win).to_string();
                second = pad_between(&shown(&card.title), &percent, width);
            }
            line
        }
    };
    let third_style = if selected {
        base
    } else if stale {
        theme.warning
    } else {
        theme.muted
    };
    vec![
        Line::from(Span::styled(first, base.patch(theme.card_heading))),
        Line::from(Span::styled(second, base)),
        Line::from(Span::styled(fit(&third, width), third_style)),
        Line::default(),
    ]
}

/// A closed card's last line: Won or Lost, the day and the reason; on a narrow card a ✓ or ✗
/// stands for the stage so the day shows whole.
fn closed_card_line(card: &Card, day: &str, width: usize) -> String {
    let sign = if card.stage == Stage::Won {
        "✓"
    } else {
        "✗"
    };
    let mut candidates = Vec::new();
    let outcome = if card.stage == Stage::Won {
        "Won"
    } else {
        "Lost"
    };
    if let Some(reason) = &card.lost_reason {
        candidates.push(format!("{outcome} {day} · {reason}"));
    }
    candidates.push(format!("{outcome} {day}"));
    candidates.push(format!("{sign} {day}"));
    let last = candidates.len() - 1;
    let chosen = candidates
        .iter()
        .position(|line| line.width() <= width)
        .unwrap_or(last);
    if chosen == 0 || card.lost_reason.is_none() || candidates[chosen].width() + 6 > width {
        return candidates[chosen].clone();
    }
    // The reason no longer fits whole: it follows the day as far as it goes.
    let reason = card.lost_reason.as_deref().unwrap_or_default();
    fit(&format!("{} · {reason}", candidates[chosen]), width)
}

/// An open card's last line: win chance, stale mark, days in stage and the close date, the
/// word, the days, then the win chance given up so the close date always shows whole.
fn open_card_line(
    win: Option<String>,
    mark: &str,
    days: i64,
    date: Option<String>,
    width: usize,
) -> String {
    let with_word = date
        .as_ref()
        .map_or_else(|| "no close date".to_string(), |d| format!("closes {d}"));
    let bare = date.unwrap_or_else(|| "no date".to_string());
    let win = win.map_or_else(String::new, |w| w + " · ");
    let candidates = [
        format!("{win}{mark}{days}d · {with_word}"),
        format!("{win}{mark}{days}d · {bare}"),
        format!("{win}{mark}{bare}"),
        format!("{mark}{days}d · {bare}"),
        format!("{mark}{bare}"),
    ];
    candidates
        .iter()
        .find(|line| line.width() <= width)
        .unwrap_or(&candidates[4])
        .clone()
}

/// `left` and `right` on one line of `width`, the left cut to make room.
fn pad_between(left: &str, right: &str, width: usize) -> String {
    let room = width.saturating_sub(right.width() + 1);
    let left = fit(left, room);
    let gap = width.saturating_sub(left.width() + right.width());
    format!("{left}{}{right}", " ".repeat(gap))
}

/// `text` cut to `width` display cells, with "…" when cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_close_date_stays_whole_as_the_card_narrows() {
        let close = || Some("2026-12-01".to_string());
        let win = || Some("win 42%".to_string());
        assert_eq!(
            open_card_line(win(), "", 12, close(), 40),
            "win 42% · 12d · closes 2026-12-01"
        );
        assert_eq!(
            open_card_line(win(), "", 12, close(), 26),
            "win 42% · 12d · 2026-12-01"
        );
        assert_eq!(
            open_card_line(win(), "", 12, close(), 21),
            "win 42% · 2026-12-01"
        );
        assert_eq!(
            open_card_line(win(), "⚠ ", 12, close(), 18),
            "⚠ 12d · 2026-12-01"
        );
        assert_eq!(open_card_line(win(), "", 12, close(), 12), "2026-12-01");
    }

    #[test]
    fn text_is_cut_by_display_width() {
        assert_eq!(fit("東京精密工業", 7), "東京精…");
        assert_eq!(fit("short", 10), "short");
        assert_eq!(pad_between("Acme", "$1,000", 12), "Acme  $1,000");
        assert_eq!(pad_between("Northwind Traders", "$1,000", 12).width(), 12);
    }
}
