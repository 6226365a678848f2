//! The `:data` view's keys: move, open a row's record, merge a likely duplicate pair.

use super::{DataView, Line};
use crate::tui::action::Command;
use crate::tui::app::Message;
use crate::tui::effects::{Effect, Effects, RecordRef};
use crate::worker::Job;
use crate::worker::RecordWrite;

/// Whether the view stays open after a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// Keep it.
    Stay,
    /// Close it.
    Close,
}

/// The checks asked of the worker as of `as_of` (`:data`).
pub fn open(as_of: chrono::NaiveDate) -> Effects {
    let mut effects = Effects::none();
    effects.request(Job::Quality(as_of));
    effects.say(Message::info("checking the book…"));
    effects
}

/// Runs `command` on the view; `today` dates a merge's edits.
pub fn run_command(
    view: &mut DataView,
    command: Command,
    today: chrono::NaiveDate,
) -> (After, Effects) {
    let lines = view.lines();
    let mut effects = Effects::none();
    match command {
        Command::Down => view.cursor = (view.cursor + 1).min(lines.len().saturating_sub(1)),
        Command::Up => view.cursor = view.cursor.saturating_sub(1),
        Command::Cancel => return (After::Close, effects),
        Command::Accept => match lines.get(view.cursor) {
            Some(Line::Row(_, _, record)) => effects.push(Effect::OpenRecord(*record)),
            Some(Line::Pair(i)) => {
                if let Some(pair) = view.report.duplicates.get(*i) {
                    effects.push(Effect::OpenRecord(RecordRef::Customer(pair.a)));
                }
            }
            _ => effects.say(Message::info("move to a row to open it")),
        },
        Command::MergeCustomers => match lines.get(view.cursor) {
            Some(Line::Pair(i)) => {
                if let Some(pair) = view.report.duplicates.get(*i) {
                    let write = RecordWrite::MergeCustomers {
                        keep: pair.a,
                        gone: pair.b,
                    };
                    effects.write(Job::RecordWrite { write, today }, "merging…");
                    return (After::Close, effects);
                }
            }
            _ => effects.say(Message::info("move to a likely duplicate pair to merge it")),
        },
        _ => {}
    }
    (After::Stay, effects)
}
