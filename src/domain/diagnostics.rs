//! Container problems in plain words, from the Docker state a newer node puts in each
//! `/info` op state (`opStates[].diagnostics`: `OOMKilled`, `RestartCount`, `ExitCode`,
//! `Error`, `Health {Status, FailingStreak, Log}`). Nodes differ in what they send, so
//! every field is optional and a field of the wrong type says nothing.

use serde_json::Value;

/// The longest check output shown; health check logs can hold whole HTTP pages.
const OUTPUT_CHARS: usize = 400;

/// One problem: a short sentence, and for a failing health check the last check's output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub text: String,
    pub detail: Option<String>,
}

impl Problem {
    fn plain(text: String) -> Problem {
        Problem { text, detail: None }
    }
}

/// Op statuses after which the op no longer runs (its exit code is final).
fn ended(status: &str) -> bool {
    matches!(
        status.trim().to_ascii_lowercase().as_str(),
        "finished" | "failed" | "stopped" | "exited" | "success" | "completed" | "dead"
    )
}

/// "restarted 1 time", "restarted 3 times".
pub fn restarted(n: u64) -> String {
    format!("restarted {}", crate::domain::words::count_of(n, "time"))
}

/// "health check failing (3 in a row)", or without a count when the node gives none.
pub fn health_failing(streak: u64) -> String {
    if streak > 0 {
        format!("health check failing ({streak} in a row)")
    } else {
        "health check failing".to_string()
    }
}

/// "ended with exit code 137".
pub fn exit_code(code: i64) -> String {
    format!("ended with exit code {code}")
}

/// The problems of one op, most serious first. `status` and `exit_code` are the op state's
/// own fields; the exit code is only said once the op ended (a running op's last code is
/// history, already told by its restarts).
pub fn problems(diagnostics: &Value, status: &str, op_exit: Option<i64>) -> Vec<Problem> {
    let d = diagnostics;
    let mut out = Vec::new();
    if d.get("OOMKilled").and_then(Value::as_bool) == Some(true) {
        out.push(Problem::plain("killed: out of memory".to_string()));
    }
    if let Some(n) = d
        .get("RestartCount")
        .and_then(Value::as_u64)
        .filter(|n| *n > 0)
    {
        out.push(Problem::plain(restarted(n)));
    }
    if let Some(p) = d.get("Health").and_then(health) {
        out.push(p);
    }
    if let Some(e) = d
        .get("Error")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        out.push(Problem::plain(format!("error: {e}")));
    }
    if ended(status) {
        let code = op_exit.or_else(|| d.get("ExitCode").and_then(Value::as_i64));
        if let Some(code) = code {
            out.push(Problem::plain(exit_code(code)));
        }
    }
    out
}

/// A failing health check with its last output; nothing while healthy or starting.
fn health(h: &Value) -> Option<Problem> {
    let status = h.get("Status").and_then(Value::as_str).unwrap_or("");
    let streak = h.get("FailingStreak").and_then(Value::as_u64).unwrap_or(0);
    let failing = status.eq_ignore_ascii_case("unhealthy")
        || (streak > 0 && !status.eq_ignore_ascii_case("healthy"));
    if !failing {
        return None;
    }
    Some(Problem {
        text: health_failing(streak),
        detail: last_output(h),
    })
}

/// The newest check's output (`Log` is oldest first), trimmed and cut to a readable length.
fn last_output(h: &Value) -> Option<String> {
    let entry = h.get("Log")?.as_array()?.last()?;
    let output = entry.get("Output")?.as_str()?.trim();
    if output.is_empty() {
        return None;
    }
    let mut cut: String = output.chars().take(OUTPUT_CHARS).collect();
    if cut.len() < output.len() {
        cut.push('…');
    }
    Some(cut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn texts(d: Value, status: &str, exit: Option<i64>) -> Vec<String> {
        problems(&d, status, exit)
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn an_oom_kill_restarts_and_exit_in_words() {
        let d = json!({"OOMKilled": true, "RestartCount": 2, "ExitCode": 137});
        assert_eq!(
            texts(d, "failed", Some(137)),
            [
                "killed: out of memory",
                "restarted 2 times",
                "ended with exit code 137"
            ]
        );
    }

    #[test]
    fn one_restart_is_singular_and_zero_says_nothing() {
        assert_eq!(
            texts(json!({"RestartCount": 1}), "running", None),
            ["restarted 1 time"]
        );
        assert!(texts(
            json!({"RestartCount": 0, "OOMKilled": false}),
            "running",
            None
        )
        .is_empty());
    }

    #[test]
    fn a_failing_health_check_gives_its_streak_and_last_output() {
        let d = json!({"Health": {"Status": "unhealthy", "FailingStreak": 3, "Log": [
            {"ExitCode": 1, "Output": "old"},
            {"ExitCode": 1, "Output": "  curl: (7) Failed to connect\n"}
        ]}});
        let p = problems(&d, "running", None);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].text, "health check failing (3 in a row)");
        assert_eq!(p[0].detail.as_deref(), Some("curl: (7) Failed to connect"));
    }

    #[test]
    fn healthy_or_starting_checks_say_nothing() {
        let healthy = json!({"Health": {"Status": "healthy", "FailingStreak": 0}});
        assert!(texts(healthy, "running", None).is_empty());
        let starting = json!({"Health": {"Status": "starting", "FailingStreak": 0}});
        assert!(texts(starting, "running", None).is_empty());
        let streak = json!({"Health": {"Status": "starting", "FailingStreak": 2}});
        assert_eq!(
            texts(streak, "running", None),
            ["health check failing (2 in a row)"]
        );
    }

    #[test]
    fn the_exit_code_is_said_only_once_the_op_ended() {
        assert!(texts(json!({"ExitCode": 1}), "running", None).is_empty());
        assert_eq!(
            texts(json!({"ExitCode": 1}), "stopped", None),
            ["ended with exit code 1"]
        );
        // The op state's own code wins over Docker's.
        assert_eq!(
            texts(json!({"ExitCode": 1}), "finished", Some(0)),
            ["ended with exit code 0"]
        );
        assert!(texts(Value::Null, "finished", None).is_empty());
    }

    #[test]
    fn odd_shapes_say_nothing_and_long_output_is_cut() {
        let odd = json!({"OOMKilled": "yes", "RestartCount": -1, "Health": "bad", "Error": 5});
        assert!(texts(odd, "running", None).is_empty());
        let long = "x".repeat(1000);
        let d = json!({"Health": {"Status": "unhealthy", "Log": [{"Output": long}]}});
        let p = problems(&d, "running", None);
        assert_eq!(p[0].text, "health check failing");
        let detail = p[0].detail.clone().unwrap_or_default();
        assert_eq!(detail.chars().count(), OUTPUT_CHARS + 1);
        assert!(detail.ends_with('…'));
    }

    #[test]
    fn a_docker_error_is_quoted() {
        assert_eq!(
            texts(
                json!({"Error": "port is already allocated"}),
                "failed",
                None
            ),
            ["error: port is already allocated"]
        );
    }
}
