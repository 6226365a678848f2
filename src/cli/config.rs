//! `salesdesk config`: the commented default config, where the file is looked for, and a check
//! of a file without opening the desk.

use std::path::Path;

use clap::Args;

use super::paths;
use crate::config::{self, LoadedConfig};

/// Options of `salesdesk config`.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct ConfigArgs {
    /// Print the default config, every setting explained and every key binding listed
    #[arg(long)]
    pub print_default: bool,
    /// Print the path of the config file salesdesk reads
    #[arg(long)]
    pub path: bool,
    /// Check the config file: exit 0 when it is valid, or print what is wrong and exit 2
    #[arg(long)]
    pub check: bool,
}

/// Runs `salesdesk config`; `explicit` is `--config PATH`.
pub fn run(explicit: Option<&Path>, args: &ConfigArgs) -> anyhow::Result<()> {
    if args.print_default {
        print!("{}", config::default_text());
        return Ok(());
    }
    if args.path {
        match explicit {
            Some(path) => println!("{}", path.display()),
            None => println!("{}", paths::default_config_path()?.display()),
        }
        return Ok(());
    }
    let loaded = load(explicit)?;
    match loaded.file {
        Some(file) => println!("{} is valid", file.display()),
        None => println!(
            "no config file at {}; the defaults apply",
            paths::default_config_path()?.display()
        ),
    }
    Ok(())
}

/// Reads `--config PATH`, or the default file when there is one; the defaults otherwise.
pub fn load(explicit: Option<&Path>) -> anyhow::Result<LoadedConfig> {
    let default = match explicit {
        Some(_) => None,
        None => paths::default_config_path().ok(),
    };
    Ok(config::load(explicit, default.as_deref())?)
}
