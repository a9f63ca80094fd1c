//! The audience view (`/present/show`): what the projector shows, and nothing else. Large type,
//! high contrast, the countdown, and small controls for touch screens. Driven by keys, a clicker,
//! the buttons, or the presenter's window.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::components::discussion_timer::{TimerFace, TimerPanel};
use crate::components::present_controls::{
    ControlBar, KeysHelp, PresentingPage, said_words, use_presenting_page,
};
use crate::components::slide::Slide;
use crate::content::source;
use crate::i18n::{t, use_i18n};
use crate::model::presenter::Show;
use crate::model::timer::Phase;

#[component]
pub fn StagePage() -> impl IntoView {
    let i18n = use_i18n();
    let PresentingPage {
        live,
        deck,
        presenting,
        now,
        phase,
    } = use_presenting_page();
    let show: Signal<Show> = live.show.into();
    let plan = move || {
        live.show.with(|s| {
            let (n, total) = s.progress();
            s.agenda.as_ref().map(|title| (title.clone(), n, total))
        })
    };
    view! {
        <Title text=tr!(present.stage_title) />
        <div class="stage" class:stage--finished=move || phase.get() == Phase::Finished>
            // Behind an open overlay the page is inert: no focus, no clicks, not read out.
            <div class="stage__body" inert=move || presenting.overlay_open()>
                <div class="stage__top">
                    <p class="stage__progress">
                        {move || plan().map(|(title, n, total)| view! {
                            {title}" · "{t!(i18n, present.item_of, n = move || n, total = move || total)}
                        })}
                    </p>
                    <TimerFace live now phase />
                </div>
                <Slide show deck preview=false />
                <p class="stage__credit">{tr!(present.credit)}" "<cite>{source(crate::current_lang()).title}</cite>" ("{source(crate::current_lang()).publisher_short}")"</p>
                <ControlBar presenting set_timer=true />
            </div>
            <KeysHelp presenting />
            <TimerPanel live now phase open=presenting.timer_panel />
            <p class="visually-hidden" role="status">{move || said_words(presenting.said.get())}</p>
        </div>
    }
}
