//! The screens of the desk, listed once in tab order. Adding a screen is its folder under
//! `tui/screens/` (a state implementing `ScreenUpdate`, its keys, update and view), one line in
//! [`screen_list!`] and its state's field on `App`: the enum, the names, the digits, the
//! routing, the palette and the help follow from the list.

/// Calls `$then!` with every screen in tab order, one per line: its variant; its folder under
/// `tui/screens/`, which is also its field on `App` and its command-line name; its tab title;
/// the digit that shows it; and what it shows.
macro_rules! screen_list {
    ($then:ident) => {
        $then! {
            Pipeline pipeline "Pipeline" '1' "The deal board.";
            Customers customers "Customers" '2' "All customers and their detail.";
            Tiers tiers "Tiers" '3' "ABC and RFM tiers.";
            Forecast forecast "Forecast" '4' "Revenue forecast with prediction intervals.";
            Tasks tasks "Tasks" '5' "Tasks by rep and the optimal assignment.";
            Channels channels "Channels" '6' "Channel response curves and budget allocation.";
        }
    };
}
pub(crate) use screen_list;

/// The [`Screen`] enum and its names from [`screen_list!`].
macro_rules! define_screen {
    ($($variant:ident $module:ident $title:literal $digit:literal $doc:literal;)*) => {
        /// A top-level screen, switched with the number keys.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Screen {
            $(#[doc = $doc] $variant,)*
        }

        impl Screen {
            /// Every screen in tab order.
            pub const ALL: [Screen; [$($digit),*].len()] = [$(Screen::$variant),*];

            /// The tab title.
            pub fn title(self) -> &'static str {
                match self {
                    $(Screen::$variant => $title,)*
                }
            }

            /// The lower-case name used on the command line (`snapshot --screen NAME`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Screen::$variant => stringify!($module),)*
                }
            }

            /// The name of the command that shows it, in the config and the palette.
            pub fn command_name(self) -> &'static str {
                match self {
                    $(Screen::$variant => concat!("show_", stringify!($module)),)*
                }
            }

            /// What its digit does, for the help.
            pub fn help(self) -> &'static str {
                match self {
                    $(Screen::$variant => concat!($title, " screen"),)*
                }
            }

            /// The digit that switches to this screen.
            pub fn digit(self) -> char {
                match self {
                    $(Screen::$variant => $digit,)*
                }
            }
        }
    };
}
screen_list!(define_screen);

impl Default for Screen {
    /// The desk opens on the first screen of the list.
    fn default() -> Screen {
        Screen::ALL[0]
    }
}

impl Screen {
    /// Looks a screen up by its command-line name.
    pub fn from_name(name: &str) -> Option<Screen> {
        Screen::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name.trim()))
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
        assert_eq!(Screen::default(), Screen::Pipeline);
        assert_eq!(Screen::Tasks.command_name(), "show_tasks");
        assert_eq!(Screen::Tiers.help(), "Tiers screen");
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
