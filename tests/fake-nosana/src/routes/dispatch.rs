//! The route table of the API, matched by hand so that a wrong method or an
//! unknown path gets Fastify's "route not found" 404 (not axum's 405).

use axum::http::Method;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Start,
    Stop,
    Archive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Update {
    ActiveRevision,
    ReplicaCount,
    Schedule,
    Timeout,
    Name,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Deployments,
    Create,
    Markets,
    Credits,
    Deployment(String),
    Delete(String),
    CreateRevision(String),
    Update(String, Update),
    Action(String, Action),
    Jobs(String),
    Job(String, String),
    Revisions(String),
    Events(String),
    Tasks(String),
    Stream(String),
    /// `POST /auth/sign-message/external`: the node header, signed for the key's account.
    SignMessage,
    /// `GET /deployments/{id}/header`: the older gateways' way to the node header.
    Header(String),
}

impl Route {
    /// Routes whose schema has a body (and so need `Content-Type: application/json`).
    pub fn takes_body(&self) -> bool {
        matches!(
            self,
            Route::Create | Route::CreateRevision(_) | Route::Update(..) | Route::SignMessage
        )
    }

    /// The deployment id in the path, if any.
    pub fn deployment_id(&self) -> Option<&str> {
        match self {
            Route::Deployments
            | Route::Create
            | Route::Markets
            | Route::Credits
            | Route::SignMessage => None,
            Route::Deployment(id)
            | Route::Delete(id)
            | Route::CreateRevision(id)
            | Route::Update(id, _)
            | Route::Action(id, _)
            | Route::Jobs(id)
            | Route::Job(id, _)
            | Route::Revisions(id)
            | Route::Events(id)
            | Route::Tasks(id)
            | Route::Stream(id)
            | Route::Header(id) => Some(id),
        }
    }
}

/// Matches a path relative to the API base. HEAD goes wherever GET goes,
/// as Fastify exposes HEAD for every GET route.
pub fn route(method: &Method, path: &str) -> Option<Route> {
    let segments: Vec<String> = path
        .strip_prefix('/')?
        .split('/')
        .map(percent_decode)
        .collect();
    let seg: Vec<&str> = segments.iter().map(String::as_str).collect();
    let get = *method == Method::GET || *method == Method::HEAD;
    let post = *method == Method::POST;
    let patch = *method == Method::PATCH;
    let id = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let route = match seg.as_slice() {
        ["deployments"] if get => Route::Deployments,
        ["deployments", "create"] if post => Route::Create,
        ["markets", ""] if get => Route::Markets,
        ["credits", "balance"] if get => Route::Credits,
        ["auth", "sign-message", "external"] if post => Route::SignMessage,
        ["deployments", d] if get => Route::Deployment(id(d)?),
        ["deployments", d] if *method == Method::DELETE => Route::Delete(id(d)?),
        ["deployments", d, tail] => {
            let d = id(d)?;
            match *tail {
                "create-revision" if post => Route::CreateRevision(d),
                "update-active-revision" if patch => Route::Update(d, Update::ActiveRevision),
                "update-replica-count" if patch => Route::Update(d, Update::ReplicaCount),
                "update-schedule" if patch => Route::Update(d, Update::Schedule),
                "update-timeout" if patch => Route::Update(d, Update::Timeout),
                "update-name" if patch => Route::Update(d, Update::Name),
                "start" if post => Route::Action(d, Action::Start),
                "stop" if post => Route::Action(d, Action::Stop),
                "archive" if post => Route::Action(d, Action::Archive),
                "jobs" if get => Route::Jobs(d),
                "revisions" if get => Route::Revisions(d),
                "events" if get => Route::Events(d),
                "tasks" if get => Route::Tasks(d),
                "stream" if get => Route::Stream(d),
                "header" if get => Route::Header(d),
                _ => return None,
            }
        }
        ["deployments", d, "jobs", j] if get => Route::Job(id(d)?, id(j)?),
        _ => return None,
    };
    Some(route)
}

/// Path parameters arrive percent-encoded; a malformed escape stays as is.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_contract_table() {
        let id = "x".repeat(44);
        let p = |tail: &str| format!("/deployments/{id}{tail}");
        assert_eq!(
            route(&Method::GET, "/deployments"),
            Some(Route::Deployments)
        );
        assert_eq!(
            route(&Method::POST, "/deployments/create"),
            Some(Route::Create)
        );
        assert_eq!(route(&Method::GET, "/markets/"), Some(Route::Markets));
        assert_eq!(
            route(&Method::HEAD, "/credits/balance"),
            Some(Route::Credits)
        );
        assert_eq!(
            route(&Method::DELETE, &p("")),
            Some(Route::Delete(id.clone()))
        );
        assert_eq!(
            route(&Method::POST, &p("/start")),
            Some(Route::Action(id.clone(), Action::Start))
        );
        assert_eq!(
            route(&Method::PATCH, &p("/update-replica-count")),
            Some(Route::Update(id.clone(), Update::ReplicaCount))
        );
        assert_eq!(
            route(&Method::POST, "/auth/sign-message/external"),
            Some(Route::SignMessage)
        );
        assert_eq!(
            route(&Method::GET, &p("/header")),
            Some(Route::Header(id.clone()))
        );
        assert_eq!(
            route(&Method::GET, &p("/jobs/abc")),
            Some(Route::Job(id.clone(), "abc".into()))
        );
    }

    #[test]
    fn wrong_method_or_unknown_path_is_no_route() {
        let id = "x".repeat(44);
        assert_eq!(
            route(&Method::GET, &format!("/deployments/{id}/start")),
            None
        );
        assert_eq!(route(&Method::POST, &format!("/deployments/{id}")), None);
        assert_eq!(route(&Method::PUT, &format!("/deployments/{id}")), None);
        assert_eq!(route(&Method::GET, "/markets"), None);
        assert_eq!(route(&Method::GET, "/deployments/"), None);
        assert_eq!(
            route(&Method::POST, &format!("/deployments/{id}/revisions")),
            None
        );
        assert_eq!(
            route(
                &Method::PATCH,
                &format!("/deployments/{id}/update-replicas")
            ),
            None
        );
        assert_eq!(route(&Method::GET, "/nope"), None);
        assert_eq!(route(&Method::GET, "/auth/sign-message/external"), None);
        assert_eq!(
            route(&Method::POST, &format!("/deployments/{id}/header")),
            None
        );
    }

    #[test]
    fn get_on_create_is_a_deployment_lookup() {
        // Like the real router: GET /deployments/create matches /deployments/:id.
        assert_eq!(
            route(&Method::GET, "/deployments/create"),
            Some(Route::Deployment("create".into()))
        );
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("a%20b%zz"), "a b%zz");
    }
}
