//! Hooks that sync with the browser; one per file.

pub mod poll_schedule;
pub mod use_online;
pub mod use_poll;
pub mod use_visible;
