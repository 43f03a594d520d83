//! Request-shape rules: methods, content types, ids.
use crate::support::*;
use serde_json::json;

#[tokio::test]
async fn wrong_method_is_route_not_found() {
    let app = fake();
    let id = id_with_status(&app, "STOPPED").await;
    let res = get(&app, &format!("/deployments/{id}/start")).await;
    assert_eq!(res.status, 404);
    assert_eq!(
        res.json(),
        json!({
            "message": format!("Route GET:/api/deployments/{id}/start not found"),
            "error": "Not Found",
            "statusCode": 404
        })
    );
    let res = api(&app, "POST", &format!("/deployments/{id}"), None).await;
    assert_eq!(
        res.json()["message"],
        format!("Route POST:/api/deployments/{id} not found")
    );
    // The docs page's spellings are not routes.
    let res = api(
        &app,
        "PATCH",
        &format!("/deployments/{id}/update-replicas"),
        Some(json!({"replicas": 1})),
    )
    .await;
    assert_eq!(res.status, 404);
    assert_eq!(get(&app, "/markets").await.status, 404);
    let res = get(&app, "/nope?x=1").await;
    assert_eq!(res.json()["message"], "Route GET:/api/nope?x=1 not found");
}

#[tokio::test]
async fn bodyless_requests_must_not_claim_json() {
    let app = fake();
    let id = id_with_status(&app, "STOPPED").await;
    let json_ct = [
        ("authorization", AUTH),
        ("content-type", "application/json"),
    ];
    for (method, path) in [
        ("GET", "/api/deployments".to_string()),
        ("GET", format!("/api/deployments/{id}")),
        ("POST", format!("/api/deployments/{id}/start")),
        ("DELETE", format!("/api/deployments/{id}")),
    ] {
        let res = send(&app, method, &path, &json_ct, None).await;
        assert_eq!(res.status, 400, "{method} {path}");
        assert_eq!(
            res.json(),
            json!({
                "statusCode": 400,
                "code": "FST_ERR_CTP_EMPTY_JSON_BODY",
                "error": "Bad Request",
                "message": "Body cannot be empty when content-type is set to 'application/json'"
            })
        );
    }
    // Nothing was started or deleted.
    assert_eq!(
        get(&app, &format!("/deployments/{id}")).await.json()["status"],
        "STOPPED"
    );
}

#[tokio::test]
async fn bodies_must_be_json() {
    let app = fake();
    let id = id_with_status(&app, "STOPPED").await;
    let path = format!("/api/deployments/{id}/update-replica-count");
    let res = send(
        &app,
        "PATCH",
        &path,
        &[("authorization", AUTH)],
        Some(r#"{"replicas":1}"#),
    )
    .await;
    assert_eq!(res.status, 415);
    assert_eq!(res.json()["code"], "FST_ERR_CTP_INVALID_MEDIA_TYPE");
    let text = [("authorization", AUTH), ("content-type", "text/plain")];
    let res = send(&app, "PATCH", &path, &text, Some(r#"{"replicas":1}"#)).await;
    assert_eq!(res.json()["message"], "Unsupported Media Type: text/plain");

    let json_ct = [
        ("authorization", AUTH),
        ("content-type", "application/json"),
    ];
    let res = send(&app, "PATCH", &path, &json_ct, Some(r#"{"replicas":"#)).await;
    assert_eq!(res.status, 400);
    assert_eq!(
        res.json(),
        json!({
            "statusCode": 400,
            "code": "FST_ERR_CTP_INVALID_JSON_BODY",
            "error": "Bad Request",
            "message": "Body is not valid JSON but content-type is set to 'application/json'"
        })
    );
    let res = send(&app, "PATCH", &path, &json_ct, None).await;
    assert_eq!(res.json()["code"], "FST_ERR_CTP_EMPTY_JSON_BODY");
    let charset = [
        ("authorization", AUTH),
        ("content-type", "application/json; charset=utf-8"),
    ];
    let res = send(&app, "PATCH", &path, &charset, Some(r#"{"replicas":1}"#)).await;
    assert_eq!(res.status, 200);
}

#[tokio::test]
async fn ids_must_be_base58_keys() {
    let app = fake();
    let cases = [
        (
            "abc".to_string(),
            "params/id must NOT have fewer than 43 characters",
        ),
        (
            "a".repeat(45),
            "params/id must NOT have more than 44 characters",
        ),
        (
            "0".repeat(44),
            "params/id must match pattern \"^[1-9A-HJ-NP-Za-km-z]+$\"",
        ),
    ];
    for (id, message) in cases {
        let res = get(&app, &format!("/deployments/{id}")).await;
        assert_eq!(res.status, 400);
        assert_eq!(res.json()["code"], "FST_ERR_VALIDATION");
        assert_eq!(res.message(), message);
    }
    let res = get(&app, &format!("/deployments/{}", "1".repeat(44))).await;
    assert_eq!(res.status, 404);
    assert_eq!(res.json(), json!({ "error": "Deployment not found." }));
}

#[tokio::test]
async fn job_detail_and_its_id() {
    let app = fake();
    let id = id_with_status(&app, "RUNNING").await;
    let jobs = get(&app, &format!("/deployments/{id}/jobs?state=RUNNING"))
        .await
        .json();
    let job = jobs["jobs"][0]["job"].as_str().unwrap().to_string();
    let detail = get(&app, &format!("/deployments/{id}/jobs/{job}")).await;
    assert_eq!(detail.status, 200);
    let d = detail.json();
    assert_eq!(d["state"], 1);
    for key in [
        "revision",
        "market",
        "node",
        "jobDefinition",
        "jobResult",
        "timeStart",
        "timeEnd",
        "listedAt",
        "confidential",
    ] {
        assert!(d.get(key).is_some(), "{key}");
    }
    assert_eq!(d["jobDefinition"]["version"], "0.1");

    let unknown = get(&app, &format!("/deployments/{id}/jobs/{}", "1".repeat(44))).await;
    assert_eq!(
        (unknown.status, unknown.json()),
        (404, json!({ "error": "Job not found." }))
    );
    let bad = get(&app, &format!("/deployments/{id}/jobs/short")).await;
    assert_eq!(
        bad.message(),
        "params/job must NOT have fewer than 43 characters"
    );
}

#[tokio::test]
async fn head_follows_get() {
    let app = fake();
    let res = send(
        &app,
        "HEAD",
        "/api/markets/",
        &[("authorization", AUTH)],
        None,
    )
    .await;
    assert_eq!(res.status, 200);
}
