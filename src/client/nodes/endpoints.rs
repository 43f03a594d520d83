//! `GET {node}/job/{job}/endpoints`: the job's endpoints and whether each is up, asked with
//! the node header (refreshed once after a refusal). A node without the route says so
//! through `RouteError::Missing`, which callers must not ask again.

use std::time::Duration;

use gloo_net::http::{Method, RequestBuilder};

use super::access::NodeAccess;
use crate::api::http::{within, AbortOnDrop};
use crate::api::node::errors::http_status_message;
use crate::api::node::routes::{
    endpoints_url, parse_endpoints, route_error, EndpointsAnswer, RouteError,
};

/// A node route that has not answered in this long is treated as down.
const TIMEOUT_MS: u64 = 15_000;

/// One request to a node route with the node header: its status and body text.
pub(super) async fn send(method: Method, url: &str, header: &str) -> Result<(u16, String), String> {
    // Aborted when dropped: a caller that goes away (a closed card) frees the connection.
    let abort = AbortOnDrop::new().map_err(|_| http_status_message(0))?;
    let signal = abort.signal();
    let request = async {
        let response = RequestBuilder::new(url)
            .method(method)
            .header("Authorization", header)
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|_| http_status_message(0))?;
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        Ok((status, body))
    };
    within(Duration::from_millis(TIMEOUT_MS), request)
        .await
        .unwrap_or_else(|| Err("The node did not answer in time.".to_string()))
}

/// Runs `call` with the node header; on a refusal, once more with a new header.
pub(super) async fn with_header<T, F, Fut>(access: &NodeAccess, call: F) -> Result<T, RouteError>
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Result<T, RouteError>>,
{
    let header = access.header().await.map_err(RouteError::Failed)?;
    match call(header.clone()).await {
        Err(RouteError::Unauthorized) => {
            let fresh = access.refresh(&header).await.map_err(RouteError::Failed)?;
            match call(fresh).await {
                Err(RouteError::Unauthorized) => Err(RouteError::Failed(http_status_message(401))),
                other => other,
            }
        }
        other => other,
    }
}

/// The job's endpoints on the node at `base`.
pub async fn endpoints(
    access: &NodeAccess,
    base: &str,
    job: &str,
) -> Result<EndpointsAnswer, RouteError> {
    read(
        access,
        &endpoints_url(base, job),
        parse_endpoints,
        "a list of endpoints",
    )
    .await
}

/// `GET url` with the node header, its body read by `parse`; `what` names the expected answer.
pub(super) async fn read<T>(
    access: &NodeAccess,
    url: &str,
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> Result<T, RouteError> {
    with_header(access, |header| async move {
        let (status, body) = send(Method::GET, url, &header)
            .await
            .map_err(RouteError::Failed)?;
        if !(200..300).contains(&status) {
            return Err(route_error(status, &body));
        }
        parse(&body).ok_or_else(|| RouteError::Failed(format!("The node's answer was not {what}.")))
    })
    .await
}
