//! One written answer: what a person typed for one question, and when.

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
