//! The documents the editor has open: their text as the editor holds it, and the findings
//! last computed for it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use lsp_types::{TextDocumentContentChangeEvent, Uri};

use crate::source::SourceFile;

use super::diagnostics::{self, Checked};
use super::position;

/// One open document.
pub struct Document {
    pub path: PathBuf,
    pub text: String,
    pub version: i32,
    /// The findings for `text`, once computed; `None` after an edit.
    checked: Option<Option<Checked>>,
}

impl Document {
    /// Whether the text is what is on disk: only then does git history speak about it.
    pub fn saved(&self) -> bool {
        std::fs::read(&self.path).is_ok_and(|bytes| bytes == self.text.as_bytes())
    }

    /// The findings for the current text (computed once per text).
    pub fn checked(&mut self, today: NaiveDate) -> Option<&Checked> {
        if self.checked.is_none() {
            let saved = self.saved();
            self.checked = Some(diagnostics::check(&self.path, &self.text, today, saved));
        }
        self.checked.as_ref().and_then(Option::as_ref)
    }

    pub fn is_markdown(&self) -> bool {
        crate::plan::PlanFormat::of(&self.path) == crate::plan::PlanFormat::Markdown
    }
}

/// The open documents by URI.
#[derive(Default)]
pub struct Documents {
    open: HashMap<Uri, Document>,
}

impl Documents {
    /// Opens (or reopens) a document; `None` for a URI that is not a local file.
    pub fn open(&mut self, uri: Uri, text: String, version: i32) -> Option<&mut Document> {
        let path = file_path(&uri)?;
        let doc = Document {
            path,
            text,
            version,
            checked: None,
        };
        self.open.insert(uri.clone(), doc);
        self.open.get_mut(&uri)
    }

    /// Applies the editor's changes: whole texts, or (from a client that sends them anyway)
    /// ranges of the current text.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) {
        let Some(doc) = self.open.get_mut(uri) else {
            return;
        };
        for change in changes {
            match change.range {
                None => doc.text = change.text,
                Some(range) => {
                    let file = SourceFile::new(&doc.path, std::mem::take(&mut doc.text));
                    let start = position::to_offset(&file, range.start);
                    let end = position::to_offset(&file, range.end).max(start);
                    let mut text = file.text().to_string();
                    text.replace_range(start..end, &change.text);
                    doc.text = text;
                }
            }
        }
        doc.version = version;
        doc.checked = None;
    }

    /// The document was saved (with its text, when the client sends it): history now speaks
    /// about it.
    pub fn saved(&mut self, uri: &Uri, text: Option<String>) {
        if let Some(doc) = self.open.get_mut(uri) {
            if let Some(text) = text {
                doc.text = text;
            }
            doc.checked = None;
        }
    }

    /// Forgets a document's findings: what they depend on (the config, the ladder) changed.
    pub fn recheck(&mut self, uri: &Uri) {
        if let Some(doc) = self.open.get_mut(uri) {
            doc.checked = None;
        }
    }

    pub fn close(&mut self, uri: &Uri) {
        self.open.remove(uri);
    }

    /// The open documents' URIs, in a stable order.
    pub fn uris(&self) -> Vec<Uri> {
        let mut uris: Vec<Uri> = self.open.keys().cloned().collect();
        uris.sort();
        uris
    }

    pub fn get(&mut self, uri: &Uri) -> Option<&mut Document> {
        self.open.get_mut(uri)
    }
}

/// The local path of a `file:` URI, percent-decoded.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let rest = text.strip_prefix("file://")?;
    // `file://host/path` names another machine; only `file:///path` (or localhost) is ours.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|_| bytes[i] == b'%')
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        if let Some(byte) = hex {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    let decoded = String::from_utf8(out).ok()?;
    // A Windows drive path arrives as `/C:/…`.
    let decoded = match decoded.as_bytes() {
        [b'/', drive, b':', ..] if drive.is_ascii_alphabetic() && cfg!(windows) => {
            decoded[1..].to_string()
        }
        _ => decoded,
    };
    Some(Path::new(&decoded).to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_are_decoded_and_others_refused() {
        let uri = |s: &str| s.parse::<Uri>().unwrap();
        assert_eq!(
            file_path(&uri("file:///tmp/my%20plans/2026-h1.md")),
            Some(PathBuf::from("/tmp/my plans/2026-h1.md"))
        );
        assert_eq!(file_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(file_path(&uri("file://server/share/p.md")), None);
    }
}
