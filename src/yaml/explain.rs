//! The YAML parser's messages in the words of someone writing a plan, each with what to do.
//!
//! The parser speaks of scanners, tokens and contexts; a person editing a growth plan needs
//! to hear which character is the trouble and how to write it instead. [`TABLE`] is the one
//! place those translations live, and a test walks every entry.

/// A parser message (matched by a fragment of it) and how growth says it.
pub struct Explanation {
    /// A fragment of the parser's message.
    pub parser: &'static str,
    pub message: &'static str,
    pub help: &'static str,
}

/// The parser's messages, most specific first: the first entry whose fragment is in the
/// message wins.
pub const TABLE: &[Explanation] = &[
    Explanation {
        parser: "mapping values are not allowed in this context",
        message: "a `: ` here would start a new key, which YAML does not allow in this place",
        help: "if the value contains `: `, put it in quotes (`north_star: \"Goal: a calm on-call\"`); \
               if this line is a key, indent it like the keys around it",
    },
    Explanation {
        parser: "multiline quoted scalar",
        message: "a quoted value is never closed",
        help: "add the closing quote at the end of the value; \
               a quote inside it is written `\\\"` in \"…\", or `''` in '…'",
    },
    Explanation {
        parser: "unclosed quote",
        message: "a quoted value is never closed",
        help: "add the closing quote at the end of the value; \
               a quote inside it is written `\\\"` in \"…\", or `''` in '…'",
    },
    Explanation {
        parser: "unclosed bracket '{'",
        message: "a `{ … }` is never closed",
        help: "close it with `}`; put a value containing `,`, `{` or `: ` in quotes",
    },
    Explanation {
        parser: "unclosed bracket '['",
        message: "a `[ … ]` list is never closed",
        help: "close it with `]`; put an item containing `,`, `[` or `: ` in quotes",
    },
    Explanation {
        parser: "mismatched bracket",
        message: "a bracket closed by the other kind",
        help: "close `[` with `]` and `{` with `}`",
    },
    Explanation {
        parser: "did not find expected ',' or '}'",
        message: "a `{ … }` is not closed, or two of its entries have no comma between them",
        help: "close it with `}`; put a value containing `,` or `: ` in quotes",
    },
    Explanation {
        parser: "did not find expected ',' or ']'",
        message: "a `[ … ]` list is not closed, or two of its items have no comma between them",
        help: "close it with `]`; put an item containing `,` or `: ` in quotes",
    },
    Explanation {
        parser: "illegal placement of ':' indicator",
        message: "a `:` where YAML does not expect one",
        help: "check that every `[` and `{` above is closed; put a value containing `: ` in quotes",
    },
    Explanation {
        parser: "found a tab",
        message: "a tab character where YAML needs spaces",
        help: "indent with spaces only; replace the tab with spaces",
    },
    Explanation {
        parser: "tab",
        message: "a tab character where YAML needs spaces",
        help: "indent with spaces only; replace the tab with spaces",
    },
    Explanation {
        parser: "found unknown anchor",
        message: "a `*name` that refers to no `&name` anchor",
        help: "a value starting with `*` is read as an alias: put it in quotes (`\"*priority*\"`)",
    },
    Explanation {
        parser: "found unknown escape character",
        message: "an unknown `\\` escape in a double-quoted value",
        help: "write a backslash as `\\\\`, or use single quotes, in which a backslash is just a character",
    },
    Explanation {
        parser: "unexpected character",
        message: "a character that cannot start a plain YAML value (`@` and `` ` `` are reserved)",
        help: "put the value in quotes, e.g. `\"@jane\"`",
    },
    Explanation {
        parser: "found character that cannot start any token",
        message: "a character that cannot start a plain YAML value",
        help: "put the value in quotes",
    },
    Explanation {
        parser: "while parsing a block mapping, did not find expected key",
        message: "this line does not fit the mapping it is in",
        help: "check its indentation: a key lines up with the keys above it, and a list item \
               (`- …`) goes under a key that ends in `:`",
    },
    Explanation {
        parser: "while parsing a block collection, did not find expected '-' indicator",
        message: "this line does not fit the list it is in",
        help: "start each list item with `- `, lined up with the items above it",
    },
    Explanation {
        parser: "simple key expected ':'",
        message: "a line that is neither `key: value` nor a list item",
        help: "add the `:` after the key, or start the line with `- ` if it is a list item; \
               a value over several lines is indented under its key",
    },
    Explanation {
        parser: "while scanning an anchor or alias",
        message: "a `&` or `*` with no name after it",
        help: "a value starting with `&` or `*` is read as an anchor or alias: put it in quotes",
    },
    Explanation {
        parser: "did not find expected <document start>",
        message: "a line starting with `%` is a YAML directive, not a value",
        help: "put the text in quotes, or remove the line",
    },
    Explanation {
        parser: "could not find expected ':'",
        message: "a key without its `:`",
        help: "write `key: value`; a value that runs over several lines is indented under its key",
    },
    Explanation {
        parser: "found unexpected end of stream",
        message: "the text ends in the middle of a value",
        help: "close the quotes and brackets that are still open",
    },
];

/// What the parser's message means, if the table knows it.
pub fn explain(parser_message: &str) -> Option<&'static Explanation> {
    TABLE.iter().find(|e| parser_message.contains(e.parser))
}

/// Where the quoted value that is still open at `offset` opens, if one is: the parser gives up
/// where it notices (often the end of the text), but the missing quote belongs to the value
/// that starts at the opening one. A quote opens a value only where a value can start (after
/// `: `, `- `, `[`, `{`, `,` or at the start of a line), so apostrophes in plain text
/// (`the team's`) do not count.
pub fn open_quote_before(text: &str, offset: usize) -> Option<usize> {
    scan(text, offset).0
}

/// Where the innermost `{` (or `[`, by `open`) still open at `offset` opens, outside quotes
/// and comments: a flow mapping or list left open is noticed on a later line.
pub fn open_bracket_before(text: &str, offset: usize, open: u8) -> Option<usize> {
    scan(text, offset)
        .1
        .into_iter()
        .rev()
        .find(|(_, b)| *b == open)
        .map(|(at, _)| at)
}

/// The quote and the brackets still open at `offset`.
fn scan(text: &str, offset: usize) -> (Option<usize>, Vec<(usize, u8)>) {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut open: Option<(usize, u8)> = None;
    let mut brackets: Vec<(usize, u8)> = Vec::new();
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        match open {
            Some((_, b'"')) if b == b'\\' => i += 1,
            Some((_, q)) if b == q => {
                if q == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                    i += 1;
                } else {
                    open = None;
                }
            }
            Some(_) => {}
            None if b == b'#' && (i == 0 || bytes[i - 1].is_ascii_whitespace()) => {
                while i < end && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            None if (b == b'"' || b == b'\'') && starts_value(bytes, i) => open = Some((i, b)),
            None if b == b'{' || b == b'[' => brackets.push((i, b)),
            None if b == b'}' || b == b']' => {
                brackets.pop();
            }
            None => {}
        }
        i += 1;
    }
    (open.map(|(at, _)| at), brackets)
}

fn starts_value(bytes: &[u8], at: usize) -> bool {
    let before = bytes[..at]
        .iter()
        .rev()
        .find(|b| **b != b' ' && **b != b'\t');
    matches!(
        before,
        None | Some(b'\n' | b'[' | b'{' | b',' | b'-' | b':')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entry is reachable: no earlier, broader fragment swallows it.
    #[test]
    fn every_entry_is_the_first_match_for_its_own_fragment() {
        for (i, e) in TABLE.iter().enumerate() {
            let first = TABLE.iter().position(|x| e.parser.contains(x.parser));
            assert_eq!(first, Some(i), "`{}` is shadowed", e.parser);
            assert!(!e.help.is_empty() && !e.message.is_empty());
        }
    }

    #[test]
    fn the_open_quote_is_where_the_value_starts() {
        let text = "owner: Jane's\nnorth_star: \"A calm rotation\ngoals: []\n";
        assert_eq!(open_quote_before(text, text.len()), Some(26));
        let closed = "a: \"x # y\"\nb: 'it''s' # a 'comment\nc: d\n";
        assert_eq!(open_quote_before(closed, closed.len()), None);
    }

    #[test]
    fn the_open_bracket_is_the_innermost_unclosed_one() {
        let text = "a: { b: [1, 2], c: \"{\"\nd: e\n";
        assert_eq!(open_bracket_before(text, text.len(), b'{'), Some(3));
        assert_eq!(open_bracket_before(text, text.len(), b'['), None);
    }
}

#[cfg(test)]
mod parser_messages {
    use super::TABLE;

    /// Text that makes the parser say each entry's message: if the parser's wording changes,
    /// the entry stops matching, and this says which.
    const SAMPLES: &[(&str, &str)] = &[
        (
            "mapping values are not allowed in this context",
            "a: b: c\n",
        ),
        ("multiline quoted scalar", "a: \"b\nc: d\n"),
        ("unclosed quote", "a: \"b"),
        ("did not find expected ',' or '}'", "a: { b: c\nd: e\n"),
        ("unclosed bracket '['", "a: [b, c\n"),
        ("unclosed bracket '{'", "a: {b: c\n"),
        ("mismatched bracket", "a: [b, c}\n"),
        ("simple key expected ':'", "a:\n  - b\n  c\n"),
        ("while scanning an anchor or alias", "a: &\n"),
        ("did not find expected <document start>", "%FOO\na: b\n"),
        ("found a tab", "a: b\n\tc: d\n"),
        ("found unknown anchor", "a: *b\n"),
        ("found unknown escape character", "a: \"\\q\"\n"),
        ("unexpected character", "a: @b\n"),
        (
            "while parsing a block mapping, did not find expected key",
            "a: b\n- c\n",
        ),
    ];

    #[test]
    fn the_parser_still_says_what_the_table_expects() {
        for (fragment, text) in SAMPLES {
            let entry = TABLE
                .iter()
                .find(|e| e.parser == *fragment)
                .expect("a table entry");
            let err = crate::yaml::parse(text).expect_err(text);
            assert_eq!(err.message, entry.message, "{text:?}");
            assert_eq!(err.help, Some(entry.help), "{text:?}");
        }
    }
}
