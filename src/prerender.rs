//! The app's pages rendered to HTML natively, at build time (issue 20): the same components the
//! wasm runs, with nothing stored (there is no browser here, see `web::window`).

use futures::StreamExt;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::app::App;
use crate::content::Lang;

/// The HTML of the page at `path` in `lang`, as the app would first draw it with nothing stored.
pub fn render(path: &str, lang: Lang) -> String {
    let _ = any_spawner::Executor::init_futures_executor();
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(path));
        let locale = crate::locale_of(lang);
        let stream = view! { <App language=locale /> }.to_html_stream_in_order();
        futures::executor::block_on(stream.collect::<String>())
    })
}

/// The built `index.html` (minified or not) with the static shell in `<div id="app">` replaced by
/// `body` (marked `data-prerendered`, for `web::take_mount_point`) and `<html lang>` set.
pub fn fill(template: &str, body: &str, lang: Lang) -> Option<String> {
    let (start, open) = ["<div id=\"app\">", "<div id=app>"]
        .iter()
        .find_map(|open| template.find(open).map(|at| (at, *open)))?;
    let end = start + template[start..].find("<noscript>")?;
    let close = template[..end].rfind("</div>")?;
    let html_open = ["<html lang=\"en\">", "<html lang=en>"]
        .iter()
        .find(|tag| template.contains(*tag))?;
    let _ = open;
    let html = format!(
        "{}<div id=\"app\" data-prerendered>{}</div>{}",
        &template[..start],
        body,
        &template[close + "</div>".len()..],
    );
    Some(html.replacen(html_open, &format!("<html lang=\"{}\">", lang.code()), 1))
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
            let html = text_of(&render("/think", lang));
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
        let html = text_of(&render(&format!("/cards/{}", card.id), Lang::Ru));
        assert!(html.contains(&escaped(card.topic)));
        assert!(html.contains(&escaped(card.example)));
        for question in card.questions {
            assert!(html.contains(&escaped(question)), "{question}");
        }
    }

    #[test]
    fn no_notice_says_storage_is_missing_where_it_is_only_not_there_yet() {
        let html = render("/", Lang::En);
        assert!(!html.contains("storage-unavailable"), "{html}");
        assert!(!html.contains("storage-notice"));
    }

    #[test]
    fn fill_puts_the_page_in_the_shell_and_sets_the_language() {
        let template = "<!DOCTYPE html><html lang=en><head></head><body><div id=app><header>x</header>\
            <main><h1>Opening…</h1></main></div><noscript>n</noscript></body></html>";
        let page = fill(template, "<main><h1>Думай</h1></main>", Lang::Ru).expect("filled");
        assert_eq!(
            page,
            "<!DOCTYPE html><html lang=\"ru\"><head></head><body><div id=\"app\" data-prerendered>\
             <main><h1>Думай</h1></main></div><noscript>n</noscript></body></html>"
        );
        assert_eq!(
            fill("<html lang=en><body></body></html>", "x", Lang::En),
            None
        );
    }
}
