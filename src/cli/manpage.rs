//! `salesdesk man`: the manual page in roff, generated from the command line's own definition.
//! Without options it prints `salesdesk.1` (every option and a list of the subcommands) for a
//! quick `> salesdesk.1`; `--out DIR` writes that page and one per subcommand
//! (`salesdesk-report-forecast.1`, …) for packagers.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Args, CommandFactory as _};

use super::Cli;

/// Options of `salesdesk man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write salesdesk.1 and one page per subcommand into this existing folder instead of
    /// printing salesdesk.1
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Prints the main page, or writes every page into `--out`.
pub fn run(args: &ManArgs) -> anyhow::Result<()> {
    let command = Cli::command();
    let Some(dir) = &args.out else {
        let mut page = Vec::new();
        clap_mangen::Man::new(command)
            .render(&mut page)
            .context("cannot render the manual page")?;
        return std::io::stdout()
            .lock()
            .write_all(&page)
            .context("cannot write the manual page");
    };
    if !dir.is_dir() {
        anyhow::bail!(
            "cannot write the manual pages: {} is not a folder",
            dir.display()
        );
    }
    clap_mangen::generate_to(command, dir)
        .with_context(|| format!("cannot write the manual pages into {}", dir.display()))?;
    println!("wrote the manual pages to {}", dir.display());
    Ok(())
}
