//! The plan and goal a writing command (`check-in`, `done`) names: found once among the
//! repository's plans (or in `--plan`), read once, and written back only if unchanged since.
//! Shared by those commands, so neither borrows from the other.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::edit::{self, GoalRef};
use crate::output::Output;
use crate::plan::{self, ParsedPlan};
use crate::problem::ProblemKind;
use crate::workspace::Workspace;

/// The plan that holds the goal a command names, read once.
pub(super) struct Target {
    pub shown: String,
    path: PathBuf,
    pub parsed: ParsedPlan,
    pub goal: usize,
}

impl Target {
    /// The goal `id` in the plan `--plan` names, or else among the workspace's plans.
    pub fn find(config: Option<&Path>, plan: Option<&Path>, id: &str) -> anyhow::Result<Target> {
        let files: Vec<(String, PathBuf)> = match plan {
            Some(p) => vec![(p.display().to_string(), p.to_path_buf())],
            None => {
                let mut files = Vec::new();
                for ws in Workspace::open(config, &[])? {
                    for f in ws.plan_files().files {
                        files.push((f.shown.display().to_string(), f.shown));
                    }
                }
                files
            }
        };
        let mut loaded: Vec<(String, PathBuf, ParsedPlan)> = Vec::new();
        for (shown, path) in files {
            let parsed = plan::load(&path);
            if parsed.plan.is_none() && plan.is_some() {
                let why = parsed.problems.first().map_or_else(String::new, |p| {
                    format!("{}: {}", parsed.file.position(p.span.start), p.message)
                });
                anyhow::bail!("{shown}:{why}");
            }
            loaded.push((shown, path, parsed));
        }
        let searched = match plan {
            Some(p) => p.display().to_string(),
            None => "the plans of this repository".to_string(),
        };
        let plans: Vec<(String, &crate::plan::Plan)> = loaded
            .iter()
            .filter_map(|(shown, _, parsed)| Some((shown.clone(), parsed.plan.as_ref()?)))
            .collect();
        let GoalRef { plan: p, goal } = match edit::find_goal(&plans, id, &searched) {
            Ok(found) => found,
            Err(err) => {
                // A goal may be missing only because its file does not parse: say where.
                for (shown, _, parsed) in &loaded {
                    let broken = parsed
                        .problems
                        .iter()
                        .find(|p| matches!(p.kind, ProblemKind::Syntax | ProblemKind::Unreadable));
                    if let Some(problem) = broken {
                        super::note(&format!(
                            "{shown}:{}: {}; goals there could not be read",
                            parsed.file.position(problem.span.start),
                            problem.message
                        ));
                    }
                }
                return Err(err.into());
            }
        };
        // `plans` skipped the unreadable files: count to the one it named.
        let shown_name = plans[p].0.clone();
        let (shown, path, parsed) = loaded
            .into_iter()
            .find(|(s, _, parsed)| *s == shown_name && parsed.plan.is_some())
            .context("the plan went away")?;
        Ok(Target {
            shown,
            path,
            parsed,
            goal,
        })
    }

    pub fn goal_id(&self) -> String {
        self.parsed
            .plan
            .as_ref()
            .map(|p| p.goals[self.goal].id.value.clone())
            .unwrap_or_default()
    }

    /// Writes the edited text atomically, keeping the file's permissions. The file is
    /// checked to be unchanged since it was read, so an edit in between is not lost.
    pub fn write(&self, edited: &str) -> anyhow::Result<()> {
        let now = std::fs::read(&self.path)
            .with_context(|| format!("cannot read {} again", self.shown))?;
        if now != self.parsed.file.text().as_bytes() {
            anyhow::bail!(
                "{} changed while growth ran; nothing written, run it again",
                self.shown
            );
        }
        Output::new(&self.path)?.write(edited.as_bytes())
    }
}
