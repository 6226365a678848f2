//! The pipeline board's default keys and the words the help shows.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keymap::binding::Binding;
use crate::tui::keymap::binding::Context;
use crate::tui::keymap::binding::bind;
use crate::tui::keys::Key;
use crate::tui::screens::pipeline::list::keys::deal_moves;

/// The board.
pub fn bindings() -> Vec<Binding> {
    use Command as C;
    use Context::Pipeline;
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Pipeline,
            vec![ch('h'), code(KeyCode::Left)],
            C::MoveLeft,
            "column to the left",
        ),
        bind(
            Pipeline,
            vec![ch('l'), code(KeyCode::Right)],
            C::MoveRight,
            "column to the right",
        ),
    ]
    .into_iter()
    .chain(deal_moves(Pipeline))
    .chain([
        bind(
            Pipeline,
            vec![ch('>')],
            C::NextStage,
            "move the deal to the next stage",
        ),
        bind(
            Pipeline,
            vec![ch('<')],
            C::PreviousStage,
            "move back a stage (reopens a closed deal)",
        ),
        bind(Pipeline, vec![ch('w')], C::MarkWon, "mark the deal Won"),
        bind(
            Pipeline,
            vec![ch('x')],
            C::MarkLost,
            "mark the deal Lost, with a reason",
        ),
        bind(
            Pipeline,
            vec![ch('e')],
            C::EditDeal,
            "edit amount, expected close, probability",
        ),
        bind(
            Pipeline,
            vec![code(KeyCode::Enter)],
            C::OpenRecord,
            "open the deal's record",
        ),
        bind(
            Pipeline,
            vec![ch('s')],
            C::ToggleCardSort,
            "sort cards by amount or close date",
        ),
        bind(
            Pipeline,
            vec![ch('f')],
            C::OpenFilter,
            "filter by rep, team, product, close quarter",
        ),
        bind(
            Pipeline,
            vec![ch('p')],
            C::CyclePeriod,
            "KPI period: 12 months, quarters, year",
        ),
        bind(
            Pipeline,
            vec![ch('P')],
            C::NextPipeline,
            "next pipeline (after the last: all together)",
        ),
        bind(
            Pipeline,
            vec![ch('E')],
            C::EditStages,
            "edit the pipeline's stages",
        ),
        bind(
            Pipeline,
            vec![ch('t')],
            C::ToggleQuota,
            "quota attainment per rep and team (j/k PgDn scroll it while open)",
        ),
    ])
    .collect()
}
