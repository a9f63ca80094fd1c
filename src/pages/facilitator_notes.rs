//! Facilitator notes (`/present/notes`), never shown on the projector: the guidance's ACT!
//! recommendations (do and don't), its advice on resistance and the moveable middle, referrals
//! and accountability, the content notes of sensitive cards, and the facilitator's own list of
//! local support services.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::components::support_services::SupportServicesEditor;
use crate::content::{facilitation, present_help, source};
use crate::state::load_full_deck;

#[component]
pub fn FacilitatorNotesPage() -> impl IntoView {
    let f = facilitation(crate::current_lang());
    let help = present_help(crate::current_lang());
    let noted: Vec<(String, String, String)> = load_full_deck()
        .cards
        .iter()
        .filter_map(|c| {
            c.content_note()
                .map(|note| (c.id().to_string(), c.topic().to_string(), note.to_string()))
        })
        .collect();
    let recommendations = f
        .recommendations
        .iter()
        .enumerate()
        .map(|(i, r)| {
            view! {
                <li class="advice">
                    <h3 class="advice__title">{format!("{}. {}", i + 1, r.title)}</h3>
                    <div class="advice__pair">
                        <div class="advice__do">
                            <p class="advice__label">{tr!(notes.do_label)}</p>
                            <p>{r.what_to_do}</p>
                        </div>
                        <div class="advice__dont">
                            <p class="advice__label">{tr!(notes.dont_label)}</p>
                            <p>{r.what_to_avoid}</p>
                        </div>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=tr!(notes.title) />
        <p class="back-link"><a href=crate::at("/present")>{tr!(agenda.back)}</a></p>
        <h1>{tr!(notes.heading)}</h1>
        <p class="lead">{tr!(notes.intro)}</p>
        <nav class="toc" aria-label=tr!(notes.toc)>
            <ul>
                <li><a href="#act-heading">{tr!(notes.act_heading)}</a></li>
                <li><a href="#challenges-heading">{tr!(notes.challenges_heading)}</a></li>
                <li><a href="#services-heading">{tr!(services.heading)}</a></li>
                <li><a href="#sensitive-heading">{tr!(notes.sensitive_heading)}</a></li>
            </ul>
        </nav>
        <section aria-labelledby="act-heading">
            <h2 id="act-heading">{tr!(notes.act_heading)}</h2>
            <p>{f.act_intro}</p>
            <ol class="advice-list">{recommendations}</ol>
        </section>
        <section aria-labelledby="challenges-heading">
            <h2 id="challenges-heading">{tr!(notes.challenges_heading)}</h2>
            <p>{f.challenges_intro}</p>
            <h3>{tr!(notes.resistance)}</h3>
            <p>{f.resistance_intro}</p>
            <ul>{f.resistance_reasons.iter().map(|r| view! { <li>{*r}</li> }).collect_view()}</ul>
            <p>{f.resistance_response}</p>
            <p class="callout">{f.moveable_middle}</p>
            <h3>{tr!(notes.referrals)}</h3>
            <p>{f.referrals}</p>
            <h3>{tr!(notes.accountability)}</h3>
            <p>{f.accountability}</p>
        </section>
        <section aria-labelledby="services-heading">
            <h2 id="services-heading">{tr!(services.heading)}</h2>
            <p>{help.services_intro}</p>
            <p class="hint">{help.services_private}</p>
            <SupportServicesEditor />
        </section>
        <section aria-labelledby="sensitive-heading">
            <h2 id="sensitive-heading">{tr!(notes.sensitive_heading)}</h2>
            <p>{tr!(notes.sensitive_text)}</p>
            <ul class="noted-cards">
                {noted.into_iter().map(|(id, topic, note)| view! {
                    <li><a href=crate::at(&format!("/cards/{id}"))>{topic}</a>": "{note}</li>
                }).collect_view()}
            </ul>
        </section>
        <p class="credit">{tr!(notes.credit)}" "<cite>{source(crate::current_lang()).title}</cite>" ("{source(crate::current_lang()).publisher_short}")."</p>
    }
}
