//! A ladder being imported: levels and competencies in file order, what was guessed on the
//! way, and the `ladder.yaml` text it becomes. Every text is written as a double-quoted YAML
//! scalar (JSON's escapes are YAML's), so no spreadsheet cell can change the structure.

use std::fmt::Write as _;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftLevel {
    pub id: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub track: Option<String>,
    /// Written only where the default order would say something else.
    pub after: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftCompetency {
    pub id: String,
    pub area: Option<String>,
    pub description: Option<String>,
    /// By level id, in level order; each one text or several.
    pub expectations: Vec<(String, Vec<String>)>,
}

#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// Where it came from, for the header comment.
    pub source: String,
    pub levels: Vec<DraftLevel>,
    pub competencies: Vec<DraftCompetency>,
    /// What the import decided without the file saying so, one line each (for stderr).
    pub guesses: Vec<String>,
}

/// The track a level's id or name suggests: `ic` for an individual contributor (`-ic`,
/// "Individual Contributor", "(IC)"), `manager` for a people manager (`-pm`, `-em`,
/// "People Manager", "Manager").
pub fn guess_track(id: &str, name: &str) -> Option<&'static str> {
    let name = name.to_lowercase();
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if id.ends_with("-ic") || name.contains("individual contributor") || words.contains(&"ic") {
        Some("ic")
    } else if id.ends_with("-pm")
        || id.ends_with("-em")
        || words
            .iter()
            .any(|w| matches!(*w, "manager" | "management" | "em" | "pm"))
    {
        Some("manager")
    } else {
        None
    }
}

impl Draft {
    /// Sets each level's track from its id and name, and the `after` that keeps the order
    /// right where the default would not: a track's first level follows the last shared
    /// level before it, and a shared level after a fork follows the last level of each track.
    pub fn guess_tracks(&mut self) {
        for level in &mut self.levels {
            if level.track.is_none() {
                let name = level.name.clone().unwrap_or_default();
                if let Some(track) = guess_track(&level.id, &name) {
                    self.guesses.push(format!(
                        "level `{}` is on track `{track}` (from its {})",
                        level.id,
                        if level.id.ends_with("-ic")
                            || level.id.ends_with("-pm")
                            || level.id.ends_with("-em")
                        {
                            "id"
                        } else {
                            "name"
                        }
                    ));
                    level.track = Some(track.to_string());
                }
            }
        }
        let mut last_shared: Option<usize> = None;
        let mut last_of: Vec<(String, usize)> = Vec::new();
        for i in 0..self.levels.len() {
            let track = self.levels[i].track.clone();
            match &track {
                Some(t) => {
                    if !last_of.iter().any(|(x, _)| x == t) {
                        // Its default is the previous level in the list.
                        if let Some(shared) = last_shared.filter(|s| Some(*s) != i.checked_sub(1)) {
                            let after = self.levels[shared].id.clone();
                            self.guesses.push(format!(
                                "level `{}` starts track `{t}` after `{after}`",
                                self.levels[i].id
                            ));
                            self.levels[i].after = vec![after];
                        }
                    }
                    last_of.retain(|(x, _)| x != t);
                    last_of.push((t.clone(), i));
                }
                None => {
                    if !last_of.is_empty() {
                        let after: Vec<String> = last_of
                            .iter()
                            .map(|(_, at)| self.levels[*at].id.clone())
                            .collect();
                        self.guesses.push(format!(
                            "level `{}` follows every track: after {}",
                            self.levels[i].id,
                            after
                                .iter()
                                .map(|a| format!("`{a}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ));
                        self.levels[i].after = after;
                        last_of.clear();
                    }
                    last_shared = Some(i);
                }
            }
        }
    }

    pub fn to_yaml(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# Imported by `growth ladder import` from {}",
            one_line(&self.source)
        );
        out.push_str("levels:\n");
        for level in &self.levels {
            let mut fields = vec![format!("id: {}", quote(&level.id))];
            let mut push = |key: &str, value: &Option<String>| {
                if let Some(v) = value {
                    fields.push(format!("{key}: {}", quote(v)));
                }
            };
            push("name", &level.name);
            push("description", &level.description);
            push("track", &level.track);
            match level.after.as_slice() {
                [] => {}
                [one] => fields.push(format!("after: {}", quote(one))),
                many => fields.push(format!("after: [{}]", list(many))),
            }
            let _ = writeln!(out, "  - {{ {} }}", fields.join(", "));
        }
        if self.competencies.is_empty() {
            return out;
        }
        out.push_str("competencies:\n");
        for c in &self.competencies {
            let _ = writeln!(out, "  - id: {}", quote(&c.id));
            if let Some(area) = &c.area {
                let _ = writeln!(out, "    area: {}", quote(area));
            }
            if let Some(description) = &c.description {
                let _ = writeln!(out, "    description: {}", quote(description));
            }
            if c.expectations.is_empty() {
                continue;
            }
            out.push_str("    expectations:\n");
            for (level, items) in &c.expectations {
                match items.as_slice() {
                    [one] => {
                        let _ = writeln!(out, "      {}: {}", quote(level), quote(one));
                    }
                    many => {
                        let _ = writeln!(out, "      {}:", quote(level));
                        for item in many {
                            let _ = writeln!(out, "        - {}", quote(item));
                        }
                    }
                }
            }
        }
        out
    }
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| quote(s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An id-like word as it is, anything else as a double-quoted scalar.
fn quote(s: &str) -> String {
    let plain = s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !matches!(
            s,
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A cell's text as expectations: one per line when every line is a bullet or a numbered
/// item (the marker dropped), else the text itself with its lines joined.
pub fn items(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let marked: Vec<Option<&str>> = lines.iter().map(|l| unmarked(l)).collect();
    if lines.len() > 1 && marked.iter().all(Option::is_some) {
        return marked.into_iter().flatten().map(str::to_string).collect();
    }
    let joined = lines.join(" ");
    if joined.is_empty() {
        Vec::new()
    } else {
        vec![joined]
    }
}

/// A list item's text without its marker (`- `, `* `, `• `, `1. `, `2) `).
fn unmarked(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix(['-', '*', '•']) {
        return rest.starts_with(' ').then(|| rest.trim());
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = line[digits..].strip_prefix(['.', ')'])?;
    (digits > 0 && rest.starts_with(' ')).then(|| rest.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_of_bullets_is_several_expectations_and_prose_is_one() {
        assert_eq!(items("- Runs reviews\n- Hires"), ["Runs reviews", "Hires"]);
        assert_eq!(items("1. Plans\n2) Leads\n"), ["Plans", "Leads"]);
        assert_eq!(
            items("Designs systems\nacross teams"),
            ["Designs systems across teams"]
        );
        assert_eq!(items("2.5 years of on-call"), ["2.5 years of on-call"]);
        assert!(items("  \n").is_empty());
        assert_eq!(
            guess_track("senior-2-pm", "Senior Engineer 2"),
            Some("manager")
        );
        assert_eq!(guess_track("s2", "Senior 2 (IC)"), Some("ic"));
        assert_eq!(guess_track("staff", "Staff Engineer"), None);
    }
}
