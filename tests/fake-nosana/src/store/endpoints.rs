//! The service URLs of a deployment, derived from the exposed ports of its
//! active job definition (stable per deployment, op and port, like the real ones).

use serde_json::{json, Value};

use crate::rng::host_token;

pub fn endpoints(deployment_id: &str, definition: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    let ops = definition["ops"].as_array().map_or(&[][..], Vec::as_slice);
    for op in ops {
        if op["type"] != "container/run" {
            continue;
        }
        let op_id = op["id"].as_str().unwrap_or_default();
        let expose = &op["args"]["expose"];
        let items = match expose {
            Value::Array(items) => items.as_slice(),
            Value::Null => &[],
            single => std::slice::from_ref(single),
        };
        for item in items {
            let port = match item {
                Value::Object(m) if m.get("type").and_then(Value::as_str) == Some("none") => {
                    continue
                }
                Value::Object(m) => m.get("port").cloned().unwrap_or(Value::Null),
                other => other.clone(),
            };
            let token = host_token(&[deployment_id, op_id, &port.to_string()]);
            out.push(json!({
                "opId": op_id,
                "port": port,
                "url": format!("https://{token}.node.k8s.prd.nos.ci"),
            }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_endpoint_per_exposed_port() {
        let def = json!({ "ops": [
            { "type": "container/run", "id": "web", "args": { "image": "x",
              "expose": [80, { "port": 8080, "type": "api" }, { "port": 9, "type": "none" }] } },
            { "type": "container/run", "id": "batch", "args": { "image": "y" } },
            { "type": "container/run", "id": "one", "args": { "image": "z", "expose": "%%global.port%%" } }
        ]});
        let eps = endpoints("dep", &def);
        assert_eq!(eps.len(), 3);
        assert_eq!(eps[0]["opId"], "web");
        assert_eq!(eps[1]["port"], 8080);
        assert_eq!(eps[2]["port"], "%%global.port%%");
        assert!(eps[0]["url"].as_str().unwrap().starts_with("https://"));
        assert_eq!(eps, endpoints("dep", &def), "stable across calls");
        assert_ne!(eps[0]["url"], endpoints("other", &def)[0]["url"]);
    }
}
