//! A ladder from a spreadsheet exported as CSV or TSV. The first row is the header: the first
//! column is the competency, optional `Area` and `Description` columns (by header, anywhere
//! after it), and every other column a level, lowest first (the header is the level's name,
//! its slug the id). Each cell is what that level expects; an empty cell inherits the level
//! below's. A cell of bullet or numbered lines is several expectations.

use crate::decode::slug;
use crate::source::Position;

use super::csv::{self, Cell};
use super::ladder::{items, Draft, DraftCompetency, DraftLevel};
use super::ImportError;

enum Column {
    Area,
    Description,
    Level(usize),
}

pub fn import(file: &str, text: &str, tsv_name: bool) -> Result<Draft, ImportError> {
    let fail = |at: Position, message: String| ImportError::new(file, at, message);
    let rows = csv::parse(text, csv::delimiter(text, tsv_name))
        .map_err(|e| fail(e.at, "a quoted cell is never closed".into()))?;
    let Some((header, body)) = rows.split_first() else {
        return Err(fail(
            Position { line: 1, column: 1 },
            "no header row: the first row names the competency column, then one column per level"
                .into(),
        ));
    };
    let mut draft = Draft {
        source: file.to_string(),
        ..Draft::default()
    };
    let mut columns = Vec::new();
    for cell in &header[1..] {
        let name = cell.text.trim();
        match name.to_lowercase().as_str() {
            "area" | "theme" | "category" => columns.push(Column::Area),
            "description" | "summary" => columns.push(Column::Description),
            _ => {
                let id = slug(name);
                if id.is_empty() {
                    return Err(fail(
                        cell.at,
                        format!(
                            "the level column `{name}` has no letters or digits to make an id of"
                        ),
                    ));
                }
                if draft.levels.iter().any(|l| l.id == id) {
                    return Err(fail(
                        cell.at,
                        format!("two level columns make the id `{id}`"),
                    ));
                }
                columns.push(Column::Level(draft.levels.len()));
                draft.levels.push(DraftLevel {
                    name: (name != id).then(|| name.to_string()),
                    id,
                    ..DraftLevel::default()
                });
            }
        }
    }
    if draft.levels.is_empty() {
        return Err(fail(
            header[0].at,
            "no level columns: after the competency column, one column per level, lowest first"
                .into(),
        ));
    }
    draft.guesses.push(format!(
        "level ids from the header: {}",
        (draft.levels.iter())
            .map(|l| match &l.name {
                Some(name) => format!("{} ({name})", l.id),
                None => l.id.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    ));
    for row in body {
        draft
            .competencies
            .extend(competency(file, row, &columns, &draft)?);
    }
    draft.guess_tracks();
    Ok(draft)
}

fn competency(
    file: &str,
    row: &[Cell],
    columns: &[Column],
    draft: &Draft,
) -> Result<Option<DraftCompetency>, ImportError> {
    if let Some(extra) = row
        .get(columns.len() + 1)
        .filter(|c| !c.text.trim().is_empty())
    {
        return Err(ImportError::new(
            file,
            extra.at,
            format!("a cell beyond the header's {} columns", columns.len() + 1),
        ));
    }
    let name = row[0].text.trim();
    let rest = &row[1..];
    if name.is_empty() {
        return match rest.iter().find(|c| !c.text.trim().is_empty()) {
            Some(cell) => Err(ImportError::new(
                file,
                row[0].at,
                format!(
                    "a row without a competency in the first column (its first cell is at {})",
                    cell.at
                ),
            )),
            None => Ok(None),
        };
    }
    let id = slug(name);
    if id.is_empty() || draft.competencies.iter().any(|c| c.id == id) {
        return Err(ImportError::new(
            file,
            row[0].at,
            format!("the competency `{name}` makes the id `{id}`, which is empty or already taken"),
        ));
    }
    let mut c = DraftCompetency {
        id,
        ..DraftCompetency::default()
    };
    let mut description = None;
    for (column, cell) in columns.iter().zip(rest) {
        let text = cell.text.trim();
        if text.is_empty() {
            continue;
        }
        match column {
            Column::Area => c.area = Some(text.to_string()),
            Column::Description => description = Some(items(text).join(" ")),
            Column::Level(at) => c
                .expectations
                .push((draft.levels[*at].id.clone(), items(text))),
        }
    }
    // The ladder has no competency name: a name that is more than its id is kept as the
    // description when there is none.
    c.description = description
        .or_else(|| (name.to_lowercase() != c.id.replace('-', " ")).then(|| name.to_string()));
    Ok(Some(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_text_imports_or_is_refused_without_a_panic() {
        let mut runner = crate::testing::runner(2_000, 7);
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("ladder.yaml");
        runner
            .run(&"[a-cİ\",\t\r\n -]{0,60}", |text| {
                if let Ok(draft) = import("x.csv", &text, false) {
                    // What it makes is a ladder the loader reads.
                    let yaml = draft.to_yaml();
                    std::fs::write(&path, &yaml).unwrap();
                    let loaded = crate::ladder::Ladder::load(&path);
                    proptest::prop_assert!(loaded.is_ok(), "{yaml}\n{:?}", loaded.err());
                }
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{e}"));
    }
}
