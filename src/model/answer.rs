//! Written text that saves itself: an answer to a question, or a private note on a card.

use serde::{Deserialize, Serialize};

use super::schema::Versioned;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    /// Exactly as typed: never trimmed or cut (limits are checked before saving, see `text.rs`).
    pub text: String,
    /// Milliseconds since 1970 of the last change, shown on "My reflections".
    pub updated_at: u64,
}

impl Versioned for Answer {
    const VERSION: u32 = 1;
}

/// A person's own note on one scenario card, stored under the card's id. Never shown in
/// present mode.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CardNote {
    pub text: String,
    pub updated_at: u64,
}

impl Versioned for CardNote {
    const VERSION: u32 = 1;
}

/// What an autosaved text field needs of the value it stores.
pub trait Written {
    fn text(&self) -> &str;
    fn written(text: String, updated_at: u64) -> Self;
}

impl Written for Answer {
    fn text(&self) -> &str {
        &self.text
    }
    fn written(text: String, updated_at: u64) -> Self {
        Answer { text, updated_at }
    }
}

impl Written for CardNote {
    fn text(&self) -> &str {
        &self.text
    }
    fn written(text: String, updated_at: u64) -> Self {
        CardNote { text, updated_at }
    }
}

/// The storage id of the answer to `question` in round `round`, e.g. `1.norms`.
/// Question ids are the stable ids of the content (`content::ThinkStep::id`).
pub fn answer_id(round: u32, question: &str) -> String {
    format!("{round}.{question}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_combine_round_and_question() {
        assert_eq!(answer_id(1, "norms"), "1.norms");
        assert_eq!(answer_id(12, "men_and_boys"), "12.men_and_boys");
    }
}
