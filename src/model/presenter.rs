//! Present mode as a state machine: what the projector shows (one item of a sequence, a card's
//! questions revealed one by one, a card drawn at random), the discussion timer, and the keys
//! that drive it. Stored under one key and sent between the audience and presenter windows, so
//! both show the same thing and a reload picks up where the room was.
//!
//! Only what is meant for the room lives here: items refer to THINK questions and cards by id,
//! never to anything a person wrote about them.

use rand::Rng;
use serde::{Deserialize, Serialize};

use super::agenda::{AgendaItem, ItemKind};
use super::draw::{DrawPile, Drawn};
use super::schema::Versioned;
use super::timer::Timer;

/// What T starts when no time was set (the facilitator can set any other length).
pub const DEFAULT_TIMER_MS: u64 = 5 * 60_000;

/// The presentation on screen.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Show {
    /// What is presented, in order: THINK questions, the cards of a filter, or a plan's items.
    pub items: Vec<AgendaItem>,
    /// The plan's title when a plan runs ("item 3 of 8" is shown then).
    pub agenda: Option<String>,
    /// The item on screen (index into `items`).
    pub position: usize,
    /// How many questions of the card on screen are shown.
    pub revealed: usize,
    /// A card drawn at random (R) that is not one of `items`: shown instead of the current item
    /// until the presenter moves on.
    pub drawn: Option<String>,
    /// The cards R draws from (the filter the presentation started with).
    pub pool: Vec<String>,
    pub pile: DrawPile,
    pub timer: Timer,
    /// Grows with every change; a window takes another window's state only when it is newer.
    pub seq: u64,
    /// The window that made the last change (random per window): breaks a tie in `seq`.
    pub by: u32,
}

impl Versioned for Show {
    const VERSION: u32 = 1;
}

/// What the projector shows now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnScreen<'a> {
    Item(&'a AgendaItem),
    /// A card drawn at random, outside the sequence.
    Drawn(&'a str),
    /// Nothing to present (an empty plan, a filter that matched no card).
    Nothing,
}

/// What pressing R led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RandomOutcome {
    Card,
    /// Every card had come up once: a new round started with this card.
    Reshuffled,
    /// No card to draw from.
    Nothing,
}

/// A control of present mode, from a key, a clicker or an on-screen button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Next,
    Previous,
    Random,
    ToggleTimer,
    FullScreen,
    Leave,
    Help,
}

/// A key press as the browser reports it (`KeyboardEvent.key` and modifiers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KeyPress<'a> {
    /// The character or key name (`KeyboardEvent.key`): "r", "ArrowLeft", "к" on a Russian layout.
    pub key: &'a str,
    /// The physical key (`KeyboardEvent.code`): "KeyR" whatever the layout.
    pub code: &'a str,
    pub ctrl: bool,
    pub alt: bool,
    pub meta: bool,
}

impl Command {
    /// The command a key stands for. Arrow and page keys (what presentation clickers send), Space
    /// and Escape always work; the letter keys R, T, F and `?` only while `single_keys` is on
    /// (WCAG 2.1.4: a person who speaks to their computer can switch them off). Keys with Ctrl,
    /// Alt or Meta belong to the browser.
    pub fn from_key(press: KeyPress, single_keys: bool) -> Option<Command> {
        if press.ctrl || press.alt || press.meta {
            return None;
        }
        let always = match press.key {
            "ArrowRight" | "PageDown" | " " | "Spacebar" => Some(Command::Next),
            "ArrowLeft" | "PageUp" => Some(Command::Previous),
            "Escape" | "Esc" => Some(Command::Leave),
            _ => None,
        };
        if always.is_some() || !single_keys {
            return always;
        }
        // With a layout that types no Latin letters (Russian: R types «к»), the letter keys are
        // known by where they are on the keyboard.
        let letter = if press
            .key
            .chars()
            .any(|c| c.is_alphabetic() && !c.is_ascii())
        {
            press.code.strip_prefix("Key").unwrap_or("")
        } else {
            press.key
        };
        match letter {
            "r" | "R" => Some(Command::Random),
            "t" | "T" => Some(Command::ToggleTimer),
            "f" | "F" => Some(Command::FullScreen),
            _ if press.key == "?" => Some(Command::Help),
            _ => None,
        }
    }
}

impl Show {
    /// A presentation of `items`, from the first; R draws from `pool`. The first item's planned
    /// time is put into the timer.
    pub fn new(items: Vec<AgendaItem>, agenda: Option<String>, pool: Vec<String>) -> Show {
        let mut show = Show {
            items,
            agenda,
            pool,
            ..Show::default()
        };
        show.preload_timer();
        show
    }

    pub fn on_screen(&self) -> OnScreen<'_> {
        match (&self.drawn, self.items.get(self.position)) {
            (Some(card), _) => OnScreen::Drawn(card),
            (None, Some(item)) => OnScreen::Item(item),
            (None, None) => OnScreen::Nothing,
        }
    }

    /// The card on screen, drawn or in sequence.
    pub fn card_on_screen(&self) -> Option<&str> {
        match self.on_screen() {
            OnScreen::Drawn(card) => Some(card),
            OnScreen::Item(item) => item.card(),
            OnScreen::Nothing => None,
        }
    }

    /// What comes after the item on screen (also after a drawn card), for the presenter's view.
    pub fn next_item(&self) -> Option<&AgendaItem> {
        self.items.get(self.position + 1)
    }

    /// "Item 3 of 8": the position counted from 1, and the number of items.
    pub fn progress(&self) -> (usize, usize) {
        ((self.position + 1).min(self.items.len()), self.items.len())
    }

    /// Questions of the card on screen still hidden (`questions` counts a card's questions).
    fn hidden(&self, questions: &impl Fn(&str) -> usize) -> usize {
        self.card_on_screen()
            .map_or(0, |card| questions(card).saturating_sub(self.revealed))
    }

    /// Next: shows the card's next question, else the next item. False when at the very end.
    pub fn next(&mut self, questions: &impl Fn(&str) -> usize) -> bool {
        if self.hidden(questions) > 0 {
            self.revealed += 1;
            return true;
        }
        if self.position + 1 < self.items.len() {
            self.drawn = None;
            self.arrive(self.position + 1);
            // Moving on: the new item's planned time replaces the timer (even a running one).
            self.preload_timer();
            return true;
        }
        // At the end: a drawn card gives way to the last item.
        if self.drawn.take().is_some() {
            self.revealed = self.full(questions);
            return true;
        }
        false
    }

    /// Previous: hides the last question shown, else goes back (a drawn card gives way to the
    /// item it interrupted). The item gone back to shows all its questions. False at the start.
    pub fn previous(&mut self, questions: &impl Fn(&str) -> usize) -> bool {
        if self.revealed > 0 && self.card_on_screen().is_some() {
            self.revealed -= 1;
            return true;
        }
        if self.drawn.take().is_some() {
            self.revealed = self.full(questions);
            return true;
        }
        if self.position == 0 || self.items.is_empty() {
            return false;
        }
        // Going back keeps the timer as it is.
        self.arrive(self.position - 1);
        self.revealed = self.full(questions);
        true
    }

    /// Jumps to an item (the presenter's list of items). Its planned time goes into the timer
    /// unless the timer is counting down (`now_ms`): a jump never cuts a discussion short.
    pub fn go_to(&mut self, index: usize, now_ms: u64) {
        if index < self.items.len() {
            self.drawn = None;
            self.arrive(index);
            if !self.timer.is_counting(now_ms) {
                self.preload_timer();
            }
        }
    }

    /// R: a card from the pool that has not come up yet; after the last one a new round starts.
    /// A card that is one of the items is jumped to (see [`Show::go_to`]), any other is shown as
    /// a drawn card.
    pub fn random<R: Rng + ?Sized>(&mut self, rng: &mut R, now_ms: u64) -> RandomOutcome {
        let pool: Vec<&str> = self.pool.iter().map(String::as_str).collect();
        let (card, outcome) = match self.pile.draw(&pool, rng) {
            Drawn::Nothing => return RandomOutcome::Nothing,
            Drawn::Card(card) => (card.to_string(), RandomOutcome::Card),
            Drawn::AllSeen => {
                self.pile.reshuffle(&pool);
                match self.pile.draw(&pool, rng) {
                    Drawn::Card(card) => (card.to_string(), RandomOutcome::Reshuffled),
                    _ => return RandomOutcome::Nothing,
                }
            }
        };
        match self.items.iter().position(|i| i.card() == Some(&card)) {
            Some(index) => self.go_to(index, now_ms),
            None => {
                self.drawn = Some(card);
                self.revealed = 0;
            }
        }
        outcome
    }

    /// How many cards of the pool have come up in this round of drawing.
    pub fn drawn_count(&self) -> (usize, usize) {
        let pool: Vec<&str> = self.pool.iter().map(String::as_str).collect();
        (self.pile.seen_in(&pool), pool.len())
    }

    /// T: starts or pauses the timer; with no time set it starts the default length.
    pub fn toggle_timer(&mut self, now_ms: u64) {
        if self.timer.duration_ms == 0 {
            self.timer = Timer::set(DEFAULT_TIMER_MS);
        }
        self.timer.toggle(now_ms);
    }

    /// Marks a change made by window `by` at `now_ms`, so other windows take this state (see
    /// [`Show::is_newer_than`]).
    pub fn touch(&mut self, now_ms: u64, by: u32) {
        self.seq = self.seq.saturating_add(1).max(now_ms);
        self.by = by;
    }

    /// Later changes win; two windows acting in the same millisecond agree on one of them.
    pub fn is_newer_than(&self, other: &Show) -> bool {
        (self.seq, self.by) > (other.seq, other.by)
    }

    fn full(&self, questions: &impl Fn(&str) -> usize) -> usize {
        self.card_on_screen().map_or(0, questions)
    }

    /// Puts item `index` on screen, no question shown yet.
    fn arrive(&mut self, index: usize) {
        self.position = index;
        self.revealed = 0;
    }

    /// The planned time of the item on screen (if it has one) into the timer, ready to start.
    fn preload_timer(&mut self) {
        if let Some(planned) = self
            .items
            .get(self.position)
            .map(|i| i.planned_s)
            .filter(|s| *s > 0)
        {
            self.timer = Timer::set(u64::from(planned) * 1000);
        }
    }
}

/// What R draws from while THINK questions or a plan are presented: the guidance's cards, and
/// those of one's own cards the plan names (never one's other cards, chosen for no room).
pub fn draw_pool(guide: &[&str], items: &[AgendaItem]) -> Vec<String> {
    let mut pool: Vec<String> = guide.iter().map(|id| id.to_string()).collect();
    for card in items.iter().filter_map(AgendaItem::card) {
        if !pool.iter().any(|p| p == card) {
            pool.push(card.to_string());
        }
    }
    pool
}

/// THINK questions as items to present, by step id.
pub fn question_items(steps: &[&str]) -> Vec<AgendaItem> {
    steps
        .iter()
        .map(|s| AgendaItem::new(ItemKind::Question(s.to_string()), 0))
        .collect()
}

/// Cards as items to present, by id.
pub fn card_items(cards: &[String]) -> Vec<AgendaItem> {
    cards
        .iter()
        .map(|c| AgendaItem::new(ItemKind::Card(c.clone()), 0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    /// Cards `a` (3 questions), `b` (2), `c` (1), `z` (2, not in any sequence).
    fn questions(card: &str) -> usize {
        match card {
            "a" => 3,
            "b" | "z" => 2,
            "c" => 1,
            _ => 0,
        }
    }

    fn cards_show() -> Show {
        let ids: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        Show::new(card_items(&ids), None, ids)
    }

    fn plan_show() -> Show {
        let items = vec![
            AgendaItem::new(ItemKind::Free("Welcome".into()), 5 * 60),
            AgendaItem::new(ItemKind::Question("norms".into()), 0),
            AgendaItem::new(ItemKind::Card("a".into()), 20 * 60),
            AgendaItem::new(ItemKind::Break, 10 * 60),
        ];
        let pool = ["a", "b", "c", "z"].map(String::from).to_vec();
        Show::new(items, Some("Tuesday".into()), pool)
    }

    fn screen(show: &Show) -> (String, usize) {
        let what = match show.on_screen() {
            OnScreen::Item(item) => match &item.kind {
                ItemKind::Card(card) => card.clone(),
                ItemKind::Question(step) => format!("q:{step}"),
                ItemKind::Break => "break".into(),
                ItemKind::Free(title) => title.clone(),
            },
            OnScreen::Drawn(card) => format!("drawn:{card}"),
            OnScreen::Nothing => "nothing".into(),
        };
        (what, show.revealed)
    }

    #[test]
    fn next_reveals_a_cards_questions_one_by_one_then_moves_on() {
        let mut s = cards_show();
        let q = &questions;
        let mut seen = vec![screen(&s)];
        while s.next(q) {
            seen.push(screen(&s));
        }
        let expected = [
            ("a", 0),
            ("a", 1),
            ("a", 2),
            ("a", 3),
            ("b", 0),
            ("b", 1),
            ("b", 2),
            ("c", 0),
            ("c", 1),
        ]
        .map(|(c, n)| (c.to_string(), n));
        assert_eq!(seen, expected);
        assert!(!s.next(q), "the end stays the end");
        assert_eq!(s.progress(), (3, 3));
    }

    #[test]
    fn previous_hides_questions_then_goes_back_to_a_whole_card() {
        let mut s = cards_show();
        let q = &questions;
        assert!(!s.previous(q), "nothing before the start");
        for _ in 0..5 {
            s.next(q);
        }
        assert_eq!(screen(&s), ("b".into(), 1));
        assert!(s.previous(q));
        assert_eq!(screen(&s), ("b".into(), 0));
        assert!(s.previous(q));
        assert_eq!(
            screen(&s),
            ("a".into(), 3),
            "back to a card with all its questions"
        );
        assert!(s.previous(q));
        assert_eq!(screen(&s), ("a".into(), 2));
    }

    #[test]
    fn random_draws_each_pool_card_once_then_starts_a_new_round() {
        let mut s = plan_show();
        let mut rng = StdRng::seed_from_u64(42);
        let mut got = Vec::new();
        for _ in 0..4 {
            assert_eq!(s.random(&mut rng, 0), RandomOutcome::Card);
            got.push(s.card_on_screen().map(String::from).unwrap_or_default());
        }
        got.sort();
        assert_eq!(got, ["a", "b", "c", "z"], "no repeats within a round");
        assert_eq!(s.drawn_count(), (4, 4));
        assert_eq!(s.random(&mut rng, 0), RandomOutcome::Reshuffled);
        assert_eq!(s.drawn_count(), (1, 4));
        let mut empty = Show::new(Vec::new(), None, Vec::new());
        assert_eq!(empty.random(&mut rng, 0), RandomOutcome::Nothing);
        assert_eq!(screen(&empty), ("nothing".into(), 0));
    }

    #[test]
    fn a_drawn_card_in_the_sequence_is_jumped_to_and_another_interrupts() {
        let mut s = plan_show();
        let q = &questions;
        s.next(q); // the THINK question
        // Draw until the card of the plan ("a") comes up: it is jumped to, not shown apart.
        let mut rng = StdRng::seed_from_u64(1);
        loop {
            s.random(&mut rng, 0);
            if s.drawn.is_none() {
                break;
            }
            // A card outside the plan interrupts the item on screen; Previous gives way to it.
            let (pos, _) = s.progress();
            assert!(screen(&s).0.starts_with("drawn:"));
            assert_eq!(
                s.next_item().map(|i| i.kind.clone()),
                s.items.get(pos).map(|i| i.kind.clone())
            );
            let before = s.clone();
            assert!(s.previous(q));
            assert_eq!(s.drawn, None);
            assert_eq!(s.position, before.position);
            s = before;
        }
        assert_eq!(screen(&s), ("a".into(), 0));
        assert_eq!(s.progress(), (3, 4));
    }

    #[test]
    fn next_after_a_drawn_card_continues_the_plan() {
        let mut s = plan_show();
        let q = &questions;
        s.drawn = Some("z".into());
        s.revealed = 0;
        assert!(s.next(q) && s.next(q), "z's two questions");
        assert_eq!(screen(&s), ("drawn:z".into(), 2));
        assert!(s.next(q));
        assert_eq!(screen(&s), ("q:norms".into(), 0));
        // At the last item, a drawn card gives way to it.
        s.go_to(3, 0);
        s.drawn = Some("c".into());
        s.revealed = 1;
        assert!(s.next(q));
        assert_eq!(screen(&s), ("break".into(), 0));
        assert!(!s.next(q));
    }

    #[test]
    fn moving_on_puts_the_next_items_planned_time_into_the_timer() {
        let mut s = plan_show();
        let q = &questions;
        assert_eq!(s.timer, Timer::set(5 * 60_000), "the first item's time");
        s.timer.start(1_000);
        s.next(q); // a question without planned time: the running timer goes on
        assert!(s.timer.is_running());
        s.next(q); // the card: 20 minutes, ready, not running (it replaces the running one)
        assert_eq!(s.timer, Timer::set(20 * 60_000));
        s.next(q); // revealing a question keeps the timer
        assert_eq!(s.timer, Timer::set(20 * 60_000));
        s.go_to(3, 2_000);
        assert_eq!(
            s.timer,
            Timer::set(10 * 60_000),
            "a jump while nothing counts down"
        );
        assert_eq!(s.progress(), (4, 4));
        assert_eq!(s.next_item(), None);
        s.go_to(99, 2_000);
        assert_eq!(s.position, 3, "an index out of range changes nothing");
    }

    #[test]
    fn going_back_or_jumping_never_cuts_a_running_discussion_short() {
        let mut s = plan_show();
        let q = &questions;
        s.go_to(2, 0); // the card, 20 minutes
        s.timer.start(1_000);
        let running = s.timer;
        s.previous(q);
        assert_eq!(screen(&s), ("q:norms".into(), 0));
        assert_eq!(s.timer, running, "Previous keeps the timer");
        s.go_to(3, 60_000);
        assert_eq!(s.timer, running, "a jump while it counts down keeps it");
        let mut rng = StdRng::seed_from_u64(3);
        while s.card_on_screen() != Some("a") {
            s.random(&mut rng, 90_000);
        }
        assert_eq!(s.timer, running, "R jumping to a plan card keeps it too");
        s.go_to(0, 30 * 60_000); // the 20 minutes are over: the item's time is put in
        assert_eq!(s.timer, Timer::set(5 * 60_000));
    }

    #[test]
    fn t_starts_a_default_length_when_no_time_is_set() {
        let mut s = cards_show();
        assert_eq!(s.timer, Timer::default());
        s.toggle_timer(1_000);
        assert!(s.timer.is_running());
        assert_eq!(s.timer.remaining_ms(1_000), DEFAULT_TIMER_MS);
        s.toggle_timer(61_000);
        assert!(!s.timer.is_running());
        assert_eq!(
            s.timer.remaining_ms(99_000),
            DEFAULT_TIMER_MS - 60_000,
            "paused, kept"
        );
    }

    #[test]
    fn the_newest_change_wins_between_windows() {
        let mut a = plan_show();
        let mut b = a.clone();
        a.touch(1_000, 7);
        assert!(a.is_newer_than(&b));
        b.touch(999, 8);
        assert!(!b.is_newer_than(&a));
        b.touch(999, 8); // a clock behind still counts up
        b.touch(999, 8);
        assert!(b.is_newer_than(&a));
        // Two windows in the same millisecond: both agree which change stands.
        let (mut c, mut d) = (plan_show(), plan_show());
        c.touch(5_000, 1);
        d.touch(5_000, 2);
        assert!(d.is_newer_than(&c) && !c.is_newer_than(&d));
        let stored = serde_json::to_string(&a).unwrap_or_default();
        let back: Show = serde_json::from_str(&stored).unwrap_or_default();
        assert_eq!(back, a, "stored and sent as JSON, read back the same");
    }

    #[test]
    fn keys_map_to_commands_and_letters_can_be_switched_off() {
        let key = |key| KeyPress {
            key,
            ..KeyPress::default()
        };
        for (k, c) in [
            ("ArrowRight", Command::Next),
            ("PageDown", Command::Next),
            (" ", Command::Next),
            ("ArrowLeft", Command::Previous),
            ("PageUp", Command::Previous),
            ("Escape", Command::Leave),
            ("r", Command::Random),
            ("R", Command::Random),
            ("t", Command::ToggleTimer),
            ("F", Command::FullScreen),
            ("?", Command::Help),
        ] {
            assert_eq!(Command::from_key(key(k), true), Some(c), "{k:?}");
        }
        assert_eq!(Command::from_key(key("x"), true), None);
        assert_eq!(Command::from_key(key("Enter"), true), None);
        for letter in ["r", "t", "f", "?"] {
            assert_eq!(Command::from_key(key(letter), false), None, "{letter} off");
        }
        assert_eq!(
            Command::from_key(key("PageDown"), false),
            Some(Command::Next)
        );
        let ctrl_r = KeyPress {
            key: "r",
            ctrl: true,
            ..KeyPress::default()
        };
        assert_eq!(Command::from_key(ctrl_r, true), None, "Ctrl+R reloads");
        let alt_left = KeyPress {
            key: "ArrowLeft",
            alt: true,
            ..KeyPress::default()
        };
        assert_eq!(Command::from_key(alt_left, true), None, "Alt+Left is Back");
        // A Russian layout: R, T and F type к, е, а; the keys are found by their place.
        for (typed, place, command) in [
            ("к", "KeyR", Command::Random),
            ("Е", "KeyT", Command::ToggleTimer),
            ("а", "KeyF", Command::FullScreen),
        ] {
            let press = KeyPress {
                key: typed,
                code: place,
                ..KeyPress::default()
            };
            assert_eq!(Command::from_key(press, true), Some(command), "{typed}");
            assert_eq!(Command::from_key(press, false), None, "{typed} off");
        }
        let other_russian_letter = KeyPress {
            key: "ы",
            code: "KeyS",
            ..KeyPress::default()
        };
        assert_eq!(Command::from_key(other_russian_letter, true), None);
        // A Latin layout is read by the letter it types, not the place (Dvorak's "p" is on KeyR).
        let dvorak_p = KeyPress {
            key: "p",
            code: "KeyR",
            ..KeyPress::default()
        };
        assert_eq!(Command::from_key(dvorak_p, true), None);
    }

    #[test]
    fn r_draws_from_the_guidance_and_the_plans_own_cards_only() {
        let items = vec![
            AgendaItem::new(ItemKind::Card("my-a".into()), 0),
            AgendaItem::new(ItemKind::Card("b".into()), 0),
            AgendaItem::new(ItemKind::Break, 0),
        ];
        assert_eq!(draw_pool(&["a", "b"], &items), ["a", "b", "my-a"]);
        assert_eq!(draw_pool(&["a"], &[]), ["a"]);
    }

    #[test]
    fn think_questions_become_items() {
        let items = question_items(&["norms", "benefits"]);
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].kind, ItemKind::Question("benefits".into()));
        let mut s = Show::new(items, None, Vec::new());
        let q = &questions;
        assert!(s.next(q), "a question has nothing to reveal: next moves on");
        assert_eq!(s.progress(), (2, 2));
    }
}
