//! Screens that fit (issue 18): each screen at 80×24, 120×40 and 200×50 on the demo book, and
//! at 80×24 on the Maven excerpt; popups that scroll and say which rows show.

mod common;

use std::path::Path;

use common::maven_desk;
use ratatui::crossterm::event::KeyCode;
use salesdesk::tui::App;
use salesdesk::tui::app::Message;
use salesdesk::tui::headless::Headless;

#[test]
fn the_quota_pane_scrolls_through_every_rep_and_says_which_rows_show() {
    let (_dir, mut h) = maven_desk("2026-11-26", 80, 24);
    h.press(KeyCode::Char('t'));
    let first = h.render_text();
    let total = h
        .app
        .pipeline
        .kpis
        .as_ref()
        .map(|k| k.quota.teams.len() + k.quota.reps.len())
        .unwrap();
    assert!(total > 30, "the Maven book has 35 reps: {total}");
    assert!(
        first.contains(&format!("Quota attainment 1–16 of {total}")),
        "{first}"
    );
    h.press(KeyCode::PageDown);
    assert!(h.render_text().contains(&format!("17–32 of {total}")));
    h.press(KeyCode::End);
    let last = h.render_text();
    assert!(
        last.contains(&format!("{}–{total} of {total}", total - 15)),
        "{last}"
    );
    let last_rep = h
        .app
        .pipeline
        .kpis
        .as_ref()
        .and_then(|k| k.quota.reps.last().map(|r| r.name.clone()))
        .unwrap();
    assert!(last.contains(&last_rep), "{last}");
    h.press(KeyCode::Char('k'));
    assert!(
        h.render_text()
            .contains(&format!("{}–{} of", total - 16, total - 1))
    );
    h.press(KeyCode::Home);
    assert!(h.render_text().contains("1–16 of"));
}

#[test]
fn a_plain_message_goes_when_another_screen_shows_and_an_error_stays_whole() {
    use salesdesk::tui::action::Action;
    use salesdesk::tui::effects::{Effect, Effects};
    use salesdesk::tui::screen::Screen;
    let mut h = common::fixture_board(80, 24);
    h.app
        .apply(Effects(vec![Effect::Say(Message::info("deal saved"))]));
    h.apply(Action::Tick);
    assert!(h.render_text().contains("deal saved"));
    h.app.apply(Effects(vec![Effect::Open(Screen::Customers)]));
    h.apply(Action::Tick);
    assert!(
        !h.render_text().contains("deal saved"),
        "the board's message"
    );

    let long = "cannot export to /home/manager/reports/quarterly/2026/board-by-stage.csv: \
                the folder does not exist; create it or choose another path ending in EOF-MARK";
    h.app
        .apply(Effects(vec![Effect::Say(Message::error(long))]));
    h.app.apply(Effects(vec![Effect::Open(Screen::Pipeline)]));
    h.apply(Action::Tick);
    let frame = h.render_text();
    assert!(
        frame.contains("EOF-MARK"),
        "the end of a long error: {frame}"
    );
    assert!(frame.contains("Error — the next key clears it"), "{frame}");
    h.press(KeyCode::Char('j'));
    assert!(!h.render_text().contains("EOF-MARK"));
}

/// The screens the snapshots cover, by their digit key and a name for the snapshot.
const SCREENS: [(char, &str); 5] = [
    ('1', "pipeline"),
    ('2', "customers"),
    ('3', "tiers"),
    ('5', "tasks"),
    ('6', "channels"),
];

/// Worker timings change from run to run.
fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings
}

/// The standard demo book (`salesdesk demo`) as of 2026-11-26, in memory.
fn demo(width: u16, height: u16) -> Headless {
    let as_of = common::as_of();
    let mut opened = salesdesk::db::open(Path::new(":memory:")).unwrap();
    let options = salesdesk::db::demo::DemoOptions::standard(as_of);
    salesdesk::db::demo::generate(&mut opened.conn, &options, false).unwrap();
    let app = App::load(&opened.conn, "demo.db".into(), as_of, Message::default()).unwrap();
    let mut h = Headless::new(app, opened.conn);
    h.app.theme = salesdesk::tui::theme::Theme::monochrome();
    h.resize(width, height);
    h
}

/// Every screen of `h` at every size, as named snapshots `{book}_{screen}_{w}x{h}`.
fn snapshot_screens(h: &mut Headless, book: &str, sizes: &[(u16, u16)]) {
    for &(width, height) in sizes {
        h.resize(width, height);
        for (key, name) in SCREENS {
            h.press(KeyCode::Char(key));
            let frame = h.render_text();
            snapshot_settings().bind(|| {
                insta::assert_snapshot!(format!("{book}_{name}_{width}x{height}"), frame);
            });
        }
    }
}

#[test]
fn the_demo_book_at_80_120_and_200_columns() {
    let mut h = demo(80, 24);
    assert_eq!(common::as_of().to_string(), "2026-11-26");
    snapshot_screens(&mut h, "demo", &[(80, 24), (120, 40), (200, 50)]);
}

#[test]
fn the_maven_excerpt_at_80_120_and_200_columns() {
    let (_dir, mut h) = maven_desk("2026-11-26", 80, 24);
    snapshot_screens(&mut h, "maven", &[(80, 24), (120, 40), (200, 50)]);
}
