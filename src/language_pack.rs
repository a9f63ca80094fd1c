//! One language per download: the guidance's long texts come in three parts a language
//! (`content::Part`: THINK!, the Annex 2 deck, the facilitator's notes), and each part in each
//! language is a wasm chunk of its own, `split_guidance_<part>_<code>.wasm`. A visitor downloads
//! their language only, a page only the parts it shows, and a new language adds nothing to
//! another's download. A lazy page brings its parts before it draws (`WithGuidance` in
//! src/app.rs); boot.js fetches them beside the page's own chunks; the service worker keeps the
//! languages in use. Natively (tests, the prerender) everything is compiled in.

use crate::content::Lang;
#[cfg(target_arch = "wasm32")]
use crate::content::Part;

/// A part of the guidance could not be brought: its chunk was neither kept on this device nor
/// reachable (offline, in a language not opened here before).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotOnThisDevice;

/// Brings these parts of the guidance in `lang` (a set of `Part::bit`s; each part once a visit);
/// the content functions (`content::think`, `content::deck`…) read them from then on. A failure
/// is not kept: the next page tries again.
pub async fn load(lang: Lang, parts: u8) -> Result<(), NotOnThisDevice> {
    #[cfg(target_arch = "wasm32")]
    for part in Part::in_set(parts) {
        use crate::content::loaded;
        if loaded::has(lang, part) {
            continue;
        }
        match (part, lang) {
            (Part::Think, Lang::En) => loaded::keep_think(lang, guidance_think_en().await?),
            (Part::Think, Lang::Ru) => loaded::keep_think(lang, guidance_think_ru().await?),
            (Part::Deck, Lang::En) => loaded::keep_deck(lang, guidance_deck_en().await?),
            (Part::Deck, Lang::Ru) => loaded::keep_deck(lang, guidance_deck_ru().await?),
            (Part::Facilitator, Lang::En) => {
                loaded::keep_facilitator(lang, guidance_facilitator_en().await?)
            }
            (Part::Facilitator, Lang::Ru) => {
                loaded::keep_facilitator(lang, guidance_facilitator_ru().await?)
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (lang, parts);
    Ok(())
}

#[cfg(target_arch = "wasm32")]
impl From<leptos::wasm_split::SplitLoaderError> for NotOnThisDevice {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotOnThisDevice
    }
}

/// One split point a part and language, named after them: the chunk holds that text and nothing
/// else, which is how boot.js and the service worker recognise it. `fallible`: a chunk that
/// cannot be fetched is an error to show in words, not a panic.
macro_rules! split_parts {
    ($($name:ident => $ty:ident = $value:path;)*) => {$(
        #[cfg(target_arch = "wasm32")]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name() -> Result<&'static crate::content::$ty, NotOnThisDevice> {
            Ok(&$value)
        }
    )*};
}

split_parts! {
    guidance_think_en => Think = crate::content::en::THINK;
    guidance_think_ru => Think = crate::content::ru::THINK;
    guidance_deck_en => Deck = crate::content::en::DECK;
    guidance_deck_ru => Deck = crate::content::ru::DECK;
    guidance_facilitator_en => Facilitator = crate::content::en::FACILITATOR;
    guidance_facilitator_ru => Facilitator = crate::content::ru::FACILITATOR;
}
