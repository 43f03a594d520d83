use crate::support::*;
use serde_json::json;

async fn with_auth(value: Option<&str>) -> Res {
    let app = fake();
    let headers: Vec<(&str, &str)> = value.map(|v| ("authorization", v)).into_iter().collect();
    send(&app, "GET", "/api/deployments", &headers, None).await
}

#[tokio::test]
async fn refused_keys_get_plain_text_401() {
    for value in [
        None,
        Some("nos_test"),
        Some("Basic nos_test"),
        Some("bearer nos_test"),
        Some("Bearer sk_live_123"),
        Some("Bearer nos_"),
        Some("Bearer "),
    ] {
        let res = with_auth(value).await;
        assert_eq!(res.status, 401, "{value:?}");
        assert_eq!(res.text, "Unauthorized");
        assert!(res
            .header("content-type")
            .unwrap()
            .starts_with("text/plain"));
    }
}

#[tokio::test]
async fn a_nos_key_is_accepted() {
    assert_eq!(with_auth(Some(AUTH)).await.status, 200);
}

#[tokio::test]
async fn revoked_keys_are_refused() {
    let app = fake();
    configure(&app, json!({ "revoked_keys": ["nos_test_key"] })).await;
    assert_eq!(get(&app, "/deployments").await.status, 401);
    let other = [("authorization", "Bearer nos_other")];
    assert_eq!(
        send(&app, "GET", "/api/deployments", &other, None)
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn the_key_is_checked_before_the_route() {
    let app = fake();
    let res = send(&app, "GET", "/api/nowhere", &[], None).await;
    assert_eq!(res.status, 401);
}

#[tokio::test]
async fn control_routes_need_no_key() {
    let app = fake();
    assert_eq!(control(&app, "GET", "/deployments", None).await.status, 200);
}
