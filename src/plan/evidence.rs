//! `(evidence REV)` markers at the end of a Markdown action line: what the action cites as
//! proof that it was done. Several markers are allowed, each holding one or more revisions
//! (separated by spaces or commas); the markers are cut from the action's text, as `(done …)`
//! is.

use crate::source::{Span, Spanned};

const OPEN: &str = "(evidence ";

/// The markers in `text[content]`: each marker's whole span and the revisions it names.
pub fn markers(text: &str, content: Span) -> Vec<(Span, Vec<Spanned<String>>)> {
    let line = &text[content.start..content.end];
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = line[from..].find(OPEN) {
        let start = from + found;
        let inner = start + OPEN.len();
        // A URL may hold parentheses of its own: the marker ends where they balance.
        let mut depth = 0usize;
        let mut end = None;
        for (i, c) in line[inner..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => {
                    end = Some(inner + i);
                    break;
                }
                ')' => depth -= 1,
                _ => {}
            }
        }
        let Some(end) = end else { break };
        let mut revs = Vec::new();
        let mut at = inner;
        for piece in line[inner..end].split([' ', ',', '\t']) {
            if !piece.is_empty() {
                let s = content.start + at;
                revs.push(Spanned::new(
                    piece.to_string(),
                    Span::new(s, s + piece.len()),
                ));
            }
            at += piece.len() + 1;
        }
        if !revs.is_empty() {
            let whole = Span::new(content.start + start, content.start + end + 1);
            out.push((whole, revs));
        }
        from = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_hold_revisions_and_urls_with_parentheses() {
        let text = "Ship it (evidence abc1234) (evidence pay@v1.2, https://x.org/a_(b))";
        let found = markers(text, Span::new(0, text.len()));
        let revs: Vec<Vec<&str>> = found
            .iter()
            .map(|(_, r)| r.iter().map(|s| s.value.as_str()).collect())
            .collect();
        assert_eq!(
            revs,
            [vec!["abc1234"], vec!["pay@v1.2", "https://x.org/a_(b)"]]
        );
        let (whole, revs) = &found[1];
        assert_eq!(
            &text[whole.start..whole.end],
            "(evidence pay@v1.2, https://x.org/a_(b))"
        );
        assert_eq!(&text[revs[0].span.start..revs[0].span.end], "pay@v1.2");
        assert!(markers("(evidence never closed", Span::new(0, 22)).is_empty());
    }
}
