//! What the guidance says, as typed data: one module per language.
//!
//! Long texts (exercises, scenario cards, facilitator guidance) live here; short interface words
//! live in `locales/<code>.json`.

pub mod cards;
pub mod en;
pub mod facilitator;
#[cfg(test)]
mod locale_files;
pub mod ru;
pub mod think;

pub use cards::{Area, Card, CardsHelp, Deck, EntryPoint};
pub use facilitator::{Facilitation, PresentHelp, Recommendation};
pub use think::{AIMS_ID, Aim, PRIVILEGE_ID, Think, ThinkStep};

/// The languages the app speaks. Adding one: a content module like `en/` (its `mod.rs` and
/// `facilitator.rs`), a variant here with its code and name, one arm in each function below, and
/// `locales/<code>.json` (README → "Adding a language").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ru,
}

impl Lang {
    /// Every language, in the order the switcher lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];

    /// The BCP 47 code: `<html lang>`, `locales/<code>.json`, stored with own cards.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language's name in itself, as a person looking for it would recognise it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
        }
    }

    /// The language of a code (`ru`, `ru-KG`, `RU`); `None` for one the app does not speak.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }
}

/// Bibliographic facts about the guidance the app is built from, credited wherever its text is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub title: &'static str,
    pub subtitle: &'static str,
    pub publisher: &'static str,
    pub authors: &'static [&'static str],
    /// The authors as one phrase in this language ("A and B").
    pub byline: &'static str,
    pub programme: &'static str,
    pub funder_note: &'static str,
    /// The publisher's short name, in credits after the title: "OSCE", «ОБСЕ».
    pub publisher_short: &'static str,
    /// This language's quotation marks, around the title in a plain-text credit.
    pub quotes: [&'static str; 2],
    /// For a translation: who made it, said where the source is credited (`None` for English,
    /// the guidance's own language).
    pub translation_note: Option<&'static str>,
}

impl Source {
    /// The title in this language's quotation marks: “Engaging…”, «Вовлечение…».
    pub fn quoted_title(&self) -> String {
        format!("{}{}{}", self.quotes[0], self.title, self.quotes[1])
    }
}

pub fn source(lang: Lang) -> &'static Source {
    match lang {
        Lang::En => &en::SOURCE,
        Lang::Ru => &ru::SOURCE,
    }
}

/// What a facilitator reads: PLAN!'s challenges and ACT!'s recommendations, and the present
/// pages' help. One part of the guidance (see [`Part`]).
pub struct Facilitator {
    pub facilitation: &'static Facilitation,
    pub present_help: &'static PresentHelp,
}

/// The long texts of the guidance come in three parts a language: THINK!, the Annex 2 deck, and
/// the facilitator's notes. In the browser each part in each language is a wasm chunk of its own
/// (`crate::language_pack`), fetched when a page that shows it first opens, so a visitor
/// downloads only their language, and a page only the parts it shows (THINK has no cards);
/// natively (tests, the prerender) all are compiled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Think,
    Deck,
    Facilitator,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Think, Part::Deck, Part::Facilitator];

    /// The part as one bit of a set (`Part::Think.bit() | Part::Deck.bit()`): a set is a number,
    /// so a route can name its parts in its type (`WithGuidance<Route, PARTS>` in src/app.rs).
    pub const fn bit(self) -> u8 {
        1 << self as u8
    }

    /// The parts in a set of bits, in `ALL`'s order.
    pub fn in_set(bits: u8) -> impl Iterator<Item = Part> {
        Part::ALL
            .into_iter()
            .filter(move |part| bits & part.bit() != 0)
    }
}

/// The parts brought in the browser so far (filled by `language_pack::load`): a content
/// function used before its part arrived is a mistake in the code (the panic message then asks
/// the person to reload), never the person's.
#[cfg(target_arch = "wasm32")]
pub mod loaded {
    use super::{Deck, Facilitator, Lang, Think};
    use std::cell::Cell;

    macro_rules! parts {
        ($($part:ident: $ty:ty, $get:ident, $keep:ident;)*) => {
            thread_local! {$(
                static $part: Cell<[Option<&'static $ty>; Lang::ALL.len()]> =
                    const { Cell::new([None; Lang::ALL.len()]) };
            )*}
            $(
                pub fn $keep(lang: Lang, part: &'static $ty) {
                    $part.with(|kept| {
                        let mut all = kept.get();
                        all[slot(lang)] = Some(part);
                        kept.set(all);
                    });
                }

                pub(super) fn $get(lang: Lang) -> Option<&'static $ty> {
                    $part.with(|kept| kept.get()[slot(lang)])
                }
            )*
        };
    }

    parts! {
        THINK: Think, think, keep_think;
        DECK: Deck, deck, keep_deck;
        FACILITATOR: Facilitator, facilitator, keep_facilitator;
    }

    fn slot(lang: Lang) -> usize {
        Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
    }

    pub fn has(lang: Lang, part: super::Part) -> bool {
        match part {
            super::Part::Think => think(lang).is_some(),
            super::Part::Deck => deck(lang).is_some(),
            super::Part::Facilitator => facilitator(lang).is_some(),
        }
    }

    pub(super) fn missing(lang: Lang, part: super::Part) -> ! {
        panic!("{part:?} in {} was used before it was loaded", lang.code())
    }
}

/// The names of the five thematic areas in a language. Kept outside the language's guidance: an
/// import reads themes named in any language, whatever the interface speaks.
pub fn area_names(lang: Lang) -> &'static [&'static str; 5] {
    match lang {
        Lang::En => &en::AREA_NAMES,
        Lang::Ru => &ru::AREA_NAMES,
    }
}

/// The scenario cards of Annex 2 in a language.
pub fn deck(lang: Lang) -> &'static Deck {
    #[cfg(target_arch = "wasm32")]
    {
        loaded::deck(lang).unwrap_or_else(|| loaded::missing(lang, Part::Deck))
    }
    #[cfg(not(target_arch = "wasm32"))]
    match lang {
        Lang::En => &en::DECK,
        Lang::Ru => &ru::DECK,
    }
}

/// The longer explanations of the card pages in a language.
pub fn cards_help(lang: Lang) -> &'static CardsHelp {
    &deck(lang).help
}

/// What a facilitator reads, in a language.
pub fn facilitator(lang: Lang) -> &'static Facilitator {
    #[cfg(target_arch = "wasm32")]
    {
        loaded::facilitator(lang).unwrap_or_else(|| loaded::missing(lang, Part::Facilitator))
    }
    #[cfg(not(target_arch = "wasm32"))]
    match lang {
        Lang::En => &en::FACILITATOR,
        Lang::Ru => &ru::FACILITATOR,
    }
}

/// What the guidance tells a facilitator (PLAN! challenges, ACT! recommendations), in a language.
pub fn facilitation(lang: Lang) -> &'static Facilitation {
    facilitator(lang).facilitation
}

/// The longer help of the present pages in a language.
pub fn present_help(lang: Lang) -> &'static PresentHelp {
    facilitator(lang).present_help
}

/// The THINK! section in a language.
pub fn think(lang: Lang) -> &'static Think {
    #[cfg(target_arch = "wasm32")]
    {
        loaded::think(lang).unwrap_or_else(|| loaded::missing(lang, Part::Think))
    }
    #[cfg(not(target_arch = "wasm32"))]
    match lang {
        Lang::En => &en::THINK,
        Lang::Ru => &ru::THINK,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_of_parts_is_a_number_and_back() {
        let set = Part::Think.bit() | Part::Facilitator.bit();
        assert_eq!(
            Part::in_set(set).collect::<Vec<_>>(),
            [Part::Think, Part::Facilitator]
        );
        let all = Part::ALL.iter().fold(0, |bits, part| bits | part.bit());
        assert_eq!(Part::in_set(all).collect::<Vec<_>>(), Part::ALL);
        assert_eq!(Part::in_set(0).count(), 0);
        // Every part has its own bit.
        assert_eq!(all.count_ones() as usize, Part::ALL.len());
    }

    #[test]
    fn the_source_names_the_guidance_and_its_authors() {
        let s = source(Lang::En);
        assert!(s.title.contains("Engaging young men"));
        assert!(s.publisher.contains("OSCE"));
        assert_eq!(s.authors.len(), 2);
        for author in s.authors {
            assert!(
                s.byline.contains(author),
                "{author} missing from the byline"
            );
        }
        assert!(!s.funder_note.is_empty());
    }

    #[test]
    fn think_has_the_four_questions_of_the_guidance_in_order() {
        let t = think(Lang::En);
        let ids: Vec<_> = t.steps.iter().map(|s| s.id).collect();
        assert_eq!(
            ids,
            ["norms", "men_and_boys", "women_and_girls", "benefits"]
        );
        assert!(
            t.steps[0]
                .question
                .contains("three different common gender norms")
        );
        assert!(t.steps[1].question.contains("men and boys"));
        assert!(t.steps[2].question.contains("women and girls"));
        assert!(t.steps[3].question.contains("benefits"));
        for step in t.steps {
            assert!(
                !step.explanation.is_empty() && step.question.ends_with('?'),
                "{}",
                step.id
            );
        }
    }

    #[test]
    fn think_has_three_aims_each_with_expectations_and_a_caution() {
        let t = think(Lang::En);
        assert_eq!(t.aims.len(), 3);
        for aim in t.aims {
            assert!(
                !aim.expected.is_empty() && !aim.avoid.is_empty(),
                "{}",
                aim.id
            );
        }
        assert!(t.suggested_norms.len() >= 3);
        assert!(t.privilege_prompt.contains("power and privilege"));
    }

    #[test]
    fn stable_ids_are_unique() {
        let t = think(Lang::En);
        let mut ids: Vec<_> = t
            .steps
            .iter()
            .map(|s| s.id)
            .chain(t.aims.iter().map(|a| a.id))
            .collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn every_answer_id_has_its_question_and_is_a_valid_storage_id() {
        let t = think(Lang::En);
        let ids = t.question_ids();
        assert_eq!(
            ids,
            [
                "norms",
                "men_and_boys",
                "women_and_girls",
                "benefits",
                "aims",
                "privilege"
            ]
        );
        for id in ids {
            assert!(t.question_text(id).is_some(), "{id} has no question");
            let item = crate::model::answer::answer_id(999, id);
            assert!(crate::storage::ItemId::new(&item).is_some(), "{item}");
        }
        assert_eq!(t.question_text("unknown"), None);
    }

    #[test]
    fn the_deck_has_the_sixteen_cards_of_annex_2_in_five_areas() {
        let d = deck(Lang::En);
        assert_eq!(d.cards.len(), 16);
        let per_area: Vec<usize> = Area::ALL
            .iter()
            .map(|a| d.cards.iter().filter(|c| c.area == *a).count())
            .collect();
        assert_eq!(per_area, [3, 2, 3, 4, 4]);
        // The guidance's order: areas never go back.
        assert!(d.cards.windows(2).all(|w| w[0].area <= w[1].area));
        assert_eq!(
            d.area_name(Area::Participation),
            "Gender equality and women’s participation"
        );
        assert_eq!(
            d.card("parental-leave").map(|c| c.topic),
            Some("Parental leave, family leave, paternity leave")
        );
        assert_eq!(d.card("nope"), None);
    }

    #[test]
    fn every_card_has_an_example_questions_an_entry_point_and_a_valid_unique_id() {
        let d = deck(Lang::En);
        let mut ids: Vec<_> = d.cards.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), d.cards.len(), "card ids repeat");
        for c in d.cards {
            assert!(
                crate::storage::ItemId::new(c.id).is_some(),
                "{} is not a valid id",
                c.id
            );
            assert!(
                !c.example.is_empty() && !c.questions.is_empty() && !c.entry_points.is_empty(),
                "{}",
                c.id
            );
            for q in c.questions {
                assert!(
                    q.ends_with('?'),
                    "{}: a question without a question mark: {q}",
                    c.id
                );
            }
        }
        for area in Area::ALL {
            assert!(!area.id().is_empty());
        }
        let questions: usize = d.cards.iter().map(|c| c.questions.len()).sum();
        assert_eq!(questions, 36, "every possible question of Annex 2");
    }

    #[test]
    fn the_facilitator_notes_hold_the_eight_recommendations_and_the_three_challenges() {
        let f = facilitation(Lang::En);
        assert_eq!(f.recommendations.len(), 8, "ACT! has eight do/don't pairs");
        assert!(f.recommendations[0].title.starts_with("Build trust"));
        assert!(f.recommendations[7].what_to_do.contains("support services"));
        for r in f.recommendations {
            assert!(
                !r.what_to_do.is_empty() && !r.what_to_avoid.is_empty(),
                "{}",
                r.title
            );
            assert!(!r.title.contains("))"), "{}", r.title);
        }
        assert_eq!(f.resistance_reasons.len(), 5);
        assert!(f.moveable_middle.contains("moveable middle"));
        assert!(f.referrals.contains("confidentially"));
        assert!(f.accountability.contains("women’s rights organizations"));
        assert!(!f.reminders.is_empty());
    }

    #[test]
    fn sensitive_cards_carry_a_content_note() {
        let d = deck(Lang::En);
        for id in [
            "sexual-harassment",
            "mental-health",
            "stress-anger",
            "economic-development",
        ] {
            assert!(
                d.card(id).and_then(|c| c.content_note).is_some(),
                "{id} has no content note"
            );
        }
        let notes = d.cards.iter().filter(|c| c.content_note.is_some()).count();
        assert_eq!(notes, 4);
    }

    /// Every text of the guidance in a language, for the checks below.
    fn all_texts(lang: Lang) -> Vec<&'static str> {
        let t = think(lang);
        let mut all: Vec<&str> = vec![
            t.context_title,
            t.why_title,
            t.exercise_title,
            t.exercise_intro,
            t.aims_intro,
            t.levels_note,
            t.privilege_prompt,
            t.aims_question,
        ];
        all.extend(t.context.iter().chain(t.why).chain(t.suggested_norms));
        for step in t.steps {
            all.extend([step.explanation, step.question]);
        }
        for aim in t.aims {
            all.extend(aim.expected.iter().copied().chain([aim.title, aim.avoid]));
        }
        let d = deck(lang);
        all.extend(d.area_names);
        all.extend(d.entry_point_names);
        let h = d.help;
        all.extend([
            h.intro,
            h.own_cards,
            h.note_hint,
            h.missing,
            h.own_intro,
            h.own_empty,
            h.share_hint,
            h.link_private,
            h.import_text,
            h.areas_text,
            h.area_in_use,
            h.example_hint,
            h.content_note_hint,
            h.shared_intro,
            h.shared_empty,
        ]);
        let f = facilitation(lang);
        all.extend([
            f.act_intro,
            f.challenges_intro,
            f.resistance_intro,
            f.resistance_response,
            f.moveable_middle,
            f.referrals,
            f.accountability,
        ]);
        all.extend(f.resistance_reasons.iter().chain(f.reminders));
        for r in f.recommendations {
            all.extend([r.title, r.what_to_do, r.what_to_avoid]);
        }
        let p = present_help(lang);
        all.extend([
            p.intro,
            p.two_screens,
            p.private,
            p.agendas_intro,
            p.agendas_empty,
            p.services_intro,
            p.services_private,
            p.letter_keys,
            p.end_of_show,
        ]);
        for card in d.cards {
            all.extend(
                card.questions
                    .iter()
                    .copied()
                    .chain([card.topic, card.example]),
            );
            all.extend(card.content_note);
        }
        let s = source(lang);
        all.extend([
            s.title,
            s.subtitle,
            s.publisher,
            s.byline,
            s.programme,
            s.funder_note,
        ]);
        all
    }

    #[test]
    fn texts_carry_no_extraction_slips() {
        for lang in Lang::ALL {
            for text in all_texts(lang) {
                assert!(
                    !text.contains("..") && !text.contains("  ") && !text.contains('¹'),
                    "{text}"
                );
                assert!(
                    !text.contains("<p>") && !text.contains("✓") && !text.contains('\n'),
                    "{text}"
                );
                assert!(!text.is_empty(), "an empty text in {}", lang.code());
                assert_eq!(text.trim(), text);
            }
        }
    }

    #[test]
    fn every_language_fills_the_same_slots_as_english() {
        let en_think = think(Lang::En);
        let en_deck = deck(Lang::En);
        let en_facilitation = facilitation(Lang::En);
        for lang in Lang::ALL {
            let t = think(lang);
            let step_ids: Vec<_> = t.steps.iter().map(|s| s.id).collect();
            let en_step_ids: Vec<_> = en_think.steps.iter().map(|s| s.id).collect();
            assert_eq!(step_ids, en_step_ids, "{}", lang.code());
            let aims: Vec<_> = t.aims.iter().map(|a| (a.id, a.expected.len())).collect();
            let en_aims: Vec<_> = en_think
                .aims
                .iter()
                .map(|a| (a.id, a.expected.len()))
                .collect();
            assert_eq!(aims, en_aims, "{}", lang.code());
            assert_eq!(t.suggested_norms.len(), en_think.suggested_norms.len());
            let d = deck(lang);
            let shape = |d: &Deck| -> Vec<_> {
                d.cards
                    .iter()
                    .map(|c| {
                        (
                            c.id,
                            c.area,
                            c.questions.len(),
                            c.content_note.is_some(),
                            c.entry_points,
                        )
                    })
                    .collect()
            };
            assert_eq!(shape(d), shape(en_deck), "{}", lang.code());
            assert_eq!(d.area_names.len(), en_deck.area_names.len());
            assert_eq!(d.entry_point_names.len(), en_deck.entry_point_names.len());
            let f = facilitation(lang);
            assert_eq!(
                f.recommendations.len(),
                en_facilitation.recommendations.len()
            );
            assert_eq!(
                f.resistance_reasons.len(),
                en_facilitation.resistance_reasons.len()
            );
            assert_eq!(f.reminders.len(), en_facilitation.reminders.len());
            for step in t.steps {
                assert!(step.question.ends_with('?'), "{}", step.question);
            }
            for card in d.cards {
                for q in card.questions {
                    assert!(q.ends_with('?'), "{}: {q}", card.id);
                }
            }
        }
    }

    #[test]
    fn the_russian_texts_are_russian() {
        // Latin words allowed in Russian text: names and the keys a keyboard shows.
        const LATIN_ALLOWED: &[&str] = &[
            "WIN",
            "YW4P",
            "Google",
            "Page",
            "Up",
            "Down",
            "Esc",
            "Shift",
            "R",
            "T",
            "F",
            "CSV",
            "JSON",
            "OSCE",
            "Excel",
            "LibreOffice",
        ];
        // A title quoted in its own language («Engaging Men in…») is a citation, not a slip.
        let without_cited_titles = |text: &str| -> String {
            let mut kept = String::new();
            let mut rest = text;
            while let Some(open) = rest.find('«') {
                kept.push_str(&rest[..open]);
                let after = &rest[open..];
                let close = after.find('»').map_or(after.len(), |i| i + '»'.len_utf8());
                let quoted = &after[..close];
                if quoted
                    .chars()
                    .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
                {
                    kept.push_str(quoted);
                }
                rest = &after[close..];
            }
            kept.push_str(rest);
            kept
        };
        for text in all_texts(Lang::Ru) {
            let checked = without_cited_titles(text);
            for word in checked.split(|c: char| !c.is_ascii_alphanumeric()) {
                if word.chars().any(|c| c.is_ascii_alphabetic()) {
                    assert!(
                        LATIN_ALLOWED.contains(&word),
                        "Latin word «{word}» in: {text}"
                    );
                }
            }
            assert!(!text.contains('"'), "straight quotes in: {text}");
            assert!(
                !text.contains('“') || text.contains('„'),
                "English quotes in: {text}"
            );
        }
        assert_eq!(think(Lang::Ru).steps.len(), 4);
        assert_eq!(deck(Lang::Ru).cards.len(), 16);
    }

    #[test]
    fn pages_ask_for_the_language_of_the_interface_not_english() {
        // A view that names English shows English whatever the interface speaks; About names the
        // original title of the guidance on purpose.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["src/pages", "src/components"] {
            for entry in std::fs::read_dir(root.join(dir)).expect(dir) {
                let path = entry.expect(dir).path();
                if path.file_name().is_some_and(|n| n == "about.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("a source file");
                for english in ["Lang::En", ", \"en\")", "lang: \"en\""] {
                    assert!(
                        !text.contains(english),
                        "{} names {english}",
                        path.display()
                    );
                }
            }
        }
    }

    #[test]
    fn a_language_code_names_its_language() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert!(!lang.native_name().is_empty());
        }
        assert_eq!(Lang::from_code("ru-KG"), Some(Lang::Ru));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("kk"), None);
        assert_eq!(Lang::from_code(""), None);
    }
}
