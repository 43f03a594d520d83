//! The optional `/config.json` a host serves next to the app (contract: "config.json").
//!
//! Parsing is lenient on purpose: a missing file answered by an SPA fallback
//! (HTML), invalid JSON or a field of the wrong type must leave the defaults,
//! never stop the app from starting.

use serde_json::Value;

use super::models::text_field;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppConfig {
    /// The API base to preselect on sign-in, e.g. `/api` or an absolute URL.
    pub api: Option<String>,
    /// Template of a node's address, `{node}` standing for the node's address.
    pub nodes: Option<String>,
}

impl AppConfig {
    pub fn parse(text: &str) -> AppConfig {
        let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) else {
            return AppConfig::default();
        };
        AppConfig {
            api: text_field(&map, "api"),
            nodes: text_field(&map, "nodes"),
        }
    }
}

/// `/config.json` from the app's own origin; a missing or unreadable file means defaults.
#[cfg(target_arch = "wasm32")]
pub async fn load() -> AppConfig {
    let Ok(response) = gloo_net::http::Request::get("/config.json").send().await else {
        return AppConfig::default();
    };
    if !response.ok() {
        return AppConfig::default();
    }
    match response.text().await {
        Ok(text) => AppConfig::parse(&text),
        Err(_) => AppConfig::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_fields() {
        let c = AppConfig::parse(r#"{"api": "/api", "nodes": "/nodes/{node}", "extra": 1}"#);
        assert_eq!(c.api.as_deref(), Some("/api"));
        assert_eq!(c.nodes.as_deref(), Some("/nodes/{node}"));
    }

    #[test]
    fn unreadable_text_means_defaults() {
        for text in [
            "",
            "<!doctype html><html></html>",
            "{",
            "[1]",
            "\"/api\"",
            "null",
        ] {
            assert_eq!(AppConfig::parse(text), AppConfig::default(), "{text}");
        }
    }

    #[test]
    fn wrong_types_and_blanks_are_ignored_per_field() {
        let c = AppConfig::parse(r#"{"api": 5, "nodes": "  "}"#);
        assert_eq!(c, AppConfig::default());
        let c = AppConfig::parse(r#"{"api": "https://x.example/api", "nodes": ["a"]}"#);
        assert_eq!(c.api.as_deref(), Some("https://x.example/api"));
        assert_eq!(c.nodes, None);
    }
}
