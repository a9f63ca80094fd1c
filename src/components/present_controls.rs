//! Driving present mode from the keyboard, a presentation clicker or the on-screen buttons, and
//! the two overlays over it: the list of keys (with the switch for single-letter keys, WCAG
//! 2.1.4) and, on the projector, the timer's settings. While an overlay is open the page behind
//! it is inert and only Escape acts; closing it returns focus to the button that opened it.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rand::SeedableRng;
use rand::rngs::SmallRng;
use wasm_bindgen::JsCast;

use crate::components::discussion_timer::{use_now, use_phase};
use crate::content::present_help;
use crate::live_show::LiveShow;
use crate::model::deck::FullDeck;
use crate::model::presenter::{Command, KeyPress, RandomOutcome};
use crate::model::settings::Settings;
use crate::model::timer::Phase;
use crate::state::{Synced, load_full_deck};
use crate::web::{focus_element, listen_while_alive, now_ms, toggle_full_screen};

thread_local! {
    /// Seeded from the browser's crypto random source; the clock only if that is missing.
    static RNG: RefCell<SmallRng> = RefCell::new(
        SmallRng::try_from_rng(&mut rand::rngs::SysRng)
            .unwrap_or_else(|_| SmallRng::seed_from_u64(now_ms())),
    );
}

/// What the last control led to, when it is worth saying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// Every card had come up once: a new round of drawing started.
    Reshuffled,
    NothingToDraw,
    /// Next at the last item: nothing further.
    End,
}

/// What the last control led to, in words (read out on the projector, shown on the presenter's
/// view).
pub fn said_words(said: Option<Said>) -> &'static str {
    match said {
        Some(Said::Reshuffled) => tr!(present.reshuffled),
        Some(Said::NothingToDraw) => tr!(present.nothing_to_draw),
        Some(Said::End) => present_help(crate::current_lang()).end_of_show,
        None => "",
    }
}

/// Everything a control needs: the shared presentation, the cards (to count their questions),
/// the clock, and this window's own state (overlays, the last message).
#[derive(Clone, Copy)]
pub struct Presenting {
    pub live: LiveShow,
    pub deck: StoredValue<FullDeck>,
    pub now: Signal<u64>,
    pub help: RwSignal<bool>,
    /// The timer's settings, open over the audience view.
    pub timer_panel: RwSignal<bool>,
    pub said: RwSignal<Option<Said>>,
    leave: StoredValue<Box<dyn Fn()>, LocalStorage>,
}

impl Presenting {
    /// Call in the page's component (it takes the router's navigation).
    fn new(live: LiveShow, deck: StoredValue<FullDeck>, now: Signal<u64>) -> Presenting {
        let navigate = use_navigate();
        Presenting {
            live,
            deck,
            now,
            help: RwSignal::new(false),
            timer_panel: RwSignal::new(false),
            said: RwSignal::new(None),
            leave: StoredValue::new_local(Box::new(move || {
                navigate("/present", Default::default())
            })),
        }
    }

    /// An overlay is open (tracked): the page behind it is inert.
    pub fn overlay_open(&self) -> bool {
        self.help.get() || self.timer_panel.get()
    }

    /// Counting down now (tracked).
    pub fn timer_counting(&self) -> bool {
        let now = self.now.get();
        self.live.show.with(|s| s.timer.is_counting(now))
    }

    pub fn run(&self, command: Command) {
        let questions = |card: &str| {
            self.deck
                .with_value(|d| d.card(card).map_or(0, |c| c.questions().len()))
        };
        let mut said = None;
        match command {
            Command::Next => {
                let mut moved = true;
                self.live.update(|s| moved = s.next(&questions));
                said = (!moved).then_some(Said::End);
            }
            Command::Previous => self.live.update(|s| {
                s.previous(&questions);
            }),
            Command::Random => {
                let mut outcome = RandomOutcome::Nothing;
                self.live.update(|s| {
                    outcome = RNG.with_borrow_mut(|rng| s.random(rng, now_ms()));
                });
                said = match outcome {
                    RandomOutcome::Card => None,
                    RandomOutcome::Reshuffled => Some(Said::Reshuffled),
                    RandomOutcome::Nothing => Some(Said::NothingToDraw),
                };
            }
            Command::ToggleTimer => self.live.update(|s| s.toggle_timer(now_ms())),
            Command::FullScreen => toggle_full_screen(),
            Command::Help => self.help.update(|open| *open = !*open),
            Command::Leave if self.help.get_untracked() || self.timer_panel.get_untracked() => {
                self.close_overlays()
            }
            Command::Leave => self.leave.with_value(|leave| leave()),
        }
        self.said.set(said);
    }

    pub fn close_overlays(&self) {
        self.help.set(false);
        self.timer_panel.set(false);
    }
}

/// What the audience view and the presenter's view both start from: the shared presentation,
/// the cards, the controls listening for keys, the timer's clock and phase, and its end chime.
pub struct PresentingPage {
    pub live: LiveShow,
    pub deck: StoredValue<FullDeck>,
    pub presenting: Presenting,
    pub now: Signal<u64>,
    pub phase: Memo<Phase>,
}

pub fn use_presenting_page() -> PresentingPage {
    let live = LiveShow::open();
    let deck = StoredValue::new(load_full_deck());
    let now = use_now(live);
    let phase = use_phase(live, now);
    let presenting = Presenting::new(live, deck, now);
    use_present_keys(presenting);
    // Both views chime (the chime itself plays only in the window that has the focus).
    crate::components::discussion_timer::use_end_chime(phase);
    PresentingPage {
        live,
        deck,
        presenting,
        now,
        phase,
    }
}

/// Listens for the keys of present mode while the page is open.
fn use_present_keys(presenting: Presenting) {
    let settings = expect_context::<Synced<Settings>>();
    listen_while_alive(leptos::ev::keydown, move |event| {
        let key = event.key();
        if presenting.help.get_untracked() || presenting.timer_panel.get_untracked() {
            // Over an open overlay only Escape acts (also from the timer's length field).
            if key == "Escape" {
                event.prevent_default();
                presenting.close_overlays();
            }
            return;
        }
        if belongs_to_a_control(&event) {
            return;
        }
        let code = event.code();
        let press = KeyPress {
            key: &key,
            code: &code,
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

/// A button clicked with a mouse or a finger lets go of the focus, so that Space (and a
/// clicker) go on with the presentation instead of pressing the button again. Keyboard users
/// keep their place (`detail` is 0 for a click made with a key).
fn release_after_pointer(event: &web_sys::MouseEvent) {
    if event.detail() > 0
        && let Some(button) = event
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = button.blur();
    }
}

/// The on-screen buttons (touch screens, a mouse), in the order of the keys. `set_timer` adds a
/// button that opens the timer's settings (the audience view has no room for them otherwise).
#[component]
pub fn ControlBar(presenting: Presenting, #[prop(optional)] set_timer: bool) -> impl IntoView {
    let settings = expect_context::<Synced<Settings>>();
    let letters = move || settings.value.with(|s| s.present_letter_keys);
    // Letter shortcuts are announced only while they work.
    let button = move |id: &'static str, label: &'static str, key: &'static str, command| {
        let shortcut = move || (key.len() > 1 || letters()).then_some(key);
        view! {
            <button type="button" class="control" id=id aria-keyshortcuts=shortcut
                on:click=move |e| {
                    release_after_pointer(&e);
                    presenting.run(command);
                }>{label}</button>
        }
    };
    let timer_label = move || {
        if presenting.timer_counting() {
            tr!(timer.pause)
        } else {
            tr!(timer.start)
        }
    };
    view! {
        <div class="control-bar" role="group" aria-label=tr!(present.controls_label)>
            {button("control-previous", tr!(present.previous), "ArrowLeft", Command::Previous)}
            {button("control-next", tr!(present.next), "ArrowRight", Command::Next)}
            {button("control-random", tr!(present.random), "R", Command::Random)}
            <button type="button" class="control" id="control-timer" aria-keyshortcuts=move || letters().then_some("T")
                on:click=move |e| {
                    release_after_pointer(&e);
                    presenting.run(Command::ToggleTimer);
                }>{timer_label}</button>
            {set_timer.then(|| view! {
                <button type="button" class="control" id="control-set-timer"
                    on:click=move |_| presenting.timer_panel.update(|open| *open = !*open)>{tr!(timer.set_timer)}</button>
            })}
            {button("control-full-screen", tr!(present.full_screen), "F", Command::FullScreen)}
            {button("control-help", tr!(present.keys), "?", Command::Help)}
            {button("control-leave", tr!(present.leave), "Escape", Command::Leave)}
        </div>
    }
}

/// An overlay's focus: into it (`inside`) when it opens, back to `opener` when it closes.
pub fn use_overlay_focus(open: RwSignal<bool>, inside: &'static str, opener: &'static str) {
    Effect::watch(
        move || open.get(),
        move |now_open, was_open, _| {
            if *now_open {
                request_animation_frame(move || focus_element(inside));
            } else if was_open == Some(&true) {
                request_animation_frame(move || focus_element(opener));
            }
        },
        false,
    );
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
    use_overlay_focus(presenting.help, "keys-close", "control-help");
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
            <p class="hint">{crate::content::present_help(crate::current_lang()).letter_keys}</p>
            <p><button type="button" class="button" id="keys-close" on:click=move |_| presenting.help.set(false)>{tr!(present.close)}</button></p>
        </div>
    }
}
