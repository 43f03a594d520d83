//! `GET {node}/job/{job}/info`: the node's status stream of a running job, read with fetch
//! and a body reader (the node wants `Authorization: <node header>`, which `EventSource`
//! cannot send). Dropping the stream aborts the request.

use std::collections::VecDeque;
use std::time::Duration;

use gloo_net::http::{Method, RequestBuilder};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader};

use crate::api::http::within;
use crate::api::node::errors::http_status_message;
use crate::api::node::info::{parse_info, JobInfo};
use crate::api::sse::{is_event_stream, SseParser};

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
pub struct InfoStream {
    reader: ReadableStreamDefaultReader,
    parser: SseParser,
    ready: VecDeque<String>,
    ended: bool,
    abort: AbortController,
}

/// Opens `url` (see `api::node::address::info_url`) with the node header.
pub async fn open(url: &str, header: &str) -> Result<InfoStream, InfoError> {
    let abort = AbortController::new().map_err(|_| InfoError::Network)?;
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
        if !is_event_stream(response.headers().get("content-type").as_deref()) {
            return Err(InfoError::NotAStream);
        }
        let body = response.body().ok_or(InfoError::NotAStream)?;
        ReadableStreamDefaultReader::new(&body).map_err(|_| InfoError::NotAStream)
    };
    let reader = match within(Duration::from_millis(OPEN_TIMEOUT_MS.into()), opening).await {
        Some(r) => r,
        None => {
            abort.abort();
            return Err(InfoError::Timeout);
        }
    };
    let reader = match reader {
        Ok(r) => r,
        Err(e) => {
            abort.abort();
            return Err(e);
        }
    };
    Ok(InfoStream {
        reader,
        parser: SseParser::new(),
        ready: VecDeque::new(),
        ended: false,
        abort,
    })
}

impl InfoStream {
    /// The next frame; `Ok(None)` when the node ended the stream (the job ended).
    /// Data that is not a JSON object is skipped.
    pub async fn next(&mut self) -> Result<Option<JobInfo>, InfoError> {
        loop {
            while let Some(data) = self.ready.pop_front() {
                if let Some(info) = parse_info(&data) {
                    return Ok(Some(info));
                }
            }
            if self.ended {
                return Ok(None);
            }
            match within(
                Duration::from_millis(IDLE_LIMIT_MS.into()),
                self.read_chunk(),
            )
            .await
            {
                None => return Err(InfoError::Timeout),
                Some(Err(e)) => return Err(e),
                Some(Ok(Some(bytes))) => self.ready.extend(self.parser.feed(&bytes)),
                Some(Ok(None)) => self.ended = true,
            }
        }
    }

    async fn read_chunk(&mut self) -> Result<Option<Vec<u8>>, InfoError> {
        let result = JsFuture::from(self.reader.read())
            .await
            .map_err(|_| InfoError::Network)?;
        let done = js_sys::Reflect::get(&result, &"done".into())
            .map(|v| v.is_truthy())
            .unwrap_or(true);
        if done {
            return Ok(None);
        }
        let value =
            js_sys::Reflect::get(&result, &"value".into()).map_err(|_| InfoError::Network)?;
        Ok(Some(
            value
                .dyn_into::<js_sys::Uint8Array>()
                .map(|a| a.to_vec())
                .unwrap_or_default(),
        ))
    }
}

impl Drop for InfoStream {
    fn drop(&mut self) {
        let _ = self.reader.cancel();
        self.abort.abort();
    }
}
