//! What the guidance says, as typed data: one module per language.
//!
//! Long texts (exercises, scenario cards, facilitator guidance) live here; short interface words
//! live in `locales/<code>.json`. Later issues add `think`, `cards` and `guidance` data to each locale.

pub mod en;

/// The languages content exists in. Adding one: a module like `en.rs` and one arm in [`source`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
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
}

pub fn source(lang: Lang) -> &'static Source {
    match lang {
        Lang::En => &en::SOURCE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
