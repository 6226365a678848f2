//! `salesdesk completions SHELL` and `salesdesk man`: scripts and pages generated from the
//! command line itself, so every subcommand is in them; bad input is refused in one line.

mod common;

use std::path::Path;

use common::bin::{assert_refused, salesdesk, stdout};

/// Every subcommand a script or page must name.
const SUBCOMMANDS: [&str; 8] = [
    "demo",
    "snapshot",
    "report",
    "import",
    "export",
    "backup",
    "completions",
    "man",
];

fn no_db() -> &'static Path {
    Path::new("never-opened.db")
}

#[test]
fn each_shell_gets_a_script_naming_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = salesdesk(no_db(), &["completions", shell]);
        assert!(
            out.status.success(),
            "{shell}: {}",
            common::bin::stderr(&out)
        );
        let script = stdout(&out);
        assert!(script.len() > 1000, "{shell}: {script}");
        for name in SUBCOMMANDS
            .iter()
            .chain(&["forecast", "tiers", "svg", "horizon"])
        {
            assert!(script.contains(name), "{shell} script lacks {name}");
        }
    }
    let fish = stdout(&salesdesk(no_db(), &["completions", "fish"]));
    assert!(fish.contains("complete -c salesdesk"), "{fish}");
    let bash = stdout(&salesdesk(no_db(), &["completions", "bash"]));
    assert!(bash.contains("complete -F _salesdesk"), "{bash}");
    let zsh = stdout(&salesdesk(no_db(), &["completions", "zsh"]));
    assert!(zsh.starts_with("#compdef salesdesk"), "{zsh}");
    assert!(!no_db().exists(), "no database is opened or made");
}

#[test]
fn an_unknown_shell_is_refused_with_the_shells_there_are() {
    let out = salesdesk(no_db(), &["completions", "tcsh"]);
    assert_refused(
        &out,
        "'tcsh' is not a shell salesdesk completes; use bash, zsh, fish",
    );
    assert!(stdout(&out).is_empty());
    let out = salesdesk(no_db(), &["completions"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_man_page_has_name_synopsis_options_and_every_subcommand() {
    let out = salesdesk(no_db(), &["man"]);
    assert!(out.status.success(), "{}", common::bin::stderr(&out));
    let page = stdout(&out);
    assert!(page.contains(".TH salesdesk 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "{section} missing");
    }
    assert!(page.contains("\\-\\-as\\-of"));
    for name in SUBCOMMANDS {
        assert!(
            page.contains(&format!("salesdesk\\-{name}(1)")),
            "{name} missing"
        );
    }
}

#[test]
fn man_out_writes_a_page_per_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let out = salesdesk(no_db(), &["man", "--out", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", common::bin::stderr(&out));
    let forecast = std::fs::read_to_string(dir.path().join("salesdesk-report-forecast.1")).unwrap();
    assert!(forecast.contains(".SH SYNOPSIS"));
    assert!(forecast.contains("\\-\\-svg"), "{forecast}");
    for name in SUBCOMMANDS {
        let page = dir.path().join(format!("salesdesk-{name}.1"));
        assert!(page.exists(), "{} missing", page.display());
    }
    assert!(dir.path().join("salesdesk.1").exists());
    let missing = dir.path().join("no-such-folder");
    let out = salesdesk(no_db(), &["man", "--out", missing.to_str().unwrap()]);
    assert_refused(&out, "is not a folder");
}
