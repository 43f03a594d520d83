//! A job's resource figures on its node: `GET /job/{job}/stats` (a range of samples) and
//! `GET /job/{job}/stats/stream` (SSE, read with fetch and a body reader because the node
//! wants `Authorization: <node header>`). Dropping a stream aborts its request.

use std::time::Duration;

use gloo_net::http::{Method, RequestBuilder};

use wasm_bindgen_futures::JsFuture;
use web_sys::ReadableStreamDefaultReader;

use super::sse::{body_reader, chunk_of, Quiet, Read, SseReader};

use crate::api::http::{within, AbortOnDrop};
use crate::api::node::errors::http_status_message;
use crate::api::node::stats::{parse_stats, route_missing, TaskStat};
use crate::api::node::stats_reader::StatsReader;

/// A `/stats` answer or the stream's opening must come within this.
const ANSWER_TIMEOUT_MS: u64 = 20_000;

/// Why figures could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatsError {
    /// A 404 on the route itself: this node does not report usage (not an error).
    NotOffered,
    /// The node answered with an HTTP error (401: bad header, 404: the job is not there).
    Status(u16),
    Network,
    NotAStream,
    Timeout,
    /// The stream ended while the job still runs there.
    Closed,
}

impl StatsError {
    pub fn message(&self) -> String {
        match self {
            StatsError::NotOffered => "This node does not report usage.".to_string(),
            StatsError::Status(s) => http_status_message(*s),
            StatsError::Network => http_status_message(0),
            StatsError::NotAStream => "The node's answer was not a usage stream.".to_string(),
            StatsError::Timeout => "The node did not answer in time.".to_string(),
            StatsError::Closed => "The node closed the usage stream.".to_string(),
        }
    }

    pub fn is_unauthorized(&self) -> bool {
        matches!(self, StatsError::Status(401 | 403))
    }

    /// Asking again will not help: the route is missing or the job is not on that node.
    pub fn is_final(&self) -> bool {
        matches!(self, StatsError::NotOffered | StatsError::Status(404))
    }
}

async fn get(
    url: &str,
    header: Option<&str>,
    signal: &web_sys::AbortSignal,
) -> Result<gloo_net::http::Response, StatsError> {
    let mut req = RequestBuilder::new(url)
        .method(Method::GET)
        .abort_signal(Some(signal));
    if let Some(h) = header {
        req = req.header("Authorization", h);
    }
    let response = req.send().await.map_err(|_| StatsError::Network)?;
    let status = response.status();
    if (200..300).contains(&status) {
        return Ok(response);
    }
    let kind = response.headers().get("content-type");
    let body = response.text().await.unwrap_or_default();
    if route_missing(status, kind.as_deref(), &body) {
        return Err(StatsError::NotOffered);
    }
    Err(StatsError::Status(status))
}

/// Samples of a range (see `api::node::stats::stats_url`), oldest first.
pub async fn fetch(url: &str, header: &str) -> Result<Vec<TaskStat>, StatsError> {
    let abort = AbortOnDrop::new().map_err(|_| StatsError::Network)?;
    let signal = abort.signal();
    let answer = within(Duration::from_millis(ANSWER_TIMEOUT_MS), async {
        let response = get(url, Some(header), &signal).await?;
        // Read as the bytes arrive: a day of samples is megabytes of JSON, and parsed whole
        // after the last byte it kept the main thread busy just when the charts are drawn.
        let mut samples = StatsReader::default();
        let body = response.body().ok_or(StatsError::Network)?;
        let reader = ReadableStreamDefaultReader::new(&body).map_err(|_| StatsError::Network)?;
        loop {
            let result = JsFuture::from(reader.read())
                .await
                .map_err(|_| StatsError::Network)?;
            match chunk_of(&result) {
                Some(bytes) => samples.push(&bytes),
                None => return Ok(samples.finish()),
            }
        }
    })
    .await;
    answer.unwrap_or(Err(StatsError::Timeout))
}

/// `/node/info` (no header): `None` when the node does not say (older node, error).
pub async fn node_info(url: &str) -> Option<crate::api::node::stats::NodeHost> {
    let abort = AbortOnDrop::new().ok()?;
    let signal = abort.signal();
    let answer = within(Duration::from_millis(ANSWER_TIMEOUT_MS), async {
        let response = get(url, None, &signal).await.ok()?;
        let text = response.text().await.ok()?;
        crate::api::node::stats::parse_node_info(&text)
    })
    .await;
    drop(abort);
    answer.flatten()
}

/// What the stream gave next.
pub enum Next {
    Samples(Vec<TaskStat>),
    /// Nothing for the quiet limit: the stream is still open (poll `/stats` meanwhile).
    Quiet,
    /// The node ended the stream (the job ended).
    Ended,
}

/// An open `/stats/stream`.
pub struct StatsStream(SseReader);

pub async fn open(url: &str, header: &str) -> Result<StatsStream, StatsError> {
    let abort = AbortOnDrop::new().map_err(|_| StatsError::Network)?;
    let signal = abort.signal();
    let opening = async {
        let response = get(url, Some(header), &signal).await?;
        body_reader(&response).ok_or(StatsError::NotAStream)
    };
    match within(Duration::from_millis(ANSWER_TIMEOUT_MS), opening).await {
        Some(Ok(reader)) => Ok(StatsStream(SseReader::new(reader, abort))),
        Some(Err(e)) => Err(e),
        None => Err(StatsError::Timeout),
    }
}

impl StatsStream {
    /// The next frame's samples (frames that hold none, such as non-JSON data, are
    /// skipped), or `Quiet` after `quiet_ms` without one.
    pub async fn next(&mut self, quiet_ms: u32) -> Result<Next, StatsError> {
        let mut quiet = Quiet::after(quiet_ms);
        loop {
            match self.0.next(&mut quiet).await {
                Ok(Read::Data(data)) => {
                    let samples = parse_stats(&data);
                    if !samples.is_empty() {
                        return Ok(Next::Samples(samples));
                    }
                }
                Ok(Read::Quiet) => return Ok(Next::Quiet),
                Ok(Read::Ended) => return Ok(Next::Ended),
                Err(_) => return Err(StatsError::Network),
            }
        }
    }
}
