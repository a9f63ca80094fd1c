//! The app: context providers, router and layout.

use leptos::prelude::*;
use leptos_router::{
    Lazy, LazyRoute,
    components::{Route, Router, Routes},
    hooks::use_location,
    lazy_route, path,
};

use crate::components::shell::Shell;
use crate::content::Part;
use crate::i18n::*;
use crate::model::pages::{Page, page_for, split_language};
use crate::pages::{
    about::AboutPage,
    agenda_editor::AgendaEditorPage,
    card::CardPage,
    card_editor::CardEditorPage,
    cards::CardsPage,
    facilitator_notes::FacilitatorNotesPage,
    home::HomePage,
    lock::LockPage,
    my_cards::MyCardsPage,
    my_data::MyDataPage,
    not_found::{NotFoundPage, NotKeptPage},
    present::PresentPage,
    presenter::PresenterPage,
    reflections::ReflectionsPage,
    safety::SafetyPage,
    shared_cards::SharedCardsPage,
    stage::StagePage,
    think::ThinkPage,
    unlock::UnlockPage,
};
use crate::state::provide_app_state;
use crate::web;

/// Mounts the app into `#app`, replacing the static loading placeholder.
pub fn start() {
    use crate::model::pages::split_language;
    // The address names the page's language (`/ru/think`). One without (an old bookmark, the
    // single-file copy's first start) takes the person's language and is rewritten in place
    // before anything is drawn, so no other language shows even for a moment.
    let named = split_language(&web::location_pathname()).0;
    let lang = named.unwrap_or_else(crate::state::start_language);
    if named.is_none() {
        web::replace_address(&web::current_address_in(lang));
    }
    let locale = crate::locale_of(lang);
    web::install_panic_message(td_string!(locale, fatal.message));
    // The page is on screen already (rendered at build time, or the shell): the app draws in a
    // task of its own, after the one that started the main module, so neither is as long as
    // both (issue 20: at 4x CPU throttling the two together took ~450 ms on /en/think).
    leptos::prelude::set_timeout(
        move || {
            let Some(root) = web::take_mount_point() else {
                return;
            };
            leptos::mount::mount_to(root.clone(), move || view! { <App language=locale /> })
                .forget();
            web::take_over(root);
        },
        std::time::Duration::ZERO,
    );
}

/// The interface language the app shows: the switcher sets it. Starts as a kept choice, else
/// the browser's languages (`model::language::first_choice`).
#[derive(Clone, Copy)]
pub struct LanguageChoice(pub RwSignal<Locale>);

/// `language`: the one to start in (`state::start_language`, read once by `start`).
#[component]
pub fn App(language: Locale) -> impl IntoView {
    let chosen = RwSignal::new(language);
    provide_context(LanguageChoice(chosen));
    // A subcontext that follows exactly this choice: leptos_i18n's main context would follow the
    // browser's languages instead (and turn back to them after a choice).
    view! {
        <I18nSubContextProvider initial_locale=chosen>
            <Routed />
        </I18nSubContextProvider>
    }
}

#[component]
fn Routed() -> impl IntoView {
    let i18n = use_i18n();
    provide_app_state();
    // (A language chosen in another tab applies here from the next load: following it live
    // would cost the first download bytes for a rare case.)
    // Interface words are plain strings (see `tr!`), so a change of language rebuilds the tree.
    move || {
        let locale = i18n.get_locale();
        let lang = crate::lang_of(locale);
        crate::set_current_lang(lang);
        web::set_document_language(lang.code());
        web::install_panic_message(td_string!(locale, fatal.message));
        web::rebuilt(td_string!(locale, lock.now));
        // Every address starts with the language (`/ru/…`): links and `navigate` add it.
        let base = format!("/{}", lang.code());
        view! {
        <Router base>
            <Shell>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/think") view={Lazy::<WithGuidance<ThinkRoute, THINK>>::new()} />
                    <Route path=path!("/reflections") view={Lazy::<WithGuidance<ReflectionsRoute, { THINK | DECK }>>::new()} />
                    // One route per room: each route costs code in the first download, so a
                    // room's pages share one (optional segments pick the page).
                    <Route path=path!("/cards/:id?") view={Lazy::<WithGuidance<DeckRoom, DECK>>::new()} />
                    <Route path=path!("/my-cards/:id?") view={Lazy::<WithGuidance<OwnCardsRoom, DECK>>::new()} />
                    <Route path=path!("/shared") view={Lazy::<WithGuidance<OwnCardsRoom, DECK>>::new()} />
                    // Facilitator mode; /present/show and /present/presenter fill the window
                    // (the frame steps aside: present.css).
                    <Route path=path!("/present/:page?/:id?") view={Lazy::<WithGuidance<PresentRoom, { THINK | DECK | FACILITATOR }>>::new()} />
                    // Privacy and safety (/my-data, /safety, /about, the passphrase lock's /lock
                    // and /unlock): what is kept, where quick exit leads, the lock. Routes are
                    // tried in order, so this one comes last; one route for five pages saves
                    // first-download code (any other single word is "not found", shown by the room).
                    <Route path=path!("/:page?") view={Lazy::<PrivacyRoom>::new()} />
                </Routes>
            </Shell>
        </Router>
        }
    }
}

/// A route whose page is compiled into its own wasm chunk (see scripts/build-wasm.sh), fetched the
/// first time the page is opened. Only the home page and the shell are in the first load.
/// `with [SHEETS]` adopts the page's style sheets first, in that order.
macro_rules! lazy_page {
    ($($route:ident => $page:ident $(with [$($css:ident),+])?),* $(,)?) => {$(
        struct $route;
        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }
            fn view(_this: Self) -> AnyView {
                let location = use_location();
                if crate::state::leave_if_locked_at(
                    &location.pathname.get_untracked(),
                    &location.search.get_untracked(),
                ) {
                    return ().into_any();
                }
                $($(web::adopt_style_sheet($css);)+)?
                view! { <$page /> }.into_any()
            }
        }
    )*};
}

/// Pages that share most of their code load together, as one chunk (a "room") behind one route;
/// the address decides which page of the room is shown (`model::pages`). Fewer split points mean
/// fewer, larger chunks: with a chunk per page, wasm-split cut the shared code into ~100 pieces,
/// each a request of its own. And every route costs code in the first download.
macro_rules! lazy_room {
    ($($room:ident => $pages:ident),* $(,)?) => {$(
        struct $room;
        #[lazy_route]
        impl LazyRoute for $room {
            fn data() -> Self {
                $room
            }
            fn view(_this: Self) -> AnyView {
                let location = use_location();
                let pathname = location.pathname;
                // Rebuilt when the page changes, not when its parameter does (/cards/a → /cards/b).
                // Leaving for another room's address shows no "not found" here meanwhile: the
                // router updates the location only once the next room's view is ready.
                let page = Memo::new(move |_| page_for(split_language(&pathname.get()).1));
                (move || {
                    if crate::state::leave_if_locked_at(
                        &pathname.get_untracked(),
                        &location.search.get_untracked(),
                    ) {
                        return ().into_any();
                    }
                    $pages(page.get())
                })
                .into_any()
            }
        }
    )*};
}

lazy_room! {
    DeckRoom => deck_room,
    OwnCardsRoom => own_cards_room,
    PresentRoom => present_room,
    PrivacyRoom => privacy_room,
}

/// A lazy route whose pages show the guidance's text: its parts in the interface language
/// (`PARTS`: bits of [`THINK`], [`DECK`], [`FACILITATOR`]; chunks of their own, `language_pack`)
/// are brought before the route's view is drawn, and the router waits for both before it
/// changes page. The privacy room needs none: About's credit (`content::source`) is compiled in.
struct WithGuidance<R, const PARTS: u8>(R);

const THINK: u8 = Part::Think.bit();
const DECK: u8 = Part::Deck.bit();
const FACILITATOR: u8 = Part::Facilitator.bit();

impl<R: LazyRoute, const PARTS: u8> LazyRoute for WithGuidance<R, PARTS> {
    fn data() -> Self {
        WithGuidance(R::data())
    }

    async fn view(this: Self) -> AnyView {
        match guidance_missing(PARTS).await {
            None => R::view(this.0).await,
            Some(words) => words,
        }
    }

    /// The router fetches a route's code (`preload`) before it asks for the view: the parts of
    /// the guidance start beside it, not after it (one fetch: a second caller waits for the
    /// same one).
    fn preload() -> impl Future<Output = ()> {
        leptos::task::spawn_local(async {
            let _ = bring_guidance(PARTS).await;
        });
        R::preload()
    }
}

/// Brings these parts (bits) of the guidance in the interface language (one function for every
/// `WithGuidance` route, not a copy each: it is in the first download).
async fn bring_guidance(parts: u8) -> Result<(), crate::language_pack::NotOnThisDevice> {
    crate::language_pack::load(crate::current_lang(), parts).await
}

/// `Some(page)`: a part is not on this device, and the page says so in words.
async fn guidance_missing(parts: u8) -> Option<AnyView> {
    match bring_guidance(parts).await {
        Ok(()) => None,
        Err(crate::language_pack::NotOnThisDevice) => Some(view! { <NotKeptPage /> }.into_any()),
    }
}

/// Browsing and drawing: the deck and one card.
fn deck_room(page: Page) -> AnyView {
    web::adopt_style_sheet(ROOMS_CSS);
    web::adopt_style_sheet(CARDS_CSS);
    match page {
        Page::Card => view! { <CardPage /> }.into_any(),
        Page::Cards => view! { <CardsPage /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    }
}

/// Writing, adapting and sharing cards (import and export code lives only here).
fn own_cards_room(page: Page) -> AnyView {
    web::adopt_style_sheet(ROOMS_CSS);
    web::adopt_style_sheet(CARDS_CSS);
    match page {
        Page::MyCards => view! { <MyCardsPage /> }.into_any(),
        Page::CardEditor => view! { <CardEditorPage /> }.into_any(),
        Page::SharedCards => view! { <SharedCardsPage /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    }
}

/// Facilitator mode: the Present page, session plans, facilitator notes, the audience view and
/// the presenter's view (they share the presentation, timer and slide code).
fn present_room(page: Page) -> AnyView {
    web::adopt_style_sheet(ROOMS_CSS);
    web::adopt_style_sheet(CARDS_CSS);
    web::adopt_style_sheet(PRESENT_CSS);
    match page {
        Page::Present => view! { <PresentPage /> }.into_any(),
        Page::Stage => view! { <StagePage /> }.into_any(),
        Page::Presenter => view! { <PresenterPage /> }.into_any(),
        Page::FacilitatorNotes => view! { <FacilitatorNotesPage /> }.into_any(),
        Page::Agenda => view! { <AgendaEditorPage /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    }
}

/// Keeping one's writing safe, and who stands behind the app: My data (what is kept, a copy out
/// and in, erasing), Safety (quick exit, shared-device mode), About, and the passphrase lock (its
/// settings and the unlock page; measured as a room of its own, it cut shared code into more
/// chunks and every other room grew by 3 to 5 kB). One room, not three: My
/// data as a page of its own shares interface code with every other room, and wasm-split then
/// cut that code into many more chunks (57 files became 92, every room grew by about 5 kB and the
/// first download by 0.8 kB); each split point also costs the first download (README, Performance).
fn privacy_room(page: Page) -> AnyView {
    match page {
        Page::MyData => {
            web::adopt_style_sheet(MY_DATA_CSS);
            view! { <MyDataPage /> }.into_any()
        }
        Page::Safety => view! { <SafetyPage /> }.into_any(),
        Page::About => view! { <AboutPage /> }.into_any(),
        Page::Lock => {
            web::adopt_style_sheet(LOCK_CSS);
            view! { <LockPage /> }.into_any()
        }
        Page::Unlock => {
            web::adopt_style_sheet(LOCK_CSS);
            view! { <UnlockPage /> }.into_any()
        }
        _ => view! { <NotFoundPage /> }.into_any(),
    }
}

// Styles that only some pages need travel with their chunks, not in the first download (see
// `web::adopt_style_sheet`); main.css holds the frame, the home page and what pages share.
// `static`, not `const`: one address per sheet, which is how a sheet is adopted only once.
static ROOMS_CSS: &str = include_str!("../style/rooms.css");
static THINK_CSS: &str = include_str!("../style/think.css");
static CARDS_CSS: &str = include_str!("../style/cards.css");
static PRESENT_CSS: &str = include_str!("../style/present.css");
static MY_DATA_CSS: &str = include_str!("../style/my_data.css");
static LOCK_CSS: &str = include_str!("../style/lock.css");

lazy_page! {
    ThinkRoute => ThinkPage with [ROOMS_CSS, THINK_CSS],
    ReflectionsRoute => ReflectionsPage with [ROOMS_CSS, THINK_CSS],
}
