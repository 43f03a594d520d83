//! Request body schemas: the create body and the one-field PATCH bodies.
//! Only what a JSON schema can say lives here; rules that need the store
//! (known market) or prose errors (cron, rotation time) are the handler's.

use serde_json::Value;

use super::jobdef;
use super::schema::*;
use crate::model::Strategy;

const CREATE_KEYS: &[&str] = &[
    "name",
    "market",
    "replicas",
    "timeout",
    "strategy",
    "schedule",
    "rotation_time",
    "job_definition",
    "confidential",
    "autostart",
    "vault",
];
const STRATEGIES: &[&str] = &["SIMPLE", "SIMPLE-EXTEND", "SCHEDULED", "INFINITE"];

#[derive(Debug, Clone, PartialEq)]
pub struct NewDeployment {
    pub name: String,
    pub market: String,
    pub replicas: i64,
    pub timeout: i64,
    pub strategy: Strategy,
    pub schedule: Option<String>,
    pub rotation_time: Option<i64>,
    pub job_definition: Value,
    pub confidential: bool,
    pub autostart: bool,
    pub vault: Option<String>,
}

pub fn deployment_create(body: &Value) -> Check<NewDeployment> {
    let at = "body";
    let m = object(body, at)?;
    required(
        m,
        at,
        &[
            "name",
            "market",
            "replicas",
            "timeout",
            "strategy",
            "job_definition",
        ],
    )?;
    no_additional(m, at, CREATE_KEYS)?;
    let name = min_length(string(&m["name"], "body/name")?, "body/name", 1)?.to_string();
    let market = string(&m["market"], "body/market")?.to_string();
    let replicas = minimum(
        integer(&m["replicas"], "body/replicas")?,
        "body/replicas",
        1,
    )?;
    let timeout = minimum(integer(&m["timeout"], "body/timeout")?, "body/timeout", 1)?;
    let strategy_text = one_of(
        string(&m["strategy"], "body/strategy")?,
        "body/strategy",
        STRATEGIES,
    )?;
    let strategy = Strategy::parse(strategy_text).expect("checked against the list");

    // Each strategy is its own schema branch: a field of another branch is an
    // additional property, not something to ignore.
    let schedule = match (strategy, m.get("schedule")) {
        (Strategy::Scheduled, Some(s)) => Some(string(s, "body/schedule")?.to_string()),
        (Strategy::Scheduled, None) => {
            return Err("body must have required property 'schedule'".into())
        }
        (_, Some(_)) => return Err("body must NOT have additional properties".into()),
        (_, None) => None,
    };
    let rotation_time = match (strategy, m.get("rotation_time")) {
        (Strategy::Infinite, Some(r)) => Some(minimum(
            integer(r, "body/rotation_time")?,
            "body/rotation_time",
            1,
        )?),
        (_, Some(_)) => return Err("body must NOT have additional properties".into()),
        (_, None) => None,
    };
    if strategy == Strategy::Infinite {
        minimum(timeout, "body/timeout", 60)?;
    }

    jobdef::validate(&m["job_definition"], "body/job_definition")?;
    let flag = |key: &str| -> Check<bool> {
        m.get(key)
            .map_or(Ok(false), |v| boolean(v, &child(at, key)))
    };
    let confidential = flag("confidential")?;
    let autostart = flag("autostart")?;
    let vault = match m.get("vault") {
        Some(v) => Some(string(v, "body/vault")?.to_string()),
        None => None,
    };
    Ok(NewDeployment {
        name,
        market,
        replicas,
        timeout,
        strategy,
        schedule,
        rotation_time,
        job_definition: m["job_definition"].clone(),
        confidential,
        autostart,
        vault,
    })
}

/// `{"<key>": <integer >= min>}` and nothing else.
pub fn single_integer(body: &Value, key: &str, min: i64) -> Check<i64> {
    let v = single(body, key)?;
    let at = child("body", key);
    minimum(integer(v, &at)?, &at, min)
}

/// `{"<key>": <string of at least min_chars characters>}` and nothing else.
pub fn single_string(body: &Value, key: &str, min_chars: usize) -> Check<String> {
    let v = single(body, key)?;
    let at = child("body", key);
    Ok(min_length(string(v, &at)?, &at, min_chars)?.to_string())
}

fn single<'a>(body: &'a Value, key: &str) -> Check<&'a Value> {
    let m = object(body, "body")?;
    required(m, "body", &[key])?;
    no_additional(m, "body", &[key])?;
    Ok(&m[key])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn valid_create() -> Value {
        json!({
            "name": "web",
            "market": "m",
            "replicas": 1,
            "timeout": 60,
            "strategy": "SIMPLE",
            "job_definition": {
                "version": "0.1", "type": "container",
                "ops": [{ "type": "container/run", "id": "w", "args": { "image": "nginx" } }]
            }
        })
    }

    fn create_with(edit: impl FnOnce(&mut Value)) -> Check<NewDeployment> {
        let mut body = valid_create();
        edit(&mut body);
        deployment_create(&body)
    }

    #[test]
    fn create_accepts_the_minimal_body() {
        let d = deployment_create(&valid_create()).unwrap();
        assert_eq!((d.replicas, d.autostart, d.vault), (1, false, None));
    }

    #[test]
    fn create_schema_errors() {
        type Edit = Box<dyn FnOnce(&mut Value)>;
        let cases: Vec<(Edit, &str)> = vec![
            (
                Box::new(|b| b["replicas"] = json!(0)),
                "body/replicas must be >= 1",
            ),
            (
                Box::new(|b| b["replicas"] = json!("1")),
                "body/replicas must be integer",
            ),
            (
                Box::new(|b| b["timeout"] = json!(0)),
                "body/timeout must be >= 1",
            ),
            (
                Box::new(|b| b["name"] = json!("")),
                "body/name must NOT have fewer than 1 characters",
            ),
            (
                Box::new(|b| b["strategy"] = json!("FOREVER")),
                "body/strategy must be equal to one of the allowed values",
            ),
            (
                Box::new(|b| b["autostart"] = json!("yes")),
                "body/autostart must be boolean",
            ),
            (
                Box::new(|b| b["color"] = json!("red")),
                "body must NOT have additional properties",
            ),
            (
                Box::new(|b| b["schedule"] = json!("* * * * *")),
                "body must NOT have additional properties",
            ),
            (
                Box::new(|b| b["strategy"] = json!("SCHEDULED")),
                "body must have required property 'schedule'",
            ),
            (
                Box::new(|b| {
                    b["strategy"] = json!("INFINITE");
                    b["timeout"] = json!(59);
                }),
                "body/timeout must be >= 60",
            ),
            (
                Box::new(|b| {
                    b.as_object_mut().unwrap().remove("market");
                }),
                "body must have required property 'market'",
            ),
            (
                Box::new(|b| b["job_definition"]["ops"][0]["args"] = json!({})),
                "body/job_definition/ops/0/args must have required property 'image'",
            ),
        ];
        for (edit, message) in cases {
            assert_eq!(create_with(edit), Err(message.to_string()));
        }
    }

    #[test]
    fn single_field_bodies() {
        assert_eq!(
            single_integer(&json!({"replicas": 0}), "replicas", 0),
            Ok(0)
        );
        assert_eq!(
            single_integer(&json!({"replicas": -1}), "replicas", 0),
            Err("body/replicas must be >= 0".into())
        );
        assert_eq!(
            single_integer(&json!({"replicas": "3"}), "replicas", 0),
            Err("body/replicas must be integer".into())
        );
        assert_eq!(
            single_integer(&json!({}), "replicas", 0),
            Err("body must have required property 'replicas'".into())
        );
        assert_eq!(
            single_integer(&json!({"replicas": 1, "x": 1}), "replicas", 0),
            Err("body must NOT have additional properties".into())
        );
        assert_eq!(
            single_integer(&json!([1]), "replicas", 0),
            Err("body must be object".into())
        );
        assert_eq!(
            single_string(&json!({"name": ""}), "name", 1),
            Err("body/name must NOT have fewer than 1 characters".into())
        );
    }
}
