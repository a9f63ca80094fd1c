//! The shape of the scenario-card deck (Annex 2 of the guidance): typed, so every language fills
//! the same slots and the deck logic never depends on wording.

/// The thematic areas of Annex 2, in the guidance's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    Participation,
    Economy,
    Workplace,
    Family,
    WellBeing,
}

impl Area {
    pub const ALL: [Area; 5] = [
        Area::Participation,
        Area::Economy,
        Area::Workplace,
        Area::Family,
        Area::WellBeing,
    ];

    /// Stable id, for links and stored filters: never change it once shipped.
    pub fn id(self) -> &'static str {
        match self {
            Area::Participation => "participation",
            Area::Economy => "economy",
            Area::Workplace => "workplace",
            Area::Family => "family",
            Area::WellBeing => "well-being",
        }
    }
}

/// Entry points from PLAN! step 3 ("Identify relevant topics and entry points") and the ACT!
/// advice on topics that resonate with men and boys: what a card can be a way into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryPoint {
    Fatherhood,
    EmotionalHealth,
    ViolencePrevention,
    WorkplaceEquality,
    Health,
    Leadership,
}

impl EntryPoint {
    pub const ALL: [EntryPoint; 6] = [
        EntryPoint::Fatherhood,
        EntryPoint::EmotionalHealth,
        EntryPoint::ViolencePrevention,
        EntryPoint::WorkplaceEquality,
        EntryPoint::Health,
        EntryPoint::Leadership,
    ];
}

/// One scenario card: a topic, an everyday example and the questions it raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Card {
    /// Stable id used in URLs (`/cards/<id>`) and as the key of personal notes.
    pub id: &'static str,
    pub area: Area,
    pub topic: &'static str,
    pub example: &'static str,
    pub questions: &'static [&'static str],
    /// A short, calm note before a card on a sensitive subject (harassment, violence, mental
    /// health): the app's words, not the guidance's.
    pub content_note: Option<&'static str>,
    pub entry_points: &'static [EntryPoint],
}

/// The longer explanations of the card pages, in one language: paragraphs of help that belong
/// with the content of the pages (and get translated with it), while `locales/` keeps the short
/// interface words. (Both end up in the first download: wasm-split moves code into chunks, not
/// data; see README, Performance.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardsHelp {
    pub intro: &'static str,
    pub own_cards: &'static str,
    pub note_hint: &'static str,
    pub missing: &'static str,
    pub own_intro: &'static str,
    pub own_empty: &'static str,
    pub share_hint: &'static str,
    pub link_private: &'static str,
    pub import_text: &'static str,
    pub areas_text: &'static str,
    pub area_in_use: &'static str,
    pub example_hint: &'static str,
    pub content_note_hint: &'static str,
    pub shared_intro: &'static str,
    pub shared_empty: &'static str,
}

/// The whole deck in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deck {
    /// The name of each area, in `Area::ALL` order.
    pub area_names: [&'static str; 5],
    /// The name of each entry point, in `EntryPoint::ALL` order.
    pub entry_point_names: [&'static str; 6],
    pub cards: &'static [Card],
    pub help: CardsHelp,
}

impl Deck {
    pub fn area_name(&self, area: Area) -> &'static str {
        self.area_names[area as usize]
    }

    pub fn entry_point_name(&self, entry: EntryPoint) -> &'static str {
        self.entry_point_names[entry as usize]
    }

    pub fn card(&self, id: &str) -> Option<&'static Card> {
        self.cards.iter().find(|c| c.id == id)
    }
}
