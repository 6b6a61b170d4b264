//! Names from git trees and from the work tree are bytes; the walk keys them as text. A name
//! that is not valid UTF-8 (a Latin-1 `café.md`) is kept exact: each byte that is not part of
//! valid UTF-8 (always 0x80–0xFF) is written as a code point of plane 16's private use area,
//! U+10FF80–U+10FFFF (Python's "surrogateescape" idea; Rust strings cannot hold lone
//! surrogates), and turned back into that byte where the name becomes a path. So events name
//! the real file, and `path_bytes` in the JSON formats can give its bytes.
//!
//! A valid UTF-8 name is its own text, unless it uses those code points itself: then they are
//! written as the escapes of their own bytes, so every name comes back exact.

use std::path::PathBuf;

/// The first of the code points that stand for a byte: U+10FF00 + byte.
const BASE: u32 = 0x10_FF00;

/// A name's bytes as text: valid UTF-8 as it is, each other byte escaped. A character that is
/// itself in the escape range is written as the escapes of its own bytes, so the text always
/// says exactly which bytes it stands for.
pub fn text(bytes: &[u8]) -> String {
    let plain = std::str::from_utf8(bytes).ok();
    if let Some(text) = plain.filter(|t| !t.chars().any(escaped)) {
        return text.to_string();
    }
    let escape = |out: &mut String, byte: u8| {
        out.push(char::from_u32(BASE + u32::from(byte)).unwrap_or('\u{fffd}'));
    };
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if escaped(c) {
                let mut buf = [0; 4];
                for &byte in c.encode_utf8(&mut buf).as_bytes() {
                    escape(&mut out, byte);
                }
            } else {
                out.push(c);
            }
        }
        for &byte in chunk.invalid() {
            escape(&mut out, byte);
        }
    }
    out
}

/// Whether a character stands for a byte (0x80–0xFF).
fn escaped(c: char) -> bool {
    (BASE + 0x80..=BASE + 0xFF).contains(&u32::from(c))
}

/// The bytes a name's text stands for: [`text`] undone.
pub fn bytes(text: &str) -> std::borrow::Cow<'_, [u8]> {
    if !text.chars().any(escaped) {
        return text.as_bytes().into();
    }
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if escaped(c) {
            out.push((u32::from(c) - BASE) as u8);
        } else {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    out.into()
}

/// The path a name's text stands for (relative, as in the tree).
pub fn path(text: &str) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        PathBuf::from(std::ffi::OsStr::from_bytes(&bytes(text)))
    }
    #[cfg(not(unix))]
    {
        // Elsewhere a path is not bytes; what is not UTF-8 cannot be named exactly.
        PathBuf::from(String::from_utf8_lossy(&bytes(text)).into_owned())
    }
}

/// A relative path's text, `/`-separated: [`path`] undone.
pub fn of_path(path: &std::path::Path) -> String {
    let text = text(path.as_os_str().as_encoded_bytes());
    if std::path::MAIN_SEPARATOR == '\\' {
        text.replace('\\', "/")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_survive_the_round_trip() {
        let names: [&[u8]; 6] = [
            b"plans/jane.md",
            b"plans/caf\xe9.md",
            b"plans/\xff\xfe/x.md",
            "plans/café.md".as_bytes(),
            // Valid UTF-8 that uses the escape code points themselves.
            "plans/\u{10ffe9}.md".as_bytes(),
            "\u{10ffc3}\u{10ffa9}".as_bytes(),
        ];
        for name in names {
            let text = text(name);
            assert_eq!(&*bytes(&text), name, "{text:?}");
        }
        assert_eq!(text(b"caf\xe9"), "caf\u{10ffe9}");
    }
}
