//! Evidence an action cites, checked against git: the revision exists, its author is the
//! plan's owner, and its date fits the plan's period and the action's done date.
//!
//! A revision is a commit or tag of the plans' repository, or `NAME@REV` for a repository
//! named in `evidence_repos`; a URL is kept as cited and never judged (it cannot be checked
//! offline). Only read: no repository is written, fetched or changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use git2::Repository;

use crate::plan::Plan;
use crate::source::{Span, Spanned};

/// What checking evidence needs besides the plan.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `evidence_repos`: name → path (already resolved against the config's directory).
    pub repos: Vec<(String, PathBuf)>,
    /// How many days after an action's done date its evidence may be dated.
    pub backdate_days: u32,
}

/// How a cited piece of evidence fared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The revision exists, by the owner, inside the dates.
    Verified,
    /// What failed, in words: "no revision `abc1234` in the plans' repository".
    Unverified(Vec<String>),
    /// A URL: kept, not checked.
    Url,
}

/// One piece of evidence, where it is cited and what git says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub goal: String,
    /// The action's text; `None` for evidence of the goal itself.
    pub action: Option<String>,
    pub cited: String,
    pub span: Span,
    pub status: Status,
    /// The revision's commit (short id), author and author date, when it was found.
    pub commit: Option<String>,
    pub author: Option<String>,
    pub date: Option<NaiveDate>,
}

impl Checked {
    /// "verified: abc1234 by Jane Doe on 2026-02-03", "not verified: …", "a link, not checked".
    pub fn words(&self) -> String {
        match &self.status {
            Status::Url => "a link, not checked".into(),
            Status::Verified => format!(
                "verified: {} by {} on {}",
                self.commit.as_deref().unwrap_or(""),
                self.author.as_deref().unwrap_or(""),
                self.date.map(|d| d.to_string()).unwrap_or_default()
            ),
            Status::Unverified(why) => format!("not verified: {}", why.join("; ")),
        }
    }
}

/// Whether a citation is a URL rather than a revision.
pub fn is_url(cited: &str) -> bool {
    cited.contains("://") || cited.starts_with("mailto:")
}

/// Checks every piece of evidence the plan at `path` cites; empty (and no repository opened)
/// when it cites none.
pub fn check(plan: &Plan, path: &Path, settings: &Settings) -> Vec<Checked> {
    let cited: Vec<(&str, Option<&crate::plan::Action>, &Spanned<String>)> = (plan.goals.iter())
        .flat_map(|g| {
            let own = g
                .evidence
                .iter()
                .map(move |e| (g.id.value.as_str(), None, e));
            let actions = (g.actions.iter()).flat_map(move |a| {
                a.evidence
                    .iter()
                    .map(move |e| (g.id.value.as_str(), Some(a), e))
            });
            own.chain(actions)
        })
        .collect();
    if cited.is_empty() {
        return Vec::new();
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let mut repos = Repos {
        plans: Repository::discover(dir.unwrap_or(Path::new("."))).ok(),
        named: HashMap::new(),
        settings,
    };
    cited
        .into_iter()
        .map(|(goal, action, e)| {
            let mut checked = Checked {
                goal: goal.to_string(),
                action: action.map(|a| a.text.value.clone()),
                cited: e.value.clone(),
                span: e.span,
                status: Status::Url,
                commit: None,
                author: None,
                date: None,
            };
            if !is_url(&e.value) {
                let done = action.and_then(|a| a.done_on.as_ref()).map(|d| d.value);
                repos.verify(plan, &e.value, done, &mut checked);
            }
            checked
        })
        .collect()
}

/// The repositories evidence is looked up in, opened once each.
struct Repos<'s> {
    plans: Option<Repository>,
    named: HashMap<String, Result<Repository, String>>,
    settings: &'s Settings,
}

impl Repos<'_> {
    /// Which repository `cited` is in, and the revision within it.
    fn split<'c>(&mut self, cited: &'c str) -> Result<(&Repository, &'c str, String), String> {
        if let Some((name, rev)) = cited.split_once('@') {
            // `HEAD@{1}` and friends are revisions of the plans' repository.
            let is_name = !name.is_empty()
                && !rev.starts_with('{')
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || "-_.".contains(c));
            if is_name {
                let Some((_, path)) = self.settings.repos.iter().find(|(n, _)| n == name) else {
                    return Err(format!("no repository `{name}` in `evidence_repos`"));
                };
                let opened = self.named.entry(name.to_string()).or_insert_with(|| {
                    Repository::open(path).map_err(|_| {
                        format!(
                            "repository `{name}` not found at {}",
                            crate::paths::shown(path).display()
                        )
                    })
                });
                let label = format!("repository `{name}`");
                return match opened {
                    Ok(repo) => Ok((repo, rev, label)),
                    Err(why) => Err(why.clone()),
                };
            }
        }
        match &self.plans {
            Some(repo) => Ok((repo, cited, "the plans' repository".into())),
            None => Err("the plans are not in a git repository".into()),
        }
    }

    fn verify(&mut self, plan: &Plan, cited: &str, done: Option<NaiveDate>, out: &mut Checked) {
        let backdate_days = self.settings.backdate_days;
        let (repo, rev, label) = match self.split(cited) {
            Ok(found) => found,
            Err(why) => {
                out.status = Status::Unverified(vec![why]);
                return;
            }
        };
        let commit = match repo.revparse_single(rev).and_then(|o| o.peel_to_commit()) {
            Ok(c) => c,
            Err(_) => {
                out.status = Status::Unverified(vec![format!("no revision `{rev}` in {label}")]);
                return;
            }
        };
        let author = commit.author();
        let name = String::from_utf8_lossy(author.name_bytes()).into_owned();
        let email = String::from_utf8_lossy(author.email_bytes()).into_owned();
        let date = crate::history::time::author_day(&author.when());
        let id = commit.id().to_string();
        out.commit = Some(id[..7.min(id.len())].to_string());
        out.author = Some(name.clone());
        out.date = Some(date);
        let mut failed = Vec::new();
        if !by_owner(plan, repo, &author) {
            let owner = plan.owner.as_ref().map_or("(none)", |o| o.value.as_str());
            failed.push(format!(
                "authored by {name} <{email}>, not the plan's owner ({owner})"
            ));
        }
        if let Some(p) = &plan.period {
            if date < p.start.value || date > p.end.value {
                failed.push(format!(
                    "dated {date}, outside the plan's period ({} to {})",
                    p.start.value, p.end.value
                ));
            }
        }
        if let Some(done) = done {
            let latest = done + chrono::Days::new(u64::from(backdate_days));
            if date > latest {
                failed.push(format!(
                    "dated {date}, after the action was done ({done}) by more than {backdate_days} days"
                ));
            }
        }
        out.status = match failed.is_empty() {
            true => Status::Verified,
            false => Status::Unverified(failed),
        };
    }
}

/// Whether `author` is the plan's owner: by name or email, directly, through `aliases:`, or
/// through the repository's `.mailmap`.
fn by_owner(plan: &Plan, repo: &Repository, author: &git2::Signature) -> bool {
    let mut names: Vec<String> = plan.owner.iter().map(|o| o.value.clone()).collect();
    names.extend(plan.aliases.iter().map(|a| a.value.clone()));
    let names: Vec<String> = names.iter().map(|n| n.trim().to_lowercase()).collect();
    let text = |b: &[u8]| String::from_utf8_lossy(b).trim().to_lowercase();
    let mut seen = vec![(text(author.name_bytes()), text(author.email_bytes()))];
    if let Ok(mapped) = repo.mailmap().and_then(|m| m.resolve_signature(author)) {
        seen.push((text(mapped.name_bytes()), text(mapped.email_bytes())));
    }
    seen.iter().any(|(name, email)| {
        names
            .iter()
            .any(|n| n == name || (!email.is_empty() && n == email))
    })
}
