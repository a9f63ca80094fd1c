//! Pure logic: the data model and the rules that act on it. No web dependency, so every function
//! here is unit-tested natively with `cargo test`.

pub mod agenda;
pub mod aims;
pub mod answer;
pub mod autosave;
pub mod card_exchange;
pub mod chime;
pub mod custom_cards;
pub mod data_file;
pub mod deck;
pub mod draw;
pub mod journey;
pub mod language;
pub mod lock;
pub mod norms;
pub mod pages;
pub mod presenter;
pub mod quick_exit;
pub mod reflections;
pub mod rings;
pub mod rounds;
pub mod schema;
pub mod search;
pub mod settings;
pub mod support;
pub mod text;
pub mod timer;
