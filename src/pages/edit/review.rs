//! What the job-definition editor's text amounts to: the value to send, the
//! problems that block sending, and the warnings that do not.

use crate::domain::jobdef::{self, Problem};
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Review {
    /// Present only when there are no problems.
    pub value: Option<Value>,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Review {
    pub fn of(text: &str) -> Review {
        match jobdef::check_text(text) {
            Ok(value) => Review {
                warnings: jobdef::locate(text, jobdef::warnings(&value)),
                value: Some(value),
                problems: Vec::new(),
            },
            Err(problems) => Review {
                warnings: serde_json::from_str::<Value>(text)
                    .map(|v| jobdef::locate(text, jobdef::warnings(&v)))
                    .unwrap_or_default(),
                value: None,
                problems,
            },
        }
    }

    /// Lines to mark in the editor's gutter.
    pub fn problem_lines(&self) -> Vec<usize> {
        self.problems.iter().filter_map(|p| p.line).collect()
    }
}

/// A problem as listed: `path: message`, with its line when the message lacks it.
pub fn listed(p: &Problem) -> String {
    match (p.line, p.column) {
        (Some(line), None) => format!("{p} (line {line})"),
        _ => p.to_string(),
    }
}
