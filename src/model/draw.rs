//! Drawing cards at random without repeats: each card of the current selection comes up once
//! before any comes up again. The random source is passed in, so tests use a seeded one.

use rand::{Rng, RngExt};
use serde::{Deserialize, Serialize};

/// The cards drawn so far in this pass, in the order they came up. Stored with a presentation
/// (`model::presenter`), so a reload does not bring cards back early.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DrawPile {
    drawn: Vec<String>,
}

/// What a draw gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawn<T> {
    Card(T),
    /// Every card of the selection has come up in this pass: time to reshuffle.
    AllSeen,
    /// The selection is empty (a filter that matches nothing).
    Nothing,
}

impl DrawPile {
    /// A card from `selection` that has not come up in this pass, each equally likely.
    pub fn draw<'a, R: Rng + ?Sized>(
        &mut self,
        selection: &[&'a str],
        rng: &mut R,
    ) -> Drawn<&'a str> {
        if selection.is_empty() {
            return Drawn::Nothing;
        }
        let fresh: Vec<&'a str> = selection
            .iter()
            .copied()
            .filter(|id| !self.has_drawn(id))
            .collect();
        if fresh.is_empty() {
            return Drawn::AllSeen;
        }
        let card = fresh[rng.random_range(0..fresh.len())];
        self.drawn.push(card.to_string());
        Drawn::Card(card)
    }

    /// How many cards of `selection` have come up in this pass.
    pub fn seen_in(&self, selection: &[&str]) -> usize {
        selection.iter().filter(|id| self.has_drawn(id)).count()
    }

    /// Starts a new pass over `selection`: its cards can all come up again. Cards drawn outside
    /// it (under another filter) stay drawn.
    pub fn reshuffle(&mut self, selection: &[&str]) {
        self.drawn.retain(|id| !selection.contains(&id.as_str()));
    }

    fn has_drawn(&self, id: &str) -> bool {
        self.drawn.iter().any(|d| d == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;
    use std::collections::{BTreeMap, BTreeSet};

    const DECK: [&str; 16] = [
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p",
    ];

    fn one_pass(
        pile: &mut DrawPile,
        selection: &[&'static str],
        rng: &mut StdRng,
    ) -> Vec<&'static str> {
        let mut order = Vec::new();
        while let Drawn::Card(id) = pile.draw(selection, rng) {
            order.push(id);
        }
        order
    }

    #[test]
    fn a_pass_shows_every_card_once_then_says_all_seen() {
        for seed in 0..50 {
            let mut rng = StdRng::seed_from_u64(seed);
            let mut pile = DrawPile::default();
            let order = one_pass(&mut pile, &DECK, &mut rng);
            assert_eq!(order.len(), DECK.len(), "seed {seed}");
            let unique: BTreeSet<_> = order.iter().collect();
            assert_eq!(
                unique.len(),
                DECK.len(),
                "a repeat within a pass, seed {seed}"
            );
            assert_eq!(pile.draw(&DECK, &mut rng), Drawn::AllSeen);
            assert_eq!(pile.seen_in(&DECK), 16);
        }
    }

    #[test]
    fn reshuffle_starts_a_new_pass() {
        let mut rng = StdRng::seed_from_u64(7);
        let mut pile = DrawPile::default();
        one_pass(&mut pile, &DECK, &mut rng);
        pile.reshuffle(&DECK);
        assert_eq!(pile.seen_in(&DECK), 0);
        assert_eq!(one_pass(&mut pile, &DECK, &mut rng).len(), 16);
    }

    #[test]
    fn a_narrower_selection_skips_what_was_already_drawn() {
        let mut rng = StdRng::seed_from_u64(3);
        let mut pile = DrawPile::default();
        let family = ["a", "b", "c"];
        let Drawn::Card(first) = pile.draw(&family, &mut rng) else {
            panic!("a card was expected");
        };
        // The whole deck now: the card already drawn does not come again in this pass.
        let rest = one_pass(&mut pile, &DECK, &mut rng);
        assert_eq!(rest.len(), 15);
        assert!(!rest.contains(&first));
        // Reshuffling one area frees only its cards.
        pile.reshuffle(&family);
        assert_eq!(pile.seen_in(&DECK), 13);
        assert_eq!(one_pass(&mut pile, &DECK, &mut rng).len(), 3);
    }

    #[test]
    fn an_empty_selection_draws_nothing() {
        let mut rng = StdRng::seed_from_u64(1);
        assert_eq!(DrawPile::default().draw(&[], &mut rng), Drawn::Nothing);
    }

    #[test]
    fn the_same_seed_draws_the_same_order() {
        let draw = |seed| {
            one_pass(
                &mut DrawPile::default(),
                &DECK,
                &mut StdRng::seed_from_u64(seed),
            )
        };
        assert_eq!(draw(42), draw(42));
        assert_ne!(draw(42), draw(43));
    }

    #[test]
    fn every_card_is_reachable_and_first_draws_are_even() {
        // 16,000 first draws: each card expected 1,000 times. The bounds are 6 standard deviations
        // wide (σ ≈ 30.6), so a fair draw fails this about once in 10^8 runs; a biased one fails.
        let mut rng = StdRng::seed_from_u64(2026);
        let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
        for _ in 0..16_000 {
            if let Drawn::Card(id) = DrawPile::default().draw(&DECK, &mut rng) {
                *counts.entry(id).or_default() += 1;
            }
        }
        assert_eq!(counts.len(), 16, "every card can come first");
        for (id, n) in counts {
            assert!((816..=1184).contains(&n), "{id} came first {n} times");
        }
    }

    #[test]
    fn the_last_card_of_a_pass_is_not_always_the_same() {
        let mut last = BTreeSet::new();
        for seed in 0..200 {
            let order = one_pass(
                &mut DrawPile::default(),
                &DECK,
                &mut StdRng::seed_from_u64(seed),
            );
            last.extend(order.last().copied());
        }
        assert_eq!(last.len(), 16, "every card can also come last");
    }
}
