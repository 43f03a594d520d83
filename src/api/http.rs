//! The one place that talks to the network (wasm32 only): the Bearer header,
//! cancellation, timeouts, retries of reads, and the event stream.

use std::collections::VecDeque;
use std::future::{poll_fn, Future};
use std::pin::pin;
use std::task::Poll;
use std::time::Duration;

use gloo_net::http::{Method as GlooMethod, RequestBuilder, Response};
use gloo_timers::future::TimeoutFuture;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, ReadableStreamDefaultReader};

use super::error::{map_response, ApiError};
use super::models::StreamFrame;
use super::request::{ApiConfig, ApiRequest, Method};
use super::sse::{is_event_stream, SseParser};

mod first_read;

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// The server sends a keep-alive every 25 s; this much silence means the
/// connection is gone even if the browser has not noticed.
pub const STREAM_IDLE_LIMIT: Duration = Duration::from_secs(60);

/// Pauses before the 2nd and 3rd attempt of a GET.
const GET_RETRY_DELAYS_MS: [u32; 2] = [300, 900];

/// Sends the request with the default timeout. GETs are retried on passing
/// faults; POST, PATCH and DELETE are sent once, as a repeat could act twice.
/// Dropping the future aborts the request.
pub async fn send<T: DeserializeOwned>(
    cfg: &ApiConfig,
    req: &ApiRequest<T>,
) -> Result<T, ApiError> {
    send_with_timeout(cfg, req, DEFAULT_TIMEOUT).await
}

/// `timeout` bounds each attempt, from sending to the end of the body.
pub async fn send_with_timeout<T: DeserializeOwned>(
    cfg: &ApiConfig,
    req: &ApiRequest<T>,
    timeout: Duration,
) -> Result<T, ApiError> {
    let mut delays = GET_RETRY_DELAYS_MS.iter();
    loop {
        let result = send_once(cfg, req, timeout).await;
        match (&result, delays.next()) {
            (Err(e), Some(ms)) if req.method == Method::Get && e.is_retryable_for_get() => {
                TimeoutFuture::new(*ms).await;
            }
            _ => return result,
        }
    }
}

async fn send_once<T: DeserializeOwned>(
    cfg: &ApiConfig,
    req: &ApiRequest<T>,
    timeout: Duration,
) -> Result<T, ApiError> {
    let abort = AbortOnDrop::new()?;
    let exchange = async {
        // The list's first read may have been started by the boot script; its
        // abort guard lives until the body is read, like `abort` for our own.
        let ahead = (req.method == Method::Get)
            .then(|| first_read::take(|| req.url(&cfg.base_url)))
            .flatten();
        let read_ahead = match &ahead {
            Some(read) => read.answer().await,
            None => None,
        };
        let (status, body) = match read_ahead {
            Some(answer) => answer,
            None => {
                let response = fetch(cfg, req, &abort.signal()).await?;
                (response.status(), response.text().await.map_err(network)?)
            }
        };
        req.decode(status, &body)
    };
    within(timeout, exchange)
        .await
        .unwrap_or(Err(ApiError::Timeout))
}

async fn fetch<T>(
    cfg: &ApiConfig,
    req: &ApiRequest<T>,
    signal: &AbortSignal,
) -> Result<Response, ApiError> {
    let authorization = cfg.authorization()?;
    let builder = RequestBuilder::new(&req.url(&cfg.base_url))
        .method(gloo_method(req.method))
        .header("Authorization", &authorization)
        .abort_signal(Some(signal));
    let request = match (req.content_type(), req.body_text()) {
        (Some(content_type), Some(body)) => builder.header("Content-Type", content_type).body(body),
        _ => builder.build(),
    }
    .map_err(network)?;
    request.send().await.map_err(network)
}

fn gloo_method(method: Method) -> GlooMethod {
    match method {
        Method::Get => GlooMethod::GET,
        Method::Post => GlooMethod::POST,
        Method::Patch => GlooMethod::PATCH,
        Method::Delete => GlooMethod::DELETE,
    }
}

/// A fetch that fails has no HTTP status: the browser hides why (CORS, offline, DNS).
fn network(e: gloo_net::Error) -> ApiError {
    ApiError::Network {
        detail: e.to_string(),
    }
}

/// `None` when `limit` passes first; the unfinished future is dropped.
pub async fn within<F: Future>(limit: Duration, fut: F) -> Option<F::Output> {
    let ms = u32::try_from(limit.as_millis()).unwrap_or(u32::MAX);
    let mut fut = pin!(fut);
    let mut timer = pin!(TimeoutFuture::new(ms));
    poll_fn(|cx| {
        if let Poll::Ready(out) = fut.as_mut().poll(cx) {
            return Poll::Ready(Some(out));
        }
        timer.as_mut().poll(cx).map(|_| None)
    })
    .await
}

/// Aborts the fetch (and its body) when dropped: a dropped future, a timeout or a
/// closed stream cancels the request instead of leaving it running.
pub struct AbortOnDrop(AbortController);

impl AbortOnDrop {
    pub fn new() -> Result<Self, ApiError> {
        AbortController::new()
            .map(AbortOnDrop)
            .map_err(|_| ApiError::Network {
                detail: "this browser cannot cancel requests (no AbortController)".into(),
            })
    }

    pub fn signal(&self) -> AbortSignal {
        self.0.signal()
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// An open `text/event-stream` response, read frame by frame. Dropping it closes
/// the connection.
pub struct EventStream {
    reader: ReadableStreamDefaultReader,
    parser: SseParser,
    ready: VecDeque<String>,
    ended: bool,
    _abort: AbortOnDrop,
}

/// Opens the stream at `path` (see `endpoints::stream_path`). `EventSource` cannot
/// send the Bearer header, so this is a plain fetch read chunk by chunk. A gateway
/// without the route gives `ApiError::RouteNotFound`: fall back to polling.
pub async fn open_stream(cfg: &ApiConfig, path: &str) -> Result<EventStream, ApiError> {
    let abort = AbortOnDrop::new()?;
    let req = ApiRequest::<()>::new(Method::Get, path);
    let opening = async {
        let response = fetch(cfg, &req, &abort.signal()).await?;
        let status = response.status();
        if !(200..300).contains(&status) {
            let body = response.text().await.unwrap_or_default();
            map_response(status, &body)?;
        }
        // A host without the route may answer 200 with its HTML fallback page.
        if !is_event_stream(response.headers().get("content-type").as_deref()) {
            return Err(ApiError::UnexpectedBody {
                status,
                detail: "the answer is not an event stream".into(),
            });
        }
        let body = response.body().ok_or_else(|| ApiError::UnexpectedBody {
            status,
            detail: "the stream has no body".into(),
        })?;
        ReadableStreamDefaultReader::new(&body).map_err(|_| ApiError::UnexpectedBody {
            status,
            detail: "the stream cannot be read".into(),
        })
    };
    let reader = within(DEFAULT_TIMEOUT, opening)
        .await
        .unwrap_or(Err(ApiError::Timeout))?;
    Ok(EventStream {
        reader,
        parser: SseParser::new(),
        ready: VecDeque::new(),
        ended: false,
        _abort: abort,
    })
}

impl EventStream {
    /// The next event's data; `Ok(None)` once the server closed the stream.
    /// `Err(Timeout)` after `STREAM_IDLE_LIMIT` without a byte: drop the stream
    /// and open a new one (it starts with a fresh snapshot).
    pub async fn next_data(&mut self) -> Result<Option<String>, ApiError> {
        loop {
            if let Some(data) = self.ready.pop_front() {
                return Ok(Some(data));
            }
            if self.ended {
                return Ok(None);
            }
            let chunk = within(STREAM_IDLE_LIMIT, self.read_chunk()).await;
            match chunk.unwrap_or(Err(ApiError::Timeout))? {
                Some(bytes) => self.ready.extend(self.parser.feed(&bytes)),
                None => self.ended = true,
            }
        }
    }

    /// The next frame this client understands the shape of; others are skipped.
    pub async fn next_frame(&mut self) -> Result<Option<StreamFrame>, ApiError> {
        while let Some(data) = self.next_data().await? {
            if let Some(frame) = StreamFrame::parse(&data) {
                return Ok(Some(frame));
            }
        }
        Ok(None)
    }

    async fn read_chunk(&mut self) -> Result<Option<Vec<u8>>, ApiError> {
        let lost = |_| ApiError::Network {
            detail: "the stream was interrupted".into(),
        };
        let result = JsFuture::from(self.reader.read()).await.map_err(lost)?;
        let done = js_sys::Reflect::get(&result, &"done".into())
            .map(|v| v.is_truthy())
            .unwrap_or(true);
        if done {
            return Ok(None);
        }
        let value = js_sys::Reflect::get(&result, &"value".into()).map_err(lost)?;
        let bytes = value
            .dyn_into::<js_sys::Uint8Array>()
            .map(|a| a.to_vec())
            .unwrap_or_default();
        Ok(Some(bytes))
    }
}

impl Drop for EventStream {
    fn drop(&mut self) {
        // The returned promise settles on its own; the abort below ends the fetch.
        let _ = self.reader.cancel();
    }
}
