//! A question before something that cannot be undone (erasing everything, forgetting what a tab
//! kept): the question, what it concerns, Yes and Cancel. Focus starts on Cancel, the safe choice,
//! and Cancel gives it back to the button that opened the question.
//!
//! Element ids follow `prefix`: `<prefix>-confirm`, `<prefix>-question`, `<prefix>-yes`,
//! `<prefix>-cancel`.

use leptos::prelude::*;

use crate::web::focus_element;

#[component]
pub fn ConfirmPanel(
    prefix: &'static str,
    question: &'static str,
    yes: &'static str,
    on_yes: Callback<()>,
    on_cancel: Callback<()>,
    /// The id of the button that opened the question: focus returns there on Cancel.
    back_to: &'static str,
    /// Yes in the colour of something that cannot be undone.
    #[prop(optional)]
    danger: bool,
    /// What the question concerns (for example, what will be erased).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let cancel_id = format!("{prefix}-cancel");
    let focus_cancel = cancel_id.clone();
    request_animation_frame(move || focus_element(&focus_cancel));
    let cancel = move |_| {
        on_cancel.run(());
        request_animation_frame(move || focus_element(back_to));
    };
    view! {
        <div class="notice notice--warning" id=format!("{prefix}-confirm") role="group"
            aria-labelledby=format!("{prefix}-question")>
            <p id=format!("{prefix}-question")>{question}</p>
            {children.map(|c| c())}
            <p class="notice__actions">
                <button type="button" class="button" class:button--danger=danger id=format!("{prefix}-yes")
                    on:click=move |_| on_yes.run(())>{yes}</button>
                <button type="button" class="button button--quiet" id=cancel_id on:click=cancel>
                    {tr!(confirm.cancel)}
                </button>
            </p>
        </div>
    }
}
