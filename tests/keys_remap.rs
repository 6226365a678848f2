//! Keys from a config file: remapped keys change what a press does, key sequences wait for their
//! second key, and the help and hints show the keys as remapped.

mod common;

use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use salesdesk::config;
use salesdesk::tui::App;
use salesdesk::tui::app::Message;
use salesdesk::tui::headless::Headless;

/// The fixture board with the keys of `toml`.
fn board_with(toml: &str) -> Headless {
    let loaded = config::parse(Path::new("keys.toml"), toml).unwrap();
    let conn = common::fixture_db();
    let app = App::load_configured(
        &conn,
        "fixture.db".into(),
        common::as_of(),
        Message::default(),
        &loaded,
    )
    .unwrap();
    let mut h = Headless::new(app, conn);
    h.app.theme = salesdesk::tui::theme::Theme::monochrome();
    h.resize(140, 30);
    h
}

fn stage_of(h: &Headless, id: i64) -> String {
    h.conn()
        .query_row("SELECT stage FROM deals WHERE id = ?1", [id], |r| r.get(0))
        .unwrap()
}

const VIM_LIKE: &str = r#"
[keys.pipeline]
mark_won = "W"
top = "g g"
bottom = "G"

[keys.global]
quit = "<Ctrl-q>"
toggle_help = ["?", "<F1>"]
"#;

#[test]
fn a_remapped_key_does_the_action_and_the_old_key_does_nothing() {
    let mut h = board_with(VIM_LIKE);
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Char('l'));
    let id = h.app.pipeline.selected_card().map(|c| c.id).unwrap();
    h.press(KeyCode::Char('w'));
    assert_eq!(stage_of(&h, id), "Proposal", "w is no longer bound");
    h.press(KeyCode::Char('W'));
    assert_eq!(stage_of(&h, id), "Won");

    h.press(KeyCode::Char('q'));
    assert!(!h.app.quit, "q no longer quits");
    h.press_with(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert!(h.app.quit);
}

#[test]
fn a_key_sequence_waits_for_its_second_key() {
    let mut h = board_with(VIM_LIKE);
    let column = (0..4)
        .max_by_key(|&c| h.app.pipeline.cards.open[c].len())
        .unwrap();
    for _ in 0..column {
        h.press(KeyCode::Char('l'));
    }
    h.press(KeyCode::Char('G'));
    let last = h.app.pipeline.selected[column];
    assert!(last > 0, "the fixture's first column has several cards");
    h.press(KeyCode::Char('g'));
    assert_eq!(h.app.pending_keys.len(), 1);
    assert!(
        h.render_text().contains("g…"),
        "the status line shows the pending key"
    );
    assert_eq!(h.app.pipeline.selected[column], last, "nothing happens yet");
    h.press(KeyCode::Char('g'));
    assert!(h.app.pending_keys.is_empty());
    assert_eq!(h.app.pipeline.selected[column], 0);

    h.press(KeyCode::Char('G'));
    h.press(KeyCode::Char('g'));
    h.press(KeyCode::Char('k'));
    assert!(
        h.app.pending_keys.is_empty(),
        "a key that breaks the sequence ends it"
    );
    assert_eq!(
        h.app.pipeline.selected[column],
        last - 1,
        "and is read on its own"
    );
}

#[test]
fn help_and_hints_show_the_remapped_keys() {
    let mut h = board_with(VIM_LIKE);
    h.press(KeyCode::F(1));
    assert!(h.app.help.is_some(), "F1 opens the help");
    let mut text = String::new();
    for _ in 0..200 {
        text.push_str(&h.render_text());
        h.press(KeyCode::Char('j'));
    }
    let won_line = text
        .lines()
        .find(|l| l.contains("mark the deal Won"))
        .unwrap()
        .to_string();
    assert!(won_line.contains(" W "), "{won_line}");
    assert!(!won_line.contains(" w "), "{won_line}");
    assert!(text.contains("│  g g "), "the sequence is listed");
    let quit_line = text.lines().find(|l| l.contains("│  Ctrl-q")).unwrap_or("");
    assert!(quit_line.contains("quit"), "{quit_line}");
}

#[test]
fn the_lost_reasons_come_from_the_config_and_other_takes_typed_text() {
    let mut h = board_with("[pipeline]\nlost_reasons = [\"Legal\", \"Security review\"]\n");
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Char('l'));
    let id = h.app.pipeline.selected_card().map(|c| c.id).unwrap();
    h.press(KeyCode::Char('x'));
    let text = h.render_text();
    assert!(text.contains("Security review"), "{text}");
    assert!(text.contains("other…"), "{text}");
    assert!(!text.contains("Competitor"), "{text}");
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    for c in "Merged jk".chars() {
        h.press(KeyCode::Char(c));
    }
    h.press(KeyCode::Backspace);
    h.press(KeyCode::Backspace);
    h.press(KeyCode::Backspace);
    assert!(h.render_text().contains("other: Merged▏"));
    h.press(KeyCode::Enter);
    let (stage, reason): (String, String) = h
        .conn()
        .query_row(
            "SELECT stage, lost_reason FROM deals WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((stage.as_str(), reason.as_str()), ("Lost", "Merged"));
}

#[test]
fn the_configured_date_format_shows_on_the_board_customers_tasks_list_and_records() {
    let mut h = board_with("[display]\ndate_format = \"%d/%m/%Y\"\n");
    let board = h.render_text();
    assert!(board.contains("/2026"), "{board}");
    assert!(
        !has_iso_date(&board),
        "no ISO date left on the board: {board}"
    );
    for key in ['2', '5'] {
        h.press(KeyCode::Char(key));
        let frame = h.render_text();
        assert!(frame.contains("/2026"), "{frame}");
        assert!(!has_iso_date(&frame), "no ISO date left: {frame}");
    }
    // The list view, and a deal's record opened from it.
    h.press(KeyCode::Char('1'));
    h.press(KeyCode::Char('v'));
    for frame in [h.render_text(), {
        h.press(KeyCode::Enter);
        h.render_text()
    }] {
        assert!(frame.contains("/2026"), "{frame}");
        assert!(!has_iso_date(&frame), "no ISO date left: {frame}");
    }
    // A move, then `:history`: its time stamp reads in the same format.
    h.press(KeyCode::Esc);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('v'));
    for key in ['l', 'l', '>'] {
        h.press(KeyCode::Char(key));
    }
    h.press(KeyCode::Char(':'));
    h.type_text("history");
    h.press(KeyCode::Enter);
    let frame = h.render_text();
    assert!(frame.contains("When"), "{frame}");
    assert!(
        !has_iso_date(&frame),
        "no ISO date left in :history: {frame}"
    );
}

/// True when `text` holds a date written YYYY-MM-DD.
fn has_iso_date(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(10).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == '-',
            _ => c.is_ascii_digit(),
        })
    })
}
