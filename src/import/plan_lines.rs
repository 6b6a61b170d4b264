//! What one line of an informal plan says: a heading, a list item (done or not), a
//! `Key: value` line, a table row. Pure functions over one line, so each shape is tested on
//! its own.

/// A heading's level and text (`## Goal 1: X` → 2, "Goal 1: X").
pub fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|c| *c == '#').count();
    let rest = &line[level..];
    ((1..=6).contains(&level) && (rest.starts_with(' ') || rest.is_empty()))
        .then(|| (level, rest.trim().trim_end_matches('#').trim()))
}

/// A list item: its indent, whether it is ticked, and its text without the marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub indent: usize,
    pub numbered: bool,
    pub done: bool,
    pub text: String,
}

pub fn item(line: &str) -> Option<Item> {
    let indent = line.len() - line.trim_start().len();
    let rest = line.trim_start();
    let (numbered, rest) = if let Some(r) = rest.strip_prefix(['-', '*', '+']) {
        (false, r)
    } else {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let r = rest[digits..]
            .strip_prefix(['.', ')'])
            .filter(|_| digits > 0)?;
        (true, r)
    };
    if !rest.starts_with(' ') {
        return None;
    }
    let mut text = rest.trim();
    let mut done = false;
    for (mark, ticked) in [("[ ] ", false), ("[x] ", true), ("[X] ", true)] {
        if let Some(r) = text.strip_prefix(mark) {
            text = r;
            done = ticked;
        }
    }
    let (text, marked) = unmark(text);
    Some(Item {
        indent,
        numbered,
        done: done || marked,
        text,
    })
}

/// A text without its done marks (✓ ✔ √, or all of it struck through) and trailing `<br>`;
/// whether it had one.
pub fn unmark(text: &str) -> (String, bool) {
    let mut t = text
        .trim()
        .trim_end_matches("<br>")
        .trim_end_matches("<br/>")
        .trim()
        .to_string();
    let mut done = false;
    if t.contains(['✓', '✔', '√']) {
        t = t.replace(['✓', '✔', '√'], "").trim().to_string();
        done = true;
    }
    if t.len() > 4 && t.starts_with("~~") && t.ends_with("~~") && !t[2..t.len() - 2].contains("~~")
    {
        t = t[2..t.len() - 2].trim().to_string();
        done = true;
    }
    (t, done)
}

/// A line that starts with a done mark: `✔ Rust<br>`.
pub fn marked_line(line: &str) -> Option<String> {
    let t = line.trim();
    t.starts_with(['✓', '✔', '√']).then(|| unmark(t).0)
}

/// `**Key:** value`, `Key: value`, `- **Key**: value`: the key (lower case, without
/// emphasis) and the value.
pub fn key_value(line: &str) -> Option<(String, String)> {
    let mut t = line.trim();
    if let Some(i) = item(line) {
        if !i.numbered {
            t = line.trim_start()[1..].trim_start();
        }
    }
    let colon = t.find(':')?;
    let key = t[..colon].trim().trim_matches(['*', '_']).trim();
    let value = t[colon + 1..].trim().trim_start_matches(['*', '_']).trim();
    let words = key.split_whitespace().count();
    let plain = key
        .chars()
        .all(|c| c.is_alphanumeric() || " /&'-".contains(c));
    (!key.is_empty() && words <= 4 && plain && !key.contains("http"))
        .then(|| (key.to_lowercase(), value.to_string()))
}

/// The cells of a table row, or `None` for a line that is not one.
pub fn row(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let inner = t.strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    Some(inner.split('|').map(|c| c.trim().to_string()).collect())
}

/// The `|---|:---:|` line under a table's header.
pub fn is_delimiter_row(cells: &[String]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|c| {
            let c = c.trim();
            !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':')) && c.contains('-')
        })
}

/// Text without leading emoji or symbols and bold marks: `🎯 **Goals**` → "Goals".
pub fn plain(text: &str) -> &str {
    text.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '~')
        .trim_end_matches(['*', '_', ' '])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_say_what_they_are() {
        assert_eq!(heading("#### Goal 1: X"), Some((4, "Goal 1: X")));
        assert_eq!(heading("#hashtag"), None);
        let i = item("  - [x] Finished DDIA").unwrap();
        assert_eq!(
            (i.indent, i.done, i.text.as_str()),
            (2, true, "Finished DDIA")
        );
        assert_eq!(
            item("3. ~~Ship it~~").map(|i| (i.numbered, i.done, i.text)),
            Some((true, true, "Ship it".into()))
        );
        assert_eq!(item("-not a list"), None);
        assert_eq!(marked_line("✔ Learn Go<br>").as_deref(), Some("Learn Go"));
        assert_eq!(
            key_value("**Timeline:** June — September 2026"),
            Some(("timeline".into(), "June — September 2026".into()))
        );
        assert_eq!(
            key_value("- **Success Metric**: 2 designs"),
            Some(("success metric".into(), "2 designs".into()))
        );
        assert_eq!(key_value("See https://example.com: a link"), None);
        assert_eq!(
            row("| a | b |"),
            Some(vec!["a".to_string(), "b".to_string()])
        );
        assert!(is_delimiter_row(&row("|---|:--:|").unwrap()));
        assert_eq!(plain("🎯 **Short-Term Goals**"), "Short-Term Goals");
    }
}
