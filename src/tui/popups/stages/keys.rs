//! The stage editor's default keys and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;

/// The stage editor.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Stages;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Stages,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "next stage",
        ),
        bind(
            Stages,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "previous stage",
        ),
        bind(
            Stages,
            vec![ch('a')],
            C::AddStage,
            "add a stage after this one",
        ),
        bind(Stages, vec![ch('r')], C::RenameStage, "rename the stage"),
        bind(
            Stages,
            vec![ch('%')],
            C::SetStageNumbers,
            "set win % and stale days",
        ),
        bind(
            Stages,
            vec![ch('K')],
            C::StageEarlier,
            "move the stage earlier",
        ),
        bind(Stages, vec![ch('J')], C::StageLater, "move the stage later"),
        bind(
            Stages,
            vec![ch('x')],
            C::RemoveStage,
            "remove the stage (pick where its deals go, Enter)",
        ),
        bind(
            Stages,
            vec![ch('P')],
            C::NextPipeline,
            "the next pipeline's stages",
        ),
        bind(
            Stages,
            vec![ch('n')],
            C::AddPipeline,
            "new pipeline with a copy of these stages",
        ),
        bind(
            Stages,
            vec![ch('R')],
            C::RenamePipeline,
            "rename the pipeline",
        ),
        bind(
            Stages,
            vec![ch('X')],
            C::RemovePipeline,
            "remove the pipeline (when it holds no deals)",
        ),
        bind(
            Stages,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "move the deals and remove the stage",
        ),
        bind(
            Stages,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "close the editor (or stop removing)",
        ),
    ]
}
