//! The node header's sources (sign route, per-deployment fallback), `/config.json`, and
//! the node addresses jobs carry.
use crate::node_support::*;
use crate::support::*;
use fake_nosana::Options;
use serde_json::json;

const SIGN: &str = "/auth/sign-message/external";

#[tokio::test]
async fn the_sign_route_signs_for_the_keys_account() {
    let app = fake();
    let res = api(
        &app,
        "POST",
        SIGN,
        Some(json!({ "message": "nosana-auth", "includeTime": false })),
    )
    .await;
    assert_eq!(res.status, 200);
    let v = res.json();
    assert_eq!(v["message"], "nosana-auth");
    let signature = v["signature"].as_str().unwrap();
    assert_eq!(bs58::decode(signature).into_vec().unwrap().len(), 64);
    // Every deployment belongs to the account the header is signed for.
    for dep in seeded(&app).await {
        assert_eq!(dep["owner"], v["userAddress"]);
    }
    // The same account gets the same signature: a header without time does not expire.
    assert_eq!(node_header(&app).await, format!("nosana-auth:{signature}"));
}

#[tokio::test]
async fn the_sign_route_is_strict() {
    let app = fake();
    let no_key = send(
        &app,
        "POST",
        &format!("/api{SIGN}"),
        &[("content-type", "application/json")],
        Some(r#"{"message":"nosana-auth"}"#),
    )
    .await;
    assert_eq!((no_key.status, no_key.text.as_str()), (401, "Unauthorized"));
    let cases = [
        (json!({}), "body must have required property 'message'"),
        (
            json!({ "message": "" }),
            "body/message must NOT have fewer than 1 characters",
        ),
        (
            json!({ "message": "nosana-auth", "includeTime": "no" }),
            "body/includeTime must be boolean",
        ),
        (
            json!({ "message": "nosana-auth", "key": 1 }),
            "body must NOT have additional properties",
        ),
        (json!(["nosana-auth"]), "body must be object"),
    ];
    for (body, message) in cases {
        let res = api(&app, "POST", SIGN, Some(body.clone())).await;
        assert_eq!(res.status, 400, "{body}");
        assert_eq!(res.json()["code"], "FST_ERR_VALIDATION");
        assert_eq!(res.message(), message, "{body}");
    }
    let no_type = send(
        &app,
        "POST",
        &format!("/api{SIGN}"),
        &[("authorization", AUTH)],
        Some(r#"{"message":"nosana-auth"}"#),
    )
    .await;
    assert_eq!(no_type.status, 415);
    let wrong_method = get(&app, SIGN).await;
    assert_eq!(wrong_method.status, 404);
    assert_eq!(
        wrong_method.message(),
        "Route GET:/api/auth/sign-message/external not found"
    );
}

#[tokio::test]
async fn the_header_route_is_the_fallback() {
    let app = fake();
    let header = node_header(&app).await;
    configure(&app, json!({ "sign_message": false })).await;
    let gone = api(
        &app,
        "POST",
        SIGN,
        Some(json!({ "message": "nosana-auth" })),
    )
    .await;
    assert_eq!(gone.status, 404);
    assert_eq!(gone.json()["error"], "Not Found");

    let id = id_with_status(&app, "RUNNING").await;
    let path = format!("/deployments/{id}/header?message=nosana-auth&includeTime=false");
    let res = get(&app, &path).await;
    assert_eq!(res.status, 200);
    assert_eq!(res.json(), json!({ "header": header }));

    configure(&app, json!({ "header_bare": true })).await;
    let bare = get(&app, &path).await.json();
    assert_eq!(
        format!("nosana-auth:{}", bare["header"].as_str().unwrap()),
        header
    );

    let missing = get(&app, &format!("/deployments/{id}/header")).await;
    assert_eq!(
        (missing.status, missing.message()),
        (
            400,
            "querystring must have required property 'message'".into()
        )
    );
    let unknown = get(
        &app,
        "/deployments/7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU/header?message=nosana-auth",
    )
    .await;
    assert_eq!(
        (unknown.status, unknown.message()),
        (404, "Deployment not found.".into())
    );
    configure(&app, json!({ "deployment_header": false })).await;
    assert_eq!(get(&app, &path).await.json()["statusCode"], 404);
}

#[tokio::test]
async fn config_json_names_this_server_and_its_nodes() {
    let app = fake();
    let res = send(&app, "GET", "/config.json", &[], None).await;
    assert_eq!(res.status, 200);
    assert!(res
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    assert_eq!(
        res.json(),
        json!({ "api": "/api", "nodes": "/nodes/{node}" })
    );

    configure(&app, json!({ "config_json": false })).await;
    assert_eq!(
        send(&app, "GET", "/config.json", &[], None).await.status,
        404
    );
    control(&app, "POST", "/reset", None).await;
    assert_eq!(
        send(&app, "GET", "/config.json", &[], None).await.status,
        200
    );

    let without = fake_with(Options {
        config_json: false,
        ..Options::default()
    });
    assert_eq!(
        send(&without, "GET", "/config.json", &[], None)
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn running_jobs_have_node_addresses_and_queued_ones_none() {
    let app = fake();
    let mut running = 0;
    for dep in seeded(&app).await {
        let id = dep["id"].as_str().unwrap();
        let jobs = get(&app, &format!("/deployments/{id}/jobs?limit=100"))
            .await
            .json();
        for j in jobs["jobs"].as_array().unwrap() {
            match j["state"].as_str().unwrap() {
                "QUEUED" => assert!(j["node"].is_null(), "{j}"),
                _ => {
                    let node = j["node"].as_str().unwrap();
                    assert!(node.len() >= 43 && bs58::decode(node).into_vec().unwrap().len() == 32);
                    running += usize::from(j["state"] == "RUNNING");
                }
            }
        }
    }
    assert!(running > 0);
    let job = running_job(&app).await;
    let detail = get(
        &app,
        &format!("/deployments/{}/jobs/{}", job.deployment, job.job),
    )
    .await;
    assert_eq!(detail.json()["node"], job.node.as_str());
}
