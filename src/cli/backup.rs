//! `salesdesk backup FILE`: a consistent copy of the database, safe to take while the desk runs.

use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::Args;

use crate::db;
use crate::domain::group_thousands;

/// Options of `salesdesk backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The new file to write; an existing file is never overwritten
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// Copies the existing database at `path` to the new file.
pub fn run(path: &Path, args: &BackupArgs) -> anyhow::Result<()> {
    if !path.exists() {
        bail!("no database at {}", path.display());
    }
    let opened = db::read_only::open_to_read(path)?;
    let bytes = db::backup::backup(&opened.conn, &args.file)?;
    println!(
        "backed up {} to {} ({} KiB)",
        path.display(),
        args.file.display(),
        group_thousands(u128::from(bytes.div_ceil(1024)))
    );
    Ok(())
}
