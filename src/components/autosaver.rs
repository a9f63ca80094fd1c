//! Saving as a person types: the timing rules of `model::autosave` driven by browser timers,
//! plus a save at once when the field loses focus or the page is hidden or closed.

use std::time::Duration;

use leptos::prelude::*;

use crate::model::autosave::{Autosave, Status};
use crate::storage::SaveError;
use crate::web::{listen_named_while_alive, listen_while_alive, monotonic_ms};

type SaveFn = Box<dyn Fn() -> Result<(), SaveError> + Send + Sync>;

/// Handle to one field's (or one form's) autosave. Copy it into event handlers.
#[derive(Clone, Copy)]
pub struct Autosaver {
    timing: RwSignal<Autosave>,
    timer: StoredValue<Option<TimeoutHandle>>,
    save: StoredValue<SaveFn>,
    /// The last save's error, shown next to the field until a save succeeds.
    pub error: RwSignal<Option<SaveError>>,
}

impl Autosaver {
    /// `save` writes the current text; it is called after a pause in typing and on `flush`.
    pub fn new(save: impl Fn() -> Result<(), SaveError> + Send + Sync + 'static) -> Self {
        let saver = Autosaver {
            timing: RwSignal::new(Autosave::default()),
            timer: StoredValue::new(None),
            save: StoredValue::new(Box::new(save)),
            error: RwSignal::new(None),
        };
        // Closing the tab, switching app on a phone, or going to another site: save now.
        listen_while_alive(leptos::ev::visibilitychange, move |_| saver.flush());
        listen_while_alive(leptos::ev::pagehide, move |_| saver.flush());
        // The passphrase lock is about to close (see `web::save_everything_now`), or the page is
        // about to load a new version (public/boot.js). A save that fails (a full storage)
        // cancels the event, so the reload waits and the words stay on screen.
        listen_named_while_alive(crate::web::SAVE_NOW_EVENT, move |event| {
            saver.flush();
            if saver.has_unsaved() {
                event.prevent_default();
            }
        });
        // Leaving the page (a link, Back) removes the field: save what is pending first, and stop
        // the timer so it never runs after the field's signals are gone.
        on_cleanup(move || {
            saver.flush();
            saver.cancel_timer();
        });
        saver
    }

    /// Whether typed text is waiting to be saved (or failed to save).
    pub fn has_unsaved(&self) -> bool {
        self.timing.try_with_untracked(|t| t.has_unsaved()) == Some(true)
    }

    pub fn status(&self) -> Status {
        self.timing.get().status()
    }

    /// The quiet words next to the field ("Saving…", "Saved on this device"); tracked.
    pub fn status_words(&self) -> &'static str {
        match self.status() {
            Status::Pending => tr!(answer.saving),
            Status::Saved { .. } => tr!(answer.saved),
            Status::Failed => tr!(answer.not_saved),
            Status::Idle => "",
        }
    }

    /// The person changed the text: save after the pause (or sooner if they have typed for long).
    pub fn edited(&self) {
        let now = monotonic_ms();
        self.timing.update(|t| t.edited(now));
        self.cancel_timer();
        let wait = self
            .timing
            .with_untracked(|t| t.wait_ms(now))
            .unwrap_or(0.0);
        let saver = *self;
        let handle = set_timeout_with_handle(
            move || saver.save_if_due(),
            Duration::from_millis(wait.max(0.0) as u64),
        )
        .ok();
        self.timer.set_value(handle);
    }

    /// Saves now if anything is unsaved (blur, page hidden).
    pub fn flush(&self) {
        if self.timing.try_with_untracked(|t| t.has_unsaved()) == Some(true) {
            self.cancel_timer();
            self.run_save();
        }
    }

    fn save_if_due(&self) {
        // `try_`: a timer that outlived its field finds nothing to save instead of panicking.
        if self.timing.try_with_untracked(|t| t.due(monotonic_ms())) == Some(true) {
            self.run_save();
        }
    }

    fn run_save(&self) {
        let result = self.save.with_value(|save| save());
        let now = monotonic_ms();
        match result {
            Ok(()) => {
                self.timing.update(|t| t.saved(now));
                self.error.set(None);
            }
            Err(e) => {
                self.timing.update(|t| t.failed());
                self.error.set(Some(e));
            }
        }
    }

    fn cancel_timer(&self) {
        if let Some(handle) = self.timer.try_get_value().flatten() {
            handle.clear();
        }
        self.timer.try_set_value(None);
    }
}
