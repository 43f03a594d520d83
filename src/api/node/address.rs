//! A job's node address. The node's base58 key goes into the template unchanged.

use crate::api::networks::{Network, MAINNET};

/// The System Program address the API uses for "no node yet".
pub const NO_NODE: &str = "11111111111111111111111111111111";

/// The job's node, or `None` when there is none to connect to
/// (`null`, absent, empty, or [`NO_NODE`]).
pub fn job_node(node: Option<&str>) -> Option<&str> {
    node.map(str::trim)
        .filter(|n| !n.is_empty() && *n != NO_NODE)
}

/// The node URL template for an API base: mainnet and devnet have fixed ones; any other
/// API (this server, custom) takes `config.json`'s `nodes`, else mainnet's.
pub fn node_template<'a>(api_base: &str, config_nodes: Option<&'a str>) -> &'a str {
    if let Some(network) = Network::for_api(api_base) {
        return network.nodes;
    }
    config_nodes
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or(MAINNET.nodes)
}

/// The node's base URL (no trailing `/`). `origin` (e.g. `http://127.0.0.1:8080`) resolves
/// a template that starts with `/`. `None` when the job has no node.
pub fn node_base(
    api_base: &str,
    config_nodes: Option<&str>,
    origin: &str,
    node: Option<&str>,
) -> Option<String> {
    let node = job_node(node)?;
    let template = node_template(api_base, config_nodes);
    let filled = template.replace("{node}", node);
    let url = if filled.starts_with('/') {
        format!("{}{filled}", origin.trim_end_matches('/'))
    } else {
        filled
    };
    Some(url.trim_end_matches('/').to_string())
}

/// The WebSocket URL for a node base: `https` -> `wss`, `http` -> `ws`, path `/`
/// (appended to a base that has a path, e.g. `ws://host/nodes/X/`).
pub fn websocket_url(base: &str) -> String {
    let base = base.trim().trim_end_matches('/');
    let url = if let Some(rest) = base.strip_prefix("https://") {
        format!("wss://{rest}")
    } else if let Some(rest) = base.strip_prefix("http://") {
        format!("ws://{rest}")
    } else {
        base.to_string()
    };
    format!("{url}/")
}

/// `{base}/job/{job}/info`: the job's status stream on its node.
pub fn info_url(base: &str, job: &str) -> String {
    format!(
        "{}/job/{}/info",
        base.trim_end_matches('/'),
        crate::api::query::encode_component(job)
    )
}
