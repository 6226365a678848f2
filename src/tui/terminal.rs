//! Entering and leaving the full-screen terminal mode, so that the terminal always comes back:
//! on a normal exit, on an error, and on a panic (before the panic message is printed).

use std::io::{self, Write};
use std::panic;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// A way to switch a terminal into the app's mode and back; the real one uses crossterm.
pub trait TerminalMode: Send + Sync + 'static {
    /// Raw mode on, alternate screen, cursor hidden (and mouse capture on, if asked).
    fn enter(&self) -> io::Result<()>;
    /// Raw mode off, main screen back, cursor shown, mouse capture off.
    fn leave(&self) -> io::Result<()>;
}

/// The real terminal on stdout.
pub struct Crossterm {
    /// Capture mouse clicks and the wheel while the app runs (off with `--no-mouse`, which
    /// leaves the terminal's own text selection working).
    pub mouse: bool,
}

impl TerminalMode for Crossterm {
    fn enter(&self) -> io::Result<()> {
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, Hide)?;
        if self.mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        Ok(())
    }

    fn leave(&self) -> io::Result<()> {
        let mouse = if self.mouse {
            execute!(io::stdout(), DisableMouseCapture)
        } else {
            Ok(())
        };
        let raw = disable_raw_mode();
        let screen = execute!(io::stdout(), LeaveAlternateScreen, Show);
        io::stdout().flush()?;
        mouse.and(raw).and(screen)
    }
}

/// Leaves the mode once, whoever gets there first: the panic hook, the guard, or the normal path.
struct Restorer<M: TerminalMode> {
    mode: Arc<M>,
    active: AtomicBool,
}

impl<M: TerminalMode> Restorer<M> {
    fn restore(&self) {
        if self.active.swap(false, Ordering::SeqCst)
            && let Err(e) = self.mode.leave()
        {
            eprintln!("salesdesk: could not restore the terminal: {e}");
        }
    }
}

struct Guard<M: TerminalMode>(Arc<Restorer<M>>);

impl<M: TerminalMode> Drop for Guard<M> {
    fn drop(&mut self) {
        self.0.restore();
    }
}

/// Runs `body` with the terminal in `mode`, and restores it however `body` ends.
///
/// A panic hook is installed for the duration: it restores the terminal, then hands the panic to
/// the hook that was there before, so the message lands on the normal screen.
pub fn with_terminal_mode<M: TerminalMode, T>(
    mode: Arc<M>,
    body: impl FnOnce() -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let restorer = Arc::new(Restorer {
        mode,
        active: AtomicBool::new(true),
    });
    let guard = Guard(Arc::clone(&restorer));
    if let Err(e) = restorer.mode.enter() {
        drop(guard);
        return Err(anyhow::Error::new(e).context("cannot switch the terminal to full-screen mode"));
    }
    let previous: Arc<dyn Fn(&panic::PanicHookInfo<'_>) + Send + Sync> =
        Arc::from(panic::take_hook());
    let hook_restorer = Arc::clone(&restorer);
    let hook_previous = Arc::clone(&previous);
    panic::set_hook(Box::new(move |info| {
        hook_restorer.restore();
        hook_previous(info);
    }));
    let result = body();
    drop(guard);
    let _ours = panic::take_hook();
    panic::set_hook(Box::new(move |info| previous(info)));
    result
}
