//! Deployments as files (`<name>.nosana.json`): what "Export" writes and what
//! "Import from file" reads back.
//!
//! The file is a `DeploymentCreate` body plus `"format": "nosana-deployment/1"`.
//! Keys are written in one fixed order so that two exports of similar
//! deployments diff line by line:
//!
//! `format, name, market, strategy, schedule, rotation_time, replicas,
//! timeout, confidential, job_definition`
//!
//! (`schedule` only for SCHEDULED, `rotation_time` only for INFINITE when set;
//! the job definition keeps the key order the server gave it.)
//!
//! Reading refuses, with the field and its line, anything that is not JSON,
//! names a key the format does not have, or gives a field the wrong type.
//! Values of the right type but out of range (a replica count of 0) are left
//! to the create form's own checks, which run as soon as the form is filled.

use std::fmt;

use serde_json::{Map, Value};

use super::create::CreateForm;
use super::jobdef::{path, position};
use crate::api::models::{Deployment, Strategy};

/// The marker of a deployment file, and its version.
pub const FORMAT: &str = "nosana-deployment/1";

/// Larger files are refused before they are read: a job definition is a few kB.
pub const MAX_BYTES: f64 = 1024.0 * 1024.0;

/// Every key a deployment file may have, in the order they are written.
const KEYS: [&str; 11] = [
    "format",
    "name",
    "market",
    "strategy",
    "schedule",
    "rotation_time",
    "replicas",
    "timeout",
    "confidential",
    "autostart",
    "job_definition",
];

/// The file for "Export": pretty JSON, fixed key order, ending in a newline.
pub fn export(d: &Deployment, job_definition: &Value) -> String {
    let mut out = Map::new();
    out.insert("format".into(), FORMAT.into());
    out.insert("name".into(), d.name.clone().into());
    out.insert("market".into(), d.market.clone().into());
    out.insert("strategy".into(), d.strategy.as_str().into());
    if d.strategy == Strategy::Scheduled {
        out.insert(
            "schedule".into(),
            d.schedule.clone().unwrap_or_default().into(),
        );
    }
    if d.strategy == Strategy::Infinite {
        if let Some(rotation) = d.rotation_time {
            out.insert("rotation_time".into(), rotation.into());
        }
    }
    out.insert("replicas".into(), d.replicas.into());
    out.insert("timeout".into(), d.timeout.into());
    out.insert("confidential".into(), d.confidential.into());
    out.insert("job_definition".into(), job_definition.clone());
    pretty(&Value::Object(out))
}

/// The file for "Export job definition": the definition alone.
pub fn export_job_definition(job_definition: &Value) -> String {
    pretty(job_definition)
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// `<name>.nosana.json`, with characters no file system takes replaced.
pub fn file_name(name: &str, suffix: &str) -> String {
    let safe: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    let safe = safe.trim_matches(|c: char| c == '.' || c.is_whitespace());
    let stem = if safe.is_empty() { "deployment" } else { safe };
    format!("{stem}{suffix}")
}

/// What a file turned out to hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    /// A deployment file: every field of the form.
    Deployment(Box<CreateForm>),
    /// A bare job definition, as its text, for the job definition editor only.
    JobDefinition(String),
}

/// Why a file was refused: the field (a path like `replicas`) and its line when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub field: Option<String>,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.field, self.line) {
            (Some(field), Some(line)) => write!(f, "“{field}” (line {line}): {}", self.message),
            (Some(field), None) => write!(f, "“{field}”: {}", self.message),
            (None, Some(line)) => write!(f, "Line {line}: {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

fn problem(message: impl Into<String>) -> FileProblem {
    FileProblem {
        field: None,
        line: None,
        message: message.into(),
    }
}

/// The size check, made before the file is read at all.
pub fn check_size(bytes: f64) -> Result<(), FileProblem> {
    if bytes > MAX_BYTES {
        return Err(problem(format!(
            "The file is {:.1} MB; the limit is 1 MB",
            bytes / MAX_BYTES
        )));
    }
    Ok(())
}

/// Reads a deployment file or a bare job definition.
pub fn read(text: &str) -> Result<Imported, FileProblem> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let reason = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(reason, _)| reason);
        FileProblem {
            field: None,
            line: Some(e.line()),
            message: format!("The file is not JSON: {reason} (column {})", e.column()),
        }
    })?;
    let Value::Object(object) = &value else {
        return Err(FileProblem {
            line: Some(1),
            ..problem(
                "The file holds neither a deployment nor a job definition (expected a JSON object)",
            )
        });
    };
    let lines = position::lines(text);
    let at = |field: &str, message: String| FileProblem {
        line: position::line_of(&lines, field),
        field: Some(field.to_string()),
        message,
    };
    if !object.contains_key("format") {
        // A DeploymentCreate body without the marker is most likely a hand-made
        // file: say what is missing rather than load it as a job definition.
        if object.contains_key("job_definition") || object.contains_key("market") {
            return Err(at(
                "format",
                format!("missing; a deployment file starts with \"format\": \"{FORMAT}\""),
            ));
        }
        return Ok(Imported::JobDefinition(text.to_string()));
    }
    read_deployment(object, &at).map(|form| Imported::Deployment(Box::new(form)))
}

fn read_deployment(
    object: &Map<String, Value>,
    at: &dyn Fn(&str, String) -> FileProblem,
) -> Result<CreateForm, FileProblem> {
    if let Some(unknown) = object.keys().find(|k| !KEYS.contains(&k.as_str())) {
        let field = path::key("", unknown);
        return Err(at(&field, "not a field of a deployment file".into()));
    }
    let text = |key: &str| -> Result<Option<String>, FileProblem> {
        match object.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(at(key, format!("must be text, not {}", kind(other)))),
        }
    };
    let whole = |key: &str| -> Result<Option<String>, FileProblem> {
        match object.get(key) {
            None => Ok(None),
            Some(Value::Number(n)) if n.as_u64().is_some_and(|n| n <= u64::from(u32::MAX)) => {
                Ok(Some(n.to_string()))
            }
            Some(other) => Err(at(
                key,
                format!("must be a whole number, not {}", describe(other)),
            )),
        }
    };
    let flag = |key: &str| -> Result<Option<bool>, FileProblem> {
        match object.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(at(
                key,
                format!("must be true or false, not {}", describe(other)),
            )),
        }
    };
    let required =
        |key: &str, found: Option<String>| found.ok_or_else(|| at(key, "missing".into()));

    match text("format")? {
        Some(f) if f == FORMAT => {}
        other => {
            return Err(at(
                "format",
                format!(
                    "expected \"{FORMAT}\", found {}",
                    other.map_or("something else".into(), |o| format!("\"{o}\""))
                ),
            ))
        }
    }
    let strategy_text = required("strategy", text("strategy")?)?;
    let strategy = Strategy::ALL
        .into_iter()
        .find(|s| s.as_str() == strategy_text)
        .ok_or_else(|| {
            at(
                "strategy",
                format!("\"{strategy_text}\" is not SIMPLE, SIMPLE-EXTEND, SCHEDULED or INFINITE"),
            )
        })?;
    let schedule = text("schedule")?;
    if schedule.is_some() && strategy != Strategy::Scheduled {
        return Err(at(
            "schedule",
            "only a SCHEDULED deployment has a schedule".into(),
        ));
    }
    let rotation_time = whole("rotation_time")?;
    if rotation_time.is_some() && strategy != Strategy::Infinite {
        return Err(at(
            "rotation_time",
            "only an INFINITE deployment has a rotation time".into(),
        ));
    }
    let job_definition = match object.get("job_definition") {
        None => return Err(at("job_definition", "missing".into())),
        Some(v @ Value::Object(_)) => serde_json::to_string_pretty(v).unwrap_or_default(),
        Some(other) => {
            return Err(at(
                "job_definition",
                format!("must be a JSON object, not {}", kind(other)),
            ))
        }
    };
    let defaults = CreateForm::default();
    Ok(CreateForm {
        name: required("name", text("name")?)?,
        market: required("market", text("market")?)?,
        strategy,
        schedule: schedule.unwrap_or(defaults.schedule),
        rotation_time: rotation_time.unwrap_or_default(),
        replicas: required("replicas", whole("replicas")?)?,
        timeout: required("timeout", whole("timeout")?)?,
        confidential: flag("confidential")?.unwrap_or(false),
        autostart: flag("autostart")?.unwrap_or(false),
        job_definition,
    })
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Short values are quoted as they are in the file; long ones only named.
fn describe(value: &Value) -> String {
    match value {
        Value::Number(_) | Value::String(_) | Value::Bool(_) => {
            let shown = value.to_string();
            if shown.chars().count() <= 24 {
                shown
            } else {
                kind(value).to_string()
            }
        }
        other => kind(other).to_string(),
    }
}

#[cfg(test)]
mod tests;
