//! The `salesdesk` binary: parse the command line, run it, and turn any error into one line on
//! stderr with exit status 2.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

fn main() -> ExitCode {
    let cli = match salesdesk::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            print!("{e}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!(
                "salesdesk: {} (see salesdesk --help)",
                salesdesk::cli::one_line_error(&e.to_string())
            );
            return ExitCode::from(2);
        }
    };
    match salesdesk::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("salesdesk: {e:#}");
            ExitCode::from(2)
        }
    }
}
