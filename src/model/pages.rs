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
        ] {
            assert_eq!(page_for(path), page, "{path}");
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
