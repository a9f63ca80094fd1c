//! Rounds of the THINK exercise. Starting a new round keeps every earlier answer (they are stored
//! per round), so a person can redo the exercise months later and compare.

use serde::{Deserialize, Serialize};

use super::schema::Versioned;

/// When one round was started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundStart {
    pub round: u32,
    /// Milliseconds since 1970.
    pub at: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rounds {
    /// The round new answers go to. Rounds are numbered from 1.
    pub current: u32,
    /// Start times of the rounds after the first (the first starts with the first answer).
    pub started: Vec<RoundStart>,
}

impl Default for Rounds {
    fn default() -> Self {
        Rounds {
            current: 1,
            started: Vec::new(),
        }
    }
}

impl Versioned for Rounds {
    const VERSION: u32 = 1;
}

/// How many rounds are listed at most (see [`Rounds::newest_first`]); far more than a person does.
pub const MAX_LISTED: u32 = 10_000;

impl Rounds {
    /// Archives the current round (its answers stay as they are) and returns the new round.
    pub fn start_new(&mut self, now_ms: u64) -> u32 {
        self.current = self.current.max(1).saturating_add(1);
        self.started.push(RoundStart {
            round: self.current,
            at: now_ms,
        });
        self.current
    }

    /// Every round so far, newest first: at most the newest [`MAX_LISTED`] (a stored or imported
    /// round number of four billion must not make a list of four billion).
    pub fn newest_first(&self) -> Vec<u32> {
        let newest = self.current.max(1);
        (newest.saturating_sub(MAX_LISTED - 1).max(1)..=newest)
            .rev()
            .collect()
    }

    /// When `round` was started, if it was started by "start a new round".
    pub fn started_at(&self, round: u32) -> Option<u64> {
        self.started.iter().find(|s| s.round == round).map(|s| s.at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_newest_rounds_are_listed_however_large_the_number() {
        let rounds = |current| Rounds {
            current,
            started: vec![],
        };
        assert_eq!(rounds(0).newest_first(), [1]);
        assert_eq!(rounds(3).newest_first(), [3, 2, 1]);
        let huge = rounds(u32::MAX).newest_first();
        assert_eq!(huge.len(), MAX_LISTED as usize);
        assert_eq!(huge.first(), Some(&u32::MAX));
        assert_eq!(huge.last(), Some(&(u32::MAX - MAX_LISTED + 1)));
        assert_eq!(rounds(MAX_LISTED).newest_first().last(), Some(&1));
    }

    #[test]
    fn a_new_round_keeps_the_old_ones() {
        let mut r = Rounds::default();
        assert_eq!(r.current, 1);
        assert_eq!(r.newest_first(), vec![1]);
        assert_eq!(r.start_new(1_000), 2);
        assert_eq!(r.start_new(2_000), 3);
        assert_eq!(r.newest_first(), vec![3, 2, 1]);
        assert_eq!(r.started_at(2), Some(1_000));
        assert_eq!(r.started_at(1), None);
    }

    #[test]
    fn a_damaged_round_number_still_gives_a_valid_round() {
        let mut r: Rounds = serde_json::from_str(r#"{"current":0}"#).unwrap();
        assert_eq!(r.newest_first(), vec![1]);
        assert_eq!(r.start_new(5), 2);
        let r: Rounds = serde_json::from_str("{}").unwrap();
        assert_eq!(r, Rounds::default());
    }
}
