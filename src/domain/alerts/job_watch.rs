//! Which jobs of each followed deployment are known to run, so the alerts can
//! tell when one has ended (its result then says how it exited).
//!
//! Two sources feed it. The detail page's live stream reports every job
//! state. The light poll has only the deployments' `active_jobs` counts (one
//! list read covers a whole page of deployments), so it reads a deployment's
//! RUNNING jobs only when that count differs from the one its last read of
//! them found, and once to learn which jobs run. A job that ends while another
//! starts between two polls leaves the count as it was and goes unseen: the
//! price of one request per poll.

use std::collections::{BTreeSet, HashMap};

use crate::api::models::JobState;

#[derive(Debug, Default)]
pub struct JobWatch {
    /// Deployment id -> its jobs seen RUNNING and not seen ending since.
    running: HashMap<String, BTreeSet<String>>,
    /// Deployment id -> how many jobs ran when the poll last read them.
    counted: HashMap<String, u64>,
}

impl JobWatch {
    /// A job state from the live stream: `true` when a job seen running has
    /// just ended (COMPLETED or STOPPED). A job first seen ended is old news.
    pub fn job_state(&mut self, id: &str, job: &str, state: JobState) -> bool {
        match state {
            JobState::Running => {
                self.running
                    .entry(id.to_string())
                    .or_default()
                    .insert(job.to_string());
                false
            }
            JobState::Completed | JobState::Stopped => self
                .running
                .get_mut(id)
                .is_some_and(|jobs| jobs.remove(job)),
            _ => false,
        }
    }

    /// The poll read deployment `id` with `active_jobs` running jobs: whether
    /// its RUNNING jobs are worth reading now. A deployment first seen with no
    /// job running needs no read: that count is remembered instead.
    pub fn wants_read(&mut self, id: &str, active_jobs: u32) -> bool {
        let active = u64::from(active_jobs);
        match self.counted.get(id) {
            Some(&counted) => counted != active,
            None if active == 0 && self.running.get(id).is_none_or(BTreeSet::is_empty) => {
                self.counted.insert(id.to_string(), 0);
                false
            }
            None => true,
        }
    }

    /// The poll read `id`'s RUNNING jobs (`total` of them, as the list's
    /// pagination counts them): the jobs seen running before that are gone
    /// from it, i.e. have ended, in a stable order.
    pub fn read(&mut self, id: &str, running: &[String], total: u64) -> Vec<String> {
        let now: BTreeSet<String> = running.iter().cloned().collect();
        let before = self.running.insert(id.to_string(), now.clone());
        self.counted.insert(id.to_string(), total);
        before
            .unwrap_or_default()
            .difference(&now)
            .cloned()
            .collect()
    }

    /// Forgets what the poll learnt (alerts turned off: the poll stops, so its
    /// knowledge goes stale). What the stream reports stays true and is kept.
    pub fn forget_polled(&mut self) {
        for id in self.counted.keys() {
            self.running.remove(id);
        }
        self.counted.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jobs(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_stream_reports_only_jobs_seen_running_that_end() {
        let mut w = JobWatch::default();
        assert!(!w.job_state("d", "j", JobState::Completed), "old ended job");
        assert!(!w.job_state("d", "j", JobState::Running));
        assert!(w.job_state("d", "j", JobState::Stopped));
        assert!(!w.job_state("d", "j", JobState::Stopped), "reported once");
        w.job_state("d", "k", JobState::Running);
        assert!(!w.job_state("d", "k", JobState::Queued));
        assert!(
            !w.job_state("other", "k", JobState::Completed),
            "per deployment"
        );
    }

    #[test]
    fn jobs_are_read_once_to_learn_them_then_only_when_the_count_changes() {
        let mut w = JobWatch::default();
        assert!(w.wants_read("d", 2), "first seen with jobs");
        assert_eq!(w.read("d", &jobs(&["a", "b"]), 2), Vec::<String>::new());
        assert!(!w.wants_read("d", 2), "same count: no read");
        assert!(w.wants_read("d", 1));
        assert_eq!(w.read("d", &jobs(&["b"]), 1), jobs(&["a"]));
        assert!(!w.wants_read("d", 1));
        // A new job is learnt too, and its end is seen later.
        assert!(w.wants_read("d", 2));
        assert_eq!(w.read("d", &jobs(&["b", "c"]), 2), Vec::<String>::new());
        assert!(w.wants_read("d", 0));
        assert_eq!(w.read("d", &jobs(&[]), 0), jobs(&["b", "c"]));
    }

    #[test]
    fn a_deployment_first_seen_idle_needs_no_read_until_a_job_runs() {
        let mut w = JobWatch::default();
        assert!(!w.wants_read("d", 0));
        assert!(!w.wants_read("d", 0));
        assert!(w.wants_read("d", 1));
        assert_eq!(w.read("d", &jobs(&["a"]), 1), Vec::<String>::new());
        assert!(w.wants_read("d", 0));
        assert_eq!(w.read("d", &jobs(&[]), 0), jobs(&["a"]));
    }

    #[test]
    fn the_poll_takes_over_from_the_stream_without_losing_an_end() {
        let mut w = JobWatch::default();
        w.job_state("d", "a", JobState::Running);
        w.job_state("d", "b", JobState::Running);
        // The stream is lost; the poll's first read finds only "b" running.
        assert!(w.wants_read("d", 1), "never counted: read");
        assert_eq!(w.read("d", &jobs(&["b"]), 1), jobs(&["a"]));
        // A job the stream already reported ended is not reported again.
        w.job_state("d", "b", JobState::Completed);
        assert!(w.wants_read("d", 0));
        assert_eq!(w.read("d", &jobs(&[]), 0), Vec::<String>::new());
        // Known running jobs of an idle-looking deployment are checked.
        w.job_state("e", "x", JobState::Running);
        assert!(w.wants_read("e", 0));
    }

    #[test]
    fn turning_alerts_off_forgets_the_polls_jobs_not_the_streams() {
        let mut w = JobWatch::default();
        w.wants_read("p", 1);
        w.read("p", &jobs(&["a"]), 1);
        w.job_state("s", "x", JobState::Running);
        w.forget_polled();
        // Back on: "a" ended meanwhile, which is not news.
        assert!(!w.wants_read("p", 0));
        assert!(w.job_state("s", "x", JobState::Stopped));
    }
}
