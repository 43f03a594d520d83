//! Page state that lives in the URL: route paths, the list's and the history
//! tabs' query strings and the paging they share.
//! Plain Rust, so reload, back/forward and shared links are unit-tested natively.

pub mod api_base;
pub mod history_view;
pub mod list_view;
pub mod paging;
pub mod paths;
pub mod query_list;
