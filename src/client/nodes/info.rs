//! `GET {node}/job/{job}/info`: the node's status stream of a running job, read with fetch
//! and a body reader (the node wants `Authorization: <node header>`, which `EventSource`
//! cannot send). Dropping the stream aborts the request.

use std::time::Duration;

use gloo_net::http::{Method, RequestBuilder};

use super::sse::{body_reader, Quiet, Read, SseReader};
use crate::api::http::{within, AbortOnDrop};
use crate::api::node::errors::http_status_message;
use crate::api::node::info::{parse_info, JobInfo};

/// Opening must answer within this; a quiet stream may then be silent until it ends.
const OPEN_TIMEOUT_MS: u32 = 20_000;
/// Nodes send keep-alive comments; this much silence means the connection is gone.
const IDLE_LIMIT_MS: u32 = 90_000;

/// Why the status stream failed, in plain words for the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InfoError {
    /// The node answered with an HTTP error (401: bad header, 404: no such job there).
    Status(u16),
    /// No answer: network, CORS, or the node is down.
    Network,
    /// The answer was not an event stream.
    NotAStream,
    Timeout,
}

impl InfoError {
    pub fn message(&self) -> String {
        match self {
            InfoError::Status(s) => http_status_message(*s),
            InfoError::Network => http_status_message(0),
            InfoError::NotAStream => "The node's answer was not a status stream.".to_string(),
            InfoError::Timeout => "The node did not answer in time.".to_string(),
        }
    }

    /// 401: get a new node header once and try again.
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, InfoError::Status(401 | 403))
    }
}

/// An open status stream.
pub struct InfoStream(SseReader);

/// Opens `url` (see `api::node::address::info_url`) with the node header.
pub async fn open(url: &str, header: &str) -> Result<InfoStream, InfoError> {
    // Aborted when dropped: also when this future is dropped before the node answers.
    let abort = AbortOnDrop::new().map_err(|_| InfoError::Network)?;
    let signal = abort.signal();
    let opening = async {
        let response = RequestBuilder::new(url)
            .method(Method::GET)
            .header("Authorization", header)
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|_| InfoError::Network)?;
        let status = response.status();
        if !(200..300).contains(&status) {
            return Err(InfoError::Status(status));
        }
        body_reader(&response).ok_or(InfoError::NotAStream)
    };
    match within(Duration::from_millis(OPEN_TIMEOUT_MS.into()), opening).await {
        Some(Ok(reader)) => Ok(InfoStream(SseReader::new(reader, abort))),
        Some(Err(e)) => Err(e),
        None => Err(InfoError::Timeout),
    }
}

impl InfoStream {
    /// The next frame; `Ok(None)` when the node ended the stream (the job ended).
    /// Data that is not a JSON object is skipped.
    pub async fn next(&mut self) -> Result<Option<JobInfo>, InfoError> {
        let mut quiet = Quiet::no_bytes_for(IDLE_LIMIT_MS);
        loop {
            match self.0.next(&mut quiet).await {
                Ok(Read::Data(data)) => {
                    if let Some(info) = parse_info(&data) {
                        return Ok(Some(info));
                    }
                }
                Ok(Read::Ended) => return Ok(None),
                Ok(Read::Quiet) => return Err(InfoError::Timeout),
                Err(_) => return Err(InfoError::Network),
            }
        }
    }
}
