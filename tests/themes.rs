//! Each theme on the pipeline board, as a per-cell style dump; and every screen draws only with
//! the theme's styles, so a theme really changes everything.

mod common;

use common::fixture_board;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier, Style};
use salesdesk::tui::screen::Screen;
use salesdesk::tui::theme::{ColorSpec, Theme, ThemeName, ThemeSettings};

fn colour(c: Option<Color>) -> String {
    match c {
        None | Some(Color::Reset) => "-".into(),
        Some(c) => ColorSpec(c).to_string(),
    }
}

fn style_label(fg: Color, bg: Color, modifier: Modifier) -> String {
    let mut label = format!("{}/{}", colour(Some(fg)), colour(Some(bg)));
    let names: Vec<&str> = modifier.iter_names().map(|(name, _)| name).collect();
    if !names.is_empty() {
        label.push_str(&format!(" {}", names.join("+")));
    }
    label
}

/// The frame's text, then for each row its runs of equally styled cells: `x..x fg/bg MODS`.
fn style_dump(buffer: &Buffer) -> String {
    let mut out = salesdesk::tui::headless::buffer_text(buffer);
    out.push_str("---\n");
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let mut runs = Vec::new();
        let mut start = area.left();
        let mut current = None;
        for x in area.left()..=area.right() {
            let label = (x < area.right()).then(|| {
                let cell = &buffer[(x, y)];
                style_label(cell.fg, cell.bg, cell.modifier)
            });
            if label != current {
                if let Some(previous) = current.take() {
                    runs.push(format!("{start}..{} {previous}", x - 1));
                }
                start = x;
                current = label;
            }
        }
        out.push_str(&format!("{y:2}: {}\n", runs.join(" | ")));
    }
    out
}

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings
}

/// The board with the cursor on the Proposal column's first card.
fn board_in(theme: Theme) -> String {
    let mut h = fixture_board(100, 24);
    h.app.theme = theme;
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Char('l'));
    style_dump(&h.render())
}

#[test]
fn the_board_in_the_dark_theme() {
    let dump = board_in(Theme::named(ThemeName::Dark));
    snapshot_settings().bind(|| insta::assert_snapshot!(dump));
}

#[test]
fn the_board_in_the_light_theme() {
    let dump = board_in(Theme::named(ThemeName::Light));
    snapshot_settings().bind(|| insta::assert_snapshot!(dump));
}

#[test]
fn the_board_in_the_high_contrast_theme() {
    let dump = board_in(Theme::named(ThemeName::HighContrast));
    snapshot_settings().bind(|| insta::assert_snapshot!(dump));
}

#[test]
fn the_board_under_no_color() {
    let settings = ThemeSettings {
        name: ThemeName::Light,
        ..ThemeSettings::default()
    };
    let dump = board_in(Theme::resolve(&settings, true));
    snapshot_settings().bind(|| insta::assert_snapshot!(dump));
}

/// A theme where each field has its own palette colour as foreground and background, so any
/// colour on screen that is not one of them was not drawn through the theme.
fn tagged_theme() -> (Theme, Vec<Color>) {
    let mut theme = Theme::monochrome();
    let fields: [&mut Style; 17] = [
        &mut theme.background,
        &mut theme.text,
        &mut theme.muted,
        &mut theme.accent,
        &mut theme.header,
        &mut theme.selected,
        &mut theme.border,
        &mut theme.status,
        &mut theme.error,
        &mut theme.warning,
        &mut theme.card_heading,
        &mut theme.chart_history,
        &mut theme.chart_fit,
        &mut theme.chart_forecast,
        &mut theme.chart_band80,
        &mut theme.chart_band95,
        &mut theme.chart_pipeline,
    ];
    let mut colours = vec![Color::Reset];
    for (i, style) in fields.into_iter().enumerate() {
        let c = Color::Indexed(100 + i as u8);
        *style = style.fg(c).bg(c);
        colours.push(c);
    }
    (theme, colours)
}

#[test]
fn every_screen_draws_only_with_theme_colours() {
    let (theme, allowed) = tagged_theme();
    let mut h = fixture_board(120, 34);
    h.app.theme = theme;
    for screen in Screen::ALL {
        h.press(KeyCode::Char(screen.digit()));
        let buffer = h.render();
        let area = buffer.area;
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                let cell = &buffer[(x, y)];
                assert!(
                    allowed.contains(&cell.fg) && allowed.contains(&cell.bg),
                    "{}: cell ({x}, {y}) {:?} is {:?} on {:?}, not a theme colour",
                    screen.name(),
                    cell.symbol(),
                    cell.fg,
                    cell.bg
                );
            }
        }
    }
}

#[test]
fn the_frame_background_takes_the_theme_background() {
    let mut h = fixture_board(100, 24);
    h.app.theme = Theme::named(ThemeName::HighContrast);
    let buffer = h.render();
    let blank = (0..100)
        .find(|&x| buffer[(x, 12)].symbol() == " ")
        .expect("a blank cell");
    assert_eq!(buffer[(blank, 12)].bg, Color::Black);
}
