//! What quick exit does and does not do, and where it leads.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::save_error::SaveErrorMessage;
use crate::model::settings::{ExitUrlError, Settings, validate_exit_url};
use crate::state::Synced;
use crate::storage::SaveError;

#[component]
pub fn SafetyPage() -> impl IntoView {
    view! {
        <Title text=tr!(safety.title) />
        <h1>{tr!(safety.heading)}</h1>
        <p class="lead">{tr!(safety.intro)}</p>

        <section aria-labelledby="does-heading">
            <h2 id="does-heading">{tr!(safety.does_heading)}</h2>
            <ul>
                <li>{tr!(safety.does_button)}</li>
                <li>{tr!(safety.does_back)}</li>
            </ul>
        </section>

        <section aria-labelledby="not-heading">
            <h2 id="not-heading">{tr!(safety.not_heading)}</h2>
            <ul>
                <li>{tr!(safety.not_history)}</li>
                <li>{tr!(safety.not_data)}</li>
                <li>{tr!(safety.not_devices)}</li>
            </ul>
        </section>

        <ExitDestinationForm />
    }
}

/// What happened to the last attempt to save.
#[derive(Clone)]
enum Outcome {
    Saved,
    Invalid(ExitUrlError),
    NotSaved(SaveError),
}

#[component]
fn ExitDestinationForm() -> impl IntoView {
    let settings = expect_context::<Synced<Settings>>();
    // The field keeps what the person typed, whatever happens to the save.
    let draft = RwSignal::new(settings.value.get_untracked().exit_url);
    let outcome = RwSignal::new(None::<Outcome>);

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = draft.get_untracked();
        let result = match validate_exit_url(&typed) {
            Err(e) => Outcome::Invalid(e),
            Ok(url) => {
                let mut next = settings.value.get_untracked();
                next.exit_url = url.clone();
                match settings.save(next) {
                    Ok(()) => {
                        draft.set(url);
                        Outcome::Saved
                    }
                    Err(e) => Outcome::NotSaved(e),
                }
            }
        };
        outcome.set(Some(result));
    };

    let invalid = move || matches!(outcome.get(), Some(Outcome::Invalid(_)));
    view! {
        <section aria-labelledby="destination-heading">
            <h2 id="destination-heading">{tr!(safety.destination_heading)}</h2>
            <form class="form" on:submit=on_submit novalidate>
                <label for="exit-destination">{tr!(safety.destination_label)}</label>
                <p id="exit-destination-hint" class="hint">{tr!(safety.destination_hint)}</p>
                <input
                    id="exit-destination"
                    type="url"
                    inputmode="url"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="exit-destination-hint"
                    aria-invalid=move || invalid().then_some("true")
                    prop:value=move || draft.get()
                    on:input=move |ev| {
                        draft.set(event_target_value(&ev));
                        // An old "Saved." or error no longer describes what is in the field.
                        outcome.set(None);
                    }
                />
                <button id="save-exit-destination" type="submit" class="button">{tr!(safety.save)}</button>
            </form>
            {move || outcome.get().map(|o| match o {
                Outcome::Saved => view! {
                    <p id="exit-destination-saved" class="message message--ok" role="status">{tr!(safety.saved)}</p>
                }.into_any(),
                Outcome::Invalid(e) => {
                    let text = match e {
                        ExitUrlError::Empty => tr!(safety.error_empty).into_any(),
                        ExitUrlError::TooLong => tr!(safety.error_too_long).into_any(),
                        ExitUrlError::NotWebAddress => tr!(safety.error_not_web).into_any(),
                    };
                    view! { <p id="exit-destination-error" class="message message--error" role="alert">{text}</p> }.into_any()
                }
                Outcome::NotSaved(e) => view! { <SaveErrorMessage error=e id="storage-error" /> }.into_any(),
            })}
        </section>
    }
}
