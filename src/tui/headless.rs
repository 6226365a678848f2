//! The app without a terminal: keys and mouse events go in, jobs run inline on the caller's
//! connection, and frames render into a buffer. It serves `salesdesk snapshot`, the screen tests
//! and the benchmarks.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rusqlite::Connection;
use unicode_width::UnicodeWidthStr;

use crate::tui::action::{Action, MouseInput, MouseKind};
use crate::tui::app::App;
use crate::tui::draw::draw;
use crate::tui::popups::record_form;
use crate::tui::update::update;
use crate::worker;

/// An app driven by key events, with its background jobs run synchronously.
pub struct Headless {
    /// The app state.
    pub app: App,
    conn: Connection,
}

impl Headless {
    /// Wraps `app`, running any jobs it has queued on `conn` until none are left.
    pub fn new(app: App, conn: Connection) -> Headless {
        let mut headless = Headless { app, conn };
        headless.run_jobs();
        headless
    }

    /// The connection the jobs run on, for checks against the database.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Sets the terminal size the app pages and lays out for.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.apply(Action::Resize { width, height });
    }

    /// Applies one action, then runs the jobs it queued.
    pub fn apply(&mut self, action: Action) {
        update(&mut self.app, action);
        if record_form::update::editor_request(&mut self.app).is_some() {
            // No terminal to hand to an editor here: the form's box of lines takes the text.
            let why = "no terminal for an editor: type the text in the box".to_string();
            record_form::update::take_edited(&mut self.app, Err(why));
        }
        self.run_jobs();
    }

    /// Presses one key, as the event loop would.
    pub fn press(&mut self, code: KeyCode) {
        self.press_with(code, KeyModifiers::NONE);
    }

    /// Presses one key with modifiers.
    pub fn press_with(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        if let Some(action) = self.app.action_for_key(KeyEvent::new(code, modifiers)) {
            self.apply(action);
        }
    }

    /// Clicks or turns the wheel at a cell, as the event loop would pass it on.
    pub fn mouse(&mut self, kind: MouseKind, column: u16, row: u16) {
        self.apply(Action::Mouse(MouseInput { kind, column, row }));
    }

    /// Presses a key for each character of `text`.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    /// Renders one frame at the app's current size.
    pub fn render(&self) -> Buffer {
        render(&self.app)
    }

    /// Renders one frame as plain text, one line per row, trailing spaces trimmed.
    pub fn render_text(&self) -> String {
        buffer_text(&self.render())
    }

    fn run_jobs(&mut self) {
        loop {
            let requests = self.app.jobs.take_outbox();
            if requests.is_empty() {
                return;
            }
            for request in requests {
                let reply = worker::execute(&mut self.conn, request);
                update(&mut self.app, Action::Worker(Box::new(reply)));
            }
        }
    }
}

/// Renders one frame of `app` at its current size into a buffer.
pub fn render(app: &App) -> Buffer {
    let (width, height) = app.size;
    let mut terminal = match Terminal::new(TestBackend::new(width, height)) {
        Ok(terminal) => terminal,
        Err(never) => match never {},
    };
    match terminal.draw(|frame| draw(app, frame)) {
        Ok(_) => {}
        Err(never) => match never {},
    }
    terminal.backend().buffer().clone()
}

/// The text of a buffer, skipping the cells hidden behind wide characters.
pub fn buffer_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            skip = symbol.width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
