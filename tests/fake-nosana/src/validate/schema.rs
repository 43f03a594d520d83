//! Checks that word their failures the way Fastify reports AJV errors:
//! `<where><instancePath> <message>`, e.g. `body/replicas must be >= 0`. `at` is
//! the full location (`body`, `body/ops/0/args`, `querystring/limit`).
//!
//! Like the real service (and unlike Fastify's defaults) nothing is coerced:
//! a string `"3"` is not an integer.

use serde_json::{Map, Value};

/// A failed check: the validation message.
pub type Check<T> = Result<T, String>;

/// The location of a child, escaped as a JSON pointer segment like AJV does.
pub fn child(at: &str, key: &str) -> String {
    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"))
}

pub fn item(at: &str, index: usize) -> String {
    format!("{at}/{index}")
}

pub fn object<'a>(v: &'a Value, at: &str) -> Check<&'a Map<String, Value>> {
    v.as_object().ok_or_else(|| format!("{at} must be object"))
}

pub fn array<'a>(v: &'a Value, at: &str) -> Check<&'a Vec<Value>> {
    v.as_array().ok_or_else(|| format!("{at} must be array"))
}

pub fn string<'a>(v: &'a Value, at: &str) -> Check<&'a str> {
    v.as_str().ok_or_else(|| format!("{at} must be string"))
}

pub fn boolean(v: &Value, at: &str) -> Check<bool> {
    v.as_bool().ok_or_else(|| format!("{at} must be boolean"))
}

pub fn number(v: &Value, at: &str) -> Check<f64> {
    v.as_f64().ok_or_else(|| format!("{at} must be number"))
}

/// `cmd`, `entrypoint`, `aliases`: one string or a list of them.
pub fn string_or_strings(v: &Value, at: &str) -> Check<()> {
    match v {
        Value::String(_) => Ok(()),
        Value::Array(_) => strings(v, at).map(|_| ()),
        _ => Err(format!("{at} must match a schema in anyOf")),
    }
}

/// `env`, `variables`, `headers`: an object of string values.
pub fn string_map(v: &Value, at: &str) -> Check<()> {
    for (k, x) in object(v, at)? {
        string(x, &child(at, k))?;
    }
    Ok(())
}

/// JSON has one number type: `3.0` is the integer 3, `3.5` is not an integer.
pub fn integer(v: &Value, at: &str) -> Check<i64> {
    let fail = || format!("{at} must be integer");
    let n = v.as_number().ok_or_else(fail)?;
    if let Some(i) = n.as_i64() {
        return Ok(i);
    }
    if n.as_u64().is_some() {
        return Ok(i64::MAX);
    }
    match n.as_f64() {
        Some(f) if f.fract() == 0.0 && f.is_finite() => Ok(f as i64),
        _ => Err(fail()),
    }
}

pub fn minimum(n: i64, at: &str, min: i64) -> Check<i64> {
    if n < min {
        Err(format!("{at} must be >= {min}"))
    } else {
        Ok(n)
    }
}

pub fn maximum(n: i64, at: &str, max: i64) -> Check<i64> {
    if n > max {
        Err(format!("{at} must be <= {max}"))
    } else {
        Ok(n)
    }
}

/// Length in characters (code points), as AJV counts.
pub fn min_length<'a>(s: &'a str, at: &str, min: usize) -> Check<&'a str> {
    if s.chars().count() < min {
        Err(format!("{at} must NOT have fewer than {min} characters"))
    } else {
        Ok(s)
    }
}

pub fn max_length<'a>(s: &'a str, at: &str, max: usize) -> Check<&'a str> {
    if s.chars().count() > max {
        Err(format!("{at} must NOT have more than {max} characters"))
    } else {
        Ok(s)
    }
}

pub fn one_of<'a>(s: &'a str, at: &str, allowed: &[&str]) -> Check<&'a str> {
    if allowed.contains(&s) {
        Ok(s)
    } else {
        Err(format!("{at} must be equal to one of the allowed values"))
    }
}

pub fn constant(v: &Value, at: &str, expected: &str) -> Check<()> {
    if v.as_str() == Some(expected) {
        Ok(())
    } else {
        Err(format!("{at} must be equal to constant"))
    }
}

pub fn required(m: &Map<String, Value>, at: &str, keys: &[&str]) -> Check<()> {
    match keys.iter().find(|k| !m.contains_key(**k)) {
        Some(k) => Err(format!("{at} must have required property '{k}'")),
        None => Ok(()),
    }
}

pub fn no_additional(m: &Map<String, Value>, at: &str, allowed: &[&str]) -> Check<()> {
    if m.keys().all(|k| allowed.contains(&k.as_str())) {
        Ok(())
    } else {
        Err(format!("{at} must NOT have additional properties"))
    }
}

pub fn min_items(items: &[Value], at: &str, min: usize) -> Check<()> {
    if items.len() < min {
        Err(format!("{at} must NOT have fewer than {min} items"))
    } else {
        Ok(())
    }
}

/// An array whose every item is a string.
pub fn strings(v: &Value, at: &str) -> Check<Vec<String>> {
    array(v, at)?
        .iter()
        .enumerate()
        .map(|(i, x)| string(x, &item(at, i)).map(str::to_string))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn integers_are_not_coerced() {
        assert_eq!(integer(&json!(3), "body/replicas"), Ok(3));
        assert_eq!(integer(&json!(3.0), "body/replicas"), Ok(3));
        assert_eq!(
            integer(&json!("3"), "body/replicas"),
            Err("body/replicas must be integer".to_string())
        );
        assert!(integer(&json!(2.5), "x").is_err());
    }

    #[test]
    fn pointer_segments_are_escaped() {
        assert_eq!(child("body/env", "a/b~c"), "body/env/a~1b~0c");
    }

    #[test]
    fn messages_match_fastify() {
        let m = json!({"a": 1}).as_object().cloned().unwrap();
        assert_eq!(
            required(&m, "body", &["a", "b"]),
            Err("body must have required property 'b'".to_string())
        );
        assert_eq!(
            no_additional(&m, "body", &["b"]),
            Err("body must NOT have additional properties".to_string())
        );
        assert_eq!(
            minimum(-1, "body/replicas", 0),
            Err("body/replicas must be >= 0".to_string())
        );
    }
}
