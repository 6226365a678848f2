//! `salesdesk export KIND FILE`: one kind of record as a CSV file the importer reads back.

use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::Args;

use crate::db;
use crate::domain::RecordKind;
use crate::domain::group_thousands;
use crate::export;

/// Options of `salesdesk export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export: reps, quotas, products, customers, deals, tasks or channel-months
    #[arg(value_name = "KIND", value_parser = str::parse::<RecordKind>)]
    pub kind: RecordKind,
    /// The CSV file to write; an existing file is replaced only once the export is complete
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Write every cell exactly as stored, without the leading ' that keeps a spreadsheet from
    /// running cells beginning with = + - @ as formulas
    #[arg(long)]
    pub raw: bool,
}

/// Exports from the existing database at `path`; a missing file is an error, never a new database.
pub fn run(path: &Path, args: &ExportArgs) -> anyhow::Result<()> {
    if !path.exists() {
        bail!("no database at {}", path.display());
    }
    let opened = db::read_only::open_to_read(path)?;
    let cells = if args.raw {
        export::Cells::Raw
    } else {
        export::Cells::Safe
    };
    let rows = export::export_kind(&opened.conn, args.kind, &args.file, cells)?;
    println!(
        "exported {} {} to {}",
        group_thousands(u128::from(rows)),
        args.kind.noun(),
        args.file.display()
    );
    Ok(())
}
