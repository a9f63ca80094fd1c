//! The app: context providers, router and layout.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::{
    Lazy, LazyRoute,
    components::{Route, Router, Routes},
    hooks::use_location,
    lazy_route, path,
};

use crate::components::shell::Shell;
use crate::i18n::*;
use crate::pages::{
    about::AboutPage, card::CardPage, card_editor::CardEditorPage, cards::CardsPage,
    home::HomePage, my_cards::MyCardsPage, my_data::MyDataPage, not_found::NotFoundPage,
    present::PresentPage, reflections::ReflectionsPage, safety::SafetyPage,
    shared_cards::SharedCardsPage, think::ThinkPage,
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
                    <Route path=path!("/reflections") view={Lazy::<ReflectionsRoute>::new()} />
                    <Route path=path!("/cards") view={Lazy::<DeckRoom>::new()} />
                    <Route path=path!("/cards/:id") view={Lazy::<DeckRoom>::new()} />
                    <Route path=path!("/my-cards") view={Lazy::<OwnCardsRoom>::new()} />
                    <Route path=path!("/my-cards/:id") view={Lazy::<OwnCardsRoom>::new()} />
                    <Route path=path!("/shared") view={Lazy::<OwnCardsRoom>::new()} />
                    <Route path=path!("/present") view={Lazy::<PresentRoute>::new()} />
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

/// Pages that share most of their code load together, as one chunk (a "room"); the address
/// decides which page of the room is shown. Fewer split points mean fewer, larger chunks: with
/// a chunk per page, wasm-split cut the shared code into ~100 pieces, each a request of its own.
macro_rules! lazy_room {
    ($($room:ident => |$path:ident| $choose:expr),* $(,)?) => {$(
        struct $room;
        #[lazy_route]
        impl LazyRoute for $room {
            fn data() -> Self {
                $room
            }
            fn view(_this: Self) -> AnyView {
                let $path = use_location().pathname.get_untracked();
                $choose
            }
        }
    )*};
}

lazy_room! {
    // Browsing and drawing: the deck and one card.
    DeckRoom => |path| match room_page(&path) {
        (_, None) => view! { <CardsPage /> }.into_any(),
        (_, Some(_)) => view! { <CardPage /> }.into_any(),
    },
    // Writing, adapting and sharing cards (import and export code lives only here).
    OwnCardsRoom => |path| match room_page(&path) {
        ("my-cards", None) => view! { <MyCardsPage /> }.into_any(),
        ("my-cards", Some(_)) => view! { <CardEditorPage /> }.into_any(),
        _ => view! { <SharedCardsPage /> }.into_any(),
    },
}

/// `/cards/x` → ("cards", Some("x")); `/shared/` → ("shared", None).
fn room_page(path: &str) -> (&str, Option<&str>) {
    let mut parts = path.trim_matches('/').splitn(2, '/');
    let first = parts.next().unwrap_or_default();
    (first, parts.next().filter(|rest| !rest.is_empty()))
}

lazy_page! {
    ThinkRoute => ThinkPage,
    ReflectionsRoute => ReflectionsPage,
    PresentRoute => PresentPage,
    MyDataRoute => MyDataPage,
    AboutRoute => AboutPage,
    SafetyRoute => SafetyPage,
}
