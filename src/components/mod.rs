//! Shared pieces of the interface.

pub mod autosaver;
pub mod card_draw;
pub mod card_face;
pub mod card_filter;
pub mod card_import;
pub mod hide_answers;
pub mod main_nav;
pub mod norm_rings;
pub mod norms_editor;
pub mod quick_exit;
pub mod save_error;
pub mod shell;
pub mod storage_notices;
pub mod written_field;
