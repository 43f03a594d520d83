//! Endpoint health: what each replica's node says about each endpoint (from
//! `GET /job/{job}/endpoints` and the `secrets` of its `/info` frames), and one word per
//! deployment endpoint, split by replica only where the replicas differ.

use crate::api::node::info::NodeEndpoint;
pub use crate::domain::logs::status::Health;

/// A replica's endpoints from the two sources, the newer one winning per endpoint. The
/// `/info` frames hold no timestamp of their own: the caller counts arrivals.
pub fn merge(
    route: &[NodeEndpoint],
    route_seq: u64,
    info: &[NodeEndpoint],
    info_seq: u64,
) -> Vec<NodeEndpoint> {
    let (old, new) = if info_seq >= route_seq {
        (route, info)
    } else {
        (info, route)
    };
    let mut out: Vec<NodeEndpoint> = new.to_vec();
    for e in old {
        if !out.iter().any(|n| n.id == e.id) {
            out.push(e.clone());
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// Whether the node's endpoint is the deployment's `op`:`port` at `url`: the same URL, or
/// (when either has no URL) the same op and port.
pub fn same_endpoint(op: &str, port: &str, url: &str, node: &NodeEndpoint) -> bool {
    let norm = |u: &str| u.trim().trim_end_matches('/').to_ascii_lowercase();
    match node.url.as_deref().filter(|u| !u.trim().is_empty()) {
        Some(u) if !url.trim().is_empty() => norm(u) == norm(url),
        _ => node.op_id.as_deref() == Some(op) && node.port.as_deref() == Some(port),
    }
}

/// One replica's word for an endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// "Replica 1".
    pub replica: String,
    pub health: Health,
}

/// The word for a deployment endpoint: `ONLINE` when every replica that reports it says so,
/// `ONLINE on Replica 1, OFFLINE on Replica 2` when they differ; `None` when none reports it.
pub fn summary(seen: &[Seen]) -> Option<String> {
    let first = seen.first()?;
    if seen.iter().all(|s| s.health == first.health) {
        return Some(first.health.label().to_string());
    }
    Some(
        seen.iter()
            .map(|s| format!("{} on {}", s.health.label(), s.replica))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// The tone of a summary: the worst word in it (any OFFLINE is offline).
pub fn worst(seen: &[Seen]) -> Health {
    if seen.iter().any(|s| s.health == Health::Down) {
        Health::Down
    } else if !seen.is_empty() && seen.iter().all(|s| s.health == Health::Up) {
        Health::Up
    } else {
        Health::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ep(id: &str, status: &str) -> NodeEndpoint {
        NodeEndpoint {
            id: id.into(),
            op_id: Some("web".into()),
            port: Some("80".into()),
            url: Some(format!("https://{id}.example")),
            status: status.into(),
        }
    }

    fn seen(replica: &str, health: Health) -> Seen {
        Seen {
            replica: replica.into(),
            health,
        }
    }

    #[test]
    fn the_newer_source_wins_and_others_are_kept() {
        let route = [ep("a", "ONLINE"), ep("b", "ONLINE")];
        let info = [ep("a", "OFFLINE")];
        let merged = merge(&route, 1, &info, 2);
        let got: Vec<_> = merged
            .iter()
            .map(|e| (e.id.as_str(), e.status.as_str()))
            .collect();
        assert_eq!(got, [("a", "OFFLINE"), ("b", "ONLINE")]);
        let merged = merge(&route, 3, &info, 2);
        assert_eq!(merged[0].status, "ONLINE");
    }

    #[test]
    fn endpoints_match_by_url_else_op_and_port() {
        let e = ep("x", "ONLINE");
        assert!(same_endpoint("other", "1", "https://X.example/", &e));
        assert!(!same_endpoint("web", "80", "https://y.example", &e));
        let bare = NodeEndpoint { url: None, ..e };
        assert!(same_endpoint("web", "80", "https://y.example", &bare));
        assert!(!same_endpoint("web", "81", "", &bare));
    }

    #[test]
    fn one_word_when_replicas_agree_and_per_replica_when_not() {
        assert_eq!(summary(&[]), None);
        let agree = [seen("Replica 1", Health::Up), seen("Replica 2", Health::Up)];
        assert_eq!(summary(&agree).as_deref(), Some("ONLINE"));
        assert_eq!(worst(&agree), Health::Up);
        let differ = [
            seen("Replica 1", Health::Up),
            seen("Replica 2", Health::Down),
        ];
        assert_eq!(
            summary(&differ).as_deref(),
            Some("ONLINE on Replica 1, OFFLINE on Replica 2")
        );
        assert_eq!(worst(&differ), Health::Down);
        let unknown = [seen("Replica 1", Health::Unknown)];
        assert_eq!(summary(&unknown).as_deref(), Some("UNKNOWN"));
        assert_eq!(worst(&unknown), Health::Unknown);
    }
}
