//! Injected faults: latency, failing statuses, broken JSON and dropped
//! connections, each optionally limited to request paths containing a string.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scoped<T> {
    pub value: T,
    pub path_contains: Option<String>,
}

impl<T> Scoped<T> {
    fn hits(&self, path: &str) -> bool {
        self.path_contains
            .as_deref()
            .is_none_or(|p| path.contains(p))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fail {
    pub count: u32,
    pub status: u16,
    #[serde(default)]
    pub body: Option<String>,
}

/// What `POST /__fake/faults` accepts. Each fault given replaces the one of
/// its kind; `path_contains` scopes the faults given with it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultsBody {
    pub latency_ms: Option<u64>,
    pub fail_next: Option<Fail>,
    pub malformed_next: Option<u32>,
    pub drop_next: Option<u32>,
    pub path_contains: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Injected {
    /// Close the connection without any response.
    Drop,
    Fail {
        status: u16,
        body: Option<String>,
    },
    /// Answer 200 with a cut-off JSON body.
    Malformed,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Faults {
    pub latency_ms: Option<Scoped<u64>>,
    pub fail_next: Option<Scoped<Fail>>,
    pub malformed_next: Option<Scoped<u32>>,
    pub drop_next: Option<Scoped<u32>>,
}

impl Faults {
    pub fn apply(&mut self, body: FaultsBody) -> Result<(), String> {
        let filter = body.path_contains.clone();
        if body.latency_ms.is_none()
            && body.fail_next.is_none()
            && body.malformed_next.is_none()
            && body.drop_next.is_none()
        {
            return Err(
                "no fault given: use latency_ms, fail_next, malformed_next or drop_next".into(),
            );
        }
        if let Some(fail) = &body.fail_next {
            if !(100..=599).contains(&fail.status) {
                return Err(format!(
                    "fail_next.status {} is not an HTTP status",
                    fail.status
                ));
            }
        }
        if let Some(ms) = body.latency_ms {
            self.latency_ms = (ms > 0).then(|| scoped(ms, &filter));
        }
        if let Some(fail) = body.fail_next.clone() {
            self.fail_next = (fail.count > 0).then(|| scoped(fail, &filter));
        }
        if let Some(n) = body.malformed_next {
            self.malformed_next = (n > 0).then(|| scoped(n, &filter));
        }
        if let Some(n) = body.drop_next {
            self.drop_next = (n > 0).then(|| scoped(n, &filter));
        }
        Ok(())
    }

    pub fn latency_for(&self, path: &str) -> u64 {
        self.latency_ms
            .as_ref()
            .filter(|l| l.hits(path))
            .map_or(0, |l| l.value)
    }

    /// The fault for this request, if any, used up.
    pub fn take(&mut self, path: &str) -> Option<Injected> {
        if take_one(&mut self.drop_next, path, |n| n) {
            return Some(Injected::Drop);
        }
        if let Some(fail) = self.fail_next.as_ref().filter(|f| f.hits(path)) {
            let injected = Injected::Fail {
                status: fail.value.status,
                body: fail.value.body.clone(),
            };
            take_one(&mut self.fail_next, path, |f| &mut f.count);
            return Some(injected);
        }
        if take_one(&mut self.malformed_next, path, |n| n) {
            return Some(Injected::Malformed);
        }
        None
    }
}

fn scoped<T>(value: T, path_contains: &Option<String>) -> Scoped<T> {
    Scoped {
        value,
        path_contains: path_contains.clone(),
    }
}

/// Counts one use of a scoped fault that hits `path`; clears it when used up.
fn take_one<T>(
    slot: &mut Option<Scoped<T>>,
    path: &str,
    count: impl Fn(&mut T) -> &mut u32,
) -> bool {
    let Some(fault) = slot.as_mut().filter(|f| f.hits(path)) else {
        return false;
    };
    let left = count(&mut fault.value);
    *left = left.saturating_sub(1);
    if *left == 0 {
        *slot = None;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(json: &str) -> FaultsBody {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn counts_down_and_clears() {
        let mut f = Faults::default();
        f.apply(body(r#"{"fail_next": {"count": 2, "status": 503}}"#))
            .unwrap();
        assert!(matches!(
            f.take("/api/x"),
            Some(Injected::Fail { status: 503, .. })
        ));
        assert!(f.take("/api/x").is_some());
        assert_eq!(f.take("/api/x"), None);
    }

    #[test]
    fn path_filter_limits_the_fault() {
        let mut f = Faults::default();
        f.apply(body(r#"{"drop_next": 1, "path_contains": "/start"}"#))
            .unwrap();
        assert_eq!(f.take("/api/deployments"), None);
        assert_eq!(f.take("/api/deployments/x/start"), Some(Injected::Drop));
        assert_eq!(f.take("/api/deployments/x/start"), None);
    }

    #[test]
    fn refuses_nonsense() {
        let mut f = Faults::default();
        assert!(f.apply(body("{}")).is_err());
        assert!(f
            .apply(body(r#"{"fail_next": {"count": 1, "status": 42}}"#))
            .is_err());
        assert!(serde_json::from_str::<FaultsBody>(r#"{"fail": 1}"#).is_err());
    }
}
