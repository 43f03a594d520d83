//! The log of API requests, so tests can assert what the app sent.

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct LogEntry {
    /// Lets a response status be filled in after later requests arrived.
    #[serde(skip)]
    pub seq: u64,
    pub method: String,
    /// Without the `/api` prefix, e.g. `/deployments/ID/start`.
    pub path: String,
    pub query: String,
    pub authorization: Option<String>,
    pub content_type: Option<String>,
    pub body: Option<String>,
    /// `null` while the response is pending, and for a dropped connection.
    pub status: Option<u16>,
}

#[derive(Debug, Default)]
pub struct RequestLog {
    entries: Vec<LogEntry>,
    next_seq: u64,
}

impl RequestLog {
    /// Records a request in arrival order; returns its handle for `finish`.
    pub fn start(&mut self, mut entry: LogEntry) -> u64 {
        self.next_seq += 1;
        entry.seq = self.next_seq;
        self.entries.push(entry);
        self.next_seq
    }

    pub fn finish(&mut self, seq: u64, status: Option<u16>) {
        if let Some(e) = self.entries.iter_mut().find(|e| e.seq == seq) {
            e.status = status;
        }
    }

    pub fn entries(&self) -> &[LogEntry] {
        &self.entries
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }
}
