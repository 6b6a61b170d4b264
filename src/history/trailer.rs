//! Agreement trailers in a commit message: `Agreed-by:` and `Reviewed-by:`, read with git's
//! trailer rules (libgit2's), as the walk meets each commit.

use chrono::NaiveDate;

use super::event::Agreement;

/// The trailer keys that record an agreement (compared without case, as git does).
pub const TRAILERS: &[&str] = &["Agreed-by", "Reviewed-by"];

/// The agreements a commit message's trailers record, dated `on`.
pub fn from_message(message: &str, on: NaiveDate) -> Vec<Agreement> {
    let Ok(trailers) = git2::message_trailers_strs(message) else {
        return Vec::new();
    };
    trailers
        .iter()
        .filter_map(|(key, value)| {
            let key = TRAILERS
                .iter()
                .find(|k| k.eq_ignore_ascii_case(key.trim()))?;
            let (by, email) = person(value);
            (!by.is_empty()).then(|| Agreement {
                by,
                email,
                on,
                via: (*key).to_string(),
            })
        })
        .collect()
}

/// `Bob Manager <bob@example.com>` as a name and an email.
fn person(value: &str) -> (String, Option<String>) {
    // Continuation lines arrive joined by a newline: one name, one line.
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    match (value.find('<'), value.rfind('>')) {
        (Some(open), Some(close)) if open < close => {
            let name = value[..open].trim().to_string();
            let email = value[open + 1..close].trim().to_string();
            let name = if name.is_empty() { email.clone() } else { name };
            (name, (!email.is_empty()).then_some(email))
        }
        _ => (value.trim().to_string(), None),
    }
}
