//! The stage editor and pipeline switching on the board (issue 20), driven by keys.

mod common;

use common::fixture_board;
use ratatui::crossterm::event::KeyCode;
use salesdesk::tui::headless::Headless;

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d+\.\d\ds", "[t]s");
    settings
}

/// The board's open columns by stage name.
fn column_titles(h: &Headless) -> Vec<String> {
    let p = &h.app.pipeline;
    p.stages
        .iter()
        .map(|s| p.catalogue.name(*s).to_string())
        .collect()
}

/// Clears the editor's entry line and types `text`, then Enter.
fn retype(h: &mut Headless, text: &str) {
    for _ in 0..40 {
        h.press(KeyCode::Backspace);
    }
    h.type_text(text);
    h.press(KeyCode::Enter);
}

#[test]
fn the_editor_renames_sets_and_adds_stages_and_the_board_follows() {
    let mut h = fixture_board(120, 30);
    h.type_text("E");
    snapshot_settings().bind(|| insta::assert_snapshot!("stage_editor", h.render_text()));
    h.type_text("j");
    h.type_text("r");
    retype(&mut h, "Engaged");
    let text = h.render_text();
    assert!(
        text.contains("┌ Engaged"),
        "the board's column is renamed:\n{text}"
    );
    assert!(
        text.contains("Renamed stage Qualified to Engaged"),
        "{text}"
    );
    h.type_text("%");
    retype(&mut h, "140 5");
    assert!(
        h.render_text()
            .contains("win %: '140' is not a whole percent from 0 to 100"),
        "a bad number names the field"
    );
    h.app.forecast.needs_fit = false;
    retype(&mut h, "35 9");
    assert!(
        h.app.forecast.needs_fit,
        "the forecast's weighted pipeline reads the stage's rate: it is refitted"
    );
    assert!(
        h.render_text().contains("weighted · 35%"),
        "the column uses the new rate"
    );
    h.type_text("a");
    retype(&mut h, "Demo");
    h.press(KeyCode::Esc);
    let titles = column_titles(&h);
    assert_eq!(
        titles,
        ["Lead", "Engaged", "Demo", "Proposal", "Negotiation"]
    );
    assert!(h.render_text().contains("┌ Demo"));
    // Each edit is one undo step, newest first.
    h.type_text("u");
    h.type_text("u");
    h.type_text("u");
    let titles = column_titles(&h);
    assert_eq!(titles, ["Lead", "Qualified", "Proposal", "Negotiation"]);
}

#[test]
fn removing_a_stage_asks_where_its_deals_go() {
    let mut h = fixture_board(120, 30);
    let proposal = h.app.pipeline.stage_totals(2).map(|t| t.count).unwrap();
    assert!(proposal > 0);
    h.type_text("E");
    h.type_text("jj");
    h.type_text("x");
    let text = h.render_text();
    assert!(
        text.contains("Remove Proposal: its deals move to Qualified"),
        "{text}"
    );
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);
    assert_eq!(
        h.app.pipeline.column_count(),
        4,
        "three open stages and Won/Lost"
    );
    let qualified = h.app.pipeline.stage_totals(1).map(|t| t.count).unwrap();
    assert!(
        qualified >= proposal,
        "Proposal's deals are in Qualified now"
    );
}

#[test]
fn a_second_pipeline_is_shown_on_its_own_and_all_together() {
    let mut h = fixture_board(160, 30);
    h.type_text("E");
    h.type_text("n");
    h.type_text("Renewals");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);
    assert_eq!(h.app.pipeline.catalogue.pipelines().len(), 2);
    h.type_text("P");
    let text = h.render_text();
    assert!(text.contains("showing Renewals"), "{text}");
    assert_eq!(h.app.pipeline.scope_name(), "Renewals");
    assert_eq!(
        h.app.pipeline.stage_totals(0).map(|t| t.count),
        Some(0),
        "the new pipeline holds no deals"
    );
    h.type_text("P");
    assert_eq!(h.app.pipeline.scope_name(), "All pipelines");
    assert_eq!(
        h.app.pipeline.column_count(),
        9,
        "every pipeline's stages and Won/Lost"
    );
    assert!(h.render_text().contains("Lead · Default"));
    h.type_text("P");
    assert_eq!(h.app.pipeline.scope_name(), "Default");
    // The list view follows the pipeline too.
    h.type_text("v");
    let all = h.app.pipeline.list.total;
    h.type_text("P");
    assert_eq!(h.app.pipeline.list.pipeline_id, Some(2));
    assert_eq!(
        h.app.pipeline.list.total,
        Some(0),
        "Renewals has no open deals"
    );
    assert!(all.is_some_and(|n| n > 0));
}

#[test]
fn the_pipeline_shown_is_remembered_for_the_next_session() {
    use salesdesk::db::pipelines::{self, NewStage, StageEdit};
    use salesdesk::tui::App;
    use salesdesk::tui::app::Message;
    let mut conn = common::fixture_db();
    let renewals = StageEdit::AddPipeline {
        name: "Renewals".into(),
        stages: vec![NewStage {
            name: "Due".into(),
            probability_bp: 5_000,
            stale_days: 10,
        }],
    };
    pipelines::apply_stage_edit(&mut conn, &renewals, common::as_of(), "t", "test").unwrap();
    let open = |conn: &rusqlite::Connection| {
        let app = App::load(
            conn,
            "fixture.db".into(),
            common::as_of(),
            Message::default(),
        );
        app.unwrap().pipeline.scope_name().to_string()
    };
    assert_eq!(open(&conn), "Default", "never chosen: the first pipeline");
    pipelines::remember_shown(&conn, Some(2)).unwrap();
    assert_eq!(open(&conn), "Renewals");
    pipelines::remember_shown(&conn, None).unwrap();
    assert_eq!(open(&conn), "All pipelines");
}
