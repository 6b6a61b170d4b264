//! A ladder from the Financial Times' job-family YAML (github.com/Financial-Times/
//! engineering-progression, `data/job-families/*.yml`): `levels` (id, name), `themes` (id,
//! name, summary) and `competencies`, each one level's expectation in one theme (`level`,
//! `theme`, `summary`, `proficiency`). A theme becomes a competency; each FT competency
//! becomes what its level expects there, its proficiency first (`Practitioner: …`). The IC /
//! people-manager fork (`senior-2-ic`, `senior-2-pm`) becomes two tracks.

use crate::source::SourceFile;
use crate::yaml::{Node, Value};

use super::ladder::{items, Draft, DraftCompetency, DraftLevel};
use super::ImportError;

/// Whether `root` looks like an FT job family: `levels`, `themes` and `competencies`.
pub fn is_job_family(root: &Node) -> bool {
    ["levels", "themes", "competencies"]
        .iter()
        .all(|k| get(root, k).is_some())
}

fn get<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    match &node.value {
        Value::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
        _ => None,
    }
}

fn text(node: &Node, key: &str) -> Option<String> {
    match &get(node, key)?.value {
        Value::Str(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Int(i) => Some(i.to_string()),
        _ => None,
    }
}

fn seq(node: &Node) -> &[Node] {
    match &node.value {
        Value::Seq(items) => items,
        _ => &[],
    }
}

pub fn import(file: &SourceFile, root: &Node) -> Result<Draft, ImportError> {
    let name = file.path().display().to_string();
    let fail = |node: &Node, message: String| {
        ImportError::new(&name, file.position(node.span.start), message)
    };
    let mut draft = Draft {
        source: name.clone(),
        ..Draft::default()
    };
    let levels = get(root, "levels").map_or(&[][..], seq);
    for level in levels {
        let id = text(level, "id").ok_or_else(|| fail(level, "a level without an `id`".into()))?;
        draft.levels.push(DraftLevel {
            id,
            name: text(level, "name"),
            ..DraftLevel::default()
        });
    }
    for theme in get(root, "themes").map_or(&[][..], seq) {
        let id = text(theme, "id").ok_or_else(|| fail(theme, "a theme without an `id`".into()))?;
        let summary = text(theme, "summary").map(|s| items(&s).join(" "));
        let description = match (text(theme, "name"), summary) {
            (Some(n), Some(s)) => Some(format!("{n}: {s}")),
            (n, s) => n.or(s),
        };
        draft.competencies.push(DraftCompetency {
            id,
            description,
            ..DraftCompetency::default()
        });
    }
    let mut count = 0;
    for entry in get(root, "competencies").map_or(&[][..], seq) {
        let level = text(entry, "level")
            .ok_or_else(|| fail(entry, "a competency without a `level`".into()))?;
        let theme = text(entry, "theme")
            .ok_or_else(|| fail(entry, "a competency without a `theme`".into()))?;
        let Some(at) = draft.levels.iter().position(|l| l.id == level) else {
            return Err(fail(
                get(entry, "level").unwrap_or(entry),
                format!("`level: {level}` is not one of the job family's levels"),
            ));
        };
        let Some(c) = draft.competencies.iter_mut().find(|c| c.id == theme) else {
            return Err(fail(
                get(entry, "theme").unwrap_or(entry),
                format!("`theme: {theme}` is not one of the job family's themes"),
            ));
        };
        let mut said = text(entry, "summary").map_or_else(Vec::new, |s| items(&s));
        if let (Some(p), Some(first)) = (text(entry, "proficiency"), said.first_mut()) {
            *first = format!("{p}: {first}");
        }
        if said.is_empty() {
            continue;
        }
        count += 1;
        let level_id = draft.levels[at].id.clone();
        match c.expectations.iter_mut().find(|(l, _)| *l == level_id) {
            Some((_, existing)) => existing.extend(said),
            None => c.expectations.push((level_id, said)),
        }
    }
    // Level order, as the ladder reads them.
    let order = |id: &str| draft.levels.iter().position(|l| l.id == id);
    let mut competencies = std::mem::take(&mut draft.competencies);
    for c in &mut competencies {
        c.expectations.sort_by_key(|(l, _)| order(l));
    }
    draft.competencies = competencies;
    draft.guesses.push(format!(
        "{} themes became competencies, holding {count} FT competencies as their levels' expectations",
        draft.competencies.len()
    ));
    draft.guess_tracks();
    Ok(draft)
}
