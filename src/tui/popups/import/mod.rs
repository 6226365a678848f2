//! `:import FILE MAPPING`: an import run by the worker, its progress in the status line, its
//! report in a scrollable popup, and every screen refreshed once it is written.

pub mod report;
pub mod update;

use crate::files::typed_path;

use crate::import::{
    ImportJob, ImportOptions, MappingSource, OnConflict, Progress, RecordKind, TextEncoding,
};

/// The import in progress and the last report, as the screens draw them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportState {
    /// How far the running import has got.
    pub progress: Option<Progress>,
    /// The last report, while its popup is open.
    pub report: Option<ReportView>,
}

/// An import report as lines of text, and how far it is scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportView {
    /// The report, one entry per line.
    pub lines: Vec<String>,
    /// Scroll position.
    pub scroll: u16,
}

/// What follows `:import`, or `None` for another command.
pub fn parse_import(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix("import")?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

const USAGE: &str = "usage: :import FILE MAPPING.toml (or --kind KIND) [--on-conflict update|skip] [--overwrite] [--skip-bad] [--dry-run] [--encoding auto|utf-8|windows-1252|latin1|utf-16]";

/// Reads `FILE MAPPING [options]` into a job; paths may not contain spaces.
pub fn job_from_args(args: &str, as_of: chrono::NaiveDate) -> Result<ImportJob, String> {
    let mut words = args.split_whitespace();
    let mut file = None;
    let mut mapping = None;
    let mut encoding = None;
    let mut options = ImportOptions {
        on_conflict: OnConflict::Fail,
        dry_run: false,
        skip_bad: false,
        as_of,
        overwrite: false,
    };
    while let Some(word) = words.next() {
        match word {
            "--dry-run" => options.dry_run = true,
            "--skip-bad" => options.skip_bad = true,
            "--overwrite" => options.overwrite = true,
            "--on-conflict" => {
                options.on_conflict = match words.next() {
                    Some("update") => OnConflict::Update,
                    Some("skip") => OnConflict::Skip,
                    Some("fail") => OnConflict::Fail,
                    _ => return Err("--on-conflict takes update, skip or fail".to_string()),
                }
            }
            "--encoding" => {
                let name = words.next().unwrap_or_default();
                let parsed = <TextEncoding as clap::ValueEnum>::from_str(name, true);
                encoding = Some(parsed.map_err(|_| {
                    "--encoding takes auto, utf-8, windows-1252, latin1 or utf-16".to_string()
                })?);
            }
            "--kind" => {
                let kind: RecordKind = words.next().ok_or_else(|| USAGE.to_string())?.parse()?;
                mapping = Some(MappingSource::Default(kind));
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}; {USAGE}"));
            }
            path if file.is_none() => file = Some(typed_path(path)),
            path if mapping.is_none() => mapping = Some(MappingSource::File(typed_path(path))),
            extra => return Err(format!("unexpected '{extra}'; {USAGE}")),
        }
    }
    match (file, mapping) {
        (Some(file), Some(mapping)) => Ok(ImportJob {
            file,
            mapping,
            options,
            encoding,
        }),
        _ => Err(USAGE.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_of() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
    }

    #[test]
    fn arguments_become_a_job() {
        let job = job_from_args(
            "deals.csv maven.toml --on-conflict update --skip-bad",
            as_of(),
        );
        let job = job.unwrap();
        assert_eq!(job.file, std::path::PathBuf::from("deals.csv"));
        assert_eq!(job.mapping, MappingSource::File("maven.toml".into()));
        assert_eq!(job.options.on_conflict, OnConflict::Update);
        assert!(job.options.skip_bad && !job.options.dry_run);
        let job = job_from_args("reps.csv --kind reps --dry-run", as_of()).unwrap();
        assert_eq!(job.mapping, MappingSource::Default(RecordKind::Reps));
        assert!(job.options.dry_run);
        assert_eq!(job.encoding, None);
        let job = job_from_args("reps.csv --kind reps --encoding windows-1252", as_of());
        assert_eq!(job.map(|j| j.encoding), Ok(Some(TextEncoding::Windows1252)));
    }

    #[test]
    fn bad_arguments_say_how_to_import() {
        for bad in [
            "",
            "deals.csv",
            "a b c",
            "a b --frobnicate",
            "a --kind leads",
            "a b --on-conflict maybe",
            "a b --encoding ebcdic",
        ] {
            assert!(job_from_args(bad, as_of()).is_err(), "{bad}");
        }
        assert_eq!(parse_import("import a b"), Some("a b"));
        assert_eq!(parse_import("importer"), None);
    }
}
