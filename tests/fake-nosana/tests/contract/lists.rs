use std::collections::HashSet;

use crate::support::*;
use axum::Router;
use serde_json::{json, Value};

/// Follows `cursor_next` from the first page; returns the pages.
async fn walk(app: &Router, path: &str, query: &str) -> Vec<Value> {
    let mut pages = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut q = query.to_string();
        if let Some(c) = &cursor {
            q.push_str(&format!("&cursor={c}"));
        }
        let res = get(app, &format!("{path}?{q}")).await;
        assert_eq!(res.status, 200, "{}", res.text);
        let page = res.json();
        cursor = page["pagination"]["cursor_next"]
            .as_str()
            .map(str::to_string);
        pages.push(page);
        if cursor.is_none() {
            return pages;
        }
    }
}

fn ids(pages: &[Value], list: &str, key: &str) -> Vec<String> {
    pages
        .iter()
        .flat_map(|p| p[list].as_array().unwrap().clone())
        .map(|d| d[key].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn limit_accepts_only_10_20_50_100() {
    let app = fake();
    for limit in ["5", "15", "0", "abc", "101"] {
        let res = get(&app, &format!("/deployments?limit={limit}")).await;
        assert_eq!(res.status, 400);
        assert_eq!(
            res.message(),
            "querystring/limit must be equal to one of the allowed values"
        );
    }
    for (limit, n) in [("10", 10), ("20", 20), ("50", 30), ("100", 30)] {
        let res = get(&app, &format!("/deployments?limit={limit}"))
            .await
            .json();
        assert_eq!(res["deployments"].as_array().unwrap().len(), n);
    }
    assert_eq!(
        get(&app, "/deployments").await.json()["deployments"]
            .as_array()
            .unwrap()
            .len(),
        10
    );
    let bad_sort = get(&app, "/deployments?sort_order=newest").await;
    assert_eq!(
        bad_sort.message(),
        "querystring/sort_order must be equal to one of the allowed values"
    );
    assert_eq!(get(&app, "/deployments?cursor=zzz0").await.status, 400);
}

#[tokio::test]
async fn walking_pages_sees_every_deployment_once() {
    let app = fake();
    for sort in ["desc", "asc"] {
        let pages = walk(&app, "/deployments", &format!("limit=10&sort_order={sort}")).await;
        assert_eq!(pages.len(), 3);
        assert!(pages[0]["pagination"]["cursor_prev"].is_null());
        assert!(pages[1]["pagination"]["cursor_prev"].is_string());
        assert_eq!(pages[0]["pagination"]["total_items"], 30);
        let seen = ids(&pages, "deployments", "id");
        assert_eq!(seen.len(), 30);
        assert_eq!(seen.iter().collect::<HashSet<_>>().len(), 30);
        let created: Vec<String> = pages
            .iter()
            .flat_map(|p| p["deployments"].as_array().unwrap().clone())
            .map(|d| d["created_at"].as_str().unwrap().to_string())
            .collect();
        let mut sorted = created.clone();
        sorted.sort();
        if sort == "desc" {
            sorted.reverse();
        }
        assert_eq!(created, sorted, "ordered by created_at {sort}");
    }
}

#[tokio::test]
async fn previous_cursor_goes_back_one_page() {
    let app = fake();
    let pages = walk(&app, "/deployments", "limit=10").await;
    let prev = pages[2]["pagination"]["cursor_prev"].as_str().unwrap();
    let back = get(&app, &format!("/deployments?limit=10&cursor={prev}"))
        .await
        .json();
    assert_eq!(back["deployments"], pages[1]["deployments"]);
}

#[tokio::test]
async fn deployment_filters() {
    let app = fake();
    let all = seeded(&app).await;
    let count = |pred: &dyn Fn(&Value) -> bool| all.iter().filter(|d| pred(d)).count();
    let total = |v: &Value| v["pagination"]["total_items"].as_u64().unwrap() as usize;

    let running = get(&app, "/deployments?status=RUNNING&limit=100")
        .await
        .json();
    assert_eq!(total(&running), count(&|d| d["status"] == "RUNNING"));
    assert!(running["deployments"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["status"] == "RUNNING"));

    let two = get(&app, "/deployments?status=RUNNING,STOPPED")
        .await
        .json();
    assert_eq!(
        total(&two),
        count(&|d| d["status"] == "RUNNING" || d["status"] == "STOPPED")
    );

    let bad = get(&app, "/deployments?status=RUNNING,SLEEPING").await;
    assert_eq!(bad.status, 400);
    assert_eq!(bad.json()["code"], "FST_ERR_VALIDATION");
    assert_eq!(get(&app, "/deployments?strategy=FOREVER").await.status, 400);

    let scheduled = get(&app, "/deployments?strategy=SCHEDULED,INFINITE")
        .await
        .json();
    assert_eq!(
        total(&scheduled),
        count(&|d| d["strategy"] == "SCHEDULED" || d["strategy"] == "INFINITE")
    );

    let search = get(&app, "/deployments?search=LLAMA").await.json();
    assert_eq!(
        total(&search),
        count(&|d| d["name"].as_str().unwrap().contains("llama"))
    );
    let first = &all[0];
    let by_id_part = get(
        &app,
        &format!(
            "/deployments?search={}",
            &first["id"].as_str().unwrap()[5..20]
        ),
    )
    .await
    .json();
    assert_eq!(by_id_part["deployments"][0]["id"], first["id"]);

    let by_name = get(
        &app,
        &format!("/deployments?name={}", first["name"].as_str().unwrap()),
    )
    .await
    .json();
    assert_eq!(total(&by_name), 1);
    assert_eq!(
        total(&get(&app, "/deployments?name=llama").await.json()),
        0,
        "name is exact"
    );
    let by_id = get(
        &app,
        &format!("/deployments?id={}", first["id"].as_str().unwrap()),
    )
    .await
    .json();
    assert_eq!(total(&by_id), 1);
    let by_vault = get(
        &app,
        &format!("/deployments?vault={}", first["vault"].as_str().unwrap()),
    )
    .await
    .json();
    assert_eq!(by_vault["deployments"][0]["id"], first["id"]);

    let after = all[9]["created_at"].as_str().unwrap();
    let before = all[20]["created_at"].as_str().unwrap();
    let window = get(
        &app,
        &format!("/deployments?created_after={after}&created_before={before}&limit=100"),
    )
    .await
    .json();
    assert_eq!(total(&window), 10);
    let bad_date = get(&app, "/deployments?created_after=yesterday").await;
    assert_eq!(
        bad_date.message(),
        "querystring/created_after must match format \"date-time\""
    );
    // Unknown parameters are ignored, as Fastify does.
    assert_eq!(get(&app, "/deployments?colour=red").await.status, 200);
}

#[tokio::test]
async fn job_lists_page_and_filter() {
    let app = fake();
    // Seed index 2 is RUNNING with more than a page of jobs.
    let id = seeded(&app).await[2]["id"].as_str().unwrap().to_string();
    let path = format!("/deployments/{id}/jobs");
    let pages = walk(&app, &path, "limit=10").await;
    let total = pages[0]["pagination"]["total_items"].as_u64().unwrap() as usize;
    assert!(total > 10);
    let seen = ids(&pages, "jobs", "job");
    assert_eq!(seen.len(), total);
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), total);
    let job = &pages[0]["jobs"][0];
    for key in [
        "tx",
        "job",
        "deployment",
        "market",
        "revision",
        "state",
        "time_start",
        "created_at",
        "updated_at",
    ] {
        assert!(job.get(key).is_some(), "{key}");
    }

    let running = get(&app, &format!("{path}?state=RUNNING,QUEUED"))
        .await
        .json();
    assert!(running["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .all(|j| j["state"] == "RUNNING"));
    assert_eq!(get(&app, &format!("{path}?state=DONE")).await.status, 400);
    let one = get(&app, &format!("{path}?job={}", seen[3])).await.json();
    assert_eq!(one["pagination"]["total_items"], 1);
    let refused = get(&app, &format!("{path}?revision=1")).await;
    assert_eq!(
        (refused.status, refused.message()),
        (400, "querystring/revision must be number".to_string())
    );
}

#[tokio::test]
async fn revisions_events_and_tasks() {
    let app = fake();
    let dep = find_seeded(&app, |d| {
        d["status"] == "RUNNING" && d["active_revision"] == 3
    })
    .await;
    let id = dep["id"].as_str().unwrap();

    let revisions = get(&app, &format!("/deployments/{id}/revisions?sort_order=asc"))
        .await
        .json();
    assert_eq!(revisions["pagination"]["total_items"], 3);
    let first = &revisions["revisions"][0];
    assert_eq!(first["revision"], 1);
    for key in [
        "deployment",
        "ipfs_definition_hash",
        "job_definition",
        "created_at",
    ] {
        assert!(first.get(key).is_some(), "{key}");
    }
    assert_eq!(
        get(&app, &format!("/deployments/{id}/revisions?revision=2"))
            .await
            .status,
        400
    );

    let events = get(&app, &format!("/deployments/{id}/events?limit=100"))
        .await
        .json();
    let all = events["events"].as_array().unwrap();
    assert!(!all.is_empty());
    assert!(all[0].get("deploymentId").is_some() && all[0].get("type").is_some());
    let listed = get(
        &app,
        &format!("/deployments/{id}/events?type=JOB_LIST_CONFIRMED&limit=100"),
    )
    .await
    .json();
    let expected = all
        .iter()
        .filter(|e| e["type"] == "JOB_LIST_CONFIRMED")
        .count();
    assert_eq!(listed["pagination"]["total_items"], expected);
    let category = get(
        &app,
        &format!("/deployments/{id}/events?category=Deployment&limit=100"),
    )
    .await
    .json();
    assert!(category["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["category"] == "Deployment"));
    assert_eq!(
        get(&app, &format!("/deployments/{id}/events?category=Other"))
            .await
            .status,
        400
    );

    let starting = id_with_status(&app, "STARTING").await;
    let tasks = get(&app, &format!("/deployments/{starting}/tasks"))
        .await
        .json();
    assert_eq!(tasks["tasks"][0]["task"], "LIST");
    assert_eq!(
        get(&app, &format!("/deployments/{starting}/tasks?task=STOP"))
            .await
            .json()["pagination"]["total_items"],
        0
    );
    assert_eq!(
        get(&app, &format!("/deployments/{starting}/tasks?task=RUN"))
            .await
            .status,
        400
    );

    let missing = get(&app, &format!("/deployments/{}/events", "1".repeat(44))).await;
    assert_eq!(
        (missing.status, missing.json()),
        (404, json!({ "error": "Deployment not found." }))
    );
}

#[tokio::test]
async fn markets_and_credits() {
    let app = fake();
    let markets = get(&app, "/markets/").await.json();
    let markets = markets.as_array().unwrap();
    assert!((4..=6).contains(&markets.len()));
    for m in markets {
        for key in [
            "address",
            "slug",
            "name",
            "type",
            "gpu_types",
            "usd_reward_per_hour",
            "nos_job_price_per_second",
        ] {
            assert!(m.get(key).is_some(), "{key}");
        }
    }
    let credits = get(&app, "/credits/balance").await.json();
    for key in ["assignedCredits", "reservedCredits", "settledCredits"] {
        assert!(credits[key].is_number());
    }
    configure(&app, json!({ "credits": false })).await;
    let gone = get(&app, "/credits/balance").await;
    assert_eq!(
        (gone.status, gone.json()["error"].clone()),
        (404, json!("Not Found"))
    );
}

#[tokio::test]
async fn a_hundred_for_the_benchmark() {
    let app = fake_with(fake_nosana::Options {
        seed_count: 100,
        ..Default::default()
    });
    let res = get(&app, "/deployments?limit=100").await.json();
    assert_eq!(res["pagination"]["total_items"], 100);
    assert_eq!(res["deployments"].as_array().unwrap().len(), 100);
    assert!(res["pagination"]["cursor_next"].is_null());
}
