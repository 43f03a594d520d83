//! The list's first read, started by the boot script while the wasm downloads
//! (`src/boot/first_read.js`). The request with the same URL takes its answer
//! instead of asking again; it is taken once.

use gloo_net::http::Response;
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

use super::AbortOnDrop;

const GLOBAL: &str = "__nosanaFirstRead";

pub struct FirstRead {
    response: Promise,
    /// Aborts the read (and its body) when the request taking it is dropped.
    _abort: AbortOnDrop,
}

/// The read started ahead for exactly `url`, if there is one not yet taken.
pub fn take(url: &str) -> Option<FirstRead> {
    let window: Object = web_sys::window()?.unchecked_into();
    let global = JsValue::from_str(GLOBAL);
    let read = Reflect::get(&window, &global)
        .ok()
        .filter(JsValue::is_object)?;
    let field = |name: &str| Reflect::get(&read, &JsValue::from_str(name)).ok();
    if field("url")?.as_string().as_deref() != Some(url) {
        return None;
    }
    let _ = Reflect::delete_property(&window, &global);
    Some(FirstRead {
        response: field("response")?.dyn_into().ok()?,
        _abort: AbortOnDrop(field("controller")?.dyn_into::<AbortController>().ok()?),
    })
}

impl FirstRead {
    /// Its answer, or `None` when it failed (offline, aborted): then the request is
    /// sent as usual, which reports or retries the failure.
    pub async fn response(&self) -> Option<Response> {
        let answer = JsFuture::from(self.response.clone()).await.ok()?;
        answer
            .dyn_into::<web_sys::Response>()
            .ok()
            .map(Response::from)
    }
}
