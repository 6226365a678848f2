//! Keys and key sequences as the key map matches them, and as a config file spells them:
//! `"?"`, `"G"`, `"<Ctrl-d>"`, `"<PageDown>"`, `"g g"`.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers, as the key map matches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key itself.
    pub code: KeyCode,
    /// Ctrl and Alt; Shift is folded into the character for printable keys.
    pub modifiers: KeyModifiers,
}

impl Key {
    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// A printable character key.
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// A character with Ctrl held.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// The key as the map sees a terminal event: Shift dropped from characters, which already carry it.
    pub fn from_event(event: KeyEvent) -> Key {
        let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        if let KeyCode::Char(c) = event.code
            && modifiers.contains(KeyModifiers::CONTROL)
        {
            modifiers = KeyModifiers::CONTROL | (modifiers & KeyModifiers::ALT);
            return Key {
                code: KeyCode::Char(c.to_ascii_lowercase()),
                modifiers,
            };
        }
        Key {
            code: event.code,
            modifiers,
        }
    }

    /// Reads one key as a config file writes it: a single character, or a name in angle
    /// brackets with optional `Ctrl-`/`C-` and `Alt-`/`A-`/`M-` prefixes (`<Ctrl-d>`, `<Esc>`).
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(Key::char(c));
        }
        let Some(inner) = text.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
            return Err(format!(
                "'{text}' is not a key: write one character (\"?\", \"G\") or a name in angle \
                 brackets (\"<Ctrl-d>\", \"<Enter>\", \"<PageDown>\")"
            ));
        };
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = inner;
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = ["ctrl-", "c-"]
                .iter()
                .map(|p| (p, KeyModifiers::CONTROL))
                .chain(["alt-", "a-", "m-"].iter().map(|p| (p, KeyModifiers::ALT)))
                .find(|(p, _)| lower.starts_with(**p) && rest.len() > p.len());
            match prefix {
                Some((p, m)) => {
                    modifiers |= m;
                    rest = &rest[p.len()..];
                }
                None => break,
            }
        }
        let code = named_code(rest).ok_or_else(|| {
            format!(
                "'{text}' is not a key: unknown name '{rest}' (use a character or Enter, Esc, \
                 Tab, BackTab, Space, Backspace, Del, Up, Down, Left, Right, Home, End, PageUp, \
                 PageDown, F1–F12, lt)"
            )
        })?;
        Ok(Key::from_event(KeyEvent::new(code, modifiers)))
    }

    /// How the help and hints print the key.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut label = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            label.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            label.push_str("Alt-");
        }
        label + &base
    }

    /// How a config file writes the key, so that [`Key::parse`] reads it back.
    pub fn config_text(self) -> String {
        let name = match self.code {
            KeyCode::Char(c) if self.modifiers.is_empty() && c != ' ' => return c.to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char('<') => "lt".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Delete => "Del".to_string(),
            other => format!("{other:?}"),
        };
        let mut text = String::from("<");
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            text.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            text.push_str("Alt-");
        }
        text + &name + ">"
    }
}

fn named_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let code = match name.to_ascii_lowercase().as_str() {
        "enter" | "return" | "cr" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" | "s-tab" | "shift-tab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "lt" => KeyCode::Char('<'),
        "backspace" | "bs" => KeyCode::Backspace,
        "del" | "delete" => KeyCode::Delete,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        f => {
            let n: u8 = f.strip_prefix('f')?.parse().ok()?;
            return (1..=12).contains(&n).then_some(KeyCode::F(n));
        }
    };
    Some(code)
}

/// Keys pressed one after another to trigger one command, like `g g`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct KeySeq(pub Vec<Key>);

impl KeySeq {
    /// A sequence of one key.
    pub fn single(key: Key) -> KeySeq {
        KeySeq(vec![key])
    }

    /// Reads a sequence as a config file writes it: keys separated by spaces (`"g g"`).
    pub fn parse(text: &str) -> Result<KeySeq, String> {
        if text == " " {
            return Ok(KeySeq::single(Key::char(' ')));
        }
        let keys = text
            .split_whitespace()
            .map(Key::parse)
            .collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err("an empty key sequence binds nothing; remove it or name a key".into());
        }
        Ok(KeySeq(keys))
    }

    /// True when `self` starts with all of `prefix` and is longer.
    pub fn extends(&self, prefix: &[Key]) -> bool {
        self.0.len() > prefix.len() && self.0.starts_with(prefix)
    }

    /// How the help and hints print the sequence.
    pub fn label(&self) -> String {
        self.0
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// How a config file writes the sequence.
    pub fn config_text(&self) -> String {
        self.0
            .iter()
            .map(|k| k.config_text())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl fmt::Display for KeySeq {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_is_folded_into_characters_and_ctrl_is_kept() {
        let shifted = KeyEvent::new(KeyCode::Char('S'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(shifted), Key::char('S'));
        let ctrl = KeyEvent::new(
            KeyCode::Char('C'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(Key::from_event(ctrl), Key::ctrl('c'));
        assert_eq!(Key::ctrl('c').label(), "Ctrl-c");
    }

    #[test]
    fn config_spellings_parse() {
        assert_eq!(Key::parse("?"), Ok(Key::char('?')));
        assert_eq!(Key::parse("G"), Ok(Key::char('G')));
        assert_eq!(Key::parse("<Ctrl-d>"), Ok(Key::ctrl('d')));
        assert_eq!(Key::parse("<C-D>"), Ok(Key::ctrl('d')));
        assert_eq!(Key::parse("<pagedown>"), Ok(Key::plain(KeyCode::PageDown)));
        assert_eq!(Key::parse("<F5>"), Ok(Key::plain(KeyCode::F(5))));
        assert_eq!(Key::parse("<lt>"), Ok(Key::char('<')));
        assert_eq!(Key::parse("<"), Ok(Key::char('<')));
        assert_eq!(
            Key::parse("<Alt-x>"),
            Ok(Key {
                code: KeyCode::Char('x'),
                modifiers: KeyModifiers::ALT
            })
        );
        assert_eq!(
            KeySeq::parse("g g"),
            Ok(KeySeq(vec![Key::char('g'), Key::char('g')]))
        );
    }

    #[test]
    fn bad_spellings_name_the_text() {
        for bad in ["gg", "<Hyper-x>", "<F13>", "<>", ""] {
            let err = KeySeq::parse(bad).expect_err(bad);
            assert!(
                err.contains(&format!("'{bad}'")) || bad.is_empty(),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn config_text_reads_back() {
        let keys = [
            Key::char('?'),
            Key::char(' '),
            Key::char('<'),
            Key::ctrl('r'),
            Key::plain(KeyCode::BackTab),
            Key::plain(KeyCode::PageDown),
            Key::plain(KeyCode::Delete),
            Key::plain(KeyCode::F(2)),
        ];
        for key in keys {
            assert_eq!(Key::parse(&key.config_text()), Ok(key), "{key:?}");
        }
    }
}
