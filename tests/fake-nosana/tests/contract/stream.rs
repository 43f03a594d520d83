use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::TcpStream;

use crate::support::*;
use serde_json::json;

const WAIT: Duration = Duration::from_secs(5);

/// A deployment's event stream, opened with the test key on the listening fake.
async fn open_stream(addr: SocketAddr, id: &str) -> TcpStream {
    let path = format!("/api/deployments/{id}/stream");
    raw(addr, "GET", &path, &[("Authorization", AUTH)]).await
}

#[tokio::test]
async fn starts_with_the_deployment_then_jobs_then_tasks() {
    let app = fake();
    let dep = find_seeded(&app, |d| {
        d["status"] == "RUNNING" && d["strategy"] == "SIMPLE-EXTEND"
    })
    .await;
    let id = dep["id"].as_str().unwrap();
    let replicas = dep["replicas"].as_u64().unwrap() as usize;
    let addr = listen(app.clone()).await;
    let mut conn = open_stream(addr, id).await;
    let text = read_until(&mut conn, "data: ", 2 + replicas, WAIT).await;
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(text
        .to_lowercase()
        .contains("content-type: text/event-stream"));
    let got = frames(&text);
    assert_eq!(got[0]["type"], "deployment");
    assert_eq!(got[0]["id"], id);
    assert_eq!(got[0]["status"], "RUNNING");
    assert!(got[1..=replicas]
        .iter()
        .all(|f| f["type"] == "job" && f["state"] == "RUNNING"));
    assert_eq!(got[replicas + 1]["type"], "task");
    assert_eq!(got[replicas + 1]["task"], "EXTEND");
}

#[tokio::test]
async fn changes_follow_the_snapshot() {
    let app = fake();
    configure(&app, json!({ "transition_ms": 50 })).await;
    let id = id_with_status(&app, "STOPPED").await;
    let addr = listen(app.clone()).await;
    let mut conn = open_stream(addr, &id).await;
    read_until(&mut conn, "data: ", 1, WAIT).await;

    api(
        &app,
        "PATCH",
        &format!("/deployments/{id}/update-replica-count"),
        Some(json!({ "replicas": 1 })),
    )
    .await;
    api(&app, "POST", &format!("/deployments/{id}/start"), None).await;
    let text = read_until(&mut conn, "\"RUNNING\"", 2, WAIT).await;
    let got = frames(&text);
    let deployment_frames: Vec<_> = got.iter().filter(|f| f["type"] == "deployment").collect();
    assert_eq!(
        *deployment_frames[0],
        json!({ "type": "deployment", "status": "STOPPED", "replicas": 1, "active_revision": deployment_frames[0]["active_revision"] })
    );
    assert_eq!(deployment_frames[1]["status"], "STARTING");
    assert_eq!(deployment_frames[2]["status"], "RUNNING");
    let job = got
        .iter()
        .find(|f| f["type"] == "job")
        .expect("a job frame");
    for key in ["job", "state", "node", "timeStart", "timeEnd"] {
        assert!(job.get(key).is_some(), "{key}");
    }
    let event = got
        .iter()
        .find(|f| f["type"] == "event")
        .expect("an event frame");
    assert_eq!(event["event"], "JOB_LIST_CONFIRMED");
}

#[tokio::test]
async fn keep_alive_comments_and_injected_frames() {
    let app = fake();
    configure(&app, json!({ "keepalive_ms": 100 })).await;
    let id = id_with_status(&app, "DRAFT").await;
    let addr = listen(app.clone()).await;
    let mut conn = open_stream(addr, &id).await;
    let text = read_until(&mut conn, ": keep-alive\n\n", 1, WAIT).await;
    assert!(text.contains(": keep-alive\n\n"));

    control(
        &app,
        "POST",
        &format!("/push-event/{id}"),
        Some(json!({ "type": "event", "event": "FRPS_TUNNEL_LOST", "message": "gone" })),
    )
    .await;
    control(
        &app,
        "POST",
        &format!("/push-event/{id}"),
        Some(json!({ "raw": "data: {not json\n\n" })),
    )
    .await;
    let text = read_until(&mut conn, "{not json", 1, WAIT).await;
    let event = frames(&text)
        .into_iter()
        .find(|f| f["type"] == "event")
        .unwrap();
    assert_eq!(
        (event["event"].clone(), event["message"].clone()),
        (json!("FRPS_TUNNEL_LOST"), json!("gone"))
    );
    let events = get(
        &app,
        &format!("/deployments/{id}/events?type=FRPS_TUNNEL_LOST"),
    )
    .await
    .json();
    assert_eq!(events["events"][0]["message"], "gone");
}

#[tokio::test]
async fn deleting_the_deployment_ends_its_stream() {
    let app = fake();
    let id = id_with_status(&app, "STOPPED").await;
    let addr = listen(app.clone()).await;
    let mut conn = open_stream(addr, &id).await;
    read_until(&mut conn, "data: ", 1, WAIT).await;
    api(&app, "DELETE", &format!("/deployments/{id}"), None).await;
    // The chunked body ends with its zero-length chunk.
    let text = read_until(&mut conn, "0\r\n\r\n", 1, WAIT).await;
    assert!(text.ends_with("0\r\n\r\n"), "{text:?}");
}

#[tokio::test]
async fn missing_route_on_an_old_gateway() {
    let app = fake();
    let id = id_with_status(&app, "RUNNING").await;
    configure(&app, json!({ "stream": false })).await;
    let res = get(&app, &format!("/deployments/{id}/stream")).await;
    assert_eq!(res.status, 404);
    assert_eq!(
        res.json()["message"],
        format!("Route GET:/api/deployments/{id}/stream not found")
    );
}
