//! The HTML report: self-contained, script-free, escaped, well formed, and rendered by a real
//! headless Chromium.
//!
//! The reports come from the binary (`growth report --format html -o FILE`) run on a git repo
//! built here with fixed dates and names, so commit ids and the output are the same on every
//! machine, and on `examples/team`. One plan in the fixture is hostile: every text field tries
//! to inject markup or script.

use std::fs;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use tempfile::TempDir;

const TODAY: &str = "2026-11-01";

const ANA_V1: &str = "---
owner: Ana Silva
role: engineer
target_role: senior-engineer
period: { start: 2026-07-01, end: 2026-12-31 }
review: 2026-12-10
north_star: >-
  Be the person the team trusts with **production**, without heroics.
---

# Ana's plan, H2 2026

## Goal: Resolve on-call pages without escalating

```yaml
id: oncall
focus: operations
measure: I resolve 60% of my on-call pages without escalating
baseline: 20%
target: 60%
due: 2026-12-15
why: I escalate most pages today
relevance: the team needs more people who can close incidents
status: active
```

### Actions
- [ ] Shadow two senior on-call shifts
- [ ] Write runbooks for the three noisiest alerts (due 2026-11-30)

### Check-ins
- 2026-07-20 [25%] first month, mostly escalated
";

const BEN_V1: &str = "---
owner: Ben O'Brien
period: { start: 2026-07-01, end: 2026-12-31 }
north_star: Teach what I learn.
---

## Goal: Give internal tech talks

```yaml
id: talks
type: career
focus: communication
measure: 4 talks at the engineering all-hands
baseline: 0 talks
target: 4 talks
due: 2026-12-20
why: I have material from the migration
status: active
```

### Actions
- [ ] Pitch a talk on the queue migration (due 2026-08-31)
- [ ] Ask for a slot in October

### Check-ins
- 2026-07-15 [0] outline drafted with Sam & Priya <b>
";

const EVE: &str = r#"owner: "Eve <b onmouseover=alert(1)>Mallory</b>"
period: { start: 2026-07-01, end: 2026-12-31 }
title: "Eve's plan </title><script>alert(1)</script>"
north_star: |
  Ship safely. [click](javascript:alert(1)) and ![pixel](https://evil.example/p.png)

  <iframe src="https://evil.example/"></iframe>

  # A heading inside the north star
goals:
  - title: "<script>alert(1)</script>"
    id: hostile
    focus: "<i>focus</i>"
    measure: "3 reviews <style>body{display:none}</style>"
    baseline: "0"
    target: "3"
    due: 2026-12-01
    status: active
    actions:
      - { text: "<img src=x onerror=alert(1)>", done: 2026-08-01 }
      - { text: "'single' & \"double\" quotes", due: 2026-11-20 }
    checkins:
      - { date: 2026-08-02, value: "1", note: "\"><svg onload=alert(1)>" }
"#;

/// A plans repo with three commits over four months.
struct Fixture {
    root: TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let fixture = Fixture {
            root: TempDir::new().unwrap(),
        };
        fs::create_dir_all(fixture.home()).unwrap();
        fs::create_dir_all(fixture.repo()).unwrap();
        fixture.git(&["init", "-q"], "2026-07-01T09:00:00+00:00");
        fixture.write("plans/ana/2026-h2.md", ANA_V1);
        fixture.write("plans/ben/2026-h2.md", BEN_V1);
        fixture.write("plans/eve/2026-h2.yaml", EVE);
        fixture.commit("Start the H2 plans", "2026-07-21T10:00:00+00:00");
        // Ana checks a box without a date (git dates it) and adds a check-in; Ben checks in.
        let ana = ANA_V1.replace("- [ ] Shadow two", "- [x] Shadow two");
        let ana = format!("{ana}- 2026-08-18 [35%] two shadow shifts done\n");
        fixture.write("plans/ana/2026-h2.md", &ana);
        let ben = BEN_V1.replace("- [ ] Pitch", "- [x] Pitch");
        fixture.write(
            "plans/ben/2026-h2.md",
            &format!("{ben}- 2026-08-25 [1] queue talk given\n"),
        );
        fixture.commit("August check-ins", "2026-08-26T16:30:00+00:00");
        let ana = ana.replace(
            "- [ ] Write runbooks for the three noisiest alerts (due 2026-11-30)",
            "- [x] Write runbooks for the three noisiest alerts (done 2026-10-03)",
        );
        fixture.write(
            "plans/ana/2026-h2.md",
            &format!("{ana}- 2026-10-06 [45%] runbooks cut escalations\n"),
        );
        fixture.write(
            "plans/ben/2026-h2.md",
            &format!("{ben}- 2026-08-25 [1] queue talk given\n- 2026-10-20 [2] second talk\n"),
        );
        fixture.commit("October check-ins", "2026-10-21T11:00:00+00:00");
        fixture
    }

    fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    fn repo(&self) -> PathBuf {
        self.root.path().join("repo")
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.repo().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    fn commit(&self, message: &str, date: &str) {
        self.git(&["add", "-A"], date);
        self.git(&["commit", "-q", "-m", message], date);
    }

    fn git(&self, args: &[&str], date: &str) {
        let status = Process::new("git")
            .args([
                "-c",
                "init.defaultBranch=main",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(self.repo())
            // Run from a git hook, these would point git at another repository.
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .env("HOME", self.home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Ana Silva")
            .env("GIT_AUTHOR_EMAIL", "ana@example.com")
            .env("GIT_COMMITTER_NAME", "Ana Silva")
            .env("GIT_COMMITTER_EMAIL", "ana@example.com")
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?} failed");
    }

    /// `growth report --format html` in the repo, with `args` appended.
    fn report(&self, args: &[&str]) -> String {
        let out = self.root.path().join("report.html");
        Command::cargo_bin("growth")
            .unwrap()
            .current_dir(self.repo())
            .env("HOME", self.home())
            .env("GROWTH_TODAY", TODAY)
            .args(["report", "--format", "html", "-o"])
            .arg(&out)
            .args(args)
            .assert()
            .success();
        fs::read_to_string(out).unwrap()
    }
}

fn examples_report(out: &Path) -> String {
    Command::cargo_bin("growth")
        .unwrap()
        .env("GROWTH_TODAY", "2026-11-22")
        .args(["report", "examples/team", "--format", "html", "-o"])
        .arg(out)
        .assert()
        .success();
    fs::read_to_string(out).unwrap()
}

/// A start or end tag, as far as these checks need one.
#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: Vec<(String, String)>,
}

/// Splits HTML into its tags. Text never holds a raw `<` in escaped output, so every `<` starts
/// a tag, a comment or the doctype; `<style>` content is skipped whole.
fn tags(html: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('!') {
            rest = &after[after.find('>').expect("unclosed <!") + 1..];
            continue;
        }
        let closing = rest.starts_with('/');
        let body = rest.trim_start_matches('/');
        let name_len = body
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap_or(body.len());
        let name = body[..name_len].to_ascii_lowercase();
        assert!(
            !name.is_empty(),
            "a `<` that starts no tag: {:?}",
            &rest[..rest.len().min(60)]
        );
        let mut attrs = Vec::new();
        let mut chars = body[name_len..].char_indices().peekable();
        let mut end = None;
        let mut self_closing = false;
        while let Some((i, c)) = chars.next() {
            match c {
                '>' => {
                    end = Some(name_len + i + 1);
                    break;
                }
                '/' => self_closing = true,
                c if c.is_whitespace() => {}
                _ => {
                    let mut key = String::from(c);
                    while let Some(&(_, c)) = chars.peek() {
                        if c == '=' || c == '>' || c == '/' || c.is_whitespace() {
                            break;
                        }
                        key.push(c);
                        chars.next();
                    }
                    let mut value = String::new();
                    if chars.peek().is_some_and(|&(_, c)| c == '=') {
                        chars.next();
                        let quote = chars
                            .peek()
                            .map(|&(_, c)| c)
                            .filter(|c| *c == '"' || *c == '\'');
                        if quote.is_some() {
                            chars.next();
                        }
                        while let Some(&(_, c)) = chars.peek() {
                            if quote.map_or(c.is_whitespace() || c == '>', |q| c == q) {
                                break;
                            }
                            value.push(c);
                            chars.next();
                        }
                        if quote.is_some() {
                            chars.next();
                        }
                    }
                    attrs.push((key.to_ascii_lowercase(), value));
                }
            }
        }
        let end = end.expect("unclosed tag");
        rest = &body[end..];
        if name == "style" && !closing {
            rest = &rest[rest.find("</style>").expect("unclosed <style>")..];
        }
        tags.push(Tag {
            name,
            closing,
            self_closing,
            attrs,
        });
    }
    tags
}

/// Every element is closed, in order (void elements and `/>` aside).
fn assert_balanced(html: &str) {
    const VOID: [&str; 6] = ["meta", "br", "hr", "img", "input", "link"];
    let mut stack: Vec<String> = Vec::new();
    for tag in tags(html) {
        if tag.self_closing || VOID.contains(&tag.name.as_str()) {
            continue;
        }
        if tag.closing {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{}> closes nothing", tag.name));
            assert_eq!(
                open, tag.name,
                "<{open}> closed by </{}>; open: {stack:?}",
                tag.name
            );
        } else {
            stack.push(tag.name);
        }
    }
    assert!(stack.is_empty(), "never closed: {stack:?}");
}

/// No element can run script or fetch anything.
fn assert_inert(html: &str) {
    for tag in tags(html) {
        for banned in [
            "script", "iframe", "link", "img", "object", "embed", "base", "form", "frame",
        ] {
            assert_ne!(tag.name, banned, "a <{banned}> element: {tag:?}");
        }
        for (key, value) in &tag.attrs {
            assert!(
                !key.starts_with("on"),
                "an event handler attribute: {tag:?}"
            );
            assert!(
                !["src", "srcset", "action", "formaction", "xlink:href"].contains(&key.as_str()),
                "{key}= in {tag:?}"
            );
            let value = value.trim().to_ascii_lowercase();
            assert!(
                !value.starts_with("javascript:") && !value.starts_with("vbscript:"),
                "a script URL: {tag:?}"
            );
            if key == "href" {
                // Links the author wrote are fine to follow; nothing else may point outside.
                assert!(
                    tag.name == "a"
                        && (value.is_empty()
                            || value.starts_with('#')
                            || value.starts_with("http")),
                    "{tag:?}"
                );
            }
            if key == "style" {
                assert!(!value.contains("url("), "a style that fetches: {tag:?}");
            }
        }
    }
}

/// The checks every HTML report must pass.
fn assert_self_contained(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<title>") && html.contains("<meta charset=\"utf-8\">"));
    assert!(!html.to_ascii_lowercase().contains("<script"));
    assert!(!html.to_ascii_lowercase().contains("javascript:"));
    assert!(!html.contains("<link") && !html.contains("@import") && !html.contains("url("));
    assert!(html.contains("<svg"), "no chart");
    assert!(html.contains("@media print"));
    assert_balanced(html);
    assert_inert(html);
}

#[test]
fn fixture_report_is_self_contained_and_complete() {
    let fixture = Fixture::new();
    let html = fixture.report(&[]);
    assert_self_contained(&html);
    assert!(html.contains("<title>Growth report: Team (2026-11-01)</title>"));
    for text in [
        "Team summary",
        "Focus areas",
        "Not checked in",
        "Ana Silva",
        "Ben O&#39;Brien",
        "engineer → senior-engineer",
    ] {
        assert!(html.contains(text), "missing {text:?}");
    }
    // Progress charts for goals with numeric check-ins, and the actions and team charts.
    assert_eq!(html.matches("aria-label=\"Progress over time:").count(), 3);
    assert_eq!(
        html.matches("aria-label=\"Actions done over time").count(),
        3
    );
    assert!(html.contains("aria-label=\"Actions done and check-ins per person in the range\""));
    // Ana's first action was checked without a date: the commit that checked it dates it.
    assert!(html.contains(
        "done 2026-08-26 <span class=\"src\" title=\"the commit that checked it\">git</span>"
    ));
    assert!(html.contains(
        "done 2026-10-03 <span class=\"src\" title=\"the date stated in the plan\">stated</span>"
    ));
    assert!(html.contains("Baseline <b>20%</b> → latest <b>45%</b> → target <b>60%</b>"));
    assert!(
        html.contains("<span style=\"width:62.5%\"></span>"),
        "(45 - 20) / (60 - 20)"
    );
    assert!(html.contains("<ul class=\"smart\" aria-label=\"SMART checklist: SMART\">"));
    // Each plan prints on pages of its own.
    assert!(html.contains(".card + .plan { break-before: page; }"));
}

#[test]
fn hostile_plan_text_is_escaped_or_dropped() {
    let fixture = Fixture::new();
    let html = fixture.report(&[]);
    assert_self_contained(&html);
    for escaped in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(1)&gt;",
        "&quot;&gt;&lt;svg onload=alert(1)&gt;",
        "Eve &lt;b onmouseover=alert(1)&gt;Mallory&lt;/b&gt;",
        "3 reviews &lt;style&gt;body{display:none}&lt;/style&gt;",
        "&#39;single&#39; &amp; &quot;double&quot; quotes",
        "&lt;i&gt;focus&lt;/i&gt;",
        "outline drafted with Sam &amp; Priya &lt;b&gt;",
        "Eve&#39;s plan &lt;/title&gt;&lt;script&gt;",
    ] {
        assert!(html.contains(escaped), "missing escaped text {escaped:?}");
    }
    // North star Markdown: the script link loses its URL, the raw iframe is shown as text, the
    // image becomes a link (nothing is fetched), the heading sits below the report's own.
    assert!(html.contains("<a href=\"\">click</a>"));
    assert!(html.contains("&lt;iframe src=&quot;https://evil.example/&quot;&gt;&lt;/iframe&gt;"));
    assert!(html.contains("<a href=\"https://evil.example/p.png\">pixel</a>"));
    assert!(html.contains("<h5>A heading inside the north star</h5>"));
    assert!(!html.contains("<iframe") && !html.contains("<img") && !html.contains("<i>"));
}

#[test]
fn escape_covers_text_and_attributes() {
    use growth::report::html::escape;
    assert_eq!(
        escape(r#"<a href="x" title='y'>&amp;</a>"#),
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
    );
    assert_eq!(escape("plain → text"), "plain → text");
}

#[test]
fn examples_report_is_self_contained() {
    let dir = TempDir::new().unwrap();
    let html = examples_report(&dir.path().join("team.html"));
    assert_self_contained(&html);
    assert_eq!(html.matches("<article class=\"card plan\"").count(), 4);
    assert!(html.contains("Ladder coverage"));
}

#[test]
fn output_is_deterministic() {
    let fixture = Fixture::new();
    assert_eq!(fixture.report(&[]), fixture.report(&[]));
}

#[test]
fn small_report_snapshot() {
    let fixture = Fixture::new();
    let html = fixture.report(&["--owner", "ana"]);
    assert_self_contained(&html);
    // The stylesheet is checked above; the snapshot is about the markup.
    let body = &html[html.find("<body>").unwrap()..];
    insta::assert_snapshot!("small_report_body", body);
}

/// Runs a command, killing it after `limit`; stdout goes to `stdout`. A page that calls
/// `alert()` blocks headless Chromium forever, so the limit is also how such a page fails.
fn run_with_timeout(cmd: &mut Process, stdout: &Path, limit: Duration) {
    let mut child = cmd
        // Its own process group, so a timeout ends the renderer processes as well.
        .process_group(0)
        .stdout(Stdio::from(fs::File::create(stdout).unwrap()))
        .stderr(Stdio::from(
            fs::File::create(stdout.with_extension("stderr")).unwrap(),
        ))
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let stderr = fs::read_to_string(stdout.with_extension("stderr")).unwrap_or_default();
            assert!(status.success(), "chromium failed ({status}):\n{stderr}");
            return;
        }
        if start.elapsed() > limit {
            let _ = Process::new("kill")
                .arg("-KILL")
                .arg(format!("-{}", child.id()))
                .status();
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn chromium(profile: &Path, home: &Path) -> Process {
    let mut cmd = Process::new("/usr/bin/chromium");
    cmd.env("HOME", home).args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]);
    cmd.arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

#[test]
fn renders_in_headless_chromium() {
    if !Path::new("/usr/bin/chromium").exists() {
        // CI installs it (.ci/run), so there a missing browser is a failure, not a skip.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but /usr/bin/chromium is not installed"
        );
        println!("skipped: chromium not installed");
        return;
    }
    let dir = TempDir::new().unwrap();
    let report = dir.path().join("report.html");
    examples_report(&report);
    let screenshot = dir.path().join("report.png");
    let mut shot = chromium(&dir.path().join("profile-1"), dir.path());
    shot.arg(format!("--screenshot={}", screenshot.display()))
        .arg("--window-size=1200,2000")
        .arg(format!("file://{}", report.display()));
    run_with_timeout(
        &mut shot,
        &dir.path().join("screenshot.out"),
        Duration::from_secs(60),
    );
    let size = fs::metadata(&screenshot).expect("no screenshot").len();
    assert!(
        size > 10_000,
        "the screenshot is {size} bytes: a blank page?"
    );
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    fs::create_dir_all(&target).unwrap();
    fs::copy(&screenshot, target.join("report-screenshot.png")).unwrap();

    let fixture = Fixture::new();
    let hostile = dir.path().join("hostile.html");
    fs::write(&hostile, fixture.report(&[])).unwrap();
    let dom = dir.path().join("hostile-dom.html");
    let mut dump = chromium(&dir.path().join("profile-2"), dir.path());
    dump.arg("--dump-dom")
        .arg(format!("file://{}", hostile.display()));
    run_with_timeout(&mut dump, &dom, Duration::from_secs(60));
    let dom = fs::read_to_string(dom).unwrap();
    // The browser parsed the page into the elements we wrote, and the hostile text is text.
    assert!(
        dom.contains("<svg") && dom.contains("Team summary"),
        "unexpected DOM:\n{dom}"
    );
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let lower = dom.to_ascii_lowercase();
    assert!(!lower.contains("<script") && !lower.contains("<iframe"));
    assert!(
        !lower.contains("onerror=\"")
            && !lower.contains("onload=\"")
            && !lower.contains("href=\"javascript:")
    );
    assert_inert(&dom);
}

/// The print stylesheet: a goal is kept on one page where it fits, and names and titles wrap
/// between words (the screen's `overflow-wrap: anywhere` lets a table squeeze a name into a
/// letter a line).
#[test]
fn print_keeps_goals_whole_and_names_unbroken() {
    let html = Fixture::new().report(&["--owner", "ana"]);
    let print = &html[html.find("@media print").expect("a print stylesheet")..];
    let print = &print[..print.find("</style>").expect("its end")];
    assert!(
        print.contains(".goal-body { break-inside: avoid; }"),
        "{print}"
    );
    assert!(html.contains("<section class=\"goal\" id=\"plan-1-goal-1\" aria-labelledby=\"plan-1-goal-1-h\">\n<div class=\"goal-body\">"));
    assert!(print.contains(
        "th, td, .goal-head h3, .goal-facts dd, .actions .text, .focus .area { overflow-wrap: break-word; }"
    ));
    assert!(print.contains(".card + .plan { break-before: page; }"));
}
