//! The discussion timer on screen: the countdown (big on the projector), its controls, and the
//! end signal. The time itself is `model::timer` inside the shared presentation, so every window
//! shows the same countdown and a reload does not lose it.

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};
use crate::live_show::LiveShow;
use crate::model::timer::{LengthError, PRESET_MINUTES, Phase, Timer, parse_length};
use crate::web::now_ms;

/// The time now, updated four times a second while the timer counts down (and not at all
/// otherwise: a paused or finished timer costs nothing).
pub fn use_now(live: LiveShow) -> Signal<u64> {
    let now = RwSignal::new(now_ms());
    let running = Memo::new(move |_| {
        let now = now.get();
        live.show.with(|s| s.timer.is_counting(now))
    });
    let ticker = StoredValue::new(None::<IntervalHandle>);
    Effect::new(move |_| {
        if let Some(handle) = ticker.get_value() {
            handle.clear();
        }
        now.set(now_ms());
        let handle = running
            .get()
            .then(|| {
                set_interval_with_handle(move || now.set(now_ms()), Duration::from_millis(250)).ok()
            })
            .flatten();
        ticker.set_value(handle);
    });
    on_cleanup(move || {
        if let Some(handle) = ticker.get_value() {
            handle.clear();
        }
    });
    now.into()
}

/// The timer's phase now.
pub fn use_phase(live: LiveShow, now: Signal<u64>) -> Memo<Phase> {
    Memo::new(move |_| {
        let now = now.get();
        live.show.with(|s| s.timer.phase(now))
    })
}

/// The countdown. Hidden when no time is set; highlighted in the last minute; "Time is up" at
/// the end (a calm change of colour, no flashing).
#[component]
pub fn TimerFace(live: LiveShow, now: Signal<u64>, phase: Memo<Phase>) -> impl IntoView {
    let text = move || {
        let now = now.get();
        live.show.with(|s| s.timer.display(now))
    };
    let class = move || match phase.get() {
        Phase::LastMinute => "timer timer--last-minute",
        Phase::Finished => "timer timer--finished",
        Phase::Paused | Phase::Ready => "timer timer--paused",
        _ => "timer",
    };
    view! {
        <div class=class role="timer" aria-label=tr!(timer.label) hidden=move || phase.get() == Phase::Unset>
            <span class="timer__time">{text}</span>
            <span class="timer__state">{move || match phase.get() {
                Phase::Finished => tr!(timer.finished),
                Phase::Paused => tr!(timer.paused),
                Phase::LastMinute => tr!(timer.last_minute),
                _ => "",
            }}</span>
        </div>
    }
}

/// Start/pause, reset, the presets and a length of one's own (`m` or `m:ss`).
#[component]
pub fn TimerControls(live: LiveShow, now: Signal<u64>, phase: Memo<Phase>) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<LengthError>);
    let set = move |ms: u64| live.update(|s| s.timer = Timer::set(ms));
    let set_typed = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        match parse_length(&typed.get_untracked()) {
            Ok(ms) => {
                problem.set(None);
                set(ms);
            }
            Err(p) => problem.set(Some(p)),
        }
    };
    let toggle = move |_| live.update(|s| s.timer.toggle(now_ms()));
    let reset = move |_| live.update(|s| s.timer.reset());
    let running = move || {
        let now = now.get();
        live.show.with(|s| s.timer.is_counting(now))
    };
    view! {
        <div class="timer-controls">
            <p class="timer-controls__row">
                <button type="button" class="button" id="timer-toggle" on:click=toggle
                    disabled=move || phase.get() == Phase::Unset>
                    {move || if running() { tr!(timer.pause) } else { tr!(timer.start) }}
                </button>
                <button type="button" class="button button--quiet" id="timer-reset" on:click=reset
                    disabled=move || phase.get() == Phase::Unset>{tr!(timer.reset)}</button>
            </p>
            <p class="timer-controls__row" role="group" aria-label=tr!(timer.presets)>
                {PRESET_MINUTES.map(|m| view! {
                    <button type="button" class="chip" on:click=move |_| set(m * 60_000)>
                        {t!(i18n, timer.minutes, n = move || m)}
                    </button>
                }).collect_view()}
            </p>
            <form class="timer-controls__own" on:submit=set_typed novalidate>
                <label for="timer-length">{tr!(timer.own_length)}</label>
                <input id="timer-length" type="text" inputmode="numeric" autocomplete="off" size="6" maxlength="8"
                    placeholder="7:30" aria-describedby="timer-length-hint"
                    aria-invalid=move || problem.get().is_some().to_string()
                    prop:value=move || typed.get() on:input=move |e| typed.set(event_target_value(&e)) />
                <button type="submit" class="button button--quiet" id="timer-set">{tr!(timer.set)}</button>
                <span class="hint" id="timer-length-hint">{tr!(timer.own_hint)}</span>
            </form>
            {move || problem.get().map(|p| view! {
                <p class="message message--error" role="alert" id="timer-problem">{match p {
                    LengthError::NotATime => tr!(timer.not_a_time),
                    LengthError::Zero => tr!(timer.zero),
                    LengthError::TooLong => tr!(timer.too_long),
                }}</p>
            })}
        </div>
    }
}

/// The end of a countdown while this window watched it: a soft chime, if the facilitator chose
/// sound (the visual signal is the timer's own "Time is up"). Not on a reload after the end, and
/// only in the window that has the focus: with the presenter's view and the projector's window
/// both open, the room hears it once.
pub fn use_end_chime(phase: Memo<Phase>) {
    let settings = expect_context::<crate::state::Synced<crate::model::settings::Settings>>();
    Effect::watch(
        move || phase.get(),
        move |now, before, _| {
            let was_counting = matches!(before, Some(Phase::Running | Phase::LastMinute));
            if *now == Phase::Finished
                && was_counting
                && settings.value.with_untracked(|s| s.timer_sound)
                && crate::web::has_focus()
            {
                crate::web::play_wav(&crate::model::chime::wav());
            }
        },
        false,
    );
}

/// The timer's settings over the audience view (presets and a length of one's own).
#[component]
pub fn TimerPanel(
    live: LiveShow,
    now: Signal<u64>,
    phase: Memo<Phase>,
    open: RwSignal<bool>,
) -> impl IntoView {
    crate::components::present_controls::use_overlay_focus(
        open,
        "timer-close",
        "control-set-timer",
    );
    view! {
        <div class="keys-help" role="dialog" aria-modal="true" aria-labelledby="timer-panel-heading" hidden=move || !open.get()>
            <h2 id="timer-panel-heading">{tr!(timer.heading)}</h2>
            <TimerControls live now phase />
            <p><button type="button" class="button" id="timer-close" on:click=move |_| open.set(false)>{tr!(present.close)}</button></p>
        </div>
    }
}
