//! Shared pieces of the interface.

pub mod main_nav;
pub mod quick_exit;
pub mod save_error;
pub mod shell;
pub mod storage_notices;
