//! The keyboard trigger of quick exit: Shift pressed three times within five seconds.
//!
//! After the GOV.UK "Exit this page" pattern. Escape is not used: it already closes dialogs.
//! Any other key resets the count, so typing capital letters never leaves the page by accident.

/// Presses needed to leave.
pub const PRESSES_NEEDED: usize = 3;
/// All presses must fall within this window (milliseconds, counted from the first press).
pub const WINDOW_MS: f64 = 5000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPress {
    /// Shift on its own (not an auto-repeat).
    Shift,
    /// Any other key.
    Other,
}

/// Counts Shift presses. Time is passed in, so tests need no clock.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShiftTrigger {
    first_press_ms: Option<f64>,
    count: usize,
}

impl ShiftTrigger {
    /// Records a key press at `now_ms`; returns true when the person asked to leave.
    pub fn press(&mut self, key: KeyPress, now_ms: f64) -> bool {
        if key == KeyPress::Other {
            self.reset();
            return false;
        }
        let expired = self
            .first_press_ms
            .is_none_or(|first| now_ms - first > WINDOW_MS || now_ms < first);
        if expired {
            self.first_press_ms = Some(now_ms);
            self.count = 0;
        }
        self.count += 1;
        if self.count >= PRESSES_NEEDED {
            self.reset();
            return true;
        }
        false
    }

    /// How many presses count right now (0 when the window has passed): drives the progress indicator.
    pub fn progress(&self, now_ms: f64) -> usize {
        match self.first_press_ms {
            Some(first) if now_ms - first <= WINDOW_MS => self.count,
            _ => 0,
        }
    }

    pub fn reset(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use KeyPress::*;

    #[test]
    fn three_presses_within_five_seconds_exit() {
        let mut t = ShiftTrigger::default();
        assert!(!t.press(Shift, 0.0));
        assert_eq!(t.progress(10.0), 1);
        assert!(!t.press(Shift, 1000.0));
        assert_eq!(t.progress(1000.0), 2);
        assert!(t.press(Shift, 4999.0));
        assert_eq!(
            t.progress(5000.0),
            0,
            "the count starts again after exiting"
        );
    }

    #[test]
    fn presses_spread_over_more_than_five_seconds_do_not_exit() {
        let mut t = ShiftTrigger::default();
        t.press(Shift, 0.0);
        t.press(Shift, 1000.0);
        assert!(!t.press(Shift, 5500.0), "third press came too late");
        assert_eq!(t.progress(5500.0), 1, "the late press starts a new window");
        assert!(!t.press(Shift, 6000.0));
        assert!(t.press(Shift, 7000.0));
    }

    #[test]
    fn another_key_in_between_resets() {
        let mut t = ShiftTrigger::default();
        t.press(Shift, 0.0);
        t.press(Shift, 100.0);
        t.press(Other, 150.0); // e.g. typing a capital letter
        assert_eq!(t.progress(200.0), 0);
        assert!(!t.press(Shift, 200.0));
    }

    #[test]
    fn progress_fades_when_the_window_passes() {
        let mut t = ShiftTrigger::default();
        t.press(Shift, 0.0);
        assert_eq!(t.progress(5001.0), 0);
    }

    #[test]
    fn a_clock_going_backwards_starts_a_new_window() {
        let mut t = ShiftTrigger::default();
        t.press(Shift, 10_000.0);
        t.press(Shift, 10_100.0);
        assert!(!t.press(Shift, 50.0));
        assert_eq!(t.progress(60.0), 1);
    }
}
