//! Source files and positions.
//!
//! Everything the parsers produce points back into the file by byte offsets ([`Span`]); line and
//! column are derived only when a human or a machine format needs them, from one line index per
//! file. Columns are 1-based and count Unicode scalar values, as editors and SARIF viewers do.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Serialize;

/// Files larger than this are refused: a growth plan is a few kilobytes, and a huge file is
/// almost certainly not one (or an attempt to make the linter slow).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// A half-open byte range `start..end` into a [`SourceFile`]'s text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `offset`, for things that are missing but belong somewhere.
    pub const fn at(offset: usize) -> Self {
        Span::new(offset, offset)
    }

    /// The same span moved right by `base` bytes: used when a region of a file (front matter,
    /// a fenced block) is parsed on its own.
    pub const fn offset(self, base: usize) -> Self {
        Span::new(self.start + base, self.end + base)
    }
}

/// A value with the span it was read from. Serializes as the bare value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T> Spanned<T> {
    pub const fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

impl<T: fmt::Display> fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One file's text with its path and a line index.
#[derive(Debug)]
pub struct SourceFile {
    path: PathBuf,
    text: String,
    line_starts: Vec<usize>,
    /// Known columns, (offset, column) every [`CHECKPOINT_BYTES`] or so, made on the first
    /// [`SourceFile::position`]: a position counts characters from the nearest one, so many
    /// findings on one long line (a YAML plan written as one flow mapping) stay linear in any
    /// order.
    checkpoints: OnceLock<Box<[(usize, usize)]>>,
}

/// About how far apart [`SourceFile`]'s known columns are: the most characters one position
/// counts.
const CHECKPOINT_BYTES: usize = 256;

/// The column (1-based, a leading byte order mark not counted) at the first character boundary
/// past each multiple of [`CHECKPOINT_BYTES`].
fn checkpoints(text: &str) -> Box<[(usize, usize)]> {
    let mut out = Vec::with_capacity(text.len() / CHECKPOINT_BYTES + 1);
    let mut next = CHECKPOINT_BYTES;
    let mut column = 1;
    for (at, c) in text.char_indices() {
        if at >= next {
            out.push((at, column));
            next = at + CHECKPOINT_BYTES;
        }
        match c {
            '\n' => column = 1,
            '\u{feff}' if at == 0 => {}
            _ => column += 1,
        }
    }
    out.into_boxed_slice()
}

impl Clone for SourceFile {
    fn clone(&self) -> Self {
        SourceFile::new(self.path.clone(), self.text.clone())
    }
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        let text = lone_cr_to_lf(text.into());
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path: path.into(),
            text,
            line_starts,
            checkpoints: OnceLock::new(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte length of a leading UTF-8 byte order mark (0 or 3). Parsers start after it; spans
    /// still count it so that columns match what an editor shows.
    pub fn bom_len(&self) -> usize {
        if self.text.starts_with('\u{feff}') {
            3
        } else {
            0
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The position of a byte offset. Offsets past the end clamp to the end; offsets inside a
    /// multi-byte character count as that character.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        // Round down to a character boundary: an offset inside a character is that character.
        let mut offset = offset;
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let checkpoints = self.checkpoints.get_or_init(|| checkpoints(&self.text));
        let (from, base) = match checkpoints.partition_point(|&(at, _)| at <= offset) {
            0 => (start, 1),
            i if checkpoints[i - 1].0 < start => (start, 1),
            i => checkpoints[i - 1],
        };
        let mut column = base + self.text[from..offset].chars().count();
        // A byte order mark is invisible in editors; it is not a column.
        if from == 0 && offset > 0 && self.text.starts_with('\u{feff}') {
            column -= 1;
        }
        Position {
            line: line + 1,
            column,
        }
    }

    /// The byte offset of the start of a 1-based line.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The byte offset of a position, the inverse of [`SourceFile::position`]: a line past
    /// the end is the end, a column past its line's end is the line's end (before its line
    /// break). As cheap on a megabyte line as on a short one.
    pub fn offset_of(&self, at: Position) -> usize {
        let start = self.line_start(at.line.max(1));
        let end = start + self.line_text(at.line.max(1)).len();
        let checkpoints = self.checkpoints.get_or_init(|| checkpoints(&self.text));
        let first = checkpoints.partition_point(|&(offset, _)| offset < start);
        let within = &checkpoints[first..];
        let known = within.partition_point(|&(offset, column)| offset < end && column <= at.column);
        let (from, mut column) = match known {
            0 if start == 0 && self.text.starts_with('\u{feff}') => (self.bom_len(), 1),
            0 => (start, 1),
            i => within[i - 1],
        };
        let mut offset = from;
        for c in self.text[from..end].chars() {
            if column >= at.column {
                break;
            }
            offset += c.len_utf8();
            column += 1;
        }
        offset
    }

    /// The text of a 1-based line without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self.line_start(line);
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// Old Mac line ends (a CR alone) become LF, byte for byte, so every offset stays valid and
/// every reader sees lines; CRLF is left as it is.
fn lone_cr_to_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // Replacing one ASCII byte with another keeps the text valid UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Why a file (a plan, the config or a ladder) could not be read. Each names the position when
/// there is one.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error(
        "the file is over the limit of {limit} bytes that growth reads ({size} bytes or more)"
    )]
    TooLarge { size: u64, limit: u64 },
    #[error("the file looks binary (a NUL byte at line {}, column {})", .at.line, .at.column)]
    Binary { at: Position, offset: usize },
    #[error(
        "the file is not valid UTF-8 (an invalid byte at line {}, column {}); save it as UTF-8",
        .at.line, .at.column
    )]
    NotUtf8 { at: Position, offset: usize },
}

impl ReadError {
    /// The byte offset of the bad byte, when there is one.
    pub fn offset(&self) -> Option<usize> {
        match self {
            ReadError::Binary { offset, .. } | ReadError::NotUtf8 { offset, .. } => Some(*offset),
            _ => None,
        }
    }

    /// Where in the file the problem is, when it is somewhere in particular.
    pub fn position(&self) -> Option<Position> {
        match self {
            ReadError::Binary { at, .. } | ReadError::NotUtf8 { at, .. } => Some(*at),
            _ => None,
        }
    }
}

/// Reads a file as text: refuses files over [`MAX_FILE_BYTES`], binary files and invalid UTF-8,
/// with the position of the first bad byte.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    decode_text(read_limited(path)?)
}

/// The file's bytes, refusing files over [`MAX_FILE_BYTES`] without reading past the limit
/// (a FIFO or a device reports no size up front).
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

/// The checks of [`read_text`] on bytes already in memory (git blobs, tests).
pub fn decode_text(bytes: Vec<u8>) -> Result<String, ReadError> {
    check_text(&bytes)?;
    String::from_utf8(bytes).map_err(|e| not_utf8(e.as_bytes(), e.utf8_error().valid_up_to()))
}

/// Whether bytes are text: no NUL byte, valid UTF-8; else where the first bad byte is.
pub fn check_text(bytes: &[u8]) -> Result<(), ReadError> {
    if let Some(nul) = memchr_nul(bytes) {
        return Err(ReadError::Binary {
            at: byte_position(bytes, nul),
            offset: nul,
        });
    }
    std::str::from_utf8(bytes)
        .map(|_| ())
        .map_err(|e| not_utf8(bytes, e.valid_up_to()))
}

fn not_utf8(bytes: &[u8], valid: usize) -> ReadError {
    ReadError::NotUtf8 {
        at: byte_position(bytes, valid),
        offset: valid,
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Line and column of a byte offset in bytes that may not be valid UTF-8 past `offset`.
fn byte_position(bytes: &[u8], offset: usize) -> Position {
    let before = &bytes[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Position {
        line: before.iter().filter(|&&b| b == b'\n').count() + 1,
        column,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_lines() {
        let f = SourceFile::new("p.md", "ab\nçd\r\nx");
        assert_eq!(f.position(0), Position { line: 1, column: 1 });
        assert_eq!(f.position(3), Position { line: 2, column: 1 });
        // 'ç' is two bytes; 'd' is the second character.
        assert_eq!(f.position(5), Position { line: 2, column: 2 });
        assert_eq!(f.position(8), Position { line: 3, column: 1 });
        assert_eq!(f.position(99), Position { line: 3, column: 2 });
        assert_eq!(f.line_text(2), "çd");
        let mac = SourceFile::new("p.md", "a\rb\r\nc");
        assert_eq!(mac.position(2), Position { line: 2, column: 1 });
        assert_eq!(mac.line_text(2), "b");
        let bom = SourceFile::new("p.md", "\u{feff}ab");
        assert_eq!(bom.position(4), Position { line: 1, column: 2 });
    }

    /// The column counted from the start of the line, every character boundary of a text with
    /// long lines, multi-byte characters and a byte order mark: the checkpoints change nothing.
    #[test]
    fn positions_from_checkpoints_match_counting_from_the_line_start() {
        let long = "é🙂a".repeat(300);
        let text = format!("\u{feff}{long}\n{long}\n\nx{long}");
        let f = SourceFile::new("p.yaml", text.clone());
        // Backwards, so no position can lean on the one before it.
        for offset in (0..=text.len()).rev().filter(|&o| text.is_char_boundary(o)) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let mut column = text[line_start..offset].chars().count() + 1;
            if line_start == 0 && offset > 0 {
                column -= 1; // the byte order mark
            }
            let line = text[..offset].matches('\n').count() + 1;
            assert_eq!(f.position(offset), Position { line, column }, "at {offset}");
        }
    }

    #[test]
    fn offsets_of_positions_invert_positions() {
        let long = "é🙂a".repeat(300);
        let text = format!("\u{feff}{long}\r\n{long}\n\nx{long}");
        let f = SourceFile::new("p.yaml", text.clone());
        for offset in (0..=text.len()).rev().filter(|&o| text.is_char_boundary(o)) {
            if text[offset..].starts_with('\n') && text[..offset].ends_with('\r') {
                continue; // inside a CRLF: the position is the line's end, before the CR
            }
            assert_eq!(
                f.offset_of(f.position(offset)),
                offset.max(3),
                "at {offset}"
            );
        }
        let end_of_first = 3 + long.len();
        assert_eq!(
            f.offset_of(Position {
                line: 1,
                column: 99_999
            }),
            end_of_first
        );
        assert_eq!(
            f.offset_of(Position {
                line: 99,
                column: 1
            }),
            text.len()
        );
    }

    #[test]
    fn bad_bytes_are_located() {
        let err = decode_text(b"ok\nab\xffc".to_vec()).unwrap_err();
        assert_eq!(err.position(), Some(Position { line: 2, column: 3 }));
        let err = decode_text(b"a\0".to_vec()).unwrap_err();
        assert!(
            matches!(err, ReadError::Binary { at, offset: 1 } if at == Position { line: 1, column: 2 })
        );
    }
}
