//! What every screen's state answers to, so that the screens are routed from one list
//! (`screen_list!` in `tui/screen.rs`) instead of a match per screen in every router.

use crate::tui::action::Command;
use crate::tui::effects::{Ctx, Effects};
use crate::tui::keymap::Context;

/// A screen's state as the app routes to it: the key contexts it listens in, the commands it
/// runs (returning what it wants done) and the characters typed into its text fields.
pub trait ScreenUpdate {
    /// The key contexts in use on this screen now, most specific first.
    fn contexts(&self) -> Vec<Context>;

    /// Runs a command no popup, overlay or global key took.
    fn run_command(&mut self, command: Command, ctx: &Ctx) -> Effects;

    /// A character typed while the screen (or its popup) has a text field; screens without one
    /// ignore it.
    fn type_char(&mut self, c: char) {
        let _ = c;
    }
}
