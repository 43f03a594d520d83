//! A running job's ops on its node: `GET /job/{job}/ops` (also how the app learns whether
//! the node offers op controls at all) and `POST .../operation/{op}/restart|stop`, each
//! with the node header. A POST is sent once: a refused header is refreshed and the
//! request repeated only on 401, which the node answers before acting.

use gloo_net::http::Method;

use super::access::NodeAccess;
use super::endpoints::{read, send, with_header};
use crate::api::node::routes::{op_answer, op_url, ops_url, parse_ops, OpAction, RouteError};

/// The ops and their statuses, in the node's order.
pub async fn ops(
    access: &NodeAccess,
    base: &str,
    job: &str,
) -> Result<Vec<(String, String)>, RouteError> {
    read(access, &ops_url(base, job), parse_ops, "a list of ops").await
}

/// Restarts or stops one op; the node's answer in words.
pub async fn act(
    access: &NodeAccess,
    base: &str,
    job: &str,
    group: &str,
    op: &str,
    action: OpAction,
) -> Result<String, RouteError> {
    let url = op_url(base, job, group, op, action);
    with_header(access, |header| {
        let url = url.clone();
        async move {
            let (status, body) = send(Method::POST, &url, &header)
                .await
                .map_err(RouteError::Failed)?;
            op_answer(status, &body)
        }
    })
    .await
}
