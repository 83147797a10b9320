//! Hooks that sync with the browser; one per file.

pub mod use_online;
