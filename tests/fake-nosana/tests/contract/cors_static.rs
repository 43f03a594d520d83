use std::path::PathBuf;

use crate::support::*;
use fake_nosana::Options;

/// A throwaway dist/ with an index, a script and its gzip sibling.
fn dist(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fake-nosana-{name}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    std::fs::write(dir.join("assets/app.js"), "console.log('plain')").unwrap();
    std::fs::write(dir.join("assets/app.js.gz"), "pretend-gzip").unwrap();
    dir
}

fn with_dist(name: &str, csp: Option<&str>) -> axum::Router {
    fake_with(Options {
        dist: Some(dist(name)),
        csp: csp.map(str::to_string),
        ..Options::default()
    })
}

#[tokio::test]
async fn serves_files_and_falls_back_to_index() {
    let app = with_dist("spa", Some("default-src 'self'"));
    let index = send(&app, "GET", "/", &[], None).await;
    assert_eq!(index.status, 200);
    assert!(index.text.contains("<title>app</title>"));
    assert_eq!(index.header("cache-control"), Some("no-cache"));
    assert_eq!(
        index.header("content-security-policy"),
        Some("default-src 'self'")
    );

    for deep in [
        "/deployments/abc",
        "/sign-in",
        "/deployments/abc/edit?tab=2",
    ] {
        let res = send(&app, "GET", deep, &[], None).await;
        assert_eq!(res.status, 200, "{deep}");
        assert!(res.text.contains("<title>app</title>"));
        assert_eq!(res.header("cache-control"), Some("no-cache"));
    }

    let script = send(&app, "GET", "/assets/app.js", &[], None).await;
    assert_eq!(script.text, "console.log('plain')");
    assert_ne!(script.header("cache-control"), Some("no-cache"));
    let gz = send(
        &app,
        "GET",
        "/assets/app.js",
        &[("accept-encoding", "gzip")],
        None,
    )
    .await;
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert_eq!(gz.text, "pretend-gzip");
}

#[tokio::test]
async fn api_and_control_paths_are_not_static() {
    let app = with_dist("paths", None);
    let api = send(&app, "GET", "/api/deployments", &[], None).await;
    assert_eq!(api.status, 401);
    let missing_route = send(
        &app,
        "GET",
        "/api/unknown",
        &[("authorization", AUTH)],
        None,
    )
    .await;
    assert_eq!(missing_route.json()["statusCode"], 404);
    assert_eq!(
        send(&app, "GET", "/__fake/unknown", &[], None).await.status,
        404
    );
}

#[tokio::test]
async fn without_dist_there_is_no_app() {
    assert_eq!(send(&fake(), "GET", "/", &[], None).await.status, 404);
}

#[tokio::test]
async fn preflight_from_a_foreign_origin_allows_patch_and_delete() {
    let app = fake();
    for method in ["PATCH", "DELETE"] {
        let headers = [
            ("origin", "http://localhost:8080"),
            ("access-control-request-method", method),
            (
                "access-control-request-headers",
                "authorization,content-type",
            ),
        ];
        let res = send(
            &app,
            "OPTIONS",
            "/api/deployments/x/update-name",
            &headers,
            None,
        )
        .await;
        assert_eq!(res.status, 200);
        assert_eq!(
            res.header("access-control-allow-origin"),
            Some("http://localhost:8080")
        );
        let methods = res.header("access-control-allow-methods").unwrap();
        assert!(methods.contains(method), "{methods}");
        let allowed = res
            .header("access-control-allow-headers")
            .unwrap()
            .to_lowercase();
        assert!(allowed.contains("authorization") && allowed.contains("content-type"));
    }
    // Preflights are not API requests: no key needed, nothing logged.
    assert_eq!(
        control(&app, "GET", "/requests", None).await.json(),
        serde_json::json!([])
    );
}

#[tokio::test]
async fn answers_carry_the_origin() {
    let app = fake();
    let headers = [("origin", "http://localhost:8080"), ("authorization", AUTH)];
    let ok = send(&app, "GET", "/api/markets/", &headers, None).await;
    assert_eq!(
        ok.header("access-control-allow-origin"),
        Some("http://localhost:8080")
    );
    let refused = send(
        &app,
        "GET",
        "/api/markets/",
        &[("origin", "http://localhost:8080")],
        None,
    )
    .await;
    assert_eq!(refused.status, 401);
    assert_eq!(
        refused.header("access-control-allow-origin"),
        Some("http://localhost:8080")
    );
}
