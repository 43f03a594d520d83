//! What the job-definition editor's text amounts to: the value to send, the
//! problems that block sending, and the warnings that do not.

use super::{self as jobdef, Problem};
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

/// The text pretty-printed (two-space indent, key order kept), or why it cannot be.
pub fn pretty(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err("Nothing to format: the editor is empty.".to_string());
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let reason = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(reason, _)| reason);
        format!(
            "Cannot format: not valid JSON: {reason} (line {}, column {}).",
            e.line(),
            e.column()
        )
    })?;
    serde_json::to_string_pretty(&value).map_err(|e| format!("Cannot format: {e}"))
}

/// A problem as listed: `path: message`, with its line when the message lacks it.
pub fn listed(p: &Problem) -> String {
    match (p.line, p.column) {
        (Some(line), None) => format!("{p} (line {line})"),
        _ => p.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_text_has_a_value_and_broken_text_has_problems_on_lines() {
        let broken = Review::of("{\n  \"ops\": [\n");
        assert!(broken.value.is_none());
        assert!(!broken.problems.is_empty());
        assert!(broken.problem_lines().iter().all(|line| *line >= 1));
        let empty = Review::of("");
        assert!(empty.value.is_none() && !empty.problems.is_empty());
    }

    #[test]
    fn format_keeps_key_order_and_explains_bad_json() {
        assert_eq!(
            pretty("{\"b\":1,\"a\":[2]}"),
            Ok("{\n  \"b\": 1,\n  \"a\": [\n    2\n  ]\n}".into())
        );
        assert_eq!(
            pretty("  \n"),
            Err("Nothing to format: the editor is empty.".into())
        );
        let bad = pretty("{\n  oops").unwrap_err();
        assert!(bad.starts_with("Cannot format: not valid JSON: "), "{bad}");
        assert!(bad.ends_with("(line 2, column 3)."), "{bad}");
    }

    #[test]
    fn a_listed_problem_names_its_line_once() {
        let p = Problem {
            path: "ops".into(),
            message: "required".into(),
            line: Some(3),
            column: None,
        };
        assert_eq!(listed(&p), format!("{p} (line 3)"));
        let placed = Problem {
            column: Some(2),
            ..p.clone()
        };
        assert_eq!(listed(&placed), placed.to_string());
    }
}
