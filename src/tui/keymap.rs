//! Keys to commands, per context. Dispatch and the help overlay both read this one table,
//! so the help can never disagree with what the keys do.

use ratatui::crossterm::event::KeyCode;

use crate::tui::action::Command;
pub use crate::tui::keys::{Key, KeySeq};
use crate::tui::screen::Screen;

/// Where a binding applies; the app asks the most specific context first. The config file
/// names them in snake_case (`[keys.deal_form]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
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

    /// The snake_case name the config file uses: `global`, `pipeline`, `deal_form`.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The context with this snake_case name.
    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }

    /// True for the screens where a key not bound on the screen falls through to [`Context::Global`].
    pub fn falls_back_to_global(self) -> bool {
        matches!(
            self,
            Context::Pipeline
                | Context::Customers
                | Context::Tiers
                | Context::Forecast
                | Context::Tasks
                | Context::Channels
        )
    }

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
                "Command line (:history :export :import :goto :theme, any action; Tab completes)"
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

/// Keys bound to one command in one context, with the words the help shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// Any of these key sequences triggers it.
    pub keys: Vec<KeySeq>,
    /// What it does.
    pub command: Command,
    /// One line for the help overlay.
    pub help: &'static str,
}

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
                "command palette: commands and actions, Tab completes",
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
                CommandLine,
                vec![code(KeyCode::Tab)],
                C::Complete,
                "complete: next command, action or name",
            ),
            bind(
                CommandLine,
                vec![code(KeyCode::BackTab)],
                C::CompletePrevious,
                "previous completion",
            ),
            bind(
                CommandLine,
                vec![code(KeyCode::Up), Key::ctrl('p')],
                C::OlderCommand,
                "the command run before",
            ),
            bind(
                CommandLine,
                vec![code(KeyCode::Down), Key::ctrl('n')],
                C::NewerCommand,
                "the command run after",
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
        keys: keys.into_iter().map(KeySeq::single).collect(),
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
