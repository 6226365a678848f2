//! What the board's commands do: moves and closings become write jobs, popups collect what a
//! change needs, and a saved change updates just its card.

use crate::db::board::CardSort;
use crate::domain::DealChange;
use crate::tui::action::Command;
use crate::tui::effects::{Ctx, Effect, Effects, Message, RecordRef};
use crate::tui::keymap::Context;
use crate::tui::layout;
use crate::tui::popups::deal_form::DealForm;
use crate::tui::popups::lost_reason::{LostPicker, Outcome};
use crate::tui::screen_update::ScreenUpdate;
use crate::tui::screens::pipeline::filter::filter_quarters;
use crate::tui::screens::pipeline::{BoardFilterField, Confirm, PipelineState, quota};
use crate::worker::Job;

use super::reload::{reload, request_kpis};
pub use super::reload::{reload_board, reload_everything, take_written};

/// Runs a command on the pipeline screen.
pub fn run_command(pipeline: &mut PipelineState, command: Command, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    if pipeline.stage_editor.is_some() && pipeline.confirm.is_none() {
        return super::scope::editor_command(pipeline, command, ctx);
    }
    let popup_open = pipeline.form.is_some()
        || pipeline.lost_picker.is_some()
        || pipeline.filter_editor.is_some()
        || pipeline.list.bulk.is_some();
    match command {
        Command::NextPipeline if !popup_open => return super::scope::next_pipeline(pipeline, ctx),
        Command::EditStages if !popup_open => {
            super::scope::open_editor(pipeline);
            return effects;
        }
        _ => {}
    }
    let handle = if pipeline.confirm.is_some() {
        confirm
    } else if pipeline.form.is_some() {
        form
    } else if pipeline.lost_picker.is_some() {
        picker
    } else if pipeline.filter_editor.is_some() {
        filter
    } else if pipeline.list.shown || pipeline.list.bulk.is_some() {
        return super::list::update::run_command(pipeline, command, ctx);
    } else {
        board
    };
    handle(pipeline, ctx, &mut effects, command);
    effects
}

fn board(pipeline: &mut PipelineState, ctx: &Ctx, effects: &mut Effects, command: Command) {
    let page = layout::board_card_rows(ctx.size) as isize;
    if pipeline.show_quota && quota::scroll(pipeline, ctx.size, command) {
        return;
    }
    let p = &mut *pipeline;
    match command {
        Command::MoveLeft => p.move_column(-1),
        Command::MoveRight => p.move_column(1),
        Command::Up => p.move_card(-1),
        Command::Down => p.move_card(1),
        Command::PageUp => p.move_card(-page),
        Command::PageDown => p.move_card(page),
        Command::Top => p.move_card(isize::MIN / 2),
        Command::Bottom => p.move_card(isize::MAX / 2),
        Command::NextStage => step_stage(pipeline, ctx, effects, true),
        Command::PreviousStage => step_stage(pipeline, ctx, effects, false),
        Command::MarkWon => {
            if let Some(card) = p.selected_card() {
                let id = card.id;
                propose(pipeline, ctx, effects, id, DealChange::Win);
            }
        }
        Command::MarkLost => {
            if let Some(card) = p.selected_card() {
                p.lost_picker = Some(LostPicker::new(card.id));
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
            reload(pipeline, effects, false);
        }
        Command::OpenFilter => p.filter_editor = Some(BoardFilterField::Rep),
        Command::CyclePeriod => {
            p.period_kind = p.period_kind.next();
            let period = p.period_kind.period(ctx.as_of);
            p.period = (period.from, period.to);
            request_kpis(pipeline, ctx, effects);
            reload(pipeline, effects, true);
        }
        Command::ToggleQuota => p.show_quota = !p.show_quota,
        Command::OpenRecord => {
            if let Some(card) = p.selected_card() {
                effects.push(Effect::OpenRecord(RecordRef::Deal(card.id)));
            }
        }
        Command::ToggleListView => effects.0.extend(super::list::update::toggle(p, ctx).0),
        Command::ToggleSelect
        | Command::BulkMove
        | Command::BulkOwner
        | Command::BulkClose
        | Command::SetCategory => super::list::update::board_selection(p, command, effects),
        _ => {}
    }
}

/// `>` and `<`: the next or previous open stage of the deal's pipeline; past the last is Won;
/// back from a closed deal reopens it.
fn step_stage(pipeline: &mut PipelineState, ctx: &Ctx, effects: &mut Effects, forward: bool) {
    let Some(card) = pipeline.selected_card() else {
        return;
    };
    let id = card.id;
    let catalogue = &pipeline.catalogue;
    let stage = card.stage;
    let change = match (stage.is_closed(), forward) {
        (false, true) => match catalogue.next_open(stage) {
            Some(to) => DealChange::Move { to },
            None => DealChange::Win,
        },
        (false, false) => match catalogue.previous_open(stage) {
            Some(to) => DealChange::Move { to },
            None => {
                let first = catalogue.name(stage);
                effects.say(Message::info(format!("the deal is at {first} already")));
                return;
            }
        },
        (true, true) => {
            effects.say(Message::info("the deal is closed; < reopens it"));
            return;
        }
        (true, false) => DealChange::Reopen,
    };
    propose(pipeline, ctx, effects, id, change);
}

/// Saves `change`, or first asks when it changes the stage of a closed deal.
fn propose(
    pipeline: &mut PipelineState,
    ctx: &Ctx,
    effects: &mut Effects,
    deal_id: i64,
    change: DealChange,
) {
    let Some(card) = pipeline.selected_card() else {
        return;
    };
    let changes_stage = !matches!(change, DealChange::Edit { .. });
    if card.stage.is_closed() && changes_stage {
        let verb = match &change {
            DealChange::Win => "mark it Won".to_string(),
            DealChange::Lose { reason } => format!("mark it Lost ({reason})"),
            DealChange::Reopen => "reopen it at the stage it closed from".to_string(),
            DealChange::Move { to } => format!("move it to {}", pipeline.catalogue.name(*to)),
            DealChange::Edit { .. } => "edit it".to_string(),
        };
        pipeline.confirm = Some(Confirm {
            deal_id,
            question: format!(
                "“{}” is {}. {verb}?",
                card.title,
                pipeline.catalogue.name(card.stage)
            ),
            change,
        });
        return;
    }
    write(ctx, effects, deal_id, change);
}

fn write(ctx: &Ctx, effects: &mut Effects, deal_id: i64, change: DealChange) {
    let today = ctx.as_of;
    effects.write(
        Job::Write {
            deal_id,
            change,
            today,
        },
        "saving…",
    );
}

fn confirm(pipeline: &mut PipelineState, ctx: &Ctx, effects: &mut Effects, command: Command) {
    match command {
        Command::Accept => {
            if let Some(c) = pipeline.confirm.take() {
                write(ctx, effects, c.deal_id, c.change);
            }
        }
        Command::Cancel => {
            pipeline.confirm = None;
            effects.say(Message::info("nothing changed"));
        }
        Command::Quit => effects.push(Effect::Quit),
        _ => {}
    }
}

fn form(pipeline: &mut PipelineState, ctx: &Ctx, effects: &mut Effects, command: Command) {
    let Some(form) = pipeline.form.as_mut() else {
        return;
    };
    match command {
        Command::NextField => form.step_focus(true),
        Command::PreviousField => form.step_focus(false),
        Command::DeleteChar => form.backspace(),
        Command::Cancel => pipeline.form = None,
        Command::Accept => match form.change() {
            Ok(change) => {
                let id = form.deal_id;
                pipeline.form = None;
                write(ctx, effects, id, change);
            }
            Err(why) => form.error = Some(why),
        },
        Command::Quit => effects.push(Effect::Quit),
        _ => {}
    }
}

fn picker(pipeline: &mut PipelineState, ctx: &Ctx, effects: &mut Effects, command: Command) {
    let Some(picker) = pipeline.lost_picker.as_mut() else {
        return;
    };
    if command == Command::Quit {
        effects.push(Effect::Quit);
        return;
    }
    let deal_id = picker.deal_id;
    match picker.run(ctx.config.pipeline.lost_reasons.as_slice(), command) {
        Outcome::Stay => {}
        Outcome::Cancel => pipeline.lost_picker = None,
        Outcome::Lose(reason) => {
            pipeline.lost_picker = None;
            propose(pipeline, ctx, effects, deal_id, DealChange::Lose { reason });
        }
    }
}

fn filter(pipeline: &mut PipelineState, ctx: &Ctx, effects: &mut Effects, command: Command) {
    let Some(field) = pipeline.filter_editor else {
        return;
    };
    let fields = BoardFilterField::ALL;
    let i = fields.iter().position(|f| *f == field).unwrap_or(0);
    match command {
        Command::NextFilterField => pipeline.filter_editor = Some(fields[(i + 1) % fields.len()]),
        Command::PreviousFilterField => {
            pipeline.filter_editor = Some(fields[(i + fields.len() - 1) % fields.len()]);
        }
        Command::NextFilterValue | Command::PreviousFilterValue => {
            step_filter(pipeline, ctx, field, command == Command::NextFilterValue);
            reload(pipeline, effects, true);
            pipeline.list.restart();
        }
        Command::ClearFilterField => {
            clear_filter(pipeline, field);
            reload(pipeline, effects, true);
            pipeline.list.restart();
        }
        Command::CloseFilter => pipeline.filter_editor = None,
        Command::Quit => effects.push(Effect::Quit),
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

fn step_filter(pipeline: &mut PipelineState, ctx: &Ctx, field: BoardFilterField, forward: bool) {
    let quarters = filter_quarters(ctx.as_of);
    let p = &mut *pipeline;
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

fn clear_filter(pipeline: &mut PipelineState, field: BoardFilterField) {
    let f = &mut pipeline.filter;
    match field {
        BoardFilterField::Rep => f.rep_id = None,
        BoardFilterField::Team => f.team = None,
        BoardFilterField::Product => f.product_id = None,
        BoardFilterField::CloseQuarter => f.close_quarter = None,
    }
}

impl ScreenUpdate for PipelineState {
    fn contexts(&self) -> Vec<Context> {
        PipelineState::contexts(self)
    }

    fn run_command(&mut self, command: Command, ctx: &Ctx) -> Effects {
        run_command(self, command, ctx)
    }

    fn type_char(&mut self, c: char) {
        if let Some(editor) = self.stage_editor.as_mut() {
            editor.type_char(c);
        } else if let Some(form) = self.form.as_mut() {
            form.type_char(c);
        } else if let Some(picker) = self.lost_picker.as_mut() {
            picker.type_char(c);
        } else {
            super::list::update::type_char(&mut self.list, c);
        }
    }
}
