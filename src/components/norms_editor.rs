//! The gender norms a person names for the first THINK question, each with whom it affects,
//! where it shows, its level (Annex 1) and what it does to men and to women. Saved as one list
//! per round, as the person types.

use leptos::prelude::*;

use crate::components::autosaver::Autosaver;
use crate::components::norm_details::{affects_name, chosen_in_words, place_name};
use crate::components::norm_rings::{NormRings, level_name};
use crate::components::save_error::SaveErrorMessage;
use crate::i18n::{t, use_i18n};
use crate::model::norms::{Affects, Level, Norm, NormList, Place, Removed};
use crate::model::text::{MAX_TEXT_CHARS, TextError, check_text};
use crate::state::SyncedItem;
use crate::storage::ItemId;
use crate::web::focus_element;

/// What the editor shares with each norm's row.
#[derive(Clone, Copy)]
struct Editor {
    list: RwSignal<NormList>,
    saver: Autosaver,
    removed: RwSignal<Option<Removed>>,
    /// The field (norm id, field name) holding text over the limit, and its length: that text
    /// stays on screen and is not saved until it is shortened.
    too_long: RwSignal<Option<((u32, &'static str), usize)>>,
}

impl Editor {
    /// A text field changed: saved like the rest, unless it is over the limit (never cut).
    fn change_text(&self, id: u32, field: &'static str, value: String, set: fn(&mut Norm, String)) {
        match check_text(&value) {
            Ok(()) => {
                if self
                    .too_long
                    .with_untracked(|t| t.is_some_and(|(f, _)| f == (id, field)))
                {
                    self.too_long.set(None);
                }
                self.change(id, |n| set(n, value));
            }
            Err(TextError::TooLong { chars, .. }) => self.too_long.set(Some(((id, field), chars))),
        }
    }

    fn change(&self, id: u32, change: impl FnOnce(&mut Norm)) {
        self.list.update(|l| {
            l.update(id, change);
        });
        self.saver.edited();
    }
}

#[component]
pub fn NormsEditor(round: u32, suggestions: &'static [&'static str]) -> impl IntoView {
    let Some(id) = ItemId::new(&round.to_string()) else {
        return ().into_any();
    };
    let item = SyncedItem::<NormList>::open(id);
    let list = RwSignal::new(item.value.get_untracked());
    let saver = Autosaver::new(move || item.save(list.get_untracked()));
    let editor = Editor {
        list,
        saver,
        removed: RwSignal::new(None),
        too_long: RwSignal::new(None),
    };
    let i18n = use_i18n();

    let new_text = RwSignal::new(String::new());
    let add = move |text: &str| {
        if text.trim().is_empty() {
            return;
        }
        list.update(|l| {
            l.add(text);
        });
        saver.edited();
        saver.flush();
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        add(&new_text.get_untracked());
        new_text.set(String::new());
    };

    let ids = move || list.with(|l| l.norms.iter().map(|n| n.id).collect::<Vec<_>>());
    let unused_suggestions = move || {
        suggestions
            .iter()
            .filter(|s| list.with(|l| !l.norms.iter().any(|n| n.text == **s)))
            .map(|s| {
                view! {
                    <li>
                        <button type="button" class="chip" on:click=move |_| add(s)>
                            <span aria-hidden="true">"+ "</span>{*s}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let status = move || saver.status_words();

    view! {
        <div class="norms">
            <ol class="norms__list">
                <For each=ids key=|id| *id let:norm_id>
                    <NormRow editor norm_id />
                </For>
            </ol>
            {move || editor.removed.get().map(|removed| view! {
                <p class="message" role="status">
                    {tr!(norms.removed)}" "
                    <button type="button" class="link-button" id="norm-undo" on:click=move |_| {
                        list.update(|l| l.undo_remove(removed.clone()));
                        editor.removed.set(None);
                        saver.edited();
                        saver.flush();
                    }>{tr!(norms.undo)}</button>
                </p>
            })}
            <form class="norms__add" on:submit=on_submit>
                <label for="new-norm">{tr!(norms.add_label)}</label>
                <div class="inline-form">
                    <input
                        id="new-norm"
                        type="text"
                        prop:value=move || new_text.get()
                        on:input=move |e| new_text.set(event_target_value(&e))
                    />
                    <button type="submit" class="button">{tr!(norms.add)}</button>
                </div>
            </form>
            <div class="norms__suggestions">
                <p class="hint">{tr!(norms.suggestions)}</p>
                <ul class="chips">{unused_suggestions}</ul>
            </div>
            <p class="answer__status">{status}</p>
            <Show when=move || editor.too_long.get().is_some()>
                <p class="message message--error" role="alert">
                    {t!(i18n, answer.too_long, chars = move || editor.too_long.get().map_or(0, |(_, n)| n), max = || MAX_TEXT_CHARS)}
                </p>
            </Show>
            {move || saver.error.get().map(|error| view! { <SaveErrorMessage error autosaved=true /> })}
            <NormRings list=list.into() />
        </div>
    }
    .into_any()
}

#[component]
fn NormRow(editor: Editor, norm_id: u32) -> impl IntoView {
    let list = editor.list;
    let norm = list
        .with_untracked(|l| l.get(norm_id).cloned())
        .unwrap_or_default();
    let number =
        move || list.with(|l| l.norms.iter().position(|n| n.id == norm_id).unwrap_or(0) + 1);
    let count = move || list.with(|l| l.norms.len());
    let base = format!("norm-{norm_id}");

    let text_field = |field: &'static str,
                      label: &'static str,
                      initial: String,
                      set: fn(&mut Norm, String)| {
        let id = format!("norm-{norm_id}-{field}");
        view! {
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                class="answer-text"
                rows="3"
                on:input=move |e| editor.change_text(norm_id, field, event_target_value(&e), set)
                on:blur=move |_| editor.saver.flush()
            >{initial}</textarea>
        }
    };

    let affects = [Affects::MenAndBoys, Affects::WomenAndGirls, Affects::Both].map(|a| {
        let checked = norm.affects == Some(a);
        view! {
            <label class="choice">
                <input type="radio" name=format!("{base}-affects") checked=checked
                    on:change=move |_| editor.change(norm_id, |n| n.affects = Some(a)) />
                {affects_name(a)}
            </label>
        }
    });
    let places = Place::ALL.map(|p| {
        let checked = norm.places.contains(&p);
        view! {
            <label class="choice">
                <input type="checkbox" checked=checked on:change=move |e| {
                    let on = event_target_checked(&e);
                    editor.change(norm_id, |n| {
                        // Kept in the order of Place::ALL (no sort: it would add a sort routine).
                        let was = std::mem::take(&mut n.places);
                        n.places = Place::ALL
                            .into_iter()
                            .filter(|x| if *x == p { on } else { was.contains(x) })
                            .collect();
                    });
                } />
                {place_name(p)}
            </label>
        }
    });
    let level_options = Level::ALL.map(|l| {
        view! { <option value=l.ring().to_string() selected=norm.level == Some(l)>{level_name(l)}</option> }
    });
    let on_level = move |e| {
        let value = event_target_value(&e);
        let level = value
            .parse::<usize>()
            .ok()
            .and_then(|i| Level::ALL.get(i).copied());
        editor.change(norm_id, |n| n.level = level);
    };
    let remove = move |_| {
        let mut removed = None;
        list.update(|l| removed = l.remove(norm_id));
        editor.removed.set(removed);
        editor.saver.edited();
        editor.saver.flush();
        request_animation_frame(|| focus_element("norm-undo"));
    };
    let shift = move |by: isize| {
        list.update(|l| {
            l.shift(norm_id, by);
        });
        editor.saver.edited();
    };

    // The short path: the norm in one line, then on. Whom it affects, where, its level and what
    // more equality would change are optional, folded until asked for; the summary line says
    // what is chosen. Effects on men and on women are asked by questions 2 and 3, so they are
    // shown here only where an earlier version kept such text (never hidden, never lost).
    let summary = move || list.with(|l| l.get(norm_id).map(chosen_in_words).unwrap_or_default());
    let kept_effects =
        !norm.effect_on_men.trim().is_empty() || !norm.effect_on_women.trim().is_empty();
    view! {
        <li class="norm" id=base.clone()>
            <fieldset class="norm__box">
                <legend>{move || format!("{} {}", tr!(norms.norm), number())}</legend>
                <label for=format!("{base}-text")>{tr!(norms.text_label)}</label>
                <input
                    id=format!("{base}-text")
                    class="answer-text"
                    type="text"
                    value=norm.text.clone()
                    on:input=move |e| editor.change_text(norm_id, "text", event_target_value(&e), |n, v| n.text = v)
                    on:blur=move |_| editor.saver.flush()
                />
                <details class="norm__details" id=format!("{base}-details")>
                    <summary>
                        {tr!(norms.details)}
                        <span class="norm__summary answer-text">{move || {
                            let chosen = summary();
                            (!chosen.is_empty()).then(|| format!(": {chosen}"))
                        }}</span>
                    </summary>
                    <fieldset class="choices">
                        <legend>{tr!(norms.affects_label)}</legend>
                        {affects}
                    </fieldset>
                    <fieldset class="choices">
                        <legend>{tr!(norms.places_label)}</legend>
                        {places}
                    </fieldset>
                    <label for=format!("{base}-level")>{tr!(norms.level_label)}</label>
                    <select id=format!("{base}-level") on:change=on_level>
                        <option value="" selected=norm.level.is_none()>{tr!(norms.level_unset)}</option>
                        {level_options}
                    </select>
                    {kept_effects.then(|| view! {
                        {text_field("men", tr!(norms.effect_men), norm.effect_on_men.clone(), |n, v| n.effect_on_men = v)}
                        {text_field("women", tr!(norms.effect_women), norm.effect_on_women.clone(), |n, v| n.effect_on_women = v)}
                    })}
                    {text_field("change", tr!(norms.equality_change), norm.equality_change.clone(), |n, v| n.equality_change = v)}
                    <div class="norm__actions">
                        <button type="button" class="button button--quiet" disabled=move || number() == 1
                            on:click=move |_| shift(-1)>{tr!(norms.move_up)}</button>
                        <button type="button" class="button button--quiet" disabled=move || number() == count()
                            on:click=move |_| shift(1)>{tr!(norms.move_down)}</button>
                    </div>
                </details>
                <div class="norm__actions">
                    <button type="button" class="button button--quiet" on:click=remove>{tr!(norms.remove)}</button>
                </div>
            </fieldset>
        </li>
    }
}
