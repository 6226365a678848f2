//! When the scoring models are refitted; [`crate::tui::update`] calls in.

use crate::analytics::monitor::models::ModelsWatch;
use crate::analytics::scoring::ScoringSet;
use crate::tui::app::App;
use crate::tui::effects::ctx;
use crate::tui::scores::refit_after;
use crate::tui::screen::Screen;
use crate::tui::screens::customers::Detail;
use crate::tui::screens::forecast::call::update as call_update;
use crate::worker::{DealScores, Job};

/// Asks the worker for the models watched when `:model` is open and they are out of date, once
/// the desk's other jobs are done. Asks the worker for a fit when the board or a customer's detail is shown and the scores are
/// out of date. A refit after a change waits until the desk's other jobs (the save, the
/// totals, the KPIs, a fit already running) are done, so it never holds them up, and changes
/// made meanwhile fold into one refit; a fit already running when another is asked for
/// becomes stale and its reply is dropped.
pub fn fit_if_needed(app: &mut App) {
    let shown = app.model_view.is_some()
        || app.screen == Screen::Pipeline
        || (app.screen == Screen::Customers && app.customers.detail != Detail::Closed);
    let settled = app.scores.set.is_none() || !app.busy();
    if shown && app.scores.needs_fit && settled {
        app.scores.needs_fit = false;
        app.jobs.request(Job::Scores {
            as_of: app.as_of,
            settings: app.config.scoring,
        });
    }
    if app.model_view.is_some() && app.scores.needs_watch && !app.busy() {
        app.scores.needs_watch = false;
        app.jobs.request(Job::ModelWatch {
            as_of: app.as_of,
            settings: app.config.scoring,
            margins: app.config.monitor,
        });
    }
}

/// Marks the scores out of date after a change to the deals (they refit when next shown).
pub fn data_changed(app: &mut App) {
    app.scores.needs_fit = true;
    app.scores.needs_watch = true;
}

/// One deal changed: it is scored with the model already fitted, unless no model is fitted yet
/// or enough deals changed since the fit ([`refit_after`]); then the models refit.
pub fn deal_changed(app: &mut App, deal_id: i64) {
    app.scores.needs_watch = true;
    let Some(Ok(model)) = app.scores.set.as_ref().map(|set| &set.win.model) else {
        app.scores.needs_fit = true;
        return;
    };
    if !app.scores.changed.contains(&deal_id) {
        app.scores.changed.push(deal_id);
    }
    let scored = app
        .scores
        .set
        .as_ref()
        .map_or(0, |set| set.win.scores.len());
    if app.scores.changed.len() >= refit_after(scored) {
        app.scores.needs_fit = true;
        return;
    }
    let job = Job::ScoreDeals {
        as_of: app.as_of,
        ids: app.scores.changed.clone(),
        model: Box::new(model.clone()),
        fit: app.scores.fit,
    };
    app.jobs.request(job);
}

/// Takes the changed deals' scores, if they were made with the model the desk still shows.
pub fn take_deal_scores(app: &mut App, scored: DealScores) {
    let Some(set) = app
        .scores
        .set
        .as_mut()
        .filter(|_| scored.fit == app.scores.fit)
    else {
        return;
    };
    let scores = &mut set.win.scores;
    for (id, score) in scored.scores {
        match (scores.binary_search_by_key(&id, |(row, _)| *row), score) {
            (Ok(i), Some(score)) => scores[i].1 = score,
            (Ok(i), None) => {
                scores.remove(i);
            }
            (Err(i), Some(score)) => scores.insert(i, (id, score)),
            (Err(_), None) => {}
        }
    }
}

/// Takes the models watched from the worker.
pub fn take_watch(app: &mut App, watch: ModelsWatch) {
    app.scores.watch = Some(watch);
}

/// Takes fitted scores from the worker.
pub fn take_scores(app: &mut App, set: Box<ScoringSet>) {
    app.scores.set = Some(*set);
    app.scores.fit += 1;
    app.scores.changed.clear();
    let effects = call_update::after_first_fit(&mut app.forecast.call, &ctx!(app));
    app.apply(effects);
}
