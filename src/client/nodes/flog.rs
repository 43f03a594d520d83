//! One job's `/flog` WebSocket on its node: sends the handshake on `open`, hands each
//! readable frame (parsed by `api::node::flog`) and the close code to the caller.
//! Dropping the socket closes it and silences its handlers.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{CloseEvent, Event, MessageEvent, WebSocket};

use crate::api::node::flog::{parse_frame, TaskLog};

/// What the socket reports.
pub enum SocketEvent {
    /// The handshake was sent.
    Open,
    Log(TaskLog),
    /// The socket closed; 1006 when the browser gives no code (network drop).
    Closed(u16),
}

/// An open (or opening) log socket.
pub struct LogSocket {
    ws: WebSocket,
    _on_open: Closure<dyn FnMut(Event)>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
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
    let got = on_event.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        // Frames that are not log lines (another path, not JSON) are skipped, not fatal.
        if let Some(text) = e.data().as_string() {
            if let Ok(log) = parse_frame(&text) {
                got(SocketEvent::Log(log));
            }
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
    ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    Ok(LogSocket {
        ws,
        _on_open: on_open,
        _on_message: on_message,
        _on_close: on_close,
    })
}

impl Drop for LogSocket {
    fn drop(&mut self) {
        self.ws.set_onopen(None);
        self.ws.set_onmessage(None);
        self.ws.set_onclose(None);
        let _ = self.ws.close_with_code(1000);
    }
}
