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
    NotFound,
}

/// A group of pages loaded as one chunk behind one route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    Deck,
    OwnCards,
    Present,
}

impl Page {
    /// The room a page belongs to (`None`: a page with a route of its own, or not found).
    pub fn room(self) -> Option<Room> {
        match self {
            Page::Cards | Page::Card => Some(Room::Deck),
            Page::MyCards | Page::CardEditor | Page::SharedCards => Some(Room::OwnCards),
            Page::Present
            | Page::Stage
            | Page::Presenter
            | Page::FacilitatorNotes
            | Page::Agenda => Some(Room::Present),
            Page::NotFound => None,
        }
    }
}

/// What `room` shows for `path`, given the page it `showing` now. Leaving for another room's
/// address, the router swaps rooms only once the next chunk has arrived: until then this room
/// keeps its page on screen (instead of flashing "not found").
pub fn page_in_room(room: Room, path: &str, showing: Option<Page>) -> Page {
    let page = page_for(path);
    match showing {
        Some(current) if page.room() != Some(room) => current,
        _ => page,
    }
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
        _ => Page::NotFound,
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
            ("/my-cards/my-abc", Page::CardEditor),
            ("/shared", Page::SharedCards),
            ("/present", Page::Present),
            ("/present/show", Page::Stage),
            ("/present/presenter/", Page::Presenter),
            ("/present/notes", Page::FacilitatorNotes),
            ("/present/agenda/new", Page::Agenda),
            ("/present/agenda/plan-x1", Page::Agenda),
        ] {
            assert_eq!(page_for(path), page, "{path}");
        }
    }

    #[test]
    fn a_room_keeps_its_page_while_the_address_moves_to_another_room() {
        let showing = Some(Page::Card);
        assert_eq!(page_in_room(Room::Deck, "/cards", showing), Page::Cards);
        assert_eq!(page_in_room(Room::Deck, "/present", showing), Page::Card);
        assert_eq!(page_in_room(Room::Deck, "/about", showing), Page::Card);
        // Opened at a wrong address of the room: not found.
        assert_eq!(
            page_in_room(Room::Present, "/present/xyz", None),
            Page::NotFound
        );
        assert_eq!(
            page_in_room(Room::Present, "/present/show", None),
            Page::Stage
        );
        assert_eq!(Page::SharedCards.room(), Some(Room::OwnCards));
        assert_eq!(Page::NotFound.room(), None);
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
