//! The `[keys.<context>]` tables: per context, an action's snake_case name and the key sequences
//! that trigger it, replacing the built-in keys of that action there.
//!
//! ```toml
//! [keys.pipeline]
//! mark_won = "W"
//! top = ["g g", "<Home>"]
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::config::error::ConfigError;
use crate::tui::action::Command;
use crate::tui::keymap::{Context, KeyMap, KeySeq};

/// The key sequences given for one action: one string or a list of them (`[]` unbinds it).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "OneOrMany")]
pub struct KeyList(pub Vec<KeySeq>);

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl TryFrom<OneOrMany> for KeyList {
    type Error = String;

    fn try_from(value: OneOrMany) -> Result<KeyList, String> {
        let texts = match value {
            OneOrMany::One(text) => vec![text],
            OneOrMany::Many(texts) => texts,
        };
        texts
            .iter()
            .map(|t| KeySeq::parse(t))
            .collect::<Result<Vec<_>, _>>()
            .map(KeyList)
    }
}

/// The `[keys]` section as written, with where each name sits in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct KeysConfig(pub BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, KeyList>>);

/// One action given new keys in one context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    /// Where.
    pub context: Context,
    /// What.
    pub command: Command,
    /// The keys that now trigger it.
    pub keys: Vec<KeySeq>,
}

impl KeysConfig {
    /// Checks every context and action name, and that the action does something there.
    pub fn overrides(&self, file: &Path, source: &str) -> Result<Vec<KeyOverride>, ConfigError> {
        let defaults = KeyMap::default();
        let mut overrides = Vec::new();
        for (context_name, actions) in &self.0 {
            let context = Context::from_name(context_name.get_ref()).ok_or_else(|| {
                let names: Vec<_> = Context::ALL.iter().map(|c| c.name()).collect();
                ConfigError::at_span(
                    file,
                    source,
                    context_name.span(),
                    format!(
                        "unknown key context '{}'; use one of: {}",
                        context_name.get_ref(),
                        names.join(", ")
                    ),
                )
            })?;
            for (action_name, keys) in actions {
                let usable = defaults.usable_commands(context);
                let command = Command::from_name(action_name.get_ref())
                    .filter(|c| usable.contains(c))
                    .ok_or_else(|| {
                        let what = match Command::from_name(action_name.get_ref()) {
                            Some(_) => "does nothing in",
                            None => "is not an action of",
                        };
                        let names: Vec<_> = usable.iter().map(|c| c.name()).collect();
                        ConfigError::at_span(
                            file,
                            source,
                            action_name.span(),
                            format!(
                                "'{}' {what} [keys.{}]; actions there: {}",
                                action_name.get_ref(),
                                context.name(),
                                names.join(", ")
                            ),
                        )
                    })?;
                overrides.push(KeyOverride {
                    context,
                    command,
                    keys: keys.0.clone(),
                });
            }
        }
        Ok(overrides)
    }

    /// True when the file names `command` in `[keys.<context>]`.
    fn touches(&self, context: Context, command: Command) -> bool {
        self.0.iter().any(|(c, actions)| {
            c.get_ref() == context.name() && actions.keys().any(|a| a.get_ref() == command.name())
        })
    }
}

/// The built-in key map with the config's overrides applied; two bindings that clash (the same
/// keys, or one a prefix of the other, where both can apply) are an error naming both.
pub fn configured_keymap(
    keys: &KeysConfig,
    file: &Path,
    source: &str,
) -> Result<KeyMap, ConfigError> {
    let mut map = KeyMap::default();
    for o in keys.overrides(file, source)? {
        map.set_keys(o.context, o.command, o.keys);
    }
    if let Some(conflict) = map.conflicts().into_iter().next() {
        let (table, action) = if keys.touches(conflict.second.0, conflict.second.1) {
            (conflict.second.0, conflict.second.1)
        } else {
            (conflict.first.0, conflict.first.1)
        };
        return Err(ConfigError::at_key(
            file,
            source,
            &format!("keys.{}", table.name()),
            action.name(),
            conflict.to_string(),
        ));
    }
    Ok(map)
}
