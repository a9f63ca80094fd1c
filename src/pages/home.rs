use crate::components::title::Title;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text=tr!(home.title) />
        <h1>{tr!(home.heading)}</h1>
        <p class="lead">{tr!(home.intro)}</p>
        <ul class="tiles">
            <li class="tile">
                <h2><a href=crate::at("/think")>{tr!(home.think_title)}</a></h2>
                <p>{tr!(home.think_text)}</p>
            </li>
            <li class="tile">
                <h2><a href=crate::at("/cards")>{tr!(home.cards_title)}</a></h2>
                <p>{tr!(home.cards_text)}</p>
            </li>
            <li class="tile">
                <h2><a href=crate::at("/present")>{tr!(home.present_title)}</a></h2>
                <p>{tr!(home.present_text)}</p>
            </li>
        </ul>
        <section class="promise" aria-labelledby="promise-heading">
            <h2 id="promise-heading">{tr!(home.promise_title)}</h2>
            <p>{tr!(home.promise_text)}</p>
            <p><a href=crate::at("/about")>{tr!(home.promise_link)}</a></p>
        </section>
        // Shift ×3 only where there is a keyboard: a touch screen is told of the button
        // (style/main.css shows one of the two).
        <p class="hint">
            <span class="for-keys">{tr!(home.exit_hint)}</span>
            <span class="for-touch">{tr!(home.exit_hint_touch)}</span>
            " "<a href=crate::at("/safety")>{tr!(quick_exit.safety_link)}</a>
        </p>
    }
}
