//! Facilitator mode's starting point (`/present`): choose what to present (THINK questions, a set
//! of cards, a session plan) and where (this screen, or the presenter's view with a second window
//! for the projector); the plans; the way to the facilitator notes; present mode's settings.

use crate::components::title::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::card_filter::{CardFilterControls, use_card_filter, use_selected_ids};
use crate::components::save_error::SaveErrorMessage;
use crate::components::undoable_delete::{UndoableDelete, undo_offer};
use crate::content::{deck, present_help, think};
use crate::i18n::{t, use_i18n};
use crate::live_show::LiveShow;
use crate::model::agenda::{Agenda, AgendaItem, hours_minutes};
use crate::model::presenter::{Show, card_items, draw_pool, question_items};
use crate::model::settings::Settings;
use crate::pages::presenter::AUDIENCE_WINDOW;
use crate::state::{Synced, SyncedItem, load_collection, load_full_deck};
use crate::storage::ItemId;
use crate::web::open_window;

/// Where a presentation opens.
#[derive(Clone, Copy, PartialEq)]
enum Screens {
    One,
    /// The presenter's view here and the audience view in a second window.
    Two,
}

/// Goes to a page of the app (the router's navigation, kept for event handlers).
type GoTo = StoredValue<Box<dyn Fn(&str)>, LocalStorage>;

/// Starts presentations: shared by the sections of the page.
#[derive(Clone, Copy)]
struct Starter {
    live: LiveShow,
    screens: RwSignal<Screens>,
    go: GoTo,
}

impl Starter {
    fn start(&self, show: Show) {
        self.live.replace(show);
        if self.screens.get_untracked() == Screens::Two {
            // Opened during the click, so the browser lets the window open. If it refused, the
            // presenter's view says so and offers to try again.
            if open_window(&crate::at("/present/show"), AUDIENCE_WINDOW) {
                self.go.with_value(|go| go("/present/presenter"));
            } else {
                self.go
                    .with_value(|go| go("/present/presenter?window=blocked"));
            }
        } else {
            self.go.with_value(|go| go("/present/show"));
        }
    }
}

#[component]
pub fn PresentPage() -> impl IntoView {
    let navigate = use_navigate();
    let starter = Starter {
        live: LiveShow::open(),
        screens: RwSignal::new(Screens::One),
        go: StoredValue::new_local(Box::new(move |to: &str| navigate(to, Default::default()))),
    };
    let help = present_help(crate::current_lang());
    let choice = move |value: Screens, id: &'static str, label: &'static str| {
        view! {
            <p class="choice">
                <input type="radio" name="screens" id=id checked=starter.screens.get_untracked() == value
                    on:change=move |_| starter.screens.set(value) />
                <label for=id>{label}</label>
            </p>
        }
    };
    view! {
        <Title text=tr!(present.title) />
        <h1>{tr!(present.heading)}</h1>
        <p class="lead">{help.intro}</p>
        <p class="hint">{help.private}</p>
        <section aria-labelledby="screens-heading">
            <h2 id="screens-heading">{tr!(present.screens_heading)}</h2>
            <fieldset class="choices">
                <legend class="visually-hidden">{tr!(present.screens_heading)}</legend>
                {choice(Screens::One, "screens-one", tr!(present.screens_one))}
                {choice(Screens::Two, "screens-two", tr!(present.screens_two))}
            </fieldset>
            <p class="hint">{help.two_screens}</p>
        </section>
        <ThinkSection starter />
        <CardsSection starter />
        <PlansSection starter />
        <section aria-labelledby="notes-link-heading">
            <h2 id="notes-link-heading">{tr!(present.notes_page_heading)}</h2>
            <p>{tr!(present.notes_page_text)}</p>
            <p><a class="button button--quiet" href=crate::at("/present/notes")>{tr!(present.notes_page_link)}</a></p>
        </section>
        <PresentSettings />
    }
}

#[component]
fn ThinkSection(starter: Starter) -> impl IntoView {
    let content = think(crate::current_lang());
    let start_at = move |index: usize| {
        let ids: Vec<&str> = content.steps.iter().map(|s| s.id).collect();
        let mut show = Show::new(question_items(&ids), None, guide_pool(&[]));
        show.go_to(index, 0);
        starter.start(show);
    };
    view! {
        <section aria-labelledby="think-present-heading">
            <h2 id="think-present-heading">{tr!(present.think_heading)}</h2>
            <p>{tr!(present.think_text)}</p>
            <ol class="present-list">
                {content.steps.iter().enumerate().map(|(i, step)| {
                    let n = i + 1;
                    view! {
                        <li>
                            <span class="present-list__text">{format!("{n}. {}", step.question)}</span>
                            <button type="button" class="button button--quiet" id=format!("present-question-{n}")
                                aria-label=format!("{} {n}", tr!(present.present_question))
                                on:click=move |_| start_at(i)>{tr!(present.present)}</button>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// What R draws from outside a card presentation: the guidance's cards, and one's own cards
/// only where `items` (a plan) name them.
fn guide_pool(items: &[AgendaItem]) -> Vec<String> {
    let guide: Vec<&str> = deck(crate::current_lang())
        .cards
        .iter()
        .map(|c| c.id)
        .collect();
    draw_pool(&guide, items)
}

#[component]
fn CardsSection(starter: Starter) -> impl IntoView {
    let i18n = use_i18n();
    let deck = load_full_deck();
    let areas = deck.areas();
    let total = deck.cards.len();
    let deck = StoredValue::new(deck);
    let filter = use_card_filter(areas.clone());
    let selected = use_selected_ids(filter, deck);
    let shown = move || selected.with(Vec::len);
    let start = move |_| {
        let ids = selected.get_untracked();
        starter.start(Show::new(card_items(&ids), None, ids));
    };
    view! {
        <section aria-labelledby="cards-present-heading">
            <h2 id="cards-present-heading">{tr!(present.cards_heading)}</h2>
            <p>{tr!(present.cards_text)}</p>
            <CardFilterControls areas filter path="/present" />
            <p class="card-count" role="status">{move || t!(i18n, cards.shown_count, shown, n = move || total)}</p>
            <p>
                <button type="button" class="button" id="present-cards" on:click=start disabled=move || shown() == 0>
                    {move || t!(i18n, present.present_cards, n = shown)}
                </button>
            </p>
        </section>
    }
}

#[component]
fn PlansSection(starter: Starter) -> impl IntoView {
    let mut plans = load_collection::<Agenda>();
    plans.sort_by_key(|(_, plan)| std::cmp::Reverse(plan.updated_at));
    let help = present_help(crate::current_lang());
    let rows = if plans.is_empty() {
        view! { <p class="hint" id="no-plans">{help.agendas_empty}</p> }.into_any()
    } else {
        view! {
            <ul class="plans">
                {plans.into_iter().map(|(id, plan)| view! { <PlanRow id plan starter /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="plans-heading">
            <h2 id="plans-heading">{tr!(present.plans_heading)}</h2>
            <p>{help.agendas_intro}</p>
            {rows}
            <p><a class="button button--quiet" id="new-plan" href=crate::at("/present/agenda/new")>{tr!(present.new_plan)}</a></p>
        </section>
    }
}

/// Runs a plan: its items in order, R drawing from the guidance's cards and the plan's own.
pub fn plan_show(plan: &Agenda) -> Show {
    Show::new(
        plan.items.clone(),
        Some(plan.title_or(tr!(agenda.untitled)).to_string()),
        guide_pool(&plan.items),
    )
}

#[component]
fn PlanRow(id: ItemId, plan: Agenda, starter: Starter) -> impl IntoView {
    let i18n = use_i18n();
    let deletion = UndoableDelete::new(SyncedItem::<Agenda>::open(id.clone()));
    let title = plan.title_or(tr!(agenda.untitled)).to_string();
    let count = plan.items.len();
    let (hours, minutes) = hours_minutes(plan.total_s());
    let edit = crate::at(&format!("/present/agenda/{}", id.as_str()));
    let undo_id = format!("undo-{}", id.as_str());
    let after_delete = undo_id.clone();
    let delete_id = format!("delete-{}", id.as_str());
    let after_undo = delete_id.clone();
    let run = {
        let plan = plan.clone();
        move |_| starter.start(plan_show(&plan))
    };
    view! {
        <li class="plan">
            {move || match deletion.deleted.with(Option::is_some) {
                true => undo_offer(tr!(agenda.deleted), undo_id.clone(), {
                    let focus = after_undo.clone();
                    move || deletion.undo(|plan| plan, &focus)
                }).into_any(),
                false => view! {
                    <p class="plan__title">{title.clone()}</p>
                    <p class="plan__facts">{t!(i18n, agenda.summary, n = move || count, hours = move || hours, minutes = move || minutes)}</p>
                    <p class="plan__actions">
                        <button type="button" class="button" on:click=run.clone() disabled=count == 0>{tr!(agenda.run)}</button>
                        <a class="button button--quiet" href=edit.clone()>{tr!(agenda.edit)}</a>
                        <button type="button" class="button button--quiet" id=delete_id.clone() on:click={
                            let focus = after_delete.clone();
                            move |_| deletion.delete(&focus)
                        }>{tr!(agenda.delete)}</button>
                    </p>
                }.into_any(),
            }}
            {move || deletion.error.get().map(|error| view! { <SaveErrorMessage error /> })}
        </li>
    }
}

/// The switches of present mode: single-letter keys (WCAG 2.1.4) and the timer's sound.
#[component]
fn PresentSettings() -> impl IntoView {
    let settings = expect_context::<Synced<Settings>>();
    let switch = move |change: fn(&mut Settings)| {
        move |_| {
            let mut next = settings.value.get_untracked();
            change(&mut next);
            // Not stored (full or blocked storage)? It still applies to this visit.
            if settings.save(next.clone()).is_err() {
                settings.value.set(next);
            }
        }
    };
    let letters = move || settings.value.with(|s| s.present_letter_keys).to_string();
    let sound = move || settings.value.with(|s| s.timer_sound).to_string();
    view! {
        <section aria-labelledby="present-settings-heading">
            <h2 id="present-settings-heading">{tr!(present.settings_heading)}</h2>
            <p>
                <button type="button" class="toggle" id="setting-letter-keys" aria-pressed=letters
                    on:click=switch(|s| s.present_letter_keys = !s.present_letter_keys)>{tr!(present.letter_keys)}</button>
            </p>
            <p class="hint">{present_help(crate::current_lang()).letter_keys}</p>
            <p>
                <button type="button" class="toggle" id="setting-timer-sound" aria-pressed=sound
                    on:click=switch(|s| s.timer_sound = !s.timer_sound)>{tr!(present.timer_sound)}</button>
            </p>
        </section>
    }
}
