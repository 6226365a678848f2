//! The terminal comes back on every way out: normal return, error, and panic.

use std::io;
use std::sync::{Arc, Mutex};

use salesdesk::tui::terminal::{TerminalMode, with_terminal_mode};

#[derive(Default)]
struct Recorder {
    events: Mutex<Vec<&'static str>>,
    fail_enter: bool,
}

impl Recorder {
    fn push(&self, event: &'static str) {
        if let Ok(mut events) = self.events.lock() {
            events.push(event);
        }
    }

    fn events(&self) -> Vec<&'static str> {
        self.events.lock().map(|e| e.clone()).unwrap_or_default()
    }
}

impl TerminalMode for Recorder {
    fn enter(&self) -> io::Result<()> {
        self.push("enter");
        if self.fail_enter {
            return Err(io::Error::other("not a terminal"));
        }
        Ok(())
    }

    fn leave(&self) -> io::Result<()> {
        self.push("leave");
        Ok(())
    }
}

// One test function: the panic hook is process-wide, so these cases must not run in parallel.
#[test]
fn terminal_is_restored_on_return_error_and_panic() {
    let ok = Arc::new(Recorder::default());
    let value = with_terminal_mode(Arc::clone(&ok), || Ok(7)).unwrap();
    assert_eq!(value, 7);
    assert_eq!(ok.events(), ["enter", "leave"]);

    let failing = Arc::new(Recorder::default());
    let err = with_terminal_mode(Arc::clone(&failing), || -> anyhow::Result<()> {
        anyhow::bail!("database vanished")
    })
    .unwrap_err();
    assert_eq!(err.to_string(), "database vanished");
    assert_eq!(failing.events(), ["enter", "leave"]);

    let no_tty = Arc::new(Recorder {
        fail_enter: true,
        ..Recorder::default()
    });
    let err = with_terminal_mode(Arc::clone(&no_tty), || Ok(())).unwrap_err();
    assert!(format!("{err:#}").contains("not a terminal"));
    assert_eq!(
        no_tty.events(),
        ["enter", "leave"],
        "a half-entered terminal is restored too"
    );

    let panicking = Arc::new(Recorder::default());
    let seen_by_previous_hook = Arc::clone(&panicking);
    std::panic::set_hook(Box::new(move |_| {
        seen_by_previous_hook.push("previous hook")
    }));
    let outcome = std::panic::catch_unwind(|| {
        let _ = with_terminal_mode(Arc::clone(&panicking), || -> anyhow::Result<()> {
            panic!("boom");
        });
    });
    assert!(outcome.is_err());
    assert_eq!(
        panicking.events(),
        ["enter", "leave", "previous hook"],
        "the terminal is restored once, before the panic message is printed"
    );
    let _ = std::panic::take_hook();
}
