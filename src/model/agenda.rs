//! A session agenda: the ordered plan a facilitator builds before a workshop from THINK questions,
//! scenario cards, breaks and free items, each with a planned time. Several plans are kept, one
//! storage key each (`tpa:agenda:<id>`). Presenting runs the same items (`model::presenter`).

use serde::{Deserialize, Serialize};

use super::schema::Versioned;

/// Every agenda id starts with this; the rest comes from the clock and a random number.
pub const AGENDA_ID_PREFIX: &str = "plan-";
/// Limits that keep a plan a plan (and its storage small).
pub const MAX_ITEMS: usize = 60;
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest planned time of one item: 99:59, as the timer.
pub const MAX_PLANNED_S: u32 = (super::timer::MAX_MS / 1000) as u32;

/// What one item of a plan (or one step of a presentation) shows. Stored as `{"card": "<id>"}`,
/// `{"question": "<step>"}`, `{"free": "<title>"}` or `"break"`: serde's plain enum form, which
/// reads without buffering (an internally tagged form pulled 1 kB of error formatting into the
/// first download).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// One question of the THINK exercise, by its step id (`norms`).
    Question(String),
    /// A scenario card, of the guidance or the facilitator's own, by its id.
    Card(String),
    Break,
    /// Anything else, named by the facilitator ("Welcome and ground rules").
    Free(String),
}

/// One item of a plan, with the time planned for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub kind: ItemKind,
    /// Planned seconds; 0 for no planned time.
    #[serde(default)]
    pub planned_s: u32,
}

impl AgendaItem {
    pub fn new(kind: ItemKind, planned_s: u32) -> AgendaItem {
        AgendaItem {
            kind,
            planned_s: planned_s.min(MAX_PLANNED_S),
        }
    }

    /// The card this item shows, if it is a card.
    pub fn card(&self) -> Option<&str> {
        match &self.kind {
            ItemKind::Card(card) => Some(card),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Agenda {
    pub title: String,
    pub items: Vec<AgendaItem>,
    pub updated_at: u64,
}

impl Versioned for Agenda {
    const VERSION: u32 = 1;
}

/// Why a change to a plan was refused, for the facilitator to put right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaProblem {
    TooManyItems {
        max: usize,
    },
    TitleTooLong {
        max: usize,
    },
    /// A free item needs a name.
    NoTitle,
}

impl Agenda {
    /// The planned time of the whole plan, in seconds.
    pub fn total_s(&self) -> u64 {
        self.items.iter().map(|i| u64::from(i.planned_s)).sum()
    }

    /// Adds an item at the end.
    pub fn add(&mut self, item: AgendaItem) -> Result<(), AgendaProblem> {
        if self.items.len() >= MAX_ITEMS {
            return Err(AgendaProblem::TooManyItems { max: MAX_ITEMS });
        }
        check_item(&item)?;
        self.items.push(item);
        Ok(())
    }

    /// Takes an item out; [`Agenda::restore`] puts it back where it was (undo).
    pub fn remove(&mut self, index: usize) -> Option<AgendaItem> {
        (index < self.items.len()).then(|| self.items.remove(index))
    }

    pub fn restore(&mut self, index: usize, item: AgendaItem) {
        let index = index.min(self.items.len());
        self.items.insert(index, item);
    }

    /// Moves an item one place earlier; false when it is already first.
    pub fn move_up(&mut self, index: usize) -> bool {
        if index == 0 || index >= self.items.len() {
            return false;
        }
        self.items.swap(index - 1, index);
        true
    }

    pub fn move_down(&mut self, index: usize) -> bool {
        if index + 1 >= self.items.len() {
            return false;
        }
        self.items.swap(index, index + 1);
        true
    }

    pub fn set_planned(&mut self, index: usize, planned_s: u32) {
        if let Some(item) = self.items.get_mut(index) {
            item.planned_s = planned_s.min(MAX_PLANNED_S);
        }
    }

    /// Checks a plan before it is saved: the title and every item within the limits.
    pub fn check(&self) -> Result<(), AgendaProblem> {
        if self.title.chars().count() > MAX_TITLE_CHARS {
            return Err(AgendaProblem::TitleTooLong {
                max: MAX_TITLE_CHARS,
            });
        }
        if self.items.len() > MAX_ITEMS {
            return Err(AgendaProblem::TooManyItems { max: MAX_ITEMS });
        }
        self.items.iter().try_for_each(check_item)
    }

    /// The title to show: the one given, or `fallback` ("Untitled plan").
    pub fn title_or<'a>(&'a self, fallback: &'a str) -> &'a str {
        match self.title.trim() {
            "" => fallback,
            title => title,
        }
    }
}

fn check_item(item: &AgendaItem) -> Result<(), AgendaProblem> {
    match &item.kind {
        ItemKind::Free(title) if title.trim().is_empty() => Err(AgendaProblem::NoTitle),
        ItemKind::Free(title) if title.chars().count() > MAX_TITLE_CHARS => {
            Err(AgendaProblem::TitleTooLong {
                max: MAX_TITLE_CHARS,
            })
        }
        _ => Ok(()),
    }
}

/// Hours and minutes of a planned time, seconds rounded up to the next minute ("1 h 5 min").
pub fn hours_minutes(total_s: u64) -> (u64, u64) {
    let minutes = total_s.div_ceil(60);
    (minutes / 60, minutes % 60)
}

/// A planned time as the facilitator typed it back: `10` for whole minutes, else `7:30`.
pub fn planned_text(planned_s: u32) -> String {
    match (planned_s / 60, planned_s % 60) {
        (0, 0) => String::new(),
        (m, 0) => m.to_string(),
        (m, s) => format!("{m}:{s:02}"),
    }
}

/// A planned time as typed: minutes (`10`) or minutes and seconds (`7:30`), as the timer takes
/// them; empty or `0` for no planned time.
pub fn parse_planned(typed: &str) -> Result<u32, super::timer::LengthError> {
    match typed.trim() {
        "" | "0" => Ok(0),
        typed => super::timer::parse_length(typed).map(|ms| (ms / 1000) as u32),
    }
}

/// `plan-<time>-<random>` in base 36: unique on this device.
pub fn new_agenda_id(now_ms: u64, random: u32) -> String {
    format!(
        "{AGENDA_ID_PREFIX}{}-{}",
        super::custom_cards::base36(now_ms),
        super::custom_cards::base36(random.into())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(id: &str, minutes: u32) -> AgendaItem {
        AgendaItem::new(ItemKind::Card(id.into()), minutes * 60)
    }

    fn plan() -> Agenda {
        let mut a = Agenda {
            title: "Youth centre, Tuesday".into(),
            ..Agenda::default()
        };
        let items = [
            AgendaItem::new(ItemKind::Free("Welcome".into()), 5 * 60),
            AgendaItem::new(ItemKind::Question("norms".into()), 15 * 60),
            card("parental-leave", 20),
            AgendaItem::new(ItemKind::Break, 10 * 60),
            card("my-abc", 12),
        ];
        for item in items {
            assert_eq!(a.add(item), Ok(()));
        }
        a
    }

    #[test]
    fn the_total_adds_every_planned_time() {
        let a = plan();
        assert_eq!(a.total_s(), 62 * 60);
        assert_eq!(hours_minutes(a.total_s()), (1, 2));
        assert_eq!(hours_minutes(0), (0, 0));
        assert_eq!(hours_minutes(61), (0, 2), "seconds round up to a minute");
        assert_eq!(Agenda::default().total_s(), 0);
    }

    #[test]
    fn items_move_and_come_back_after_removal() {
        let mut a = plan();
        assert!(a.move_down(0));
        assert_eq!(a.items[1].kind, ItemKind::Free("Welcome".into()));
        assert!(a.move_up(1));
        assert!(!a.move_up(0), "the first item cannot move up");
        assert!(!a.move_down(4), "the last item cannot move down");
        assert!(!a.move_down(99));
        let removed = a.remove(2);
        assert_eq!(
            removed.as_ref().and_then(AgendaItem::card),
            Some("parental-leave")
        );
        assert_eq!(a.total_s(), 42 * 60, "the total follows");
        a.restore(2, removed.unwrap_or_else(|| card("x", 0)));
        assert_eq!(a, plan(), "undo puts it back in its place");
        assert_eq!(a.remove(99), None);
    }

    #[test]
    fn planned_times_are_capped_and_typed_back_as_written() {
        let mut a = plan();
        a.set_planned(0, 7 * 60 + 30);
        assert_eq!(planned_text(a.items[0].planned_s), "7:30");
        assert_eq!(planned_text(10 * 60), "10");
        assert_eq!(planned_text(0), "");
        a.set_planned(0, u32::MAX);
        assert_eq!(a.items[0].planned_s, MAX_PLANNED_S);
        assert_eq!(
            AgendaItem::new(ItemKind::Break, u32::MAX).planned_s,
            MAX_PLANNED_S
        );
    }

    #[test]
    fn planned_times_are_typed_like_the_timers_or_left_empty() {
        assert_eq!(parse_planned("10"), Ok(600));
        assert_eq!(parse_planned(" 7:30 "), Ok(450));
        assert_eq!(parse_planned(""), Ok(0));
        assert_eq!(parse_planned("0"), Ok(0));
        assert_eq!(
            parse_planned("soon"),
            Err(super::super::timer::LengthError::NotATime)
        );
        assert_eq!(
            parse_planned("120"),
            Err(super::super::timer::LengthError::TooLong)
        );
        for typed in ["10", "7:30", ""] {
            let back = planned_text(parse_planned(typed).unwrap_or(1));
            assert_eq!(back, typed, "typed back as written");
        }
    }

    #[test]
    fn limits_are_refused_with_a_reason() {
        let mut a = Agenda::default();
        for _ in 0..MAX_ITEMS {
            assert_eq!(a.add(AgendaItem::new(ItemKind::Break, 60)), Ok(()));
        }
        assert_eq!(
            a.add(AgendaItem::new(ItemKind::Break, 60)),
            Err(AgendaProblem::TooManyItems { max: MAX_ITEMS })
        );
        let free = |title: &str| AgendaItem::new(ItemKind::Free(title.into()), 0);
        let mut b = Agenda::default();
        assert_eq!(b.add(free("  ")), Err(AgendaProblem::NoTitle));
        assert_eq!(
            b.add(free(&"я".repeat(MAX_TITLE_CHARS + 1))),
            Err(AgendaProblem::TitleTooLong {
                max: MAX_TITLE_CHARS
            })
        );
        assert_eq!(b.add(free(&"я".repeat(MAX_TITLE_CHARS))), Ok(()));
        b.title = "x".repeat(MAX_TITLE_CHARS + 1);
        assert_eq!(
            b.check(),
            Err(AgendaProblem::TitleTooLong {
                max: MAX_TITLE_CHARS
            })
        );
        assert_eq!(plan().check(), Ok(()));
        assert_eq!(Agenda::default().title_or("Untitled"), "Untitled");
        assert_eq!(plan().title_or("Untitled"), "Youth centre, Tuesday");
    }

    #[test]
    fn a_plan_is_stored_as_readable_json_and_read_back() {
        let a = plan();
        let text = serde_json::to_string(&a).unwrap_or_default();
        assert!(
            text.contains(r#"{"kind":{"card":"parental-leave"},"planned_s":1200}"#),
            "{text}"
        );
        assert!(
            text.contains(r#"{"kind":"break","planned_s":600}"#),
            "{text}"
        );
        let back: Agenda = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, a);
        // An item kind this build does not know is an error, so storage keeps a backup.
        assert!(serde_json::from_str::<Agenda>(r#"{"items":[{"kind":"video"}]}"#).is_err());
        assert!(serde_json::from_str::<Agenda>(r#"{"items":[{"kind":{"card":7}}]}"#).is_err());
        assert!(serde_json::from_str::<Agenda>(r#"{"items":[{"kind":{"card":7}}]}"#).is_err());
    }

    #[test]
    fn ids_are_valid_storage_ids() {
        let id = new_agenda_id(1_764_000_000_000, u32::MAX);
        assert!(id.starts_with(AGENDA_ID_PREFIX));
        assert!(crate::storage::ItemId::new(&id).is_some(), "{id}");
        assert_ne!(id, new_agenda_id(1_764_000_000_000, 1));
    }
}
