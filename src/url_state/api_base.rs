//! Where the API lives: the choices offered on the sign-in form and how a
//! choice becomes the base URL that every request is built on.

use crate::api::networks;

pub const MAINNET: &str = networks::MAINNET.api;
pub const DEVNET: &str = networks::DEVNET.api;
/// The API proxied (or faked) on the origin that serves the app.
pub const SAME_ORIGIN: &str = "/api";
pub const CUSTOM: &str = "custom";

/// (value, label) of each choice, in the order the form shows them.
pub const CHOICES: [(&str, &str); 4] = [
    (MAINNET, "Nosana mainnet"),
    (DEVNET, "Nosana devnet"),
    (SAME_ORIGIN, "This server (/api)"),
    (CUSTOM, "Custom URL"),
];

/// The base URL for a choice; `origin` is the page's own origin, e.g. `http://127.0.0.1:8080`.
pub fn resolve(choice: &str, custom: &str, origin: &str) -> Result<String, String> {
    let url = match choice {
        SAME_ORIGIN => format!("{}{SAME_ORIGIN}", origin.trim_end_matches('/')),
        CUSTOM => check_custom(custom.trim())?,
        other => other.to_string(),
    };
    Ok(url.trim_end_matches('/').to_string())
}

/// Which choice a saved base URL corresponds to, to preselect it.
pub fn choice_for(base_url: &str, origin: &str) -> (&'static str, String) {
    let same_origin = format!("{}{SAME_ORIGIN}", origin.trim_end_matches('/'));
    match base_url {
        MAINNET => (MAINNET, String::new()),
        DEVNET => (DEVNET, String::new()),
        url if url == same_origin => (SAME_ORIGIN, String::new()),
        url => (CUSTOM, url.to_string()),
    }
}

/// The choice `config.json`'s `api` names: a path (e.g. `/api`) is on the page's origin,
/// so `/api` is "This server (/api)"; an absolute URL may be a network or a custom URL.
pub fn choice_for_config(api: &str, origin: &str) -> (&'static str, String) {
    let api = api.trim().trim_end_matches('/');
    if api.starts_with('/') {
        let url = format!("{}{api}", origin.trim_end_matches('/'));
        return choice_for(&url, origin);
    }
    choice_for(api, origin)
}

fn check_custom(url: &str) -> Result<String, String> {
    if url.is_empty() {
        return Err("Enter the custom API URL, for example https://example.com/api.".into());
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("The API URL must start with https:// (or http:// for a local server).")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || url.chars().any(char::is_whitespace) {
        return Err("The API URL needs a host name and no spaces.".into());
    }
    if url.contains('?') || url.contains('#') || host.contains('@') {
        return Err("The API URL cannot carry a query, a fragment or credentials.".into());
    }
    Ok(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_choices_resolve_to_themselves() {
        assert_eq!(resolve(MAINNET, "", "http://x").unwrap(), MAINNET);
        assert_eq!(resolve(DEVNET, "ignored", "http://x").unwrap(), DEVNET);
    }

    #[test]
    fn same_origin_uses_the_page_origin() {
        assert_eq!(
            resolve(SAME_ORIGIN, "", "http://127.0.0.1:8080/").unwrap(),
            "http://127.0.0.1:8080/api"
        );
        assert_eq!(
            choice_for("http://127.0.0.1:8080/api", "http://127.0.0.1:8080").0,
            SAME_ORIGIN
        );
    }

    #[test]
    fn custom_urls_are_checked() {
        assert_eq!(
            resolve(CUSTOM, " https://api.example.com/api/ ", "").unwrap(),
            "https://api.example.com/api"
        );
        assert!(resolve(CUSTOM, "", "").is_err());
        assert!(resolve(CUSTOM, "ftp://x", "").is_err());
        assert!(resolve(CUSTOM, "javascript:alert(1)", "").is_err());
        assert!(resolve(CUSTOM, "https://", "").is_err());
        assert!(resolve(CUSTOM, "https://a b", "").is_err());
        assert!(resolve(CUSTOM, "https://u:p@host/api", "").is_err());
        assert!(resolve(CUSTOM, "https://host/api?key=1", "").is_err());
    }

    #[test]
    fn config_names_a_choice() {
        let origin = "http://127.0.0.1:8080";
        let cases = [
            ("/api", (SAME_ORIGIN, "")),
            ("/api/", (SAME_ORIGIN, "")),
            (MAINNET, (MAINNET, "")),
            (DEVNET, (DEVNET, "")),
            (
                "/gateway/api",
                (CUSTOM, "http://127.0.0.1:8080/gateway/api"),
            ),
            (
                "https://proxy.example/api",
                (CUSTOM, "https://proxy.example/api"),
            ),
        ];
        for (api, (choice, custom)) in cases {
            assert_eq!(
                choice_for_config(api, origin),
                (choice, custom.to_string()),
                "{api}"
            );
        }
    }

    #[test]
    fn unknown_saved_urls_become_custom() {
        assert_eq!(
            choice_for("https://proxy.example/api", "http://x"),
            (CUSTOM, "https://proxy.example/api".to_string())
        );
        assert_eq!(choice_for(MAINNET, "http://x").0, MAINNET);
    }
}
