//! `salesdesk completions SHELL`: the shell's completion script for every subcommand and
//! option, generated from the command line's own definition so it never drifts from it.

use std::ffi::OsStr;
use std::io::Write as _;

use anyhow::Context as _;
use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::ErrorKind;
use clap::{Args, CommandFactory as _, ValueEnum as _};
use clap_complete::Shell;

use super::Cli;

/// Options of `salesdesk completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell
    #[arg(value_name = "SHELL", value_parser = ShellName)]
    pub shell: Shell,
}

/// Prints the completion script to standard output.
pub fn run(args: &CompletionsArgs) -> anyhow::Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "salesdesk", &mut script);
    std::io::stdout()
        .lock()
        .write_all(&script)
        .context("cannot write the completion script")
}

/// Parses a shell name in any case, refusing others in one line that lists the shells (clap's
/// own parser puts that list on a second line), and offers the names to the completion scripts.
#[derive(Debug, Clone, Copy)]
struct ShellName;

impl TypedValueParser for ShellName {
    type Value = Shell;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Shell, clap::Error> {
        let name = value.to_string_lossy();
        Shell::from_str(&name, true).map_err(|_| {
            clap::Error::raw(
                ErrorKind::InvalidValue,
                format!(
                    "'{name}' is not a shell salesdesk completes; use bash, zsh, fish, elvish or powershell\n"
                ),
            )
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            Shell::value_variants()
                .iter()
                .filter_map(|shell| shell.to_possible_value()),
        ))
    }
}
