//! `GET {node}/job/{job}/info`: unnamed SSE `data:` frames, one on open and one per change.
//! Read leniently: every field may be missing or `null` on some node version.

use serde::Deserialize;
use serde_json::Value;

/// One `/info` frame.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobInfo {
    #[serde(deserialize_with = "null_default")]
    pub status: String,
    pub start_time: Option<i64>,
    pub end_time: Option<i64>,
    /// Kept raw: shapes differ between node versions.
    pub errors: Value,
    #[serde(deserialize_with = "skip_bad")]
    pub op_states: Vec<OpState>,
    pub operations: Option<Operations>,
    /// The endpoint map, `secrets[<job>]` on newer nodes.
    pub secrets: Value,
}

/// One op's state on the node (also the shape of `jobResult.opStates[]`, minus logs).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OpState {
    #[serde(deserialize_with = "null_default")]
    pub operation_id: String,
    pub group: Option<String>,
    #[serde(deserialize_with = "null_default")]
    pub status: String,
    pub start_time: Option<i64>,
    pub end_time: Option<i64>,
    pub exit_code: Option<i64>,
    pub errors: Value,
    /// Docker state on newer nodes (`OOMKilled`, `RestartCount`, `Health`, ...).
    pub diagnostics: Value,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Operations {
    pub all: Value,
    pub current_group: Option<String>,
    pub current_group_status: Option<String>,
}

/// A missing or `null` field reads as the type's default.
pub(crate) fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

fn skip_bad<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<OpState>, D::Error> {
    let items = Option::<Vec<Value>>::deserialize(d)?.unwrap_or_default();
    Ok(items
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect())
}

/// One SSE event's data as a JobInfo; `None` for non-JSON or non-object data (skip it).
pub fn parse_info(data: &str) -> Option<JobInfo> {
    let value: Value = serde_json::from_str(data).ok()?;
    if !value.is_object() {
        return None;
    }
    serde_json::from_value(value).ok()
}

/// One endpoint of the job on its node, read from `secrets[<job>]` when present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeEndpoint {
    pub id: String,
    pub op_id: Option<String>,
    /// The port, as text (nodes send a number or a string).
    pub port: Option<String>,
    pub url: Option<String>,
    /// `ONLINE`, `OFFLINE` or `UNKNOWN` (as sent).
    pub status: String,
}

impl JobInfo {
    /// The endpoints the frame names for `job` (`secrets[job].urls` or `secrets[job]`), sorted by id.
    pub fn endpoints(&self, job: &str) -> Vec<NodeEndpoint> {
        let entry = self.secrets.get(job).unwrap_or(&Value::Null);
        endpoint_map(entry.get("urls").unwrap_or(entry))
    }
}

/// `{"<exposeId>": {opID, port, url, status}}` as endpoints sorted by id; entries that are
/// not objects are skipped.
pub fn endpoint_map(map: &Value) -> Vec<NodeEndpoint> {
    let Some(map) = map.as_object() else {
        return Vec::new();
    };
    let mut out: Vec<NodeEndpoint> = map
        .iter()
        .filter_map(|(id, v)| {
            let o = v.as_object()?;
            let s = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_string);
            let port = match o.get("port") {
                Some(Value::Number(n)) => Some(n.to_string()),
                Some(Value::String(p)) => Some(p.clone()),
                _ => None,
            };
            Some(NodeEndpoint {
                id: id.clone(),
                op_id: s("opID").or_else(|| s("opId")),
                port,
                url: s("url"),
                status: s("status").unwrap_or_else(|| "UNKNOWN".to_string()),
            })
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}
