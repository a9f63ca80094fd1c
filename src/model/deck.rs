//! Browsing the scenario cards: which cards a filter selects, in what order, and the way a
//! filter travels in a link (`/cards?area=family&q=leave`) so that reload and Back keep it.

use super::custom_cards::{CustomAreas, CustomCard};
use super::search::Query;
use crate::content::{Area, Card, Deck, EntryPoint};

/// What deck logic needs to know of a card. The cards of the guidance implement it; cards a
/// person writes will too, so filtering and drawing treat both alike.
pub trait DeckCard {
    fn id(&self) -> &str;
    /// The stable id of its thematic area (`content::Area::id`, or a custom area's id).
    fn area_id(&self) -> &str;
    /// Everything the search looks through: topic, example, questions.
    fn texts(&self) -> Vec<&str>;
}

impl DeckCard for Card {
    fn id(&self) -> &str {
        self.id
    }
    fn area_id(&self) -> &str {
        self.area.id()
    }
    fn texts(&self) -> Vec<&str> {
        let mut texts = vec![self.topic, self.example];
        texts.extend(self.questions.iter().copied());
        texts
    }
}

/// A card of the guidance or one of the person's own: what the deck pages show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnyCard {
    Guide(&'static Card),
    Own(CustomCard),
}

impl AnyCard {
    pub fn id(&self) -> &str {
        match self {
            AnyCard::Guide(c) => c.id,
            AnyCard::Own(c) => &c.id,
        }
    }
    pub fn area_id(&self) -> &str {
        match self {
            AnyCard::Guide(c) => c.area.id(),
            AnyCard::Own(c) => &c.area,
        }
    }
    pub fn topic(&self) -> &str {
        match self {
            AnyCard::Guide(c) => c.topic,
            AnyCard::Own(c) => &c.topic,
        }
    }
    pub fn example(&self) -> &str {
        match self {
            AnyCard::Guide(c) => c.example,
            AnyCard::Own(c) => &c.example,
        }
    }
    pub fn questions(&self) -> Vec<&str> {
        match self {
            AnyCard::Guide(c) => c.questions.to_vec(),
            AnyCard::Own(c) => c.questions.iter().map(String::as_str).collect(),
        }
    }
    /// The language its text is in, when that is not the interface's (`interface`): an own card
    /// keeps the language it was written in, and says so (`lang`) for screen readers and
    /// hyphenation. Guidance cards always speak the interface's language.
    pub fn written_in(&self, interface: crate::content::Lang) -> Option<String> {
        match self {
            AnyCard::Own(c)
                if !c.lang.is_empty() && !c.lang.eq_ignore_ascii_case(interface.code()) =>
            {
                Some(c.lang.clone())
            }
            _ => None,
        }
    }
    /// The note before a sensitive card, if it has one.
    pub fn content_note(&self) -> Option<&str> {
        match self {
            AnyCard::Guide(c) => c.content_note,
            AnyCard::Own(c) => Some(c.content_note.as_str()).filter(|n| !n.trim().is_empty()),
        }
    }
    pub fn entry_points(&self) -> &[EntryPoint] {
        match self {
            AnyCard::Guide(c) => c.entry_points,
            AnyCard::Own(_) => &[],
        }
    }
    pub fn own(&self) -> Option<&CustomCard> {
        match self {
            AnyCard::Guide(_) => None,
            AnyCard::Own(c) => Some(c),
        }
    }
}

impl DeckCard for AnyCard {
    fn id(&self) -> &str {
        AnyCard::id(self)
    }
    fn area_id(&self) -> &str {
        AnyCard::area_id(self)
    }
    fn texts(&self) -> Vec<&str> {
        let mut texts = vec![self.topic(), self.example()];
        texts.extend(self.questions());
        texts
    }
}

/// The guidance's cards, then the person's own, in the order they were written.
pub fn whole_deck(guide: &'static [Card], mut own: Vec<CustomCard>) -> Vec<AnyCard> {
    own.sort_by(|a, b| a.updated_at.cmp(&b.updated_at).then(a.id.cmp(&b.id)));
    guide
        .iter()
        .map(AnyCard::Guide)
        .chain(own.into_iter().map(AnyCard::Own))
        .collect()
}

/// The deck as the pages show it: the guidance's cards and areas, and the person's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullDeck {
    pub guide: &'static Deck,
    pub cards: Vec<AnyCard>,
    pub own_areas: CustomAreas,
}

impl FullDeck {
    pub fn new(guide: &'static Deck, own: Vec<CustomCard>, own_areas: CustomAreas) -> FullDeck {
        FullDeck {
            guide,
            cards: whole_deck(guide.cards, own),
            own_areas,
        }
    }

    /// Every area id with its name: the guidance's first, then the person's own.
    pub fn areas(&self) -> Vec<(String, String)> {
        Area::ALL
            .iter()
            .map(|a| (a.id().to_string(), self.guide.area_name(*a).to_string()))
            .chain(
                self.own_areas
                    .areas
                    .iter()
                    .map(|a| (a.id.clone(), a.name.clone())),
            )
            .collect()
    }

    /// [`Self::areas`], plus the guidance's area names in every language: a file of cards
    /// written in Russian names its themes in Russian, and they are the guidance's themes
    /// whatever language the interface speaks now (not new themes of one's own).
    pub fn areas_for_import(&self) -> Vec<(String, String)> {
        let mut areas = self.areas();
        for lang in crate::content::Lang::ALL {
            let names = crate::content::area_names(lang);
            areas.extend(
                Area::ALL
                    .iter()
                    .map(|a| (a.id().to_string(), names[*a as usize].to_string())),
            );
        }
        areas
    }

    pub fn area_name(&self, id: &str) -> String {
        self.areas()
            .into_iter()
            .find(|(a, _)| a == id)
            .map(|(_, name)| name)
            .unwrap_or_default()
    }

    pub fn card(&self, id: &str) -> Option<&AnyCard> {
        self.cards.iter().find(|c| c.id() == id)
    }

    pub fn own_cards(&self) -> Vec<CustomCard> {
        self.cards
            .iter()
            .filter_map(AnyCard::own)
            .cloned()
            .collect()
    }
}

/// The longest search kept from a link: enough for any phrase, small enough to stay cheap.
pub const MAX_SEARCH_CHARS: usize = 200;

/// A thematic area and/or words to look for. Empty means the whole deck.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CardFilter {
    pub area: Option<String>,
    pub text: String,
}

impl CardFilter {
    /// The filter a link asks for. An area id that is not among `known_areas` is ignored, and an
    /// over-long search is cut, so a damaged link still shows cards.
    pub fn from_link(area: Option<&str>, text: Option<&str>, known_areas: &[&str]) -> CardFilter {
        CardFilter {
            area: area.filter(|a| known_areas.contains(a)).map(str::to_string),
            text: text
                .unwrap_or_default()
                .chars()
                .take(MAX_SEARCH_CHARS)
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.area.is_none() && self.text.trim().is_empty()
    }

    /// The query part of a link to this filter: `""`, or `?area=family&q=paid%20work`.
    pub fn link_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(area) = &self.area {
            parts.push(format!("area={}", encode_component(area)));
        }
        if !self.text.trim().is_empty() {
            parts.push(format!("q={}", encode_component(self.text.trim())));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The cards this filter selects, in deck order.
    pub fn select<'a, C: DeckCard>(&self, cards: &'a [C]) -> Vec<&'a C> {
        let query = Query::new(&self.text);
        cards
            .iter()
            .filter(|c| self.area.as_deref().is_none_or(|a| c.area_id() == a))
            .filter(|c| query.matches(c.texts()))
            .collect()
    }
}

/// The cards before and after `current` in `ids`: what "previous" and "next" lead to.
/// A card that is not in `ids` has neither.
pub fn neighbours<'a>(ids: &[&'a str], current: &str) -> (Option<&'a str>, Option<&'a str>) {
    let Some(i) = ids.iter().position(|id| *id == current) else {
        return (None, None);
    };
    let previous = i.checked_sub(1).map(|p| ids[p]);
    (previous, ids.get(i + 1).copied())
}

/// Where a card stands for "previous" and "next": within `selection` (the current filter), or
/// within the whole deck `all` when the card is outside the selection (a link from elsewhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    pub previous: Option<String>,
    pub next: Option<String>,
    /// From 1.
    pub position: usize,
    pub total: usize,
}

pub fn pager(selection: &[String], all: &[String], current: &str) -> Pager {
    let order = if selection.iter().any(|id| id == current) {
        selection
    } else {
        all
    };
    let refs: Vec<&str> = order.iter().map(String::as_str).collect();
    let (previous, next) = neighbours(&refs, current);
    Pager {
        previous: previous.map(String::from),
        next: next.map(String::from),
        position: order
            .iter()
            .position(|id| id == current)
            .map_or(0, |p| p + 1),
        total: order.len(),
    }
}

/// Percent-encodes a link component (RFC 3986 unreserved characters stay as they are).
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Area, Lang, deck};

    fn ids<'a>(cards: &[&'a Card]) -> Vec<&'a str> {
        cards.iter().map(|c| c.id).collect()
    }

    fn area_ids() -> Vec<&'static str> {
        Area::ALL.iter().map(|a| a.id()).collect()
    }

    #[test]
    fn an_empty_filter_selects_the_whole_deck_in_order() {
        let cards = deck(Lang::En).cards;
        let all = CardFilter::default().select(cards);
        assert_eq!(all.len(), 16);
        assert_eq!(all[0].id, cards[0].id);
        assert!(CardFilter::default().is_empty());
    }

    #[test]
    fn an_area_selects_its_cards_only() {
        let cards = deck(Lang::En).cards;
        for area in Area::ALL {
            let filter = CardFilter::from_link(Some(area.id()), None, &area_ids());
            let selected = filter.select(cards);
            assert!(!selected.is_empty());
            assert!(selected.iter().all(|c| c.area == area));
        }
        let family = CardFilter::from_link(Some("family"), None, &area_ids()).select(cards);
        assert_eq!(family.len(), 4);
    }

    #[test]
    fn search_looks_through_topic_example_and_questions() {
        let cards = deck(Lang::En).cards;
        let find =
            |text: &str| ids(&CardFilter::from_link(None, Some(text), &area_ids()).select(cards));
        assert!(find("PATERNITY").contains(&"parental-leave"), "topic");
        assert!(find("pÀternitÝ").contains(&"parental-leave"), "accents");
        assert!(find("harassment").contains(&"sexual-harassment"));
        assert!(find("no such words anywhere").is_empty());
        // A word only in a question finds its card.
        let question_word = cards[0].questions[0]
            .split(' ')
            .max_by_key(|w| w.len())
            .unwrap_or_default()
            .trim_matches(|c: char| !c.is_alphanumeric());
        assert!(
            find(question_word).contains(&cards[0].id),
            "{question_word}"
        );
    }

    #[test]
    fn area_and_search_combine() {
        let cards = deck(Lang::En).cards;
        let filter = CardFilter::from_link(Some("family"), Some("leave"), &area_ids());
        assert_eq!(ids(&filter.select(cards)), ["parental-leave"]);
        let elsewhere = CardFilter::from_link(Some("economy"), Some("paternity"), &area_ids());
        assert!(elsewhere.select(cards).is_empty());
    }

    #[test]
    fn a_damaged_link_still_gives_a_usable_filter() {
        let f = CardFilter::from_link(Some("<script>"), Some(&"x".repeat(5000)), &area_ids());
        assert_eq!(f.area, None);
        assert_eq!(f.text.chars().count(), MAX_SEARCH_CHARS);
    }

    #[test]
    fn a_filter_round_trips_through_its_link() {
        let f = CardFilter {
            area: Some("well-being".into()),
            text: "paid work & care / отпуск".into(),
        };
        let query = f.link_query();
        assert_eq!(
            query,
            "?area=well-being&q=paid%20work%20%26%20care%20%2F%20%D0%BE%D1%82%D0%BF%D1%83%D1%81%D0%BA"
        );
        assert_eq!(CardFilter::default().link_query(), "");
        assert_eq!(
            CardFilter {
                area: None,
                text: "   ".into()
            }
            .link_query(),
            ""
        );
    }

    #[test]
    fn own_cards_join_the_deck_and_its_search() {
        let own = CustomCard {
            id: "my-1".into(),
            area: "my-area-sport".into(),
            topic: "Football and fathers".into(),
            example: "A coach…".into(),
            questions: vec!["Who brings the children to training?".into()],
            ..Default::default()
        };
        let all = whole_deck(deck(Lang::En).cards, vec![own.clone()]);
        assert_eq!(all.len(), 17);
        assert_eq!(all[16].own(), Some(&own));
        assert_eq!(all[16].content_note(), None, "an empty note is no note");
        let areas = ["my-area-sport"];
        let found = CardFilter::from_link(None, Some("FOOTBALL"), &areas).select(&all);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id(), "my-1");
        let sport = CardFilter::from_link(Some("my-area-sport"), None, &areas).select(&all);
        assert_eq!(sport.len(), 1);
        assert!(!all[0].entry_points().is_empty() && all[16].entry_points().is_empty());
    }

    #[test]
    fn the_pager_stays_in_the_filter_unless_the_card_is_outside_it() {
        let all: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        let family: Vec<String> = ["b", "d"].map(String::from).to_vec();
        let expect = |previous: Option<&str>, next: Option<&str>, position, total| Pager {
            previous: previous.map(String::from),
            next: next.map(String::from),
            position,
            total,
        };
        assert_eq!(pager(&family, &all, "d"), expect(Some("b"), None, 2, 2));
        assert_eq!(
            pager(&family, &all, "c"),
            expect(Some("b"), Some("d"), 3, 4),
            "outside: the deck"
        );
        assert_eq!(pager(&[], &[], "x").position, 0);
    }

    #[test]
    fn neighbours_follow_the_selection() {
        let ids = ["a", "b", "c"];
        assert_eq!(neighbours(&ids, "a"), (None, Some("b")));
        assert_eq!(neighbours(&ids, "b"), (Some("a"), Some("c")));
        assert_eq!(neighbours(&ids, "c"), (Some("b"), None));
        assert_eq!(neighbours(&ids, "z"), (None, None));
        assert_eq!(neighbours(&[], "a"), (None, None));
    }

    #[test]
    fn an_own_card_keeps_the_language_it_was_written_in() {
        use crate::content::Lang;
        let mut own = CustomCard {
            lang: "ru".into(),
            ..Default::default()
        };
        assert_eq!(
            AnyCard::Own(own.clone()).written_in(Lang::En).as_deref(),
            Some("ru")
        );
        assert_eq!(AnyCard::Own(own.clone()).written_in(Lang::Ru), None);
        own.lang = String::new();
        assert_eq!(AnyCard::Own(own).written_in(Lang::Ru), None);
        let guide = &deck(Lang::Ru).cards[0];
        assert_eq!(AnyCard::Guide(guide).written_in(Lang::En), None);
    }

    #[test]
    fn a_file_names_the_guidance_themes_in_any_language() {
        use crate::model::card_exchange::read_card_file;
        let full = FullDeck::new(deck(Lang::En), Vec::new(), Default::default());
        let csv = "topic,theme,questions\r\nКто моет посуду,Гендер и семейная жизнь,Почему?\r\n";
        let file = read_card_file("cards.csv", csv, &full.areas_for_import(), 1, "en").unwrap();
        assert_eq!(file.cards[0].area, Area::Family.id());
        assert!(
            file.areas.is_empty(),
            "no new theme for a guidance theme named in Russian"
        );
    }
}
