//! One job's `/flog` WebSocket on its node: sends the handshake on `open`, reports the open
//! and the close code to the caller, and keeps the frames for the caller to take in batches.
//! Dropping the socket closes it and silences its handlers.
//!
//! Frames never call into wasm one by one: at 2,000 lines a second that call (and its parse)
//! was a third of the main thread's time. The socket's `onmessage` is the queue's own
//! `Array.prototype.push`, so a frame only appends its event to a JS array; the caller takes
//! and parses many at once (`take`).

use std::cell::Cell;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CloseEvent, Event, MessageEvent, WebSocket};

use crate::api::node::flog::{parse_frame, TaskLog};

/// What the socket reports as it happens (frames wait in the queue: `LogSocket::take`).
pub enum SocketEvent {
    /// The handshake was sent.
    Open,
    /// The socket closed; 1006 when the browser gives no code (network drop).
    Closed(u16),
}

/// An open (or opening) log socket.
pub struct LogSocket {
    ws: WebSocket,
    /// Message events not taken yet, from `read` on.
    queue: Array,
    read: Cell<u32>,
    _on_open: Closure<dyn FnMut(Event)>,
    _on_close: Closure<dyn FnMut(CloseEvent)>,
}

/// Opens `url` (see `api::node::address::websocket_url`) and sends `handshake` (which holds
/// the node header: it is never logged) once open.
pub fn open(
    url: &str,
    handshake: String,
    on_event: impl Fn(SocketEvent) + 'static,
) -> Result<LogSocket, String> {
    let ws = WebSocket::new(url).map_err(|_| "The node's address is not valid.".to_string())?;
    let on_event = std::rc::Rc::new(on_event);
    let sender = ws.clone();
    let opened = on_event.clone();
    let on_open = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
        if sender.send_with_str(&handshake).is_ok() {
            opened(SocketEvent::Open);
        }
    });
    let closed = on_event;
    let on_close = Closure::<dyn FnMut(CloseEvent)>::new(move |e: CloseEvent| {
        let code = match e.code() {
            0 | 1005 => 1006,
            c => c,
        };
        closed(SocketEvent::Closed(code));
    });
    let queue = Array::new();
    let push = Reflect::get(&queue, &JsValue::from_str("push"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| "This browser cannot read the node's logs.".to_string())?
        .bind0(&queue);
    ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    ws.set_onmessage(Some(&push));
    ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    Ok(LogSocket {
        ws,
        queue,
        read: Cell::new(0),
        _on_open: on_open,
        _on_close: on_close,
    })
}

impl LogSocket {
    /// Takes up to `max` frames in arrival order, parsed; frames that are not log lines
    /// (another path, not JSON) are skipped, not fatal.
    pub fn take(&self, max: usize) -> Vec<TaskLog> {
        let start = self.read.get();
        let len = self.queue.length();
        let end = len.min(start.saturating_add(u32::try_from(max).unwrap_or(u32::MAX)));
        let logs = (start..end)
            .filter_map(|i| {
                let text = self.queue.get(i).unchecked_into::<MessageEvent>().data();
                parse_frame(&text.as_string()?).ok()
            })
            .collect();
        if end == len {
            // All taken: the array starts again empty (events arriving later are pushed to it).
            self.queue.set_length(0);
            self.read.set(0);
        } else {
            self.read.set(end);
        }
        logs
    }

    /// Frames wait to be taken.
    pub fn has_frames(&self) -> bool {
        self.queue.length() > self.read.get()
    }
}

impl Drop for LogSocket {
    fn drop(&mut self) {
        self.ws.set_onopen(None);
        self.ws.set_onmessage(None);
        self.ws.set_onclose(None);
        self.queue.set_length(0);
        let _ = self.ws.close_with_code(1000);
    }
}
