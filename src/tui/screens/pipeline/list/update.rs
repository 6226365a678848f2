//! What the list view's keys and answers do: the cursor moves through the whole list and the
//! pages it reaches are asked for, sorts and views start it afresh, `Enter` opens the deal, and
//! selected deals change together through one bulk write.

use ratatui::layout::Rect;

use crate::db::reads::SortColumn;
use crate::db::records::BulkSummary;
use crate::tui::action::Command;
use crate::tui::effects::{Ctx, Effect, Effects, Message, RecordRef};
use crate::tui::screens::pipeline::list::bulk::{self, BulkStep};
use crate::tui::screens::pipeline::list::{DealList, view, views};
use crate::tui::screens::pipeline::{BoardFilterField, PipelineState};
use crate::worker::{BulkTarget, DealListPage, Job};

/// The days of the Stale view, from the config.
fn stale_days(ctx: &Ctx) -> u32 {
    ctx.config.views.stale_days.0
}

/// Asks for every saved view's count.
fn request_counts(list: &mut DealList, ctx: &Ctx, effects: &mut Effects) {
    list.counts = None;
    effects.request(Job::ViewCounts {
        as_of: ctx.as_of,
        stale_days: stale_days(ctx),
        pipeline: list.pipeline_id,
    });
}

/// `v`: the list instead of the board, or back; the list is read afresh each time it opens.
pub fn toggle(pipeline: &mut PipelineState, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    let list = &mut pipeline.list;
    list.shown = !list.shown;
    if list.shown {
        list.refresh();
        request_counts(list, ctx, &mut effects);
    }
    effects
}

/// `:view NAME`: the list with that saved view (`all` for none).
pub fn show_view(
    pipeline: &mut PipelineState,
    view: Option<crate::db::reads::SavedView>,
    ctx: &Ctx,
) -> Effects {
    let mut effects = Effects::none();
    let list = &mut pipeline.list;
    if !list.shown {
        list.shown = true;
        request_counts(list, ctx, &mut effects);
    }
    list.choose_view(view);
    effects
}

/// Runs a command of the list view (or of its bulk popup, when open).
pub fn run_command(pipeline: &mut PipelineState, command: Command, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    if let Some(step) = pipeline.list.bulk.take() {
        bulk_command(pipeline, step, command, ctx, &mut effects);
        return effects;
    }
    let page = view::visible_rows(ctx.size);
    let list = &mut pipeline.list;
    let last = list.total.unwrap_or(0).saturating_sub(1);
    match command {
        Command::Down => list.cursor = (list.cursor + 1).min(last),
        Command::Up => list.cursor = list.cursor.saturating_sub(1),
        Command::PageDown => list.cursor = (list.cursor + page).min(last),
        Command::PageUp => list.cursor = list.cursor.saturating_sub(page),
        Command::Top => list.cursor = 0,
        Command::Bottom => list.cursor = last,
        Command::Accept => match list.current() {
            Some(row) => effects.push(Effect::OpenRecord(RecordRef::Deal(row.id))),
            None => effects.say(Message::info("no deal here")),
        },
        Command::CycleSort => {
            let at = SortColumn::ALL
                .iter()
                .position(|s| *s == list.sort)
                .unwrap_or(0);
            list.sort = SortColumn::ALL[(at + 1) % SortColumn::ALL.len()];
            list.descending = list.sort == SortColumn::Amount;
            list.cursor = 0;
            list.refresh();
        }
        Command::ReverseSort => {
            list.descending = !list.descending;
            list.cursor = 0;
            list.refresh();
        }
        Command::NextSavedView | Command::PreviousSavedView => {
            let all: Vec<_> = views().collect();
            let at = all.iter().position(|v| *v == list.view).unwrap_or(0);
            let next = if command == Command::NextSavedView {
                (at + 1) % all.len()
            } else {
                (at + all.len() - 1) % all.len()
            };
            list.choose_view(all[next]);
        }
        Command::OpenFilter => pipeline.filter_editor = Some(BoardFilterField::Rep),
        Command::ToggleSelect => toggle_select(list, &mut effects),
        Command::SelectAll => {
            list.all_selected = !list.all_selected;
            list.selected.clear();
        }
        Command::ClearSelection => {
            list.all_selected = false;
            list.selected.clear();
        }
        Command::BulkMove => open_bulk(list, BulkStep::Stage(0), &mut effects),
        Command::BulkOwner => open_bulk(
            list,
            BulkStep::Owner {
                query: String::new(),
                at: 0,
            },
            &mut effects,
        ),
        Command::BulkClose => open_bulk(
            list,
            BulkStep::Close {
                text: String::new(),
                error: None,
            },
            &mut effects,
        ),
        Command::MarkLost => open_bulk(list, BulkStep::Lost(0), &mut effects),
        Command::SetCategory => {
            let current = list.current().map(|r| r.id);
            open_category(list, current, &mut effects);
        }
        Command::ToggleListView => list.shown = false,
        _ => {}
    }
    effects
}

/// `Space`: selects or unselects the deal under the cursor and steps down.
fn toggle_select(list: &mut DealList, effects: &mut Effects) {
    if list.all_selected {
        effects.say(Message::info(
            "every deal of the view is selected; a or Esc unselects them",
        ));
        return;
    }
    let Some(id) = list.current().map(|r| r.id) else {
        return;
    };
    if !list.selected.remove(&id) {
        list.selected.insert(id);
    }
    let last = list.total.unwrap_or(0).saturating_sub(1);
    list.cursor = (list.cursor + 1).min(last);
}

/// Opens the category popup for the selected deals, else for the deal `current` under the
/// cursor.
pub fn open_category(list: &mut DealList, current: Option<i64>, effects: &mut Effects) {
    let only = if list.selected_count() == 0 {
        current
    } else {
        None
    };
    if list.selected_count() == 0 && only.is_none() {
        effects.say(Message::info("no deal here to set the category of"));
        return;
    }
    list.bulk = Some(BulkStep::Category { at: 0, only });
}

/// Opens the bulk popup at `step`, or says how to select deals when none are.
pub fn open_bulk(list: &mut DealList, step: BulkStep, effects: &mut Effects) {
    if list.selected_count() == 0 {
        effects.say(Message::info(
            "select deals first: Space selects one, a every deal of the view",
        ));
    } else {
        list.bulk = Some(step);
    }
}

fn bulk_command(
    pipeline: &mut PipelineState,
    step: BulkStep,
    command: Command,
    ctx: &Ctx,
    effects: &mut Effects,
) {
    let only = match step {
        BulkStep::Category { only, .. } => only,
        _ => None,
    };
    let (after, change) = bulk::step(
        step,
        command,
        &pipeline.choices.reps,
        &pipeline.stages,
        ctx.as_of,
        effects,
    );
    pipeline.list.bulk = after;
    let Some(change) = change else {
        return;
    };
    let list = &pipeline.list;
    let target = if let Some(id) = only {
        BulkTarget::Deals(vec![id])
    } else if list.all_selected {
        BulkTarget::View(list.query(&pipeline.filter, stale_days(ctx), 0))
    } else {
        BulkTarget::Deals(list.selected.iter().copied().collect())
    };
    effects.write(
        Job::Bulk {
            target,
            change,
            today: ctx.as_of,
        },
        "saving the bulk change…",
    );
}

/// A character typed while the list view shows: into the bulk popup, when open.
pub fn type_char(list: &mut DealList, c: char) {
    if let Some(step) = list.bulk.as_mut() {
        bulk::type_char(step, c);
    }
}

/// After every update: the cursor stays in the list and on screen, and the page it shows is
/// asked for when not loaded.
pub fn after_update(pipeline: &mut PipelineState, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    let list = &mut pipeline.list;
    if !list.shown {
        return effects;
    }
    let rows = view::visible_rows(ctx.size);
    list.scroll_into_view(rows);
    if let Some(offset) = list.page_wanted(rows) {
        list.asked = Some(offset);
        effects.request(Job::DealList {
            query: list.query(&pipeline.filter, stale_days(ctx), offset),
            as_of: ctx.as_of,
        });
    }
    effects
}

/// A page arrived: it replaces the loaded rows and gives the true total.
pub fn take_page(list: &mut DealList, page: DealListPage) {
    list.first = page.offset;
    list.total = Some(page.page.total);
    list.rows = page.page.rows;
    list.asked = None;
    list.dirty = false;
}

/// Something was saved that may have changed deals: the list reads its rows and counts again.
pub fn data_changed(list: &mut DealList, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    if list.shown {
        list.refresh();
        request_counts(list, ctx, &mut effects);
    }
    effects
}

/// A bulk change was saved: its summary shows and the selection is done with.
pub fn take_bulk(list: &mut DealList, summary: &BulkSummary) -> Effects {
    list.selected.clear();
    list.all_selected = false;
    let mut effects = Effects::none();
    effects.say(Message::info(summary.written.summary.clone()));
    effects
}

/// A click on a row of the list moves the cursor there; a click on the cursor's row opens
/// the deal (the command returned, for the app to run like the key).
pub fn click(list: &mut DealList, body: Rect, column: u16, row: u16) -> Option<Command> {
    let line = view::row_at(body, column, row)?;
    let n = list.top + line;
    if list.total.is_none_or(|t| n >= t) {
        return None;
    }
    if n == list.cursor {
        return Some(Command::Accept);
    }
    list.cursor = n;
    None
}

/// On the board: `Space` selects or unselects the card (the list view shares the selection),
/// and the bulk keys open the popup for the selected deals.
pub fn board_selection(pipeline: &mut PipelineState, command: Command, effects: &mut Effects) {
    let list = &mut pipeline.list;
    match command {
        Command::ToggleSelect => {
            let Some(id) = pipeline.selected_card().map(|c| c.id) else {
                return;
            };
            let list = &mut pipeline.list;
            list.all_selected = false;
            if !list.selected.remove(&id) {
                list.selected.insert(id);
            }
        }
        Command::BulkMove => open_bulk(list, BulkStep::Stage(0), effects),
        Command::BulkOwner => open_bulk(
            list,
            BulkStep::Owner {
                query: String::new(),
                at: 0,
            },
            effects,
        ),
        Command::BulkClose => open_bulk(
            list,
            BulkStep::Close {
                text: String::new(),
                error: None,
            },
            effects,
        ),
        Command::SetCategory => {
            let current = pipeline.selected_card().map(|c| c.id);
            open_category(&mut pipeline.list, current, effects);
        }
        _ => {}
    }
}
