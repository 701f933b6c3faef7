//! Names and free text that users write (group, insurer and offer names, labels, paths): the one
//! home for how they are compared, which characters they may hold, and how they are shown on a
//! terminal. Pure: no I/O.
//!
//! - Two names are the same name when their Unicode NFC forms are equal ([`sleutel`]): "Café"
//!   typed with a precomposed é and with e + combining accent is one group, not two.
//! - A name may not hold control characters ([`stuurteken`]): an escape sequence in a group
//!   name could clear a terminal or forge a line of output.
//! - Anything shown in a message goes through [`zichtbaar`], which writes control characters as
//!   visible escapes, so a file path or a value can never inject terminal commands.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The comparison key of a name: its NFC form (borrowed when the name is already NFC).
pub fn sleutel(naam: &str) -> Cow<'_, str> {
    // ASCII text is always NFC, and nearly every name is ASCII: a check that runs a word at a
    // time instead of a lookup per character (about 90 instructions a group name).
    if naam.is_ascii() {
        return Cow::Borrowed(naam);
    }
    match is_nfc_quick(naam.chars()) {
        IsNormalized::Yes => Cow::Borrowed(naam),
        _ => {
            let nfc: String = naam.nfc().collect();
            if nfc == naam {
                Cow::Borrowed(naam)
            } else {
                Cow::Owned(nfc)
            }
        }
    }
}

/// Whether two names are the same name (equal in NFC).
pub fn zelfde(a: &str, b: &str) -> bool {
    a == b || sleutel(a) == sleutel(b)
}

/// The first control character in `text` (C0, DEL or C1, which includes ESC and the newline),
/// with its byte offset, or `None` when there is none. Names and labels may not hold one.
pub fn stuurteken(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|(_, c)| c.is_control())
}

/// How a control character is written in a message: `\n`, `\t`, `\r`, else `\u{1b}`.
pub fn teken(c: char) -> String {
    match c {
        '\n' => "\\n".into(),
        '\t' => "\\t".into(),
        '\r' => "\\r".into(),
        c => format!("\\u{{{:x}}}", c as u32),
    }
}

/// `text` safe to print on a terminal: every control character written as a visible escape
/// ([`teken`]); borrowed when there is none.
pub fn zichtbaar(text: &str) -> Cow<'_, str> {
    if stuurteken(text).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.push_str(&teken(c));
        } else {
            let _ = out.write_char(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cafe_in_nfc_and_nfd_is_one_name() {
        let nfc = "Caf\u{e9}";
        let nfd = "Cafe\u{301}";
        assert_ne!(nfc, nfd);
        assert!(zelfde(nfc, nfd));
        assert_eq!(sleutel(nfd), nfc);
        assert!(matches!(sleutel(nfc), Cow::Borrowed(_)));
        assert!(!zelfde("Oost", "Oost "));
    }

    #[test]
    fn control_characters_are_found_and_shown_escaped() {
        let evil = "Oost\u{1b}]0;x\u{7}\u{1b}[2J";
        assert_eq!(stuurteken(evil), Some((4, '\u{1b}')));
        assert_eq!(zichtbaar(evil), "Oost\\u{1b}]0;x\\u{7}\\u{1b}[2J");
        assert_eq!(zichtbaar("a\nb"), "a\\nb");
        assert_eq!(stuurteken("Zutphen – Eefde"), None);
        assert!(matches!(zichtbaar("Zutphen – Eefde"), Cow::Borrowed(_)));
        // C1 controls (U+0080..U+009F) count too: U+009B is a one-character CSI.
        assert_eq!(stuurteken("a\u{9b}2J"), Some((1, '\u{9b}')));
    }
}
