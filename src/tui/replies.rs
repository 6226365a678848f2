//! The worker's answers taken into the app: each reply lands in the state it belongs to, and a
//! saved write refreshes everything that shows what it changed.

use crate::tui::app::{App, HistoryView, Message};
use crate::tui::effects::ctx;
use crate::tui::popups::data::DataView;
use crate::tui::popups::record::update as record;
use crate::tui::popups::{export, find, import, record_form};
use crate::tui::scores::update as scores_update;
use crate::tui::screens::channels::update as channels;
use crate::tui::screens::customers::update as customers_update;
use crate::tui::screens::forecast::call::update as call_update;
use crate::tui::screens::forecast::update as forecast_update;
use crate::tui::screens::pipeline::list::update as list_update;
use crate::tui::screens::pipeline::more;
use crate::tui::screens::pipeline::update as pipeline_update;
use crate::tui::screens::tasks::results as tasks_results;
use crate::tui::screens::tasks::update as tasks_update;
use crate::tui::screens::tiers::update as tiers_update;
use crate::worker::{Output, Reply};

/// Takes one reply from the worker into `app`.
pub(crate) fn take_reply(app: &mut App, reply: Reply) {
    match reply.output {
        Output::ImportProgress(progress) => {
            app.import.progress = Some(progress);
            return;
        }
        Output::Step(step) => {
            app.jobs.take_step(reply.kind, reply.generation, step);
            return;
        }
        _ => {}
    }
    if !app.jobs.accept(&reply) {
        tracing::debug!(kind = ?reply.kind, generation = reply.generation, "stale reply dropped");
        return;
    }
    match reply.output {
        Output::CustomerIndex(Ok(index)) => app.customers.replace_index(index),
        Output::CustomerDetail(result) => customers_update::take_detail(&mut app.customers, result),
        Output::BoardCards(Ok(cards)) => app.pipeline.replace_cards(cards),
        Output::BoardTotals(Ok(totals)) => app.pipeline.totals = Some(totals),
        Output::Written(Ok(written)) => {
            record_form::update::after_written(app, Ok(&written));
            record::reload(app);
            let effects = tasks_update::after_write(&app.tasks, &ctx!(app));
            app.apply(effects);
            let effects = channels::after_write(&app.channels);
            app.apply(effects);
            match &written.saved {
                // Task, absence and channel-plan batches touch no deal: the board and KPIs stay.
                Some(saved) if saved.deal_id.is_none() => {
                    // A record batch (a bulk change undone, say) may touch many deals, and a
                    // stage edit every stage's numbers: what reads deals or stages is stale.
                    let effects = pipeline_update::reload_board(&mut app.pipeline, &ctx!(app));
                    app.apply(effects);
                    let effects = list_update::data_changed(&mut app.pipeline.list, &ctx!(app));
                    app.apply(effects);
                    forecast_update::data_changed(&mut app.forecast);
                    tiers_update::data_changed(&mut app.tiers);
                    scores_update::data_changed(app);
                    app.message = Message::info(saved.summary.clone());
                }
                _ => {
                    let deal = written.saved.as_ref().and_then(|saved| saved.deal_id);
                    let effects =
                        pipeline_update::take_written(&mut app.pipeline, written, &ctx!(app));
                    app.apply(effects);
                    let effects = list_update::data_changed(&mut app.pipeline.list, &ctx!(app));
                    app.apply(effects);
                    forecast_update::data_changed(&mut app.forecast);
                    tiers_update::data_changed(&mut app.tiers);
                    match deal {
                        Some(deal) => scores_update::deal_changed(app, deal),
                        None => scores_update::data_changed(app),
                    }
                }
            }
        }
        Output::History(Ok(lines)) => app.history = Some(HistoryView { lines, scroll: 0 }),
        Output::Kpis(Ok(kpis)) => app.pipeline.kpis = Some(kpis),
        Output::Exported(result) => export::take_exported(app, result),
        Output::Imported(result) => {
            if result.is_ok() {
                record::reload(app);
            }
            import::update::take_imported(app, result);
            let effects = channels::after_write(&app.channels);
            app.apply(effects);
        }
        Output::Channels(result) => {
            let effects = channels::take_model(&mut app.channels, result);
            app.apply(effects);
        }
        Output::ImportProgress(_) | Output::Step(_) => {}
        Output::RecordRefused(refusal) => record_form::update::take_refused(app, refusal),
        Output::RecordForm(result) => record_form::update::take_form(app, result),
        Output::Written(Err(e)) => {
            record_form::update::after_written(app, Err(&e));
            app.message = Message::error(e);
        }
        Output::Forecast(Ok(set)) => forecast_update::take_forecast(&mut app.forecast, set),
        Output::Call(Ok(sheet)) => call_update::take_call(&mut app.forecast.call, *sheet),
        Output::Tasks(Ok(input)) => app.tasks.replace_input(input),
        Output::PlanWatch(result) => {
            let effects = tasks_results::take(&mut app.tasks, result);
            app.apply(effects);
        }
        Output::Plan(result) => {
            let effects = tasks_update::take_plan(&mut app.tasks, result);
            app.apply(effects);
        }
        Output::Tiers(Ok(overview)) => tiers_update::take_tiers(&mut app.tiers, overview),
        Output::Quality(Ok(report)) => {
            app.message = Message::default();
            app.data = Some(DataView::new(*report));
        }
        Output::Found(Ok(found)) => {
            if let Some(state) = app.find.as_mut() {
                find::update::take_found(state, found);
            }
        }
        Output::DealList(Ok(page)) => list_update::take_page(&mut app.pipeline.list, page),
        Output::ViewCounts(Ok(counts)) => app.pipeline.list.counts = Some(counts),
        Output::Bulk(Ok(summary)) => {
            pipeline_update::reload_everything(app);
            record::reload(app);
            let effects = list_update::take_bulk(&mut app.pipeline.list, &summary);
            app.apply(effects);
            let effects = list_update::data_changed(&mut app.pipeline.list, &ctx!(app));
            app.apply(effects);
        }
        Output::BoardMore(Ok(more)) => more::take_more(&mut app.pipeline, more),
        Output::Scores(Ok(set)) => scores_update::take_scores(app, set),
        Output::DealScores(Ok(scored)) => scores_update::take_deal_scores(app, scored),
        Output::ModelWatch(Ok(watch)) => scores_update::take_watch(app, *watch),
        Output::DealRecord(id, result) => record::take_deal(app, id, result),
        Output::CustomerRecord(id, result) => record::take_customer(app, id, result),
        Output::CustomerIndex(Err(e))
        | Output::BoardCards(Err(e))
        | Output::BoardTotals(Err(e))
        | Output::History(Err(e))
        | Output::Kpis(Err(e))
        | Output::Forecast(Err(e))
        | Output::Call(Err(e))
        | Output::Tiers(Err(e))
        | Output::Quality(Err(e))
        | Output::Scores(Err(e))
        | Output::DealScores(Err(e))
        | Output::ModelWatch(Err(e))
        | Output::Tasks(Err(e))
        | Output::Found(Err(e))
        | Output::DealList(Err(e))
        | Output::ViewCounts(Err(e))
        | Output::Bulk(Err(e))
        | Output::BoardMore(Err(e))
        | Output::Refit(Err(e)) => app.message = Message::error(e),
        Output::Refit(Ok(forgotten)) => {
            app.message = Message::info(format!(
                "refitting every analysis from the book ({forgotten} kept {} forgotten)",
                if forgotten == 1 { "result" } else { "results" }
            ));
        }
    }
}
