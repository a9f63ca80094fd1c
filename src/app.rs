//! The app: context providers, router and layout.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::{
    Lazy, LazyRoute,
    components::{Route, Router, Routes},
    lazy_route, path,
};

use crate::components::shell::Shell;
use crate::i18n::*;
use crate::pages::{
    about::AboutPage, card::CardPage, cards::CardsPage, home::HomePage, my_data::MyDataPage,
    not_found::NotFoundPage, present::PresentPage, reflections::ReflectionsPage,
    safety::SafetyPage, think::ThinkPage,
};
use crate::state::provide_app_state;
use crate::web;

/// Mounts the app into `#app`, replacing the static loading placeholder.
pub fn start() {
    web::install_panic_message(td_string!(Locale::en, fatal.message));
    let Some(root) = web::take_mount_point() else {
        return;
    };
    leptos::mount::mount_to(root, App).forget();
    web::mark_ready();
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <I18nContextProvider>
            <Routed />
        </I18nContextProvider>
    }
}

#[component]
fn Routed() -> impl IntoView {
    let i18n = use_i18n();
    provide_app_state();
    // Interface words are plain strings (see `tr!`), so a change of language rebuilds the tree.
    move || {
        let _language = i18n.get_locale();
        view! {
        <Title formatter=move |page: String| format!("{page} — {}", td_string!(i18n.get_locale_untracked(), app_name)) />
        <Router>
            <Shell>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/think") view={Lazy::<ThinkRoute>::new()} />
                    <Route path=path!("/cards") view={Lazy::<CardsRoute>::new()} />
                    <Route path=path!("/cards/:id") view={Lazy::<CardRoute>::new()} />
                    <Route path=path!("/present") view={Lazy::<PresentRoute>::new()} />
                    <Route path=path!("/reflections") view={Lazy::<ReflectionsRoute>::new()} />
                    <Route path=path!("/my-data") view={Lazy::<MyDataRoute>::new()} />
                    <Route path=path!("/about") view={Lazy::<AboutRoute>::new()} />
                    <Route path=path!("/safety") view={Lazy::<SafetyRoute>::new()} />
                </Routes>
            </Shell>
        </Router>
        }
    }
}

/// A route whose page is compiled into its own wasm chunk (see scripts/build-wasm.sh), fetched the
/// first time the page is opened. Only the home page and the shell are in the first load.
macro_rules! lazy_page {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        struct $route;
        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }
            fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }
    )*};
}

lazy_page! {
    ThinkRoute => ThinkPage,
    CardsRoute => CardsPage,
    CardRoute => CardPage,
    PresentRoute => PresentPage,
    ReflectionsRoute => ReflectionsPage,
    MyDataRoute => MyDataPage,
    AboutRoute => AboutPage,
    SafetyRoute => SafetyPage,
}
