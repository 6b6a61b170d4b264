//! A small RFC 4180 reader: cells separated by a delimiter (`,` or a tab), quoted cells that
//! hold delimiters, newlines and doubled quotes, CRLF or LF line ends. Each cell keeps the
//! line and column it starts at, so an error in a spreadsheet export names its place.

use crate::source::Position;

/// One cell and where it starts (1-based, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub at: Position,
}

/// A quote that is never closed: where it opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{at}: a quoted cell is never closed")]
pub struct Unclosed {
    pub at: Position,
}

/// The delimiter of a file: a tab when the first line has tabs and no commas (or the file is
/// named `.tsv`), else a comma.
pub fn delimiter(text: &str, tsv_name: bool) -> char {
    let first = text.lines().next().unwrap_or("");
    if tsv_name || (first.contains('\t') && !first.contains(',')) {
        '\t'
    } else {
        ','
    }
}

/// The rows of `text`; blank lines are skipped.
pub fn parse(text: &str, delimiter: char) -> Result<Vec<Vec<Cell>>, Unclosed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let (mut line, mut column) = (1usize, 1usize);
    let mut chars = text.chars().peekable();
    let mut cell = String::new();
    let mut start = Position { line, column };
    let mut quoted = false;
    let mut fresh = true; // nothing of this cell read yet
    let finish_row = |row: &mut Vec<Cell>, rows: &mut Vec<Vec<Cell>>| {
        let blank = row.len() == 1 && row[0].text.is_empty();
        if !blank {
            rows.push(std::mem::take(row));
        }
        row.clear();
    };
    while let Some(c) = chars.next() {
        let here = Position { line, column };
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    column += 1;
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if fresh => {
                quoted = true;
                fresh = false;
                start = here;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            c if c == delimiter || c == '\n' => {
                if fresh {
                    start = here;
                }
                row.push(Cell {
                    text: std::mem::take(&mut cell),
                    at: start,
                });
                fresh = true;
                start = Position { line, column };
                if c == '\n' {
                    finish_row(&mut row, &mut rows);
                }
            }
            c => {
                if fresh {
                    start = here;
                    fresh = false;
                }
                cell.push(c);
            }
        }
    }
    if quoted {
        return Err(Unclosed { at: start });
    }
    if !fresh || !row.is_empty() {
        row.push(Cell {
            text: cell,
            at: start,
        });
        finish_row(&mut row, &mut rows);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rows: &[Vec<Cell>]) -> Vec<Vec<&str>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn quoted_cells_keep_commas_quotes_and_newlines() {
        let text = "a,\"b, c\",\"say \"\"hi\"\"\"\r\n\r\n1,\"two\nlines\",\n";
        let rows = parse(text, ',').unwrap();
        assert_eq!(
            texts(&rows),
            [vec!["a", "b, c", "say \"hi\""], vec!["1", "two\nlines", ""]]
        );
        assert_eq!(rows[1][1].at, Position { line: 3, column: 3 });
        assert_eq!(texts(&parse("x\ty", '\t').unwrap()), [vec!["x", "y"]]);
        assert_eq!(
            parse("a,\"open\nb", ',').unwrap_err().to_string(),
            "1:3: a quoted cell is never closed"
        );
        assert_eq!(delimiter("a\tb\n", false), '\t');
        assert_eq!(delimiter("a,b\tc\n", false), ',');
    }
}
