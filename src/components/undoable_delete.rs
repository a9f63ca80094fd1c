//! Deleting a stored item with Undo, the same way everywhere (answers and card notes on My
//! reflections, one's own cards, session plans): the value is read again (it may have changed
//! since the page loaded), removed, kept in memory while Undo is offered, and focus moves to the
//! Undo button so a keyboard or screen reader user finds it.

use leptos::prelude::*;

use crate::state::SyncedItem;
use crate::storage::{SaveError, StoredItem};
use crate::web::focus_element;

pub struct UndoableDelete<T: Send + Sync + 'static> {
    item: SyncedItem<T>,
    /// What was deleted, while Undo is offered.
    pub deleted: RwSignal<Option<T>>,
    /// The last failed delete or undo, for `SaveErrorMessage`.
    pub error: RwSignal<Option<SaveError>>,
}

impl<T: Send + Sync + 'static> Clone for UndoableDelete<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for UndoableDelete<T> {}

impl<T: StoredItem + Clone + Send + Sync + 'static> UndoableDelete<T> {
    pub fn new(item: SyncedItem<T>) -> Self {
        UndoableDelete {
            item,
            deleted: RwSignal::new(None),
            error: RwSignal::new(None),
        }
    }

    /// Deletes the stored item and moves focus to the Undo button `undo_id`.
    pub fn delete(&self, undo_id: &str) {
        self.item.reload();
        let kept = self.item.value.get_untracked();
        match self.item.remove() {
            Ok(()) => {
                self.deleted.set(Some(kept));
                self.error.set(None);
                let undo_id = undo_id.to_string();
                request_animation_frame(move || focus_element(&undo_id));
            }
            Err(e) => self.error.set(Some(e.into())),
        }
    }

    /// Writes back what was deleted, as `restore` makes it (e.g. with today's date). The Undo
    /// button then goes away, so focus moves to `focus_after` (the item's Delete button).
    pub fn undo(&self, restore: impl FnOnce(T) -> T, focus_after: &str) {
        if let Some(value) = self.deleted.get_untracked() {
            match self.item.save(restore(value)) {
                Ok(()) => {
                    self.deleted.set(None);
                    let focus_after = focus_after.to_string();
                    request_animation_frame(move || focus_element(&focus_after));
                }
                Err(e) => self.error.set(Some(e)),
            }
        }
    }
}

/// "… is deleted. Undo": the message shown in place of a deleted item.
pub fn undo_offer(
    message: &'static str,
    undo_id: String,
    undo: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <p class="message" role="status">
            {message}" "
            <button type="button" class="link-button" id=undo_id on:click=move |_| undo()>{tr!(norms.undo)}</button>
        </p>
    }
}
