//! The list's first read, started by the boot script while the wasm downloads
//! (`src/boot/first_read.js`). The request with the same URL takes its answer
//! instead of asking again; it is taken once.

use js_sys::{Object, Promise, Reflect};
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

use super::AbortOnDrop;

const GLOBAL: &str = "__nosanaFirstRead";

pub struct FirstRead {
    /// `{ status, body }`, the body read as text.
    answer: Promise,
    /// Aborts the read (and its body) when the request taking it is dropped.
    _abort: AbortOnDrop,
}

/// Set once there is no read ahead (none was started, or it was taken): the boot script
/// runs before the wasm, so none can appear later, and every GET can skip the lookup.
static NONE_LEFT: AtomicBool = AtomicBool::new(false);

/// The read started ahead for exactly the request's URL, if there is one not yet taken.
/// `url` is only built while a read ahead is waiting.
pub fn take(url: impl FnOnce() -> String) -> Option<FirstRead> {
    if NONE_LEFT.load(Ordering::Relaxed) {
        return None;
    }
    let window: Object = web_sys::window()?.unchecked_into();
    let global = JsValue::from_str(GLOBAL);
    let Some(read) = Reflect::get(&window, &global)
        .ok()
        .filter(JsValue::is_object)
    else {
        NONE_LEFT.store(true, Ordering::Relaxed);
        return None;
    };
    let field = |name: &str| Reflect::get(&read, &JsValue::from_str(name)).ok();
    if field("url")?.as_string() != Some(url()) {
        return None;
    }
    let _ = Reflect::delete_property(&window, &global);
    NONE_LEFT.store(true, Ordering::Relaxed);
    Some(FirstRead {
        answer: field("answer")?.dyn_into().ok()?,
        _abort: AbortOnDrop(field("controller")?.dyn_into::<AbortController>().ok()?),
    })
}

impl FirstRead {
    /// Its status and body, or `None` when it failed (offline, aborted): then the
    /// request is sent as usual, which reports or retries the failure.
    pub async fn answer(&self) -> Option<(u16, String)> {
        let answer = JsFuture::from(self.answer.clone()).await.ok()?;
        let field = |name: &str| Reflect::get(&answer, &JsValue::from_str(name)).ok();
        let status = u16::try_from(field("status")?.as_f64()? as u32).ok()?;
        Some((status, field("body")?.as_string()?))
    }
}
