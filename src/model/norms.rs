//! The gender norms a person names in the THINK exercise, with where and how each one shows.

use serde::{Deserialize, Serialize};

use super::schema::Versioned;

/// Whom a norm affects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Affects {
    MenAndBoys,
    WomenAndGirls,
    Both,
}

/// Where a norm shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    Home,
    Relationships,
    WorkOrSchool,
    CommunityAndPublic,
    Online,
}

impl Place {
    pub const ALL: [Place; 5] = [
        Place::Home,
        Place::Relationships,
        Place::WorkOrSchool,
        Place::CommunityAndPublic,
        Place::Online,
    ];
}

/// The levels of the socio-ecological model (Annex 1 of the guidance), innermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Individual,
    FamilyAndRelationships,
    Community,
    InstitutionsAndSociety,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::Individual,
        Level::FamilyAndRelationships,
        Level::Community,
        Level::InstitutionsAndSociety,
    ];

    /// 0 for the innermost ring of the picture, 3 for the outermost.
    pub fn ring(self) -> usize {
        self as usize
    }
}

/// One norm and what the person wrote about it. Every field but `text` is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Norm {
    /// Stable within one list, so edits and deletions address the right norm after reordering.
    pub id: u32,
    pub text: String,
    pub affects: Option<Affects>,
    pub places: Vec<Place>,
    pub level: Option<Level>,
    pub effect_on_men: String,
    pub effect_on_women: String,
    pub equality_change: String,
}

/// One thing written about a norm besides its name, as My reflections and the printable copy
/// show it (what is left blank is not listed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NormDetail<'a> {
    Affects(Affects),
    Places(&'a [Place]),
    Level(Level),
    EffectOnMen(&'a str),
    EffectOnWomen(&'a str),
    EqualityChange(&'a str),
}

impl Norm {
    /// Everything written about this norm besides its name, in the form's order.
    pub fn details(&self) -> Vec<NormDetail<'_>> {
        let written = |text: &str| !super::text::is_blank(text);
        let mut details = Vec::new();
        if let Some(affects) = self.affects {
            details.push(NormDetail::Affects(affects));
        }
        if !self.places.is_empty() {
            details.push(NormDetail::Places(&self.places));
        }
        if let Some(level) = self.level {
            details.push(NormDetail::Level(level));
        }
        if written(&self.effect_on_men) {
            details.push(NormDetail::EffectOnMen(&self.effect_on_men));
        }
        if written(&self.effect_on_women) {
            details.push(NormDetail::EffectOnWomen(&self.effect_on_women));
        }
        if written(&self.equality_change) {
            details.push(NormDetail::EqualityChange(&self.equality_change));
        }
        details
    }
}

/// The ordered list of norms of one round of the exercise.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct NormList {
    pub norms: Vec<Norm>,
    next_id: u32,
}

impl Versioned for NormList {
    const VERSION: u32 = 1;
}

/// A removed norm and where it stood, so "undo" puts it back in the same place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub index: usize,
    pub norm: Norm,
}

impl NormList {
    /// Adds a norm at the end and returns its id.
    pub fn add(&mut self, text: &str) -> u32 {
        // Ids never repeat, even after a norm with the highest id was removed.
        let id = self
            .next_id
            .max(self.norms.iter().map(|n| n.id + 1).max().unwrap_or(0));
        self.next_id = id + 1;
        self.norms.push(Norm {
            id,
            text: text.to_string(),
            ..Norm::default()
        });
        id
    }

    pub fn get(&self, id: u32) -> Option<&Norm> {
        self.norms.iter().find(|n| n.id == id)
    }

    /// Changes one norm in place; false when there is no norm with this id.
    pub fn update(&mut self, id: u32, change: impl FnOnce(&mut Norm)) -> bool {
        match self.norms.iter_mut().find(|n| n.id == id) {
            Some(norm) => {
                change(norm);
                norm.id = id; // the id is not the caller's to change
                true
            }
            None => false,
        }
    }

    pub fn remove(&mut self, id: u32) -> Option<Removed> {
        let index = self.norms.iter().position(|n| n.id == id)?;
        Some(Removed {
            index,
            norm: self.norms.remove(index),
        })
    }

    /// Puts a removed norm back where it was (or at the end if the list got shorter).
    pub fn undo_remove(&mut self, removed: Removed) {
        if self.get(removed.norm.id).is_some() {
            return;
        }
        let index = removed.index.min(self.norms.len());
        self.norms.insert(index, removed.norm);
    }

    /// Moves a norm one place up (`-1`) or down (`1`); false when it cannot move.
    pub fn shift(&mut self, id: u32, by: isize) -> bool {
        let Some(from) = self.norms.iter().position(|n| n.id == id) else {
            return false;
        };
        let Some(to) = from
            .checked_add_signed(by)
            .filter(|&to| to < self.norms.len())
        else {
            return false;
        };
        let norm = self.norms.remove(from);
        self.norms.insert(to, norm);
        true
    }

    /// Norms that have been given a level, grouped by ring (innermost first): the data of the picture.
    pub fn by_level(&self) -> [Vec<&Norm>; 4] {
        let mut rings: [Vec<&Norm>; 4] = Default::default();
        for norm in &self.norms {
            if let Some(level) = norm.level {
                rings[level.ring()].push(norm);
            }
        }
        rings
    }

    /// Norms with some text, i.e. the ones a person actually named.
    pub fn named(&self) -> impl Iterator<Item = &Norm> {
        self.norms.iter().filter(|n| !n.text.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::{decode, encode};

    fn list(texts: &[&str]) -> NormList {
        let mut l = NormList::default();
        for t in texts {
            l.add(t);
        }
        l
    }

    fn texts(l: &NormList) -> Vec<&str> {
        l.norms.iter().map(|n| n.text.as_str()).collect()
    }

    #[test]
    fn details_list_what_was_written_in_the_forms_order() {
        let mut norm = Norm {
            text: "Men provide".into(),
            ..Norm::default()
        };
        assert_eq!(norm.details(), vec![]);
        norm.effect_on_women = "  \n ".into();
        assert_eq!(norm.details(), vec![], "blank text is not a detail");
        norm.equality_change = "Both earn".into();
        norm.level = Some(Level::Community);
        norm.places = vec![Place::Home, Place::Online];
        norm.affects = Some(Affects::Both);
        norm.effect_on_men = "Pressure".into();
        assert_eq!(
            norm.details(),
            vec![
                NormDetail::Affects(Affects::Both),
                NormDetail::Places(&[Place::Home, Place::Online]),
                NormDetail::Level(Level::Community),
                NormDetail::EffectOnMen("Pressure"),
                NormDetail::EqualityChange("Both earn"),
            ]
        );
    }

    #[test]
    fn added_norms_get_distinct_ids_even_after_removal() {
        let mut l = list(&["a", "b", "c"]);
        let last = l.norms[2].id;
        l.remove(last).unwrap();
        let new = l.add("d");
        assert_ne!(new, last);
        let mut ids: Vec<_> = l.norms.iter().map(|n| n.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), 3);
    }

    #[test]
    fn remove_and_undo_restore_the_same_place() {
        let mut l = list(&["a", "b", "c"]);
        let removed = l.remove(l.norms[1].id).unwrap();
        assert_eq!(texts(&l), ["a", "c"]);
        l.undo_remove(removed.clone());
        assert_eq!(texts(&l), ["a", "b", "c"]);
        l.undo_remove(removed);
        assert_eq!(texts(&l), ["a", "b", "c"], "undo twice does not duplicate");
    }

    #[test]
    fn shift_moves_within_bounds_only() {
        let mut l = list(&["a", "b", "c"]);
        let (a, c) = (l.norms[0].id, l.norms[2].id);
        assert!(!l.shift(a, -1));
        assert!(!l.shift(c, 1));
        assert!(l.shift(a, 1));
        assert_eq!(texts(&l), ["b", "a", "c"]);
        assert!(l.shift(c, -2));
        assert_eq!(texts(&l), ["c", "b", "a"]);
        assert!(!l.shift(999, 1));
    }

    #[test]
    fn update_changes_one_norm_and_keeps_its_id() {
        let mut l = list(&["a", "b"]);
        let b = l.norms[1].id;
        assert!(l.update(b, |n| {
            n.level = Some(Level::Community);
            n.places = vec![Place::Online, Place::Home];
            n.id = 42;
        }));
        assert_eq!(l.norms[1].id, b);
        assert_eq!(l.get(b).unwrap().level, Some(Level::Community));
        assert!(!l.update(999, |_| {}));
    }

    #[test]
    fn by_level_groups_norms_for_the_rings_picture() {
        let mut l = list(&["a", "b", "c"]);
        let ids: Vec<_> = l.norms.iter().map(|n| n.id).collect();
        l.update(ids[0], |n| n.level = Some(Level::InstitutionsAndSociety));
        l.update(ids[2], |n| n.level = Some(Level::Individual));
        let rings = l.by_level();
        assert_eq!(
            rings[0].iter().map(|n| n.text.as_str()).collect::<Vec<_>>(),
            ["c"]
        );
        assert!(rings[1].is_empty() && rings[2].is_empty());
        assert_eq!(rings[3][0].text, "a");
    }

    #[test]
    fn a_norm_list_round_trips_through_its_envelope() {
        let mut l = list(&["Мужчина должен обеспечивать семью", "🙂"]);
        let id = l.norms[0].id;
        l.update(id, |n| {
            n.affects = Some(Affects::Both);
            n.places = vec![Place::WorkOrSchool];
            n.effect_on_men = "pressure".into();
        });
        let raw = encode(&l, 3).unwrap();
        assert!(
            raw.contains(r#""affects":"both""#) && raw.contains(r#""work_or_school""#),
            "{raw}"
        );
        let back = decode::<NormList>(&raw).unwrap();
        assert_eq!(back.data, l);
        // Adding after a reload still gives a fresh id.
        let mut back = back.data;
        let new = back.add("x");
        assert!(l.norms.iter().all(|n| n.id != new));
    }

    #[test]
    fn named_skips_blank_norms() {
        let l = list(&["a", "  ", ""]);
        assert_eq!(l.named().count(), 1);
    }
}
