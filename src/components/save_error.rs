//! Words for a failed save. Shown next to the field, whose text stays as the person typed it.

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

use crate::storage::{SaveError, StoreError};

#[component]
pub fn SaveErrorMessage(
    error: SaveError,
    /// Only for a page with a single message (tests and `aria-describedby` find it by id).
    #[prop(optional)]
    id: Option<&'static str>,
    /// The field saves itself (no Save button): a conflict is explained accordingly.
    #[prop(optional)]
    autosaved: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = match error {
        SaveError::Store(StoreError::QuotaExceeded) => tr!(storage.error_quota).into_any(),
        SaveError::Store(StoreError::Unavailable(_)) => tr!(storage.error_unavailable).into_any(),
        SaveError::Conflict { .. } if autosaved => tr!(storage.error_conflict_autosaved).into_any(),
        SaveError::Conflict { .. } => tr!(storage.error_conflict).into_any(),
        SaveError::Unbacked(_) => tr!(storage.error_unbacked).into_any(),
        SaveError::Store(StoreError::Other(detail)) | SaveError::Encode(detail) => {
            t!(i18n, storage.error_other, detail = move || detail.clone()).into_any()
        }
    };
    view! { <p id=id class="message message--error" role="alert">{text}</p> }
}
