//! Parsed YAML remembered by its text, while a history walk asks for it.
//!
//! A walk parses every version of every plan, and from one version to the next most of a
//! plan's YAML (its front matter, the blocks of the goals nobody touched) is the same text:
//! parsing it again is most of a walk's cost. A parse depends on nothing but the text (its
//! spans are offsets into it), so a remembered one is exactly what parsing again would give.
//!
//! Remembering is on only while a [`Remembering`] guard lives (a walk holds one): a single
//! lint of current files meets each text once, and would only pay for the copies. Memory is
//! bounded by [`MAX_BYTES`] of remembered text; past it the memo starts over.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::{Node, SyntaxError};

/// The most text remembered at once (the parsed trees are a few times this).
const MAX_BYTES: usize = 1024 * 1024;

/// Texts longer than this are parsed every time: big documents rarely repeat, and one would
/// crowd out the small blocks that do.
const MAX_TEXT: usize = 64 * 1024;

pub(super) type Parsed = Result<(Node, Vec<SyntaxError>), SyntaxError>;

/// How many guards are alive.
static ON: AtomicUsize = AtomicUsize::new(0);

static MEMO: Mutex<Option<Memo>> = Mutex::new(None);

#[derive(Default)]
struct Memo {
    parsed: HashMap<Box<str>, Arc<Parsed>>,
    bytes: usize,
}

/// While this lives, YAML parses are remembered by their text.
#[must_use = "remembering stops when the guard is dropped"]
pub struct Remembering(());

/// Starts remembering parses, until the guard (and every other one) is dropped.
pub fn remembering() -> Remembering {
    ON.fetch_add(1, Ordering::SeqCst);
    Remembering(())
}

impl Drop for Remembering {
    fn drop(&mut self) {
        if ON.fetch_sub(1, Ordering::SeqCst) == 1 {
            *lock() = None;
        }
    }
}

/// `text` parsed by `parse`, or the remembered result of parsing the same text before.
pub(super) fn parse(text: &str, parse: impl FnOnce(&str) -> Parsed) -> Parsed {
    if ON.load(Ordering::Relaxed) == 0 || text.len() > MAX_TEXT {
        return parse(text);
    }
    // Looked up and stored under the lock, parsed outside it: the walk parses on all cores.
    let known = lock().as_ref().and_then(|m| m.parsed.get(text).cloned());
    if let Some(known) = known {
        return (*known).clone();
    }
    let parsed = parse(text);
    let mut memo = lock();
    let memo = memo.get_or_insert_with(Memo::default);
    if memo.bytes + text.len() > MAX_BYTES {
        *memo = Memo::default();
    }
    memo.bytes += text.len();
    memo.parsed.insert(text.into(), Arc::new(parsed.clone()));
    parsed
}

fn lock() -> MutexGuard<'static, Option<Memo>> {
    // A panic while the lock was held left at worst a missing entry: the memo is still sound.
    MEMO.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counting(calls: &mut usize) -> impl FnOnce(&str) -> Parsed + '_ {
        move |text| {
            *calls += 1;
            super::super::parse_uncached(text)
        }
    }

    #[test]
    fn remembers_only_while_a_guard_lives() {
        let text = "memo-test-key: 1\n";
        let mut calls = 0;
        {
            let _on = remembering();
            let first = parse(text, counting(&mut calls));
            let again = parse(text, counting(&mut calls));
            assert_eq!(first, again);
            assert_eq!(calls, 1, "the second parse is remembered");
        }
        // Other tests may hold guards of their own; only when none does is nothing kept.
        if ON.load(Ordering::SeqCst) == 0 {
            let _ = parse(text, counting(&mut calls));
            assert_eq!(calls, 2);
        }
    }

    #[test]
    fn a_syntax_error_is_remembered_as_the_same_error() {
        let _on = remembering();
        let text = "memo-test: [unclosed\n";
        let mut calls = 0;
        let first = parse(text, counting(&mut calls));
        assert!(first.is_err());
        assert_eq!(parse(text, counting(&mut calls)), first);
    }
}
