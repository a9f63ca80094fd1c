//! One file per route.

pub mod about;
pub mod agenda_editor;
pub mod card;
pub mod card_editor;
pub mod cards;
pub mod facilitator_notes;
pub mod home;
pub mod lock;
pub mod my_cards;
pub mod my_data;
pub mod not_found;
pub mod present;
pub mod presenter;
pub mod reflections;
pub mod safety;
pub mod shared_cards;
pub mod stage;
pub mod think;
pub mod unlock;
