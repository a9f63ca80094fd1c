//! The app's pages rendered to HTML natively, at build time (issue 20): the same components the
//! wasm runs, with nothing stored (there is no browser here, see `web::window`).

use std::cell::RefCell;

use futures::StreamExt;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::app::App;
use crate::content::Lang;
use crate::model::pages::localized;

/// A page rendered to HTML: its body and what its head needs.
pub struct Rendered {
    pub body: String,
    /// "<page> — Think · Plan · Act", as `components::title` sets it in the browser.
    pub title: Option<String>,
    /// The page's own style sheets (those its chunk adopts in the browser), in order.
    pub sheets: Vec<&'static str>,
}

thread_local! {
    static HEAD: RefCell<(Option<String>, Vec<&'static str>)> = const { RefCell::new((None, Vec::new())) };
}

/// The page's title, noted while it renders (`components::title`).
pub fn note_title(title: String) {
    HEAD.with_borrow_mut(|head| head.0 = Some(title));
}

/// A style sheet the page adopts in the browser (`web::adopt_style_sheet`), noted while it renders.
pub fn note_style_sheet(css: &'static str) {
    HEAD.with_borrow_mut(|head| {
        if !head.1.iter().any(|known| std::ptr::eq(*known, css)) {
            head.1.push(css);
        }
    });
}

/// The page at `path` (an app path, `/think`) in `lang`, as the app would first draw it with
/// nothing stored.
pub fn render(path: &str, lang: Lang) -> Rendered {
    let _ = any_spawner::Executor::init_futures_executor();
    HEAD.with_borrow_mut(|head| *head = (None, Vec::new()));
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(RequestUrl::new(&localized(lang, path)));
        let locale = crate::locale_of(lang);
        let stream = view! { <App language=locale /> }.to_html_stream_in_order();
        futures::executor::block_on(stream.collect::<String>())
    });
    // Kept, not disposed: a task a page spawned may still run on the executor's threads after
    // the HTML is out, and would find its reactive values gone. A build renders a few dozen pages.
    std::mem::forget(owner);
    let (title, sheets) = HEAD.with_borrow_mut(std::mem::take);
    Rendered {
        body,
        title,
        sheets,
    }
}

/// What goes into a prerendered page's `<head>` beside the template's.
pub struct Head<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// The app path (`/think`): the page's address in each language is linked as an alternate.
    pub path: &'a str,
    /// Addresses of the page's own style sheets (files the build writes).
    pub style_sheets: &'a [String],
}

/// The built `index.html` (minified or not) with the static shell in `<div id="app">` replaced by
/// `body` (marked `data-prerendered`, for `web::take_mount_point` and shell.js), `<html lang>`
/// set, and the head given the page's title, description, style sheets and its addresses in
/// the other languages.
pub fn fill(template: &str, body: &str, lang: Lang, head: &Head) -> Option<String> {
    let start = ["<div id=\"app\">", "<div id=app>"]
        .iter()
        .find_map(|open| template.find(open))?;
    let end = start + template[start..].find("<noscript>")?;
    let close = template[..end].rfind("</div>")?;
    // The template's `<html lang=en class=choosing>` (in any order): the page is in its
    // language and shown at once (main.css hides a shell that is `choosing`).
    let html_start = template.find("<html")?;
    let html_open = &template[html_start..html_start + template[html_start..].find('>')? + 1];
    let title_start = template.find("<title")?;
    let title_end = title_start + template[title_start..].find("</title>")? + "</title>".len();
    // (The minifier may put `content` before `name`.)
    let description_name = ["name=\"description\"", "name=description"]
        .iter()
        .find_map(|name| template.find(name))?;
    let description_start = template[..description_name].rfind("<meta")?;
    let description_end = description_start + template[description_start..].find('>')? + 1;
    if !(description_end <= title_start || title_end <= description_start) {
        return None;
    }
    let mut extra = String::new();
    for sheet in head.style_sheets {
        extra.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"{}\">",
            attribute(sheet)
        ));
    }
    for other in Lang::ALL {
        extra.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
            other.code(),
            attribute(&localized(other, head.path))
        ));
    }
    // Unprefixed addresses lead to the person's language (shell.js).
    extra.push_str(&format!(
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">",
        attribute(head.path)
    ));
    let mut parts = [
        (
            title_start,
            title_end,
            format!("<title>{}</title>{extra}", text(head.title)),
        ),
        (
            description_start,
            description_end,
            format!(
                "<meta name=\"description\" content=\"{}\">",
                attribute(head.description)
            ),
        ),
    ];
    parts.sort_by_key(|part| part.0);
    let mut html = format!("{}<html lang=\"{}\">", &template[..html_start], lang.code());
    let mut at = html_start + html_open.len();
    for (from, to, with) in parts {
        html.push_str(&template[at..from]);
        html.push_str(&with);
        at = to;
    }
    html.push_str(&template[at..start]);
    html.push_str(&format!("<div id=\"app\" data-prerendered>{body}</div>"));
    html.push_str(&template[close + "</div>".len()..]);
    Some(html)
}

fn text(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn attribute(value: &str) -> String {
    text(value).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{deck, think};

    /// What HTML escapes in text (the content has apostrophes, quotes and ampersands).
    fn escaped(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }

    fn text_of(html: &str) -> String {
        html.replace("&#x27;", "'").replace("&quot;", "\"")
    }

    #[test]
    fn think_is_rendered_with_its_four_questions_in_each_language() {
        for lang in [Lang::En, Lang::Ru] {
            let html = text_of(&render("/think", lang).body);
            for step in think(lang).steps {
                assert!(
                    html.contains(&escaped(step.question)),
                    "{lang:?}: {}",
                    step.question
                );
            }
            assert!(html.contains("<h1>"), "{lang:?}: a heading");
        }
    }

    #[test]
    fn a_card_is_rendered_with_its_example_and_questions() {
        let card = &deck(Lang::Ru).cards[0];
        let html = text_of(&render(&format!("/cards/{}", card.id), Lang::Ru).body);
        assert!(html.contains(&escaped(card.topic)));
        assert!(html.contains(&escaped(card.example)));
        for question in card.questions {
            assert!(html.contains(&escaped(question)), "{question}");
        }
    }

    #[test]
    fn no_notice_says_storage_is_missing_where_it_is_only_not_there_yet() {
        let html = render("/", Lang::En).body;
        assert!(!html.contains("storage-unavailable"), "{html}");
        assert!(!html.contains("storage-notice"));
    }

    #[test]
    fn fill_puts_the_page_in_the_shell_and_names_it_in_the_head() {
        let template = "<!DOCTYPE html><html class=choosing lang=en><head><meta name=description content=\"x\">\
            <title data-w=app_name>T</title></head><body><div id=app><header>x</header>\
            <main><h1>Opening…</h1></main></div><noscript>n</noscript></body></html>";
        let head = Head {
            title: "Думай — T",
            description: "Офлайн \"набор\"",
            path: "/think",
            style_sheets: &["/page-1.css".to_string()],
        };
        let page = fill(template, "<main><h1>Думай</h1></main>", Lang::Ru, &head).expect("filled");
        assert_eq!(
            page,
            "<!DOCTYPE html><html lang=\"ru\"><head><meta name=\"description\" content=\"Офлайн &quot;набор&quot;\">\
             <title>Думай — T</title><link rel=\"stylesheet\" href=\"/page-1.css\">\
             <link rel=\"alternate\" hreflang=\"en\" href=\"/en/think\">\
             <link rel=\"alternate\" hreflang=\"ru\" href=\"/ru/think\">\
             <link rel=\"alternate\" hreflang=\"x-default\" href=\"/think\"></head><body>\
             <div id=\"app\" data-prerendered><main><h1>Думай</h1></main></div><noscript>n</noscript></body></html>"
        );
        assert!(fill("<html lang=en><head><title>x</title><meta name=description></head><body></body></html>", "x", Lang::En, &head).is_none());
    }

    #[test]
    fn every_prerendered_address_renders_its_page_not_not_found() {
        for lang in Lang::ALL {
            let missing = crate::i18n::td_string!(crate::locale_of(lang), not_found.title);
            for path in crate::model::pages::prerendered_paths() {
                let page = render(&path, lang);
                let title = page.title.unwrap_or_default();
                assert!(!title.is_empty(), "{lang:?} {path}: a title");
                assert!(!title.starts_with(missing), "{lang:?} {path}: {title}");
                assert!(page.body.contains("<h1"), "{lang:?} {path}: a heading");
            }
        }
    }
}
