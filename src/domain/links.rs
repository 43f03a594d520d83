//! Which URLs from the API may become clickable links. The API's data is not
//! ours: a `javascript:` or `data:` URL must never reach an `href`.

/// The URL, trimmed, when it is an absolute `http` or `https` URL with a host;
/// `None` for anything else, which is then shown as plain text.
pub fn web_link(url: &str) -> Option<&str> {
    let url = url.trim();
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let (scheme, rest) = url.split_once("://")?;
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // `user@` is dropped before looking for a host: "https://@/x" has none.
    let host = host.rsplit('@').next().unwrap_or_default();
    (web && !host.is_empty() && !host.starts_with(':')).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_urls_are_links() {
        let url = "https://abc.node.k8s.prd.nos.ci";
        assert_eq!(web_link(url), Some(url));
        assert_eq!(
            web_link(" http://host:8080/path?q=1 "),
            Some("http://host:8080/path?q=1")
        );
        assert_eq!(web_link("HTTPS://Example.com"), Some("HTTPS://Example.com"));
    }

    #[test]
    fn other_schemes_are_text() {
        for url in [
            "javascript:alert(1)",
            "JavaScript://example.com/%0Aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "ftp://example.com",
            "file:///etc/passwd",
            "//example.com",
            "example.com",
            "",
        ] {
            assert_eq!(web_link(url), None, "{url}");
        }
    }

    #[test]
    fn urls_without_a_host_or_with_hidden_characters_are_text() {
        for url in [
            "https://",
            "https:///path",
            "http://@/x",
            "https://:80",
            "java\tscript:alert(1)",
            "https://exa mple.com",
            "https://example.com/\nx",
        ] {
            assert_eq!(web_link(url), None, "{url:?}");
        }
    }
}
