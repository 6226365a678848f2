//! Mouse events drive selection: a click on a tab switches screen, a click on a row, card or
//! tier selects it (and the frame then shows that very line reversed), the wheel moves like j/k
//! and scrolls the overlays, and nothing happens behind a popup. Random events never panic.

mod common;

use clap::Parser;
use common::{fixture_app, fixture_board};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use rusqlite::params;
use salesdesk::cli::Cli;
use salesdesk::tui::action::{Action, MouseInput, MouseKind};
use salesdesk::tui::headless::{Headless, buffer_text};
use salesdesk::tui::layout;
use salesdesk::tui::mouse::WHEEL_LINES;
use salesdesk::tui::screen::Screen;
use salesdesk::tui::screens::tasks::ListRow;

use MouseKind::{LeftClick, WheelDown, WheelUp};

/// The first row whose text contains `needle`, and the column it starts at.
fn find(h: &Headless, needle: &str) -> (u16, u16) {
    let text = buffer_text(&h.render());
    for (y, line) in text.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = unicode_width::UnicodeWidthStr::width(&line[..byte]);
            return (x as u16, y as u16);
        }
    }
    panic!("{needle:?} not on screen:\n{text}");
}

/// True when the cell at (`x`, `y`) of a fresh frame is drawn reversed (selected).
fn reversed(h: &Headless, x: u16, y: u16) -> bool {
    let buffer: Buffer = h.render();
    buffer[(x, y)].modifier.contains(Modifier::REVERSED)
}

#[test]
fn a_click_on_each_tab_shows_its_screen_wherever_on_the_label() {
    let mut h = fixture_board(120, 30);
    for screen in Screen::ALL {
        let label = format!("{} {}", screen.digit(), screen.title());
        let (x, y) = find(&h, &label);
        let last = x + label.len() as u16 - 1;
        h.mouse(LeftClick, last, y);
        assert_eq!(h.app.screen, screen, "click on the end of {label}");
        h.press(KeyCode::Char('1'));
        h.mouse(LeftClick, x, y);
        assert_eq!(h.app.screen, screen, "click on the start of {label}");
        assert!(reversed(&h, x, y), "the clicked tab is the one highlighted");
    }
}

#[test]
fn a_click_on_a_customer_row_selects_it_and_that_line_shows_selected() {
    let mut h = fixture_app(100, 30);
    let (x, y) = find(&h, "Orion Retail");
    h.mouse(LeftClick, x, y);
    let row = h.app.customers.selected_row().map(|r| r.name.clone());
    assert_eq!(row.as_deref(), Some("Orion Retail"));
    assert!(reversed(&h, x, y));
    let before = h.app.customers.selected;
    let (hx, hy) = find(&h, "Name");
    h.mouse(LeftClick, hx, hy);
    assert_eq!(
        h.app.customers.selected, before,
        "the header selects nothing"
    );
}

#[test]
fn the_wheel_moves_the_customer_selection_like_j_and_k() {
    let mut h = fixture_app(100, 30);
    let start = h.app.customers.selected;
    h.mouse(WheelDown, 10, 10);
    h.mouse(WheelDown, 10, 10);
    assert_eq!(h.app.customers.selected, start + 2);
    h.mouse(WheelUp, 10, 10);
    assert_eq!(h.app.customers.selected, start + 1);
}

#[test]
fn a_click_on_a_card_selects_its_column_and_card() {
    let mut h = fixture_board(140, 30);
    let columns: Vec<usize> = (0..5)
        .filter(|&c| h.app.pipeline.column_cards(c).len() >= 2)
        .collect();
    let column = *columns.last().expect("a column with two cards");
    let card = h.app.pipeline.column_cards(column)[1].clone();
    let title = card.title.clone();
    let [_, body, _] = layout::main_areas(Rect::new(0, 0, 140, 30));
    let [_, board, _] = layout::pipeline_areas(body);
    let rect = layout::board_columns(board, h.app.pipeline.column_count())[column];
    let text = buffer_text(&h.render());
    let customer = card.customer.expect("a customer");
    let y = text
        .lines()
        .position(|line| {
            line.char_indices().any(|(i, _)| {
                line[i..].starts_with(&customer)
                    && unicode_width::UnicodeWidthStr::width(&line[..i]) >= usize::from(rect.x)
                    && unicode_width::UnicodeWidthStr::width(&line[..i]) < usize::from(rect.right())
            })
        })
        .expect("the card's customer in its column") as u16;
    // The title line, under the customer line.
    let (x, y) = (rect.x + 3, y + 1);
    h.mouse(LeftClick, x, y);
    assert_eq!(h.app.pipeline.column, column);
    assert_eq!(h.app.pipeline.selected[column], 1);
    assert_eq!(
        h.app.pipeline.selected_card().map(|c| c.title.clone()),
        Some(title)
    );
    assert!(reversed(&h, x, y));
    h.mouse(WheelUp, x, y);
    assert_eq!(h.app.pipeline.selected[column], 0, "the wheel moves like k");
}

#[test]
fn a_click_on_a_task_line_moves_the_cursor_and_rep_headers_are_not_selectable() {
    let mut h = fixture_board(140, 30);
    h.press(KeyCode::Char('5'));
    let tasks = h.app.tasks.tasks().to_vec();
    let target = tasks.last().expect("tasks").title.clone();
    let (x, y) = find(&h, &target);
    h.mouse(LeftClick, x, y);
    assert_eq!(
        h.app.tasks.selected_task().map(|t| t.title.clone()),
        Some(target)
    );
    assert!(reversed(&h, x, y));
    let cursor = h.app.tasks.cursor;
    let (rx, ry) = find(&h, "▸ Ann Lee");
    h.mouse(LeftClick, rx, ry);
    assert!(matches!(
        h.app.tasks.rows.get(cursor),
        Some(ListRow::Task(_))
    ));
    assert_eq!(h.app.tasks.cursor, cursor, "a rep header is not selectable");
}

#[test]
fn a_click_on_a_tier_or_segment_row_selects_it() {
    let mut h = fixture_board(140, 34);
    h.press(KeyCode::Char('3'));
    let report = h.app.tiers.overview.as_ref().expect("tiers").report.clone();
    let (x, ty) = find(&h, &format!("││{} ", report.tiers[1].name));
    let tx = x + 2;
    h.mouse(LeftClick, tx, ty);
    assert_eq!(h.app.tiers.selected, 1);
    assert!(reversed(&h, tx, ty));
    let segment = report.segments.last().expect("segments").name.clone();
    let (sx, sy) = find(&h, &segment);
    h.mouse(LeftClick, sx, sy);
    assert_eq!(
        h.app.tiers.selected,
        report.tiers.len() + report.segments.len() - 1
    );
    assert!(reversed(&h, sx, sy));
}

#[test]
fn the_wheel_steps_through_the_forecast_groups() {
    let mut h = fixture_board(120, 34);
    h.press(KeyCode::Char('4'));
    h.press(KeyCode::Char('b'));
    let groups = h.app.forecast.groups().len();
    assert!(groups >= 2, "a breakdown with several groups");
    h.mouse(WheelDown, 30, 10);
    assert_eq!(h.app.forecast.selected, 1);
    h.mouse(WheelUp, 30, 10);
    h.mouse(WheelUp, 30, 10);
    assert_eq!(h.app.forecast.selected, groups - 1, "it wraps like k");
}

/// The board with three channels and a year of months, on the Channels screen.
fn channels_screen() -> Headless {
    let mut h = fixture_board(120, 34);
    h.conn()
        .execute_batch(
            "INSERT INTO channels (id, name) VALUES (1, 'Search'), (2, 'Events'), (3, 'Radio');",
        )
        .expect("channels");
    for month in 1..=12u32 {
        for id in 1..=3i64 {
            let spend = 1_000.0 * f64::from(month * (id as u32 + 2) % 11 + 1);
            let revenue = 4_000.0 * (spend / 1_000.0).ln() + 9_000.0;
            h.conn()
                .execute(
                    "INSERT INTO channel_months (channel_id, month, spend_cents, revenue_cents)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![
                        id,
                        format!("2025-{month:02}"),
                        (spend * 100.0) as i64,
                        (revenue * 100.0) as i64
                    ],
                )
                .expect("month");
        }
    }
    h.press(KeyCode::Char('6'));
    h
}

#[test]
fn a_click_on_a_channel_row_selects_it() {
    let mut h = channels_screen();
    let (x, y) = find(&h, "Radio");
    h.mouse(LeftClick, x, y);
    let model = h.app.channels.model.as_ref().expect("fits");
    let radio = model.fitted.iter().position(|c| c.name == "Radio");
    assert_eq!(Some(h.app.channels.selected), radio);
    assert!(reversed(&h, x, y));
}

#[test]
fn the_wheel_scrolls_the_help_and_history_overlays_three_lines_a_notch() {
    let mut h = fixture_app(100, 30);
    h.press(KeyCode::Char('?'));
    let selected = h.app.customers.selected;
    h.mouse(WheelDown, 50, 10);
    h.mouse(WheelDown, 50, 10);
    assert_eq!(h.app.help, Some(2 * WHEEL_LINES));
    h.mouse(WheelUp, 50, 10);
    assert_eq!(h.app.help, Some(WHEEL_LINES));
    h.mouse(LeftClick, 50, 0);
    assert_eq!(
        h.app.screen,
        Screen::Customers,
        "tabs do not click through help"
    );
    assert_eq!(
        h.app.customers.selected, selected,
        "the list stays put behind it"
    );
    h.press(KeyCode::Char('?'));

    h.press(KeyCode::Char(':'));
    h.type_text("history");
    h.press(KeyCode::Enter);
    assert!(h.app.history.is_some());
    h.mouse(WheelDown, 50, 10);
    assert_eq!(h.app.history.as_ref().map(|v| v.scroll), Some(WHEEL_LINES));
    h.mouse(WheelUp, 50, 10);
    h.mouse(WheelUp, 50, 10);
    assert_eq!(h.app.history.as_ref().map(|v| v.scroll), Some(0));
}

#[test]
fn clicks_and_the_wheel_are_ignored_behind_popups_and_text_fields() {
    let mut h = fixture_app(100, 30);
    let (x, y) = find(&h, "Orion Retail");
    h.press(KeyCode::Char('f'));
    assert!(h.app.customers.filter_editor.is_some());
    let before = h.app.clone();
    h.mouse(LeftClick, x, y);
    h.mouse(WheelDown, x, y);
    h.mouse(LeftClick, 20, 0);
    assert_eq!(h.app, before);
    h.press(KeyCode::Esc);

    let mut board = fixture_board(140, 30);
    board.press(KeyCode::Char('l'));
    board.press(KeyCode::Char('l'));
    board.press(KeyCode::Char('e'));
    assert!(board.app.pipeline.form.is_some());
    let before = board.app.clone();
    board.mouse(LeftClick, 60, 15);
    board.mouse(WheelDown, 60, 15);
    assert_eq!(board.app, before);
}

#[test]
fn no_mouse_is_a_global_flag() {
    let cli = Cli::try_parse_from(["salesdesk", "--no-mouse"]).expect("parses");
    assert!(cli.no_mouse);
    let cli = Cli::try_parse_from(["salesdesk"]).expect("parses");
    assert!(!cli.no_mouse);
    let cli = Cli::try_parse_from(["salesdesk", "report", "pipeline", "--no-mouse"])
        .expect("parses after a subcommand");
    assert!(cli.no_mouse);
}

/// Every selection index is inside its list (or 0 when the list is empty).
fn assert_selections_in_range(h: &Headless) {
    let app = &h.app;
    let within = |i: usize, len: usize| i < len.max(1);
    let p = &app.pipeline;
    assert!(p.column < 5);
    for c in 0..5 {
        assert!(within(p.selected[c], p.column_cards(c).len()), "column {c}");
    }
    assert!(within(app.customers.selected, app.customers.visible_len()));
    assert!(within(app.tasks.cursor, app.tasks.rows.len()));
    assert!(within(app.tiers.selected, app.tiers.group_count()));
    assert!(within(app.forecast.selected, app.forecast.groups().len()));
    let channels = app.channels.model.as_ref().map_or(0, |m| m.fitted.len());
    assert!(within(app.channels.selected, channels));
}

fn any_mouse() -> impl Strategy<Value = MouseInput> {
    (
        prop_oneof![Just(LeftClick), Just(WheelUp), Just(WheelDown)],
        0u16..400,
        0u16..120,
    )
        .prop_map(|(kind, column, row)| MouseInput { kind, column, row })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn random_mouse_events_on_every_screen_never_panic_and_keep_selections_in_range(
        screen in 0..Screen::ALL.len(),
        width in 1u16..260,
        height in 1u16..80,
        events in prop::collection::vec(any_mouse(), 1..40),
    ) {
        let mut h = fixture_board(120, 34);
        h.press(KeyCode::Char(Screen::ALL[screen].digit()));
        h.resize(width, height);
        for event in events {
            h.apply(Action::Mouse(event));
            assert_selections_in_range(&h);
        }
        h.render();
    }
}
