//! Text as the desk shows it: names and titles from files of anywhere keep every character in
//! storage and exports, but on screen nothing is invisible. Controls (C0, DEL, C1), bidirectional
//! overrides and isolates, zero-width spaces and joiners and every other format character
//! (Unicode general category Cf), and line or paragraph separators each show as one visible,
//! one-cell marker, so text cannot be spoofed (U+202E turning "exe.doc" around) and every column
//! keeps its width. A zero-width joiner right after an emoji is kept: it joins emoji sequences.

use std::borrow::Cow;

use unicode_properties::{GeneralCategory, UnicodeEmoji, UnicodeGeneralCategory};

/// The marker shown for a format character or a C1 control: SYMBOL FOR SUBSTITUTE FORM TWO.
pub const MARKER: char = '\u{2426}';

const ZERO_WIDTH_JOINER: char = '\u{200D}';

/// `text` with each invisible character replaced by its marker: a C0 control or DEL by its
/// control picture (`␀`…`␟`, `␡`), anything else invisible by [`MARKER`]. Borrowed when
/// nothing needed replacing.
pub fn shown(text: &str) -> Cow<'_, str> {
    let mut previous = None;
    let needs = text.chars().any(|c| {
        let hidden = marker(c, previous).is_some();
        previous = Some(c);
        hidden
    });
    if !needs {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous = None;
    for c in text.chars() {
        out.push(marker(c, previous).unwrap_or(c));
        previous = Some(c);
    }
    Cow::Owned(out)
}

/// The visible stand-in of `c` (after `previous`), or `None` when `c` shows as itself.
fn marker(c: char, previous: Option<char>) -> Option<char> {
    match c {
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7F}' => Some('\u{2421}'),
        ZERO_WIDTH_JOINER if previous.is_some_and(|p| p.is_emoji_char() && !p.is_ascii()) => None,
        _ => matches!(
            c.general_category(),
            GeneralCategory::Control
                | GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
        )
        .then_some(MARKER),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn invisible_characters_get_a_visible_marker() {
        assert_eq!(shown("Acme Corp"), Cow::Borrowed("Acme Corp"));
        assert_eq!(shown("invoice\u{202E}cod.exe"), "invoice␦cod.exe");
        assert_eq!(shown("Ac\u{200B}me\u{FEFF}"), "Ac␦me␦");
        assert_eq!(shown("\u{2066}x\u{2069}"), "␦x␦");
        assert_eq!(shown("a\tb\u{1b}[31m\u{7f}"), "a␉b␛[31m␡");
        assert_eq!(shown("C1 \u{85} \u{9B}"), "C1 ␦ ␦");
        assert_eq!(shown("line\u{2028}para\u{2029}"), "line␦para␦");
        assert_eq!(shown("東京 🚀 Café"), "東京 🚀 Café");
        assert_eq!(shown("👨\u{200D}👩\u{200D}👧"), "👨\u{200D}👩\u{200D}👧");
        assert_eq!(shown("a\u{200D}b"), "a␦b");
    }

    proptest! {
        #[test]
        fn what_is_shown_has_no_invisible_characters_and_keeps_the_rest(text in "\\PC{0,6}[\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2060}-\u{2069}\u{FEFF}\u{0}-\u{1F}\u{80}-\u{9F}]{0,3}\\PC{0,6}") {
            let out = shown(&text);
            prop_assert_eq!(out.chars().count(), text.chars().count());
            let mut previous = None;
            for c in out.chars() {
                prop_assert!(marker(c, previous).is_none(), "{:?} left in {:?}", c, out);
                previous = Some(c);
            }
            prop_assert!(out.width() >= text.chars().filter(|c| marker(*c, None).is_some()).count());
        }
    }
}
