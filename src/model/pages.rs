//! Which page an address shows, for the routes that serve several pages (a "room": one lazily
//! loaded chunk, one route), and the language an address names (`/ru/think`: every page has an
//! address per language, issue 20). Pure, so the mapping is tested natively.

use crate::content::Lang;

/// The language an address names in its first segment and the rest of the path, which the
/// routes match: `/ru/cards/x` → (`Some(Ru)`, `/cards/x`); `/ru` → (`Some(Ru)`, `/`); an address
/// without one (an old bookmark, `/think`) → (`None`, the path as it is).
pub fn split_language(path: &str) -> (Option<Lang>, &str) {
    let Some(rest) = path.strip_prefix('/') else {
        return (None, path);
    };
    let (first, after) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    // Only the exact codes: `/EN/` or `/en-US/` are not this app's addresses.
    match Lang::ALL.into_iter().find(|lang| lang.code() == first) {
        Some(lang) if after.is_empty() => (Some(lang), "/"),
        Some(lang) => (Some(lang), after),
        None => (None, path),
    }
}

/// The address of `path` (an app path without a language, `/think`, with any query) in `lang`:
/// `/ru/think`; home is `/ru/`.
pub fn localized(lang: Lang, path: &str) -> String {
    let path = if path.starts_with('/') { path } else { "/" };
    format!("/{}{path}", lang.code())
}

/// A page of the app (the rooms' routes serve several each: `page_for` tells which).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `/`
    Home,
    /// `/think`
    Think,
    /// `/reflections`
    Reflections,
    /// `/cards`
    Cards,
    /// `/cards/<id>`
    Card,
    /// `/my-cards`
    MyCards,
    /// `/my-cards/<id>` (and `new`)
    CardEditor,
    /// `/shared`
    SharedCards,
    /// `/present`
    Present,
    /// `/present/show`: the audience view, what the projector shows
    Stage,
    /// `/present/presenter`: the presenter's view on the laptop
    Presenter,
    /// `/present/notes`
    FacilitatorNotes,
    /// `/present/agenda/<id>` (and `new`)
    Agenda,
    /// `/my-data`
    MyData,
    /// `/safety`
    Safety,
    /// `/about`
    About,
    /// `/lock`: turning the passphrase lock on, its idle time, a new passphrase, turning it off
    Lock,
    /// `/unlock?to=<address>`: the passphrase, while the lock is closed
    Unlock,
    NotFound,
}

/// The page for a path (`/cards/parental-leave`, `/present/agenda/new/`).
pub fn page_for(path: &str) -> Page {
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [] => Page::Home,
        ["think"] => Page::Think,
        ["reflections"] => Page::Reflections,
        ["cards"] => Page::Cards,
        ["cards", _] => Page::Card,
        ["my-cards"] => Page::MyCards,
        ["my-cards", _] => Page::CardEditor,
        ["shared"] => Page::SharedCards,
        ["present"] => Page::Present,
        ["present", "show"] => Page::Stage,
        ["present", "presenter"] => Page::Presenter,
        ["present", "notes"] => Page::FacilitatorNotes,
        ["present", "agenda", _] => Page::Agenda,
        ["my-data"] => Page::MyData,
        ["safety"] => Page::Safety,
        ["about"] => Page::About,
        ["lock"] => Page::Lock,
        ["unlock"] => Page::Unlock,
        _ => Page::NotFound,
    }
}

impl Page {
    /// Every page there is an address for (not "not found").
    pub const ALL: [Page; 18] = [
        Page::Home,
        Page::Think,
        Page::Reflections,
        Page::Cards,
        Page::Card,
        Page::MyCards,
        Page::CardEditor,
        Page::SharedCards,
        Page::Present,
        Page::Stage,
        Page::Presenter,
        Page::FacilitatorNotes,
        Page::Agenda,
        Page::MyData,
        Page::Safety,
        Page::About,
        Page::Lock,
        Page::Unlock,
    ];
}

/// The addresses the release build writes as HTML files, in every language (issue 20): every
/// page, each card of the guidance's deck, and a new card and session plan. Pages of things a
/// person made (`/my-cards/<id>`) have none: the app draws them (from the 404 page or the
/// offline copy's shell). Nothing a person writes is in these files: they are rendered with
/// nothing stored.
pub fn prerendered_paths() -> Vec<String> {
    let mut paths: Vec<String> = [
        "/",
        "/think",
        "/reflections",
        "/cards",
        "/my-cards",
        "/my-cards/new",
        "/shared",
        "/present",
        "/present/show",
        "/present/presenter",
        "/present/notes",
        "/present/agenda/new",
        "/my-data",
        "/safety",
        "/about",
        "/lock",
        "/unlock",
    ]
    .map(String::from)
    .to_vec();
    // The cards' ids are the same in every language.
    paths.extend(
        crate::content::deck(Lang::En)
            .cards
            .iter()
            .map(|card| format!("/cards/{}", card.id)),
    );
    paths
}

/// Whether a page may show while the passphrase lock is closed: it reads nothing a person wrote
/// (the unlock page itself, home, Safety with quick exit, About).
pub fn open_while_locked(path: &str) -> bool {
    // Plain comparisons, not `page_for`: this runs at start, in the first download.
    matches!(
        path.trim_end_matches('/'),
        "" | "/unlock" | "/safety" | "/about"
    )
}

/// The unlock page's address, remembering where the person was (`path` with its query).
pub fn unlock_address(path: &str) -> String {
    let mut to = String::new();
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            to.push(byte as char);
        } else {
            // By hand: `format!("{:02X}")` would bring number formatting into the first download.
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            to.push('%');
            to.push(HEX[usize::from(byte >> 4)] as char);
            to.push(HEX[usize::from(byte & 15)] as char);
        }
    }
    format!("/unlock?to={to}")
}

/// Where to go after unlocking: the remembered address if it is one of this app's (decoded,
/// from the query), else home. Never another site and never the unlock page again.
pub fn return_address(to: Option<&str>) -> String {
    match to {
        Some(to)
            if to.starts_with('/')
                && !to.starts_with("//")
                // Browsers drop tabs and line breaks from addresses and read `\` as `/`:
                // `/\t/evil.example` would become `//evil.example`, another site.
                && !to.chars().any(|c| c == '\\' || c.is_control())
                && page_for(to.split(['?', '#']).next().unwrap_or("/")) != Page::Unlock =>
        {
            to.to_string()
        }
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_of_a_room_has_its_address() {
        for (path, page) in [
            ("/cards", Page::Cards),
            ("/cards/", Page::Cards),
            ("/cards/parental-leave", Page::Card),
            ("/my-cards", Page::MyCards),
            ("/my-cards/new", Page::CardEditor),
            ("/my-data", Page::MyData),
            ("/safety/", Page::Safety),
            ("/about", Page::About),
            ("/my-cards/my-abc", Page::CardEditor),
            ("/shared", Page::SharedCards),
            ("/present", Page::Present),
            ("/present/show", Page::Stage),
            ("/present/presenter/", Page::Presenter),
            ("/present/notes", Page::FacilitatorNotes),
            ("/present/agenda/new", Page::Agenda),
            ("/present/agenda/plan-x1", Page::Agenda),
            ("/lock", Page::Lock),
            ("/unlock", Page::Unlock),
            ("/", Page::Home),
            ("", Page::Home),
            ("/think/", Page::Think),
            ("/reflections", Page::Reflections),
        ] {
            assert_eq!(page_for(path), page, "{path}");
        }
    }

    #[test]
    fn a_closed_lock_leaves_only_pages_that_read_nothing_written() {
        for path in ["/unlock", "/safety", "/about/", "/", ""] {
            assert!(open_while_locked(path), "{path}");
        }
        for path in [
            "/lock",
            "/think",
            "/reflections",
            "/cards",
            "/my-data",
            "/present/show",
            "/x",
        ] {
            assert!(!open_while_locked(path), "{path}");
        }
    }

    #[test]
    fn unlocking_returns_to_where_the_person_was_and_nowhere_else() {
        assert_eq!(
            unlock_address("/cards?area=work&q=a b"),
            "/unlock?to=/cards%3Farea%3Dwork%26q%3Da%20b"
        );
        // The router decodes the query; the decoded address is taken as it is.
        assert_eq!(
            return_address(Some("/cards?area=work&q=a b")),
            "/cards?area=work&q=a b"
        );
        assert_eq!(return_address(Some("/think")), "/think");
        for bad in [
            Some("/\t/evil.example"),
            Some("/\n/evil.example"),
            Some("/\u{0}/evil"),
            None,
            Some(""),
            Some("https://evil.example"),
            Some("//evil.example"),
            Some("/\\evil"),
            Some("/unlock?to=/x"),
            Some("think"),
        ] {
            assert_eq!(return_address(bad), "/", "{bad:?}");
        }
    }

    #[test]
    fn every_page_is_prerendered_and_every_prerendered_address_is_a_page() {
        let paths = prerendered_paths();
        for page in Page::ALL {
            assert!(
                paths.iter().any(|p| page_for(p) == page),
                "{page:?} has no file"
            );
        }
        for path in &paths {
            assert_ne!(page_for(path), Page::NotFound, "{path}");
        }
        let mut unique = paths.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), paths.len(), "each address once");
        for lang in Lang::ALL {
            for card in crate::content::deck(lang).cards {
                assert!(
                    paths.contains(&format!("/cards/{}", card.id)),
                    "{lang:?} {}",
                    card.id
                );
            }
        }
    }

    #[test]
    fn an_address_names_its_language_first() {
        assert_eq!(split_language("/ru/think"), (Some(Lang::Ru), "/think"));
        assert_eq!(
            split_language("/en/cards/x?y"),
            (Some(Lang::En), "/cards/x?y")
        );
        assert_eq!(split_language("/ru/"), (Some(Lang::Ru), "/"));
        assert_eq!(split_language("/ru"), (Some(Lang::Ru), "/"));
        for path in [
            "/think",
            "/",
            "",
            "/russian",
            "/EN/think",
            "/en-US/think",
            "/ruthink",
        ] {
            assert_eq!(split_language(path), (None, path), "{path}");
        }
        assert_eq!(localized(Lang::Ru, "/think"), "/ru/think");
        assert_eq!(localized(Lang::En, "/"), "/en/");
        assert_eq!(
            localized(Lang::En, "/cards?area=work"),
            "/en/cards?area=work"
        );
        for lang in Lang::ALL {
            for path in ["/", "/think", "/cards/a?b=c"] {
                assert_eq!(split_language(&localized(lang, path)), (Some(lang), path));
            }
        }
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "/present/agenda",
            "/present/other",
            "/present/show/extra",
            "/show",
            "/cards/a/b",
            "/think/x",
        ] {
            assert_eq!(page_for(path), Page::NotFound, "{path}");
        }
    }
}
