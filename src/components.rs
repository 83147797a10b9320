//! Building blocks shared by pages.

pub mod footer;
pub mod header;
pub mod page_title;
pub mod skip_link;
