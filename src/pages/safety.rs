//! What quick exit does and does not do, and where it leads.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::components::confirm::ConfirmPanel;
use crate::components::save_error::SaveErrorMessage;
use crate::i18n::{t, use_i18n};
use crate::model::settings::{ExitUrlError, Settings, validate_exit_url};
use crate::state::{Synced, everything, shared_device};
use crate::storage::SaveError;
use crate::storage::everything::Kind;
use crate::web::load_afresh;

#[component]
pub fn SafetyPage() -> impl IntoView {
    view! {
        <Title text=tr!(safety.title) />
        <h1>{tr!(safety.heading)}</h1>
        <p class="lead">{tr!(safety.intro)}</p>

        <section aria-labelledby="does-heading">
            <h2 id="does-heading">{tr!(safety.does_heading)}</h2>
            <ul>
                // Shift ×3 only where there is a keyboard (style/main.css shows one of the two).
                <li class="for-keys">{tr!(safety.does_button)}</li>
                <li class="for-touch">{tr!(safety.does_button_touch)}</li>
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
        <SharedDevice />
        <section aria-labelledby="lock-heading">
            <h2 id="lock-heading">{tr!(lock.heading)}</h2>
            <p>{tr!(lock.text)}" "<a href=crate::at("/lock") id="to-lock">{tr!(lock.go)}</a></p>
        </section>
    }
}

/// Shared-device mode: on, off (keeping or forgetting what this tab holds), and whether new tabs
/// start so. Every switch reloads the page, so all values are read from the storage now in use.
#[component]
fn SharedDevice() -> impl IntoView {
    let on = crate::storage::browser::shared_device();
    let remember = RwSignal::new(shared_device::remembered());
    let error = RwSignal::new(None::<SaveError>);
    let confirm_forget = RwSignal::new(false);
    let done = move |result: Result<(), SaveError>| match result {
        // Not the address with `#shared-device`: that would only scroll, not load.
        Ok(()) => load_afresh(&crate::at("/safety")),
        Err(e) => error.set(Some(e)),
    };
    let start =
        move |_| done(shared_device::start(remember.get_untracked()).map_err(SaveError::Store));
    let confirm_erase = RwSignal::new(false);
    let erase_and_start = move || {
        let result = everything::erase()
            .and_then(|_| shared_device::start(remember.get_untracked()))
            .map_err(SaveError::Store);
        done(result);
    };
    let i18n = use_i18n();
    let stop = move |keep: bool| done(shared_device::stop(keep).map(|_| ()));
    let on_remember = move |e: leptos::ev::Event| {
        let checked = event_target_checked(&e);
        remember.set(checked);
        // While the mode is on, the choice applies at once; before, it is taken with the start.
        if on && let Err(e) = shared_device::remember(checked) {
            error.set(Some(SaveError::Store(e)));
        }
    };
    view! {
        <section aria-labelledby="shared-device">
            <h2 id="shared-device">{tr!(safety.shared_heading)}</h2>
            <p>{tr!(safety.shared_text)}</p>
            {if on {
                view! {
                    <p class="message message--ok" id="shared-device-status">{tr!(safety.shared_is_on)}</p>
                }.into_any()
            } else {
                view! { <p class="hint">{tr!(safety.shared_before)}</p> }.into_any()
            }}
            <p class="choice">
                <input type="checkbox" id="shared-remember" prop:checked=move || remember.get() on:change=on_remember />
                <label for="shared-remember">{tr!(safety.shared_remember)}</label>
            </p>
            {move || error.get().map(|error| view! { <SaveErrorMessage error id="shared-device-error" /> })}
            {if on {
                // A locked device takes nothing from a shared tab (which never holds the key).
                let locked = crate::storage::browser::device_has_lock();
                view! {
                    {locked.then(|| view! { <p class="message" id="shared-keep-locked">{tr!(safety.shared_keep_locked)}</p> })}
                    <p class="toolbar">
                        {(!locked).then(|| view! {
                            <button type="button" class="button" id="shared-keep" on:click=move |_| stop(true)>{tr!(safety.shared_keep)}</button>
                        })}
                        <button type="button" class="button button--quiet" id="shared-forget" aria-expanded=move || confirm_forget.get().to_string()
                            on:click=move |_| confirm_forget.set(true)>{tr!(safety.shared_forget)}</button>
                    </p>
                    {(!locked).then(|| view! { <p class="hint">{tr!(safety.shared_keep_hint)}</p> })}
                    {move || confirm_forget.get().then(|| view! {
                        <ConfirmPanel prefix="shared-forget" question=tr!(safety.shared_forget_confirm)
                            yes=tr!(safety.shared_forget_yes) on_yes=Callback::new(move |()| stop(false))
                            on_cancel=Callback::new(move |()| confirm_forget.set(false)) back_to="shared-forget" />
                    })}
                }.into_any()
            } else {
                // What the device keeps now is set aside in a shared tab, not erased: say so, with
                // how much, and offer to erase it first.
                let kept = kept_on_device();
                view! {
                    {(kept > 0).then(|| view! {
                        <p id="shared-kept">{t!(i18n, safety.shared_kept, count = kept)}</p>
                    })}
                    <p class="toolbar">
                        <button type="button" class="button" id="shared-start" on:click=start>{tr!(safety.shared_start)}</button>
                        {(kept > 0).then(|| view! {
                            <button type="button" class="button button--quiet" id="shared-erase-start"
                                aria-expanded=move || confirm_erase.get().to_string()
                                on:click=move |_| confirm_erase.set(true)>{tr!(safety.shared_erase_start)}</button>
                        })}
                    </p>
                    {move || confirm_erase.get().then(|| view! {
                        <ConfirmPanel prefix="shared-erase" question=tr!(safety.shared_erase_confirm)
                            yes=tr!(safety.shared_erase_yes) danger=true on_yes=Callback::new(move |()| erase_and_start())
                            on_cancel=Callback::new(move |()| confirm_erase.set(false)) back_to="shared-erase-start" />
                    })}
                }.into_any()
            }}
        </section>
    }
}

/// How many things a person wrote are kept on this device (settings and positions not counted).
fn kept_on_device() -> usize {
    everything::summary().map_or(0, |summary| {
        Kind::ALL
            .iter()
            .filter(|kind| **kind != Kind::Settings)
            .map(|kind| summary.count(*kind))
            .sum::<usize>()
            + summary.copies
    })
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
