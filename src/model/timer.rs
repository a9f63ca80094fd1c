//! The discussion timer of facilitator mode: a countdown kept as what was set and when it ran,
//! never as ticks, so it survives a reload (and a sleeping laptop) and shows the right time.
//! The clock is passed in: tests use a fake one.

use serde::{Deserialize, Serialize};

use super::schema::Versioned;

/// The preset lengths in minutes.
pub const PRESET_MINUTES: [u64; 4] = [3, 5, 10, 15];
/// The longest countdown that can be set: 99:59.
pub const MAX_MS: u64 = (99 * 60 + 59) * 1000;
/// From here on the countdown is highlighted (the last minute).
pub const LAST_MINUTE_MS: u64 = 60_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Timer {
    /// The length that was set, in milliseconds (0: no timer set).
    pub duration_ms: u64,
    /// Time counted in earlier runs, before the last pause.
    pub spent_ms: u64,
    /// When the current run started (milliseconds since 1970), while running.
    pub running_since: Option<u64>,
}

impl Versioned for Timer {
    const VERSION: u32 = 1;
}

/// What the timer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Nothing set.
    Unset,
    /// Set, not started (or reset).
    Ready,
    Running,
    Paused,
    /// Running or paused within the last minute: highlighted.
    LastMinute,
    /// Time is up: the gentle end signal.
    Finished,
}

impl Timer {
    /// A timer of `duration_ms`, ready to start.
    pub fn set(duration_ms: u64) -> Timer {
        Timer {
            duration_ms: duration_ms.min(MAX_MS),
            ..Timer::default()
        }
    }

    /// Started and not paused (it may have run out meanwhile: see [`Timer::is_counting`]).
    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Counting down now: started, not paused, time left.
    pub fn is_counting(&self, now: u64) -> bool {
        self.is_running() && self.remaining_ms(now) > 0
    }

    /// Time counted so far. A clock that went backwards counts as no time passing.
    pub fn elapsed_ms(&self, now: u64) -> u64 {
        let current = self
            .running_since
            .map_or(0, |since| now.saturating_sub(since));
        self.spent_ms.saturating_add(current).min(self.duration_ms)
    }

    pub fn remaining_ms(&self, now: u64) -> u64 {
        self.duration_ms - self.elapsed_ms(now)
    }

    /// Starts or resumes; a finished timer starts again from the top.
    pub fn start(&mut self, now: u64) {
        if self.duration_ms == 0 || self.is_counting(now) {
            return;
        }
        if self.remaining_ms(now) == 0 {
            self.spent_ms = 0;
        }
        self.running_since = Some(now);
    }

    pub fn pause(&mut self, now: u64) {
        if self.is_running() {
            self.spent_ms = self.elapsed_ms(now);
            self.running_since = None;
        }
    }

    /// Start/pause on one key (T) or button. After the end it starts again.
    pub fn toggle(&mut self, now: u64) {
        if self.is_counting(now) {
            self.pause(now);
        } else {
            self.start(now);
        }
    }

    /// Back to the full length, stopped.
    pub fn reset(&mut self) {
        *self = Timer::set(self.duration_ms);
    }

    pub fn phase(&self, now: u64) -> Phase {
        let remaining = self.remaining_ms(now);
        if self.duration_ms == 0 {
            Phase::Unset
        } else if remaining == 0 {
            Phase::Finished
        } else if self.elapsed_ms(now) == 0 && !self.is_running() {
            Phase::Ready
        } else if remaining <= LAST_MINUTE_MS {
            Phase::LastMinute
        } else if self.is_running() {
            Phase::Running
        } else {
            Phase::Paused
        }
    }

    /// The countdown as `mm:ss`, rounded up: it shows 00:00 only when time is really up.
    pub fn display(&self, now: u64) -> String {
        format_mm_ss(self.remaining_ms(now))
    }
}

/// `mm:ss` for a length in milliseconds, seconds rounded up.
pub fn format_mm_ss(ms: u64) -> String {
    let seconds = ms.div_ceil(1000);
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

/// Why a typed length is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LengthError {
    /// Not `m` or `m:ss` (e.g. letters, `5:75`).
    NotATime,
    Zero,
    TooLong,
}

/// A length typed as minutes (`7`) or minutes and seconds (`7:30`, `07:05`); spaces are ignored.
pub fn parse_length(typed: &str) -> Result<u64, LengthError> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u64>().ok())
            .flatten()
    };
    let seconds = match typed.split_once(':') {
        None => number(&typed).map(|m| m * 60),
        Some((m, s)) if s.len() == 2 => match (number(m), number(s)) {
            (Some(m), Some(s)) if s < 60 => Some(m * 60 + s),
            _ => None,
        },
        Some(_) => None,
    }
    .ok_or(LengthError::NotATime)?;
    match seconds * 1000 {
        0 => Err(LengthError::Zero),
        ms if ms > MAX_MS => Err(LengthError::TooLong),
        ms => Ok(ms),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: u64 = 60_000;
    const T0: u64 = 1_764_000_000_000;

    #[test]
    fn a_countdown_runs_pauses_and_resumes_on_a_fake_clock() {
        let mut t = Timer::set(5 * MIN);
        assert_eq!(t.phase(T0), Phase::Ready);
        assert_eq!(t.display(T0), "05:00");
        t.start(T0);
        assert_eq!(t.phase(T0 + 1), Phase::Running);
        assert_eq!(t.display(T0 + 1), "05:00", "rounded up");
        assert_eq!(t.display(T0 + 1_000), "04:59");
        t.pause(T0 + 90_000);
        assert_eq!(t.phase(T0 + 10 * MIN), Phase::Paused);
        assert_eq!(
            t.display(T0 + 10 * MIN),
            "03:30",
            "paused time does not count"
        );
        t.toggle(T0 + 10 * MIN);
        assert_eq!(t.display(T0 + 10 * MIN + 30_000), "03:00");
        assert_eq!(t.phase(T0 + 10 * MIN + 150_001), Phase::LastMinute);
        assert_eq!(t.phase(T0 + 10 * MIN + 210_000), Phase::Finished);
        assert_eq!(t.display(T0 + 20 * MIN), "00:00");
        assert_eq!(t.remaining_ms(T0 + 20 * MIN), 0);
    }

    #[test]
    fn after_the_end_it_counts_no_more_and_t_starts_it_again() {
        let mut t = Timer::set(MIN);
        t.start(T0);
        assert!(t.is_counting(T0 + 59_000));
        assert!(!t.is_counting(T0 + MIN), "run out, though never paused");
        t.toggle(T0 + 2 * MIN);
        assert!(
            t.is_counting(T0 + 2 * MIN),
            "T after the end starts again, not pause"
        );
        assert_eq!(t.display(T0 + 2 * MIN + 1_000), "00:59");
    }

    #[test]
    fn the_timer_survives_a_reload_as_stored_data() {
        let mut t = Timer::set(10 * MIN);
        t.start(T0);
        let stored = serde_json::to_string(&t).unwrap_or_default();
        let back: Timer = serde_json::from_str(&stored).unwrap_or_default();
        // The page came back 4 minutes later: the countdown went on meanwhile.
        assert_eq!(back.display(T0 + 4 * MIN), "06:00");
        assert_eq!(back, t);
    }

    #[test]
    fn a_clock_going_backwards_never_adds_time_or_panics() {
        let mut t = Timer::set(3 * MIN);
        t.start(T0);
        assert_eq!(t.remaining_ms(T0 - 5_000), 3 * MIN);
        t.pause(T0 - 5_000);
        assert_eq!(t.spent_ms, 0);
    }

    #[test]
    fn start_after_the_end_starts_again_and_reset_stops() {
        let mut t = Timer::set(MIN);
        t.start(T0);
        assert_eq!(t.phase(T0 + MIN), Phase::Finished);
        t.pause(T0 + MIN);
        t.start(T0 + 2 * MIN);
        assert_eq!(t.display(T0 + 2 * MIN), "01:00");
        t.reset();
        assert_eq!(t.phase(T0 + 3 * MIN), Phase::Ready);
        assert_eq!(Timer::default().phase(T0), Phase::Unset);
        let mut unset = Timer::default();
        unset.start(T0);
        assert!(!unset.is_running(), "nothing to run");
    }

    #[test]
    fn lengths_are_typed_as_minutes_or_minutes_and_seconds() {
        assert_eq!(parse_length("7"), Ok(7 * MIN));
        assert_eq!(parse_length(" 7:30 "), Ok(7 * MIN + 30_000));
        assert_eq!(parse_length("07:05"), Ok(7 * MIN + 5_000));
        assert_eq!(parse_length("0:45"), Ok(45_000));
        assert_eq!(parse_length("99:59"), Ok(MAX_MS));
        assert_eq!(parse_length("100"), Err(LengthError::TooLong));
        assert_eq!(parse_length("0"), Err(LengthError::Zero));
        assert_eq!(parse_length("0:00"), Err(LengthError::Zero));
        for bad in [
            "",
            "five",
            "5:75",
            "5:5",
            "-3",
            "1:2:3",
            "5.5",
            "٣",
            "9999999999999999999",
        ] {
            assert_eq!(parse_length(bad), Err(LengthError::NotATime), "{bad}");
        }
        for m in PRESET_MINUTES {
            assert_eq!(parse_length(&m.to_string()), Ok(m * MIN));
        }
        assert_eq!(Timer::set(u64::MAX).duration_ms, MAX_MS);
    }

    #[test]
    fn formatting_rounds_up_to_whole_seconds() {
        assert_eq!(format_mm_ss(0), "00:00");
        assert_eq!(format_mm_ss(1), "00:01");
        assert_eq!(format_mm_ss(59_999), "01:00");
        assert_eq!(format_mm_ss(MAX_MS), "99:59");
    }
}
