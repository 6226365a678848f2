//! `salesdesk snapshot`: one frame of a screen as plain text, without a terminal.

use std::path::Path;

use chrono::NaiveDate;
use clap::Args;

use crate::config::LoadedConfig;
use crate::tui::action::{Action, Command};
use crate::tui::headless::Headless;
use crate::tui::screen::Screen;

/// Options of `salesdesk snapshot`.
#[derive(Debug, Args)]
pub struct SnapshotArgs {
    /// Which screen: pipeline, customers, tiers, forecast, tasks or channels
    #[arg(long, value_parser = parse_screen)]
    pub screen: Screen,
    /// Frame size in cells, WIDTHxHEIGHT
    #[arg(long, value_name = "WxH", default_value = "100x30", value_parser = parse_size)]
    pub size: (u16, u16),
}

/// Renders the frame, with the config's keys, theme and settings as the desk has them, and prints
/// it to stdout.
pub fn run(
    path: &Path,
    as_of: NaiveDate,
    args: &SnapshotArgs,
    loaded: &LoadedConfig,
) -> anyhow::Result<()> {
    let (book, app) = super::configured_app(path, as_of, loaded)?;
    let mut headless = Headless::new(app, book.opened.conn);
    headless.resize(args.size.0, args.size.1);
    let opening = headless.app.message.clone();
    headless.apply(Action::Command(Command::ShowScreen(args.screen)));
    if headless.app.message.text.is_empty() {
        // A key clears the status line; the snapshot shows what opening the book said.
        headless.app.message = opening;
    }
    print!("{}", headless.render_text());
    Ok(())
}

fn parse_screen(name: &str) -> Result<Screen, String> {
    Screen::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Screen::ALL.iter().map(|s| s.name()).collect();
        format!("'{name}' is not a screen; use one of {}", names.join(", "))
    })
}

fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let bad = || format!("'{text}' is not a size; use WIDTHxHEIGHT, e.g. 100x30");
    let (w, h) = text.split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let w: u16 = w.trim().parse().map_err(|_| bad())?;
    let h: u16 = h.trim().parse().map_err(|_| bad())?;
    if w == 0 || h == 0 || w > 1000 || h > 1000 {
        return Err(format!(
            "'{text}' is out of range; width and height go from 1 to 1000"
        ));
    }
    Ok((w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_bad_ones_are_explained() {
        assert_eq!(parse_size("100x30"), Ok((100, 30)));
        assert_eq!(parse_size("20×5"), Ok((20, 5)));
        assert!(parse_size("100").is_err());
        assert!(parse_size("0x10").is_err());
        assert!(parse_size("axb").is_err());
    }
}
