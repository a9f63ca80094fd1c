//! The presenter's view (`/present/presenter`), for the laptop while a second window shows the
//! room the audience view: what is on the projector (with the questions still hidden), what
//! comes next, the timer, the facilitator's notes and every item to jump to. Both windows stay in
//! step through `LiveShow`; either can drive, and either can be closed.

use crate::components::title::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::discussion_timer::{TimerControls, TimerFace};
use crate::components::present_controls::{
    ControlBar, KeysHelp, PresentingPage, said_words, use_presenting_page,
};
use crate::components::slide::{Slide, item_name};
use crate::components::support_services::SupportServicesList;
use crate::content::facilitation;
use crate::i18n::{t, use_i18n};
use crate::model::deck::AnyCard;
use crate::model::presenter::Show;
use crate::web::{now_ms, open_window};

/// The audience window's name: opening it again brings back the same window.
pub const AUDIENCE_WINDOW: &str = "tpa-audience";

#[component]
pub fn PresenterPage() -> impl IntoView {
    let i18n = use_i18n();
    let PresentingPage {
        live,
        deck,
        presenting,
        now,
        phase,
    } = use_presenting_page();
    let show: Signal<Show> = live.show.into();
    // `?window=blocked`: the Present page could not open the audience window.
    let blocked =
        RwSignal::new(use_query_map().with_untracked(|q| q.get_str("window") == Some("blocked")));
    let open_audience =
        move |_| blocked.set(!open_window(&crate::at("/present/show"), AUDIENCE_WINDOW));
    let progress = move || live.show.with(Show::progress);
    let has_items = move || live.show.with(|s| !s.items.is_empty());
    let next = move || {
        live.show.with(|s| {
            s.next_item()
                .map(|item| deck.with_value(|d| item_name(item, d)))
        })
    };
    let content_note = move || {
        live.show.with(|s| {
            s.card_on_screen().and_then(|id| {
                deck.with_value(|d| d.card(id).and_then(AnyCard::content_note).map(String::from))
            })
        })
    };
    // The list is rebuilt only when the items change (not on every step), so focus stays on
    // the item just chosen; which one is on screen is marked row by row.
    let names = Memo::new(move |_| {
        live.show.with(|s| {
            s.items
                .iter()
                .map(|item| deck.with_value(|d| item_name(item, d)))
                .collect::<Vec<_>>()
        })
    });
    let current = Memo::new(move |_| live.show.with(|s| s.drawn.is_none().then_some(s.position)));
    view! {
        <Title text=tr!(present.presenter_title) />
        <div class="presenter">
            // Behind an open overlay the page is inert: no focus, no clicks, not read out.
            <div class="presenter__body" inert=move || presenting.overlay_open()>
            <div class="presenter-bar">
                <h1>{tr!(present.presenter_heading)}</h1>
                <p class="presenter-bar__actions">
                    <button type="button" class="button" id="open-audience" on:click=open_audience>{tr!(present.open_audience)}</button>
                </p>
            </div>
            {move || blocked.get().then(|| view! { <p class="message message--error" role="alert">{tr!(present.window_blocked)}</p> })}
            {move || live.unsaved.get().then(|| view! { <p class="message" role="status">{tr!(present.not_stored)}</p> })}
            <div class="presenter__grid">
                <section class="presenter__now" aria-labelledby="now-heading">
                    <h2 id="now-heading">
                        {tr!(present.on_projector)}
                        {move || {
                            let (n, total) = progress();
                            (total > 0).then(|| view! { " · "{t!(i18n, present.item_of, n = move || n, total = move || total)} })
                        }}
                    </h2>
                    <Slide show deck preview=true />
                    <ControlBar presenting />
                    <p class="hint" role="status">{move || said_words(presenting.said.get())}</p>
                </section>
                <section class="presenter__side" aria-labelledby="timer-heading">
                    <h2 id="timer-heading">{tr!(timer.heading)}</h2>
                    <TimerFace live now phase />
                    <TimerControls live now phase />
                    {move || has_items().then(|| view! {
                        <h2>{tr!(present.next_up)}</h2>
                        <p id="next-up">{next().unwrap_or_else(|| tr!(present.next_none).to_string())}</p>
                    })}
                </section>
            </div>
            <section class="presenter__notes" aria-labelledby="notes-heading">
                <h2 id="notes-heading">{tr!(present.notes_heading)}</h2>
                {move || content_note().map(|note| view! {
                    <p class="content-note"><strong>{tr!(cards.content_note)}</strong>" "{note}</p>
                })}
                <ul class="reminders">
                    {facilitation(crate::current_lang()).reminders.iter().map(|r| view! { <li>{*r}</li> }).collect_view()}
                </ul>
                <details class="presenter__services">
                    <summary>{tr!(services.heading)}</summary>
                    <SupportServicesList />
                </details>
                <p><a class="button button--quiet" href=crate::at("/present/notes") target="_blank">{tr!(present.all_notes)}</a></p>
            </section>
            <section class="presenter__items" aria-labelledby="items-heading" hidden=move || !has_items()>
                <h2 id="items-heading">{tr!(present.all_items)}</h2>
                <ol class="item-list">
                    {move || names.get().into_iter().enumerate().map(|(i, name)| view! {
                        <li aria-current=move || (current.get() == Some(i)).then_some("step")>
                            <button type="button" class="link-button"
                                on:click=move |_| live.update(|s| s.go_to(i, now_ms()))>{name}</button>
                        </li>
                    }).collect_view()}
                </ol>
            </section>
            </div>
            <KeysHelp presenting />
        </div>
    }
}
