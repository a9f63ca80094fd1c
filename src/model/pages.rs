//! Which page an address shows, for the routes that serve several pages (a "room": one lazily
//! loaded chunk, one route). Pure, so the mapping is tested natively.

/// A page that shares its route with others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
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
    fn anything_else_is_not_found() {
        for path in [
            "/present/agenda",
            "/present/other",
            "/present/show/extra",
            "/show",
            "/cards/a/b",
            "/",
            "",
        ] {
            assert_eq!(page_for(path), Page::NotFound, "{path}");
        }
    }
}
