//! Which pipeline the board shows, and its stage editor: `P` steps through the pipelines (then
//! all of them together), `E` opens the editor, whose saved edits reload the board.

use super::PipelineState;
use super::reload::reload_board;
use crate::tui::action::Command;
use crate::tui::effects::{Ctx, Effects, Message};
use crate::tui::popups::stages::StageEditor;
use crate::tui::popups::stages::update::{Outcome, run};
use crate::worker::Job;

/// Shows the next pipeline; after the last, every pipeline together (a book with one pipeline
/// has nothing to switch).
pub fn next_pipeline(pipeline: &mut PipelineState, ctx: &Ctx) -> Effects {
    let list = pipeline.catalogue.pipelines();
    if list.len() < 2 {
        let mut effects = Effects::none();
        effects.say(Message::info(
            "the book has one pipeline; E opens its stages (n there adds another)",
        ));
        return effects;
    }
    let next = match pipeline.filter.pipeline_id {
        None => list.first().map(|p| p.id),
        Some(id) => {
            let at = list.iter().position(|p| p.id == id).unwrap_or(0);
            list.get(at + 1).map(|p| p.id)
        }
    };
    show(pipeline, next, ctx)
}

/// Shows `pipeline_id` (`None`: all) and reloads what depends on it.
pub fn show(pipeline: &mut PipelineState, pipeline_id: Option<i64>, ctx: &Ctx) -> Effects {
    pipeline.set_scope(pipeline_id);
    let mut effects = reload_board(pipeline, ctx);
    effects
        .0
        .extend(super::list::update::data_changed(&mut pipeline.list, ctx).0);
    effects.say(Message::info(format!("showing {}", pipeline.scope_name())));
    effects
}

/// Opens the stage editor on the pipeline shown (the first when all are).
pub fn open_editor(pipeline: &mut PipelineState) {
    let id = pipeline
        .filter
        .pipeline_id
        .unwrap_or_else(|| pipeline.catalogue.first_id());
    pipeline.stage_editor = Some(StageEditor::new(id));
}

/// Runs a key in the open stage editor: a saved edit becomes a write; removing the pipeline the
/// board shows first shows another.
pub fn editor_command(pipeline: &mut PipelineState, command: Command, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    let Some(editor) = pipeline.stage_editor.as_mut() else {
        return effects;
    };
    match run(editor, &pipeline.catalogue, command) {
        Outcome::Stay => {}
        Outcome::Close => pipeline.stage_editor = None,
        Outcome::Refused(why) => effects.say(Message::info(why)),
        Outcome::Save(edit) => {
            if let crate::db::pipelines::StageEdit::RemovePipeline { pipeline_id } = &edit
                && pipeline.filter.pipeline_id == Some(*pipeline_id)
            {
                let other = pipeline
                    .catalogue
                    .pipelines()
                    .iter()
                    .find(|p| p.id != *pipeline_id)
                    .map(|p| p.id);
                pipeline.set_scope(other);
                if let Some(editor) = pipeline.stage_editor.as_mut() {
                    editor.pipeline_id = other.unwrap_or(editor.pipeline_id);
                }
            }
            effects.request(Job::StageEdit {
                edit,
                today: ctx.as_of,
            });
        }
    }
    effects
}
