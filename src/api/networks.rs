//! The Nosana networks the app knows by name: each one's API URL and where its nodes live.
//! The only place these URLs are written.

/// A Nosana network.
#[derive(Debug, PartialEq, Eq)]
pub struct Network {
    /// The API base URL (no trailing `/`).
    pub api: &'static str,
    /// The node URL template, `{node}` standing for the node's address.
    pub nodes: &'static str,
}

pub const MAINNET: Network = Network {
    api: "https://dashboard.k8s.prd.nos.ci/api",
    nodes: "https://{node}.node.k8s.prd.nos.ci",
};

pub const DEVNET: Network = Network {
    api: "https://dashboard.k8s.dev.nos.ci/api",
    nodes: "https://{node}.node.k8s.dev.nos.ci",
};

impl Network {
    /// The known network whose API is `api_base` (surrounding spaces and trailing `/` ignored).
    pub fn for_api(api_base: &str) -> Option<&'static Network> {
        let api = api_base.trim().trim_end_matches('/');
        [&MAINNET, &DEVNET].into_iter().find(|n| n.api == api)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_apis_name_their_network() {
        let cases: [(&str, Option<&Network>); 5] = [
            ("https://dashboard.k8s.prd.nos.ci/api", Some(&MAINNET)),
            (" https://dashboard.k8s.prd.nos.ci/api// ", Some(&MAINNET)),
            ("https://dashboard.k8s.dev.nos.ci/api/", Some(&DEVNET)),
            ("http://127.0.0.1:8080/api", None),
            ("https://dashboard.k8s.prd.nos.ci", None),
        ];
        for (api, network) in cases {
            assert_eq!(Network::for_api(api), network, "{api}");
        }
    }
}
