//! The customers screen driven by key presses, as a manager would use it.

mod common;

use common::{fixture_app, visible_names};
use ratatui::crossterm::event::KeyCode;
use salesdesk::tui::screens::customers::{Column, Detail};

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings
}

#[test]
fn first_frame_lists_customers_by_name_with_aligned_columns() {
    let headless = fixture_app(120, 20);
    snapshot_settings().bind(|| insta::assert_snapshot!(headless.render_text()));
}

#[test]
fn search_narrows_the_list_as_you_type_and_esc_clears_it() {
    let mut h = fixture_app(120, 20);
    h.press(KeyCode::Char('/'));
    h.type_text("ACME");
    assert_eq!(visible_names(&h), ["Acme Corp", "Acme West"]);
    let frame = h.render_text();
    assert!(frame.contains("/acme▏"), "{frame}");
    assert!(!frame.contains("Northwind"), "{frame}");
    h.press(KeyCode::Char('x'));
    assert!(visible_names(&h).is_empty());
    assert!(
        h.render_text()
            .contains("No customer name contains “acmex”")
    );
    h.press(KeyCode::Backspace);
    assert_eq!(visible_names(&h).len(), 2);
    h.press(KeyCode::Esc);
    assert_eq!(visible_names(&h).len(), common::CUSTOMERS.len());
}

#[test]
fn search_handles_accents_and_cjk() {
    let mut h = fixture_app(120, 20);
    h.press(KeyCode::Char('/'));
    h.type_text("MÜLLER");
    assert_eq!(visible_names(&h), ["Müller Logistik GmbH"]);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('/'));
    h.type_text("精密");
    assert_eq!(visible_names(&h), ["東京精密工業"]);
}

#[test]
fn sort_cycles_to_revenue_largest_first_and_reverses() {
    let mut h = fixture_app(120, 20);
    for _ in 0..Column::ALL.len() {
        if h.app.customers.sort.column == Column::Revenue12m {
            break;
        }
        h.press(KeyCode::Char('s'));
    }
    assert_eq!(h.app.customers.sort.column, Column::Revenue12m);
    // Trailing-12-month revenue is id × $1,000, so the last fixture customer leads.
    let names = visible_names(&h);
    assert_eq!(names.first().map(String::as_str), Some("Quartz Energy"));
    assert_eq!(names.last().map(String::as_str), Some("Acme Corp"));
    let revenues: Vec<i64> = h
        .app
        .customers
        .visible_rows()
        .map(|r| r.revenue_12m.cents())
        .collect();
    assert!(revenues.windows(2).all(|w| w[0] >= w[1]), "{revenues:?}");
    assert!(h.render_text().contains("Revenue 12m ▼"));
    h.press(KeyCode::Char('S'));
    assert_eq!(
        visible_names(&h).first().map(String::as_str),
        Some("Acme Corp")
    );
    assert!(h.render_text().contains("Revenue 12m ▲"));
}

#[test]
fn filter_restricts_by_owner_then_region() {
    let mut h = fixture_app(120, 24);
    h.press(KeyCode::Char('f'));
    h.press(KeyCode::Char('l'));
    let frame = h.render_text();
    assert!(frame.contains("Filter customers"), "{frame}");
    assert!(frame.contains("‹ Ann Lee ›"), "{frame}");
    assert_eq!(visible_names(&h), ["Acme Corp", "Northwind Traders"]);
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('h'));
    assert_eq!(
        h.app
            .customers
            .filter_label(salesdesk::tui::screens::customers::FilterField::Region),
        "South"
    );
    assert!(visible_names(&h).is_empty());
    h.press(KeyCode::Char('x'));
    h.press(KeyCode::Enter);
    assert_eq!(visible_names(&h), ["Acme Corp", "Northwind Traders"]);
    let frame = h.render_text();
    assert!(!frame.contains("Filter customers"));
    assert!(frame.contains("owner Ann Lee"), "{frame}");
}

#[test]
fn d_opens_the_detail_of_the_selected_customer() {
    let mut h = fixture_app(120, 36);
    h.press(KeyCode::Char('/'));
    h.type_text("northwind");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('d'));
    let Detail::Shown(detail) = &h.app.customers.detail else {
        panic!("detail not shown: {:?}", h.app.customers.detail);
    };
    assert_eq!(detail.name, "Northwind Traders");
    assert_eq!(detail.deal_count, 4);
    snapshot_settings().bind(|| insta::assert_snapshot!(h.render_text()));
    h.press(KeyCode::Esc);
    assert_eq!(h.app.customers.detail, Detail::Closed);
}

#[test]
fn detail_follows_the_selection() {
    let mut h = fixture_app(120, 36);
    h.press(KeyCode::Char('d'));
    let first = h.app.customers.selected_row().map(|r| r.id);
    h.press(KeyCode::Char('j'));
    let second = h.app.customers.selected_row().map(|r| r.id);
    assert_ne!(first, second);
    assert_eq!(h.app.customers.detail.customer_id(), second);
    assert!(matches!(h.app.customers.detail, Detail::Shown(_)));
}

#[test]
fn paging_and_jumps_move_through_the_list() {
    let mut h = fixture_app(100, 14);
    h.press(KeyCode::Char('G'));
    assert_eq!(h.app.customers.selected, common::CUSTOMERS.len() - 1);
    assert!(h.render_text().contains("Zenith Health"));
    h.press(KeyCode::Char('g'));
    assert_eq!(h.app.customers.selected, 0);
    h.press(KeyCode::PageDown);
    assert!(h.app.customers.selected > 1);
    assert!(h.app.customers.offset > 0);
    h.press(KeyCode::PageUp);
    assert_eq!(h.app.customers.selected, 0);
}

#[test]
fn a_tiny_terminal_shows_a_message_instead_of_the_layout() {
    let h = fixture_app(20, 5);
    let frame = h.render_text();
    let flat = frame.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("terminal too small (needs 72×14)"), "{frame}");
    let h = fixture_app(1, 1);
    assert_eq!(h.render_text().lines().count(), 1);
}

#[test]
fn help_lists_every_binding_of_the_key_map() {
    let mut h = fixture_app(120, 500);
    h.press(KeyCode::Char('?'));
    let frame = h.render_text();
    for context in salesdesk::tui::keymap::Context::ALL {
        assert!(frame.contains(context.title()), "{frame}");
        for binding in h.app.keymap.bindings_in(context) {
            assert!(
                frame.contains(binding.help),
                "missing '{}' in {frame}",
                binding.help
            );
        }
    }
    h.press(KeyCode::Esc);
    assert!(!h.render_text().contains("Everywhere"));
}

#[test]
fn number_keys_switch_to_every_screen() {
    let mut h = fixture_app(100, 20);
    let screens = [
        ('3', "ABC tiers by value"),
        ('4', "Forecast ·"),
        ('5', "Tasks —"),
        ('6', "No channels yet"),
        ('1', "Negotiation"),
        ('2', "Acme Corp"),
    ];
    for (key, marker) in screens {
        h.press(KeyCode::Char(key));
        let frame = h.render_text();
        assert!(frame.contains(marker), "key {key}: {frame}");
    }
}

#[test]
fn q_quits_and_ctrl_c_quits_even_while_searching() {
    let mut h = fixture_app(100, 20);
    h.press(KeyCode::Char('/'));
    h.press(KeyCode::Char('q'));
    assert!(!h.app.quit, "q is text while searching");
    assert_eq!(h.app.customers.query, "q");
    h.press_with(
        KeyCode::Char('c'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    assert!(h.app.quit);
    let mut h = fixture_app(100, 20);
    h.press(KeyCode::Char('q'));
    assert!(h.app.quit);
}

/// The row of `frame` where the help's heading `title` starts at the popup's left border.
fn heading_row(frame: &str, title: &str) -> Option<usize> {
    let heading = format!("│{title}{}", " ".repeat(20));
    frame.lines().position(|l| l.contains(&heading))
}

#[test]
fn help_shows_the_screen_in_use_first_then_the_global_keys() {
    let mut h = fixture_app(120, 300);
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Char('?'));
    let frame = h.render_text();
    let customers = heading_row(&frame, "Customers").unwrap_or_else(|| panic!("{frame}"));
    let everywhere = heading_row(&frame, "Everywhere").expect("an Everywhere heading");
    let pipeline = heading_row(&frame, "Pipeline").expect("a Pipeline heading");
    assert!(customers < everywhere && everywhere < pipeline, "{frame}");
}

#[test]
fn page_keys_home_and_end_scroll_the_help() {
    let mut h = fixture_app(100, 20);
    h.press(KeyCode::Char('?'));
    h.press(KeyCode::PageDown);
    let paged = h.app.help.unwrap_or(0);
    assert!(paged > 1, "PgDn scrolls a page, not a line: {paged}");
    h.press(KeyCode::End);
    let end = h.app.help.unwrap_or(0);
    assert!(end >= paged);
    h.press(KeyCode::Down);
    assert_eq!(h.app.help, Some(end), "nothing below the end");
    h.press(KeyCode::Up);
    assert_eq!(
        h.app.help,
        Some(end - 1),
        "one line up from the end moves at once"
    );
    h.press(KeyCode::PageUp);
    h.press(KeyCode::Home);
    assert_eq!(h.app.help, Some(0));
}

#[test]
fn slash_searches_the_help_and_esc_clears_the_search() {
    let mut h = fixture_app(120, 40);
    h.press(KeyCode::Char('?'));
    h.press(KeyCode::Char('/'));
    for c in "undo".chars() {
        h.press(KeyCode::Char(c));
    }
    let frame = h.render_text();
    assert!(frame.contains("/undo"), "{frame}");
    assert!(frame.contains("undo the last change"), "{frame}");
    assert!(!frame.contains("scroll down a page"), "{frame}");
    let counted = frame
        .lines()
        .find(|l| l.contains(" of ") && l.contains(" lines "))
        .unwrap_or_else(|| panic!("no n of m: {frame}"));
    assert!(!counted.contains(" 0 of "), "{counted}");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('q'));
    assert!(h.app.help.is_some(), "q clears a kept search first");
    let frame = h.render_text();
    assert!(
        frame.contains("/ searches"),
        "the whole help again: {frame}"
    );
    h.press(KeyCode::Char('/'));
    h.press(KeyCode::Char('z'));
    h.press(KeyCode::Char('q'));
    assert!(h.app.help.is_some(), "q is text while searching");
    assert!(h.render_text().contains("0 of "), "nothing matches zq");
    h.press(KeyCode::Esc);
    assert!(h.render_text().contains("/ searches"));
    h.press(KeyCode::Esc);
    assert!(h.app.help.is_none());
}
