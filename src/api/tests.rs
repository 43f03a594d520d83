//! Native tests of the API client against fixtures in the contract's shapes
//! (`tests/fixtures/api/`).

/// A fixture file's text, compiled into the test binary.
macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/api/",
            $name
        ))
    };
}

/// Text fed to the parser at once (the app feeds bytes as they arrive).
trait FeedStr {
    fn feed_str(&mut self, chunk: &str) -> Vec<String>;
}

impl FeedStr for crate::api::sse::SseParser {
    fn feed_str(&mut self, chunk: &str) -> Vec<String> {
        self.feed(chunk.as_bytes())
    }
}

mod endpoints;
mod errors;
mod models;
mod query;
mod request;
mod sse;
mod stream;
