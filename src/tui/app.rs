//! The whole state of the running app. Only [`crate::tui::update`] changes it; drawing reads it.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rusqlite::Connection;

use crate::config::{Config, LoadedConfig};
use crate::db::board::{self, BoardCards, BoardChoices};
use crate::db::customers::{self, CustomerIndex};
use crate::db::edits::HistoryLine;
use crate::domain::Pipelines;
use crate::tui::action::Action;
pub use crate::tui::effects::Message;
use crate::tui::effects::{Effect, Effects};
use crate::tui::jobs::Jobs;
use crate::tui::keymap::{Context, Key, KeyMap};
use crate::tui::popups::data::DataView;
use crate::tui::popups::find::FindState;
use crate::tui::popups::import::ImportState;
use crate::tui::popups::palette::Palette;
use crate::tui::popups::record::RecordStack;
use crate::tui::popups::record_form::RecordForm;
use crate::tui::scores::ScoresState;
use crate::tui::screen::{Screen, screen_list};
use crate::tui::screen_update::ScreenUpdate;
use crate::tui::screens::channels::ChannelsState;
use crate::tui::screens::customers::CustomersState;
use crate::tui::screens::forecast::ForecastState;
use crate::tui::screens::pipeline::PipelineState;
use crate::tui::screens::tasks::TasksState;
use crate::tui::screens::tiers::TiersState;
use crate::tui::theme::Theme;
use crate::worker::Job;

/// Customers loaded for the first frame, before the full index arrives from the worker.
pub const FIRST_PAGE_ROWS: usize = 200;

/// The board as first loaded: cards, the book's stages, the pipeline shown and filter choices.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BoardStart {
    /// A page of cards per column.
    pub cards: BoardCards,
    /// The book's pipelines and stages.
    pub catalogue: Pipelines,
    /// The pipeline shown (`None`: all).
    pub scope: Option<i64>,
    /// Filter choices.
    pub choices: BoardChoices,
}

/// The `:history` list and how far it is scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryView {
    /// Recent edits, newest first.
    pub lines: Vec<HistoryLine>,
    /// Scroll position.
    pub scroll: u16,
}

/// The first and last day of the KPI period the board opens with.
fn first_period(config: &Config, as_of: NaiveDate) -> (NaiveDate, NaiveDate) {
    let period = config.kpi.period.0.period(as_of);
    (period.from, period.to)
}

/// Everything the screens draw from.
#[derive(Debug, Clone, PartialEq)]
pub struct App {
    /// The screen on show.
    pub screen: Screen,
    /// The pipeline board.
    pub pipeline: PipelineState,
    /// The customers screen.
    pub customers: CustomersState,
    /// The Forecast screen.
    pub forecast: ForecastState,
    /// The tasks screen.
    pub tasks: TasksState,
    /// The channels screen.
    pub channels: ChannelsState,
    /// The Tiers screen.
    pub tiers: TiersState,
    /// The deal and customer records open on top of the screen.
    pub records: RecordStack,
    /// Win probabilities and purchase propensities, for the customer detail.
    pub scores: ScoresState,
    /// The `:` command line's text, while it is open.
    pub command_line: Option<String>,
    /// The command line's completions and history.
    pub palette: Palette,
    /// The `:history` list, while shown.
    pub history: Option<HistoryView>,
    /// The `:data` view, while shown (hidden beneath a record opened from it).
    pub data: Option<DataView>,
    /// The `:model` popup's scroll position, while it is open.
    pub model_view: Option<u16>,
    /// The help overlay's scroll position, while it is open.
    pub help: Option<u16>,
    /// The find popup, while open.
    pub find: Option<FindState>,
    /// The running import's progress and the last import report.
    pub import: ImportState,
    /// The settings from the config file (or the defaults).
    pub config: Config,
    /// Keys to commands.
    pub keymap: KeyMap,
    /// The first keys of a sequence such as `g g`, while the rest is awaited.
    pub pending_keys: Vec<Key>,
    /// Styles.
    pub theme: Theme,
    /// True when `NO_COLOR` asked for no colour: themes then keep to bold, dim and reverse.
    pub no_color: bool,
    /// The database path as the status line shows it.
    pub db_label: String,
    /// The date trailing windows end at (today, unless set with `--as-of`).
    pub as_of: NaiveDate,
    /// Terminal size in cells, for paging.
    pub size: (u16, u16),
    /// The status-line message.
    pub message: Message,
    /// Background requests and their generations.
    pub jobs: Jobs,
    /// Ticks seen while a job runs, for the spinner.
    pub ticks: u64,
    /// Set when the manager asked to leave.
    pub quit: bool,
    /// The record form open on top (customer, contact, deal, activity, task, quota), if any.
    pub record_form: Option<RecordForm>,
    /// The help's `/` search, while one is typed or kept.
    pub help_search: Option<crate::tui::popups::help::query::HelpSearch>,
}

impl App {
    /// An app showing the board and `first_page` of customers; asks the worker for the board
    /// totals, and for the rest of the customers when the page is partial.
    pub fn new(
        db_label: String,
        as_of: NaiveDate,
        first_page: CustomerIndex,
        board: BoardStart,
        message: Message,
        loaded: &LoadedConfig,
    ) -> App {
        let complete = first_page.complete;
        let config = loaded.config.clone();
        let no_color = Theme::no_color_from_env();
        let theme = Theme::resolve(&config.theme, no_color);
        let mut app = App {
            screen: Screen::Pipeline,
            pipeline: PipelineState::new(
                board.cards,
                board.catalogue,
                board.choices,
                as_of,
                config.kpi.period.0,
            )
            .scoped(board.scope),
            customers: CustomersState::new(first_page),
            forecast: ForecastState::with_horizon(config.forecast.horizon.0),
            tasks: TasksState::default(),
            channels: ChannelsState::default(),
            tiers: TiersState::default(),
            scores: ScoresState::default(),
            records: RecordStack::default(),
            command_line: None,
            palette: Palette::default(),
            history: None,
            data: None,
            model_view: None,
            help: None,
            find: None,
            import: ImportState::default(),
            keymap: loaded.keymap.clone(),
            config,
            pending_keys: Vec::new(),
            theme,
            no_color,
            db_label,
            as_of,
            size: (80, 24),
            message,
            jobs: Jobs::default(),
            ticks: 0,
            quit: false,
            record_form: None,
            help_search: None,
        };
        // The desk stores its call once a day, as of today only: a replay of a past day
        // (`--as-of`) would store what that day could not have known.
        app.forecast.call.store = as_of == chrono::Local::now().date_naive();
        if !complete {
            app.jobs.request(Job::CustomerIndex { as_of });
        }
        app.jobs.request(Job::BoardTotals {
            filter: app.pipeline.filter.clone(),
            period: app.pipeline.period,
        });
        app.jobs.request(Job::Kpis {
            kind: app.pipeline.period_kind,
            as_of,
            pipeline: app.pipeline.filter.pipeline_id,
        });
        app
    }

    /// Reads the board and the first page of customers from `conn` and builds the app around
    /// them, with the built-in settings and keys.
    pub fn load(
        conn: &Connection,
        db_label: String,
        as_of: NaiveDate,
        message: Message,
    ) -> rusqlite::Result<App> {
        App::load_configured(conn, db_label, as_of, message, &LoadedConfig::default())
    }

    /// [`App::load`] with the settings and keys of a config file.
    pub fn load_configured(
        conn: &Connection,
        db_label: String,
        as_of: NaiveDate,
        message: Message,
        loaded: &LoadedConfig,
    ) -> rusqlite::Result<App> {
        let first_page = customers::load_first_page(conn, as_of, FIRST_PAGE_ROWS)?;
        let catalogue = crate::db::pipelines::load(conn)?;
        let scope = match crate::db::pipelines::shown(conn)? {
            Some(Some(id)) if catalogue.pipeline(id).is_some() => Some(id),
            Some(None) if catalogue.pipelines().len() > 1 => None,
            _ => Some(catalogue.first_id()),
        };
        let filter = board::BoardFilter {
            pipeline_id: scope,
            ..board::BoardFilter::default()
        };
        let board = BoardStart {
            cards: board::load_cards(
                conn,
                &catalogue,
                &filter,
                board::CardSort::Amount,
                first_period(&loaded.config, as_of),
            )?,
            catalogue,
            scope,
            choices: board::load_choices(conn)?,
        };
        Ok(App::new(
            db_label, as_of, first_page, board, message, loaded,
        ))
    }

    /// The key-map contexts that apply now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.help.is_some() {
            if crate::tui::popups::help::query::is_typing(self.help_search.as_ref()) {
                return vec![Context::Search];
            }
            return vec![Context::Help];
        }
        self.contexts_beneath_help()
    }

    /// The contexts that apply under the help overlay (all of them when it is closed).
    pub fn contexts_beneath_help(&self) -> Vec<Context> {
        if self.history.is_some() || self.import.report.is_some() || self.model_view.is_some() {
            return vec![Context::History];
        }
        if self.command_line.is_some() {
            return vec![Context::CommandLine];
        }
        if let Some(form) = &self.record_form {
            return form.contexts();
        }
        if self.find.is_some() {
            return vec![Context::Find];
        }
        if self.data.is_some() && self.records.is_empty() {
            return vec![Context::Data];
        }
        if !self.records.is_empty() {
            return vec![Context::Record, Context::Global];
        }
        self.on_show().contexts()
    }

    /// What a key press means here: a bound command, the start of a key sequence, or text for
    /// the field being typed in. A key that breaks a sequence is read on its own.
    pub fn action_for_key(&self, event: KeyEvent) -> Option<Action> {
        let contexts = self.contexts();
        let key = Key::from_event(event);
        if !self.pending_keys.is_empty() {
            let mut keys = self.pending_keys.clone();
            keys.push(key);
            if let Some(command) = self.keymap.command_for(&contexts, &keys) {
                return Some(Action::Command(command));
            }
            if self.keymap.is_prefix(&contexts, &keys) {
                return Some(Action::PendingKeys(keys));
            }
        }
        if let Some(command) = self.keymap.command_for(&contexts, &[key]) {
            return Some(Action::Command(command));
        }
        if self.keymap.is_prefix(&contexts, &[key]) {
            return Some(Action::PendingKeys(vec![key]));
        }
        if !self.pending_keys.is_empty() {
            return Some(Action::PendingKeys(Vec::new()));
        }
        let typing = matches!(
            contexts.first(),
            Some(
                Context::Search
                    | Context::DealForm
                    | Context::CommandLine
                    | Context::RepPicker
                    | Context::TaskForm
                    | Context::ChannelEntry
                    | Context::RecordForm
                    | Context::Picker
                    | Context::Find
                    | Context::Bulk
                    | Context::ForecastPicker
            )
        );
        match event.code {
            KeyCode::Char(c)
                if typing
                    && !event
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Type(c))
            }
            _ => None,
        }
    }

    /// Does what an update asked for, in order.
    pub fn apply(&mut self, effects: Effects) {
        for effect in effects.0 {
            match effect {
                Effect::Request(job) => self.jobs.request(job),
                Effect::Write(job, note) => self.request_write(job, note),
                Effect::Say(message) => self.message = message,
                Effect::Open(screen) => {
                    // A screen opened from the palette (`:goto customer`) shows over no record.
                    self.records.close_all();
                    self.screen = screen;
                }
                Effect::OpenRecord(record) => {
                    self.records.open(record);
                    if let Some(job) = self.records.read_top(self.as_of) {
                        self.jobs.request(job);
                    }
                }
                Effect::ShowOnly(only) => self.customers.show_only(Some(only)),
                Effect::Quit => self.quit = true,
            }
        }
    }

    /// Queues a write unless one is still being saved (a second key press must not act on a
    /// card that is about to change).
    pub fn request_write(&mut self, job: Job, note: &str) {
        if self.jobs.is_running(crate::worker::JobKind::Write) {
            self.message = Message::info("still saving the last change…");
            return;
        }
        self.jobs.request(job);
        self.message = Message::info(note);
    }

    /// True while a background job runs.
    pub fn busy(&self) -> bool {
        !self.jobs.running().is_empty()
    }
}

/// `App::on_show`, from the one list of screens.
macro_rules! on_show {
    ($($variant:ident $module:ident $title:literal $digit:literal $doc:literal;)*) => {
        impl App {
            /// The state of the screen on show, as the routing sees it.
            pub fn on_show(&self) -> &dyn ScreenUpdate {
                match self.screen {
                    $(Screen::$variant => &self.$module,)*
                }
            }
        }
    };
}
screen_list!(on_show);
