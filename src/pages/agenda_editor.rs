//! Building a session plan (`/present/agenda/<id>`, `new` for a new one): THINK questions,
//! cards, breaks and items of one's own, each with a planned time, the total, moving and
//! removing (with undo). Every change is saved at once. The plan prints on one sheet and runs in
//! present mode.

use crate::components::title::Title;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::components::save_error::SaveErrorMessage;
use crate::components::slide::item_name;
use crate::content::think;
use crate::i18n::{t, use_i18n};
use crate::live_show::LiveShow;
use crate::model::agenda::{
    AGENDA_ID_PREFIX, Agenda, AgendaItem, AgendaProblem, ItemKind, MAX_TITLE_CHARS, hours_minutes,
    new_agenda_id, parse_planned, planned_text,
};
use crate::model::deck::FullDeck;
use crate::pages::present::plan_show;
use crate::state::{SyncedItem, load_full_deck};
use crate::storage::{ItemId, SaveError};
use crate::web::{focus_element, now_ms, print_page, random_u32};

/// Planned minutes of a new item, by kind (the facilitator changes them as needed).
const NEW_MINUTES: [u32; 4] = [15, 15, 10, 5];

#[component]
pub fn AgendaEditorPage() -> impl IntoView {
    let param = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let is_new = param == "new";
    let id = if is_new {
        ItemId::new(&new_agenda_id(now_ms(), random_u32()))
    } else {
        ItemId::new(&param).filter(|id| id.as_str().starts_with(AGENDA_ID_PREFIX))
    };
    let item = id.clone().map(SyncedItem::<Agenda>::open);
    match (id, item) {
        (Some(id), Some(item)) if is_new || item.value.with_untracked(|p| p.updated_at > 0) => {
            view! { <AgendaForm id item is_new /> }.into_any()
        }
        _ => view! {
            <Title text=tr!(agenda.missing) />
            <h1>{tr!(agenda.missing)}</h1>
            <p><a href=crate::at("/present")>{tr!(agenda.back)}</a></p>
        }
        .into_any(),
    }
}

/// The plan being edited. Every change goes through [`PlanEdits::apply`]: checked, then saved at
/// once; a refusal or a failed save is kept for the page to show.
#[derive(Clone, Copy)]
struct PlanEdits {
    item: SyncedItem<Agenda>,
    problem: RwSignal<Option<AgendaProblem>>,
    error: RwSignal<Option<SaveError>>,
    /// Runs once, after the first save of a new plan (it gets its own address).
    first_saved: StoredValue<Option<Box<dyn FnOnce()>>, LocalStorage>,
}

impl PlanEdits {
    fn plan(&self) -> RwSignal<Agenda> {
        self.item.value
    }

    /// Applies `edit`; true when the plan changed and is stored.
    fn apply(&self, edit: impl FnOnce(&mut Agenda) -> Result<(), AgendaProblem>) -> bool {
        let mut next = self.item.value.get_untracked();
        if let Err(p) = edit(&mut next).and_then(|()| next.check()) {
            self.problem.set(Some(p));
            return false;
        }
        self.problem.set(None);
        next.updated_at = now_ms();
        match self.item.save(next) {
            Ok(()) => {
                self.error.set(None);
                if let Some(first) = self.first_saved.try_update_value(Option::take).flatten() {
                    first();
                }
                true
            }
            Err(e) => {
                self.error.set(Some(e));
                false
            }
        }
    }
}

#[component]
fn AgendaForm(id: ItemId, item: SyncedItem<Agenda>, is_new: bool) -> impl IntoView {
    let navigate = use_navigate();
    let deck = StoredValue::new(load_full_deck());
    let live = LiveShow::open();
    let path = format!("/present/agenda/{}", id.as_str());
    let replace_address = navigate.clone();
    let first_saved: Option<Box<dyn FnOnce()>> = is_new.then(|| {
        Box::new(move || {
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            replace_address(&path, options);
        }) as Box<dyn FnOnce()>
    });
    let edits = PlanEdits {
        item,
        problem: RwSignal::new(None),
        error: RwSignal::new(None),
        first_saved: StoredValue::new_local(first_saved),
    };
    let plan = edits.plan();
    let removed = RwSignal::new(None::<(usize, AgendaItem)>);
    let heading = move || {
        if is_new && plan.with(|p| p.updated_at == 0) {
            tr!(agenda.heading_new).to_string()
        } else {
            plan.with(|p| p.title_or(tr!(agenda.untitled)).to_string())
        }
    };
    let run = move |_| {
        live.replace(plan_show(&plan.get_untracked()));
        // On this screen; the Present page offers the presenter's view as well.
        navigate("/present/show", Default::default());
    };

    view! {
        <Title text=move || heading() />
        <div class="screen-only">
            <p class="back-link"><a href=crate::at("/present")>{tr!(agenda.back)}</a></p>
            <h1>{heading}</h1>
            <label for="plan-title">{tr!(agenda.title_label)}</label>
            <input id="plan-title" type="text" maxlength=MAX_TITLE_CHARS autocomplete="off"
                prop:value=move || plan.with(|p| p.title.clone())
                on:change=move |e| {
                    let title = event_target_value(&e).trim().to_string();
                    edits.apply(|p| { p.title = title; Ok(()) });
                } />
            <h2 id="items-heading">{tr!(agenda.items_heading)}</h2>
            <p class="plan-total" id="plan-total" role="status"><PlanTotal plan /></p>
            <ItemList edits deck removed />
            {move || removed.get().map(|_| view! {
                <p class="message" role="status">
                    {tr!(agenda.removed)}" "
                    <button type="button" class="link-button" id="item-undo" on:click=move |_| {
                        if let Some((i, gone)) = removed.get_untracked()
                            && edits.apply(|p| { p.restore(i, gone); Ok(()) })
                        {
                            removed.set(None);
                            // Undo is gone: focus goes to the restored row.
                            request_animation_frame(move || focus_element(&format!("remove-{i}")));
                        }
                    }>{tr!(norms.undo)}</button>
                </p>
            })}
            <AddItems deck edits />
            {move || edits.problem.get().map(|p| view! {
                <p class="message message--error" role="alert" id="plan-problem">{match p {
                    AgendaProblem::TooManyItems { .. } => tr!(agenda.too_many),
                    AgendaProblem::TitleTooLong { .. } => tr!(agenda.too_long),
                    AgendaProblem::NoTitle => tr!(agenda.no_title),
                }}</p>
            })}
            {move || edits.error.get().map(|error| view! { <SaveErrorMessage error /> })}
            <p class="draw__buttons">
                <button type="button" class="button" id="run-plan" on:click=run
                    disabled=move || plan.with(|p| p.items.is_empty())>{tr!(agenda.run)}</button>
                <button type="button" class="button button--quiet" id="print-plan" on:click=move |_| print_page()>{tr!(agenda.print)}</button>
            </p>
        </div>
        <PrintedPlan plan deck />
    }
}

/// The items, each with its planned time, move up/down and remove.
#[component]
fn ItemList(
    edits: PlanEdits,
    deck: StoredValue<FullDeck>,
    removed: RwSignal<Option<(usize, AgendaItem)>>,
) -> impl IntoView {
    let plan = edits.plan();
    let bad_time = RwSignal::new(None::<usize>);
    // A refused time belongs to its row: once the rows change, the message goes.
    let edit = move |f: &dyn Fn(&mut Agenda)| {
        let done = edits.apply(|p| {
            f(p);
            Ok(())
        });
        if done {
            bad_time.set(None);
        }
        done
    };
    // Moving a row rebuilds the list: keyboard focus follows the row that moved, on the same
    // button where it can (the first row has no "Move up", the last no "Move down").
    let moved = move |to: usize, up: bool, count: usize| {
        let id = match (up, to) {
            (true, 0) => "move-down-0".to_string(),
            (true, t) => format!("move-up-{t}"),
            (false, t) if t + 1 == count => format!("move-up-{t}"),
            (false, t) => format!("move-down-{t}"),
        };
        request_animation_frame(move || focus_element(&id));
    };
    // Rows are rebuilt when items are added, moved or removed, not when a time changes (the
    // field being typed in keeps its focus).
    let kinds = Memo::new(move |_| {
        plan.with(|p| p.items.iter().map(|i| i.kind.clone()).collect::<Vec<_>>())
    });
    let rows = move || {
        let items = kinds.get();
        let count = items.len();
        items
            .into_iter()
            .enumerate()
            .map(|(i, kind)| {
                let name = deck.with_value(|d| item_name(&AgendaItem::new(kind, 0), d));
                let input = format!("planned-{i}");
                let n = i + 1;
                let planned = move || {
                    plan.with(|p| p.items.get(i).map(|x| planned_text(x.planned_s)).unwrap_or_default())
                };
                view! {
                    <li class="plan-item">
                        <p class="plan-item__name"><span class="plan-item__number">{n}"."</span>" "{name}</p>
                        <p class="plan-item__controls">
                            <label for=input.clone()>{tr!(agenda.minutes)}</label>
                            <input id=input type="text" inputmode="numeric" size="5" maxlength="8" autocomplete="off"
                                aria-invalid=move || (bad_time.get() == Some(i)).to_string()
                                prop:value=planned
                                on:change=move |e| match parse_planned(&event_target_value(&e)) {
                                    Ok(s) => { edit(&|p: &mut Agenda| p.set_planned(i, s)); }
                                    Err(_) => bad_time.set(Some(i)),
                                } />
                            <button type="button" class="link-button" id=format!("move-up-{i}") disabled=i == 0
                                on:click=move |_| if edit(&|p: &mut Agenda| { p.move_up(i); }) { moved(i - 1, true, count) }>{tr!(norms.move_up)}</button>
                            <button type="button" class="link-button" id=format!("move-down-{i}") disabled=i + 1 == count
                                on:click=move |_| if edit(&|p: &mut Agenda| { p.move_down(i); }) { moved(i + 1, false, count) }>{tr!(norms.move_down)}</button>
                            <button type="button" class="link-button" id=format!("remove-{i}") on:click=move |_| {
                                let gone = plan.with_untracked(|p| p.items.get(i).cloned());
                                if let Some(gone) = gone && edit(&|p: &mut Agenda| { p.remove(i); }) {
                                    removed.set(Some((i, gone)));
                                    request_animation_frame(|| focus_element("item-undo"));
                                }
                            }>{tr!(norms.remove)}</button>
                        </p>
                        {move || (bad_time.get() == Some(i)).then(|| view! {
                            <p class="message message--error" role="alert">{tr!(agenda.bad_time)}</p>
                        })}
                    </li>
                }
            })
            .collect_view()
    };
    view! { <ol class="plan-items" aria-labelledby="items-heading">{rows}</ol> }
}

/// Adding THINK questions, cards, breaks and items of one's own.
#[component]
fn AddItems(deck: StoredValue<FullDeck>, edits: PlanEdits) -> impl IntoView {
    // True when added; a refused item of one's own keeps its text to correct.
    let add = move |kind: ItemKind, minutes: u32| {
        edits.apply(|p| p.add(AgendaItem::new(kind, minutes * 60)))
    };
    let steps = think(crate::current_lang()).steps;
    let question = RwSignal::new(steps.first().map(|s| s.id.to_string()).unwrap_or_default());
    let card = RwSignal::new(deck.with_value(|d| {
        d.cards
            .first()
            .map(|c| c.id().to_string())
            .unwrap_or_default()
    }));
    let free = RwSignal::new(String::new());
    let groups = deck.with_value(|d| {
        d.areas()
            .into_iter()
            .map(|(area, name)| {
                let cards: Vec<(String, String)> = d
                    .cards
                    .iter()
                    .filter(|c| c.area_id() == area)
                    .map(|c| (c.id().to_string(), c.topic().to_string()))
                    .collect();
                (name, cards)
            })
            .filter(|(_, cards)| !cards.is_empty())
            .collect::<Vec<_>>()
    });
    let [q_min, card_min, break_min, free_min] = NEW_MINUTES;
    view! {
        <h2>{tr!(agenda.add_heading)}</h2>
        <div class="add-items">
            <p class="add-row">
                <label for="add-question">{tr!(agenda.add_question)}</label>
                <select id="add-question" on:change=move |e| question.set(event_target_value(&e))>
                    {steps.iter().enumerate().map(|(i, s)| view! {
                        <option value=s.id>{format!("{}. {}", i + 1, s.question)}</option>
                    }).collect_view()}
                </select>
                <button type="button" class="button button--quiet" id="add-question-button"
                    on:click=move |_| { add(ItemKind::Question(question.get_untracked()), q_min); }>{tr!(agenda.add)}</button>
            </p>
            <p class="add-row">
                <label for="add-card">{tr!(agenda.add_card)}</label>
                <select id="add-card" on:change=move |e| card.set(event_target_value(&e))>
                    {groups.into_iter().map(|(area, cards)| view! {
                        <optgroup label=area>
                            {cards.into_iter().map(|(id, topic)| view! { <option value=id>{topic}</option> }).collect_view()}
                        </optgroup>
                    }).collect_view()}
                </select>
                <button type="button" class="button button--quiet" id="add-card-button"
                    on:click=move |_| { add(ItemKind::Card(card.get_untracked()), card_min); }>{tr!(agenda.add)}</button>
            </p>
            <form class="add-row" on:submit=move |e: leptos::ev::SubmitEvent| {
                e.prevent_default();
                if add(ItemKind::Free(free.get_untracked().trim().to_string()), free_min) {
                    free.set(String::new());
                }
            }>
                <label for="add-free">{tr!(agenda.add_free)}</label>
                <input id="add-free" type="text" maxlength=MAX_TITLE_CHARS autocomplete="off" placeholder=tr!(agenda.free_example)
                    prop:value=move || free.get() on:input=move |e| free.set(event_target_value(&e)) />
                <button type="submit" class="button button--quiet" id="add-free-button">{tr!(agenda.add)}</button>
            </form>
            <p class="add-row">
                <button type="button" class="button button--quiet" id="add-break"
                    on:click=move |_| { add(ItemKind::Break, break_min); }>{tr!(agenda.add_break)}</button>
            </p>
        </div>
    }
}

/// The plan on paper: its name, every item with its time, the total, the credit.
#[component]
fn PrintedPlan(plan: RwSignal<Agenda>, deck: StoredValue<FullDeck>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = move || {
        plan.get()
            .items
            .iter()
            .map(|item| {
                let name = deck.with_value(|d| item_name(item, d));
                // Whole minutes in words ("15 min"), anything else as typed ("7:30").
                let time = match item.planned_s {
                    0 => ().into_any(),
                    s if s % 60 == 0 => t!(i18n, timer.minutes, n = move || s / 60).into_any(),
                    s => planned_text(s).into_any(),
                };
                view! { <tr><td>{name}</td><td class="agenda-print__time">{time}</td></tr> }
            })
            .collect_view()
    };
    view! {
        <section class="print-only agenda-print" aria-hidden="true">
            <p class="agenda-print__title">{move || plan.with(|p| p.title_or(tr!(agenda.untitled)).to_string())}</p>
            <table class="agenda-print__items"><tbody>{rows}</tbody></table>
            <p><PlanTotal plan /></p>
            <p class="agenda-print__credit">{tr!(agenda.print_credit)}</p>
        </section>
    }
}

/// "Items: 4 · planned time: 1 h 5 min", following the plan.
#[component]
fn PlanTotal(plan: RwSignal<Agenda>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let (n, total_s) = plan.with(|p| (p.items.len(), p.total_s()));
        let (hours, minutes) = hours_minutes(total_s);
        t!(
            i18n,
            agenda.total,
            n = move || n,
            hours = move || hours,
            minutes = move || minutes
        )
    }
}
