//! `salesdesk import FILE --mapping MAPPING.toml`: records from another CRM or a spreadsheet.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use clap::Args;

use crate::domain::group_thousands;
use crate::import::{
    ImportOptions, Mapping, OnConflict, Outcome, Progress, RecordKind, TextEncoding, import_file,
    kind_names,
};

/// Options of `salesdesk import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV (or delimited text) file to import
    pub file: PathBuf,
    /// The mapping file: kind of record, columns to fields, formats (see docs/import.md)
    #[arg(long, value_name = "MAPPING.toml", required_unless_present = "kind")]
    pub mapping: Option<PathBuf>,
    /// Without a mapping: the kind of record, read with the columns `salesdesk export` writes
    #[arg(long, value_name = "KIND", conflicts_with = "mapping", value_parser = str::parse::<RecordKind>)]
    pub kind: Option<RecordKind>,
    /// How the file's bytes are read as text [default: the mapping's `encoding`, else utf-8]:
    /// auto takes a byte-order mark's word, then UTF-8 if the whole file is valid, else
    /// windows-1252
    #[arg(long, value_enum, value_name = "ENCODING")]
    pub encoding: Option<TextEncoding>,
    /// Check every row and report, but write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// What a row matching an existing record does
    #[arg(long, value_enum, default_value_t = OnConflict::Fail)]
    pub on_conflict: OnConflict,
    /// Write the good rows even when some rows are rejected
    #[arg(long)]
    pub skip_bad: bool,
    /// With --on-conflict update: take the file's value even for fields changed in the desk
    /// since the last import (otherwise they are kept and listed as conflicts)
    #[arg(long)]
    pub overwrite: bool,
}

/// Runs the import into the database at `path` (created empty if missing, then given `seed`,
/// the config's stages, while it has no deals) and prints its report.
pub fn run(
    path: &Path,
    as_of: NaiveDate,
    args: &ImportArgs,
    seed: &[(String, i64, i64)],
) -> anyhow::Result<()> {
    let mut mapping = match (&args.mapping, args.kind) {
        (Some(file), _) => Mapping::load(file)?,
        (None, Some(kind)) => Mapping::default_for(kind),
        (None, None) => bail!("give --mapping MAPPING.toml, or --kind ({})", kind_names()),
    };
    if let Some(encoding) = args.encoding {
        mapping.encoding = encoding;
    }
    let (_lock, mut opened) = super::open_for_writing(path)?;
    if !args.dry_run {
        // A new book takes the config's `[pipeline]` stages before its first deals.
        crate::db::pipelines::seed_stages(&mut opened.conn, seed)
            .map_err(|e| anyhow::anyhow!("the config's [pipeline] stages: {e}"))?;
    }
    let options = ImportOptions {
        on_conflict: args.on_conflict,
        dry_run: args.dry_run,
        skip_bad: args.skip_bad,
        as_of,
        overwrite: args.overwrite,
    };
    let show_progress = std::io::stderr().is_terminal();
    let mut progress = |p: Progress| {
        if show_progress {
            let percent = (p.bytes * 100).checked_div(p.total_bytes).unwrap_or(100);
            eprint!(
                "\rimporting… {percent:>3}% ({} rows)",
                group_thousands(u128::from(p.rows))
            );
        }
    };
    let report = import_file(
        &mut opened.conn,
        &args.file,
        &mapping,
        &options,
        &mut progress,
    );
    if show_progress {
        eprint!("\r\x1b[2K");
    }
    let report = report?;
    std::io::stdout()
        .lock()
        .write_all(report.to_string().as_bytes())
        .context("cannot print the report")?;
    if report.outcome == Outcome::NothingWritten {
        bail!(
            "nothing was written to {}: {} rows were rejected",
            path.display(),
            group_thousands(u128::from(report.rejected))
        );
    }
    Ok(())
}
