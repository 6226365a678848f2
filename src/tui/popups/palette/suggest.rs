//! The palette's completions of a line, read from the app: commands, action names with their
//! keys, customer names and theme names.

use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::popups::palette::{COMMANDS, NAME_SUGGESTIONS, Suggestion};
use crate::tui::theme::ThemeName;

/// The completions of `line`: commands and action names for the first word, then the
/// customer names of `goto customer`, the theme names of `theme` and `export chart`.
pub fn suggestions(app: &App, line: &str) -> Vec<Suggestion> {
    if let Some(rest) = line.strip_prefix("goto customer ") {
        return app
            .customers
            .names_starting_with(rest, NAME_SUGGESTIONS)
            .into_iter()
            .map(|name| Suggestion {
                line: format!("goto customer {name}"),
                help: "select this customer".into(),
            })
            .collect();
    }
    if let Some(rest) = line.strip_prefix("export ")
        && "chart".starts_with(rest)
    {
        return vec![Suggestion {
            line: "export chart ".into(),
            help: "export chart FILE.svg: the Forecast or Tiers chart as an SVG file".into(),
        }];
    }
    if let Some(rest) = line.strip_prefix("view ") {
        return crate::tui::screens::pipeline::list::views()
            .map(crate::tui::screens::pipeline::list::view_name)
            .filter(|name| name.starts_with(rest.trim()))
            .map(|name| Suggestion {
                line: format!("view {name}"),
                help: "show the pipeline list with this saved view".into(),
            })
            .collect();
    }
    if let Some(rest) = line.strip_prefix("theme ") {
        return ThemeName::ALL
            .iter()
            .filter(|t| t.as_str().starts_with(rest.trim()))
            .map(|t| Suggestion {
                line: format!("theme {}", t.as_str()),
                help: "switch to these colours".into(),
            })
            .collect();
    }
    let word = line.trim_start();
    let mut found: Vec<Suggestion> = COMMANDS
        .iter()
        .map(|(name, help)| Suggestion {
            line: (*name).to_string(),
            help: (*help).to_string(),
        })
        .chain(Command::all().into_iter().map(|c| Suggestion {
            line: c.name().to_string(),
            help: action_help(app, c),
        }))
        .filter(|s| s.line.starts_with(word) && s.line != word)
        .collect();
    if !word.is_empty() && !word.contains(' ') {
        let inner = Command::all()
            .into_iter()
            .filter(|c| !c.name().starts_with(word) && c.name().contains(word))
            .map(|c| Suggestion {
                line: c.name().to_string(),
                help: action_help(app, c),
            });
        found.extend(inner);
    }
    found
}

/// The help line of an action, with the keys that trigger it where they do.
fn action_help(app: &App, command: Command) -> String {
    let contexts = crate::tui::keymap::Context::ALL;
    let binding = contexts
        .iter()
        .flat_map(|c| app.keymap.bindings_in(*c))
        .find(|b| b.command == command);
    match binding {
        Some(b) if !b.keys.is_empty() => {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            format!("{} ({})", b.help, keys.join("/"))
        }
        Some(b) => b.help.to_string(),
        None => String::new(),
    }
}
