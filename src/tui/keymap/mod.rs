//! Keys to commands, per context. Dispatch and the help overlay both read this one table,
//! so the help can never disagree with what the keys do.

pub mod binding;
pub mod global;

use crate::tui::action::Command;
use crate::tui::keymap::binding::bind;
pub use crate::tui::keymap::binding::{Binding, Context};
pub use crate::tui::keys::{Key, KeySeq};

/// Two bindings that clash: the second can never be reached, or only one of them can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// One binding: where, what, and its keys.
    pub first: (Context, Command, KeySeq),
    /// The other.
    pub second: (Context, Command, KeySeq),
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (c1, a1, k1) = &self.first;
        let (c2, a2, k2) = &self.second;
        let how = if k1 == k2 { "is also" } else { "overlaps" };
        write!(
            f,
            "key conflict: '{}' for {} in [keys.{}] {how} '{}' for {} in [keys.{}]",
            k2.config_text(),
            a2.name(),
            c2.name(),
            k1.config_text(),
            a1.name(),
            c1.name()
        )
    }
}

/// The whole table of bindings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

impl KeyMap {
    /// The command bound to exactly `keys` in the first of `contexts` that binds it.
    pub fn command_for(&self, contexts: &[Context], keys: &[Key]) -> Option<Command> {
        contexts.iter().find_map(|context| {
            self.bindings_in(*context)
                .find(|b| b.keys.iter().any(|seq| seq.0 == keys))
                .map(|b| b.command)
        })
    }

    /// True when some binding in `contexts` starts with `keys` and needs more keys after them.
    pub fn is_prefix(&self, contexts: &[Context], keys: &[Key]) -> bool {
        contexts.iter().any(|context| {
            self.bindings_in(*context)
                .any(|b| b.keys.iter().any(|seq| seq.extends(keys)))
        })
    }

    /// The commands that do something in `context`: those bound there by default, and on
    /// screens, the global ones.
    pub fn usable_commands(&self, context: Context) -> Vec<Command> {
        let mut commands: Vec<Command> = self.bindings_in(context).map(|b| b.command).collect();
        if context.falls_back_to_global() {
            commands.extend(self.bindings_in(Context::Global).map(|b| b.command));
        }
        let mut seen = std::collections::HashSet::new();
        commands.retain(|c| seen.insert(*c));
        commands
    }

    /// Makes `keys` (and only they) trigger `command` in `context`.
    pub fn set_keys(&mut self, context: Context, command: Command, keys: Vec<KeySeq>) {
        let mut rest = Some(keys);
        for binding in &mut self.bindings {
            if binding.context == context && binding.command == command {
                binding.keys = rest.take().unwrap_or_default();
            }
        }
        if let Some(keys) = rest {
            let help = self
                .bindings
                .iter()
                .find(|b| b.command == command)
                .map_or("", |b| b.help);
            self.bindings.push(Binding {
                context,
                keys,
                command,
                help,
            });
        }
    }

    /// Pairs of bindings that cannot both work: the same keys, or one's keys the start of the
    /// other's, in one context or in a screen and the global context it falls back to.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let mut found = Vec::new();
        let entries: Vec<(Context, Command, &KeySeq)> = self
            .bindings
            .iter()
            .flat_map(|b| b.keys.iter().map(move |k| (b.context, b.command, k)))
            .collect();
        for (i, a) in entries.iter().enumerate() {
            for b in &entries[i + 1..] {
                let together = a.0 == b.0
                    || (a.0 == Context::Global && b.0.falls_back_to_global())
                    || (b.0 == Context::Global && a.0.falls_back_to_global());
                let clash = a.2 == b.2 || a.2.extends(&b.2.0) || b.2.extends(&a.2.0);
                if together && clash && (a.0, a.1) != (b.0, b.1) {
                    found.push(Conflict {
                        first: (a.0, a.1, a.2.clone()),
                        second: (b.0, b.1, b.2.clone()),
                    });
                }
            }
        }
        found
    }

    /// The bindings of one context, in table order.
    pub fn bindings_in(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings
            .iter()
            .filter(move |b| b.context == context && !b.keys.is_empty())
    }

    /// The keys bound to `command` in `context`, joined for a hint ("j/↓").
    pub fn keys_label(&self, context: Context, command: Command) -> String {
        self.bindings_in(context)
            .filter(|b| b.command == command)
            .flat_map(|b| b.keys.iter().map(|k| k.label()))
            .collect::<Vec<_>>()
            .join("/")
    }
}

impl Default for KeyMap {
    /// The built-in bindings: vim-style letters plus arrows and paging keys, as each screen and
    /// popup declares them, in the order the help lists them; Ctrl-c quits from every popup too.
    fn default() -> Self {
        use Context::{
            ChannelEntry, CommandLine, Confirm, DealForm, Filter, Help, History, LostReason, Plan,
            RepPicker, Search, TaskForm,
        };
        let declared = [
            global::bindings(),
            crate::tui::screens::pipeline::keys::bindings(),
            crate::tui::popups::deal_form::keys::bindings(),
            crate::tui::popups::lost_reason::keys::bindings(),
            crate::tui::popups::stages::keys::bindings(),
            crate::tui::popups::confirm::keys::bindings(),
            crate::tui::popups::palette::keys::bindings(),
            crate::tui::popups::history::keys::bindings(),
            crate::tui::screens::customers::keys::bindings(),
            crate::tui::screens::customers::keys::search(),
            crate::tui::popups::filter::keys::bindings(),
            crate::tui::popups::help::keys::bindings(),
            crate::tui::screens::forecast::keys::bindings(),
            crate::tui::screens::forecast::keys::picker(),
            crate::tui::screens::forecast::keys::call(),
            crate::tui::screens::tiers::keys::bindings(),
            crate::tui::screens::tasks::keys::bindings(),
            crate::tui::popups::rep_picker::keys::bindings(),
            crate::tui::popups::task_form::keys::bindings(),
            crate::tui::popups::plan::keys::bindings(),
            crate::tui::screens::channels::keys::bindings(),
            crate::tui::screens::channels::keys::entry(),
            crate::tui::popups::record_form::keys::openers(),
            crate::tui::popups::record_form::keys::bindings(),
            crate::tui::popups::record::keys::bindings(),
            crate::tui::screens::pipeline::list::keys::bindings(),
            crate::tui::popups::find::keys::bindings(),
            crate::tui::popups::data::keys::bindings(),
        ];
        let mut bindings: Vec<Binding> = declared.into_iter().flatten().collect();
        for context in [
            RepPicker,
            TaskForm,
            Plan,
            Search,
            Filter,
            Help,
            DealForm,
            LostReason,
            Confirm,
            CommandLine,
            History,
            ChannelEntry,
            Context::Find,
            Context::Bulk,
            Context::ForecastPicker,
            Context::Data,
        ] {
            bindings.push(bind(context, vec![Key::ctrl('c')], Command::Quit, "quit"));
        }
        KeyMap { bindings }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let map = KeyMap::default();
        for context in Context::ALL {
            let mut seen = std::collections::HashSet::new();
            for binding in map.bindings_in(context) {
                for key in &binding.keys {
                    assert!(
                        seen.insert(key.clone()),
                        "{} bound twice in {context:?}",
                        key.label()
                    );
                }
            }
        }
    }

    #[test]
    fn the_built_in_map_has_no_conflicts() {
        let conflicts: Vec<String> = KeyMap::default()
            .conflicts()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert!(conflicts.is_empty(), "{conflicts:#?}");
    }

    #[test]
    fn a_sequence_and_its_prefix_clash() {
        let mut map = KeyMap::default();
        let gg = KeySeq(vec![Key::char('g'), Key::char('g')]);
        map.set_keys(Context::Pipeline, Command::Bottom, vec![gg]);
        let conflicts = map.conflicts();
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(
            conflicts[0].to_string(),
            "key conflict: 'g g' for bottom in [keys.pipeline] overlaps 'g' for top in [keys.pipeline]"
        );
    }

    #[test]
    fn specific_context_wins_over_global() {
        let map = KeyMap::default();
        let contexts = [Context::Help, Context::Global];
        assert_eq!(
            map.command_for(&contexts, &[Key::char('q')]),
            Some(Command::ToggleHelp)
        );
        assert_eq!(
            map.command_for(&[Context::Global], &[Key::char('q')]),
            Some(Command::Quit)
        );
        assert_eq!(map.command_for(&[Context::Search], &[Key::char('q')]), None);
        assert_eq!(
            map.command_for(&[Context::DealForm], &[Key::char('q')]),
            None,
            "q is text in a form"
        );
    }

    #[test]
    fn hint_labels_come_from_the_table() {
        let map = KeyMap::default();
        assert_eq!(map.keys_label(Context::Customers, Command::Down), "j/↓");
    }
}
