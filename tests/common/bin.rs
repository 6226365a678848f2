//! The binary as scripts run it: one database, a fixed today, no colour, no inherited database.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `salesdesk --db DB --as-of 2026-11-26 ARGS…`.
pub fn salesdesk(db: &Path, args: &[&str]) -> Output {
    salesdesk_on(db, "2026-11-26", args)
}

/// Runs `salesdesk --db DB --as-of AS_OF ARGS…`.
pub fn salesdesk_on(db: &Path, as_of: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_salesdesk"))
        .arg("--db")
        .arg(db)
        .args(["--as-of", as_of])
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("SALESDESK_DB")
        .output()
        .unwrap()
}

/// What the command printed.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What the command complained.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts exit status 2 and exactly one line on stderr containing `needle`.
pub fn assert_refused(out: &Output, needle: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err}");
    assert!(err.contains(needle), "'{needle}' not in: {err}");
}

/// The Maven excerpt (tests/fixtures/maven) imported into `db` through the shipped mappings,
/// with `as_of` as today.
pub fn import_maven_on(db: &Path, as_of: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for stem in ["sales_teams", "products", "accounts", "sales_pipeline"] {
        let file = root.join(format!("tests/fixtures/maven/{stem}.csv"));
        let mapping = root.join(format!("assets/mappings/maven/{stem}.toml"));
        let out = salesdesk_on(
            db,
            as_of,
            &[
                "import",
                &file.display().to_string(),
                "--mapping",
                &mapping.display().to_string(),
            ],
        );
        assert!(out.status.success(), "{}", stdout(&out));
    }
}

/// [`import_maven_on`] with the tests' usual today, 2026-11-26.
pub fn import_maven(db: &Path) {
    import_maven_on(db, "2026-11-26");
}
