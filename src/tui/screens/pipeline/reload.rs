//! Reading the board again: the cards and totals after a filter, period or scope change, the
//! KPIs, and what a saved write refreshes (just the moved card, or everything).

use super::PipelineState;
use crate::tui::app::App;
use crate::tui::effects::{Ctx, Effects, Message};
use crate::worker::{Job, Written};

/// Asks the worker for the cards (and, when the filter changed, the totals) again.
pub(super) fn reload(pipeline: &mut PipelineState, effects: &mut Effects, totals_too: bool) {
    let p = &mut *pipeline;
    p.more_asked = None;
    effects.request(Job::BoardCards {
        filter: p.filter.clone(),
        sort: p.sort,
        period: p.period,
    });
    if totals_too {
        p.totals = None;
        effects.request(Job::BoardTotals {
            filter: p.filter.clone(),
            period: p.period,
        });
    }
}

/// A write, undo or redo was saved: move that one card, and refresh what depends on deals.
pub fn take_written(pipeline: &mut PipelineState, written: Written, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    let Some(saved) = written.saved else {
        effects.say(Message::info("nothing to undo or redo"));
        return effects;
    };
    pipeline.apply_change(written.before.as_ref(), written.after.as_ref());
    // The adjusted totals show at once; a count started after this change then replaces them.
    // The count runs on the other thread, so one already taken may or may not include this
    // change, and its reply may even arrive before this one: only a fresh count is sure.
    effects.request(Job::BoardTotals {
        filter: pipeline.filter.clone(),
        period: pipeline.period,
    });
    effects.say(Message::info(saved.summary));
    effects.request(Job::CustomerIndex { as_of: ctx.as_of });
    request_kpis(pipeline, ctx, &mut effects);
    effects
}

/// Asks for everything the screens show again, after a change too big to patch (an import).
pub fn reload_everything(app: &mut App) {
    let ctx = Ctx {
        as_of: app.as_of,
        config: &app.config,
        size: app.size,
        screen: app.screen,
    };
    let mut effects = Effects::none();
    reload(&mut app.pipeline, &mut effects, true);
    effects.request(Job::CustomerIndex { as_of: ctx.as_of });
    request_kpis(&mut app.pipeline, &ctx, &mut effects);
    let effects = effects.and(crate::tui::screens::tasks::update::after_write(
        &app.tasks, &ctx,
    ));
    crate::tui::screens::forecast::update::data_changed(&mut app.forecast);
    crate::tui::screens::tiers::update::data_changed(&mut app.tiers);
    crate::tui::scores::update::data_changed(app);
    app.apply(effects);
}

/// Asks for the KPIs of the board's period again (after a change or a period switch).
pub(super) fn request_kpis(pipeline: &mut PipelineState, ctx: &Ctx, effects: &mut Effects) {
    pipeline.kpis = None;
    effects.request(Job::Kpis {
        kind: pipeline.period_kind,
        as_of: ctx.as_of,
        pipeline: pipeline.filter.pipeline_id,
    });
}

/// Reads the board, its totals and its KPIs again, after a batch that may have changed many
/// deals (a record write, a bulk change undone or redone).
pub fn reload_board(pipeline: &mut PipelineState, ctx: &Ctx) -> Effects {
    let mut effects = Effects::none();
    reload(pipeline, &mut effects, true);
    request_kpis(pipeline, ctx, &mut effects);
    effects
}
