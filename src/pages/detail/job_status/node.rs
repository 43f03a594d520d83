//! How this section reaches a job's node: the session's node access (address and header,
//! in memory only), shared with the Logs tab.

use super::super::state::DetailState;
pub use crate::client::nodes::access::NodeAccess;

pub fn access(state: DetailState) -> NodeAccess {
    NodeAccess::new(state.auth, state.id.into())
}
