//! Route paths of the app, written once.

use crate::api::query::encode_component;

pub const SIGN_IN: &str = "/sign-in";
pub const DEPLOYMENTS: &str = "/deployments";
pub const NEW_DEPLOYMENT: &str = "/deployments/new";

pub fn deployment(id: &str) -> String {
    format!("{DEPLOYMENTS}/{}", encode_component(id))
}

pub fn edit(id: &str) -> String {
    format!("{DEPLOYMENTS}/{}/edit", encode_component(id))
}

/// The create page prefilled from deployment `id` ("Duplicate").
pub fn duplicate(id: &str) -> String {
    format!("{NEW_DEPLOYMENT}?from={}", encode_component(id))
}

/// The sign-in page, remembering where to go back to afterwards.
pub fn sign_in_then(next: &str) -> String {
    match safe_next(next) {
        Some(next) if next != SIGN_IN => format!("{SIGN_IN}?next={}", encode_component(next)),
        _ => SIGN_IN.to_string(),
    }
}

/// Only same-origin paths are followed after sign-in, so a crafted link
/// cannot bounce a freshly signed-in user to another site.
pub fn safe_next(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control());
    ok.then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_encoded_into_paths() {
        assert_eq!(deployment("abc"), "/deployments/abc");
        assert_eq!(edit("a/b"), "/deployments/a%2Fb/edit");
        assert_eq!(duplicate("abc"), "/deployments/new?from=abc");
        assert_eq!(duplicate("a&b=c"), "/deployments/new?from=a%26b%3Dc");
    }

    #[test]
    fn next_keeps_the_query() {
        assert_eq!(
            sign_in_then("/deployments?status=RUNNING"),
            "/sign-in?next=%2Fdeployments%3Fstatus%3DRUNNING"
        );
        assert_eq!(sign_in_then("/sign-in"), "/sign-in");
    }

    #[test]
    fn foreign_next_is_refused() {
        assert_eq!(safe_next("https://evil.example"), None);
        assert_eq!(safe_next("//evil.example/x"), None);
        assert_eq!(safe_next("/\\evil.example"), None);
        assert_eq!(safe_next("/deployments/x"), Some("/deployments/x"));
        assert_eq!(sign_in_then("//evil.example"), "/sign-in");
    }
}
