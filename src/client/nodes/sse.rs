//! Reading a node's event stream from a fetch body: nodes want `Authorization: <node
//! header>`, which `EventSource` cannot send, so the body is read chunk by chunk and split
//! into events here. Dropping the reader cancels the body and aborts the request.

use std::collections::VecDeque;
use std::pin::Pin;

use gloo_net::http::Response;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::ReadableStreamDefaultReader;

use crate::api::http::AbortOnDrop;
use crate::api::sse::{is_event_stream, SseParser};

/// The body reader of an event-stream answer; `None` when the answer is not one.
pub fn body_reader(response: &Response) -> Option<ReadableStreamDefaultReader> {
    if !is_event_stream(response.headers().get("content-type").as_deref()) {
        return None;
    }
    ReadableStreamDefaultReader::new(&response.body()?).ok()
}

/// When `SseReader::next` gives up waiting and answers `Quiet`. One `Quiet` may span
/// several calls, so a caller that skips some events still waits no longer than it asked.
pub struct Quiet {
    ms: u32,
    /// Every chunk of bytes (a keep-alive comment too) starts the wait again.
    restart_on_bytes: bool,
    timer: Pin<Box<TimeoutFuture>>,
}

impl Quiet {
    /// Quiet once no bytes at all came for `ms`.
    pub fn no_bytes_for(ms: u32) -> Quiet {
        Quiet {
            ms,
            restart_on_bytes: true,
            timer: Box::pin(TimeoutFuture::new(ms)),
        }
    }

    /// Quiet `ms` from now, whatever arrives meanwhile.
    pub fn after(ms: u32) -> Quiet {
        Quiet {
            ms,
            restart_on_bytes: false,
            timer: Box::pin(TimeoutFuture::new(ms)),
        }
    }

    fn bytes_came(&mut self) {
        if self.restart_on_bytes {
            self.timer = Box::pin(TimeoutFuture::new(self.ms));
        }
    }
}

/// What the stream gave next.
pub enum Read {
    /// One event's data.
    Data(String),
    /// Nothing for the wait; the stream is still open.
    Quiet,
    /// The node ended the stream.
    Ended,
}

/// The body could not be read (network, or the request was aborted).
#[derive(Debug)]
pub struct ReadFailed;

/// An open event stream.
pub struct SseReader {
    reader: ReadableStreamDefaultReader,
    parser: SseParser,
    ready: VecDeque<String>,
    /// A read under way, kept across a quiet spell so no chunk is lost.
    pending: Option<JsFuture>,
    ended: bool,
    /// Aborts the request when the reader is dropped.
    _abort: AbortOnDrop,
}

impl SseReader {
    /// Reads `reader`; `abort` is the controller of its request, aborted on drop.
    pub fn new(reader: ReadableStreamDefaultReader, abort: AbortOnDrop) -> SseReader {
        SseReader {
            reader,
            parser: SseParser::new(),
            ready: VecDeque::new(),
            pending: None,
            ended: false,
            _abort: abort,
        }
    }

    /// The next event's data, `Quiet` once `quiet` says so, or `Ended`.
    pub async fn next(&mut self, quiet: &mut Quiet) -> Result<Read, ReadFailed> {
        loop {
            if let Some(data) = self.ready.pop_front() {
                return Ok(Read::Data(data));
            }
            if self.ended {
                return Ok(Read::Ended);
            }
            let read = self
                .pending
                .get_or_insert_with(|| JsFuture::from(self.reader.read()));
            let result = match futures::future::select(read, quiet.timer.as_mut()).await {
                futures::future::Either::Left((r, _)) => r,
                futures::future::Either::Right(_) => return Ok(Read::Quiet),
            };
            self.pending = None;
            let result = result.map_err(|_| ReadFailed)?;
            let Some(bytes) = chunk_of(&result) else {
                self.ended = true;
                continue;
            };
            self.ready.extend(self.parser.feed(&bytes));
            quiet.bytes_came();
        }
    }
}

/// The bytes of one `read()` of a body reader; `None` once the body has ended.
pub fn chunk_of(result: &wasm_bindgen::JsValue) -> Option<Vec<u8>> {
    let done = js_sys::Reflect::get(result, &"done".into())
        .map(|v| v.is_truthy())
        .unwrap_or(true);
    if done {
        return None;
    }
    Some(
        js_sys::Reflect::get(result, &"value".into())
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
            .map(|a| a.to_vec())
            .unwrap_or_default(),
    )
}

impl Drop for SseReader {
    fn drop(&mut self) {
        let _ = self.reader.cancel();
    }
}
