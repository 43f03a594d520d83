//! The job definition checker: the rules of the server's validator
//! (`validateJobDefinition` from `@nosana/types` 2.1.6, job definition
//! version 0.1), with each problem placed on a line of the text the user typed.
//!
//! `check` aims to give exactly the server's verdict: no problems means the
//! server accepts it. `warnings` adds things the server accepts but that are
//! almost certainly mistakes.

mod advice;
mod checker;
mod expose;
pub(crate) mod path;
pub(crate) mod position;
mod resources;
pub mod review;
mod rules;
mod run_args;

use std::fmt;

use serde_json::Value;

pub use advice::warnings;
pub use expose::is_placeholder;

/// One thing wrong with a job definition, e.g. `ops[1].args.image: required`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, as `ops[1].args.image`; empty for the whole text.
    pub path: String,
    pub message: String,
    /// 1-based line in the checked text, when known.
    pub line: Option<usize>,
    /// 1-based column; only JSON syntax errors have one.
    pub column: Option<usize>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Parses and checks the text. `Ok` holds the value to send as typed; `Err`
/// holds every problem, each with its line.
pub fn check_text(text: &str) -> Result<Value, Vec<Problem>> {
    if text.trim().is_empty() {
        return Err(vec![Problem {
            path: String::new(),
            message: "the job definition is empty".to_string(),
            line: Some(1),
            column: Some(1),
        }]);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| vec![syntax_problem(&e)])?;
    let problems = check(&value);
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(locate(text, problems))
    }
}

/// The server's rules applied to an already parsed value. Lines are not known here.
pub fn check(value: &Value) -> Vec<Problem> {
    let mut c = checker::Checker::default();
    rules::job_definition(&mut c, value);
    c.problems
}

/// Fills in each problem's line from the text it was found in.
pub fn locate(text: &str, problems: Vec<Problem>) -> Vec<Problem> {
    let lines = position::lines(text);
    problems
        .into_iter()
        .map(|p| Problem {
            line: p.line.or_else(|| position::line_of(&lines, &p.path)),
            ..p
        })
        .collect()
}

fn syntax_problem(e: &serde_json::Error) -> Problem {
    let full = e.to_string();
    // serde_json appends " at line L column C"; we keep those as fields.
    let reason = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(reason, _)| reason);
    Problem {
        path: String::new(),
        message: format!(
            "not valid JSON: {reason} (line {}, column {})",
            e.line(),
            e.column()
        ),
        line: Some(e.line()),
        column: Some(e.column()),
    }
}

#[cfg(test)]
mod tests;
