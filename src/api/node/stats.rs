//! `/job/{job}/stats`, `/job/{job}/stats/stream` and `/node/info` (newer nodes): the wire
//! shapes, read leniently (a missing figure is `None`, an odd item is skipped, not fatal).

use serde_json::Value;

use crate::api::query::encode_component;

/// One op's resource sample. Disk and network are cumulative MB since the container started.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskStat {
    pub op_id: String,
    /// The node's clock, ms.
    pub timestamp: i64,
    pub cpu_percent: Option<f64>,
    pub memory_usage: Option<f64>,
    pub memory_limit: Option<f64>,
    pub disk_read: Option<f64>,
    pub disk_write: Option<f64>,
    pub net_received: Option<f64>,
    pub net_sent: Option<f64>,
}

fn num(v: &Value, outer: &str, inner: &str) -> Option<f64> {
    let x = v.get(outer)?.get(inner)?;
    x.as_f64()
        .or_else(|| x.as_str().and_then(|s| s.trim().parse().ok()))
        .filter(|f: &f64| f.is_finite())
}

/// A sample from one JSON value; `None` when it names no op or no time.
pub fn task_stat(v: &Value) -> Option<TaskStat> {
    let op_id = v.get("opId")?.as_str()?.trim().to_string();
    let timestamp = v.get("timestamp").and_then(|t| {
        t.as_i64()
            .or_else(|| t.as_f64().map(|f| f as i64))
            .or_else(|| t.as_str().and_then(|s| s.trim().parse().ok()))
    })?;
    if op_id.is_empty() {
        return None;
    }
    Some(TaskStat {
        op_id,
        timestamp,
        cpu_percent: num(v, "cpu", "cpu_percent"),
        memory_usage: num(v, "memory", "memory_usage"),
        memory_limit: num(v, "memory", "memory_limit"),
        disk_read: num(v, "disk", "read"),
        disk_write: num(v, "disk", "write"),
        net_received: num(v, "network", "received"),
        net_sent: num(v, "network", "sent"),
    })
}

/// A `/stats` answer or one `/stats/stream` frame: a `TaskStat[]`, or (older nodes' stream)
/// one `TaskStat`. Anything else (not JSON, another shape) is no samples.
pub fn parse_stats(text: &str) -> Vec<TaskStat> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items.iter().filter_map(task_stat).collect(),
        Ok(v @ Value::Object(_)) => task_stat(&v).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// `{base}/job/{job}/stats?interval=S&start=MS&end=MS`.
pub fn stats_url(base: &str, job: &str, interval_s: u32, start_ms: i64, end_ms: i64) -> String {
    format!(
        "{}/job/{}/stats?interval={interval_s}&start={start_ms}&end={end_ms}",
        base.trim_end_matches('/'),
        encode_component(job)
    )
}

/// `{base}/job/{job}/stats/stream?interval=S`.
pub fn stream_url(base: &str, job: &str, interval_s: u32) -> String {
    format!(
        "{}/job/{}/stats/stream?interval={interval_s}",
        base.trim_end_matches('/'),
        encode_component(job)
    )
}

/// `{base}/node/info` (no header).
pub fn node_info_url(base: &str) -> String {
    format!("{}/node/info", base.trim_end_matches('/'))
}

/// One GPU of the host.
#[derive(Debug, Clone, PartialEq)]
pub struct Gpu {
    pub name: String,
    /// MB, when given.
    pub memory_mb: Option<f64>,
}

/// What the replica strip shows of a host.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NodeHost {
    pub gpus: Vec<Gpu>,
    pub cpu_cores: Option<u32>,
}

/// `/node/info`, leniently: `gpus` may be a list of `{name, memory}` or of plain names;
/// GPU memory may be a number (MB) or text such as "24564 MiB".
pub fn parse_node_info(text: &str) -> Option<NodeHost> {
    let v: Value = serde_json::from_str(text).ok()?;
    let v = v.as_object()?;
    let gpus = v
        .get("gpus")
        .or_else(|| v.get("gpu"))
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|g| match g {
                    Value::String(s) => Some(Gpu {
                        name: s.trim().to_string(),
                        memory_mb: None,
                    }),
                    Value::Object(o) => Some(Gpu {
                        name: o.get("name")?.as_str()?.trim().to_string(),
                        memory_mb: o
                            .get("memory")
                            .and_then(|m| m.as_f64().or_else(|| leading_number(m.as_str()?))),
                    }),
                    _ => None,
                })
                .filter(|g| !g.name.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let cpu_cores = v
        .get("cpu")
        .and_then(|c| c.get("cores").or_else(|| c.get("physical_cores")))
        .and_then(Value::as_u64)
        .and_then(|c| u32::try_from(c).ok());
    Some(NodeHost { gpus, cpu_cores })
}

fn leading_number(s: &str) -> Option<f64> {
    let digits: String = s
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits.parse().ok()
}

/// A 404 whose answer is express's "Cannot GET /job/..." (an HTML page): the node lacks the
/// route itself. A 404 with "No running job..." is the job, not the route.
pub fn route_missing(status: u16, content_type: Option<&str>, body: &str) -> bool {
    if status != 404 {
        return false;
    }
    let body = body.trim_start();
    if body.starts_with("No running job") {
        return false;
    }
    body.starts_with("Cannot ")
        || body.contains("<pre>Cannot ")
        || content_type.is_some_and(|t| t.to_ascii_lowercase().starts_with("text/html"))
}
