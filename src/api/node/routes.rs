//! The newer nodes' endpoint and op routes (contract: "Resource usage, endpoint health and
//! op controls"): their URLs, their answers, and telling "this node lacks the route" (an
//! express 404, `Cannot GET /job/...`) from "this node has no such job" (404 with text).

use serde_json::Value;

use super::errors::http_status_message;
use super::info::{endpoint_map, NodeEndpoint};
use crate::api::query::encode_component;

/// What may be done to one op.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpAction {
    Restart,
    Stop,
}

impl OpAction {
    /// The route's last segment.
    pub fn segment(self) -> &'static str {
        match self {
            OpAction::Restart => "restart",
            OpAction::Stop => "stop",
        }
    }

    /// The button's word.
    pub fn label(self) -> &'static str {
        match self {
            OpAction::Restart => "Restart",
            OpAction::Stop => "Stop",
        }
    }
}

fn job_url(base: &str, job: &str) -> String {
    format!(
        "{}/job/{}",
        base.trim_end_matches('/'),
        encode_component(job)
    )
}

/// `{base}/job/{job}/endpoints`.
pub fn endpoints_url(base: &str, job: &str) -> String {
    format!("{}/endpoints", job_url(base, job))
}

/// `{base}/job/{job}/ops`.
pub fn ops_url(base: &str, job: &str) -> String {
    format!("{}/ops", job_url(base, job))
}

/// `{base}/job/{job}/group/{group}/operation/{op}/restart|stop`.
pub fn op_url(base: &str, job: &str, group: &str, op: &str, action: OpAction) -> String {
    format!(
        "{}/group/{}/operation/{}/{}",
        job_url(base, job),
        encode_component(group),
        encode_component(op),
        action.segment()
    )
}

/// `scheme://host[:port]` of a node URL: what a browser counts connections by.
pub fn origin_of(url: &str) -> &str {
    let rest = url.find("://").map_or(0, |i| i + 3);
    match url[rest..].find('/') {
        Some(i) => &url[..rest + i],
        None => url,
    }
}

/// A 404 for the route itself (the node is older than the route), not for the job: the
/// web framework's own page, `Cannot GET /job/...`.
pub fn is_missing_route(status: u16, body: &str) -> bool {
    status == 404 && (body.contains("Cannot GET ") || body.contains("Cannot POST "))
}

/// How a node route answered, read once for every route here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteError {
    /// The node lacks the route: say so, never retry.
    Missing,
    /// 401/403: refresh the node header once.
    Unauthorized,
    /// Anything else, in plain words.
    Failed(String),
}

/// The error of a non-2xx answer.
pub fn route_error(status: u16, body: &str) -> RouteError {
    if is_missing_route(status, body) {
        RouteError::Missing
    } else if matches!(status, 401 | 403) {
        RouteError::Unauthorized
    } else {
        RouteError::Failed(http_status_message(status))
    }
}

/// `GET /endpoints`: the endpoints and the job's overall status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EndpointsAnswer {
    pub urls: Vec<NodeEndpoint>,
    /// `ONLINE` or `OFFLINE` as sent; empty when absent.
    pub status: String,
}

/// Reads the `/endpoints` answer leniently; `None` when it is not a JSON object.
pub fn parse_endpoints(body: &str) -> Option<EndpointsAnswer> {
    let v: Value = serde_json::from_str(body).ok()?;
    let o = v.as_object()?;
    Some(EndpointsAnswer {
        urls: o.get("urls").map(endpoint_map).unwrap_or_default(),
        status: o
            .get("status")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
    })
}

/// Reads `GET /ops` (`{"<opId>": "<status>"}`) in the node's order; `None` when it is not an
/// object.
pub fn parse_ops(body: &str) -> Option<Vec<(String, String)>> {
    let v: Value = serde_json::from_str(body).ok()?;
    Some(
        v.as_object()?
            .iter()
            .map(|(op, s)| (op.clone(), s.as_str().unwrap_or("").to_string()))
            .collect(),
    )
}

/// The node's answer to a restart or stop, in words: its `message` on success, its `error`
/// (or the status in words) on failure.
pub fn op_answer(status: u16, body: &str) -> Result<String, RouteError> {
    let field = |k: &str| {
        serde_json::from_str::<Value>(body)
            .ok()
            .and_then(|v| v.get(k).and_then(Value::as_str).map(str::to_string))
            .filter(|s| !s.trim().is_empty())
    };
    if (200..300).contains(&status) {
        return Ok(field("message").unwrap_or_else(|| format!("The node answered {status}.")));
    }
    match route_error(status, body) {
        RouteError::Failed(words) => Err(RouteError::Failed(match field("error") {
            Some(e) => format!("The node refused: {e} ({status})."),
            None => words,
        })),
        other => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_escape_their_parts() {
        let base = "http://h/nodes/N/";
        assert_eq!(endpoints_url(base, "J"), "http://h/nodes/N/job/J/endpoints");
        assert_eq!(ops_url(base, "J"), "http://h/nodes/N/job/J/ops");
        assert_eq!(
            op_url(base, "J", "g 1", "web/x", OpAction::Restart),
            "http://h/nodes/N/job/J/group/g%201/operation/web%2Fx/restart"
        );
        assert!(op_url(base, "J", "g", "o", OpAction::Stop).ends_with("/operation/o/stop"));
    }

    #[test]
    fn origins() {
        assert_eq!(
            origin_of("http://127.0.0.1:8080/nodes/N"),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            origin_of("https://n.node.k8s.prd.nos.ci"),
            "https://n.node.k8s.prd.nos.ci"
        );
        assert_eq!(origin_of("/nodes/N"), "");
    }

    #[test]
    fn a_missing_route_is_told_from_a_missing_job() {
        assert!(is_missing_route(
            404,
            "<pre>Cannot GET /job/J/endpoints</pre>"
        ));
        assert!(is_missing_route(
            404,
            "Cannot POST /job/J/group/g/operation/o/stop"
        ));
        assert!(!is_missing_route(
            404,
            "No running job with that address..."
        ));
        assert!(!is_missing_route(500, "Cannot GET /x"));
        assert_eq!(route_error(404, "Cannot GET /x"), RouteError::Missing);
        assert_eq!(route_error(401, "Unauthorized"), RouteError::Unauthorized);
        assert!(
            matches!(route_error(404, "No running job"), RouteError::Failed(m) if m.contains("no such job"))
        );
    }

    #[test]
    fn endpoints_and_ops_are_read_leniently() {
        let a = parse_endpoints(
            r#"{"urls": {"web-80": {"opID": "web", "port": 80, "url": "https://u", "status": "OFFLINE"},
                "odd": 5, "api": {"opId": "api", "port": "8080"}}, "status": "OFFLINE"}"#,
        )
        .unwrap();
        assert_eq!(a.status, "OFFLINE");
        assert_eq!(a.urls.len(), 2);
        assert_eq!(a.urls[0].id, "api");
        assert_eq!(a.urls[0].status, "UNKNOWN");
        assert_eq!(a.urls[1].port.as_deref(), Some("80"));
        assert_eq!(a.urls[1].op_id.as_deref(), Some("web"));
        assert_eq!(parse_endpoints("[]"), None);
        assert_eq!(parse_endpoints("{}").unwrap().urls.len(), 0);
        assert_eq!(
            parse_ops(r#"{"web": "running", "x": null}"#).unwrap(),
            [
                ("web".to_string(), "running".to_string()),
                ("x".to_string(), String::new())
            ]
        );
        assert_eq!(parse_ops("nope"), None);
    }

    #[test]
    fn op_answers_in_words() {
        assert_eq!(
            op_answer(202, r#"{"message": "Operation restarted"}"#),
            Ok("Operation restarted".to_string())
        );
        assert_eq!(op_answer(200, ""), Ok("The node answered 200.".to_string()));
        assert_eq!(
            op_answer(500, r#"{"error": "Operation web not found"}"#),
            Err(RouteError::Failed(
                "The node refused: Operation web not found (500).".to_string()
            ))
        );
        assert_eq!(op_answer(404, "Cannot POST /x"), Err(RouteError::Missing));
        assert_eq!(op_answer(401, ""), Err(RouteError::Unauthorized));
    }
}
