//! The text heuristics: vague wording, unquantified measures, outcomes written as actions.
//!
//! PLACEHOLDER API, to be replaced by the real heuristics.

/// The word lists, built-in plus the config's additions.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    extra_vague: Vec<String>,
    extra_outcome: Vec<String>,
}

impl Lexicon {
    pub fn new(extra_vague: &[String], extra_outcome: &[String]) -> Self {
        Lexicon {
            extra_vague: extra_vague.to_vec(),
            extra_outcome: extra_outcome.to_vec(),
        }
    }

    /// The vague phrase that makes a goal title or measure vague, if it is vague.
    pub fn vague(&self, text: &str) -> Option<String> {
        let lower = text.to_lowercase();
        self.extra_vague.iter().find(|p| lower.contains(p.as_str())).cloned()
    }

    /// Whether a measure states a number, percentage, count, frequency or date.
    pub fn quantified(&self, text: &str) -> bool {
        text.chars().any(|c| c.is_ascii_digit())
    }

    /// The outcome phrase that makes an action an outcome outside one's control, if any.
    pub fn outcome(&self, text: &str) -> Option<String> {
        let lower = text.to_lowercase();
        self.extra_outcome.iter().find(|p| lower.contains(p.as_str())).cloned()
    }
}
