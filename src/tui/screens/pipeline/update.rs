//! What the board's commands do: moves and closings become write jobs, popups collect what a
//! change needs, and a saved change updates just its card.

use crate::db::board::CardSort;
use crate::domain::{DealChange, LOST_REASONS, Quarter, Stage};
use crate::tui::action::Command;
use crate::tui::app::{App, Message};
use crate::tui::effects::Ctx;
use crate::tui::layout;
use crate::tui::popups::deal_form::DealForm;
use crate::tui::screens::pipeline::{BoardFilterField, Confirm};
use crate::worker::{Job, Written};

/// Quarters the close-date filter offers: two back, the current one, and four ahead.
const QUARTERS_BACK: usize = 2;
const QUARTERS_AHEAD: usize = 4;

/// Runs a command on the pipeline screen.
pub fn run_command(app: &mut App, command: Command) {
    if app.pipeline.confirm.is_some() {
        confirm(app, command);
    } else if app.pipeline.form.is_some() {
        form(app, command);
    } else if app.pipeline.lost_picker.is_some() {
        picker(app, command);
    } else if app.pipeline.filter_editor.is_some() {
        filter(app, command);
    } else {
        board(app, command);
    }
}

fn board(app: &mut App, command: Command) {
    let page = layout::board_card_rows(app.size) as isize;
    let p = &mut app.pipeline;
    match command {
        Command::MoveLeft => p.move_column(-1),
        Command::MoveRight => p.move_column(1),
        Command::Up => p.move_card(-1),
        Command::Down => p.move_card(1),
        Command::PageUp => p.move_card(-page),
        Command::PageDown => p.move_card(page),
        Command::Top => p.move_card(isize::MIN / 2),
        Command::Bottom => p.move_card(isize::MAX / 2),
        Command::NextStage => step_stage(app, true),
        Command::PreviousStage => step_stage(app, false),
        Command::MarkWon => {
            if let Some(card) = p.selected_card() {
                let id = card.id;
                propose(app, id, DealChange::Win);
            }
        }
        Command::MarkLost => {
            if let Some(card) = p.selected_card() {
                p.lost_picker = Some((card.id, 0));
            }
        }
        Command::EditDeal => {
            if let Some(card) = p.selected_card() {
                p.form = Some(DealForm::for_card(card));
            }
        }
        Command::ToggleCardSort => {
            p.sort = match p.sort {
                CardSort::Amount => CardSort::CloseDate,
                CardSort::CloseDate => CardSort::Amount,
            };
            reload(app, false);
        }
        Command::OpenFilter => p.filter_editor = Some(BoardFilterField::Rep),
        Command::CyclePeriod => {
            p.period_kind = p.period_kind.next();
            let period = p.period_kind.period(app.as_of);
            p.period = (period.from, period.to);
            request_kpis(app);
            reload(app, true);
        }
        Command::ToggleQuota => p.show_quota = !p.show_quota,
        _ => {}
    }
}

/// `>` and `<`: the next or previous open stage; past Negotiation is Won; back from a closed
/// deal reopens it.
fn step_stage(app: &mut App, forward: bool) {
    let Some(card) = app.pipeline.selected_card() else {
        return;
    };
    let id = card.id;
    let change = match (Stage::OPEN.iter().position(|s| *s == card.stage), forward) {
        (Some(3), true) => DealChange::Win,
        (Some(i), true) => DealChange::Move {
            to: Stage::OPEN[i + 1],
        },
        (Some(0), false) => {
            app.message = Message::info("the deal is at Lead already");
            return;
        }
        (Some(i), false) => DealChange::Move {
            to: Stage::OPEN[i - 1],
        },
        (None, true) => {
            app.message = Message::info("the deal is closed; < reopens it");
            return;
        }
        (None, false) => DealChange::Reopen,
    };
    propose(app, id, change);
}

/// Saves `change`, or first asks when it changes the stage of a closed deal.
fn propose(app: &mut App, deal_id: i64, change: DealChange) {
    let Some(card) = app.pipeline.selected_card() else {
        return;
    };
    let changes_stage = !matches!(change, DealChange::Edit { .. });
    if card.stage.is_closed() && changes_stage {
        let verb = match &change {
            DealChange::Win => "mark it Won".to_string(),
            DealChange::Lose { reason } => format!("mark it Lost ({reason})"),
            DealChange::Reopen => "reopen it at Negotiation".to_string(),
            DealChange::Move { to } => format!("move it to {to}"),
            DealChange::Edit { .. } => "edit it".to_string(),
        };
        app.pipeline.confirm = Some(Confirm {
            deal_id,
            question: format!("“{}” is {}. {verb}?", card.title, card.stage),
            change,
        });
        return;
    }
    write(app, deal_id, change);
}

fn write(app: &mut App, deal_id: i64, change: DealChange) {
    let today = app.as_of;
    app.request_write(
        Job::Write {
            deal_id,
            change,
            today,
        },
        "saving…",
    );
}

fn confirm(app: &mut App, command: Command) {
    match command {
        Command::Accept => {
            if let Some(c) = app.pipeline.confirm.take() {
                write(app, c.deal_id, c.change);
            }
        }
        Command::Cancel => {
            app.pipeline.confirm = None;
            app.message = Message::info("nothing changed");
        }
        Command::Quit => app.quit = true,
        _ => {}
    }
}

fn form(app: &mut App, command: Command) {
    let Some(form) = app.pipeline.form.as_mut() else {
        return;
    };
    match command {
        Command::NextField => form.step_focus(true),
        Command::PreviousField => form.step_focus(false),
        Command::DeleteChar => form.backspace(),
        Command::Cancel => app.pipeline.form = None,
        Command::Accept => match form.change() {
            Ok(change) => {
                let id = form.deal_id;
                app.pipeline.form = None;
                write(app, id, change);
            }
            Err(why) => form.error = Some(why),
        },
        Command::Quit => app.quit = true,
        _ => {}
    }
}

fn picker(app: &mut App, command: Command) {
    let Some((deal_id, at)) = app.pipeline.lost_picker else {
        return;
    };
    match command {
        Command::Down => {
            app.pipeline.lost_picker = Some((deal_id, (at + 1).min(LOST_REASONS.len() - 1)))
        }
        Command::Up => app.pipeline.lost_picker = Some((deal_id, at.saturating_sub(1))),
        Command::Cancel => app.pipeline.lost_picker = None,
        Command::Accept => {
            app.pipeline.lost_picker = None;
            let reason = LOST_REASONS[at].to_string();
            propose(app, deal_id, DealChange::Lose { reason });
        }
        Command::Quit => app.quit = true,
        _ => {}
    }
}

fn filter(app: &mut App, command: Command) {
    let Some(field) = app.pipeline.filter_editor else {
        return;
    };
    let fields = BoardFilterField::ALL;
    let i = fields.iter().position(|f| *f == field).unwrap_or(0);
    match command {
        Command::NextFilterField => {
            app.pipeline.filter_editor = Some(fields[(i + 1) % fields.len()])
        }
        Command::PreviousFilterField => {
            app.pipeline.filter_editor = Some(fields[(i + fields.len() - 1) % fields.len()]);
        }
        Command::NextFilterValue | Command::PreviousFilterValue => {
            step_filter(app, field, command == Command::NextFilterValue);
            reload(app, true);
        }
        Command::ClearFilterField => {
            clear_filter(app, field);
            reload(app, true);
        }
        Command::CloseFilter => app.pipeline.filter_editor = None,
        Command::Quit => app.quit = true,
        _ => {}
    }
}

/// Steps through any → first … last → any.
fn step<T: Clone + PartialEq>(values: &[T], current: Option<T>, forward: bool) -> Option<T> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let at = current.and_then(|c| values.iter().position(|v| *v == c));
    let next = match (at, forward) {
        (None, true) => Some(0),
        (None, false) => Some(n - 1),
        (Some(i), true) => (i + 1 < n).then_some(i + 1),
        (Some(i), false) => i.checked_sub(1),
    };
    next.map(|i| values[i].clone())
}

/// The quarters the close-date filter steps through.
pub fn filter_quarters(app: &App) -> Vec<Quarter> {
    let now = Quarter::containing(app.as_of);
    let mut first = now;
    for _ in 0..QUARTERS_BACK {
        first = first.previous();
    }
    std::iter::successors(Some(first), |q| Some(q.next()))
        .take(QUARTERS_BACK + 1 + QUARTERS_AHEAD)
        .collect()
}

fn step_filter(app: &mut App, field: BoardFilterField, forward: bool) {
    let quarters = filter_quarters(app);
    let p = &mut app.pipeline;
    let f = &mut p.filter;
    match field {
        BoardFilterField::Rep => {
            let ids: Vec<i64> = p.choices.reps.iter().map(|r| r.0).collect();
            f.rep_id = step(&ids, f.rep_id, forward);
        }
        BoardFilterField::Team => f.team = step(&p.choices.teams, f.team.clone(), forward),
        BoardFilterField::Product => {
            let ids: Vec<i64> = p.choices.products.iter().map(|r| r.0).collect();
            f.product_id = step(&ids, f.product_id, forward);
        }
        BoardFilterField::CloseQuarter => {
            f.close_quarter = step(&quarters, f.close_quarter, forward)
        }
    }
}

fn clear_filter(app: &mut App, field: BoardFilterField) {
    let f = &mut app.pipeline.filter;
    match field {
        BoardFilterField::Rep => f.rep_id = None,
        BoardFilterField::Team => f.team = None,
        BoardFilterField::Product => f.product_id = None,
        BoardFilterField::CloseQuarter => f.close_quarter = None,
    }
}

/// Asks the worker for the cards (and, when the filter changed, the totals) again.
fn reload(app: &mut App, totals_too: bool) {
    let p = &mut app.pipeline;
    app.jobs.request(Job::BoardCards {
        filter: p.filter.clone(),
        sort: p.sort,
        period: p.period,
    });
    if totals_too {
        p.totals = None;
        app.jobs.request(Job::BoardTotals {
            filter: p.filter.clone(),
            period: p.period,
        });
    }
}

/// A write, undo or redo was saved: move that one card, and refresh what depends on deals.
pub fn take_written(app: &mut App, written: Written) {
    let Some(saved) = written.saved else {
        app.message = Message::info("nothing to undo or redo");
        return;
    };
    app.pipeline
        .apply_change(written.before.as_ref(), written.after.as_ref());
    // The adjusted totals show at once; a count started after this change then replaces them.
    // The count runs on the other thread, so one already taken may or may not include this
    // change, and its reply may even arrive before this one: only a fresh count is sure.
    let p = &app.pipeline;
    app.jobs.request(Job::BoardTotals {
        filter: p.filter.clone(),
        period: p.period,
    });
    app.message = Message::info(saved.summary);
    app.jobs.request(Job::CustomerIndex { as_of: app.as_of });
    request_kpis(app);
}

/// Asks for everything the screens show again, after a change too big to patch (an import).
pub fn reload_everything(app: &mut App) {
    reload(app, true);
    app.jobs.request(Job::CustomerIndex { as_of: app.as_of });
    request_kpis(app);
    crate::tui::screens::forecast::update::data_changed(&mut app.forecast);
    crate::tui::screens::tiers::update::data_changed(&mut app.tiers);
    crate::tui::scores::update::data_changed(app);
    let effects = crate::tui::screens::tasks::update::after_write(
        &app.tasks,
        &Ctx {
            as_of: app.as_of,
            config: &app.config,
            size: app.size,
            screen: app.screen,
        },
    );
    app.apply(effects);
}

/// Asks for the KPIs of the board's period again (after a change or a period switch).
fn request_kpis(app: &mut App) {
    app.pipeline.kpis = None;
    app.jobs.request(Job::Kpis {
        kind: app.pipeline.period_kind,
        as_of: app.as_of,
    });
}

/// The label of one filter field's value ("any" when unset).
pub fn filter_value_label(app: &App, field: BoardFilterField) -> String {
    let p = &app.pipeline;
    let f = &p.filter;
    let name = |list: &[(i64, String)], id: Option<i64>| {
        id.map(|id| {
            list.iter()
                .find(|(i, _)| *i == id)
                .map_or_else(|| id.to_string(), |(_, n)| n.clone())
        })
    };
    let reps: Vec<(i64, String)> = p
        .choices
        .reps
        .iter()
        .map(|(id, n, _)| (*id, n.clone()))
        .collect();
    match field {
        BoardFilterField::Rep => name(&reps, f.rep_id),
        BoardFilterField::Team => f.team.clone(),
        BoardFilterField::Product => name(&p.choices.products, f.product_id),
        BoardFilterField::CloseQuarter => f.close_quarter.map(|q| q.to_string()),
    }
    .unwrap_or_else(|| "any".into())
}

/// The active filters in one phrase, for the strip.
pub fn filter_label(app: &App) -> String {
    let parts: Vec<String> = BoardFilterField::ALL
        .iter()
        .filter_map(|&field| {
            let value = filter_value_label(app, field);
            (value != "any").then(|| format!("{} {value}", field.title().to_lowercase()))
        })
        .collect();
    if parts.is_empty() {
        "all deals (f filters)".into()
    } else {
        parts.join(" · ")
    }
}
