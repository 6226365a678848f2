//! The `salesdesk` binary: parse the command line, run it, and turn any error into one line on
//! stderr with exit status 2 (a JSON object `{"error": ..., "kind": ...}` for a `--json` command).

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;
use salesdesk::cli::{FailureKind, error_line, kind_of};

fn main() -> ExitCode {
    let cli = match salesdesk::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            print!("{e}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let message = format!(
                "{} (see salesdesk --help)",
                salesdesk::cli::one_line_error(&e.to_string())
            );
            let json = std::env::args_os().skip(1).any(|arg| arg == "--json");
            eprintln!("{}", error_line(&message, FailureKind::Usage, json));
            return ExitCode::from(2);
        }
    };
    let json = cli.json();
    match salesdesk::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", error_line(&format!("{e:#}"), kind_of(&e), json));
            ExitCode::from(2)
        }
    }
}
