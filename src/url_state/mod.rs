//! Page state that lives in the URL: route paths and the list view's query string.
//! Plain Rust, so reload, back/forward and shared links are unit-tested natively.

pub mod api_base;
pub mod history_view;
pub mod list_view;
pub mod paths;
pub mod query_list;
