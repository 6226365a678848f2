//! Win probabilities on the pipeline board: every scored card shows its "win NN%", the line
//! under the board gives the selected deal's probability and top 3 factors, it follows the
//! cursor, a changed deal is scored with the fitted model and enough changes refit, and a thin
//! book says why there are no scores.

mod common;

use common::{as_of, fixture_board};
use ratatui::crossterm::event::KeyCode;
use salesdesk::tui::App;
use salesdesk::tui::app::Message;
use salesdesk::tui::headless::Headless;
use salesdesk::tui::scores::update as scores_update;
use salesdesk::worker::{Job, JobKind};

fn demo_board(width: u16, height: u16) -> Headless {
    let mut opened = salesdesk::db::open(std::path::Path::new(":memory:")).unwrap();
    let options = salesdesk::db::demo::DemoOptions {
        customers: 300,
        deals: 2_000,
        months: 36,
        seed: 7,
        as_of: as_of(),
    };
    salesdesk::db::demo::generate(&mut opened.conn, &options, false).unwrap();
    let conn = opened.conn;
    let app = App::load(&conn, "demo.db".into(), as_of(), Message::info("Opened")).unwrap();
    let mut h = Headless::new(app, conn);
    h.resize(width, height);
    h.press(KeyCode::Char('1'));
    h
}

/// The last line of the board (just above the status line).
fn selected_line(h: &Headless) -> String {
    let text = h.render_text();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len() - 2].trim().to_string()
}

/// What the line under the board should say for the selected card, from the fitted scores.
fn expected_line(h: &Headless) -> String {
    let card = h.app.pipeline.selected_card().unwrap();
    let set = h.app.scores.set.as_ref().unwrap();
    let score = set.win.score_of(card.id).unwrap();
    let model = set.win.model.as_ref().unwrap();
    let auc = model.holdout_metrics.as_ref().unwrap().auc.unwrap();
    format!("win {:.0}% (AUC {auc:.2}): ", score.probability * 100.0)
}

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings
}

#[test]
fn the_board_at_80_by_24_shows_win_probabilities_and_the_selected_deals_factors() {
    let h = demo_board(80, 24);
    snapshot_settings().bind(|| insta::assert_snapshot!(h.render_text()));
}

#[test]
fn the_factor_line_follows_the_cursor_and_each_card_shows_its_score() {
    let mut h = demo_board(160, 40);
    assert!(h.app.scores.set.as_ref().unwrap().win.model.is_ok());
    let mut seen = Vec::new();
    for key in ['j', 'j', 'l', 'j', 'l', 'l'] {
        h.press(KeyCode::Char(key));
        let line = selected_line(&h);
        assert!(line.starts_with(&expected_line(&h)), "{line}");
        assert_eq!(line.matches(['↑', '↓']).count(), 3, "three factors: {line}");
        seen.push(line);
    }
    seen.dedup();
    assert!(
        seen.len() > 3,
        "the line changes with the selection: {seen:?}"
    );
    let text = h.render_text();
    let cards = h.app.pipeline.column_cards(2);
    let set = h.app.scores.set.as_ref().unwrap();
    let first = set.win.score_of(cards[0].id).unwrap();
    assert!(
        text.contains(&format!("win {:.0}% · ", first.probability * 100.0)),
        "{text}"
    );
}

/// The score the model gives deal `id` in a full read of the book's rows to score.
fn batch_score(h: &Headless, id: i64) -> f64 {
    let set = h.app.scores.set.as_ref().unwrap();
    let rows = salesdesk::db::scoring_rows::win_rows(h.conn(), as_of(), set.settings.max_win_rows)
        .unwrap();
    let scores = set.win.model.as_ref().unwrap().score(&rows.current);
    let at = rows.ids.iter().position(|&row| row == id).unwrap();
    scores[at].probability
}

#[test]
fn a_stage_move_scores_the_deal_at_its_new_stage_without_a_refit() {
    let mut h = demo_board(160, 40);
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Char('l'));
    let id = h.app.pipeline.selected_card().unwrap().id;
    let at_proposal = h
        .app
        .scores
        .set
        .as_ref()
        .unwrap()
        .win
        .score_of(id)
        .unwrap()
        .clone();
    let (fit, model) = (
        h.app.scores.fit,
        h.app.scores.set.as_ref().unwrap().win.model.clone(),
    );
    h.press(KeyCode::Char('>'));
    assert_eq!(h.app.pipeline.selected_card().map(|c| c.id), Some(id));
    assert!(!h.app.scores.needs_fit, "one change asked for a refit");
    assert_eq!(h.app.scores.fit, fit, "one change refitted the models");
    assert_eq!(h.app.scores.changed, vec![id]);
    assert_eq!(h.app.scores.set.as_ref().unwrap().win.model, model);
    let at_negotiation = h.app.scores.set.as_ref().unwrap().win.score_of(id).unwrap();
    assert_eq!(
        at_negotiation.probability.to_bits(),
        batch_score(&h, id).to_bits(),
        "the deal is scored as a full read of the book scores it"
    );
    assert!(
        at_negotiation.probability > at_proposal.probability,
        "{} → {}",
        at_proposal.probability,
        at_negotiation.probability
    );
    assert!(selected_line(&h).starts_with(&expected_line(&h)));
}

#[test]
fn enough_changed_deals_refit_the_models() {
    let mut h = demo_board(160, 40);
    let open = h.app.scores.set.as_ref().unwrap().win.scores.len();
    let threshold = salesdesk::tui::scores::refit_after(open);
    assert_eq!(threshold, 20, "{open} open deals scored");
    let fit = h.app.scores.fit;
    let ids: Vec<i64> = h.app.scores.set.as_ref().unwrap().win.scores[..threshold]
        .iter()
        .map(|(id, _)| *id)
        .collect();
    for &id in &ids[..threshold - 1] {
        scores_update::deal_changed(&mut h.app, id);
        scores_update::deal_changed(&mut h.app, id);
    }
    h.press(KeyCode::Char('j'));
    assert_eq!(
        h.app.scores.changed.len(),
        threshold - 1,
        "a deal counts once"
    );
    assert_eq!(h.app.scores.fit, fit, "no refit below the threshold");
    scores_update::deal_changed(&mut h.app, ids[threshold - 1]);
    h.press(KeyCode::Char('k'));
    assert!(
        h.app.scores.changed.is_empty(),
        "{:?}",
        h.app.scores.changed
    );
    assert_eq!(h.app.scores.fit, fit + 1, "the models refitted once");
}

#[test]
fn a_thin_book_shows_stage_rates_and_says_why() {
    let mut h = fixture_board(140, 30);
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Char('l'));
    let text = h.render_text();
    let percentage = text
        .match_indices("win ")
        .any(|(i, _)| text[i + 4..].starts_with(|c: char| c.is_ascii_digit()));
    assert!(!percentage, "{text}");
    assert_eq!(
        selected_line(&h),
        "stage 50% · no win model: scores need at least 40 positive and 40 negative examples; there are 24 positive and 12 negative"
    );
    assert!(text.contains("stage 50% · "), "{text}");
}

#[test]
fn a_refit_after_a_change_waits_until_the_other_jobs_are_done() {
    let mut h = fixture_board(140, 30);
    assert!(h.app.scores.set.is_some(), "the board fits on first show");
    scores_update::data_changed(&mut h.app);
    h.app.jobs.request(Job::Kpis {
        kind: h.app.pipeline.period_kind,
        as_of: as_of(),
        pipeline: h.app.pipeline.filter.pipeline_id,
    });
    scores_update::fit_if_needed(&mut h.app);
    assert!(
        h.app.scores.needs_fit,
        "no refit while the KPIs are computed"
    );
    assert!(!h.app.jobs.is_running(JobKind::Scores));
    h.press(KeyCode::Char('j'));
    assert!(!h.app.busy());
    assert!(!h.app.scores.needs_fit, "refitted once the desk was idle");
}

#[test]
fn the_model_popup_gives_held_out_quality_and_calibration_and_closes_with_escape() {
    let mut h = demo_board(120, 50);
    h.press(KeyCode::Char(':'));
    h.type_text("model");
    h.press(KeyCode::Enter);
    let text = h.render_text();
    let model = h
        .app
        .scores
        .set
        .as_ref()
        .unwrap()
        .win
        .model
        .as_ref()
        .unwrap();
    let held = model.holdout_metrics.as_ref().unwrap();
    assert!(
        text.contains(&format!(
            "held out (the latest {} rows): AUC {:.3} · Brier {:.3}",
            salesdesk::domain::group_thousands(held.rows as u128),
            held.auc.unwrap(),
            held.brier
        )),
        "{text}"
    );
    assert!(
        text.contains("used: the held-out AUC reaches 0.6"),
        "{text}"
    );
    assert!(
        text.contains("calibration by deciles of the predictions"),
        "{text}"
    );
    let first = &held.calibration_deciles[0];
    let row = format!("{:.1}–{:.1}%", first.from * 100.0, first.to * 100.0);
    assert!(text.contains(&row), "the first decile {row}: {text}");
    h.press(KeyCode::Esc);
    assert!(h.app.model_view.is_none());
    assert!(!h.render_text().contains("calibration by deciles"));
}

#[test]
fn the_model_popup_on_a_thin_book_says_why_there_is_no_model() {
    let mut h = fixture_board(140, 30);
    h.press(KeyCode::Char(':'));
    h.type_text("model");
    h.press(KeyCode::Enter);
    let text = h.render_text();
    assert!(
        text.contains("no model: scores need at least 40 positive and 40 negative examples"),
        "{text}"
    );
}
