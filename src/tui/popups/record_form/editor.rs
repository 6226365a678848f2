//! A long note written in the manager's own editor: `$VISUAL` (else `$EDITOR`) runs on a temp
//! file holding the text, with the terminal handed back to it meanwhile and restored after.

use std::io::{Read, Seek, Write};
use std::process::Command;

use crate::tui::terminal::TerminalMode;

/// The editor command the environment names, if any: `$VISUAL`, else `$EDITOR`.
pub fn editor_from_env() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .map(|value| value.trim().to_string())
        .find(|value| !value.is_empty())
}

/// Runs `editor` on a temp file holding `text`, with the terminal out of the app's mode while
/// it runs; the text as saved, or why there is none (the form then offers its box of lines).
pub fn edit(mode: &dyn TerminalMode, editor: &str, text: &str) -> Result<String, String> {
    let mut file = tempfile::Builder::new()
        .prefix("salesdesk-note-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| format!("cannot make a file for the editor: {e}"))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("cannot write the note for the editor: {e}"))?;
    mode.leave()
        .map_err(|e| format!("cannot hand the terminal to the editor: {e}"))?;
    // The editor command may carry arguments (`code --wait`), so the shell splits it.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("salesdesk")
        .arg(file.path())
        .status();
    let back = mode.enter();
    let status = status.map_err(|e| format!("cannot run {editor}: {e}"))?;
    back.map_err(|e| format!("cannot take the terminal back: {e}"))?;
    if !status.success() {
        return Err(format!(
            "{editor} ended with {status}; the note is as it was"
        ));
    }
    let mut edited = String::new();
    let handle = file.as_file_mut();
    handle
        .rewind()
        .and_then(|()| handle.read_to_string(&mut edited))
        .map_err(|e| format!("cannot read the note back: {e}"))?;
    Ok(edited)
}

#[cfg(test)]
mod tests {
    use std::io;
    use std::sync::atomic::{AtomicI32, Ordering};

    use super::*;

    /// Counts the terminal's mode: +1 on enter, -1 on leave.
    #[derive(Default)]
    struct Counting(AtomicI32);

    impl TerminalMode for Counting {
        fn enter(&self) -> io::Result<()> {
            self.0.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }

        fn leave(&self) -> io::Result<()> {
            self.0.fetch_sub(1, Ordering::SeqCst);
            Ok(())
        }
    }

    #[test]
    fn the_note_comes_back_as_the_editor_left_it_and_the_terminal_is_restored() {
        let mode = Counting::default();
        let edited = edit(&mode, "printf ' and more' >>", "Called the CFO");
        assert_eq!(edited, Ok("Called the CFO and more".to_string()));
        assert_eq!(mode.0.load(Ordering::SeqCst), 0, "left once, entered once");
    }

    #[test]
    fn a_failing_editor_keeps_the_note() {
        let mode = Counting::default();
        let refused = edit(&mode, "false", "note").unwrap_err();
        assert!(refused.contains("the note is as it was"), "{refused}");
        assert_eq!(mode.0.load(Ordering::SeqCst), 0);
    }
}
