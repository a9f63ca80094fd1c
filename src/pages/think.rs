//! THINK: the guidance's context, its exercise on gender norms (four questions, one per screen or
//! all on one page) and the further reflections (aims, power and privilege). Everything typed is
//! saved on this device as the person types.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::components::hide_answers::{HideAnswersToggle, answers_hidden};
use crate::components::norms_editor::NormsEditor;
use crate::components::save_error::SaveErrorMessage;
use crate::components::written_field::AnswerField;
use crate::content::{AIMS_ID, PRIVILEGE_ID, ThinkStep, source, think};
use crate::i18n::{t, use_i18n};
use crate::model::aims::AimChoice;
use crate::model::journey::Journey;
use crate::model::rounds::Rounds;
use crate::model::text::lead_and_rest;
use crate::state::{Synced, SyncedItem};
use crate::storage::{ItemId, SaveError};
use crate::web::{focus_element, now_ms};

#[component]
pub fn ThinkPage() -> impl IntoView {
    let i18n = use_i18n();
    let content = think(crate::current_lang());
    let round = Synced::<Rounds>::open()
        .value
        .get_untracked()
        .current
        .max(1);
    let journey = Synced::<Journey>::open();
    let steps = content.steps.len();
    let hidden = answers_hidden();
    let position = RwSignal::new(journey.value.get_untracked().resume(steps));
    // The position is a convenience: if it cannot be stored, the journey still works.
    let go = move |change: fn(&mut Journey, usize) -> bool| {
        let mut next = position.get_untracked();
        if change(&mut next, steps) {
            position.set(next);
            let _ = journey.save(next);
            // After the step is shown (the view updates after this handler returns).
            let heading = format!("step-{}", next.step);
            request_animation_frame(move || focus_element(&heading));
        }
    };
    let one_page = move || position.get().all_on_one_page;
    let finished = RwSignal::new(false);
    let toggle_view = move |_| {
        let mut next = position.get_untracked();
        next.all_on_one_page = !next.all_on_one_page;
        position.set(next);
        let _ = journey.save(next);
    };

    let step_views = content
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let shown = move || one_page() || position.get().step == i;
            view! {
                <section class="step" hidden=move || !shown() aria-labelledby=format!("step-{i}")>
                    <h3 id=format!("step-{i}") tabindex="-1">
                        {t!(i18n, think.question_n, n = move || i + 1, total = move || steps)}
                    </h3>
                    <StepBody step=*step round suggestions=content.suggested_norms />
                </section>
            }
        })
        .collect_view();

    view! {
        <Title text=tr!(think.title) />
        <h1>{tr!(think.heading)}</h1>
        <p class="lead">{tr!(think.intro)}</p>
        <div class="toolbar">
            <HideAnswersToggle />
            <p class="toolbar__note">
                {t!(i18n, think.round_n, n = move || round)}" · "
                <a href=crate::at("/reflections")>{tr!(think.see_reflections)}</a>
            </p>
        </div>

        <details class="intro">
            <summary>{content.context_title}</summary>
            {content.context.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
        </details>
        <details class="intro">
            <summary>{content.why_title}</summary>
            {content.why.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
        </details>

        <div class="answers" class:answers-hidden=hidden>
            <section class="exercise" aria-labelledby="exercise-heading">
                <h2 id="exercise-heading">{content.exercise_title}</h2>
                <p>{content.exercise_intro}</p>
                <button type="button" class="button button--quiet" aria-pressed=move || one_page().to_string()
                    on:click=toggle_view>
                    {tr!(think.all_on_one_page)}
                </button>
                <p class="progress" hidden=one_page>
                    <progress max=steps value=move || position.get().step + 1 aria-label=tr!(think.progress)></progress>
                </p>
                {step_views}
                <div class="step-nav" hidden=one_page>
                    <button type="button" class="button button--quiet" disabled=move || position.get().step == 0
                        on:click=move |_| go(Journey::back_in)>
                        {tr!(think.back)}
                    </button>
                    <button type="button" class="button" hidden=move || position.get().is_last(steps)
                        on:click=move |_| go(Journey::next)>
                        {tr!(think.next)}
                    </button>
                    // After the last question: an ending instead of a greyed-out Next.
                    <button type="button" class="button" id="think-finish" hidden=move || !position.get().is_last(steps)
                        on:click=move |_| {
                            finished.set(true);
                            request_animation_frame(|| focus_element("think-end-heading"));
                        }>
                        {tr!(think.finish)}
                    </button>
                </div>
                <ThinkEnding shown=Signal::derive(move || one_page() || (finished.get() && position.get().is_last(steps))) />
            </section>

            <FurtherReflections round />
        </div>
        <p class="credit">{tr!(think.credit)}" "<cite>{source(crate::current_lang()).title}</cite>" ("{source(crate::current_lang()).publisher_short}")."</p>
    }
}

/// What he did, where it is kept, and what he can do next, said calmly after the last question
/// (at the end of the exercise when all is on one page).
#[component]
fn ThinkEnding(shown: Signal<bool>) -> impl IntoView {
    view! {
        <section class="think-end" aria-labelledby="think-end-heading" hidden=move || !shown.get()>
            <h3 id="think-end-heading" tabindex="-1">{tr!(think.end_heading)}</h3>
            <p>{tr!(think.end_kept)}</p>
            <p>{tr!(think.end_next)}</p>
            <p class="think-end__links">
                <a class="button" href=crate::at("/reflections") id="think-end-reflections">{tr!(think.end_reflections)}</a>
                <a class="button button--quiet" href=crate::at("/cards")>{tr!(think.end_card)}</a>
            </p>
        </section>
    }
}

/// The text of one question step: the guidance's explanation, then the question with its answer.
#[component]
fn StepBody(step: ThinkStep, round: u32, suggestions: &'static [&'static str]) -> impl IntoView {
    let answer = if step.id == "norms" {
        // The first question asks for norms: named one by one, not in one text area.
        view! {
            <div role="group" aria-labelledby="norms-question">
                <p class="question" id="norms-question">{step.question}</p>
                <NormsEditor round suggestions />
            </div>
        }
        .into_any()
    } else {
        view! { <AnswerField round question=step.id label=step.question /> }.into_any()
    };
    // One short lead before the question; the guidance's full paragraph on request.
    let (lead, rest) = lead_and_rest(step.explanation);
    view! {
        <p class="explanation"><span aria-hidden="true">"→ "</span>{lead}</p>
        {(!rest.is_empty()).then(|| view! {
            <details class="explanation__more">
                <summary>{tr!(think.read_more)}</summary>
                <p>{rest}</p>
            </details>
        })}
        {answer}
    }
}

#[component]
fn FurtherReflections(round: u32) -> impl IntoView {
    let content = think(crate::current_lang());
    let choice = ItemId::new(&round.to_string()).map(SyncedItem::<AimChoice>::open);
    let aim_error = RwSignal::new(None::<SaveError>);
    let aims = content
        .aims
        .iter()
        .map(|aim| {
            let id = aim.id;
            let checked = choice.map(|c| c.value.with_untracked(|v| v.is_chosen(id))).unwrap_or(false);
            let on_change = move |e| {
                let Some(choice) = choice else { return };
                let mut next = choice.value.get_untracked();
                next.set(id, event_target_checked(&e), now_ms());
                // Kept for this visit even if it cannot be stored; the message says why.
                match choice.save(next.clone()) {
                    Ok(()) => aim_error.set(None),
                    Err(e) => {
                        choice.value.set(next);
                        aim_error.set(Some(e));
                    }
                }
            };
            view! {
                <li class="aim">
                    <label class="choice choice--strong">
                        <input type="checkbox" checked=checked on:change=on_change />
                        {aim.title}
                    </label>
                    <details>
                        <summary>{tr!(think.aim_details)}</summary>
                        <h4>{tr!(think.aim_expected)}</h4>
                        <ul>{aim.expected.iter().map(|e| view! { <li>{*e}</li> }).collect_view()}</ul>
                        <h4>{tr!(think.aim_avoid)}</h4>
                        <p>{aim.avoid}</p>
                    </details>
                </li>
            }
        })
        .collect_view();

    view! {
        <section class="further" aria-labelledby="further-heading">
            <h2 id="further-heading">{tr!(think.further_heading)}</h2>
            <h3>{content.aims_question}</h3>
            <p>{content.aims_intro}</p>
            <ul class="aims">{aims}</ul>
            {move || aim_error.get().map(|error| view! { <SaveErrorMessage error /> })}
            <AnswerField round question=AIMS_ID label=tr!(think.aims_notes) />
            <h3>{tr!(think.privilege_heading)}</h3>
            <p class="hint">{tr!(think.privilege_hint)}</p>
            <AnswerField round question=PRIVILEGE_ID label=content.privilege_prompt />
            <p class="note">{content.levels_note}</p>
        </section>
    }
}
