//! Browser tests: real localStorage and mounted components in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test browser`).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use think_plan_act::components::quick_exit::QuickExit;
use think_plan_act::components::storage_notices::UnreadableNotice;
use think_plan_act::components::written_field::AnswerField;
use think_plan_act::i18n::I18nContextProvider;
use think_plan_act::model::schema::Unreadable;
use think_plan_act::model::settings::Settings;
use think_plan_act::state::provide_app_state;
use think_plan_act::storage::{self, Key, LoadProblem, Store, StoreError, browser::LocalStore};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn clear_local_storage() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

/// A fresh element to mount one component into.
fn container() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Waits `ms` milliseconds of real time.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets Leptos run its scheduled effects.
async fn next_tick() {
    sleep(20).await;
}

#[wasm_bindgen_test]
fn local_store_round_trips_on_real_local_storage() {
    clear_local_storage();
    let store = LocalStore::open().expect("localStorage is available in Chromium");
    store.set("tpa:probe", "Привет 🙂 مرحبا").unwrap();
    assert_eq!(
        store.get("tpa:probe").unwrap().as_deref(),
        Some("Привет 🙂 مرحبا")
    );
    assert_eq!(store.keys().unwrap(), vec!["tpa:probe".to_string()]);
    store.remove("tpa:probe").unwrap();
    assert_eq!(store.get("tpa:probe").unwrap(), None);
}

#[wasm_bindgen_test]
fn settings_are_saved_under_the_prefixed_key_and_corrupt_text_is_backed_up() {
    clear_local_storage();
    let store = LocalStore::open().unwrap();
    let rev = storage::save(
        &store,
        &Settings {
            exit_url: "https://example.org/".into(),
            ..Settings::default()
        },
        0,
        1,
    )
    .unwrap();
    assert_eq!(rev, 1);
    let raw = store.get(&Key::Settings.storage_key()).unwrap().unwrap();
    assert!(raw.starts_with(r#"{"v":1,"rev":1,"#), "{raw}");

    store.set(&Key::Settings.storage_key(), "{broken").unwrap();
    let loaded = storage::load::<Settings>(&store, 77).unwrap();
    assert_eq!(loaded.value, Settings::default());
    assert_eq!(
        store.get("tpa:backup:settings:77").unwrap().as_deref(),
        Some("{broken")
    );
    assert_eq!(
        store.get("tpa:settings").unwrap().as_deref(),
        Some("{broken")
    );
}

#[wasm_bindgen_test]
fn a_full_local_storage_is_reported_as_quota_exceeded() {
    clear_local_storage();
    let store = LocalStore::open().unwrap();
    // Chromium allows about 5 MB per origin (UTF-16): 3 M characters twice cannot fit.
    let big = "x".repeat(3_000_000);
    let first = store.set("tpa:fill-1", &big);
    let second = store.set("tpa:fill-2", &big);
    clear_local_storage();
    assert!(first.is_ok());
    assert_eq!(second, Err(StoreError::QuotaExceeded));
}

#[wasm_bindgen_test]
fn an_import_that_does_not_fit_puts_every_key_back() {
    use think_plan_act::model::custom_cards::CustomCard;
    use think_plan_act::storage::{ItemId, SaveError};
    clear_local_storage();
    let store = LocalStore::open().unwrap();
    let mine = CustomCard {
        id: "my-0".into(),
        area: "family".into(),
        topic: "Mine".into(),
        questions: vec!["Why?".into()],
        ..Default::default()
    };
    storage::save_item(&store, &ItemId::new("my-0").unwrap(), &mine, 0, 1).unwrap();
    // Fill storage up, then free room for about two cards of the import.
    let piece = "x".repeat(100_000);
    let mut pieces = 0;
    while store.set(&format!("filler-{pieces}"), &piece).is_ok() {
        pieces += 1;
    }
    assert!(pieces > 2, "storage filled after {pieces} pieces");
    store.remove("filler-0").unwrap();
    store.remove("filler-1").unwrap();
    // Every key with its text, sorted: what "nothing changed" means.
    let snapshot = || {
        let mut all: Vec<(String, Option<String>)> = store
            .keys()
            .unwrap()
            .into_iter()
            .map(|k| (k.clone(), store.get(&k).unwrap()))
            .collect();
        all.sort();
        all
    };
    let before = snapshot();
    // Ten cards of 100,000 characters each: my-0 (replaced) and maybe my-1 fit, then the quota
    // is reached and what was written must be put back.
    let cards: Vec<(ItemId, CustomCard)> = (0..10)
        .map(|i| {
            let id = format!("my-{i}");
            let card = CustomCard {
                id: id.clone(),
                topic: "y".repeat(100_000),
                ..mine.clone()
            };
            (ItemId::new(&id).unwrap(), card)
        })
        .collect();
    let result = storage::save_items_all_or_nothing(&store, &cards, 2);
    let after = snapshot();
    clear_local_storage();
    assert_eq!(result, Err(SaveError::Store(StoreError::QuotaExceeded)));
    assert_eq!(after, before, "every key as it was, the replaced card too");
}

#[wasm_bindgen_test]
async fn unreadable_notice_offers_the_raw_text_as_a_download() {
    let root = container();
    let problem = LoadProblem {
        key: Key::Settings,
        reason: Unreadable::NewerSchema { found: 9, known: 1 },
        raw: "{\"v\":9}".into(),
        backup: Ok("tpa:backup:settings:1".into()),
    };
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <I18nContextProvider><UnreadableNotice problem on_dismiss=|| () /></I18nContextProvider> }
    });
    next_tick().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("newer version"), "{text}");
    assert!(text.contains("kept a copy"), "{text}");
    let link = root
        .query_selector("a[download]")
        .unwrap()
        .expect("a download link");
    assert!(link.get_attribute("href").unwrap().starts_with("blob:"));
    assert_eq!(
        link.get_attribute("download").unwrap(),
        "think-plan-act-settings-copy.json"
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn quick_exit_shows_shift_progress_and_links_to_the_stored_destination() {
    clear_local_storage();
    let store = LocalStore::open().unwrap();
    storage::save(
        &store,
        &Settings {
            exit_url: "https://example.org/neutral".into(),
            ..Settings::default()
        },
        0,
        1,
    )
    .unwrap();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        view! { <I18nContextProvider>{provide_app_state(); view! { <QuickExit /> }}</I18nContextProvider> }
    });
    next_tick().await;
    let button = root
        .query_selector("#quick-exit")
        .unwrap()
        .expect("the exit button");
    assert_eq!(
        button.get_attribute("href").as_deref(),
        Some("https://example.org/neutral")
    );

    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Shift");
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    next_tick().await;
    let progress = root
        .query_selector("#quick-exit-progress")
        .unwrap()
        .unwrap();
    assert_eq!(
        progress.text_content().unwrap_or_default(),
        "Shift pressed 1 of 3"
    );

    // Another key resets the count, so typing capitals never leaves the page.
    init.set_key("a");
    let other =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&other).unwrap();
    next_tick().await;
    assert_eq!(progress.text_content().unwrap_or_default(), "");
    drop(handle);
    clear_local_storage();
}

#[wasm_bindgen_test]
async fn an_answer_saves_itself_after_a_pause_in_typing_under_its_own_key() {
    clear_local_storage();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        view! {
            <I18nContextProvider>
                {provide_app_state(); view! { <AnswerField round=3 question="benefits" label="Q" /> }}
            </I18nContextProvider>
        }
    });
    next_tick().await;
    let field: web_sys::HtmlTextAreaElement = root
        .query_selector("#answer-3-benefits")
        .unwrap()
        .expect("the answer field")
        .unchecked_into();
    field.set_value("Равенство 🙂");
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let store = LocalStore::open().unwrap();
    next_tick().await;
    assert_eq!(
        store.get("tpa:answer:3.benefits").unwrap(),
        None,
        "saved before the pause"
    );
    sleep(800).await;
    let raw = store
        .get("tpa:answer:3.benefits")
        .unwrap()
        .expect("saved after the pause");
    assert!(raw.contains("Равенство 🙂"), "{raw}");
    assert_eq!(
        store.keys().unwrap(),
        vec!["tpa:answer:3.benefits".to_string()]
    );
    let status = root
        .query_selector("#answer-3-benefits-status")
        .unwrap()
        .unwrap();
    assert_eq!(
        status.text_content().unwrap_or_default(),
        "Saved on this device"
    );
    drop(handle);
    clear_local_storage();
}

#[wasm_bindgen_test]
async fn two_present_mode_windows_stay_in_step_over_the_broadcast_channel() {
    use std::sync::{Arc, Mutex};
    use think_plan_act::live_show::LiveShow;
    use think_plan_act::model::presenter::{Show, question_items};

    clear_local_storage();
    // Two LiveShows in one page behave like two windows: a BroadcastChannel delivers to every
    // other object of the same name, never back to the sender.
    let mount = |slot: Arc<Mutex<Option<LiveShow>>>| {
        leptos::mount::mount_to(container(), move || {
            view! { <I18nContextProvider>{
                provide_app_state();
                let live = LiveShow::open();
                *slot.lock().unwrap() = Some(live);
                view! { <p>{move || live.show.with(|s| s.position)}</p> }
            }</I18nContextProvider> }
        })
    };
    let (a_slot, b_slot) = (Arc::new(Mutex::new(None)), Arc::new(Mutex::new(None)));
    let handle_a = mount(a_slot.clone());
    let handle_b = mount(b_slot.clone());
    let (a, b) = (
        a_slot.lock().unwrap().unwrap(),
        b_slot.lock().unwrap().unwrap(),
    );

    a.replace(Show::new(
        question_items(&["norms", "men_and_boys", "benefits"]),
        None,
        Vec::new(),
    ));
    assert!(
        until(|| b.show.with_untracked(|s| s.items.len() == 3)).await,
        "the other window got it"
    );
    let no_cards = |_: &str| 0;
    b.update(|s| {
        s.next(&no_cards);
    });
    assert!(
        until(|| a.show.with_untracked(|s| s.position == 1)).await,
        "either window drives"
    );
    let stored = LocalStore::open()
        .unwrap()
        .get("tpa:show")
        .unwrap()
        .unwrap();
    assert!(stored.contains("\"position\":1"), "{stored}");

    // A message older than what a window shows (from a window that was asleep) is not taken.
    b.show.update(|s| s.seq = u64::MAX - 1);
    a.update(|s| s.go_to(2, 0));
    sleep(150).await;
    assert_eq!(
        b.show.get_untracked().position,
        1,
        "an older state replaced a newer one"
    );
    // Once it is newer again, it is.
    b.show.update(|s| s.seq = 0);
    a.update(|s| s.go_to(0, 0));
    assert!(until(|| b.show.with_untracked(|s| s.position == 0)).await);

    // A window opened later asks the others where the room is, even if nothing was stored.
    clear_local_storage();
    let c_slot = Arc::new(Mutex::new(None));
    let handle_c = mount(c_slot.clone());
    let c = c_slot.lock().unwrap().unwrap();
    assert!(
        until(|| c.show.with_untracked(|s| s.items.len() == 3)).await,
        "the new window was told"
    );
    drop(handle_c);

    // Closing one window leaves the other working.
    drop(handle_b);
    a.update(|s| s.go_to(2, 0));
    assert_eq!(a.show.get_untracked().position, 2);
    drop(handle_a);
}

/// Waits (up to 2 s) until `done` holds; false if it never did.
async fn until(done: impl Fn() -> bool) -> bool {
    for _ in 0..100 {
        if done() {
            return true;
        }
        sleep(20).await;
    }
    done()
}

#[wasm_bindgen_test]
fn a_pages_own_styles_are_adopted_once_and_apply() {
    let el = container();
    el.set_class_name("adopted-probe");
    static CSS: &str = ".adopted-probe { margin-left: 17px; }";
    think_plan_act::web::adopt_style_sheet(CSS);
    think_plan_act::web::adopt_style_sheet(CSS);
    let sheets = document().adopted_style_sheets();
    let ours = sheets
        .iter()
        .filter(|s| {
            s.dyn_ref::<web_sys::CssStyleSheet>()
                .and_then(|s| s.css_rules().ok())
                .and_then(|r| r.item(0))
                .is_some_and(|rule| rule.css_text().contains("adopted-probe"))
        })
        .count();
    assert_eq!(ours, 1, "adopted once");
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&el)
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("margin-left").unwrap(), "17px");
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[wasm_bindgen_test]
async fn web_crypto_derives_the_standard_pbkdf2_sha256_key() {
    use think_plan_act::web_crypto::derive_bits;
    // The published PBKDF2-HMAC-SHA256 test vectors (P = "password", S = "salt", 32 bytes).
    let one = derive_bits("password", b"salt", 1).await.unwrap();
    assert_eq!(
        hex(&one),
        "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
    );
    let two = derive_bits("password", b"salt", 2).await.unwrap();
    assert_eq!(
        hex(&two),
        "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"
    );
}

#[wasm_bindgen_test]
async fn a_file_locked_in_the_browser_opens_with_its_passphrase_only() {
    use think_plan_act::model::lock::Sealed;
    use think_plan_act::web_crypto::{CryptoError, open_text, seal_text};
    let text = r#"{"format":"think-plan-act/data","note":"Мой ответ"}"#;
    let sealed = seal_text("a long walk home", text).await.unwrap();
    assert!(!sealed.contains("think-plan-act/data"));
    let envelope = Sealed::from_json(&sealed).unwrap();
    assert_eq!(
        open_text("a long walk home", &envelope).await.as_deref(),
        Ok(text)
    );
    assert_eq!(
        open_text("a long walk HOME", &envelope).await,
        Err(CryptoError::Wrong)
    );
}

#[wasm_bindgen_test]
fn a_closed_lock_refuses_sealed_keys_and_an_open_one_seals_them_on_real_storage() {
    use std::rc::Rc;
    use think_plan_act::storage::browser::{close_lock, open_lock};
    use think_plan_act::storage::lock::{ITERATIONS, SealKey, SealedStore, start};
    clear_local_storage();
    let raw = LocalStore::raw_device().unwrap();
    raw.set(
        "tpa:answer:1.costs",
        r#"{"v":1,"rev":1,"data":{"text":"secret 5e1","updated_at":1}}"#,
    )
    .unwrap();
    let key = Rc::new(SealKey::new([7; 32], [3; 16], ITERATIONS));
    start(&raw, &key, 5).unwrap();
    assert!(
        !raw.get("tpa:answer:1.costs")
            .unwrap()
            .unwrap()
            .contains("5e1")
    );

    // Closed: sealed keys are refused, settings pass.
    let closed = LocalStore::open().unwrap();
    assert!(matches!(
        closed.get("tpa:answer:1.costs"),
        Err(StoreError::Unavailable(_))
    ));
    assert!(matches!(
        closed.set("tpa:answer:1.costs", "{}"),
        Err(StoreError::Unavailable(_))
    ));
    assert!(closed.get("tpa:settings").is_ok());

    // Open: read and written through the key, stored sealed.
    open_lock(Rc::new(SealedStore::new(
        LocalStore::raw_device().unwrap(),
        key,
    )));
    let open = LocalStore::open().unwrap();
    assert!(
        open.get("tpa:answer:1.costs")
            .unwrap()
            .unwrap()
            .contains("5e1")
    );
    open.set("tpa:note:x", "note 77f").unwrap();
    assert!(!raw.get("tpa:note:x").unwrap().unwrap().contains("77f"));
    assert_eq!(open.get("tpa:note:x").unwrap().as_deref(), Some("note 77f"));
    close_lock();
    assert!(LocalStore::open().unwrap().get("tpa:note:x").is_err());
    clear_local_storage();
}
