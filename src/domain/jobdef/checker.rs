//! The small vocabulary the rules are written in: "this is an object with
//! these keys", "this is a string", and the problem list they add to.
//!
//! Null is never "absent": the official validator treats a present `null` as a
//! wrong value, and so do these helpers.

use serde_json::{Map, Value};

use super::{path, Problem};

pub type Obj = Map<String, Value>;
/// Checks the value at a path, adding what is wrong to the checker.
pub type Rule = fn(&mut Checker, &Value, &str);

#[derive(Default)]
pub struct Checker {
    pub problems: Vec<Problem>,
}

impl Checker {
    pub fn fail(&mut self, at: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            path: at.to_string(),
            message: message.into(),
            line: None,
            column: None,
        });
    }

    /// The value as an object (not an array), or a problem.
    pub fn object<'v>(&mut self, v: &'v Value, at: &str) -> Option<&'v Obj> {
        match v {
            Value::Object(map) => Some(map),
            other => {
                self.fail(at, format!("must be an object, not {}", kind(other)));
                None
            }
        }
    }

    /// An object whose keys all come from `allowed`.
    pub fn closed<'v>(&mut self, v: &'v Value, at: &str, allowed: &[&str]) -> Option<&'v Obj> {
        let map = self.object(v, at)?;
        for key in map.keys().filter(|k| !allowed.contains(&k.as_str())) {
            let list = allowed.join(", ");
            self.fail(
                &path::key(at, key),
                format!("unknown property (allowed here: {list})"),
            );
        }
        Some(map)
    }

    pub fn required<'v>(&mut self, map: &'v Obj, at: &str, key: &str) -> Option<&'v Value> {
        let v = map.get(key);
        if v.is_none() {
            self.fail(&path::key(at, key), "required");
        }
        v
    }

    /// The value as a list, or a problem: `what` ends "must be a list …", e.g. "of strings".
    pub fn list<'v>(&mut self, v: &'v Value, at: &str, what: &str) -> Option<&'v [Value]> {
        match v {
            Value::Array(items) => Some(items),
            other => {
                self.fail(at, format!("must be a list {what}, not {}", kind(other)));
                None
            }
        }
    }

    /// `rule` on each item of a list ([`Checker::list`]), at the item's own path.
    pub fn each(
        &mut self,
        v: &Value,
        at: &str,
        what: &str,
        mut rule: impl FnMut(&mut Self, &Value, &str),
    ) {
        for (i, item) in self.list(v, at, what).into_iter().flatten().enumerate() {
            rule(self, item, &path::index(at, i));
        }
    }

    pub fn string(&mut self, v: &Value, at: &str) {
        if !v.is_string() {
            self.fail(at, format!("must be a string, not {}", kind(v)));
        }
    }

    pub fn boolean(&mut self, v: &Value, at: &str) {
        if !v.is_boolean() {
            self.fail(at, format!("must be true or false, not {}", kind(v)));
        }
    }

    pub fn number(&mut self, v: &Value, at: &str) {
        if !v.is_number() {
            self.fail(at, format!("must be a number, not {}", kind(v)));
        }
    }

    /// One of a few exact strings.
    pub fn one_of(&mut self, v: &Value, at: &str, choices: &[&str]) {
        let ok = v.as_str().is_some_and(|s| choices.contains(&s));
        if !ok {
            let quoted: Vec<String> = choices.iter().map(|c| format!("\"{c}\"")).collect();
            self.fail(at, format!("must be one of {}", quoted.join(", ")));
        }
    }

    pub fn string_array(&mut self, v: &Value, at: &str) {
        self.each(v, at, "of strings", Self::string);
    }

    /// `cmd`, `entrypoint` and `aliases`: one string or a list of them.
    pub fn string_or_strings(&mut self, v: &Value, at: &str) {
        match v {
            Value::String(_) => {}
            Value::Array(_) => self.string_array(v, at),
            other => self.fail(
                at,
                format!("must be a string or a list of strings, not {}", kind(other)),
            ),
        }
    }

    /// `rule(checker, key, value, value's path)` on each entry of an object ([`Checker::object`]).
    pub fn entries(
        &mut self,
        v: &Value,
        at: &str,
        mut rule: impl FnMut(&mut Self, &str, &Value, &str),
    ) {
        for (key, value) in self.object(v, at).into_iter().flatten() {
            rule(self, key, value, &path::key(at, key));
        }
    }

    /// `env`, `variables`, `headers`: an object of string values.
    pub fn string_map(&mut self, v: &Value, at: &str) {
        self.entries(v, at, |c, _, value, here| c.string(value, here));
    }

    /// Runs `rule` on the value at `key` when the key is present.
    pub fn optional(&mut self, map: &Obj, at: &str, key: &str, rule: Rule) {
        if let Some(v) = map.get(key) {
            rule(self, v, &path::key(at, key));
        }
    }

    /// Runs `rule` on the value at `key`, which must be present.
    pub fn mandatory(&mut self, map: &Obj, at: &str, key: &str, rule: Rule) {
        if let Some(v) = self.required(map, at, key) {
            rule(self, v, &path::key(at, key));
        }
    }

    /// [`Checker::optional`] for each (key, rule), in order.
    pub fn optionals(&mut self, map: &Obj, at: &str, rules: &[(&str, Rule)]) {
        for &(key, rule) in rules {
            self.optional(map, at, key, rule);
        }
    }
}

/// What a value is, for messages: "must be a string, not a number".
pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
