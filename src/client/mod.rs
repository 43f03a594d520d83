//! What pages call to reach the API: the session (`Auth`), the reads built on
//! it, and the in-memory services (drafts, flash notices, route preloading).
//! The only module that calls `api::http`; it sits below the pages and knows
//! nothing of them or of the shell.

mod active_definition;
/// Opt-in browser notifications about followed deployments.
mod alerts;
mod auth;
mod background;
/// Saving text as a downloaded file.
pub mod download;
mod drafts;
mod flash;
/// Reading picked or dropped `.json` files (deployment files, job definitions).
pub mod json_file;
mod markets;
mod mutation;
/// Node header and node streams (job status on the node).
pub mod nodes;
mod preload;
mod spend;

pub use active_definition::active_definition;
pub use alerts::Alerts;
pub use auth::{use_auth, Auth, KEY_REFUSED};
pub use drafts::Drafts;
pub use flash::Flash;
pub use markets::{MarketLookup, Markets, MarketsState};
pub use mutation::Mutation;
pub use preload::Preload;
pub use spend::{AccountSpend, SpendState};
