//! Moving through the THINK questions one screen at a time, and coming back to the same step later.

use serde::{Deserialize, Serialize};

use super::schema::Versioned;

/// Where a person is in a sequence of steps. Stored, so they can stop anywhere and come back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Journey {
    /// 0-based index of the step on screen.
    pub step: usize,
    /// True when the person chose "see all on one page".
    pub all_on_one_page: bool,
}

impl Versioned for Journey {
    const VERSION: u32 = 1;
}

impl Journey {
    /// The stored position, kept inside `0..steps` even if the exercise got shorter since.
    pub fn resume(self, steps: usize) -> Self {
        Journey {
            step: self.step.min(steps.saturating_sub(1)),
            ..self
        }
    }

    /// Goes one step on; false (and no change) on the last step.
    pub fn next(&mut self, steps: usize) -> bool {
        if self.step + 1 < steps {
            self.step += 1;
            true
        } else {
            false
        }
    }

    /// [`back`](Self::back) with the shape of [`next`](Self::next), so both fit one handler.
    pub fn back_in(&mut self, _steps: usize) -> bool {
        self.back()
    }

    /// Goes one step back; false (and no change) on the first step.
    pub fn back(&mut self) -> bool {
        if self.step > 0 {
            self.step -= 1;
            true
        } else {
            false
        }
    }

    /// "2 of 4": the 1-based number of the step on screen and the number of steps.
    pub fn progress(self, steps: usize) -> (usize, usize) {
        (self.resume(steps).step + 1, steps)
    }

    pub fn is_last(self, steps: usize) -> bool {
        self.step + 1 >= steps
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_and_back_stay_within_the_steps() {
        let mut j = Journey::default();
        assert!(!j.back());
        assert_eq!(j.progress(4), (1, 4));
        assert!(j.next(4) && j.next(4) && j.next(4));
        assert!(!j.next(4), "no step after the last");
        assert!(j.is_last(4));
        assert_eq!(j.progress(4), (4, 4));
        assert!(j.back());
        assert_eq!(j.progress(4), (3, 4));
    }

    #[test]
    fn a_stored_position_resumes_and_is_clamped() {
        let stored = Journey {
            step: 2,
            all_on_one_page: true,
        };
        assert_eq!(stored.resume(4), stored);
        assert_eq!(Journey { step: 9, ..stored }.resume(4).step, 3);
        assert_eq!(Journey { step: 9, ..stored }.resume(0).step, 0);
    }

    #[test]
    fn it_round_trips_and_tolerates_missing_fields() {
        let raw = crate::model::schema::encode(
            &Journey {
                step: 1,
                all_on_one_page: false,
            },
            1,
        )
        .unwrap();
        assert_eq!(
            crate::model::schema::decode::<Journey>(&raw)
                .unwrap()
                .data
                .step,
            1
        );
        let j: Journey = serde_json::from_str("{}").unwrap();
        assert_eq!(j, Journey::default());
    }
}
