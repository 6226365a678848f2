//! The `salesdesk` binary: parse the command line, run it, and turn any error into one line on
//! stderr with exit status 2 (a JSON object `{"error": ..., "kind": ...}` for a `--json` command).

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;
use salesdesk::cli::{FailureKind, error_line, kind_of};

fn main() -> ExitCode {
    quiet_on_closed_pipe();
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

/// Output piped into a reader that stops early (`salesdesk --help | head`) ends the program
/// quietly, as for any Unix tool, instead of a panic on the failed write: the default action of
/// SIGPIPE, which the Rust runtime sets to ignored, is put back.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any thread starts; restoring a signal's
    // default action has no other effect on the program's state.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
