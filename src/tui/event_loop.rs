//! The event loop: key presses, mouse events and resizes from an input thread, replies from the
//! worker, and a tick, merged in one `select!`. Each event becomes an action, goes through
//! `update`, then a draw.

use std::io;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use crossbeam_channel::{Receiver, select};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{self, Event, KeyEvent, KeyEventKind};
use rusqlite::Connection;

use crate::tui::action::{Action, MouseInput};
use crate::tui::app::App;
use crate::tui::draw::draw;
use crate::tui::popups::record_form::{self, editor};
use crate::tui::terminal::{Crossterm, TerminalMode, with_terminal_mode};
use crate::tui::update::update;
use crate::worker::{Reply, Workers};

/// How often the status-line spinner moves while a job runs.
const TICK: Duration = Duration::from_millis(120);

enum Input {
    Key(KeyEvent),
    Mouse(MouseInput),
    Resize(u16, u16),
    Failed(String),
}

/// Runs the app full-screen until the manager quits, and hands back its last state; `conn` moves
/// to the worker thread that writes, `analytics` (a second connection to the same file) to the
/// one that scans. With `mouse`, clicks and the wheel are captured and reach the app. The log
/// gets the time from `opened` (when opening the book began) to the first frame, and how long
/// each key took to answer, drawing included.
pub fn run(
    app: App,
    conn: Connection,
    analytics: Connection,
    mouse: bool,
    opened: Instant,
) -> anyhow::Result<App> {
    let (worker, replies) =
        Workers::spawn(conn, analytics).context("cannot start the background workers")?;
    let mode = Arc::new(Crossterm { mouse });
    with_terminal_mode(Arc::clone(&mode), || {
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))
            .context("cannot draw on this terminal")?;
        let inputs = spawn_input_thread()?;
        run_loop(
            &mut terminal,
            app,
            &worker,
            &inputs,
            &replies,
            mode.as_ref(),
            opened,
        )
    })
}

fn spawn_input_thread() -> anyhow::Result<Receiver<Input>> {
    let (tx, rx) = crossbeam_channel::unbounded();
    std::thread::Builder::new()
        .name("salesdesk-input".into())
        .spawn(move || {
            loop {
                let input = match event::read() {
                    Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => Input::Key(key),
                    Ok(Event::Resize(w, h)) => Input::Resize(w, h),
                    Ok(Event::Mouse(event)) => match MouseInput::from_event(&event) {
                        Some(input) => Input::Mouse(input),
                        None => continue,
                    },
                    Ok(_) => continue,
                    Err(e) => Input::Failed(e.to_string()),
                };
                let failed = matches!(input, Input::Failed(_));
                if tx.send(input).is_err() || failed {
                    return;
                }
            }
        })
        .context("cannot start the input thread")?;
    Ok(rx)
}

fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    mut app: App,
    worker: &Workers,
    inputs: &Receiver<Input>,
    replies: &Receiver<Reply>,
    mode: &dyn TerminalMode,
    opened: Instant,
) -> anyhow::Result<App>
where
    B::Error: Send + Sync + 'static,
{
    let ticks = crossbeam_channel::tick(TICK);
    let (mut first_frame, mut key_at) = (true, None::<Instant>);
    let size = terminal.size()?;
    update(
        &mut app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    loop {
        for request in app.jobs.take_outbox() {
            worker.submit(request);
        }
        if app.quit {
            return Ok(app);
        }
        terminal.draw(|frame| draw(&app, frame))?;
        match key_at.take() {
            Some(at) => tracing::debug!(us = at.elapsed().as_micros(), "key answered"),
            None if first_frame => {
                first_frame = false;
                tracing::info!(ms = opened.elapsed().as_millis(), "first frame drawn");
            }
            None => {}
        }
        let action = loop {
            let next = select! {
                recv(inputs) -> input => match input {
                    Ok(Input::Key(key)) => {
                        let at = Instant::now();
                        let action = app.action_for_key(key);
                        key_at = action.is_some().then_some(at);
                        action
                    }
                    Ok(Input::Resize(width, height)) => Some(Action::Resize { width, height }),
                    Ok(Input::Mouse(input)) => Some(Action::Mouse(input)),
                    Ok(Input::Failed(e)) => anyhow::bail!("cannot read the keyboard: {e}"),
                    Err(_) => anyhow::bail!("the keyboard input stopped"),
                },
                recv(replies) -> reply => match reply {
                    Ok(reply) => Some(Action::Worker(Box::new(reply))),
                    Err(_) => anyhow::bail!("the background worker stopped unexpectedly"),
                },
                recv(ticks) -> _ => (app.busy() || app.message.fading()).then_some(Action::Tick),
            };
            if let Some(action) = next {
                break action;
            }
        };
        update(&mut app, action);
        if let Some(text) = record_form::update::editor_request(&mut app) {
            let edited = match editor::editor_from_env() {
                Some(command) => {
                    let edited = editor::edit(mode, &command, &text);
                    terminal.clear()?;
                    edited
                }
                None => Err("no $VISUAL or $EDITOR: type the text in the box".into()),
            };
            record_form::update::take_edited(&mut app, edited);
        }
    }
}
