//! The Markdown form: YAML front matter, then a body where `Goal:` headings open goals.
//!
//! pulldown-cmark finds the structure (headings, fenced blocks, list items) with byte ranges;
//! action and check-in lines are then read from the raw source of each item, so that the span
//! of a date inside a line is exact.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::decode::{parse_date, Decoder};
use crate::problem::{Problem, ProblemKind};
use crate::source::{SourceFile, Span, Spanned};
use crate::yaml;

use super::fields::{empty_plan, new_goal, read_goal_meta, read_header};
use super::{Action, Checkin, Goal, Plan, PlanFormat, FRONT_MATTER_KEYS, GOAL_KEYS};

pub fn parse(file: &SourceFile) -> (Plan, Vec<Problem>) {
    let text = file.text();
    let bom = file.bom_len();
    let mut dec = Decoder::default();
    let (plan, body_start) = read_front_matter(&mut dec, text, bom);
    let mut walker = Walker {
        text,
        dec,
        plan,
        goal: None,
        section: Section::Other,
        expect_meta: false,
        list_depth: 0,
        heading: None,
        meta: None,
    };
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for (event, range) in Parser::new_ext(&text[body_start..], options).into_offset_iter() {
        walker.event(
            event,
            Span::new(range.start + body_start, range.end + body_start),
        );
    }
    walker.close_goal();
    (walker.plan, walker.dec.problems)
}

/// Finds the front matter (a `---` line at byte 0 up to the next `---` line), reads it, and
/// returns the plan header and where the body starts.
fn read_front_matter(dec: &mut Decoder, text: &str, bom: usize) -> (Plan, usize) {
    let top = Span::new(
        bom,
        bom + text[bom..bom + first_line_len(&text[bom..])]
            .trim_end()
            .len(),
    );
    if !is_fence_line(&text[bom..], 0) {
        dec.missing(
            top,
            "the plan has no front matter",
            "start the file with a `---` line, then `owner:` and `period:` keys, then a closing `---` line",
        );
        return (empty_plan(PlanFormat::Markdown, top), bom);
    }
    let yaml_start = bom + first_line_len(&text[bom..]) + line_break_len(&text[bom..]);
    let mut at = yaml_start;
    while at < text.len() {
        if is_fence_line(text, at) {
            let body = at + first_line_len(&text[at..]) + line_break_len(&text[at..]);
            let header = Span::new(bom, bom + 3);
            let mut plan = empty_plan(PlanFormat::Markdown, header);
            match yaml::parse(&text[yaml_start..at]) {
                Ok(node) => {
                    let node = node.offset(yaml_start);
                    if let Some(fields) = dec.fields(&node, "front matter", FRONT_MATTER_KEYS) {
                        read_header(dec, &fields, &mut plan);
                    }
                }
                Err(err) => dec.report(Problem::new(
                    ProblemKind::Syntax,
                    Span::at(yaml_start + err.offset),
                    format!(
                        "the front matter is not valid YAML: {}",
                        err.describe(text, yaml_start)
                    ),
                )),
            }
            return (plan, body.min(text.len()));
        }
        at += first_line_len(&text[at..]) + line_break_len(&text[at..]).max(1);
    }
    dec.report(
        Problem::new(ProblemKind::Syntax, top, "the front matter is never closed")
            .with_help("end the front matter with a line of three dashes: `---`"),
    );
    (empty_plan(PlanFormat::Markdown, top), text.len())
}

fn first_line_len(s: &str) -> usize {
    s.find('\n').map_or(s.len(), |i| i)
}

fn line_break_len(s: &str) -> usize {
    usize::from(s.contains('\n'))
}

/// Whether the line starting at `at` is exactly `---` (trailing spaces and `\r` allowed).
fn is_fence_line(text: &str, at: usize) -> bool {
    let line = &text[at..at + first_line_len(&text[at..])];
    line.trim_end() == "---"
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Actions,
    Checkins,
    Other,
}

impl Section {
    fn of(heading: &str) -> Section {
        let name = heading.trim().trim_end_matches(':').trim().to_lowercase();
        match name.as_str() {
            "actions" | "action items" | "next steps" => Section::Actions,
            "check-ins" | "checkins" | "check ins" | "progress" | "log" => Section::Checkins,
            _ => Section::Other,
        }
    }
}

struct Walker<'a> {
    text: &'a str,
    dec: Decoder,
    plan: Plan,
    /// The goal being read, with its heading level.
    goal: Option<(Goal, HeadingLevel)>,
    section: Section,
    /// Between a goal heading and its first list or sub-heading: a ```yaml block here is the
    /// goal's metadata.
    expect_meta: bool,
    list_depth: usize,
    heading: Option<(HeadingLevel, Span, String)>,
    /// The content of the metadata block being read.
    meta: Option<Span>,
}

impl Walker<'_> {
    fn event(&mut self, event: Event, range: Span) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.heading = Some((level, range, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, span, title)) = self.heading.take() {
                    self.on_heading(level, span, &title);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, title)) = &mut self.heading {
                    title.push_str(&t);
                } else if let Some(meta) = &mut self.meta {
                    meta.start = meta.start.min(range.start);
                    meta.end = meta.end.max(range.end);
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let lang = info.split_whitespace().next().unwrap_or("");
                if self.expect_meta && matches!(lang, "yaml" | "yml") {
                    self.expect_meta = false;
                    self.meta = Some(Span::new(usize::MAX, 0));
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(meta) = self.meta.take() {
                    self.on_meta(meta);
                }
            }
            Event::Start(Tag::List(_)) => {
                self.expect_meta = false;
                self.list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => self.list_depth = self.list_depth.saturating_sub(1),
            Event::Start(Tag::Item) if self.list_depth == 1 && self.goal.is_some() => {
                match self.section {
                    Section::Actions => self.on_action(range),
                    Section::Checkins => self.on_checkin(range),
                    Section::Other => {}
                }
            }
            _ => {}
        }
    }

    fn on_heading(&mut self, level: HeadingLevel, span: Span, title: &str) {
        let raw = self.text[span.start..span.end].trim_end();
        let span = Span::new(span.start, span.start + raw.len());
        self.expect_meta = false;
        self.list_depth = 0;
        let title = title.trim();
        if let Some(rest) = strip_prefix_ignore_case(title, "goal:") {
            self.close_goal();
            let goal_title = rest.trim();
            let title_span = match raw.to_ascii_lowercase().find("goal:") {
                Some(i) => {
                    let after = &raw[i + 5..];
                    let start = span.start + i + 5 + (after.len() - after.trim_start().len());
                    Span::new(start, span.end.max(start))
                }
                None => span,
            };
            if goal_title.is_empty() {
                self.dec.missing(
                    span,
                    "a goal heading without a title",
                    "write the goal after the colon: `## Goal: Run the Q3 incident review`",
                );
            }
            let goal = new_goal(Spanned::new(goal_title.to_string(), title_span), span);
            self.goal = Some((goal, level));
            self.section = Section::Other;
            self.expect_meta = true;
            return;
        }
        match &self.goal {
            Some((_, goal_level)) if level > *goal_level => self.section = Section::of(title),
            Some(_) => self.close_goal(),
            None => {
                if level == HeadingLevel::H1 && self.plan.title.is_none() {
                    self.plan.title = Some(Spanned::new(title.to_string(), span));
                }
            }
        }
    }

    fn close_goal(&mut self) {
        if let Some((goal, _)) = self.goal.take() {
            self.plan.goals.push(goal);
        }
        self.section = Section::Other;
    }

    fn on_meta(&mut self, content: Span) {
        let Some((goal, _)) = &mut self.goal else {
            return;
        };
        let content = if content.start == usize::MAX {
            Span::at(goal.span.end)
        } else {
            content
        };
        match yaml::parse(&self.text[content.start..content.end]) {
            Ok(node) => {
                let node = node.offset(content.start);
                if let Some(fields) = self.dec.fields(&node, "goal", GOAL_KEYS) {
                    read_goal_meta(&mut self.dec, &fields, goal);
                }
            }
            Err(err) => self.dec.report(Problem::new(
                ProblemKind::Syntax,
                Span::at(content.start + err.offset),
                format!(
                    "the goal's yaml block is not valid YAML: {}",
                    err.describe(self.text, content.start)
                ),
            )),
        }
    }

    fn on_action(&mut self, item: Span) {
        let Some(line) = item_content(self.text, item) else {
            return;
        };
        let mut due = None;
        let mut done_on = None;
        let mut cut: Vec<Span> = Vec::new();
        for marker in find_markers(self.text, line.content) {
            let date = match parse_date(&self.text[marker.date.start..marker.date.end]) {
                Ok(d) => Some(Spanned::new(d, marker.date)),
                Err(message) => {
                    self.dec.report(
                        Problem::new(ProblemKind::InvalidDate, marker.date, message)
                            .with_help("write dates as YYYY-MM-DD, e.g. `(due 2026-06-30)`"),
                    );
                    None
                }
            };
            if marker.done {
                done_on = done_on.or(date);
            } else {
                due = due.or(date);
            }
            cut.push(marker.whole);
        }
        let text = collapse(self.text, line.content, &cut);
        let action = Action {
            text: Spanned::new(text, line.content),
            done: line.checked,
            done_on,
            due,
            span: line.item,
        };
        if let Some((goal, _)) = &mut self.goal {
            goal.actions.push(action);
        }
    }

    fn on_checkin(&mut self, item: Span) {
        let Some(line) = item_content(self.text, item) else {
            return;
        };
        let content = &self.text[line.content.start..line.content.end];
        let token_len = content
            .find(|c: char| c.is_whitespace() || c == '[' || c == ':')
            .unwrap_or(content.len());
        let date_span = Span::new(line.content.start, line.content.start + token_len);
        let date = match parse_date(&content[..token_len]) {
            Ok(d) => Spanned::new(d, date_span),
            Err(message) => {
                let message = if token_len == 0 || !content.as_bytes()[0].is_ascii_digit() {
                    "a check-in entry must start with its date".to_string()
                } else {
                    message
                };
                self.dec.report(
                    Problem::new(ProblemKind::InvalidDate, date_span, message)
                        .with_help("write check-ins as `- 2026-03-01 [12%] what happened`"),
                );
                return;
            }
        };
        let mut at = token_len;
        let skip_ws = |at: usize| at + (content[at..].len() - content[at..].trim_start().len());
        at = skip_ws(at);
        let mut value = None;
        if content[at..].starts_with('[') {
            if let Some(close) = content[at..].find(']') {
                let inner = &content[at + 1..at + close];
                let trimmed = inner.trim();
                if !trimmed.is_empty() {
                    let start =
                        line.content.start + at + 1 + (inner.len() - inner.trim_start().len());
                    value = Some(Spanned::new(
                        trimmed.to_string(),
                        Span::new(start, start + trimmed.len()),
                    ));
                }
                at = skip_ws(at + close + 1);
            }
        }
        let rest = content[at..].trim_start_matches([':', '-', '—', '–']);
        let note_start = line.content.start + content.len() - rest.trim_start().len();
        let note = collapse(self.text, Span::new(note_start, line.content.end), &[]);
        let checkin = Checkin {
            date,
            value,
            note: (!note.is_empty())
                .then(|| Spanned::new(note, Span::new(note_start, line.content.end))),
            span: line.item,
        };
        if let Some((goal, _)) = &mut self.goal {
            goal.checkins.push(checkin);
        }
    }
}

fn strip_prefix_ignore_case<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// A list item's first paragraph, after the bullet and the task box.
struct ItemLine {
    item: Span,
    content: Span,
    checked: bool,
}

fn item_content(text: &str, item: Span) -> Option<ItemLine> {
    let raw = &text[item.start..item.end];
    let mut at = raw.len() - raw.trim_start().len();
    let rest = &raw[at..];
    let marker = if rest.starts_with(['-', '*', '+']) {
        1
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(['.', ')']) {
            digits + 1
        } else {
            0
        }
    };
    at += marker;
    at += raw[at..].len() - raw[at..].trim_start_matches([' ', '\t']).len();
    let mut checked = false;
    let lower = raw[at..].get(..3).map(str::to_ascii_lowercase);
    if let Some(boxed) = lower.as_deref().filter(|b| *b == "[ ]" || *b == "[x]") {
        checked = boxed == "[x]";
        at += 3;
        at += raw[at..].len() - raw[at..].trim_start_matches([' ', '\t']).len();
    }
    // The first paragraph: continuation lines up to a blank line or a nested list.
    let mut end = at;
    for (n, line) in raw[at..].split_inclusive('\n').enumerate() {
        let body = line.trim();
        let nested = body.starts_with(['-', '*', '+'])
            || body
                .split_once(['.', ')'])
                .is_some_and(|(d, _)| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
        if n > 0 && (body.is_empty() || nested) {
            break;
        }
        end += line.len();
    }
    let content = raw[at..end].trim_end();
    Some(ItemLine {
        item: Span::new(item.start, item.start + raw.trim_end().len()),
        content: Span::new(item.start + at, item.start + at + content.len()),
        checked,
    })
}

/// A `(due …)`, `(done …)`, `📅 …` or `✅ …` marker in an action line.
struct Marker {
    whole: Span,
    date: Span,
    done: bool,
}

fn find_markers(text: &str, content: Span) -> Vec<Marker> {
    let line = &text[content.start..content.end];
    let lower = line.to_ascii_lowercase();
    let mut markers = Vec::new();
    for (word, done) in [("(due", false), ("(done", true)] {
        for (i, _) in lower.match_indices(word) {
            let after = i + word.len();
            let Some(close) = line[after..].find(')') else {
                continue;
            };
            let inner = line[after..after + close].trim_start_matches(':');
            let inner_trim = inner.trim();
            let at_end = line[after + close + 1..].trim().is_empty();
            if inner_trim.is_empty() || !(at_end || inner_trim.as_bytes()[0].is_ascii_digit()) {
                continue;
            }
            let lead = inner.len() - inner.trim_start().len()
                + (line[after..after + close].len() - inner.len());
            let date_start = content.start + after + lead;
            markers.push(Marker {
                whole: Span::new(content.start + i, content.start + after + close + 1),
                date: Span::new(date_start, date_start + inner_trim.len()),
                done,
            });
        }
    }
    for (emoji, done) in [("📅", false), ("✅", true)] {
        for (i, _) in line.match_indices(emoji) {
            let after = i + emoji.len();
            let rest = &line[after..];
            let lead = rest.len() - rest.trim_start().len();
            let token = rest.split_whitespace().next().unwrap_or("");
            let date_start = content.start + after + lead;
            markers.push(Marker {
                whole: Span::new(content.start + i, date_start + token.len()),
                date: Span::new(date_start, date_start + token.len()),
                done,
            });
        }
    }
    markers.sort_by_key(|m| m.whole.start);
    markers
}

/// The text of `span` without the `cut` spans, with runs of white space made one space.
fn collapse(text: &str, span: Span, cut: &[Span]) -> String {
    let mut out = String::new();
    let mut at = span.start;
    let mut pieces = Vec::new();
    for c in cut {
        pieces.push(&text[at..c.start.max(at)]);
        at = c.end.max(at);
    }
    pieces.push(&text[at..span.end.max(at)]);
    for word in pieces.iter().flat_map(|p| p.split_whitespace()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
