//! The `:` command palette: Tab completes commands, actions and customer names, Enter runs any
//! action by its name, and Up/Down bring back lines run before.

mod common;

use common::fixture_board;
use ratatui::crossterm::event::KeyCode;
use salesdesk::tui::headless::Headless;
use salesdesk::tui::screen::Screen;

/// The command lines the palette offers now.
fn suggestion_lines(h: &Headless) -> Vec<&str> {
    h.app
        .palette
        .suggestions
        .iter()
        .map(|s| s.line.as_str())
        .collect()
}

#[test]
fn tab_completes_goto_customer_and_enter_selects_the_customer() {
    let mut h = fixture_board(100, 30);
    h.press(KeyCode::Char(':'));
    let all = &h.app.palette.suggestions;
    assert!(all.iter().any(|s| s.line == "history"));
    assert!(
        all.iter().any(|s| s.line == "mark_won"),
        "every action is offered"
    );
    h.type_text("goto c");
    h.press(KeyCode::Tab);
    assert_eq!(h.app.command_line.as_deref(), Some("goto customer "));
    let names = suggestion_lines(&h);
    assert!(names.contains(&"goto customer Acme Corp"), "{names:?}");
    h.type_text("acme");
    assert_eq!(
        h.app.palette.suggestions.len(),
        2,
        "Acme Corp and Acme West"
    );
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    assert_eq!(
        h.app.command_line.as_deref(),
        Some("goto customer Acme West")
    );
    h.press(KeyCode::BackTab);
    assert_eq!(
        h.app.command_line.as_deref(),
        Some("goto customer Acme Corp")
    );
    h.press(KeyCode::Enter);
    assert_eq!(h.app.screen, Screen::Customers);
    assert_eq!(
        h.app.customers.selected_row().map(|r| r.name.as_str()),
        Some("Acme Corp")
    );
    assert_eq!(h.app.message.text, "found Acme Corp");
}

#[test]
fn an_action_runs_by_name_and_history_brings_it_back() {
    let mut h = fixture_board(100, 30);
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Char('l'));
    let id = h.app.pipeline.selected_card().map(|c| c.id).unwrap();
    h.press(KeyCode::Char(':'));
    h.type_text("mark_w");
    h.press(KeyCode::Tab);
    assert_eq!(h.app.command_line.as_deref(), Some("mark_won"));
    h.press(KeyCode::Enter);
    let stage: String = h
        .conn()
        .query_row("SELECT stage FROM deals WHERE id = ?1", [id], |r| r.get(0))
        .unwrap();
    assert_eq!(stage, "Won");

    h.press(KeyCode::Char(':'));
    h.type_text("show_tiers");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.screen, Screen::Tiers);

    h.press(KeyCode::Char(':'));
    h.press(KeyCode::Up);
    assert_eq!(h.app.command_line.as_deref(), Some("show_tiers"));
    h.press(KeyCode::Up);
    assert_eq!(h.app.command_line.as_deref(), Some("mark_won"));
    h.press(KeyCode::Down);
    h.press(KeyCode::Down);
    assert_eq!(h.app.command_line.as_deref(), Some(""));
    h.type_text("no_such_thing");
    h.press(KeyCode::Enter);
    assert!(h.app.message.is_error);
    assert!(
        h.app
            .message
            .text
            .contains("unknown command :no_such_thing")
    );

    h.press(KeyCode::Char(':'));
    h.type_text("export c");
    h.press(KeyCode::Tab);
    assert_eq!(h.app.command_line.as_deref(), Some("export chart "));
    h.press(KeyCode::Esc);

    h.press(KeyCode::Char(':'));
    h.type_text("goto customer Nobody Inc");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.message.text, "no customer is called 'Nobody Inc'");
}

#[test]
fn the_palette_lists_completions_above_the_command_line() {
    let mut h = fixture_board(100, 24);
    h.press(KeyCode::Char(':'));
    h.type_text("show_");
    h.press(KeyCode::Tab);
    insta::assert_snapshot!(h.render_text());
}

#[test]
fn theme_switches_the_colours_for_the_session() {
    use salesdesk::tui::theme::{Theme, ThemeName};
    let mut h = fixture_board(100, 30);
    h.app.no_color = false;
    h.press(KeyCode::Char(':'));
    h.type_text("theme ");
    let names = suggestion_lines(&h);
    assert_eq!(names, ["theme dark", "theme light", "theme high-contrast"]);
    h.type_text("hi");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);
    assert_eq!(h.app.theme, Theme::named(ThemeName::HighContrast));
    assert_eq!(h.app.message.text, "theme high-contrast");
    h.press(KeyCode::Char(':'));
    h.type_text("theme solarized");
    h.press(KeyCode::Enter);
    assert!(h.app.message.is_error);
    assert_eq!(
        h.app.theme,
        Theme::named(ThemeName::HighContrast),
        "unchanged"
    );
}
