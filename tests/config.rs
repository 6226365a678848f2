//! The config file: defaults merged field by field, `config --print-default` and `--check`, and
//! an error naming the file, line, key and bad value for every kind of mistake.

mod common;

use std::path::{Path, PathBuf};

use common::bin::{assert_refused, salesdesk, stdout};
use salesdesk::analytics::assign::AssignWeights;
use salesdesk::analytics::pipeline::PeriodKind;
use salesdesk::config::{self, Config, LoadedConfig};
use salesdesk::db::pipelines;
use salesdesk::domain::Stage;
use salesdesk::tui::action::Command;
use salesdesk::tui::keymap::{Context, Key, KeyMap, KeySeq};
use salesdesk::tui::theme::{Theme, ThemeName};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/config")
        .join(name)
}

fn load(name: &str) -> Result<LoadedConfig, config::ConfigError> {
    config::load(Some(&fixture(name)), None)
}

#[test]
fn user_values_override_the_defaults_field_by_field() {
    let loaded = load("valid.toml").unwrap();
    let c = &loaded.config;
    let stages = c.pipeline.seed();
    assert_eq!(
        stages[0],
        ("Lead".to_string(), 1500, 30),
        "lead probability set, days default"
    );
    assert_eq!(
        stages[2],
        ("Proposal".to_string(), 5000, 14),
        "untouched stage"
    );
    assert_eq!(
        stages[3],
        ("Negotiation".to_string(), 7000, 7),
        "negotiation days set"
    );
    assert_eq!(c.kpi.period.0, PeriodKind::ThisQuarter);
    let theme = Theme::resolve(&c.theme, false);
    let light = Theme::named(ThemeName::Light);
    assert_eq!(
        theme.header.fg,
        Some(ratatui::style::Color::Rgb(0xd7, 0x5f, 0x00))
    );
    assert!(
        theme
            .header
            .add_modifier
            .contains(ratatui::style::Modifier::UNDERLINED)
    );
    assert_eq!(
        (theme.text, theme.status),
        (light.text, light.status),
        "the rest stays light"
    );
    assert_eq!(c.forecast.horizon.0, 12);
    assert_eq!(c.scoring.lambda, 0.5);
    assert_eq!(
        c.scoring.min_won, 40,
        "the rest of [scoring] keeps its defaults"
    );
    assert_eq!(
        c.forecast.backtest_origins,
        Config::default().forecast.backtest_origins
    );
    let defaults = AssignWeights::default();
    assert_eq!(c.assign.continuity, 3.5);
    assert_eq!(
        (c.assign.region, c.assign.urgency_horizon_days),
        (defaults.region, defaults.urgency_horizon_days)
    );
}

#[test]
fn key_overrides_replace_only_the_named_actions() {
    let map = load("valid.toml").unwrap().keymap;
    let pipeline = [Context::Pipeline, Context::Global];
    assert_eq!(
        map.command_for(&pipeline, &[Key::char('W')]),
        Some(Command::MarkWon)
    );
    assert_eq!(map.command_for(&pipeline, &[Key::char('w')]), None);
    assert_eq!(
        map.command_for(&pipeline, &[Key::char('g'), Key::char('g')]),
        Some(Command::Top)
    );
    assert!(map.is_prefix(&pipeline, &[Key::char('g')]));
    assert_eq!(
        map.command_for(&pipeline, &[Key::ctrl('q')]),
        Some(Command::Quit)
    );
    assert_eq!(map.command_for(&pipeline, &[Key::char('q')]), None);
    assert_eq!(
        map.command_for(&pipeline, &[Key::char('x')]),
        Some(Command::MarkLost),
        "untouched"
    );
    assert_eq!(
        map.keys_label(Context::Pipeline, Command::Top),
        format!("g g/{}", KeySeq::parse("<Home>").unwrap().label())
    );
}

#[test]
fn no_file_means_the_defaults_and_a_named_missing_file_is_an_error() {
    let none = config::load(None, Some(Path::new("/nonexistent/salesdesk/config.toml"))).unwrap();
    assert_eq!(none, LoadedConfig::default());
    assert_eq!(none.keymap, KeyMap::default());
    let err = config::load(Some(Path::new("/nonexistent/c.toml")), None).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("config /nonexistent/c.toml: cannot read it"),
        "{err}"
    );
}

/// Each invalid fixture, with the line, key, value and words its error must carry.
const INVALID: [(&str, usize, &str, &str, &str); 17] = [
    (
        "zero_minimum.toml",
        2,
        "scoring.min_won",
        "'0'",
        "min_won must be at least 1",
    ),
    (
        "unknown_theme.toml",
        2,
        "theme.name",
        "'solarized'",
        "unknown variant `solarized`, expected one of `dark`",
    ),
    (
        "bad_colour.toml",
        5,
        "theme.header.fg",
        "'mauve'",
        "is not a colour",
    ),
    (
        "horizon_zero.toml",
        2,
        "forecast.horizon",
        "'0'",
        "use 1 to 36 months",
    ),
    (
        "unknown_key.toml",
        3,
        "pipeline.colour",
        "'red'",
        "unknown field `colour`",
    ),
    (
        "bad_period.toml",
        2,
        "kpi.period",
        "'monthly'",
        "is not a period",
    ),
    (
        "percent_over_100.toml",
        2,
        "pipeline.probability.lead",
        "'150'",
        "from 0 to 100",
    ),
    (
        "negative_weight.toml",
        2,
        "assign.region",
        "'-1.0'",
        "must be a number ≥ 0",
    ),
    (
        "bad_key_name.toml",
        2,
        "keys.pipeline.mark_won",
        "'<Hyper-w>'",
        "is not a key",
    ),
    (
        "key_conflict.toml",
        2,
        "keys.pipeline.mark_won",
        "'x'",
        "key conflict: 'x' for mark_lost",
    ),
    (
        "unknown_action.toml",
        4,
        "keys.pipeline.mark_wonn",
        "'W'",
        "is not an action of [keys.pipeline]",
    ),
    (
        "action_elsewhere.toml",
        2,
        "keys.pipeline.drill_down",
        "'D'",
        "does nothing in [keys.pipeline]",
    ),
    (
        "unknown_context.toml",
        1,
        "",
        "",
        "unknown key context 'pipline'",
    ),
    (
        "sequence_prefix.toml",
        2,
        "keys.customers.bottom",
        "'g g'",
        "overlaps 'g' for top",
    ),
    ("bad_toml.toml", 1, "", "", "expected `]`"),
    (
        "lost_reason_twice.toml",
        2,
        "pipeline.lost_reasons",
        "",
        "lost reason 'price' is listed twice",
    ),
    (
        "wrong_type.toml",
        2,
        "forecast.horizon",
        "'twelve'",
        "invalid type",
    ),
];

#[test]
fn every_invalid_config_names_file_line_key_and_value() {
    for (name, line, key, value, words) in INVALID {
        let path = format!("invalid/{name}");
        let err = load(&path).expect_err(name);
        let text = err.to_string();
        assert_eq!(err.line, Some(line), "{name}: {text}");
        assert!(
            text.contains(&format!("config {}", fixture(&path).display())),
            "{text}"
        );
        assert!(text.contains(&format!("line {line}")), "{text}");
        if !key.is_empty() {
            assert!(text.contains(&format!("key {key}")), "{name}: {text}");
            assert!(text.contains(&format!("value {value}")), "{name}: {text}");
        }
        assert!(text.contains(words), "{name}: {text}");
    }
}

#[test]
fn the_binary_checks_a_config_and_refuses_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let valid = fixture("valid.toml");
    let out = salesdesk(
        &db,
        &["--config", valid.to_str().unwrap(), "config", "--check"],
    );
    assert!(out.status.success());
    assert!(stdout(&out).contains("is valid"));
    for (name, line, key, ..) in INVALID {
        let path = fixture(&format!("invalid/{name}"));
        let out = salesdesk(
            &db,
            &["--config", path.to_str().unwrap(), "config", "--check"],
        );
        assert_refused(&out, &format!("line {line}"));
        assert_refused(&out, key);
        let report = salesdesk(
            &db,
            &["--config", path.to_str().unwrap(), "report", "pipeline"],
        );
        assert_refused(&report, &format!("line {line}"));
    }
}

#[test]
fn the_printed_default_is_valid_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = salesdesk(&db, &["config", "--print-default"]);
    assert!(out.status.success());
    let text = stdout(&out);
    for section in [
        "[pipeline]",
        "[kpi]",
        "[forecast]",
        "[assign]",
        "# [keys.pipeline]",
    ] {
        assert!(text.contains(section), "{section} missing");
    }
    assert!(text.contains("# mark_won = [\"w\"]"));
    let file = dir.path().join("config.toml");
    std::fs::write(&file, &text).unwrap();
    let loaded = config::load(Some(&file), None).unwrap();
    assert_eq!(loaded.config, Config::default());
    assert_eq!(loaded.keymap, KeyMap::default());
}

#[test]
fn the_configs_stages_seed_a_new_book_and_never_one_with_deals() {
    let loaded = load("valid.toml").unwrap();
    let seed = loaded.config.pipeline.seed();
    let dir = tempfile::tempdir().unwrap();
    let mut fresh = salesdesk::db::open(&dir.path().join("new.db"))
        .unwrap()
        .conn;
    assert!(pipelines::seed_stages(&mut fresh, &seed).unwrap());
    let book = pipelines::load(&fresh).unwrap();
    let lead = Stage::Open(0);
    assert_eq!(
        (
            book.name(lead),
            book.probability_bp(lead),
            book.stale_days(lead)
        ),
        ("Lead", 1500, Some(30))
    );
    assert_eq!(book.stale_days(Stage::Open(3)), Some(7));
    let custom: Vec<(String, i64, i64)> = vec![
        ("Prospecting".into(), 2000, 30),
        ("Engaging".into(), 6000, 20),
    ];
    assert!(pipelines::seed_stages(&mut fresh, &custom).unwrap());
    let book = pipelines::load(&fresh).unwrap();
    let names: Vec<&str> = book.open_of(1).map(|s| book.name(s)).collect();
    assert_eq!(names, ["Prospecting", "Engaging"]);
    let mut with_deals = common::fixture_db();
    let before = pipelines::load(&with_deals).unwrap();
    assert!(!pipelines::seed_stages(&mut with_deals, &custom).unwrap());
    assert_eq!(pipelines::load(&with_deals).unwrap(), before);
}

#[test]
fn the_app_opens_with_the_configured_period_and_horizon() {
    let conn = common::fixture_db();
    let loaded = load("valid.toml").unwrap();
    let app = salesdesk::tui::App::load_configured(
        &conn,
        "fixture.db".into(),
        common::as_of(),
        salesdesk::tui::app::Message::default(),
        &loaded,
    )
    .unwrap();
    assert_eq!(app.pipeline.period_kind, PeriodKind::ThisQuarter);
    assert_eq!(app.forecast.horizon, 12);
    assert_eq!(app.config.assign.continuity, 3.5);
    assert_eq!(app.keymap, loaded.keymap);
}

#[test]
fn the_shipped_key_files_load_and_change_the_keys() {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let vim = config::load(Some(&assets.join("keys-vim.toml")), None)
        .unwrap()
        .keymap;
    let customers = [Context::Customers, Context::Global];
    assert_eq!(
        vim.command_for(&customers, &[Key::char('g'), Key::char('g')]),
        Some(Command::Top)
    );
    assert_eq!(
        vim.command_for(&customers, &[Key::ctrl('f')]),
        Some(Command::PageDown)
    );
    assert_eq!(
        vim.command_for(&customers, &[Key::char('Z'), Key::char('Z')]),
        Some(Command::Quit)
    );

    let arrows = config::load(Some(&assets.join("keys-arrows.toml")), None)
        .unwrap()
        .keymap;
    let pipeline = [Context::Pipeline, Context::Global];
    for letter in ['h', 'j', 'k', 'l', 'g'] {
        assert_eq!(
            arrows.command_for(&pipeline, &[Key::char(letter)]),
            None,
            "{letter}"
        );
    }
    assert_eq!(
        arrows.command_for(
            &pipeline,
            &[Key::plain(ratatui::crossterm::event::KeyCode::Down)]
        ),
        Some(Command::Down)
    );
    assert_eq!(
        arrows.command_for(
            &[Context::Help],
            &[Key::plain(ratatui::crossterm::event::KeyCode::F(1))]
        ),
        Some(Command::ToggleHelp)
    );
}

#[test]
fn config_path_names_the_file_that_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let valid = fixture("valid.toml");
    let out = salesdesk(
        &db,
        &["--config", valid.to_str().unwrap(), "config", "--path"],
    );
    assert!(out.status.success());
    assert_eq!(stdout(&out).trim_end(), valid.to_str().unwrap());
    let out = salesdesk(&db, &["config", "--path"]);
    assert!(
        stdout(&out).trim_end().ends_with("salesdesk/config.toml"),
        "{}",
        stdout(&out)
    );
    assert!(!db.exists(), "config commands never create the database");
}

#[test]
fn a_new_book_imported_with_a_config_takes_its_stages() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[pipeline]\nstages = [{ name = \"Discovery\", probability = 15, stale_days = 20 }, \
         { name = \"Contract\", probability = 70, stale_days = 10 }]\n",
    )
    .unwrap();
    let csv = dir.path().join("deals.csv");
    std::fs::write(
        &csv,
        "title,stage,amount,created_on,closed_on\nA,Discovery,100,2026-01-01,\n\
         B,Contract,200,2026-01-02,\nC,Won,300,2026-01-01,2026-02-01\n",
    )
    .unwrap();
    let db = dir.path().join("new.db");
    let args = [
        "--config",
        config.to_str().unwrap(),
        "import",
        csv.to_str().unwrap(),
        "--kind",
        "deals",
    ];
    let out = salesdesk(&db, &args);
    assert!(out.status.success(), "{}", stdout(&out));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let book = pipelines::load(&conn).unwrap();
    let stages: Vec<(&str, u16)> = book
        .open_of(1)
        .map(|s| (book.name(s), book.probability_bp(s)))
        .collect();
    assert_eq!(stages, [("Discovery", 1_500), ("Contract", 7_000)]);
    // A book in use keeps its stages: the config only seeds.
    std::fs::write(
        &config,
        "[pipeline]\nstages = [{ name = \"Other\", probability = 5, stale_days = 5 }]\n",
    )
    .unwrap();
    let out = salesdesk(&db, &args);
    assert!(out.status.success(), "{}", stdout(&out));
    let book = pipelines::load(&conn).unwrap();
    assert_eq!(book.open_of(1).count(), 2);
}
