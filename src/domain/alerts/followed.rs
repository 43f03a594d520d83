//! What the open pages follow for alerts, and what one poll reads for them:
//! the list page's own request (one read covers its whole page of
//! deployments), and the detail page's deployment unless its live stream
//! already reports it.

use crate::api::models::JobState;
use crate::api::query::{DeploymentFilter, JobFilter, Page, PageSize};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Followed {
    /// The list page's request (filters and page), while it is open.
    pub list: Option<(DeploymentFilter, Page)>,
    /// The detail page's deployment, and whether its live stream is open.
    pub detail: Option<(String, bool)>,
}

/// The reads of one poll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollPlan {
    pub list: Option<(DeploymentFilter, Page)>,
    /// Read on its own unless the list read returned it.
    pub detail: Option<String>,
}

impl Followed {
    /// `None` when nothing needs polling (nothing followed, or only a
    /// deployment whose stream is live): the poll then sends nothing.
    pub fn plan(&self) -> Option<PollPlan> {
        let detail = self
            .detail
            .as_ref()
            .filter(|(_, live)| !live)
            .map(|(id, _)| id.clone());
        if self.list.is_none() && detail.is_none() {
            return None;
        }
        Some(PollPlan {
            list: self.list.clone(),
            detail,
        })
    }
}

/// The read of a deployment's RUNNING jobs: the largest page the API allows,
/// so one request sees them all (the count kept is the list's total).
pub fn running_jobs() -> (JobFilter, Page) {
    let filter = JobFilter {
        states: vec![JobState::Running],
        ..Default::default()
    };
    let page = Page {
        limit: PageSize::Hundred,
        ..Default::default()
    };
    (filter, page)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> (DeploymentFilter, Page) {
        let filter = DeploymentFilter {
            search: Some("llm".into()),
            ..Default::default()
        };
        (filter, Page::default())
    }

    #[test]
    fn nothing_followed_or_only_a_live_deployment_is_not_polled() {
        assert_eq!(Followed::default().plan(), None);
        let live = Followed {
            list: None,
            detail: Some(("d".into(), true)),
        };
        assert_eq!(live.plan(), None);
    }

    #[test]
    fn the_list_is_read_with_its_own_request_and_a_detail_without_stream_alone() {
        let both = Followed {
            list: Some(list()),
            detail: Some(("d".into(), false)),
        };
        assert_eq!(
            both.plan(),
            Some(PollPlan {
                list: Some(list()),
                detail: Some("d".into())
            })
        );
        let list_and_live = Followed {
            list: Some(list()),
            detail: Some(("d".into(), true)),
        };
        assert_eq!(list_and_live.plan().and_then(|p| p.detail), None);
    }

    #[test]
    fn running_jobs_are_read_in_one_page_of_a_hundred() {
        let (filter, page) = running_jobs();
        let mut pairs = filter.to_query_pairs();
        pairs.extend(page.to_query_pairs());
        let text: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(text, ["state=RUNNING", "limit=100", "sort_order=desc"]);
    }
}
