//! What a screen's update hands back to the app: jobs to request, writes to queue, a message,
//! a screen to open. Screens never reach into [`crate::tui::App`]; the app applies these in order.

use chrono::NaiveDate;

use crate::config::Config;
use crate::tui::screen::Screen;
use crate::tui::screens::customers::OnlyCustomers;
use crate::worker::Job;

/// The last thing the app has to tell the manager.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Message {
    /// The words.
    pub text: String,
    /// Shown as an error when true.
    pub is_error: bool,
    /// Event-loop ticks since it was shown.
    pub age: u32,
    /// The screen on show when it was made; a plain message goes when another screen shows.
    pub screen: Option<Screen>,
}

/// Ticks (of the event loop's 120 ms) a plain message stays before it fades: about five seconds.
pub const FADE_TICKS: u32 = 40;

impl Message {
    /// A plain message.
    pub fn info(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            is_error: false,
            age: 0,
            screen: None,
        }
    }

    /// An error message.
    pub fn error(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            is_error: true,
            age: 0,
            screen: None,
        }
    }

    /// True for a plain message still shown: it fades on its own; errors wait for the next action.
    pub fn fading(&self) -> bool {
        !self.is_error && !self.text.is_empty()
    }

    /// Keeps the message to its screen: a new one is marked as made on `on_show`; a plain one
    /// made on another screen is gone (an error stays until the next action).
    pub fn keep_to_screen(&mut self, on_show: Screen) {
        if self.text.is_empty() {
            return;
        }
        match self.screen {
            None => self.screen = Some(on_show),
            Some(made_on) if made_on != on_show && !self.is_error => *self = Message::default(),
            Some(_) => {}
        }
    }

    /// One tick older; a plain message is gone after [`FADE_TICKS`].
    pub fn age_by_a_tick(&mut self) {
        if self.fading() {
            self.age += 1;
            if self.age >= FADE_TICKS {
                *self = Message::default();
            }
        }
    }
}

/// A record the desk can open: a deal or a customer, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordRef {
    /// A deal.
    Deal(i64),
    /// A customer.
    Customer(i64),
}

/// One thing an update asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Ask the worker for `Job` (an earlier request of its kind becomes stale).
    Request(Job),
    /// Queue a write, unless one is still being saved; `note` is shown while it runs.
    Write(Job, &'static str),
    /// Show a message on the status line.
    Say(Message),
    /// Switch to a screen.
    Open(Screen),
    /// Open a deal's or a customer's record on top of the screen (`Esc` goes back).
    OpenRecord(RecordRef),
    /// Narrow the Customers screen to a set of customers.
    ShowOnly(OnlyCustomers),
    /// Leave the app.
    Quit,
}

/// The effects of one update, in the order they are applied.
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct Effects(pub Vec<Effect>);

impl Effects {
    /// No effects.
    pub fn none() -> Effects {
        Effects::default()
    }

    /// Adds an effect.
    pub fn push(&mut self, effect: Effect) {
        self.0.push(effect);
    }

    /// Asks the worker for `job`.
    pub fn request(&mut self, job: Job) {
        self.push(Effect::Request(job));
    }

    /// Queues a write with the note shown while it runs.
    pub fn write(&mut self, job: Job, note: &'static str) {
        self.push(Effect::Write(job, note));
    }

    /// Shows `message`.
    pub fn say(&mut self, message: Message) {
        self.push(Effect::Say(message));
    }

    /// Effects of this update followed by `more`.
    pub fn and(mut self, more: Effects) -> Effects {
        self.0.extend(more.0);
        self
    }
}

/// What every update may read besides its own state.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The date trailing windows end at.
    pub as_of: NaiveDate,
    /// The settings from the config file.
    pub config: &'a Config,
    /// Terminal size in cells, for paging.
    pub size: (u16, u16),
    /// The screen on show.
    pub screen: Screen,
}

/// The [`Ctx`] of an app, borrowing only the fields it names, so that an update may borrow a
/// screen's state mutably beside it: `ctx!(app)`.
macro_rules! ctx {
    ($app:ident) => {
        $crate::tui::effects::Ctx {
            as_of: $app.as_of,
            config: &$app.config,
            size: $app.size,
            screen: $app.screen,
        }
    };
}
pub(crate) use ctx;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_message_stays_on_its_screen_and_an_error_until_the_next_action() {
        let mut plain = Message::info("saved");
        plain.keep_to_screen(Screen::Pipeline);
        plain.keep_to_screen(Screen::Pipeline);
        assert_eq!(plain.text, "saved");
        plain.keep_to_screen(Screen::Customers);
        assert_eq!(plain, Message::default());
        let mut error = Message::error("cannot write");
        error.keep_to_screen(Screen::Pipeline);
        error.keep_to_screen(Screen::Customers);
        assert_eq!(error.text, "cannot write");
    }
}
