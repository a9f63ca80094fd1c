//! Think · Plan · Act — an offline-first workshop toolkit built on the OSCE guidance
//! "Engaging young men in the promotion of gender equality".
//!
//! The pure rooms (`content`, `model`, `storage` rules) build on every target and are tested
//! natively. The rooms that touch the browser are compiled for wasm32 only: that keeps the
//! native test build small and proves the pure logic has no web dependency.

pub mod content;
pub mod model;
pub mod storage;

#[cfg(target_arch = "wasm32")]
leptos_i18n::load_locales!();

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod web;
