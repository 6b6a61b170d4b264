//! A file that is not usable (config, ladder), with every problem found in it.

use std::fmt;

use crate::problem::Problem;
use crate::source::SourceFile;

/// The problems of one file, printed one per line as `path:line:col: message`.
#[derive(Debug, thiserror::Error)]
pub struct InvalidFile {
    pub file: SourceFile,
    pub problems: Vec<Problem>,
}

impl fmt::Display for InvalidFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            let at = self.file.position(p.span.start);
            write!(f, "{}:{at}: {}", self.file.path().display(), p.message)?;
            if let Some(help) = &p.help {
                write!(f, " ({help})")?;
            }
        }
        Ok(())
    }
}

impl InvalidFile {
    /// `Ok(value)` when there are no problems.
    pub fn check<T>(file: SourceFile, problems: Vec<Problem>, value: T) -> Result<T, InvalidFile> {
        if problems.is_empty() {
            Ok(value)
        } else {
            Err(InvalidFile { file, problems })
        }
    }
}

/// Reads a YAML file (config, ladder) into a spanned tree, or says why it cannot.
pub fn read_yaml(path: &std::path::Path) -> Result<(SourceFile, crate::yaml::Node), InvalidFile> {
    use crate::problem::ProblemKind;
    use crate::source::Span;
    // A config or a ladder is found or named in a config, never piped in: opening a FIFO
    // would wait for a writer that never comes.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(InvalidFile {
            file: SourceFile::new(path, String::new()),
            problems: vec![Problem::new(
                ProblemKind::Unreadable,
                Span::at(0),
                "not a regular file (a FIFO, a device or a directory); growth reads config and ladder files only",
            )],
        });
    }
    let text = crate::source::read_text(path).map_err(|err| InvalidFile {
        file: SourceFile::new(path, String::new()),
        problems: vec![Problem::new(
            ProblemKind::Unreadable,
            Span::at(0),
            err.to_string(),
        )],
    })?;
    parse_yaml(SourceFile::new(path, text))
}

/// Parses a YAML file's text (config, ladder), read from disk or held by an editor.
pub fn parse_yaml(file: SourceFile) -> Result<(SourceFile, crate::yaml::Node), InvalidFile> {
    use crate::problem::ProblemKind;
    use crate::source::Span;
    let bom = file.bom_len();
    match crate::yaml::parse(&file.text()[bom..]) {
        Ok(node) => Ok((file, node.offset(bom))),
        Err(err) => {
            let mut problem = Problem::new(
                ProblemKind::Syntax,
                Span::at(bom + err.offset),
                format!("not valid YAML: {}", err.describe(file.text(), bom)),
            );
            problem.help = err.help.map(str::to_string);
            Err(InvalidFile {
                file,
                problems: vec![problem],
            })
        }
    }
}
