//! The thresholds and word lists rules read, with their defaults: what `options:` in
//! `growth.yaml` sets. Defined beside the rules that read them, so the rules need nothing
//! from the config reader.

/// The thresholds and word lists rules use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOptions {
    /// GR101: most active development goals.
    pub max_development_goals: u32,
    /// GR103: most open actions per goal.
    pub max_open_actions: u32,
    /// GR104: most active goals of all types.
    pub max_active_goals: u32,
    /// GR501: days without change before a goal is stale.
    pub stale_days: u32,
    /// GR502: days a stated date may precede the commit that added it.
    pub backdate_days: u32,
    /// GR201: phrases that make a goal vague, added to the built-in ones.
    pub vague_phrases: Vec<String>,
    /// GR302: phrases that make an action an outcome, added to the built-in ones.
    pub outcome_phrases: Vec<String>,
    /// GR002: front matter keys a plan may carry for other tools (a site generator's
    /// `title`, `sidebar`): `front_matter: { allow: [...] }`.
    pub front_matter_allow: Vec<String>,
}

impl Default for RuleOptions {
    fn default() -> Self {
        RuleOptions {
            max_development_goals: 3,
            max_open_actions: 7,
            max_active_goals: 5,
            stale_days: 30,
            backdate_days: 14,
            vague_phrases: Vec::new(),
            outcome_phrases: Vec::new(),
            front_matter_allow: Vec::new(),
        }
    }
}
