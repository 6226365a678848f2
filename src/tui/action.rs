//! Everything that can change the app: named commands bound to keys, typed text, and events.

use crate::tui::screen::Screen;
use crate::worker::Reply;

/// A named thing a key can do; the key map binds keys to these and the help lists them. The
/// config file and the command palette call them by their snake_case names ([`Command::name`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Command {
    /// Leave the app.
    Quit,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Switch to a screen.
    ShowScreen(Screen),
    /// Switch to the next screen.
    NextScreen,
    /// Switch to the previous screen.
    PreviousScreen,
    /// Move the selection up one row.
    Up,
    /// Move the selection down one row.
    Down,
    /// Move the selection up one page.
    PageUp,
    /// Move the selection down one page.
    PageDown,
    /// Jump to the first row.
    Top,
    /// Jump to the last row.
    Bottom,
    /// Start typing a search.
    StartSearch,
    /// Keep the search and go back to moving through the results.
    FinishSearch,
    /// Clear the search and stop typing.
    CancelSearch,
    /// Delete the last character of the search.
    SearchBackspace,
    /// Sort by the next column.
    CycleSort,
    /// Reverse the sort order.
    ReverseSort,
    /// Open the filter editor.
    OpenFilter,
    /// Edit the next filter field.
    NextFilterField,
    /// Edit the previous filter field.
    PreviousFilterField,
    /// Step the filter field to its next value.
    NextFilterValue,
    /// Step the filter field to its previous value.
    PreviousFilterValue,
    /// Set the filter field back to "any".
    ClearFilterField,
    /// Close the filter editor, keeping the filter.
    CloseFilter,
    /// Open or close the detail pane of the selected row.
    ToggleDetail,
    /// Close the detail pane.
    CloseDetail,
    /// Move to the column on the left.
    MoveLeft,
    /// Move to the column on the right.
    MoveRight,
    /// Move the deal to its next stage (Negotiation goes to Won).
    NextStage,
    /// Move the deal to its previous stage (a closed deal reopens, after a yes).
    PreviousStage,
    /// Mark the deal Won.
    MarkWon,
    /// Mark the deal Lost, picking a reason.
    MarkLost,
    /// Edit amount, expected close and probability.
    EditDeal,
    /// Sort cards by amount or by expected close.
    ToggleCardSort,
    /// Switch the KPI period.
    CyclePeriod,
    /// Show or hide quota attainment per rep and team.
    ToggleQuota,
    /// Undo the last change, from any screen.
    Undo,
    /// Redo the change undone last.
    Redo,
    /// Open the `:` command line.
    OpenCommandLine,
    /// Confirm: run the command, save the form, pick the reason, answer yes.
    Accept,
    /// Back out: close the form, picker, prompt or list without doing anything.
    Cancel,
    /// Delete the last character typed.
    DeleteChar,
    /// Go to the next form field.
    NextField,
    /// Go to the previous form field.
    PreviousField,
    /// Forecast: switch between total, per rep, per product and per team.
    CycleBreakdown,
    /// Forecast: one more month ahead.
    LongerHorizon,
    /// Forecast: one month less ahead.
    ShorterHorizon,
    /// Select or unselect the task (or leave a plan row out, or back in).
    ToggleSelect,
    /// Unselect every task.
    ClearSelection,
    /// Give the selected tasks to another rep, picked by name.
    Reassign,
    /// Add a task.
    NewTask,
    /// Edit the task.
    EditTask,
    /// Mark the task done.
    MarkDone,
    /// Pin the task to its rep, or unpin it.
    TogglePin,
    /// Mark the rep absent from a date to a date.
    MarkAbsent,
    /// Propose the optimal assignment plan.
    Optimise,
    /// Show each accepted assignment plan against results: tasks done on time before and after.
    PlansAgainstResults,
    /// Type the monthly budget the channels share.
    EditBudget,
    /// Type the selected channel's lowest spend.
    EditLowBound,
    /// Type the selected channel's highest spend.
    EditHighBound,
    /// Put the channels' budget and bounds back to their defaults.
    ResetChannelBounds,
    /// Tiers: show the selected tier's or segment's customers on the Customers screen.
    DrillDown,
    /// Customers: show every customer again after a drill-down.
    ShowAllCustomers,
    /// Command line: put the next completion on the line.
    Complete,
    /// Command line: put the previous completion on the line.
    CompletePrevious,
    /// Command line: the line run before the one shown.
    OlderCommand,
    /// Command line: the line run after the one shown.
    NewerCommand,
    /// A new customer.
    NewCustomer,
    /// A new deal (for the customer on show, if any).
    NewDeal,
    /// Add, edit or remove the contacts of the customer on show.
    NewContact,
    /// Edit the record on show (or the selected customer).
    EditRecord,
    /// Log a call, email, meeting or note on the record on show.
    LogActivity,
    /// A follow-up task from the record on show.
    FollowUpTask,
    /// Set a rep's quota for a quarter.
    SetQuota,
    /// Record form: remove the contact picked, after a yes.
    RemoveContact,
    /// Record form: write the long text in `$VISUAL`/`$EDITOR`, or in a box of lines.
    EditText,
    /// Open the record of the deal, customer or task's deal under the cursor.
    OpenRecord,
    /// On a deal's record: open its customer's record.
    JumpToCustomer,
    /// On a record: the Tasks screen showing the owner's tasks.
    OwnerTasks,
    /// Open the find popup: search customers, contacts, deals and tasks.
    OpenFind,
    /// Pipeline: switch between the board and the list of open deals.
    ToggleListView,
    /// Deal list: show the next saved view.
    NextSavedView,
    /// Deal list: show the previous saved view.
    PreviousSavedView,
    /// Deal list: select every deal of the view, or none.
    SelectAll,
    /// Deal list: move the selected deals to another open stage.
    BulkMove,
    /// Deal list: give the selected deals to another rep.
    BulkOwner,
    /// Deal list: set the selected deals' expected close date.
    BulkClose,
    /// Forecast: pick the total, a rep, a product or a team by typing part of its name.
    PickGroup,
    /// Forecast: switch between the bookings forecast and this quarter's call.
    ToggleCall,
    /// Pipeline, list and deal record: set the forecast category of the deal or the selected deals.
    SetCategory,
    /// Data view: merge the second customer of the selected likely duplicate into the first.
    MergeCustomers,
    /// Pipeline and list: show the next pipeline (after the last, all of them together).
    NextPipeline,
    /// Pipeline and list: open the editor of the pipeline's stages.
    EditStages,
    /// Stage editor: add a stage after the selected one.
    AddStage,
    /// Stage editor: rename the selected stage.
    RenameStage,
    /// Stage editor: set the selected stage's win probability and stale days.
    SetStageNumbers,
    /// Stage editor: move the selected stage one place earlier.
    StageEarlier,
    /// Stage editor: move the selected stage one place later.
    StageLater,
    /// Stage editor: remove the selected stage, picking where its deals go.
    RemoveStage,
    /// Stage editor: a new pipeline with a copy of these stages.
    AddPipeline,
    /// Stage editor: rename the pipeline.
    RenamePipeline,
    /// Stage editor: remove the pipeline (only one without deals).
    RemovePipeline,
}

impl Command {
    /// Every command, each screen switch on its own, in declaration order.
    pub fn all() -> Vec<Command> {
        use strum::IntoEnumIterator;
        Command::iter()
            .flat_map(|command| match command {
                Command::ShowScreen(_) => Screen::ALL.map(Command::ShowScreen).to_vec(),
                other => vec![other],
            })
            .collect()
    }

    /// The snake_case name the config file and the command palette use: `mark_won`,
    /// `page_down`, `show_pipeline`.
    pub fn name(self) -> &'static str {
        match self {
            Command::ShowScreen(screen) => screen.command_name(),
            other => other.into(),
        }
    }

    /// The command with this snake_case name.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::all().into_iter().find(|c| c.name() == name)
    }
}

/// One input to [`crate::tui::update`].
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A command from the key map.
    Command(Command),
    /// A character typed into a text field (the search box).
    Type(char),
    /// The first keys of a key sequence were pressed (an empty list: the sequence was broken).
    PendingKeys(Vec<crate::tui::keys::Key>),
    /// The terminal changed size.
    Resize {
        /// New width in cells.
        width: u16,
        /// New height in cells.
        height: u16,
    },
    /// Time passed while a job runs (animates the status line).
    Tick,
    /// A background job finished.
    Worker(Box<Reply>),
    /// The mouse clicked or scrolled.
    Mouse(MouseInput),
}

/// What the mouse did; dragging and the other buttons are not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    /// The left button went down.
    LeftClick,
    /// The wheel turned up (away from the user).
    WheelUp,
    /// The wheel turned down.
    WheelDown,
}

/// A mouse event at a cell of the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MouseInput {
    /// Click or wheel.
    pub kind: MouseKind,
    /// The cell's column, from 0 at the left.
    pub column: u16,
    /// The cell's row, from 0 at the top.
    pub row: u16,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_its_own_name_that_reads_back() {
        let all = Command::all();
        let names: std::collections::HashSet<_> = all.iter().map(|c| c.name()).collect();
        assert_eq!(names.len(), all.len());
        for command in all {
            assert_eq!(Command::from_name(command.name()), Some(command));
        }
        assert_eq!(Command::MarkWon.name(), "mark_won");
        assert_eq!(Command::PageDown.name(), "page_down");
        assert_eq!(
            Command::from_name("show_forecast"),
            Some(Command::ShowScreen(Screen::Forecast))
        );
        assert_eq!(Command::from_name("show_screen"), None);
    }
}
