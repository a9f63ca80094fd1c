//! The passphrase lock's settings (the lock page): turning it on, the idle time, a new
//! passphrase, turning it off; and the pieces the unlock page shares (a passphrase field, the
//! words for what went wrong). Every change that needs the passphrase asks for it again, so a
//! phone left unlocked for a moment cannot be given a lock its owner does not know.

use leptos::prelude::*;

use crate::components::save_error::SaveErrorMessage;
use crate::lock_session::{self, Lock, LockError};
use crate::storage::lock::{
    DEFAULT_IDLE_MINUTES, IDLE_CHOICES, PassphraseProblem, check_new_passphrase,
};

/// A passphrase input. Pasting works (password managers, long sentences); `shown` turns the
/// dots into letters for people who want to see what they typed.
#[component]
pub fn PassphraseField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    autocomplete: &'static str,
    #[prop(optional)] described_by: Option<&'static str>,
    #[prop(optional, into)] invalid: Signal<bool>,
    #[prop(optional)] shown: Option<RwSignal<bool>>,
) -> impl IntoView {
    let kind = move || {
        if shown.is_some_and(|s| s.get()) {
            "text"
        } else {
            "password"
        }
    };
    view! {
        <label for=id>{label}</label>
        <input id=id type=kind autocomplete=autocomplete spellcheck="false" autocapitalize="off"
            aria-describedby=described_by aria-invalid=move || invalid.get().then_some("true")
            prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e)) />
    }
}

/// "Show what I type", for the passphrase fields of one form.
#[component]
fn ShowTyped(id: &'static str, shown: RwSignal<bool>) -> impl IntoView {
    view! {
        <p class="choice">
            <input type="checkbox" id=id prop:checked=move || shown.get()
                on:change=move |e| shown.set(event_target_checked(&e)) />
            <label for=id>{tr!(lock.show_typed)}</label>
        </p>
    }
}

#[component]
pub fn LockErrorMessage(error: LockError) -> impl IntoView {
    let text = match error {
        LockError::Wrong => tr!(lock.error_wrong),
        LockError::Damaged => tr!(lock.error_damaged),
        LockError::NoCrypto => tr!(lock.error_no_crypto),
        LockError::Save(error) => return view! { <SaveErrorMessage error /> }.into_any(),
    };
    view! { <p class="message message--error" role="alert">{text}</p> }.into_any()
}

pub fn passphrase_problem_words(problem: PassphraseProblem) -> &'static str {
    match problem {
        PassphraseProblem::TooShort => tr!(lock.error_short),
        PassphraseProblem::TooLong => tr!(lock.error_long),
        PassphraseProblem::NotRepeated => tr!(lock.error_repeat),
    }
}

/// What the last action did, shown under the section (it survives the switch between the
/// "off" and "on" forms).
#[derive(Clone, PartialEq)]
enum Outcome {
    Working,
    Done(&'static str),
    Problem(PassphraseProblem),
    Failed(LockError),
}

#[component]
pub fn LockSettings() -> impl IntoView {
    // The page's own view of the lock: set after each action that changes it.
    let lock = RwSignal::new(lock_session::status());
    lock_session::set_lock_word(tr!(lock.now));
    let shared = crate::storage::browser::shared_device();
    let outcome = RwSignal::new(None::<Outcome>);
    view! {
        <section class="lock-settings" aria-labelledby="lock-settings-heading">
            <h2 id="lock-settings-heading">{move || if lock.get() == Lock::Off { tr!(lock.settings_off) } else { tr!(lock.settings_heading) }}</h2>
            {move || match lock.get() {
                _ if shared => view! { <p class="hint" id="lock-shared">{tr!(lock.shared)}</p> }.into_any(),
                Lock::Off => view! { <TurnOn lock outcome /> }.into_any(),
                Lock::Open => view! { <LockIsOn lock outcome /> }.into_any(),
                Lock::Closed => view! {
                    <p id="lock-status">{tr!(lock.closed)}" "<a href=crate::at("/unlock?to=/lock")>{tr!(lock.unlock)}</a></p>
                }.into_any(),
            }}
            <div id="lock-outcome" aria-live="polite" tabindex="-1">
                {move || outcome.get().map(|o| match o {
                    Outcome::Working => view! { <p class="message">{tr!(lock.working)}</p> }.into_any(),
                    Outcome::Done(text) => view! { <p class="message message--ok">{text}</p> }.into_any(),
                    Outcome::Problem(p) => view! { <p class="message message--error" role="alert">{passphrase_problem_words(p)}</p> }.into_any(),
                    Outcome::Failed(error) => view! { <LockErrorMessage error /> }.into_any(),
                })}
            </div>
        </section>
    }
}

/// Runs a lock action that derives a key (a fraction of a second, or longer on an old phone).
fn run(
    outcome: RwSignal<Option<Outcome>>,
    done: &'static str,
    action: impl std::future::Future<Output = Result<(), LockError>> + 'static,
    after: impl FnOnce() + 'static,
) {
    if outcome.get_untracked() == Some(Outcome::Working) {
        return;
    }
    outcome.set(Some(Outcome::Working));
    leptos::task::spawn_local(async move {
        match action.await {
            Ok(()) => {
                outcome.set(Some(Outcome::Done(done)));
                after();
            }
            Err(e) => outcome.set(Some(Outcome::Failed(e))),
        }
        // The forms may have changed under the button: the outcome takes the focus (and the
        // screen scrolls to it).
        request_animation_frame(|| crate::web::focus_element("lock-outcome"));
    });
}

#[component]
fn TurnOn(lock: RwSignal<Lock>, outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let repeated = RwSignal::new(String::new());
    let shown = RwSignal::new(false);
    let idle = RwSignal::new(DEFAULT_IDLE_MINUTES);
    let done = tr!(lock.turned_on);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = passphrase.get_untracked();
        if let Err(problem) = check_new_passphrase(&typed, &repeated.get_untracked()) {
            outcome.set(Some(Outcome::Problem(problem)));
            return;
        }
        run(
            outcome,
            done,
            lock_session::turn_on(typed, idle.get_untracked()),
            move || lock.set(Lock::Open),
        );
    };
    view! {
        <form class="form" id="lock-on-form" on:submit=on_submit novalidate>
            <p class="hint" id="lock-new-hint">{tr!(lock.new_hint)}</p>
            <PassphraseField id="lock-new" label=tr!(lock.new_passphrase) value=passphrase
                autocomplete="new-password" described_by="lock-new-hint" shown />
            <PassphraseField id="lock-repeat" label=tr!(lock.repeat_passphrase) value=repeated
                autocomplete="new-password" shown />
            <ShowTyped id="lock-on-show" shown />
            <IdleChoice id="lock-idle-new" idle on_change=Callback::new(|_| ()) />
            <button type="submit" class="button" id="lock-turn-on">{tr!(lock.turn_on)}</button>
        </form>
    }
}

#[component]
fn LockIsOn(lock: RwSignal<Lock>, outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let idle = RwSignal::new(lock_session::idle_minutes().unwrap_or(DEFAULT_IDLE_MINUTES));
    let idle_saved = tr!(lock.idle_saved);
    let on_idle = Callback::new(move |minutes: u32| {
        outcome.set(Some(match lock_session::set_idle(minutes) {
            Ok(()) => Outcome::Done(idle_saved),
            Err(e) => Outcome::Failed(e),
        }));
    });

    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeated = RwSignal::new(String::new());
    let shown = RwSignal::new(false);
    let changed = tr!(lock.changed);
    let on_change = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = new.get_untracked();
        if let Err(problem) = check_new_passphrase(&typed, &repeated.get_untracked()) {
            outcome.set(Some(Outcome::Problem(problem)));
            return;
        }
        let clear = move || {
            for field in [current, new, repeated] {
                field.set(String::new());
            }
        };
        run(
            outcome,
            changed,
            lock_session::change(current.get_untracked(), typed),
            clear,
        );
    };

    let off_current = RwSignal::new(String::new());
    let turned_off = tr!(lock.turned_off);
    let on_off = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        run(
            outcome,
            turned_off,
            lock_session::turn_off(off_current.get_untracked()),
            move || lock.set(Lock::Off),
        );
    };
    view! {
        <p class="message message--ok" id="lock-status">{tr!(lock.is_on)}</p>
        <div class="form"><IdleChoice id="lock-idle" idle on_change=on_idle /></div>

        <h3 id="lock-change-heading">{tr!(lock.change_heading)}</h3>
        <form class="form" id="lock-change-form" on:submit=on_change aria-labelledby="lock-change-heading" novalidate>
            <PassphraseField id="lock-current" label=tr!(lock.current_passphrase) value=current
                autocomplete="current-password" shown />
            <PassphraseField id="lock-change-new" label=tr!(lock.new_passphrase) value=new
                autocomplete="new-password" shown />
            <PassphraseField id="lock-change-repeat" label=tr!(lock.repeat_passphrase) value=repeated
                autocomplete="new-password" shown />
            <ShowTyped id="lock-change-show" shown />
            <button type="submit" class="button" id="lock-change">{tr!(lock.change)}</button>
        </form>

        <h3 id="lock-off-heading">{tr!(lock.off_heading)}</h3>
        <form class="form" id="lock-off-form" on:submit=on_off aria-labelledby="lock-off-heading" novalidate>
            <p class="hint" id="lock-off-hint">{tr!(lock.off_hint)}</p>
            <PassphraseField id="lock-off-current" label=tr!(lock.current_passphrase) value=off_current
                autocomplete="current-password" described_by="lock-off-hint" />
            <button type="submit" class="button button--quiet" id="lock-turn-off">{tr!(lock.turn_off)}</button>
        </form>
    }
}

/// How long without use before the lock closes by itself.
#[component]
fn IdleChoice(id: &'static str, idle: RwSignal<u32>, on_change: Callback<u32>) -> impl IntoView {
    let words = |minutes: u32| match minutes {
        1 => tr!(lock.idle_1),
        5 => tr!(lock.idle_5),
        15 => tr!(lock.idle_15),
        60 => tr!(lock.idle_60),
        _ => tr!(lock.idle_never),
    };
    view! {
        <label for=id>{tr!(lock.idle_label)}</label>
        <select id=id on:change=move |e| {
            if let Ok(minutes) = event_target_value(&e).parse::<u32>() {
                idle.set(minutes);
                on_change.run(minutes);
            }
        }>
            {IDLE_CHOICES.into_iter().map(|minutes| view! {
                <option value=minutes.to_string() selected=move || idle.get() == minutes>{words(minutes)}</option>
            }).collect_view()}
        </select>
    }
}
