//! Keys to commands, per context. Dispatch and the help overlay both read this one table,
//! so the help can never disagree with what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::action::Command;
use crate::tui::screen::Screen;

/// Where a binding applies; the app asks the most specific context first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// On every screen, when no popup or text field has the keys.
    Global,
    /// On the customers screen.
    Customers,
    /// While typing a search.
    Search,
    /// While the filter editor is open.
    Filter,
    /// While the help overlay is open.
    Help,
    /// On the pipeline board.
    Pipeline,
    /// In the deal edit form.
    DealForm,
    /// In the lost-reason picker.
    LostReason,
    /// While a yes/no question is asked.
    Confirm,
    /// While typing a `:` command.
    CommandLine,
    /// While the change history is shown.
    History,
    /// On the Forecast screen.
    Forecast,
    /// On the Tiers screen.
    Tiers,
    /// On the tasks screen.
    Tasks,
    /// In the rep picker of a reassignment.
    RepPicker,
    /// In the task or absence form.
    TaskForm,
    /// In the optimal plan view.
    Plan,
    /// On the channels screen.
    Channels,
    /// While typing a channel budget or bound.
    ChannelEntry,
}

impl Context {
    /// Every context, in the order the help lists them.
    pub const ALL: [Context; 19] = [
        Context::Global,
        Context::Pipeline,
        Context::DealForm,
        Context::LostReason,
        Context::Confirm,
        Context::Forecast,
        Context::Tiers,
        Context::Customers,
        Context::Tasks,
        Context::RepPicker,
        Context::TaskForm,
        Context::Plan,
        Context::Search,
        Context::Filter,
        Context::Channels,
        Context::ChannelEntry,
        Context::CommandLine,
        Context::History,
        Context::Help,
    ];

    /// The heading of this context in the help.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Customers => "Customers",
            Context::Search => "While searching",
            Context::Filter => "Filter editor",
            Context::Help => "Help",
            Context::Pipeline => "Pipeline",
            Context::DealForm => "Deal form",
            Context::LostReason => "Lost reason",
            Context::Confirm => "Question",
            Context::CommandLine => {
                "Command line (:history :undo :redo :apply :export [chart] FILE :import FILE MAPPING :quit)"
            }
            Context::History => "History and import report",
            Context::Forecast => "Forecast",
            Context::Tiers => "Tiers",
            Context::Tasks => "Tasks",
            Context::RepPicker => "Rep picker (type to filter)",
            Context::TaskForm => "Task and absence form",
            Context::Plan => "Optimal plan",
            Context::Channels => "Channels",
            Context::ChannelEntry => "Budget or bound entry",
        }
    }
}

/// A key with its modifiers, as the key map matches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key itself.
    pub code: KeyCode,
    /// Ctrl and Alt; Shift is folded into the character for printable keys.
    pub modifiers: KeyModifiers,
}

impl Key {
    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// A printable character key.
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// A character with Ctrl held.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// The key as the map sees a terminal event: Shift dropped from characters, which already carry it.
    pub fn from_event(event: KeyEvent) -> Key {
        let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        if let KeyCode::Char(c) = event.code
            && modifiers.contains(KeyModifiers::CONTROL)
        {
            modifiers = KeyModifiers::CONTROL | (modifiers & KeyModifiers::ALT);
            return Key {
                code: KeyCode::Char(c.to_ascii_lowercase()),
                modifiers,
            };
        }
        Key {
            code: event.code,
            modifiers,
        }
    }

    /// How the help and hints print the key.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut label = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            label.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            label.push_str("Alt-");
        }
        label + &base
    }
}

/// Keys bound to one command in one context, with the words the help shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// Any of these keys triggers it.
    pub keys: Vec<Key>,
    /// What it does.
    pub command: Command,
    /// One line for the help overlay.
    pub help: &'static str,
}

/// The whole table of bindings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

impl KeyMap {
    /// The command bound to `key` in the first of `contexts` that binds it.
    pub fn command_for(&self, contexts: &[Context], key: Key) -> Option<Command> {
        contexts.iter().find_map(|context| {
            self.bindings
                .iter()
                .find(|b| b.context == *context && b.keys.contains(&key))
                .map(|b| b.command)
        })
    }

    /// The bindings of one context, in table order.
    pub fn bindings_in(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
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
    /// The built-in bindings: vim-style letters plus arrows and paging keys.
    fn default() -> Self {
        use Command as C;
        use Context::{
            ChannelEntry, CommandLine, Confirm, Customers, DealForm, Filter, Forecast, Global,
            Help, History, LostReason, Pipeline, Plan, RepPicker, Search, TaskForm, Tiers,
        };
        let code = Key::plain;
        let ch = Key::char;
        let mut bindings = vec![
            bind(Global, vec![ch('q'), Key::ctrl('c')], C::Quit, "quit"),
            bind(
                Global,
                vec![ch('?')],
                C::ToggleHelp,
                "show or hide this help",
            ),
            bind(
                Global,
                vec![code(KeyCode::Tab)],
                C::NextScreen,
                "next screen",
            ),
            bind(
                Global,
                vec![code(KeyCode::BackTab)],
                C::PreviousScreen,
                "previous screen",
            ),
            bind(
                Global,
                vec![ch('u')],
                C::Undo,
                "undo the last change (kept in the database)",
            ),
            bind(
                Global,
                vec![Key::ctrl('r')],
                C::Redo,
                "redo the change undone last",
            ),
            bind(
                Global,
                vec![ch(':')],
                C::OpenCommandLine,
                "command line: :history lists recent changes",
            ),
        ];
        bindings.extend(Screen::ALL.into_iter().map(|screen| {
            bind(
                Global,
                vec![ch(screen.digit())],
                C::ShowScreen(screen),
                screen_help(screen),
            )
        }));
        bindings.extend([
            bind(
                Pipeline,
                vec![ch('h'), code(KeyCode::Left)],
                C::MoveLeft,
                "column to the left",
            ),
            bind(
                Pipeline,
                vec![ch('l'), code(KeyCode::Right)],
                C::MoveRight,
                "column to the right",
            ),
            bind(
                Pipeline,
                vec![ch('j'), code(KeyCode::Down)],
                C::Down,
                "next deal",
            ),
            bind(
                Pipeline,
                vec![ch('k'), code(KeyCode::Up)],
                C::Up,
                "previous deal",
            ),
            bind(
                Pipeline,
                vec![code(KeyCode::PageDown), Key::ctrl('d')],
                C::PageDown,
                "page down",
            ),
            bind(Pipeline, vec![code(KeyCode::PageUp)], C::PageUp, "page up"),
            bind(
                Pipeline,
                vec![ch('g'), code(KeyCode::Home)],
                C::Top,
                "first deal",
            ),
            bind(
                Pipeline,
                vec![ch('G'), code(KeyCode::End)],
                C::Bottom,
                "last deal",
            ),
            bind(
                Pipeline,
                vec![ch('>')],
                C::NextStage,
                "move the deal to the next stage",
            ),
            bind(
                Pipeline,
                vec![ch('<')],
                C::PreviousStage,
                "move back a stage (reopens a closed deal)",
            ),
            bind(Pipeline, vec![ch('w')], C::MarkWon, "mark the deal Won"),
            bind(
                Pipeline,
                vec![ch('x')],
                C::MarkLost,
                "mark the deal Lost, with a reason",
            ),
            bind(
                Pipeline,
                vec![ch('e')],
                C::EditDeal,
                "edit amount, expected close, probability",
            ),
            bind(
                Pipeline,
                vec![ch('s')],
                C::ToggleCardSort,
                "sort cards by amount or close date",
            ),
            bind(
                Pipeline,
                vec![ch('f')],
                C::OpenFilter,
                "filter by rep, team, product, close quarter",
            ),
            bind(
                Pipeline,
                vec![ch('p')],
                C::CyclePeriod,
                "KPI period: 12 months, quarters, year",
            ),
            bind(
                Pipeline,
                vec![ch('t')],
                C::ToggleQuota,
                "quota attainment per rep and team",
            ),
            bind(
                DealForm,
                vec![code(KeyCode::Tab), code(KeyCode::Down)],
                C::NextField,
                "next field",
            ),
            bind(
                DealForm,
                vec![code(KeyCode::BackTab), code(KeyCode::Up)],
                C::PreviousField,
                "previous field",
            ),
            bind(
                DealForm,
                vec![code(KeyCode::Backspace)],
                C::DeleteChar,
                "delete a character",
            ),
            bind(
                DealForm,
                vec![code(KeyCode::Enter)],
                C::Accept,
                "save (a bad value is refused, nothing saved)",
            ),
            bind(
                DealForm,
                vec![code(KeyCode::Esc)],
                C::Cancel,
                "close without saving",
            ),
            bind(
                LostReason,
                vec![ch('j'), code(KeyCode::Down)],
                C::Down,
                "next reason",
            ),
            bind(
                LostReason,
                vec![ch('k'), code(KeyCode::Up)],
                C::Up,
                "previous reason",
            ),
            bind(
                LostReason,
                vec![code(KeyCode::Enter)],
                C::Accept,
                "mark Lost for this reason",
            ),
            bind(
                LostReason,
                vec![code(KeyCode::Esc)],
                C::Cancel,
                "keep the deal as it is",
            ),
            bind(
                Confirm,
                vec![ch('y'), code(KeyCode::Enter)],
                C::Accept,
                "yes",
            ),
            bind(Confirm, vec![ch('n'), code(KeyCode::Esc)], C::Cancel, "no"),
            bind(
                CommandLine,
                vec![code(KeyCode::Enter)],
                C::Accept,
                "run the command",
            ),
            bind(
                CommandLine,
                vec![code(KeyCode::Esc)],
                C::Cancel,
                "close the command line",
            ),
            bind(
                CommandLine,
                vec![code(KeyCode::Backspace)],
                C::DeleteChar,
                "delete a character",
            ),
            bind(
                History,
                vec![ch('j'), code(KeyCode::Down)],
                C::Down,
                "scroll down",
            ),
            bind(
                History,
                vec![ch('k'), code(KeyCode::Up)],
                C::Up,
                "scroll up",
            ),
            bind(
                History,
                vec![code(KeyCode::Esc), ch('q')],
                C::Cancel,
                "close the list",
            ),
            bind(
                Customers,
                vec![ch('j'), code(KeyCode::Down)],
                C::Down,
                "next customer",
            ),
            bind(
                Customers,
                vec![ch('k'), code(KeyCode::Up)],
                C::Up,
                "previous customer",
            ),
            bind(
                Customers,
                vec![code(KeyCode::PageDown), Key::ctrl('d')],
                C::PageDown,
                "page down",
            ),
            bind(
                Customers,
                vec![code(KeyCode::PageUp), Key::ctrl('u')],
                C::PageUp,
                "page up",
            ),
            bind(
                Customers,
                vec![ch('g'), code(KeyCode::Home)],
                C::Top,
                "first customer",
            ),
            bind(
                Customers,
                vec![ch('G'), code(KeyCode::End)],
                C::Bottom,
                "last customer",
            ),
            bind(
                Customers,
                vec![ch('/')],
                C::StartSearch,
                "search by name as you type",
            ),
            bind(
                Customers,
                vec![ch('s')],
                C::CycleSort,
                "sort by the next column",
            ),
            bind(Customers, vec![ch('S')], C::ReverseSort, "reverse the sort"),
            bind(
                Customers,
                vec![ch('f')],
                C::OpenFilter,
                "filter by owner, region or industry",
            ),
            bind(
                Customers,
                vec![code(KeyCode::Enter)],
                C::ToggleDetail,
                "open or close the detail pane",
            ),
            bind(
                Customers,
                vec![code(KeyCode::Esc)],
                C::CloseDetail,
                "close the detail pane",
            ),
            bind(
                Search,
                vec![code(KeyCode::Enter)],
                C::FinishSearch,
                "keep the search, browse results",
            ),
            bind(
                Search,
                vec![code(KeyCode::Esc)],
                C::CancelSearch,
                "clear the search",
            ),
            bind(
                Search,
                vec![code(KeyCode::Backspace)],
                C::SearchBackspace,
                "delete a character",
            ),
            bind(Search, vec![code(KeyCode::Down)], C::Down, "next result"),
            bind(Search, vec![code(KeyCode::Up)], C::Up, "previous result"),
            bind(
                Filter,
                vec![ch('j'), code(KeyCode::Down)],
                C::NextFilterField,
                "next field",
            ),
            bind(
                Filter,
                vec![ch('k'), code(KeyCode::Up)],
                C::PreviousFilterField,
                "previous field",
            ),
            bind(
                Filter,
                vec![ch('l'), code(KeyCode::Right)],
                C::NextFilterValue,
                "next value",
            ),
            bind(
                Filter,
                vec![ch('h'), code(KeyCode::Left)],
                C::PreviousFilterValue,
                "previous value",
            ),
            bind(
                Filter,
                vec![code(KeyCode::Backspace), ch('x')],
                C::ClearFilterField,
                "any value",
            ),
            bind(
                Filter,
                vec![code(KeyCode::Enter), code(KeyCode::Esc), ch('f')],
                C::CloseFilter,
                "close",
            ),
            bind(
                Help,
                vec![code(KeyCode::Esc), ch('?'), ch('q')],
                C::ToggleHelp,
                "close the help",
            ),
            bind(
                Help,
                vec![ch('j'), code(KeyCode::Down)],
                C::Down,
                "scroll down",
            ),
            bind(Help, vec![ch('k'), code(KeyCode::Up)], C::Up, "scroll up"),
            bind(
                Forecast,
                vec![ch('b')],
                C::CycleBreakdown,
                "total, per rep, per product, per team",
            ),
            bind(
                Forecast,
                vec![ch('j'), code(KeyCode::Down)],
                C::Down,
                "next rep, product or team",
            ),
            bind(
                Forecast,
                vec![ch('k'), code(KeyCode::Up)],
                C::Up,
                "previous rep, product or team",
            ),
            bind(
                Forecast,
                vec![ch('+'), ch('=')],
                C::LongerHorizon,
                "forecast one month further",
            ),
            bind(
                Forecast,
                vec![ch('-')],
                C::ShorterHorizon,
                "forecast one month less",
            ),
            bind(
                Tiers,
                vec![ch('j'), code(KeyCode::Down)],
                C::Down,
                "next tier or segment",
            ),
            bind(
                Tiers,
                vec![ch('k'), code(KeyCode::Up)],
                C::Up,
                "previous tier or segment",
            ),
            bind(
                Tiers,
                vec![code(KeyCode::Enter)],
                C::DrillDown,
                "its customers on the Customers screen",
            ),
            bind(
                Customers,
                vec![ch('a')],
                C::ShowAllCustomers,
                "all customers again after a drill from Tiers",
            ),
        ]);
        bindings.extend(task_bindings());
        bindings.extend(channel_bindings());
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
        ] {
            bindings.push(bind(context, vec![Key::ctrl('c')], C::Quit, "quit"));
        }
        KeyMap { bindings }
    }
}

/// The tasks screen and its popups.
fn task_bindings() -> Vec<Binding> {
    use Command as C;
    use Context::{Plan, RepPicker, TaskForm, Tasks};
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Tasks,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "next task",
        ),
        bind(
            Tasks,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "previous task",
        ),
        bind(
            Tasks,
            vec![code(KeyCode::PageDown), Key::ctrl('d')],
            C::PageDown,
            "page down",
        ),
        bind(Tasks, vec![code(KeyCode::PageUp)], C::PageUp, "page up"),
        bind(
            Tasks,
            vec![ch('g'), code(KeyCode::Home)],
            C::Top,
            "first task",
        ),
        bind(
            Tasks,
            vec![ch('G'), code(KeyCode::End)],
            C::Bottom,
            "last task",
        ),
        bind(
            Tasks,
            vec![ch(' ')],
            C::ToggleSelect,
            "select or unselect the task",
        ),
        bind(
            Tasks,
            vec![code(KeyCode::Esc)],
            C::ClearSelection,
            "unselect all",
        ),
        bind(
            Tasks,
            vec![ch('r')],
            C::Reassign,
            "reassign the selected tasks (one undo step)",
        ),
        bind(Tasks, vec![ch('n')], C::NewTask, "add a task"),
        bind(Tasks, vec![ch('e')], C::EditTask, "edit the task"),
        bind(Tasks, vec![ch('d')], C::MarkDone, "mark the task done"),
        bind(Tasks, vec![ch('p')], C::TogglePin, "pin or unpin the task"),
        bind(
            Tasks,
            vec![ch('a')],
            C::MarkAbsent,
            "mark the rep absent from a date to a date",
        ),
        bind(
            Tasks,
            vec![ch('o')],
            C::Optimise,
            "optimal assignment plan (exact)",
        ),
        bind(
            Tasks,
            vec![ch('f')],
            C::OpenFilter,
            "filter by team, rep, due window, kind",
        ),
        bind(RepPicker, vec![code(KeyCode::Down)], C::Down, "next rep"),
        bind(RepPicker, vec![code(KeyCode::Up)], C::Up, "previous rep"),
        bind(
            RepPicker,
            vec![code(KeyCode::Backspace)],
            C::DeleteChar,
            "delete a character",
        ),
        bind(
            RepPicker,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "give the tasks to this rep",
        ),
        bind(
            RepPicker,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "keep the tasks where they are",
        ),
        bind(
            TaskForm,
            vec![code(KeyCode::Tab), code(KeyCode::Down)],
            C::NextField,
            "next field",
        ),
        bind(
            TaskForm,
            vec![code(KeyCode::BackTab), code(KeyCode::Up)],
            C::PreviousField,
            "previous field",
        ),
        bind(
            TaskForm,
            vec![code(KeyCode::Backspace)],
            C::DeleteChar,
            "delete a character",
        ),
        bind(
            TaskForm,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "save (a bad value is refused, nothing saved)",
        ),
        bind(
            TaskForm,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "close without saving",
        ),
        bind(
            Plan,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "next move",
        ),
        bind(
            Plan,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "previous move",
        ),
        bind(
            Plan,
            vec![ch(' ')],
            C::ToggleSelect,
            "leave the move out, or back in",
        ),
        bind(
            Plan,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "accept the plan (one undo step)",
        ),
        bind(
            Plan,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "close, nothing changes",
        ),
    ]
}

fn bind(context: Context, keys: Vec<Key>, command: Command, help: &'static str) -> Binding {
    Binding {
        context,
        keys,
        command,
        help,
    }
}

/// The Channels screen and its budget and bound entry.
fn channel_bindings() -> Vec<Binding> {
    use Command as C;
    use Context::{ChannelEntry, Channels};
    let code = Key::plain;
    let ch = Key::char;
    vec![
        bind(
            Channels,
            vec![ch('j'), code(KeyCode::Down)],
            C::Down,
            "next channel",
        ),
        bind(
            Channels,
            vec![ch('k'), code(KeyCode::Up)],
            C::Up,
            "previous channel",
        ),
        bind(
            Channels,
            vec![ch('g'), code(KeyCode::Home)],
            C::Top,
            "first channel",
        ),
        bind(
            Channels,
            vec![ch('G'), code(KeyCode::End)],
            C::Bottom,
            "last channel",
        ),
        bind(
            Channels,
            vec![ch('b')],
            C::EditBudget,
            "type the monthly budget",
        ),
        bind(
            Channels,
            vec![ch('[')],
            C::EditLowBound,
            "type the channel's lowest spend",
        ),
        bind(
            Channels,
            vec![ch(']')],
            C::EditHighBound,
            "type the channel's highest spend",
        ),
        bind(
            Channels,
            vec![ch('r')],
            C::ResetChannelBounds,
            "budget and bounds back to their defaults",
        ),
        bind(
            ChannelEntry,
            vec![code(KeyCode::Enter)],
            C::Accept,
            "use the amount and split the budget again",
        ),
        bind(
            ChannelEntry,
            vec![code(KeyCode::Esc)],
            C::Cancel,
            "keep the amount as it was",
        ),
        bind(
            ChannelEntry,
            vec![code(KeyCode::Backspace)],
            C::DeleteChar,
            "delete a character",
        ),
    ]
}

fn screen_help(screen: Screen) -> &'static str {
    match screen {
        Screen::Pipeline => "Pipeline screen",
        Screen::Customers => "Customers screen",
        Screen::Tiers => "Tiers screen",
        Screen::Forecast => "Forecast screen",
        Screen::Tasks => "Tasks screen",
        Screen::Channels => "Channels screen",
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
                        seen.insert(*key),
                        "{} bound twice in {context:?}",
                        key.label()
                    );
                }
            }
        }
    }

    #[test]
    fn specific_context_wins_over_global() {
        let map = KeyMap::default();
        let contexts = [Context::Help, Context::Global];
        assert_eq!(
            map.command_for(&contexts, Key::char('q')),
            Some(Command::ToggleHelp)
        );
        assert_eq!(
            map.command_for(&[Context::Global], Key::char('q')),
            Some(Command::Quit)
        );
        assert_eq!(map.command_for(&[Context::Search], Key::char('q')), None);
        assert_eq!(
            map.command_for(&[Context::DealForm], Key::char('q')),
            None,
            "q is text in a form"
        );
    }

    #[test]
    fn shift_is_folded_into_characters_and_ctrl_is_kept() {
        let shifted = KeyEvent::new(KeyCode::Char('S'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(shifted), Key::char('S'));
        let ctrl = KeyEvent::new(
            KeyCode::Char('C'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(Key::from_event(ctrl), Key::ctrl('c'));
        assert_eq!(Key::ctrl('c').label(), "Ctrl-c");
    }

    #[test]
    fn hint_labels_come_from_the_table() {
        let map = KeyMap::default();
        assert_eq!(map.keys_label(Context::Customers, Command::Down), "j/↓");
    }
}
