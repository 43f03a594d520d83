//! The detail page's history tabs (jobs, events, revisions, tasks) as a URL
//! query: the open tab, its filters, page size and cursor.
//!
//! `?tab=jobs&state=RUNNING,QUEUED&limit=20&cursor=...&page=2`. Each control
//! writes here and the tabs read only from here, so a reload, back/forward or
//! a shared link opens the same tab on the same page. Query pairs that are not
//! the tabs' own are kept as they are, for whatever else lives on the page.

use super::paging::{paged, Paged, Paging};
use super::query_list::{encode_pairs, join, parse_list, toggle};
use crate::api::models::{EventCategory, JobState, TaskKind};
use crate::api::query::{encode_component, EventFilter, JobFilter, Page, TaskFilter};
use crate::domain::history::is_event_type;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum HistoryTab {
    #[default]
    Jobs,
    Events,
    Revisions,
    Tasks,
    /// The jobs' log lines (its filters are `domain::logs::filter`'s, kept in `other`).
    Logs,
}

impl HistoryTab {
    pub const ALL: [HistoryTab; 5] = [
        HistoryTab::Jobs,
        HistoryTab::Events,
        HistoryTab::Revisions,
        HistoryTab::Tasks,
        HistoryTab::Logs,
    ];

    /// The value of `?tab=`, and the stem of element ids.
    pub fn as_str(self) -> &'static str {
        match self {
            HistoryTab::Jobs => "jobs",
            HistoryTab::Events => "events",
            HistoryTab::Revisions => "revisions",
            HistoryTab::Tasks => "tasks",
            HistoryTab::Logs => "logs",
        }
    }

    pub fn parse(s: &str) -> Option<HistoryTab> {
        HistoryTab::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The tab's name on screen.
    pub fn label(self) -> &'static str {
        match self {
            HistoryTab::Jobs => "Jobs",
            HistoryTab::Events => "Events",
            HistoryTab::Revisions => "Revisions",
            HistoryTab::Tasks => "Tasks",
            HistoryTab::Logs => "Logs",
        }
    }

    /// One item, for counts: "15 jobs".
    pub fn noun(self) -> &'static str {
        match self {
            HistoryTab::Jobs => "job",
            HistoryTab::Events => "event",
            HistoryTab::Revisions => "revision",
            HistoryTab::Tasks => "task",
            HistoryTab::Logs => "log line",
        }
    }

    /// The tab after this one, wrapping around (arrow keys).
    pub fn next(self) -> HistoryTab {
        let i = HistoryTab::ALL.iter().position(|t| *t == self).unwrap_or(0);
        HistoryTab::ALL[(i + 1) % HistoryTab::ALL.len()]
    }

    pub fn previous(self) -> HistoryTab {
        let n = HistoryTab::ALL.len();
        let i = HistoryTab::ALL.iter().position(|t| *t == self).unwrap_or(0);
        HistoryTab::ALL[(i + n - 1) % n]
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HistoryView {
    pub tab: HistoryTab,
    /// Jobs: states to show (none: all).
    pub states: Vec<JobState>,
    /// Events: one category (none: both).
    pub category: Option<EventCategory>,
    /// Events: types to show (none: all).
    pub types: Vec<String>,
    /// Tasks: one kind (none: all).
    pub task: Option<TaskKind>,
    pub paging: Paging,
    /// Pairs of the query that are not the tabs' own, in their order.
    pub other: Vec<(String, String)>,
}

paged!(HistoryView);

impl HistoryView {
    /// Reads the view from query pairs; unknown or malformed values fall back
    /// to defaults, and filters of other tabs are dropped.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut view = HistoryView::default();
        view.paging = Paging::from_query(pairs, |key, value| match key {
            "tab" => view.tab = HistoryTab::parse(value).unwrap_or_default(),
            "state" => view.states = parse_list(value, |s| JobState::parse(s.trim())),
            "category" => {
                view.category = EventCategory::ALL.into_iter().find(|c| c.as_str() == value)
            }
            "type" => {
                view.types = parse_list(value, |t| {
                    let t = t.trim();
                    is_event_type(t).then(|| t.to_string())
                })
            }
            "task" => view.task = TaskKind::ALL.into_iter().find(|t| t.as_str() == value),
            k => view.other.push((k.to_string(), value.to_string())),
        });
        view.keep_own_filters()
    }

    /// The query string, with a leading `?`. The tab is always written.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = vec![("tab", self.tab.as_str().to_string())];
        if !self.states.is_empty() {
            pairs.push(("state", join(self.states.iter().map(|s| s.as_str()))));
        }
        if let Some(category) = self.category {
            pairs.push(("category", category.as_str().to_string()));
        }
        if !self.types.is_empty() {
            pairs.push(("type", join(self.types.iter().map(String::as_str))));
        }
        if let Some(task) = self.task {
            pairs.push(("task", task.as_str().to_string()));
        }
        pairs.extend(self.paging.pairs());
        let mut body = encode_pairs(&pairs);
        body.extend(
            self.other
                .iter()
                .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v))),
        );
        format!("?{}", body.join("&"))
    }

    /// Another tab, from its first page with no filters; the page size and
    /// the query's other pairs stay (the log view's own pairs only on the Logs tab).
    pub fn with_tab(&self, tab: HistoryTab) -> Self {
        let log_keys = crate::domain::logs::filter::KEYS;
        HistoryView {
            tab,
            paging: Paging {
                limit: self.paging.limit,
                ..Paging::default()
            },
            other: self
                .other
                .iter()
                .filter(|(k, _)| tab == HistoryTab::Logs || !log_keys.contains(&k.as_str()))
                .cloned()
                .collect(),
            ..HistoryView::default()
        }
    }

    pub fn toggle_state(mut self, state: JobState) -> Self {
        toggle(&mut self.states, state);
        self.first_page()
    }

    pub fn with_category(mut self, category: Option<EventCategory>) -> Self {
        self.category = category.filter(|c| *c != EventCategory::Unknown);
        self.first_page()
    }

    pub fn toggle_type(mut self, kind: &str) -> Self {
        if is_event_type(kind) {
            toggle(&mut self.types, kind.to_string());
        }
        self.first_page()
    }

    pub fn with_task(mut self, task: Option<TaskKind>) -> Self {
        self.task = task.filter(|t| *t != TaskKind::Unknown);
        self.first_page()
    }

    /// Whether a filter narrows the open tab's list (its empty text differs).
    pub fn is_filtered(&self) -> bool {
        !self.states.is_empty()
            || self.category.is_some()
            || !self.types.is_empty()
            || self.task.is_some()
    }

    pub fn page_request(&self) -> Page {
        self.paging.request(Page::default().sort_order)
    }

    /// The jobs request this view stands for, when the jobs tab is open.
    pub fn jobs_request(&self) -> Option<(JobFilter, Page)> {
        (self.tab == HistoryTab::Jobs).then(|| {
            let filter = JobFilter {
                states: self.states.clone(),
                ..JobFilter::default()
            };
            (filter, self.page_request())
        })
    }

    pub fn events_request(&self) -> Option<(EventFilter, Page)> {
        (self.tab == HistoryTab::Events).then(|| {
            let filter = EventFilter {
                category: self.category,
                types: self.types.clone(),
                ..EventFilter::default()
            };
            (filter, self.page_request())
        })
    }

    pub fn revisions_request(&self) -> Option<Page> {
        (self.tab == HistoryTab::Revisions).then(|| self.page_request())
    }

    pub fn tasks_request(&self) -> Option<(TaskFilter, Page)> {
        (self.tab == HistoryTab::Tasks)
            .then(|| (TaskFilter { task: self.task }, self.page_request()))
    }

    /// Drops the filters that do not belong to the open tab.
    fn keep_own_filters(mut self) -> Self {
        if self.tab != HistoryTab::Jobs {
            self.states.clear();
        }
        if self.tab != HistoryTab::Events {
            self.category = None;
            self.types.clear();
        }
        if self.tab != HistoryTab::Tasks {
            self.task = None;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::query::PageSize;

    /// Splits a query the way the router hands it over (already decoded).
    fn parse(q: &str) -> HistoryView {
        let pairs: Vec<(&str, &str)> = q
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').unwrap_or((p, "")))
            .collect();
        HistoryView::from_pairs(pairs)
    }

    fn decode(q: &str) -> String {
        q.replace("%2C", ",").replace("%20", " ")
    }

    #[test]
    fn no_query_opens_the_jobs_tab_on_its_first_page() {
        let view = parse("");
        assert_eq!(view, HistoryView::default());
        assert_eq!(view.tab, HistoryTab::Jobs);
        assert_eq!(view.to_query(), "?tab=jobs");
    }

    #[test]
    fn every_tab_round_trips() {
        for tab in HistoryTab::ALL {
            let view = HistoryView::default().with_tab(tab);
            assert_eq!(view.to_query(), format!("?tab={}", tab.as_str()));
            assert_eq!(parse(&view.to_query()), view);
        }
    }

    #[test]
    fn jobs_view_round_trips_through_the_query() {
        let view = HistoryView {
            tab: HistoryTab::Jobs,
            states: vec![JobState::Running, JobState::Queued],
            paging: Paging {
                limit: PageSize::Twenty,
                cursor: Some("c1".into()),
                page: 2,
            },
            ..HistoryView::default()
        };
        let query = view.to_query();
        assert_eq!(
            query,
            "?tab=jobs&state=RUNNING%2CQUEUED&limit=20&cursor=c1&page=2"
        );
        assert_eq!(parse(&decode(&query)), view);
        let (filter, page) = view.jobs_request().unwrap();
        assert_eq!(filter.states, vec![JobState::Running, JobState::Queued]);
        assert_eq!(page.cursor.as_deref(), Some("c1"));
        assert_eq!(page.limit, PageSize::Twenty);
        assert_eq!(view.events_request(), None);
        assert_eq!(view.revisions_request(), None);
        assert_eq!(view.tasks_request(), None);
    }

    #[test]
    fn events_view_round_trips_through_the_query() {
        let view = parse("tab=events&category=Event&type=FRPS_TUNNEL_LOST,JOB_LIST_ERROR&limit=50");
        assert_eq!(view.category, Some(EventCategory::Event));
        assert_eq!(view.types, vec!["FRPS_TUNNEL_LOST", "JOB_LIST_ERROR"]);
        assert_eq!(view.paging.limit, PageSize::Fifty);
        assert_eq!(
            view.to_query(),
            "?tab=events&category=Event&type=FRPS_TUNNEL_LOST%2CJOB_LIST_ERROR&limit=50"
        );
        let (filter, page) = view.events_request().unwrap();
        assert_eq!(filter.category, Some(EventCategory::Event));
        assert_eq!(filter.types, vec!["FRPS_TUNNEL_LOST", "JOB_LIST_ERROR"]);
        assert_eq!(page.cursor, None);
        assert_eq!(view.jobs_request(), None);
    }

    #[test]
    fn tasks_and_revisions_requests() {
        let view = parse("tab=tasks&task=EXTEND");
        assert_eq!(view.tasks_request().unwrap().0.task, Some(TaskKind::Extend));
        assert_eq!(view.to_query(), "?tab=tasks&task=EXTEND");
        let view = parse("tab=revisions&limit=100&cursor=r9&page=3");
        let page = view.revisions_request().unwrap();
        assert_eq!(page.limit, PageSize::Hundred);
        assert_eq!(page.cursor.as_deref(), Some("r9"));
        assert_eq!(view.paging.page, 3);
    }

    #[test]
    fn malformed_values_fall_back_to_defaults() {
        let view = parse("tab=nope&state=RUNNING,BOGUS,RUNNING&limit=7&page=0");
        assert_eq!(view.tab, HistoryTab::Jobs);
        assert_eq!(view.states, vec![JobState::Running]);
        assert_eq!(view.paging.limit, PageSize::Ten);
        assert_eq!(view.paging.page, 1);
        let view = parse("tab=events&category=Other&type=A B,<x>,OK_1");
        assert_eq!(view.category, None);
        assert_eq!(view.types, vec!["OK_1"]);
        let view = parse("tab=tasks&task=LIST,STOP");
        assert_eq!(view.task, None);
    }

    #[test]
    fn filters_of_other_tabs_are_dropped() {
        let view = parse("tab=events&state=RUNNING&task=LIST&type=JOB_LIST_ERROR");
        assert!(view.states.is_empty());
        assert_eq!(view.task, None);
        assert_eq!(view.types, vec!["JOB_LIST_ERROR"]);
    }

    #[test]
    fn switching_tabs_keeps_the_page_size_and_forgets_the_rest() {
        let view = parse("tab=jobs&state=STOPPED&limit=20&cursor=x&page=2");
        let events = view.with_tab(HistoryTab::Events);
        assert_eq!(events.to_query(), "?tab=events&limit=20");
        assert_eq!(events.paging.page, 1);
    }

    #[test]
    fn filter_and_size_changes_return_to_the_first_page() {
        let view = parse("tab=jobs&cursor=x&page=4");
        let next = view.clone().toggle_state(JobState::Stopped);
        assert_eq!(next.paging, Paging::default());
        assert_eq!(next.states, vec![JobState::Stopped]);
        assert!(next.is_filtered());
        assert!(next.toggle_state(JobState::Stopped).states.is_empty());
        let events = parse("tab=events&cursor=x&page=2");
        assert_eq!(
            events.clone().toggle_type("JOB_LIST_ERROR").paging.cursor,
            None
        );
        assert!(events.clone().toggle_type("bad type").types.is_empty());
        assert_eq!(
            events
                .with_category(Some(EventCategory::Deployment))
                .category,
            Some(EventCategory::Deployment)
        );
        let tasks = parse("tab=tasks&cursor=x&page=2").with_task(Some(TaskKind::Stop));
        assert_eq!(
            (tasks.task, tasks.paging.cursor),
            (Some(TaskKind::Stop), None)
        );
        assert!(!parse("tab=jobs").is_filtered());
    }

    #[test]
    fn other_pairs_of_the_query_are_kept() {
        let view = parse("live=off&tab=revisions&x=a b");
        assert_eq!(
            view.other,
            vec![
                ("live".to_string(), "off".to_string()),
                ("x".to_string(), "a b".to_string())
            ]
        );
        assert_eq!(view.to_query(), "?tab=revisions&live=off&x=a%20b");
        assert_eq!(
            view.with_tab(HistoryTab::Tasks).to_query(),
            "?tab=tasks&live=off&x=a%20b"
        );
    }

    #[test]
    fn arrow_keys_wrap_around() {
        assert_eq!(HistoryTab::Jobs.next(), HistoryTab::Events);
        assert_eq!(HistoryTab::Tasks.next(), HistoryTab::Logs);
        assert_eq!(HistoryTab::Logs.next(), HistoryTab::Jobs);
        assert_eq!(HistoryTab::Jobs.previous(), HistoryTab::Logs);
        assert_eq!(HistoryTab::Revisions.previous(), HistoryTab::Events);
        let labels: Vec<_> = HistoryTab::ALL.iter().map(|t| t.label()).collect();
        assert_eq!(labels, ["Jobs", "Events", "Revisions", "Tasks", "Logs"]);
    }

    #[test]
    fn the_log_views_pairs_stay_on_the_logs_tab_only() {
        let logs = parse("?tab=logs&q=boom&levels=errors&keep=1");
        assert_eq!(logs.tab, HistoryTab::Logs);
        assert_eq!(
            logs.to_query(),
            "?tab=logs&q=boom&levels=errors&keep=1",
            "the log filter survives a round trip"
        );
        assert_eq!(
            logs.with_tab(HistoryTab::Jobs).to_query(),
            "?tab=jobs&keep=1"
        );
        assert_eq!(
            logs.with_tab(HistoryTab::Logs).to_query(),
            "?tab=logs&q=boom&levels=errors&keep=1"
        );
    }
}
