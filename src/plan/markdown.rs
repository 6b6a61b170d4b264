//! The Markdown form: YAML front matter, then a body where `Goal:` headings open goals.
//!
//! pulldown-cmark finds the structure (headings, fenced blocks, list items) with byte ranges;
//! action and check-in lines are then read from the raw source of each item, so that the span
//! of a date inside a line is exact.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::decode::{parse_date, Decoder};
use crate::problem::{Problem, ProblemKind};
use crate::source::{SourceFile, Span, Spanned};

use super::fields::{empty_plan, new_goal, parse_yaml, read_goal_meta, read_header};
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
        north_star: NorthStar::Idle,
    };
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for (event, range) in Parser::new_ext(&text[body_start..], options).into_offset_iter() {
        walker.event(
            event,
            Span::new(range.start + body_start, range.end + body_start),
        );
    }
    walker.close_goal(text.len());
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
    if let Some(read) = super::toml_front::read(dec, text, bom) {
        return read;
    }
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
            if let Some(node) = parse_yaml(dec, text, yaml_start, at, "the front matter") {
                if let Some(fields) = dec.fields(&node, "front matter", FRONT_MATTER_KEYS) {
                    read_header(dec, &fields, &mut plan);
                }
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
    /// A `North star` section outside goals is the north star when the front matter has none.
    north_star: NorthStar,
}

/// Reading a `North star` section's first paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
enum NorthStar {
    Idle,
    /// After the heading, before the paragraph.
    Waiting,
    Reading(String),
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
                } else if let NorthStar::Reading(text) = &mut self.north_star {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let NorthStar::Reading(text) = &mut self.north_star {
                    text.push(' ');
                }
            }
            Event::Start(Tag::Paragraph) if self.north_star == NorthStar::Waiting => {
                self.north_star = NorthStar::Reading(String::new());
            }
            Event::End(TagEnd::Paragraph) => {
                if let NorthStar::Reading(text) =
                    std::mem::replace(&mut self.north_star, NorthStar::Idle)
                {
                    let text = text.trim();
                    if !text.is_empty() && self.plan.north_star.is_none() {
                        let raw = self.text[range.start..range.end].trim_end();
                        let span = Span::new(range.start, range.start + raw.len());
                        self.plan.north_star = Some(Spanned::new(text.to_string(), span));
                    }
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let lang = info.split_whitespace().next().unwrap_or("");
                // Info strings are compared without regard to case, as editors and
                // renderers do: ```YAML is a yaml block, not prose to skip.
                let yaml = lang.eq_ignore_ascii_case("yaml") || lang.eq_ignore_ascii_case("yml");
                if self.expect_meta && yaml {
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
                if self.section == Section::Checkins {
                    if let Some((goal, _)) = &mut self.goal {
                        let raw = self.text[range.start..range.end].trim_end();
                        goal.layout.last_checkin =
                            Some(Span::new(range.start, range.start + raw.len()));
                    }
                }
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
        self.north_star = NorthStar::Idle;
        let named = title.trim_end_matches(':').trim().to_ascii_lowercase();
        let outside_goals = self.goal.as_ref().is_none_or(|(_, l)| level <= *l);
        if matches!(named.as_str(), "north star" | "north-star" | "northstar")
            && self.plan.north_star.is_none()
            && outside_goals
        {
            self.close_goal(span.start);
            self.north_star = NorthStar::Waiting;
            return;
        }
        if let Some(rest) = strip_prefix_ignore_case(title, "goal:") {
            self.close_goal(span.start);
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
            let mut goal = new_goal(Spanned::new(goal_title.to_string(), title_span), span);
            goal.layout.level = heading_level(level);
            goal.layout.extent = span;
            self.goal = Some((goal, level));
            self.section = Section::Other;
            self.expect_meta = true;
            return;
        }
        match &mut self.goal {
            Some((goal, goal_level)) if level > *goal_level => {
                self.section = Section::of(title);
                if self.section == Section::Checkins && goal.layout.checkins.is_none() {
                    goal.layout.checkins = Some(span);
                }
            }
            Some(_) => self.close_goal(span.start),
            None => {
                if level == HeadingLevel::H1 && self.plan.title.is_none() {
                    self.plan.title = Some(Spanned::new(title.to_string(), span));
                }
            }
        }
    }

    /// Ends the goal being read at `end`, where the heading after it starts.
    fn close_goal(&mut self, end: usize) {
        if let Some((mut goal, _)) = self.goal.take() {
            goal.layout.extent.end = end;
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
        let what = "the goal's yaml block";
        if let Some(node) = parse_yaml(&mut self.dec, self.text, content.start, content.end, what) {
            if let Some(fields) = self.dec.fields(&node, "goal", GOAL_KEYS) {
                read_goal_meta(&mut self.dec, &fields, goal);
            }
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
            let example = if marker.done {
                "`(done 2026-02-10)`"
            } else {
                "`(due 2026-06-30)`"
            };
            let date = match marker.shape {
                Shape::Empty => {
                    self.dec.report(
                        Problem::new(
                            ProblemKind::InvalidDate,
                            marker.whole,
                            format!(
                                "`{}` has no date",
                                &self.text[marker.whole.start..marker.whole.end]
                            ),
                        )
                        .with_help(
                            if self.text[marker.whole.start..].starts_with('(') {
                                format!(
                                    "write the date inside, e.g. {example}, or remove the marker"
                                )
                            } else {
                                "write the date after it, e.g. `📅 2026-06-30`, or remove it"
                                    .to_string()
                            },
                        ),
                    );
                    None
                }
                Shape::Unclosed => {
                    self.dec.report(
                        Problem::new(
                            ProblemKind::InvalidDate,
                            marker.whole,
                            format!(
                                "`{}` is never closed: the date is not read",
                                &self.text[marker.whole.start..marker.whole.end]
                            ),
                        )
                        .with_help(format!("close the marker with `)`, e.g. {example}")),
                    );
                    None
                }
                Shape::Dated => match parse_date(&self.text[marker.date.start..marker.date.end]) {
                    Ok(d) => Some(Spanned::new(d, marker.date)),
                    Err(message) => {
                        self.dec.report(
                            Problem::new(ProblemKind::InvalidDate, marker.date, message)
                                .with_help(format!("write dates as YYYY-MM-DD, e.g. {example}")),
                        );
                        None
                    }
                },
            };
            if marker.done {
                done_on = done_on.or(date);
            } else {
                due = due.or(date);
            }
            cut.push(marker.whole);
        }
        let mut evidence = Vec::new();
        for (whole, revs) in super::evidence::markers(self.text, line.content) {
            cut.push(whole);
            evidence.extend(revs);
        }
        cut.sort_by_key(|s| s.start);
        let text = collapse(self.text, line.content, &cut);
        let action = Action {
            text: Spanned::new(text, line.content),
            done: line.checked,
            done_on,
            due,
            evidence,
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

fn heading_level(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
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
    shape: Shape,
}

/// How a marker is written: only a dated one gives a date; the others are findings, so a
/// date that was meant is never silently dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// With something to read as a date (which may still not be one).
    Dated,
    /// `(due )`, `(done:)` at the end of the line: a marker with the date left out.
    Empty,
    /// `(due 2026-05-15` with no `)`: what follows is not read as a date.
    Unclosed,
}

fn find_markers(text: &str, content: Span) -> Vec<Marker> {
    let line = &text[content.start..content.end];
    let lower = line.to_ascii_lowercase();
    let mut markers = Vec::new();
    for (word, done) in [("(due", false), ("(done", true)] {
        for (i, _) in lower.match_indices(word) {
            let after = i + word.len();
            // `(dues paid)`, `(doneness)`: another word, not a marker.
            if line[after..]
                .chars()
                .next()
                .is_some_and(|c| !(c.is_whitespace() || c == ':' || c == ')'))
            {
                continue;
            }
            let Some(close) = line[after..].find(')') else {
                // Unclosed: a marker when a date (or nothing) follows; `(due to the move`
                // is prose.
                let rest = line[after..].trim_start_matches(':').trim();
                if rest.is_empty() || rest.as_bytes()[0].is_ascii_digit() {
                    markers.push(Marker {
                        whole: Span::new(content.start + i, content.end),
                        date: Span::at(content.end),
                        done,
                        shape: Shape::Unclosed,
                    });
                }
                continue;
            };
            let inner = line[after..after + close].trim_start_matches(':');
            let inner_trim = inner.trim();
            let at_end = line[after + close + 1..].trim().is_empty();
            let whole = Span::new(content.start + i, content.start + after + close + 1);
            if inner_trim.is_empty() {
                if at_end {
                    markers.push(Marker {
                        whole,
                        date: Span::at(whole.end - 1),
                        done,
                        shape: Shape::Empty,
                    });
                }
                continue;
            }
            if !(at_end || inner_trim.as_bytes()[0].is_ascii_digit()) {
                continue;
            }
            let lead = inner.len() - inner.trim_start().len()
                + (line[after..after + close].len() - inner.len());
            let date_start = content.start + after + lead;
            markers.push(Marker {
                whole,
                date: Span::new(date_start, date_start + inner_trim.len()),
                done,
                shape: Shape::Dated,
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
                shape: if token.is_empty() {
                    Shape::Empty
                } else {
                    Shape::Dated
                },
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

#[cfg(test)]
mod tests {
    use crate::problem::ProblemKind;

    const FRONT: &str =
        "---\nowner: Jane Doe\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n---\n";

    /// `(kind, "line:column-line:column", message)` for each problem, in order.
    fn problems(body: &str) -> Vec<(ProblemKind, String, String)> {
        let parsed = crate::plan::parse_str("p.md", format!("{FRONT}{body}"));
        parsed
            .problems
            .iter()
            .map(|p| {
                let (a, b) = (
                    parsed.file.position(p.span.start),
                    parsed.file.position(p.span.end),
                );
                (p.kind, format!("{a}-{b}"), p.message.clone())
            })
            .collect()
    }

    #[test]
    fn a_yaml_fence_is_known_whatever_its_case() {
        for fence in ["yaml", "YAML", "Yaml", "yml", "YML", "Yml {.meta}"] {
            let text =
                format!("{FRONT}## Goal: Run 4 reviews\n\n```{fence}\nmesure: 4\ntarget: 4\n```\n");
            let parsed = crate::plan::parse_str("p.md", text);
            let goal = &parsed.plan.as_ref().unwrap().goals[0];
            assert_eq!(
                goal.target.as_ref().map(|t| t.value.as_str()),
                Some("4"),
                "{fence}"
            );
            let unknown: Vec<String> = parsed
                .problems
                .iter()
                .map(|p| format!("{}: {}", parsed.file.position(p.span.start), p.message))
                .collect();
            assert_eq!(unknown, ["8:1: unknown goal key `mesure`"], "{fence}");
        }
        // Another language is still not the goal's block.
        let text = format!("{FRONT}## Goal: Run 4 reviews\n\n```toml\nmesure = 4\n```\n");
        assert!(crate::plan::parse_str("p.md", text).problems.is_empty());
    }

    #[test]
    fn malformed_date_markers_are_reported_where_they_are() {
        let body = "## Goal: Run 4 reviews\n\n### Actions\n\
                    - [ ] one (due )\n\
                    - [ ] two (due 2026-05-15\n\
                    - [x] three (done 2026-13-40)\n\
                    - [ ] four 📅\n\
                    - [ ] five (done:)\n";
        let found = problems(body);
        let expect = [
            (
                ProblemKind::InvalidDate,
                "8:11-8:17",
                "`(due )` has no date",
            ),
            (
                ProblemKind::InvalidDate,
                "9:11-9:26",
                "`(due 2026-05-15` is never closed: the date is not read",
            ),
            (
                ProblemKind::InvalidDate,
                "10:19-10:29",
                "`2026-13-40` is not a real date: there is no month 13",
            ),
            (ProblemKind::InvalidDate, "11:12-11:13", "`📅` has no date"),
            (
                ProblemKind::InvalidDate,
                "12:12-12:19",
                "`(done:)` has no date",
            ),
        ];
        let expect: Vec<(ProblemKind, String, String)> = expect
            .iter()
            .map(|(k, at, m)| (*k, at.to_string(), m.to_string()))
            .collect();
        assert_eq!(found, expect);
    }

    #[test]
    fn prose_in_parentheses_is_not_a_marker() {
        let body = "## Goal: Run 4 reviews\n\n### Actions\n\
                    - [ ] plan the move (due to the office change\n\
                    - [ ] pay the club (dues paid)\n\
                    - [ ] check (done) twice before\n\
                    - [ ] say why (due to budget) and move on (due 2026-04-01)\n";
        assert_eq!(problems(body), []);
        let parsed = crate::plan::parse_str("p.md", format!("{FRONT}{body}"));
        let actions = &parsed.plan.as_ref().unwrap().goals[0].actions;
        assert_eq!(
            actions[3].due.as_ref().map(|d| d.value.to_string()),
            Some("2026-04-01".into())
        );
        assert_eq!(actions[3].text.value, "say why (due to budget) and move on");
    }

    #[test]
    fn a_broken_marker_is_cut_from_the_action_text_like_a_good_one() {
        let body = "## Goal: Run 4 reviews\n\n### Actions\n- [ ] two (due 2026-05-15\n- [ ] two (due 2026-05-15)\n";
        let parsed = crate::plan::parse_str("p.md", format!("{FRONT}{body}"));
        let actions = &parsed.plan.as_ref().unwrap().goals[0].actions;
        assert_eq!(actions[0].text.value, "two");
        assert_eq!(actions[1].text.value, "two");
        assert!(actions[0].due.is_none());
    }
}
