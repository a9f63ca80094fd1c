//! Small wrappers around browser APIs that several rooms need. Every call that can fail returns
//! an `Option`/`Result` instead of panicking: a missing API must never blank the page.

use wasm_bindgen::{JsCast, JsValue};

/// The browser's window. None where there is none: also when the pages are rendered to HTML
/// at build time (the `prerender` feature, natively), where every browser call must be skipped
/// (wasm-bindgen's imports panic outside wasm).
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// Whether the page is being rendered to HTML at build time (the `prerender` feature): nothing
/// is stored and no browser runs, so a page shows what it can know without them.
pub const fn rendering_at_build_time() -> bool {
    !cfg!(target_arch = "wasm32")
}

/// The address shown now, in `lang` (`/en/cards?area=work#x` → `/ru/cards?area=work#x`).
pub fn current_address_in(lang: crate::content::Lang) -> String {
    crate::model::pages::localized(lang, &(current_address() + &location_hash()))
}

/// Listens for `event` on the window for as long as the calling component lives. Skipped when
/// the page is rendered at build time (no window there).
pub fn listen_while_alive<E>(event: E, handler: impl Fn(E::EventType) + 'static)
where
    E: leptos::ev::EventDescriptor + 'static,
    E::EventType: JsCast,
{
    if cfg!(target_arch = "wasm32") {
        let handle = leptos::prelude::window_event_listener(event, handler);
        leptos::prelude::on_cleanup(move || handle.remove());
    }
}

/// [`listen_while_alive`] for an event of the app's own (by name).
pub fn listen_named_while_alive(name: &str, handler: impl Fn(web_sys::Event) + 'static) {
    if cfg!(target_arch = "wasm32") {
        let handle = leptos::prelude::window_event_listener_untyped(name, handler);
        leptos::prelude::on_cleanup(move || handle.remove());
    }
}

/// Milliseconds since 1970, from the browser clock (0 when rendered at build time).
pub fn now_ms() -> u64 {
    if cfg!(target_arch = "wasm32") {
        js_sys::Date::now().max(0.0) as u64
    } else {
        0
    }
}

/// A high-resolution clock for short intervals (key presses).
pub fn monotonic_ms() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(|| now_ms() as f64)
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// Hides the page at once and replaces it with `url` in the history, so Back does not return.
pub fn leave_for(url: &str) {
    if let Some(doc) = document() {
        if let Some(html) = doc.document_element() {
            // `html.exiting body { display: none }` in main.css: nothing stays on screen while the
            // next site loads.
            let _ = html.class_list().add_1("exiting");
        }
        doc.set_title("");
    }
    let Some(location) = window().map(|w| w.location()) else {
        return;
    };
    if location.replace(url).is_err() {
        let _ = location.replace("about:blank");
    }
}

/// An object URL for downloading `text` as a file of type `mime`, or `None` if the browser refuses.
pub fn download_url(text: &str, mime: &str) -> Option<String> {
    object_url(&JsValue::from_str(text), mime)
}

/// An object URL for one piece of data (a string or bytes) of type `mime`.
fn object_url(data: &JsValue, mime: &str) -> Option<String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(data), &options)
            .ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Frees an object URL once what uses it has had `ms` to take it.
fn revoke_later(url: String, ms: i32) {
    let _ = window().map(|w| {
        let free = wasm_bindgen::closure::Closure::once_into_js(move || revoke_download_url(&url));
        w.set_timeout_with_callback_and_timeout_and_arguments_0(free.unchecked_ref(), ms)
    });
}

/// Frees the memory behind a URL made by [`download_url`].
pub fn revoke_download_url(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// The element the app mounts into, emptied of its loading placeholder.
pub fn take_mount_point() -> Option<web_sys::HtmlElement> {
    let element = document()?.get_element_by_id("app")?;
    if element.has_attribute("data-prerendered") {
        // A page rendered at build time stays on screen while the app draws the same page
        // beside it, hidden; `take_over` swaps them once the page is drawn.
        let fresh = document()?.create_element("div").ok()?;
        let _ = fresh.set_attribute("hidden", "");
        element.after_with_node_1(&fresh).ok()?;
        return fresh.dyn_into().ok();
    }
    element.set_inner_html("");
    element.dyn_into().ok()
}

/// Marks the app ready; where `root` (from `take_mount_point`) is beside a page rendered at build
/// time, first replaces that page with it once the app has drawn the page's heading, so nothing
/// on screen blinks or moves.
pub fn take_over(root: web_sys::HtmlElement) {
    let Some(old) = document().and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    if old.is_same_node(Some(&root)) {
        mark_ready();
        return;
    }
    let drawn = root.query_selector("main h1").ok().flatten().is_some();
    if drawn {
        let _ = old.replace_with_with_node_1(&root);
        root.set_id("app");
        let _ = root.remove_attribute("hidden");
        mark_ready();
    } else {
        leptos::prelude::request_animation_frame(move || take_over(root));
    }
}

/// Marks `<html data-app="ready">` once the app has mounted (tests and CSS wait for it).
fn mark_ready() {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-app", "ready");
    }
}

/// Replaces a crashed app with words instead of a blank page.
pub fn install_panic_message(message: &'static str) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    std::panic::set_hook(Box::new(move |info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        if let Some(doc) = document()
            && let Some(root) = doc.get_element_by_id("app")
        {
            root.set_inner_html("");
            if let Ok(p) = doc.create_element("p") {
                p.set_class_name("fatal");
                let _ = p.set_attribute("role", "alert");
                p.set_text_content(Some(message));
                let _ = root.append_child(&p);
            }
        }
    }));
}

/// Moves keyboard focus to the element with this id (and scrolls it into view).
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// A date for people, in the language of the interface ("25 Nov 2026").
pub fn format_date(ms: u64, locale: &str) -> String {
    if !cfg!(target_arch = "wasm32") {
        return String::new(); // rendered at build time: nothing stored, so no dates
    }
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    String::from(date.to_locale_date_string(locale, &options))
}

/// Loads `path` afresh (after the storage in use changed, so every value is read anew), in
/// place of the page showing now. `Location::replace`, which quick exit uses too, rather than
/// `reload`, whose binding would add to the first download.
pub fn load_afresh(path: &str) {
    if let Some(window) = window() {
        let _ = window.location().replace(path);
    }
}

/// The path of the address shown now, as the browser has it (`/ru/think`).
pub fn location_pathname() -> String {
    window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into())
}

/// Shows `url` (of this app) in the address bar in place of the current address, loading nothing.
pub fn replace_address(url: &str) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// The app's address shown now, path and query, without the language in front
/// (`/ru/cards?area=work` → `/cards?area=work`; `crate::at` puts it back).
pub fn current_address() -> String {
    window()
        .map(|w| w.location())
        .and_then(|l| {
            let pathname = l.pathname().ok()?;
            let (_, path) = crate::model::pages::split_language(&pathname);
            Some(format!("{path}{}", l.search().ok()?))
        })
        .unwrap_or_else(|| "/".into())
}

/// Opens the browser's print dialog (also "Save as PDF").
pub fn print_page() {
    if let Some(window) = window() {
        let _ = window.print();
    }
}

/// Offers `text` as a file called `file_name` to save (the browser's download). False if the
/// browser refused.
pub fn download(text: &str, mime: &str, file_name: &str) -> bool {
    let Some(url) = download_url(text, mime) else {
        return false;
    };
    let link = document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(link) = link else {
        revoke_download_url(&url);
        return false;
    };
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The download has started from the URL; free it once this event is over.
    revoke_later(url, 1_000);
    true
}

/// Puts `text` on the clipboard (where the browser allows it; the text also stays on screen).
pub fn copy_text(text: &str) {
    if let Some(window) = window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// `https://example.org`: where this app is served from.
pub fn location_origin() -> String {
    window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The part of the address after `#` (with the `#`), which browsers never send to a server.
pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The text of a file the person picked; `None` if it cannot be read (or is not text).
pub async fn read_file_text(file: web_sys::File) -> Option<String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?;
    text.as_string()
}

/// Today as `2026-11-25` (for file names).
pub fn today_iso() -> String {
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    String::from(js_sys::Date::new_0().to_iso_string())
        .chars()
        .take(10)
        .collect()
}

/// A random number for ids (not for secrets).
pub fn random_u32() -> u32 {
    if !cfg!(target_arch = "wasm32") {
        return 0; // rendered at build time: an id drawn then is replaced when the app starts
    }
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// Whether this window has the focus (of several windows of the app, the one last used).
pub fn has_focus() -> bool {
    document().is_some_and(|d| d.has_focus().unwrap_or(false))
}

/// Fills the screen with the page, or leaves full screen. Browsers allow this only after a key
/// press or a click; a refusal leaves the page as it was.
pub fn toggle_full_screen() {
    let Some(doc) = document() else {
        return;
    };
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(root) = doc.document_element() {
        // A promise: a refusal (no permission, an iframe) is ignored, the page stays as it is.
        let _ = root.request_fullscreen();
    }
}

/// Opens `path` of this app in a new window named `name` (the same name reuses the window).
/// False when the browser blocked it.
pub fn open_window(path: &str, name: &str) -> bool {
    window()
        .and_then(|w| w.open_with_url_and_target(path, name).ok().flatten())
        .is_some()
}

/// Plays a sound given as the bytes of a WAV file (made in memory, nothing is fetched).
pub fn play_wav(bytes: &[u8]) {
    let Some(url) = object_url(&js_sys::Uint8Array::from(bytes), "audio/wav") else {
        return;
    };
    if let Ok(audio) = web_sys::HtmlAudioElement::new_with_src(&url) {
        // A promise: refused playback (no interaction yet, sound blocked) is silently skipped.
        let _ = audio.play();
    }
    // The chime lasts 1.5 s; free its memory well after.
    revoke_later(url, 10_000);
}

/// Adds a page family's own styles (`css`, carried by its lazily loaded chunk) to the document
/// once, as a constructed style sheet: no request, no inline `<style>` (which a strict Content
/// Security Policy would block). Browsers without constructed sheets keep the base styles.
/// Pass a `static`: the text's address is what makes a second call a no-op.
pub fn adopt_style_sheet(css: &'static str) {
    thread_local! {
        static ADOPTED: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    // The text's address names it: each sheet is adopted once per visit.
    let id = css.as_ptr() as usize;
    if ADOPTED.with_borrow(|done| done.contains(&id)) {
        return;
    }
    // Rendered at build time: the page's HTML links the sheet (a file the build writes).
    #[cfg(not(target_arch = "wasm32"))]
    crate::prerender::note_style_sheet(css);
    let Some(doc) = document() else {
        return;
    };
    let Ok(sheet) = web_sys::CssStyleSheet::new() else {
        return;
    };
    if sheet.replace_sync(css).is_err() {
        return;
    }
    let sheets = doc.adopted_style_sheets();
    sheets.push(&sheet);
    doc.set_adopted_style_sheets(&sheets);
    ADOPTED.with_borrow_mut(|done| done.push(id));
}

/// The event that asks every field with unsaved text to save it now (`Autosaver` listens):
/// sent before the passphrase lock closes, while the key is still there to seal the text.
pub const SAVE_NOW_EVENT: &str = "tpa-save-now";

/// Returns false when a field could not save (it says why itself and keeps its text), so the
/// caller can hold back whatever would drop that field (a change of language rebuilds the page).
pub fn save_everything_now() -> bool {
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    match (
        window(),
        web_sys::Event::new_with_event_init_dict(SAVE_NOW_EVENT, &init),
    ) {
        (Some(window), Ok(event)) => window.dispatch_event(&event).unwrap_or(true),
        _ => true,
    }
}

/// `<html lang>`: the language the page speaks (screen readers, hyphenation, boot.js's words).
pub fn set_document_language(code: &str) {
    if let Some(html) = document().and_then(|doc| doc.document_element()) {
        let _ = html.set_attribute("lang", code);
    }
}

/// Whether a form on the page holds typed text that is not saved by itself (every field but
/// the autosaved ones, `data-autosaved`, and the deck's search, which the address keeps).
/// Conservative: a filled-in field counts even if it was filled in by the page.
pub fn unsaved_form_text() -> bool {
    use wasm_bindgen::JsCast;
    let Some(fields) = document().and_then(|doc| {
        doc.query_selector_all(
            "main textarea:not([data-autosaved]), main input:not([type]), main input[type=text], \
             main input[type=url], main input[type=tel], main input[type=email], main input[type=number]",
        )
        .ok()
    }) else {
        return false;
    };
    (0..fields.length())
        .filter_map(|i| fields.item(i))
        .any(|node| {
            if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                !area.value().trim().is_empty()
            } else if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
                !input.disabled() && !input.value().trim().is_empty()
            } else {
                false
            }
        })
}

/// The browser's own yes/no question; `false` when it cannot ask.
pub fn confirm(question: &str) -> bool {
    window()
        .and_then(|window| window.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// What [`on_rebuilt`] keeps: one hook, given the Lock button's word.
type RebuiltHook = Option<Box<dyn Fn(&'static str)>>;

thread_local! {
    static REBUILT_HOOK: std::cell::RefCell<RebuiltHook> = const { std::cell::RefCell::new(None) };
}

/// Something a room put into the page by hand and must put back after the page is rebuilt in
/// another language (the open lock's header button, in its new word).
pub fn on_rebuilt(hook: impl Fn(&'static str) + 'static) {
    REBUILT_HOOK.with(|h| *h.borrow_mut() = Some(Box::new(hook)));
}

/// Runs the hook, after the rebuilt page is in the document (`lock_word`: the Lock button's
/// word in the new language).
pub fn rebuilt(lock_word: &'static str) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    leptos::prelude::request_animation_frame(move || {
        REBUILT_HOOK.with(|h| {
            if let Some(hook) = h.borrow().as_ref() {
                hook(lock_word);
            }
        });
    });
}

/// The browser's languages, the most wanted first (`navigator.languages`).
pub fn browser_languages() -> Vec<String> {
    window()
        .map(|window| {
            window
                .navigator()
                .languages()
                .iter()
                .filter_map(|code| code.as_string())
                .collect()
        })
        .unwrap_or_default()
}
