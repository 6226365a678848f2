//! What the find popup's keys and answers do: typing asks the worker (the newest request wins),
//! the cursor walks the results, `Enter` opens one.

use crate::tui::action::Command;
use crate::tui::effects::{Effect, Effects, Message};
use crate::tui::popups::find::{FindState, record_of};
use crate::worker::{Found, Job};

/// What closing or keeping the popup after a command comes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// Keep the popup open.
    Keep,
    /// Close it.
    Close,
}

/// The search for the text as it now reads (nothing to ask for blank text).
fn search(find: &mut FindState) -> Effects {
    let mut effects = Effects::none();
    if find.text.trim().is_empty() {
        find.hits.clear();
        find.searched = None;
        find.cursor = 0;
    } else {
        effects.request(Job::Find {
            text: find.text.clone(),
        });
    }
    effects
}

/// Opens the popup with `text` typed, asking for its results.
pub fn open(text: &str) -> (FindState, Effects) {
    let mut find = FindState::with_text(text);
    let effects = search(&mut find);
    (find, effects)
}

/// A character typed into the search.
pub fn type_char(find: &mut FindState, c: char) -> Effects {
    find.text.push(c);
    search(find)
}

/// Runs a command in the popup.
pub fn run_command(find: &mut FindState, command: Command) -> (After, Effects) {
    let mut effects = Effects::none();
    let last = find.hits.len().saturating_sub(1);
    match command {
        Command::Down => find.cursor = (find.cursor + 1).min(last),
        Command::Up => find.cursor = find.cursor.saturating_sub(1),
        Command::PageDown | Command::PageUp => jump_group(find, command == Command::PageDown),
        Command::DeleteChar => {
            find.text.pop();
            effects = search(find);
        }
        Command::Cancel => return (After::Close, effects),
        Command::Accept => match find.current().map(|f| (record_of(f), f.hit.label.clone())) {
            Some((Some(record), _)) => {
                effects.push(Effect::OpenRecord(record));
                return (After::Close, effects);
            }
            Some((None, label)) => {
                effects.say(Message::error(format!(
                    "“{label}” belongs to no customer or deal to open"
                )));
            }
            None => effects.say(Message::info("nothing found to open")),
        },
        Command::Quit => effects.push(Effect::Quit),
        _ => {}
    }
    (After::Keep, effects)
}

/// Moves the cursor to the first result of the next (or previous) kind.
fn jump_group(find: &mut FindState, forward: bool) {
    let Some(kind) = find.current().map(|f| f.hit.kind) else {
        return;
    };
    let target = if forward {
        find.hits
            .iter()
            .position(|f| f.hit.kind > kind)
            .unwrap_or(find.cursor)
    } else {
        let start = find
            .hits
            .iter()
            .position(|f| f.hit.kind == kind)
            .unwrap_or(0);
        let previous = find.hits[..start].last().map(|f| f.hit.kind);
        previous.map_or(start, |p| {
            find.hits.iter().position(|f| f.hit.kind == p).unwrap_or(0)
        })
    };
    find.cursor = target;
}

/// The worker's answer; one for text no longer typed is dropped.
pub fn take_found(find: &mut FindState, found: Found) {
    if found.text != find.text {
        return;
    }
    find.hits = found.hits;
    find.searched = Some(found.text);
    find.cursor = 0;
}
