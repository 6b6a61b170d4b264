//! One sanitiser for every text that reaches a terminal.
//!
//! File names, commit authors and plan text are data, not commands: an ESC, BEL, OSC or CSI
//! sequence in them would retitle the window, write to the clipboard or hide lines if printed
//! raw. Every C0 control (but a line break and a tab where the text may hold them), DEL, every
//! C1 control (U+0080–U+009F, where U+009B is a CSI on its own) and the bidirectional
//! overrides that reorder what is shown become `�`. Each character maps to one character, so
//! columns counted in characters stay where they were.

use std::borrow::Cow;

/// Whether a character would act on the terminal (or reorder the text) instead of showing.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// The character as it may be printed.
pub fn printable(c: char) -> char {
    if is_unsafe(c) {
        '\u{fffd}'
    } else {
        c
    }
}

/// One line of text, safe to print: every unsafe character, line breaks and tabs included,
/// becomes `�`.
pub fn line(text: &str) -> Cow<'_, str> {
    clean(text, |_| false)
}

/// Text that may span lines (an error message, a note): line breaks and tabs are kept,
/// every other unsafe character becomes `�`.
pub fn text(text: &str) -> Cow<'_, str> {
    clean(text, |c| c == '\n' || c == '\t')
}

fn clean(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if keep(c) { c } else { printable(c) })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_controls_are_shown_not_obeyed() {
        assert_eq!(
            line("plans/\u{1b}]0;pwned\u{7}.md"),
            "plans/\u{fffd}]0;pwned\u{fffd}.md"
        );
        assert_eq!(line("a\u{9b}31mb"), "a\u{fffd}31mb");
        assert_eq!(line("tab\tand\nbreak"), "tab\u{fffd}and\u{fffd}break");
        assert_eq!(text("two\nlines\tok\r"), "two\nlines\tok\u{fffd}");
        assert_eq!(line("\u{202e}txt.exe"), "\u{fffd}txt.exe");
        assert_eq!(line("Zoë Ångström 日本"), "Zoë Ångström 日本");
        assert!(matches!(line("plain"), Cow::Borrowed(_)));
        // One character for one: columns stay where they were.
        let raw = "x\u{85}y\u{1b}z";
        assert_eq!(line(raw).chars().count(), raw.chars().count());
    }
}
