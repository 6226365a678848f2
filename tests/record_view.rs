//! The deal and customer records in the desk: opened with Enter from the board, the Customers
//! list and the Tasks screen (and by a second click), scrolled, jumped between with `c` and
//! Enter, unwound with Esc, and read again after every write.

mod common;

use common::{as_of, fixture_board};
use ratatui::crossterm::event::KeyCode;
use salesdesk::db::reads::{CustomerRecord, DealRecord};
use salesdesk::tui::App;
use salesdesk::tui::action::MouseKind;
use salesdesk::tui::app::Message;
use salesdesk::tui::effects::RecordRef;
use salesdesk::tui::headless::{Headless, buffer_text};
use salesdesk::tui::popups::record::Loaded;
use salesdesk::tui::screen::Screen;
use salesdesk::tui::screens::tasks::ListRow;

/// The demo book (300 customers, 2,000 deals, seed 7) as of the fixture date, on the board.
fn demo_desk(width: u16, height: u16) -> Headless {
    let mut opened = salesdesk::db::open(std::path::Path::new(":memory:")).unwrap();
    let options = salesdesk::db::demo::DemoOptions {
        customers: 300,
        deals: 2_000,
        months: 36,
        seed: 7,
        as_of: as_of(),
    };
    salesdesk::db::demo::generate(&mut opened.conn, &options, false).unwrap();
    let conn = opened.conn;
    let app = App::load(&conn, "demo.db".into(), as_of(), Message::info("Opened")).unwrap();
    let mut h = Headless::new(app, conn);
    h.app.theme = salesdesk::tui::theme::Theme::monochrome();
    h.resize(width, height);
    h.press(KeyCode::Char('1'));
    h
}

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings
}

/// The deal record on top, once read.
fn deal(h: &Headless) -> &DealRecord {
    match h.app.records.top_entry().map(|e| &e.loaded) {
        Some(Loaded::Deal(record)) => record,
        other => panic!("no deal record on top: {other:?}"),
    }
}

/// The customer record on top, once read.
fn customer(h: &Headless) -> &CustomerRecord {
    match h.app.records.top_entry().map(|e| &e.loaded) {
        Some(Loaded::Customer(record)) => record,
        other => panic!("no customer record on top: {other:?}"),
    }
}

/// Checks the frame never cuts a number short: no digit is followed by the ellipsis, and no
/// line is wider than the terminal.
fn nothing_cut_mid_number(h: &Headless) {
    let text = h.render_text();
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= usize::from(h.app.size.0),
            "{line}"
        );
        let chars: Vec<char> = line.chars().collect();
        for pair in chars.windows(2) {
            assert!(
                !(pair[0].is_ascii_digit() && pair[1] == '…'),
                "a number cut short in {line:?}"
            );
        }
    }
}

#[test]
fn a_deal_record_from_the_board_at_80_by_24_and_200_by_50() {
    for (width, height) in [(80, 24), (200, 50)] {
        let mut h = demo_desk(width, height);
        h.type_text("lll");
        let card = h.app.pipeline.selected_card().cloned().unwrap();
        h.press(KeyCode::Enter);
        assert_eq!(h.app.records.top(), Some(RecordRef::Deal(card.id)));
        let record = deal(&h);
        assert_eq!(record.title, card.title);
        assert_eq!(record.amount, card.amount);
        let text = h.render_text();
        assert!(text.contains(&format!("Deal #{} · ", card.id)), "{text}");
        assert!(
            text.contains("held-out AUC"),
            "how sure the model is:\n{text}"
        );
        nothing_cut_mid_number(&h);
        let name = format!("deal_record_{width}x{height}");
        snapshot_settings().bind(|| insta::assert_snapshot!(name, text));
        h.press(KeyCode::End);
        nothing_cut_mid_number(&h);
        let scrolled = h.render_text();
        assert!(scrolled.contains("Changes ("), "{scrolled}");
        if height == 24 {
            snapshot_settings().bind(|| insta::assert_snapshot!("deal_record_80x24_end", scrolled));
            h.press(KeyCode::Home);
            assert_eq!(h.render_text(), text, "Home scrolls back to the top");
        }
    }
}

#[test]
fn a_customer_record_from_the_customers_list_at_80_by_24_and_200_by_50() {
    for (width, height) in [(80, 24), (200, 50)] {
        let mut h = demo_desk(width, height);
        h.press(KeyCode::Char('2'));
        let row = h.app.customers.selected_row().cloned().unwrap();
        h.press(KeyCode::Enter);
        assert_eq!(h.app.records.top(), Some(RecordRef::Customer(row.id)));
        assert_eq!(customer(&h).name, row.name);
        nothing_cut_mid_number(&h);
        let name = format!("customer_record_{width}x{height}");
        snapshot_settings().bind(|| insta::assert_snapshot!(name, h.render_text()));
    }
}

#[test]
fn c_and_enter_jump_and_esc_unwinds_to_the_screen() {
    let mut h = fixture_board(100, 30);
    h.type_text("ll");
    let card = h.app.pipeline.selected_card().cloned().unwrap();
    h.press(KeyCode::Enter);
    assert_eq!(h.app.records.top(), Some(RecordRef::Deal(card.id)));
    let text = h.render_text();
    assert!(
        text.contains("Win       50% (the stage rate, not a model: no win model:"),
        "a thin book says the model fell back to stage rates:\n{text}"
    );
    let customer_id = deal(&h).customer.as_ref().map(|(id, _)| *id).unwrap();
    h.press(KeyCode::Char('c'));
    assert_eq!(h.app.records.top(), Some(RecordRef::Customer(customer_id)));
    let deals: Vec<i64> = customer(&h).deals.iter().map(|d| d.id).collect();
    assert_eq!(deals.len(), 4);
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.records.top(), Some(RecordRef::Deal(deals[1])));
    assert_eq!(h.app.records.len(), 3);
    h.press(KeyCode::Esc);
    assert_eq!(h.app.records.top(), Some(RecordRef::Customer(customer_id)));
    assert_eq!(
        h.app.records.top_entry().map(|e| e.cursor),
        Some(1),
        "the cursor stays where it was"
    );
    h.press(KeyCode::Esc);
    assert_eq!(h.app.records.top(), Some(RecordRef::Deal(card.id)));
    h.press(KeyCode::Esc);
    assert!(h.app.records.is_empty());
    assert_eq!(h.app.screen, Screen::Pipeline);
    assert!(h.render_text().contains("Proposal"), "the board again");
}

#[test]
fn a_write_and_its_undo_reload_the_record_on_top() {
    let mut h = fixture_board(100, 30);
    h.type_text("ll");
    let id = h.app.pipeline.selected_card().map(|c| c.id).unwrap();
    h.press(KeyCode::Char('>'));
    assert_eq!(
        h.app.pipeline.selected_card().map(|c| c.id),
        Some(id),
        "the cursor follows the card"
    );
    h.press(KeyCode::Enter);
    assert_eq!(deal(&h).stage, "Negotiation");
    assert_eq!(deal(&h).history.len(), 1, "{:?}", deal(&h).history);
    assert!(h.render_text().contains("Stage Proposal → Negotiation"));
    h.press(KeyCode::Char('c'));
    h.press(KeyCode::Char('u'));
    assert!(!h.app.records.top_entry().unwrap().reloading);
    assert_eq!(
        customer(&h).deals[0].stage,
        "Proposal",
        "the record on top read again"
    );
    h.press(KeyCode::Esc);
    assert_eq!(
        deal(&h).stage,
        "Proposal",
        "the one beneath read again on its return"
    );
    assert!(
        deal(&h).history[0].ends_with("(undone)"),
        "{:?}",
        deal(&h).history
    );
    h.press_with(
        KeyCode::Char('r'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    assert_eq!(deal(&h).stage, "Negotiation", "redo too");
}

#[test]
fn o_shows_the_owners_tasks_on_the_tasks_screen() {
    let mut h = fixture_board(100, 30);
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Enter);
    let (owner, name) = customer(&h).owner.clone().unwrap();
    h.press(KeyCode::Char('o'));
    assert!(h.app.records.is_empty());
    assert_eq!(h.app.screen, Screen::Tasks);
    assert_eq!(h.app.tasks.filter.rep_id, Some(owner));
    let shown: Vec<Option<i64>> = h
        .app
        .tasks
        .rows
        .iter()
        .filter_map(|r| match r {
            ListRow::Task(i) => Some(h.app.tasks.tasks()[*i].rep_id),
            ListRow::Rep(_) => None,
        })
        .collect();
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|r| *r == Some(owner)));
    assert!(h.render_text().contains(&name));
}

#[test]
fn enter_on_a_task_opens_its_deal_or_else_its_customer() {
    let mut h = fixture_board(100, 30);
    h.press(KeyCode::Char('5'));
    let task = h.app.tasks.selected_task().cloned().unwrap();
    assert_eq!(task.deal_id, None);
    h.press(KeyCode::Enter);
    let expected = task.customer_id.map(RecordRef::Customer);
    assert_eq!(h.app.records.top(), expected);
    assert_eq!(Some(customer(&h).name.clone()), task.customer);

    let mut h = demo_desk(100, 30);
    h.press(KeyCode::Char('5'));
    let with_deal = h.app.tasks.tasks().iter().position(|t| t.deal_id.is_some());
    let at = h
        .app
        .tasks
        .rows
        .iter()
        .position(|r| matches!(r, ListRow::Task(i) if Some(*i) == with_deal))
        .unwrap();
    let moves = h.app.tasks.rows[..at]
        .iter()
        .filter(|r| matches!(r, ListRow::Task(_)))
        .count();
    for _ in 0..moves {
        h.press(KeyCode::Char('j'));
    }
    let task = h.app.tasks.selected_task().cloned().unwrap();
    h.press(KeyCode::Enter);
    assert_eq!(h.app.records.top(), task.deal_id.map(RecordRef::Deal));
    assert_eq!(Some(deal(&h).title.clone()), task.deal);
}

#[test]
fn enter_on_customers_opens_the_record_and_d_the_detail_pane() {
    let mut h = fixture_board(120, 30);
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Char('d'));
    assert!(h.app.records.is_empty());
    assert!(h.app.customers.detail.customer_id().is_some());
    h.press(KeyCode::Enter);
    let id = h.app.customers.selected_row().map(|r| r.id).unwrap();
    assert_eq!(h.app.records.top(), Some(RecordRef::Customer(id)));
    h.press(KeyCode::Char('3'));
    assert!(
        h.app.records.is_empty(),
        "switching screens closes the records"
    );
    assert_eq!(h.app.screen, Screen::Tiers);
}

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

#[test]
fn a_second_click_opens_a_customer_and_a_click_on_a_deal_line_opens_the_deal() {
    let mut h = fixture_board(100, 30);
    h.press(KeyCode::Char('2'));
    let (x, y) = find(&h, "Orion Retail");
    h.mouse(MouseKind::LeftClick, x, y);
    assert!(h.app.records.is_empty(), "the first click selects");
    h.mouse(MouseKind::LeftClick, x, y);
    let id = h.app.customers.selected_row().map(|r| r.id).unwrap();
    assert_eq!(h.app.records.top(), Some(RecordRef::Customer(id)));
    let open = customer(&h)
        .deals
        .iter()
        .find(|d| d.stage == "Proposal")
        .cloned()
        .unwrap();
    let (x, y) = find(&h, &open.title);
    h.mouse(MouseKind::LeftClick, x, y);
    assert_eq!(h.app.records.top(), Some(RecordRef::Deal(open.id)));
    h.mouse(MouseKind::WheelDown, x, y);
    assert_eq!(
        h.app.records.len(),
        2,
        "the wheel scrolls, it opens nothing"
    );
}

#[test]
fn the_keys_are_in_the_help() {
    let mut h = fixture_board(100, 30);
    h.type_text("ll");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('?'));
    let help: String = (0..40)
        .map(|_| {
            let text = h.render_text();
            h.press(KeyCode::PageDown);
            text
        })
        .collect();
    for words in [
        "Deal or customer record",
        "open the deal's customer",
        "the owner's tasks on the Tasks screen",
        "open the deal's record",
    ] {
        assert!(help.contains(words), "{words} missing from the help");
    }
}

#[test]
fn a_second_click_on_the_selected_card_opens_its_deal() {
    let mut h = fixture_board(140, 30);
    h.type_text("ll");
    let card = h.app.pipeline.selected_card().cloned().unwrap();
    let area = ratatui::layout::Rect::new(0, 0, 140, 30);
    let [_, body, _] = salesdesk::tui::layout::main_areas(area);
    let [_, board, _] = salesdesk::tui::layout::pipeline_areas(body);
    let rect = salesdesk::tui::layout::board_columns(board, h.app.pipeline.column_count())
        [h.app.pipeline.column];
    let customer = card.customer.clone().unwrap();
    let text = h.render_text();
    let y = text
        .lines()
        .position(|line| {
            let cells: String = line
                .chars()
                .skip(usize::from(rect.x))
                .take(usize::from(rect.width))
                .collect();
            cells.contains(&customer)
        })
        .expect("the card's customer in its column") as u16;
    h.mouse(MouseKind::LeftClick, rect.x + 3, y + 1);
    assert_eq!(h.app.records.top(), Some(RecordRef::Deal(card.id)));
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('j'));
    h.mouse(MouseKind::LeftClick, rect.x + 3, y + 1);
    assert!(
        h.app.records.is_empty(),
        "a click on another card selects it"
    );
    assert_eq!(h.app.pipeline.selected_card().map(|c| c.id), Some(card.id));
}

#[test]
fn goto_from_the_palette_closes_the_records_and_shows_the_screen() {
    let mut h = fixture_board(100, 30);
    h.type_text("ll");
    h.press(KeyCode::Enter);
    assert!(!h.app.records.is_empty());
    h.press(KeyCode::Char(':'));
    h.type_text("goto customer Orion Retail");
    h.press(KeyCode::Enter);
    assert!(h.app.records.is_empty());
    assert_eq!(h.app.screen, Screen::Customers);
}

#[test]
fn on_a_customer_j_and_k_move_over_the_deals_in_sight_then_read_on() {
    let mut h = fixture_board(72, 14);
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Enter);
    let entry = |h: &Headless| {
        let e = h.app.records.top_entry().unwrap();
        (e.cursor, e.scroll)
    };
    for i in 1..4 {
        h.press(KeyCode::Char('j'));
        assert_eq!(entry(&h).0, i);
        assert!(h.render_text().contains('▸'), "the cursor stays in sight");
    }
    let (_, scroll) = entry(&h);
    h.press(KeyCode::Char('j'));
    assert_eq!(entry(&h), (3, scroll + 1), "past the last deal j reads on");
    h.press(KeyCode::Char('k'));
    assert_eq!(entry(&h).0, 2);
    assert!(h.render_text().contains('▸'));
    h.press(KeyCode::Home);
    assert_eq!(entry(&h), (0, 0));
    h.press(KeyCode::End);
    assert_eq!(entry(&h).0, 3);
    assert!(entry(&h).1 > scroll);
    h.press(KeyCode::PageUp);
    assert!(
        h.render_text().contains('▸'),
        "paging keeps the cursor on a deal in sight"
    );
}

#[test]
fn a_long_note_wraps_under_its_date_at_80_by_24_and_no_number_is_cut() {
    let mut h = fixture_board(80, 24);
    h.type_text("ll");
    let card = h.app.pipeline.selected_card().cloned().unwrap();
    let note = "Called the buyer about the renewal of 1,250 seats at $48.50 each; \
                they want a 12-month term starting 2027-01-01 and a second call on Friday.";
    h.conn()
        .execute(
            "INSERT INTO activities (customer_id, deal_id, rep_id, kind, happened_on, text)
             VALUES (1, ?1, 1, 'call', '2026-11-20', ?2)",
            rusqlite::params![card.id, note],
        )
        .unwrap();
    h.press(KeyCode::Enter);
    nothing_cut_mid_number(&h);
    let text = h.render_text();
    let start = text
        .find("2026-11-20  call · Ann Lee — Called")
        .expect(&text);
    let block: Vec<&str> = text[start..].lines().take(3).collect();
    assert!(block[1].starts_with("              "), "{block:?}");
    let words: Vec<&str> = block.iter().flat_map(|l| l.split_whitespace()).collect();
    for word in note.split_whitespace() {
        assert!(words.contains(&word), "{word} missing from {block:?}");
    }
}
