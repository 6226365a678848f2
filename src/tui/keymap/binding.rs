//! Where a key binding applies and what one binding is: the words every screen's and popup's
//! `keys.rs` declares its keys with.

use crate::tui::action::Command;
use crate::tui::keys::{Key, KeySeq};

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
    /// On an open deal or customer record.
    Record,
    /// In a record form: customer, contact, deal, activity, follow-up task or quota.
    RecordForm,
    /// In a type-ahead picker of a record form (customer, product, rep, kind).
    Picker,
    /// While typing in the find popup.
    Find,
    /// On the pipeline's list view.
    DealList,
    /// In the bulk change popup of the list view.
    Bulk,
    /// In the Forecast screen's group picker (type to filter).
    ForecastPicker,
    /// On the Forecast screen's call view.
    ForecastCall,
    /// In the `:data` view of what needs care in the book.
    Data,
    /// In the editor of a pipeline's stages.
    Stages,
}

impl Context {
    /// Every context, in the order the help lists them.
    pub const ALL: [Context; 29] = [
        Context::Global,
        Context::Pipeline,
        Context::DealList,
        Context::Bulk,
        Context::Record,
        Context::RecordForm,
        Context::Picker,
        Context::Find,
        Context::DealForm,
        Context::LostReason,
        Context::Stages,
        Context::Confirm,
        Context::Forecast,
        Context::ForecastPicker,
        Context::ForecastCall,
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
        Context::Data,
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
                | Context::ForecastCall
                | Context::Tasks
                | Context::Channels
                | Context::Record
                | Context::DealList
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
            Context::Stages => "Stage editor",
            Context::Confirm => "Question",
            Context::CommandLine => {
                "Command line (:history :export :import :goto :theme, any action; Tab completes)"
            }
            Context::History => "History and import report",
            Context::Data => "Data quality (:data)",
            Context::Forecast => "Forecast",
            Context::Tiers => "Tiers",
            Context::Tasks => "Tasks",
            Context::RepPicker => "Rep picker (type to filter)",
            Context::TaskForm => "Task and absence form",
            Context::Plan => "Optimal plan",
            Context::Channels => "Channels",
            Context::ChannelEntry => "Budget or bound entry",
            Context::Record => "Deal or customer record",
            Context::RecordForm => "Record form",
            Context::Picker => "Picker (type to filter)",
            Context::Find => "Find (type to search)",
            Context::DealList => "Pipeline list view",
            Context::Bulk => "Bulk change of the selected deals",
            Context::ForecastPicker => "Forecast group picker (type to filter)",
            Context::ForecastCall => "Forecast: the quarter's call",
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

/// A binding of single keys to `command` in `context`, with its help line.
pub fn bind(context: Context, keys: Vec<Key>, command: Command, help: &'static str) -> Binding {
    Binding {
        context,
        keys: keys.into_iter().map(KeySeq::single).collect(),
        command,
        help,
    }
}
