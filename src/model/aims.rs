//! The person's choice among the guidance's aims ("What do you want to achieve by engaging men?").
//! Their notes on it are an ordinary answer (question id `aims`).

use serde::{Deserialize, Serialize};

use super::schema::Versioned;

/// The aims a person ticked, by their stable content ids. More than one is fine: the guidance
/// says they are not mutually exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AimChoice {
    pub chosen: Vec<String>,
    /// Milliseconds since 1970 of the last change.
    pub updated_at: u64,
}

impl Versioned for AimChoice {
    const VERSION: u32 = 1;
}

impl AimChoice {
    pub fn is_chosen(&self, id: &str) -> bool {
        self.chosen.iter().any(|c| c == id)
    }

    /// Ticks or unticks one aim, keeping the order in which they were ticked.
    pub fn set(&mut self, id: &str, on: bool, now_ms: u64) {
        self.chosen.retain(|c| c != id);
        if on {
            self.chosen.push(id.to_string());
        }
        self.updated_at = now_ms;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticking_is_idempotent_and_unticking_removes() {
        let mut c = AimChoice::default();
        c.set("peers", true, 1);
        c.set("awareness", true, 2);
        c.set("peers", true, 3);
        assert_eq!(c.chosen, vec!["awareness", "peers"]);
        assert!(c.is_chosen("peers"));
        c.set("peers", false, 4);
        assert_eq!(c.chosen, vec!["awareness"]);
        assert_eq!(c.updated_at, 4);
    }
}
