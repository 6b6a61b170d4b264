//! The one place growth's positions meet the protocol's.
//!
//! growth counts 1-based lines and characters from byte offsets; LSP counts 0-based lines and
//! UTF-16 code units. Both are computed here from the same byte offsets the lint engine
//! reports, so a finding starts in the editor on the character `growth lint` names. A
//! leading byte order mark is not a column in either (editors do not show it).

use lsp_types::{Position, Range};

use crate::source::{SourceFile, Span};

/// The protocol position of a byte offset (clamped to the text, rounded down to a character).
pub fn to_lsp(file: &SourceFile, offset: usize) -> Position {
    let line = file.position(offset).line;
    let start = file.line_start(line);
    let text = file.text();
    let mut end = offset.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let units: usize = text[start..end]
        .chars()
        .filter(|&c| !(start == 0 && c == '\u{feff}'))
        .map(char::len_utf16)
        .sum();
    Position::new(count(line - 1), count(units))
}

/// The protocol range of a finding's span, ending where `growth lint` says it ends.
pub fn range(file: &SourceFile, span: Span) -> Range {
    Range::new(
        to_lsp(file, span.start),
        to_lsp(file, span.end.max(span.start)),
    )
}

/// The byte offset of a protocol position: a line past the end is the end of the text, a
/// character past its line's end is the end of the line, one inside a surrogate pair is the
/// character's start.
pub fn to_offset(file: &SourceFile, at: Position) -> usize {
    let line = at.line as usize + 1;
    if line > file.line_count() {
        return file.text().len();
    }
    let start = file.line_start(line);
    let mut offset = start;
    let mut units = 0usize;
    for c in file.line_text(line).chars() {
        if start == 0 && offset == 0 && c == '\u{feff}' {
            offset += c.len_utf8();
            continue;
        }
        if units + c.len_utf16() > at.character as usize {
            break;
        }
        units += c.len_utf16();
        offset += c.len_utf8();
    }
    offset
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_utf16_units_and_a_bom_is_not_one() {
        let file = SourceFile::new("p.md", "\u{feff}ab\r\n😀é x\n");
        assert_eq!(to_lsp(&file, 3), Position::new(0, 0));
        assert_eq!(to_lsp(&file, 5), Position::new(0, 2));
        // 😀 is 4 bytes and 2 UTF-16 units; é is 2 bytes and 1 unit.
        let x = file.text().find('x').unwrap();
        assert_eq!(to_lsp(&file, x), Position::new(1, 4));
        assert_eq!(to_offset(&file, Position::new(1, 4)), x);
        assert_eq!(to_offset(&file, Position::new(0, 0)), 3);
        assert_eq!(to_offset(&file, Position::new(0, 99)), 5);
        assert_eq!(to_offset(&file, Position::new(9, 0)), file.text().len());
        // Inside the surrogate pair: the emoji's start.
        assert_eq!(to_offset(&file, Position::new(1, 1)), file.line_start(2));
    }
}
