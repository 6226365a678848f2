//! The six screens of the desk, in tab order.

/// A top-level screen, switched with the number keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// The deal board.
    #[default]
    Pipeline,
    /// All customers and their detail.
    Customers,
    /// ABC and RFM tiers.
    Tiers,
    /// Revenue forecast with prediction intervals.
    Forecast,
    /// Tasks by rep and the optimal assignment.
    Tasks,
    /// Channel response curves and budget allocation.
    Channels,
}

impl Screen {
    /// Every screen in tab order.
    pub const ALL: [Screen; 6] = [
        Screen::Pipeline,
        Screen::Customers,
        Screen::Tiers,
        Screen::Forecast,
        Screen::Tasks,
        Screen::Channels,
    ];

    /// The tab title.
    pub fn title(self) -> &'static str {
        match self {
            Screen::Pipeline => "Pipeline",
            Screen::Customers => "Customers",
            Screen::Tiers => "Tiers",
            Screen::Forecast => "Forecast",
            Screen::Tasks => "Tasks",
            Screen::Channels => "Channels",
        }
    }

    /// The lower-case name used on the command line (`snapshot --screen NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Screen::Pipeline => "pipeline",
            Screen::Customers => "customers",
            Screen::Tiers => "tiers",
            Screen::Forecast => "forecast",
            Screen::Tasks => "tasks",
            Screen::Channels => "channels",
        }
    }

    /// Looks a screen up by its command-line name.
    pub fn from_name(name: &str) -> Option<Screen> {
        Screen::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The digit that switches to this screen.
    pub fn digit(self) -> char {
        match self {
            Screen::Pipeline => '1',
            Screen::Customers => '2',
            Screen::Tiers => '3',
            Screen::Forecast => '4',
            Screen::Tasks => '5',
            Screen::Channels => '6',
        }
    }

    /// The screen after this one, wrapping around.
    pub fn next(self) -> Screen {
        let i = Screen::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Screen::ALL[(i + 1) % Screen::ALL.len()]
    }

    /// The screen before this one, wrapping around.
    pub fn previous(self) -> Screen {
        let i = Screen::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Screen::ALL[(i + Screen::ALL.len() - 1) % Screen::ALL.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_digits_are_unique_and_round_trip() {
        for screen in Screen::ALL {
            assert_eq!(Screen::from_name(screen.name()), Some(screen));
        }
        let digits: std::collections::BTreeSet<_> = Screen::ALL.iter().map(|s| s.digit()).collect();
        assert_eq!(digits.len(), Screen::ALL.len());
        assert_eq!(Screen::from_name("nope"), None);
    }

    #[test]
    fn next_and_previous_wrap() {
        assert_eq!(Screen::Channels.next(), Screen::Pipeline);
        assert_eq!(Screen::Pipeline.previous(), Screen::Channels);
        for screen in Screen::ALL {
            assert_eq!(screen.next().previous(), screen);
        }
    }
}
