//! Query strings for the list endpoints: paging, filters and percent-encoding.
//!
//! Only values the contract accepts can be expressed: page sizes are an enum, and
//! there is deliberately no `revision` filter (the server refuses `?revision=1`).

use chrono::{DateTime, SecondsFormat, Utc};

use super::models::{EventCategory, JobState, Status, Strategy, TaskKind};

/// The only page sizes the API accepts; anything else is a 400.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum PageSize {
    #[default]
    Ten,
    Twenty,
    Fifty,
    Hundred,
}

impl PageSize {
    pub const ALL: [PageSize; 4] = [
        PageSize::Ten,
        PageSize::Twenty,
        PageSize::Fifty,
        PageSize::Hundred,
    ];

    pub fn as_u32(self) -> u32 {
        match self {
            PageSize::Ten => 10,
            PageSize::Twenty => 20,
            PageSize::Fifty => 50,
            PageSize::Hundred => 100,
        }
    }

    pub fn from_u32(n: u32) -> Option<PageSize> {
        PageSize::ALL.into_iter().find(|size| size.as_u32() == n)
    }
}

/// By `created_at`; the API's default is newest first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    Asc,
    #[default]
    Desc,
}

impl SortOrder {
    pub fn as_str(self) -> &'static str {
        match self {
            SortOrder::Asc => "asc",
            SortOrder::Desc => "desc",
        }
    }
}

/// Where a list starts and how much it shows. `cursor` is one of the
/// `Pagination` cursors of the previous answer, passed back unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub cursor: Option<String>,
    pub limit: PageSize,
    pub sort_order: SortOrder,
}

impl Page {
    pub fn to_query_pairs(&self) -> Vec<(String, String)> {
        let mut q = Pairs::default();
        q.text("cursor", self.cursor.as_deref());
        q.push("limit", self.limit.as_u32().to_string());
        q.push("sort_order", self.sort_order.as_str().to_string());
        q.0
    }
}

/// An enum a list can be filtered by.
trait Filter {
    /// The word the API reads, or `None` for `Unknown`: a word we could not read is
    /// never sent back as a filter.
    fn wire(&self) -> Option<&'static str>;
}

macro_rules! filter_by_wire_name {
    ($($t:ident),*) => {$(
        impl Filter for $t {
            fn wire(&self) -> Option<&'static str> {
                (*self != $t::Unknown).then(|| self.as_str())
            }
        }
    )*};
}

filter_by_wire_name!(Status, Strategy, JobState, EventCategory, TaskKind);

/// Filters of `GET /deployments`. Empty fields are left out of the query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeploymentFilter {
    /// Case-insensitive partial match on id or name.
    pub search: Option<String>,
    pub id: Option<String>,
    /// Exact name.
    pub name: Option<String>,
    pub statuses: Vec<Status>,
    pub strategies: Vec<Strategy>,
    pub vault: Option<String>,
    pub created_after: Option<DateTime<Utc>>,
    pub created_before: Option<DateTime<Utc>>,
}

impl DeploymentFilter {
    pub fn to_query_pairs(&self) -> Vec<(String, String)> {
        let mut q = Pairs::default();
        q.text("search", self.search.as_deref());
        q.text("id", self.id.as_deref());
        q.text("name", self.name.as_deref());
        q.list("status", self.statuses.iter().filter_map(|s| s.wire()));
        q.list("strategy", self.strategies.iter().filter_map(|s| s.wire()));
        q.text("vault", self.vault.as_deref());
        q.dates(self.created_after, self.created_before);
        q.0
    }
}

/// Filters of `GET /deployments/{id}/jobs`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobFilter {
    pub states: Vec<JobState>,
    /// A job address.
    pub job: Option<String>,
    pub created_after: Option<DateTime<Utc>>,
    pub created_before: Option<DateTime<Utc>>,
}

impl JobFilter {
    pub fn to_query_pairs(&self) -> Vec<(String, String)> {
        let mut q = Pairs::default();
        q.list("state", self.states.iter().filter_map(|s| s.wire()));
        q.text("job", self.job.as_deref());
        q.dates(self.created_after, self.created_before);
        q.0
    }
}

/// Filters of `GET /deployments/{id}/events`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    pub category: Option<EventCategory>,
    /// Event types, e.g. `JOB_LIST_ERROR`.
    pub types: Vec<String>,
    pub created_after: Option<DateTime<Utc>>,
    pub created_before: Option<DateTime<Utc>>,
}

impl EventFilter {
    pub fn to_query_pairs(&self) -> Vec<(String, String)> {
        let mut q = Pairs::default();
        q.text("category", self.category.and_then(|c| c.wire()));
        q.list("type", self.types.iter().map(String::as_str));
        q.dates(self.created_after, self.created_before);
        q.0
    }
}

/// Filters of `GET /deployments/{id}/tasks`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskFilter {
    pub task: Option<TaskKind>,
}

impl TaskFilter {
    pub fn to_query_pairs(&self) -> Vec<(String, String)> {
        let mut q = Pairs::default();
        q.text("task", self.task.and_then(|t| t.wire()));
        q.0
    }
}

/// `k=v&k=v`, every byte outside RFC 3986's unreserved set percent-encoded.
pub fn encode_query(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encodes everything but `A-Z a-z 0-9 - . _ ~`, so the result is safe
/// as a path segment or a query key or value.
pub fn encode_component(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0F)]));
        }
    }
    out
}

/// Collects query pairs, leaving out what is empty.
#[derive(Default)]
struct Pairs(Vec<(String, String)>);

impl Pairs {
    fn push(&mut self, key: &str, value: String) {
        self.0.push((key.to_string(), value));
    }

    fn text(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
            self.push(key, v.to_string());
        }
    }

    /// One comma-separated value, duplicates dropped, order kept.
    fn list<'a>(&mut self, key: &str, values: impl Iterator<Item = &'a str>) {
        let mut seen: Vec<&str> = Vec::new();
        for v in values.map(str::trim).filter(|v| !v.is_empty()) {
            if !seen.contains(&v) {
                seen.push(v);
            }
        }
        if !seen.is_empty() {
            self.push(key, seen.join(","));
        }
    }

    fn dates(&mut self, after: Option<DateTime<Utc>>, before: Option<DateTime<Utc>>) {
        let iso = |t: DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Millis, true);
        if let Some(t) = after {
            self.push("created_after", iso(t));
        }
        if let Some(t) = before {
            self.push("created_before", iso(t));
        }
    }
}
