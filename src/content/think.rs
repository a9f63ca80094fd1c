//! The shape of the THINK! section of the guidance: typed, so every language fills the same slots.

/// One explanatory paragraph (→ in the guidance) and the THINK question that follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThinkStep {
    /// Stable id used as the storage key of the answer: never change it once shipped.
    pub id: &'static str,
    pub explanation: &'static str,
    pub question: &'static str,
}

/// One aim from "What do you want to achieve?", with what the guidance expects and warns against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Aim {
    /// Stable id stored with the person's choice.
    pub id: &'static str,
    pub title: &'static str,
    pub expected: &'static [&'static str],
    pub avoid: &'static str,
}

/// Stable id of the notes on "What do you want to achieve?" (stored like any answer).
pub const AIMS_ID: &str = "aims";
/// Stable id of the reflection on one's own power and privilege.
pub const PRIVILEGE_ID: &str = "privilege";

/// Everything the THINK journey shows, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Think {
    pub context_title: &'static str,
    /// "Your context", condensed to a few sentences of the guidance's own words.
    pub context: &'static [&'static str],
    pub why_title: &'static str,
    /// "Why is engaging men crucial for Central Asia?", condensed.
    pub why: &'static [&'static str],
    pub exercise_title: &'static str,
    pub exercise_intro: &'static str,
    /// The four THINK questions, in the guidance's order.
    pub steps: &'static [ThinkStep],
    /// Norms offered as a starting point for the first question (the app's words, not the guidance's).
    pub suggested_norms: &'static [&'static str],
    /// "What do you want to achieve?" as a question to the person.
    pub aims_question: &'static str,
    pub aims_intro: &'static str,
    pub aims: &'static [Aim],
    /// The reflection on one's own power and privilege (from the third aim's expectations).
    pub privilege_prompt: &'static str,
    /// Why change at several levels matters (leads to Annex 1, the socio-ecological model).
    pub levels_note: &'static str,
}

impl Think {
    /// Every answer id of one round, in the order the journey asks them.
    pub fn question_ids(&self) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = self.steps.iter().map(|s| s.id).collect();
        ids.extend([AIMS_ID, PRIVILEGE_ID]);
        ids
    }

    /// The question an answer id answers, for listing answers away from the journey.
    pub fn question_text(&self, id: &str) -> Option<&'static str> {
        match id {
            AIMS_ID => Some(self.aims_question),
            PRIVILEGE_ID => Some(self.privilege_prompt),
            _ => self.steps.iter().find(|s| s.id == id).map(|s| s.question),
        }
    }
}
