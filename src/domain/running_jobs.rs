//! When the stream's job frames make a page's list of running jobs out of date. The live
//! stream repeats jobs the page already knows (its opening snapshot, a result upload after
//! the end); only a frame the list disagrees with is worth a new read.

use crate::api::models::{Job, JobState};

/// What a job frame says: the job, its state and its node.
pub type JobChange = (String, JobState, Option<String>);

/// `true` when `running` already agrees with `change`: a running job is in it (on the
/// node the frame names, when it names one), any other job is not.
pub fn agrees(running: &[Job], change: &JobChange) -> bool {
    let (job, state, node) = change;
    let found = running.iter().find(|j| &j.job == job);
    match (state, found) {
        (JobState::Running, Some(j)) => node.is_none() || j.node == *node,
        (JobState::Running, None) => false,
        (_, found) => found.is_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(id: &str, node: &str) -> Job {
        serde_json::from_value(serde_json::json!({ "job": id, "node": node, "state": "RUNNING" }))
            .unwrap()
    }

    fn change(id: &str, state: JobState, node: Option<&str>) -> JobChange {
        (id.into(), state, node.map(Into::into))
    }

    #[test]
    fn a_known_running_job_agrees() {
        let list = [job("a", "n1"), job("b", "n2")];
        assert!(agrees(&list, &change("a", JobState::Running, Some("n1"))));
        assert!(agrees(&list, &change("b", JobState::Running, None)));
    }

    #[test]
    fn a_new_or_moved_running_job_does_not() {
        let list = [job("a", "n1")];
        assert!(!agrees(&list, &change("c", JobState::Running, Some("n3"))));
        assert!(!agrees(&list, &change("a", JobState::Running, Some("n9"))));
        assert!(!agrees(&[], &change("a", JobState::Running, None)));
    }

    #[test]
    fn an_ended_job_agrees_only_once_it_is_gone() {
        let list = [job("a", "n1")];
        assert!(!agrees(
            &list,
            &change("a", JobState::Completed, Some("n1"))
        ));
        assert!(agrees(&list, &change("b", JobState::Stopped, None)));
        assert!(agrees(&list, &change("q", JobState::Queued, None)));
    }
}
