//! How the call view answers commands and worker replies, and when it asks for a call.

use chrono::NaiveDate;

use super::CallState;
use crate::tui::action::Command;
use crate::tui::effects::{Ctx, Effect, Effects, Message, RecordRef};
use crate::tui::screen::Screen;
use crate::worker::{CallAsk, CallSheet, Job};

/// Runs a command given on the call view; `page` is the group table's rows on screen.
pub fn run_command(call: &mut CallState, command: Command, page: u16, effects: &mut Effects) {
    let movers = call.sheet.as_ref().map_or(0, |s| s.call.movers.len());
    match command {
        Command::Down if movers > 0 => call.mover = (call.mover + 1).min(movers - 1),
        Command::Up => call.mover = call.mover.saturating_sub(1),
        Command::PageDown => {
            let groups = call
                .sheet
                .as_ref()
                .map_or(0, |s| 1 + s.call.teams.len() + s.call.reps.len());
            let last = u16::try_from(groups)
                .unwrap_or(u16::MAX)
                .saturating_sub(page);
            call.scroll = call.scroll.saturating_add(page.max(1)).min(last);
        }
        Command::PageUp => call.scroll = call.scroll.saturating_sub(page.max(1)),
        Command::OpenRecord => match call.selected_mover() {
            Some(id) => effects.push(Effect::OpenRecord(RecordRef::Deal(id))),
            None => effects.say(Message::info("no deal moves the odds of the quota")),
        },
        Command::MoveLeft | Command::MoveRight => {
            step_since(call, command == Command::MoveRight, effects);
        }
        _ => {}
    }
}

/// Moves the waterfall's start to the stored day before or after the current one.
fn step_since(call: &mut CallState, later: bool, effects: &mut Effects) {
    let days = call.stored_days();
    if days.is_empty() {
        effects.say(Message::info(
            "no call is stored for this quarter yet: the waterfall needs one",
        ));
        return;
    }
    let current = call
        .sheet
        .as_ref()
        .and_then(|s| s.waterfall.as_ref().map(|w| w.since))
        .or(call.since)
        .unwrap_or(days[0]);
    let at = days.partition_point(|d| *d < current);
    let next = if later {
        days.get(at + 1).or(days.last())
    } else {
        at.checked_sub(1).and_then(|i| days.get(i)).or(days.first())
    };
    let next: Option<NaiveDate> = next.copied();
    if next != Some(current) {
        call.since = next;
        call.needs_fit = true;
    }
}

/// The job that makes the call as the desk's settings and the view ask.
fn job(call: &CallState, ctx: &Ctx) -> Job {
    Job::Call(CallAsk {
        as_of: ctx.as_of,
        store: call.store,
        since: call.since,
        commit: ctx.config.commit.clone(),
        scoring: ctx.config.scoring,
    })
}

/// Asks for the call when the call view is shown and its figures are out of date.
pub fn fit_if_needed(call: &mut CallState, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    if ctx.screen == Screen::Forecast && call.shown && call.needs_fit {
        call.needs_fit = false;
        call.made_on_open = true;
        effects.request(job(call, ctx));
    }
    effects
}

/// After the desk's first model fit, when the desk's day is today: makes and stores the call
/// once, so each day the desk is used leaves its call (a replay of a past day stores nothing).
pub fn after_first_fit(call: &mut CallState, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    if call.store && !call.made_on_open {
        call.made_on_open = true;
        call.needs_fit = false;
        effects.request(job(call, ctx));
    }
    effects
}

/// Takes a call from the worker, keeping the highlighted mover in range.
pub fn take_call(call: &mut CallState, sheet: CallSheet) {
    call.mover = call.mover.min(sheet.call.movers.len().saturating_sub(1));
    call.sheet = Some(sheet);
}
