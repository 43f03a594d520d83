use crate::support::*;
use serde_json::{json, Value};

async fn market(app: &axum::Router) -> String {
    get(app, "/markets/").await.json()[0]["address"]
        .as_str()
        .unwrap()
        .to_string()
}

fn body(market: &str) -> Value {
    json!({
        "name": "my-llm",
        "market": market,
        "replicas": 2,
        "timeout": 120,
        "strategy": "SIMPLE",
        "job_definition": nginx_definition()
    })
}

async fn create(app: &axum::Router, body: Value) -> Res {
    api(app, "POST", "/deployments/create", Some(body)).await
}

#[tokio::test]
async fn creates_a_draft_with_revision_one() {
    let app = fake();
    let m = market(&app).await;
    let res = create(&app, body(&m)).await;
    assert_eq!(res.status, 200, "{}", res.text);
    let dep = res.json();
    assert_eq!(dep["status"], "DRAFT");
    assert_eq!(dep["active_revision"], 1);
    assert_eq!(dep["replicas"], 2);
    assert_eq!(dep["market"], m.as_str());
    assert!((43..=44).contains(&dep["id"].as_str().unwrap().len()));
    let id = dep["id"].as_str().unwrap();
    assert_eq!(get(&app, &format!("/deployments/{id}")).await.json(), dep);
    let revisions = get(&app, &format!("/deployments/{id}/revisions"))
        .await
        .json();
    assert_eq!(revisions["revisions"][0]["revision"], 1);
    assert_eq!(
        revisions["revisions"][0]["job_definition"],
        nginx_definition()
    );
    assert_eq!(
        get(&app, "/deployments").await.json()["pagination"]["total_items"],
        31
    );
}

#[tokio::test]
async fn autostart_starts_it() {
    let app = fake();
    let mut b = body(&market(&app).await);
    b["autostart"] = json!(true);
    b["confidential"] = json!(true);
    let dep = create(&app, b).await.json();
    assert_eq!(dep["status"], "STARTING");
    assert_eq!(dep["confidential"], true);
}

#[tokio::test]
async fn strategies_and_their_fields() {
    let app = fake();
    let m = market(&app).await;
    let mut scheduled = body(&m);
    scheduled["strategy"] = json!("SCHEDULED");
    let res = create(&app, scheduled.clone()).await;
    assert_eq!(res.message(), "body must have required property 'schedule'");
    scheduled["schedule"] = json!("0 25 * * *");
    assert_eq!(
        create(&app, scheduled.clone()).await.json(),
        json!({ "error": "Invalid cron expression." })
    );
    scheduled["schedule"] = json!("0 */2 * * *");
    assert_eq!(
        create(&app, scheduled).await.json()["schedule"],
        "0 */2 * * *"
    );

    let mut infinite = body(&m);
    infinite["strategy"] = json!("INFINITE");
    infinite["timeout"] = json!(30);
    assert_eq!(
        create(&app, infinite.clone()).await.message(),
        "body/timeout must be >= 60"
    );
    infinite["timeout"] = json!(60);
    infinite["rotation_time"] = json!(55);
    let res = create(&app, infinite.clone()).await;
    assert_eq!(res.status, 400);
    assert!(res.json()["error"]
        .as_str()
        .unwrap()
        .contains("rotation_time"));
    infinite["rotation_time"] = json!(50);
    assert_eq!(create(&app, infinite).await.json()["rotation_time"], 50);

    let mut simple = body(&m);
    simple["rotation_time"] = json!(10);
    assert_eq!(
        create(&app, simple).await.message(),
        "body must NOT have additional properties"
    );
}

#[tokio::test]
async fn refused_bodies() {
    let app = fake();
    let m = market(&app).await;
    let mut unknown_market = body(&m);
    unknown_market["market"] = json!("1".repeat(44));
    let res = create(&app, unknown_market).await;
    assert_eq!(
        (res.status, res.json()),
        (400, json!({ "error": "Market not found." }))
    );

    let cases: Vec<(&str, Value, &str)> = vec![
        ("replicas", json!(0), "body/replicas must be >= 1"),
        ("timeout", json!(0), "body/timeout must be >= 1"),
        (
            "name",
            json!(""),
            "body/name must NOT have fewer than 1 characters",
        ),
        (
            "strategy",
            json!("ONCE"),
            "body/strategy must be equal to one of the allowed values",
        ),
        (
            "job_definition",
            json!({ "version": "0.1", "type": "container", "ops": {} }),
            "body/job_definition/ops must be array",
        ),
        ("autostart", json!("true"), "body/autostart must be boolean"),
    ];
    for (key, value, message) in cases {
        let mut b = body(&m);
        b[key] = value;
        let res = create(&app, b).await;
        assert_eq!(res.status, 400, "{key}");
        assert_eq!(res.message(), message);
    }
    let mut missing = body(&m);
    missing.as_object_mut().unwrap().remove("job_definition");
    assert_eq!(
        create(&app, missing).await.message(),
        "body must have required property 'job_definition'"
    );
}
