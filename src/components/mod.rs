//! Shared pieces of the interface.

pub mod autosaver;
pub mod card_draw;
pub mod card_face;
pub mod card_filter;
pub mod card_import;
pub mod confirm;
pub mod data_import;
pub mod discussion_timer;
pub mod export_reminder;
pub mod hide_answers;
pub mod language_switcher;
pub mod lock_settings;
pub mod main_nav;
pub mod norm_rings;
pub mod norms_editor;
pub mod present_controls;
pub mod printable_reflections;
pub mod quick_exit;
pub mod save_error;
pub mod shell;
pub mod slide;
pub mod storage_notices;
pub mod support_services;
pub mod title;
pub mod undoable_delete;
pub mod written_field;
