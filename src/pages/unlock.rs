//! The passphrase, while the lock is closed (`/unlock?to=<where the person was>`). A wrong
//! passphrase changes nothing; a forgotten one leaves only erasing, which the page says before
//! anyone needs it.

use crate::components::title::Title;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::components::confirm::ConfirmPanel;
use crate::components::lock_settings::{LockErrorMessage, PassphraseField};
use crate::lock_session::{self, Lock, LockError};
use crate::model::pages::return_address;
use crate::state::everything;
use crate::web::focus_element;

#[derive(Clone, PartialEq)]
enum Attempt {
    Ready,
    Working,
    Failed(LockError),
}

#[component]
pub fn UnlockPage() -> impl IntoView {
    lock_session::set_lock_word(tr!(lock.now));
    let query = use_query_map();
    let navigate = use_navigate();
    let to = move || return_address(query.with_untracked(|q| q.get("to")).as_deref());
    // Once the lock is open (here, or already), back to where the person was: in the app, so
    // the key stays in this page.
    let opened = RwSignal::new(lock_session::status() != Lock::Closed);
    Effect::new(move || {
        if opened.get() {
            let options = NavigateOptions {
                replace: true,
                ..Default::default()
            };
            navigate(&to(), options);
        }
    });
    let passphrase = RwSignal::new(String::new());
    let attempt = RwSignal::new(Attempt::Ready);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if attempt.get_untracked() == Attempt::Working {
            return;
        }
        attempt.set(Attempt::Working);
        let typed = passphrase.get_untracked();
        leptos::task::spawn_local(async move {
            match lock_session::unlock(typed).await {
                Ok(()) => {
                    passphrase.set(String::new());
                    opened.set(true);
                }
                Err(e) => {
                    attempt.set(Attempt::Failed(e));
                    focus_element("unlock-passphrase");
                }
            }
        });
    };
    let working = move || attempt.get() == Attempt::Working;
    view! {
        <Title text=tr!(lock.unlock_title) />
        <h1>{tr!(lock.unlock_heading)}</h1>
        <p class="lead">{tr!(lock.unlock_intro)}</p>
        <form class="form" on:submit=on_submit>
            <PassphraseField id="unlock-passphrase" label=tr!(lock.passphrase) value=passphrase
                autocomplete="current-password" described_by="unlock-message"
                invalid=Signal::derive(move || matches!(attempt.get(), Attempt::Failed(_))) />
            <button type="submit" class="button" id="unlock" aria-disabled=move || working().then_some("true")>
                {move || if working() { tr!(lock.unlocking) } else { tr!(lock.unlock) }}
            </button>
        </form>
        <div id="unlock-message" aria-live="polite">
            {move || match attempt.get() {
                Attempt::Failed(error) => Some(view! { <LockErrorMessage error /> }),
                _ => None,
            }}
        </div>
        <Forgotten to=Signal::derive(to) />
        <p><a href=crate::at("/safety")>{tr!(lock.to_safety)}</a></p>
    }
}

/// A forgotten passphrase: said plainly, with the one way on (erase everything, start again).
#[component]
fn Forgotten(to: Signal<String>) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let erase = move |()| match everything::erase() {
        // Nothing is locked any more: the page the person was on loads afresh, empty (after the
        // app's offline copies of its files are cleared too, as My data's erase does).
        Ok(_) => {
            let to = to.get_untracked();
            leptos::task::spawn_local(async move {
                crate::durability::clear_caches().await;
                crate::web::load_afresh(&crate::at(&to));
            });
        }
        Err(_) => failed.set(true),
    };
    view! {
        <section aria-labelledby="forgotten-heading">
            <h2 id="forgotten-heading">{tr!(lock.forgotten_heading)}</h2>
            <p>{tr!(lock.forgotten_text)}</p>
            {move || if confirming.get() {
                view! {
                    <ConfirmPanel prefix="forgotten" question=tr!(lock.forgotten_confirm) yes=tr!(lock.forgotten_yes)
                        danger=true on_yes=Callback::new(erase) back_to="forgotten-erase"
                        on_cancel=Callback::new(move |()| confirming.set(false)) />
                }.into_any()
            } else {
                view! {
                    <p><button type="button" class="button button--quiet" id="forgotten-erase"
                        on:click=move |_| confirming.set(true)>{tr!(lock.forgotten_button)}</button></p>
                }.into_any()
            }}
            {move || failed.get().then(|| view! {
                <p class="message message--error" role="alert">{tr!(lock.forgotten_failed)}</p>
            })}
        </section>
    }
}
