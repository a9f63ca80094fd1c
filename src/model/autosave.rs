//! When to save what a person types: after a short pause, and at least every few seconds while
//! they keep typing, so a closed tab loses at most a moment of text. Time is passed in.

/// Save this long after the last keystroke.
pub const PAUSE_MS: f64 = 600.0;
/// While typing without pause, save at least this often.
pub const MAX_WAIT_MS: f64 = 5000.0;

/// What the quiet indicator next to an answer says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Status {
    /// Nothing typed since the page opened.
    Idle,
    /// Typed, not yet saved.
    Pending,
    /// Everything typed is saved (at this time).
    Saved { at_ms: f64 },
    /// The last save failed; the text is still on screen and the next edit tries again.
    Failed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Autosave {
    first_unsaved_ms: Option<f64>,
    last_edit_ms: f64,
    status: Status,
}

impl Default for Autosave {
    fn default() -> Self {
        Autosave {
            first_unsaved_ms: None,
            last_edit_ms: 0.0,
            status: Status::Idle,
        }
    }
}

impl Autosave {
    pub fn status(&self) -> Status {
        self.status
    }

    /// The person changed the text.
    pub fn edited(&mut self, now_ms: f64) {
        self.first_unsaved_ms.get_or_insert(now_ms);
        self.last_edit_ms = now_ms;
        self.status = Status::Pending;
    }

    /// Whether anything typed is not saved yet (also after a failed save).
    pub fn has_unsaved(&self) -> bool {
        self.first_unsaved_ms.is_some()
    }

    /// Whether to save now (call it from a timer and on every edit).
    pub fn due(&self, now_ms: f64) -> bool {
        match self.first_unsaved_ms {
            None => false,
            Some(first) => now_ms - self.last_edit_ms >= PAUSE_MS || now_ms - first >= MAX_WAIT_MS,
        }
    }

    /// How long until [`due`](Self::due) turns true, for setting the next timer; `None` if nothing waits.
    pub fn wait_ms(&self, now_ms: f64) -> Option<f64> {
        let first = self.first_unsaved_ms?;
        let by_pause = self.last_edit_ms + PAUSE_MS - now_ms;
        let by_max = first + MAX_WAIT_MS - now_ms;
        Some(by_pause.min(by_max).max(0.0))
    }

    /// The text as of `now_ms` was saved.
    pub fn saved(&mut self, now_ms: f64) {
        self.first_unsaved_ms = None;
        self.status = Status::Saved { at_ms: now_ms };
    }

    /// The save failed: keep the text unsaved so the next attempt includes it.
    pub fn failed(&mut self) {
        self.status = Status::Failed;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_due_before_any_edit() {
        let a = Autosave::default();
        assert!(!a.due(1e9));
        assert_eq!(a.wait_ms(0.0), None);
        assert_eq!(a.status(), Status::Idle);
    }

    #[test]
    fn a_pause_after_typing_triggers_a_save() {
        let mut a = Autosave::default();
        a.edited(1000.0);
        assert_eq!(a.status(), Status::Pending);
        assert!(!a.due(1000.0 + PAUSE_MS - 1.0));
        assert_eq!(a.wait_ms(1100.0), Some(PAUSE_MS - 100.0));
        assert!(a.due(1000.0 + PAUSE_MS));
        a.saved(1700.0);
        assert_eq!(a.status(), Status::Saved { at_ms: 1700.0 });
        assert!(!a.has_unsaved());
        assert!(!a.due(1e9), "nothing left to save");
    }

    #[test]
    fn typing_without_a_pause_still_saves_every_few_seconds() {
        let mut a = Autosave::default();
        let mut t = 0.0;
        while t < MAX_WAIT_MS - 100.0 {
            a.edited(t);
            assert!(!a.due(t), "not due at {t}");
            t += 100.0;
        }
        a.edited(MAX_WAIT_MS);
        assert!(a.due(MAX_WAIT_MS), "max wait reached while still typing");
        assert_eq!(a.wait_ms(MAX_WAIT_MS), Some(0.0));
    }

    #[test]
    fn a_failed_save_stays_due_and_says_so() {
        let mut a = Autosave::default();
        a.edited(0.0);
        a.failed();
        assert_eq!(a.status(), Status::Failed);
        assert!(a.has_unsaved());
        assert!(a.due(PAUSE_MS), "the text is still unsaved");
        a.edited(PAUSE_MS + 10.0);
        assert_eq!(a.status(), Status::Pending);
    }
}
