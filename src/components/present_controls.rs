//! Driving present mode from the keyboard, a presentation clicker or the on-screen buttons, and
//! the overlay that lists the keys (with the switch for single-letter keys, WCAG 2.1.4).

use std::cell::RefCell;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rand::SeedableRng;
use rand::rngs::SmallRng;
use wasm_bindgen::JsCast;

use crate::live_show::LiveShow;
use crate::model::deck::FullDeck;
use crate::model::presenter::{Command, KeyPress, RandomOutcome};
use crate::model::settings::Settings;
use crate::state::Synced;
use crate::web::{focus_element, now_ms, toggle_full_screen};

thread_local! {
    /// Seeded from the browser's crypto random source; the clock only if that is missing.
    static RNG: RefCell<SmallRng> = RefCell::new(
        SmallRng::try_from_rng(&mut rand::rngs::SysRng)
            .unwrap_or_else(|_| SmallRng::seed_from_u64(now_ms())),
    );
}

/// Everything a control needs: the shared presentation, the cards (to count their questions),
/// and this window's own state (help open, the last message).
#[derive(Clone, Copy)]
pub struct Presenting {
    pub live: LiveShow,
    pub deck: StoredValue<FullDeck>,
    pub help: RwSignal<bool>,
    /// The timer's settings, open over the audience view.
    pub timer_panel: RwSignal<bool>,
    /// What the last R led to, when worth saying.
    pub drew: RwSignal<Option<RandomOutcome>>,
    leave: StoredValue<Box<dyn Fn()>, LocalStorage>,
}

impl Presenting {
    /// Call in the page's component (it takes the router's navigation).
    pub fn new(live: LiveShow, deck: StoredValue<FullDeck>) -> Presenting {
        let navigate = use_navigate();
        Presenting {
            live,
            deck,
            help: RwSignal::new(false),
            timer_panel: RwSignal::new(false),
            drew: RwSignal::new(None),
            leave: StoredValue::new_local(Box::new(move || {
                navigate("/present", Default::default())
            })),
        }
    }

    pub fn run(&self, command: Command) {
        let questions = |card: &str| {
            self.deck
                .with_value(|d| d.card(card).map_or(0, |c| c.questions().len()))
        };
        match command {
            Command::Next => self.live.update(|s| {
                s.next(&questions);
            }),
            Command::Previous => self.live.update(|s| {
                s.previous(&questions);
            }),
            Command::Random => {
                let mut outcome = RandomOutcome::Nothing;
                self.live
                    .update(|s| outcome = RNG.with_borrow_mut(|rng| s.random(rng)));
                self.drew.set(Some(outcome));
            }
            Command::ToggleTimer => self.live.update(|s| s.toggle_timer(now_ms())),
            Command::FullScreen => toggle_full_screen(),
            Command::Help => self.help.update(|open| *open = !*open),
            Command::Leave if self.help.get_untracked() || self.timer_panel.get_untracked() => {
                self.help.set(false);
                self.timer_panel.set(false);
            }
            Command::Leave => self.leave.with_value(|leave| leave()),
        }
    }
}

/// Listens for the keys of present mode while the page is open.
pub fn use_present_keys(presenting: Presenting) {
    let settings = expect_context::<Synced<Settings>>();
    let handle = window_event_listener(leptos::ev::keydown, move |event| {
        if belongs_to_a_control(&event) {
            return;
        }
        let press = KeyPress {
            key: &event.key(),
            ctrl: event.ctrl_key(),
            alt: event.alt_key(),
            meta: event.meta_key(),
        };
        let letters = settings.value.with_untracked(|s| s.present_letter_keys);
        if let Some(command) = Command::from_key(press, letters) {
            // Space and the page keys would also scroll the page.
            event.prevent_default();
            presenting.run(command);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Keys typed into a field are text; Space or Enter on a focused button presses that button.
fn belongs_to_a_control(event: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match target.tag_name().as_str() {
        "INPUT" | "TEXTAREA" | "SELECT" => true,
        "BUTTON" | "A" | "SUMMARY" => matches!(event.key().as_str(), " " | "Enter"),
        _ => target.has_attribute("contenteditable"),
    }
}

/// The on-screen buttons (touch screens, a mouse), in the order of the keys. `set_timer` adds a
/// button that opens the timer's settings (the audience view has no room for them otherwise).
#[component]
pub fn ControlBar(presenting: Presenting, #[prop(optional)] set_timer: bool) -> impl IntoView {
    let button = move |id: &'static str, label: &'static str, key: &'static str, command| {
        view! {
            <button type="button" class="control" id=id aria-keyshortcuts=key
                on:click=move |_| presenting.run(command)>{label}</button>
        }
    };
    let timer_label = move || {
        if presenting.live.show.with(|s| s.timer.is_running()) {
            tr!(timer.pause)
        } else {
            tr!(timer.start)
        }
    };
    view! {
        <nav class="control-bar" aria-label=tr!(present.controls_label)>
            {button("control-previous", tr!(present.previous), "ArrowLeft", Command::Previous)}
            {button("control-next", tr!(present.next), "ArrowRight", Command::Next)}
            {button("control-random", tr!(present.random), "R", Command::Random)}
            <button type="button" class="control" id="control-timer" aria-keyshortcuts="T"
                on:click=move |_| presenting.run(Command::ToggleTimer)>{timer_label}</button>
            {set_timer.then(|| view! {
                <button type="button" class="control" id="control-set-timer"
                    on:click=move |_| presenting.timer_panel.update(|open| *open = !*open)>{tr!(timer.set_timer)}</button>
            })}
            {button("control-full-screen", tr!(present.full_screen), "F", Command::FullScreen)}
            {button("control-help", tr!(present.keys), "?", Command::Help)}
            {button("control-leave", tr!(present.leave), "Escape", Command::Leave)}
        </nav>
    }
}

/// The list of keys, with the switch for single-letter keys. Escape or the button closes it.
#[component]
pub fn KeysHelp(presenting: Presenting) -> impl IntoView {
    let settings = expect_context::<Synced<Settings>>();
    let letters = move || settings.value.with(|s| s.present_letter_keys);
    let switch = move |_| {
        let mut next = settings.value.get_untracked();
        next.present_letter_keys = !next.present_letter_keys;
        // Not stored (full or blocked storage)? It still applies to this visit.
        if settings.save(next.clone()).is_err() {
            settings.value.set(next);
        }
    };
    Effect::new(move |_| {
        if presenting.help.get() {
            request_animation_frame(|| focus_element("keys-close"));
        }
    });
    let close = move |_| {
        presenting.help.set(false);
        request_animation_frame(|| focus_element("control-help"));
    };
    let row = |keys: &'static str, what: &'static str| {
        view! { <tr><th scope="row"><kbd>{keys}</kbd></th><td>{what}</td></tr> }
    };
    view! {
        <div class="keys-help" role="dialog" aria-modal="true" aria-labelledby="keys-heading"
            hidden=move || !presenting.help.get()>
            <h2 id="keys-heading">{tr!(present.keys_heading)}</h2>
            <table class="keys-help__table">
                <tbody>
                    {row("→  PageDown  Space", tr!(present.key_next))}
                    {row("←  PageUp", tr!(present.key_previous))}
                    {row("R", tr!(present.key_random))}
                    {row("T", tr!(present.key_timer))}
                    {row("F", tr!(present.key_full_screen))}
                    {row("?", tr!(present.key_help))}
                    {row("Esc", tr!(present.key_leave))}
                </tbody>
            </table>
            <p>
                <button type="button" class="toggle" id="letter-keys" aria-pressed=move || letters().to_string()
                    on:click=switch>{tr!(present.letter_keys)}</button>
            </p>
            <p class="hint">{crate::content::present_help(crate::content::Lang::En).letter_keys}</p>
            <p><button type="button" class="button" id="keys-close" on:click=close>{tr!(present.close)}</button></p>
        </div>
    }
}
