//! Building blocks shared by pages.

pub mod error_summary;
pub mod field_group;
pub mod file_upload;
pub mod footer;
pub mod header;
pub mod page_title;
pub mod skip_link;
pub mod step_nav;
