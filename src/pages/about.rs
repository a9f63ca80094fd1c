use leptos::prelude::*;

use crate::components::title::Title;
use crate::i18n::{t, use_i18n};

use crate::content::{Lang, source};

#[component]
pub fn AboutPage() -> impl IntoView {
    let i18n = use_i18n();
    let guidance = source(crate::current_lang());
    view! {
        <Title text=tr!(about.title) />
        <h1>{tr!(about.heading)}</h1>
        <p class="lead">{tr!(about.intro)}</p>

        <section aria-labelledby="source-heading">
            <h2 id="source-heading">{tr!(about.source_heading)}</h2>
            <blockquote class="source">
                <p class="source__title"><cite>{guidance.title}</cite></p>
                <p>{guidance.subtitle}</p>
                <p>{guidance.publisher}</p>
            </blockquote>
            // A translation says who made it and names the original.
            {guidance.translation_note.map(|note| view! {
                <p>{note}" "<cite lang="en">{source(Lang::En).title}</cite>"."</p>
            })}
            <p>{t!(i18n, about.source_by, authors = || guidance.byline)}</p>
            <p>{guidance.programme}" "{guidance.funder_note}</p>
            <p>{tr!(about.source_note)}</p>
        </section>

        <section aria-labelledby="principles-heading">
            <h2 id="principles-heading">{tr!(about.principles_heading)}</h2>
            <ul>
                <li>{tr!(about.principle_safe)}</li>
                <li>{tr!(about.principle_allies)}</li>
                <li>{tr!(about.principle_partners)}</li>
                <li>{tr!(about.principle_harm)}</li>
            </ul>
        </section>

        <section aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">{tr!(about.privacy_heading)}</h2>
            <p>{tr!(about.privacy_text)}</p>
        </section>
    }
}
