//! Cards a person (or an organisation) writes or adapts, and their own thematic areas. Stored
//! one key per card, like answers; the deck logic treats them like the guidance's cards.

use serde::{Deserialize, Serialize};

use super::deck::DeckCard;
use super::schema::Versioned;

/// Every custom card id starts with this, so it can never equal a card of the guidance.
pub const CARD_ID_PREFIX: &str = "my-";
/// Every custom area id starts with this, so it can never equal an area of the guidance.
pub const AREA_ID_PREFIX: &str = "my-area-";

/// Limits that keep one card a card (and a shared deck small enough to handle).
pub const MAX_TOPIC_CHARS: usize = 300;
pub const MAX_EXAMPLE_CHARS: usize = 3_000;
pub const MAX_QUESTION_CHARS: usize = 1_000;
pub const MAX_QUESTIONS: usize = 20;
pub const MAX_NOTE_CHARS: usize = 1_000;
pub const MAX_AREA_NAME_CHARS: usize = 100;
pub const MAX_AREAS: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomCard {
    /// `my-…`, stable: it is the card's address and how an import recognises it again.
    pub id: String,
    /// A guidance area id (`family`) or a custom one (`my-area-…`).
    pub area: String,
    pub topic: String,
    pub example: String,
    pub questions: Vec<String>,
    /// A short note before a sensitive card; empty for none.
    pub content_note: String,
    /// The language it was written in (`en`): a card keeps it when the interface changes.
    pub lang: String,
    /// The guidance card it was adapted from, if any.
    pub based_on: Option<String>,
    pub updated_at: u64,
}

impl Versioned for CustomCard {
    const VERSION: u32 = 1;
}

impl DeckCard for CustomCard {
    fn id(&self) -> &str {
        &self.id
    }
    fn area_id(&self) -> &str {
        &self.area
    }
    fn texts(&self) -> Vec<&str> {
        let mut texts = vec![self.topic.as_str(), self.example.as_str()];
        texts.extend(self.questions.iter().map(String::as_str));
        texts
    }
}

/// What is wrong with a card, for the person to put right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardProblem {
    NoTopic,
    NoQuestion,
    TooLong { field: &'static str, max: usize },
    TooManyQuestions { max: usize },
    UnknownArea,
    BadId,
}

impl CustomCard {
    /// Whether the content (not the id, language or date) is the same: "identical" on import.
    pub fn same_content(&self, other: &CustomCard) -> bool {
        self.area == other.area
            && self.topic == other.topic
            && self.example == other.example
            && self.questions == other.questions
            && self.content_note == other.content_note
    }

    /// Checks a card before it is saved or imported; `areas` are the area ids it may use.
    pub fn check(&self, areas: &[&str]) -> Result<(), CardProblem> {
        let too_long = |text: &str, max, field| {
            (text.chars().count() > max).then_some(CardProblem::TooLong { field, max })
        };
        if !is_card_id(&self.id) {
            return Err(CardProblem::BadId);
        }
        if self.topic.trim().is_empty() {
            return Err(CardProblem::NoTopic);
        }
        if self.questions.iter().all(|q| q.trim().is_empty()) {
            return Err(CardProblem::NoQuestion);
        }
        if self.questions.len() > MAX_QUESTIONS {
            return Err(CardProblem::TooManyQuestions { max: MAX_QUESTIONS });
        }
        if !areas.contains(&self.area.as_str()) {
            return Err(CardProblem::UnknownArea);
        }
        let long = too_long(&self.topic, MAX_TOPIC_CHARS, "topic")
            .or_else(|| too_long(&self.example, MAX_EXAMPLE_CHARS, "example"))
            .or_else(|| too_long(&self.content_note, MAX_NOTE_CHARS, "content_note"))
            .or_else(|| {
                self.questions
                    .iter()
                    .find_map(|q| too_long(q, MAX_QUESTION_CHARS, "questions"))
            });
        long.map_or(Ok(()), Err)
    }
}

/// Questions as typed in one text area, one per line (blank lines dropped).
pub fn questions_from_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(String::from)
        .collect()
}

/// `my-` then 1 to 61 of `a-z 0-9 -`: valid as a storage id and in a link.
pub fn is_card_id(id: &str) -> bool {
    id.strip_prefix(CARD_ID_PREFIX).is_some_and(|rest| {
        !rest.is_empty()
            && id.len() <= crate::storage::ItemId::MAX_LEN
            && rest
                .bytes()
                .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'))
    })
}

/// A new id from the time and a random number: unique on this device, and in practice across
/// the devices whose cards are exchanged.
pub fn new_card_id(now_ms: u64, random: u32) -> String {
    format!(
        "{CARD_ID_PREFIX}{}-{}",
        base36(now_ms),
        base36(random.into())
    )
}

/// A new area id, like [`new_card_id`].
pub fn new_area_id(now_ms: u64, random: u32) -> String {
    format!(
        "{AREA_ID_PREFIX}{}-{}",
        base36(now_ms),
        base36(random.into())
    )
}

pub(crate) fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A thematic area a person added.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomArea {
    pub id: String,
    pub name: String,
}

/// The person's own areas, in the order they were added.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomAreas {
    pub areas: Vec<CustomArea>,
}

impl Versioned for CustomAreas {
    const VERSION: u32 = 1;
}

/// Why an area name cannot be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AreaProblem {
    Empty,
    TooLong { max: usize },
    Exists,
    TooMany { max: usize },
}

impl CustomAreas {
    pub fn name(&self, id: &str) -> Option<&str> {
        self.areas
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.as_str())
    }

    /// Adds an area named `name` (trimmed) unless one of that name exists among `taken` (the
    /// guidance's area names) or here; returns its id.
    pub fn add(&mut self, name: &str, id: String, taken: &[&str]) -> Result<String, AreaProblem> {
        let name = name.trim();
        if name.is_empty() {
            return Err(AreaProblem::Empty);
        }
        if name.chars().count() > MAX_AREA_NAME_CHARS {
            return Err(AreaProblem::TooLong {
                max: MAX_AREA_NAME_CHARS,
            });
        }
        let lower = name.to_lowercase();
        let exists = taken
            .iter()
            .copied()
            .chain(self.areas.iter().map(|a| a.name.as_str()));
        if exists.into_iter().any(|n| n.to_lowercase() == lower) {
            return Err(AreaProblem::Exists);
        }
        if self.areas.len() >= MAX_AREAS {
            return Err(AreaProblem::TooMany { max: MAX_AREAS });
        }
        self.areas.push(CustomArea {
            id: id.clone(),
            name: name.to_string(),
        });
        Ok(id)
    }

    /// Removes an area; refused (false) while `cards` still use it, so no card loses its area.
    pub fn remove(&mut self, id: &str, cards: &[CustomCard]) -> bool {
        if cards.iter().any(|c| c.area == id) {
            return false;
        }
        self.areas.retain(|a| a.id != id);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card() -> CustomCard {
        CustomCard {
            id: "my-abc-1".into(),
            area: "family".into(),
            topic: "Who cooks on holidays?".into(),
            example: "At a family celebration…".into(),
            questions: vec!["Who decides?".into()],
            lang: "en".into(),
            ..Default::default()
        }
    }

    const AREAS: [&str; 2] = ["family", "my-area-x"];

    #[test]
    fn a_complete_card_passes_its_check() {
        assert_eq!(card().check(&AREAS), Ok(()));
    }

    #[test]
    fn a_card_needs_a_topic_a_question_and_a_known_area() {
        let mut c = card();
        c.topic = "  ".into();
        assert_eq!(c.check(&AREAS), Err(CardProblem::NoTopic));
        let mut c = card();
        c.questions = vec![" ".into()];
        assert_eq!(c.check(&AREAS), Err(CardProblem::NoQuestion));
        let mut c = card();
        c.area = "nowhere".into();
        assert_eq!(c.check(&AREAS), Err(CardProblem::UnknownArea));
        let mut c = card();
        c.id = "parental-leave".into();
        assert_eq!(
            c.check(&AREAS),
            Err(CardProblem::BadId),
            "never a guidance id"
        );
    }

    #[test]
    fn over_long_fields_are_named() {
        let mut c = card();
        c.example = "x".repeat(MAX_EXAMPLE_CHARS + 1);
        assert_eq!(
            c.check(&AREAS),
            Err(CardProblem::TooLong {
                field: "example",
                max: MAX_EXAMPLE_CHARS
            })
        );
        let mut c = card();
        c.questions = vec!["q?".into(); MAX_QUESTIONS + 1];
        assert_eq!(
            c.check(&AREAS),
            Err(CardProblem::TooManyQuestions { max: MAX_QUESTIONS })
        );
        // Counted in characters: Cyrillic letters are one each.
        let mut c = card();
        c.topic = "ж".repeat(MAX_TOPIC_CHARS);
        assert_eq!(c.check(&AREAS), Ok(()));
    }

    #[test]
    fn ids_are_safe_for_storage_and_links() {
        let id = new_card_id(1_764_000_000_000, u32::MAX);
        assert!(is_card_id(&id), "{id}");
        assert!(crate::storage::ItemId::new(&id).is_some());
        assert_ne!(new_card_id(1, 2), new_card_id(1, 3));
        assert!(new_area_id(5, 6).starts_with(AREA_ID_PREFIX));
        for bad in [
            "my-",
            "my-A",
            "my-<x>",
            "mine",
            "",
            "my-a b",
            &format!("my-{}", "a".repeat(70)),
        ] {
            assert!(!is_card_id(bad), "{bad}");
        }
    }

    #[test]
    fn questions_come_one_per_line() {
        assert_eq!(
            questions_from_lines("  Why?\n\n How? \r\nWhen?"),
            ["Why?", "How?", "When?"]
        );
        assert!(questions_from_lines("\n \n").is_empty());
    }

    #[test]
    fn same_content_ignores_dates_and_language() {
        let mut other = card();
        other.updated_at = 99;
        other.lang = "ru".into();
        assert!(card().same_content(&other));
        other.example.push('!');
        assert!(!card().same_content(&other));
    }

    #[test]
    fn areas_are_named_once_and_removed_only_when_unused() {
        let mut areas = CustomAreas::default();
        let taken = ["Gender and family life"];
        let id = areas.add("  Sport ", "my-area-1".into(), &taken).unwrap();
        assert_eq!(areas.name(&id), Some("Sport"));
        assert_eq!(
            areas.add("SPORT", "my-area-2".into(), &taken),
            Err(AreaProblem::Exists)
        );
        assert_eq!(
            areas.add("gender and family life", "my-area-3".into(), &taken),
            Err(AreaProblem::Exists)
        );
        assert_eq!(
            areas.add(" ", "my-area-4".into(), &taken),
            Err(AreaProblem::Empty)
        );
        let mut used = card();
        used.area = id.clone();
        assert!(!areas.remove(&id, &[used]));
        assert!(areas.remove(&id, &[card()]));
        assert_eq!(areas.name(&id), None);
    }
}
